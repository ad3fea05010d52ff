"""The exactly named sheet wins over its look-alikes, whatever the tab order (issue class: a
copy of a sheet made in Excel decides the figures by where its tab stands)."""

from __future__ import annotations

import itertools

import openpyxl
import pytest

from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import write_workbook

LOOK_ALIKES = ["Realisasi_", "realisasi ", "Realisasi-", " Realisasi", "Reali sasi"]
"""(Excel itself refuses two tabs that differ only in case.)"""


def _with_copy(tmp_path, alike: str, before: bool):
    """The minimal isian plus a copy of its Realisasi sheet titled `alike` whose IS1 realisasi
    says 10 % instead of 72 %, its tab before or after the real one."""
    path = write_workbook(tmp_path / "isian.xlsx")
    book = openpyxl.load_workbook(path)
    real = book["Realisasi"]
    copy = book.copy_worksheet(real)
    copy.title = alike
    for row in copy.iter_rows():
        for cell in row:
            if cell.value == "72%":
                cell.value = "10%"
    if before:
        book.move_sheet(copy, offset=book.index(real) - book.index(copy))
    book.save(path)
    assert (book.sheetnames.index(alike) < book.sheetnames.index("Realisasi")) is before
    return path


@pytest.mark.parametrize(("alike", "before"), list(itertools.product(LOOK_ALIKES, [True, False])))
def test_the_real_sheet_is_read_and_the_copy_is_named(tmp_path, alike, before):
    laporan = read_workbook(_with_copy(tmp_path, alike, before))
    assert laporan.realisasi["IS1"].realisasi.number == 72
    named = [f for f in laporan.findings if f.code == "STR-016"]
    assert [f.sheet for f in named] == [alike]
    assert not [f for f in laporan.findings if f.sheet == "Realisasi" and f.code == "STR-016"]


def test_choosing_among_look_alikes():
    from sakip_xlsx.lkip.schema import find_sheet

    names = ("Realisasi",)
    assert find_sheet(["Realisasi_", "Realisasi"], names) == "Realisasi"
    assert find_sheet(["Realisasi_", "realisasi "], names) == "realisasi "  # case differs less
    assert find_sheet(["Realisasi_", "Realisasi-"], names) == "Realisasi_"  # then tab order
    assert find_sheet(["Realisasi (2)"], names) is None  # a copy's name is no look-alike
    assert find_sheet(["Data Kinerja"], ("Realisasi", "Data Kinerja")) == "Data Kinerja"
