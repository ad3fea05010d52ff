"""The fast worksheet writes exactly the sheet XML xlsxwriter writes, for every cell kind."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from sakip_xlsx.render.xlsx.completed.fast_sheet import FastWorksheet

TEXTS = [
    "Kecamatan Puger",
    "Persentase (%) & rasio <1>",
    " leading space",
    "trailing space ",
    "line\nbreak",
    "ends with newline\n",
    "tab\tinside",
    "control \x01 char",
    "escape look-alike _x0041_ here",
    "non-character \ufffe and \uffff",
    'quote "inside"',
    "Ø ünïcödé — 😀",
    "",
    "x" * 300,
]
FORMULAS = [
    ("=SUM(A1:A3)", 6),
    ("=A1/B1", 84.61234567890123),
    ('=IF(A1="","",A1)', ""),
    ('=IF(A1>0,"Ya","Tidak")', "Ya"),
    ("=A1<>B1", True),
    ("=A1<B1", False),
    ("=1/0", "#DIV/0!"),
    ('=A1&" & <b>"', "x & <b>"),
    ("{=SUM(A1:A3)}", 6),
]


def _sheet_xml(path: Path, worksheet_class: type) -> bytes:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": str(path.parent)})
    ws = wb.add_worksheet("Data", worksheet_class=worksheet_class)
    bold = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "#,##0"})
    ws.set_column(3, 3, 20, money)  # a column format for cells without their own
    ws.set_row(2, 30, bold)  # a row format and height
    ws.set_row(40, 18)  # a row with a height and nothing else
    row = 0
    for text in TEXTS:
        ws.write_string(row, 0, text)
        ws.write_string(row, 1, text, bold)
        row += 1
    for number in (0, 1, -2.5, 1e-20, 123456789012345.67, 2**53, 0.1 + 0.2):
        ws.write_number(row, 0, number)
        ws.write_number(row, 3, number)  # takes the column format
        row += 1
    for formula, value in FORMULAS:
        ws.write_formula(row, 0, formula, money, value)
        ws.write_formula(row, 2, formula, None, value)
        row += 1
    ws.write_blank(row, 0, None, bold)
    ws.write_blank(row, 3, None, money)
    ws.write_boolean(row, 1, True)
    ws.write_datetime(row, 2, datetime.date(2023, 12, 31), money)
    row += 1
    ws.write_rich_string(row, 0, "a ", bold, "tebal", " b")
    ws.write_url(row, 1, "https://example.org/?a=1&b=2", string="tautan")
    ws.write_comment(row + 3, 0, "catatan")
    ws.write_string(row + 5, 4, "after a gap")
    wb.close()
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


def test_fast_sheet_writes_the_same_xml_as_xlsxwriter(tmp_path: Path) -> None:
    from sakip_xlsx.render.xlsx.completed import fast_sheet

    assert fast_sheet.FAST  # the installed xlsxwriter has the cell records the loop expects
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ours = _sheet_xml(tmp_path / "a" / "fast.xlsx", FastWorksheet)
    theirs = _sheet_xml(tmp_path / "b" / "plain.xlsx", Worksheet)
    assert b"_x0001_" in theirs and b"&amp;" in theirs and b'xml:space="preserve"' in theirs
    assert ours == theirs


@pytest.mark.parametrize("text", TEXTS)
def test_each_text_alone_matches(tmp_path: Path, text: str) -> None:
    def one(folder: str, worksheet_class: type) -> bytes:
        path = tmp_path / folder / "t.xlsx"
        path.parent.mkdir()
        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        ws = wb.add_worksheet(worksheet_class=worksheet_class)
        ws.write_string(0, 0, text)
        ws.write_formula(1, 0, "=A1", None, text)  # the text as a formula's cached result
        wb.close()
        with zipfile.ZipFile(path) as zf:
            return zf.read("xl/worksheets/sheet1.xml")

    assert one("fast", FastWorksheet) == one("plain", Worksheet)
