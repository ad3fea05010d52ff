"""Mutation fuzzing of the Puger example: whatever a colleague does to the workbook (deletes a
sheet or a column, empties a sheet, types odd values anywhere), `fill` either writes a
completed workbook or stops with a user error; it never fails with an internal error."""

from __future__ import annotations

import datetime as dt
import random
import shutil

import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import fill
from sakip_xlsx.safety.errors import SakipError

ODD_VALUES = [
    None,
    "",
    "-",
    "=1+1",
    "#DIV/0!",
    "abc",
    0,
    -1,
    1e308,
    -1e-308,
    0.5,
    "80-90",
    "90-80",
    "B (x)",
    "AA",
    "Rp",
    "1.2.3",
    "12,,3",
    "Tw 9. 1",
    "   ",
    "'",
    True,
    False,
    dt.datetime(2023, 1, 1),
    10**20,
    "1,961,144,146",
    "%",
    "Rentang",
    "Negatif",
    "Akhir",
    "Rata-rata",
    "Program",
    "Kegiatan",
    "Sub Kegiatan",
    "P1",
    "S1",
    "IS1",
    "x" * 40_000,
]


def _structural_cases(puger_path):
    wb = openpyxl.load_workbook(puger_path)
    cases = []
    for name in wb.sheetnames:
        cases.append(("hapus sheet", name, None))
        cases.append(("kosongkan", name, None))
        cases.extend(("hapus kolom", name, c.column) for c in wb[name][1] if c.value)
    return cases


def _fill_survives(path, out):
    try:
        result = fill(path, out, force=True)
    except SakipError:
        return None
    assert out.exists()
    return result


def test_structural_mutations(puger_path, tmp_path):
    cases = _structural_cases(puger_path)
    assert len(cases) > 50
    for kind, name, col in cases:
        path = tmp_path / "m.xlsx"
        shutil.copy(puger_path, path)
        wb = openpyxl.load_workbook(path)
        if kind == "hapus sheet":
            wb.remove(wb[name])
        elif kind == "hapus kolom":
            wb[name].delete_cols(col)
        else:
            for row in wb[name].iter_rows(min_row=2):
                for c in row:
                    c.value = None
        wb.save(path)
        _fill_survives(path, tmp_path / "out.xlsx")


@pytest.mark.parametrize("seed", range(25))
def test_random_values_anywhere(puger_path, tmp_path, seed):
    rng = random.Random(seed)
    path = tmp_path / "r.xlsx"
    shutil.copy(puger_path, path)
    wb = openpyxl.load_workbook(path)
    for _ in range(rng.randint(1, 25)):
        ws = wb[rng.choice(wb.sheetnames)]
        row = rng.randint(1, max(2, ws.max_row + 2))
        col = rng.randint(1, max(2, ws.max_column + 1))
        ws.cell(row=row, column=col).value = rng.choice(ODD_VALUES)
    wb.save(path)
    _fill_survives(path, tmp_path / "out.xlsx")
