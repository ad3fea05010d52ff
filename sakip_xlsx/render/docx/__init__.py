"""The LKIP document (DOCX) and its PDF through LibreOffice, and the pemda template they may
borrow a letterhead from."""
