"""Malformed cells are named at their place, never guessed (issue class: a shared-string index
of -1 silently took the last string; a cell on row 0 was silently dropped)."""

from __future__ import annotations

import pytest

from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import rewrite_sheet_xml, write_workbook

G2 = rb'(<c r="G2"[^>]*t="s"><v>)\d+'  # Realisasi G2: the realisasi of IS1, 72 %


def _malformed(laporan):
    return [f for f in laporan.findings if f.code == "BACA-010"]


@pytest.mark.parametrize("index", [b"-1", b"-2", b"100000", b"1.5", b"x"])
def test_a_shared_string_index_outside_the_table(tmp_path, index):
    book = rewrite_sheet_xml(
        write_workbook(tmp_path / "isian.xlsx"), "Realisasi", G2, rb"\g<1>" + index
    )
    laporan = read_workbook(book)
    (item,) = _malformed(laporan)
    assert item.location == "Realisasi!G2" and item.severity.value == "error"
    assert index.decode() in item.message and "teks bersama" in item.message
    # not guessed: the value is missing, so IS1 is not assessed instead of taking a stray text
    assert laporan.realisasi["IS1"].realisasi.value.number is None


def test_a_cell_on_row_zero_is_named(tmp_path):
    book = rewrite_sheet_xml(
        write_workbook(tmp_path / "isian.xlsx"),
        "Realisasi",
        rb"<sheetData>",
        b'<sheetData><row r="0"><c r="B0" t="inlineStr"><is><t>realisasi 95</t></is></c></row>',
    )
    (item,) = _malformed(read_workbook(book))
    assert item.sheet == "Realisasi" and item.cell is None
    assert "B0" in item.message and "baris 0" in item.message and "realisasi 95" in item.message


def test_a_well_formed_workbook_has_none(tmp_path):
    assert _malformed(read_workbook(write_workbook(tmp_path / "isian.xlsx"))) == []
