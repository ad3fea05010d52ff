"""The renderers of the format-neutral LKIP: `xlsx` (completed workbook, rekap, template) and
`docx` (the LKIP document and its PDF)."""
