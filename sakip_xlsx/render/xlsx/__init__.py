"""Workbooks written with xlsxwriter: the completed workbook, the rekap, the blank template,
their shared styles and the formula text."""
