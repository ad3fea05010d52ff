"""Budgets at any level: a report that knows pagu and realisasi only per program (or per
kegiatan) gets its serapan and sisa from those figures, in Python and in the formulas."""

from __future__ import annotations

import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import check, fill
from sakip_xlsx.lkip import rules
from tests.helpers import minimal_rows, write_workbook
from tests.lo import recalculated_mismatches, requires_soffice

PROGRAM = "7.01.01"
PAGU, REALISASI = 2_500_000_000, 2_312_345_678


def program_only(rows=None):
    """The minimal workbook with its budget known only for the program."""
    rows = rows or minimal_rows()
    for row in rows["RKT"]:
        row.pop("pagu", None)
        if row["kode"] == PROGRAM:
            row["pagu"] = "Rp 2.500.000.000"
    rows["Realisasi"][1].pop("realisasi_anggaran")
    rows["Realisasi"].append({"kode": PROGRAM, "realisasi_anggaran": "2.312.345.678"})
    rows["PK"][1]["anggaran"] = PAGU
    return rows


@pytest.mark.parametrize(
    ("own", "children", "expected"),
    [
        (500.0, [None, None], 500.0),  # only the program knows its budget
        (500.0, [200.0, None], 200.0),  # a child has a figure: the children's sum counts
        (None, [200.0, 100.0], 300.0),
        (None, [None], None),  # nothing anywhere
        (None, [], None),
        (0.0, [], 0.0),
    ],
)
def test_rollup_rule(own, children, expected):
    assert rules.rollup(own, children) == expected


def test_program_only_budget_in_python(tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", program_only())
    result = check(path)
    h = result.hasil
    a = h.anggaran[PROGRAM]
    assert (a.pagu, a.realisasi) == (PAGU, REALISASI)
    assert round(a.serapan, 2) == 92.49 and a.sisa == 187_654_322
    assert (h.total_pagu, h.total_realisasi, h.total_sisa) == (PAGU, REALISASI, 187_654_322)
    assert round(h.total_serapan, 2) == 92.49
    codes = {f.code for f in result.findings}
    # given figures, nothing to contradict; a sub kegiatan without pagu under a program that
    # carries the budget is how such reports are, not an error
    assert not codes & {"ANG-002", "ANG-005", "ANG-006", "PK-003"}


def _table_row(ws, kode: str) -> dict[str, object]:
    header = [c.value for c in ws[5]]
    for row in ws.iter_rows(min_row=7, values_only=True):
        if row[header.index("Kode")] == kode:
            return dict(zip(header, row, strict=False))
    raise AssertionError(kode)


def test_program_only_budget_in_the_workbook(tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", program_only())
    out = fill(path, tmp_path / "p-LKIP.xlsx").output
    wb = openpyxl.load_workbook(out, data_only=True)
    row = _table_row(wb["Tabel 3.8"], PROGRAM)
    assert (row["Pagu (Rp)"], row["Realisasi (Rp)"]) == (PAGU, REALISASI)
    assert round(row["Serapan (%)"], 2) == 92.49 and row["Sisa (Rp)"] == 187_654_322
    ring = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0]}
    assert ring["Total pagu (Rp)"] == PAGU and ring["Sisa anggaran (Rp)"] == 187_654_322
    assert round(ring["Serapan anggaran (%)"], 2) == 92.49


def test_a_kegiatan_level_budget_rolls_up_to_its_program(tmp_path):
    rows = minimal_rows()
    for row in rows["RKT"]:
        row.pop("pagu", None)
        if row["kode"] == "7.01.01.2.02":
            row["pagu"] = 800_000
    rows["Realisasi"][1].pop("realisasi_anggaran")
    rows["Realisasi"].append({"kode": "7.01.01.2.02", "realisasi_anggaran": 600_000})
    rows["PK"][1]["anggaran"] = 800_000
    h = check(write_workbook(tmp_path / "k.xlsx", rows)).hasil
    assert (h.anggaran[PROGRAM].pagu, h.anggaran[PROGRAM].realisasi) == (800_000, 600_000)
    assert h.total_pagu == 800_000 and h.total_sisa == 200_000


def test_given_and_summed_figures_that_differ_are_still_a_finding(tmp_path):
    rows = minimal_rows()  # the sub kegiatan has pagu 1.000.000
    for row in rows["RKT"]:
        if row["kode"] == PROGRAM:
            row["pagu"] = 2_000_000
    result = check(write_workbook(tmp_path / "d.xlsx", rows))
    assert result.hasil.anggaran[PROGRAM].pagu == 1_000_000  # the children's sum counts
    assert any(f.code == "ANG-002" for f in result.findings)


@requires_soffice
@pytest.mark.libreoffice
def test_libreoffice_agrees_with_program_only_budgets(tmp_path):
    rows = program_only()
    rows["RKT"].append(  # and a second program whose kegiatan carry the budget
        {"jenis": "Program", "kode": "7.01.02", "kode_induk": "S1", "uraian": "Program B"}
    )
    rows["RKT"].append(
        {
            "jenis": "Kegiatan",
            "kode": "7.01.02.2.01",
            "kode_induk": "7.01.02",
            "uraian": "Kegiatan B",
            "pagu": 100_000,
        }
    )
    rows["Realisasi"].append({"kode": "7.01.02.2.01", "realisasi_anggaran": 90_000})
    result = fill(write_workbook(tmp_path / "p.xlsx", rows), tmp_path / "p-LKIP.xlsx")
    assert result.hasil.total_pagu == PAGU + 100_000
    compared, mismatches = recalculated_mismatches(result.output, tmp_path / "recalc")
    assert compared >= 50
    assert mismatches == []


@requires_soffice
@pytest.mark.libreoffice
def test_no_realisasi_anggaran_at_all_is_no_total_not_zero(tmp_path):
    """With nothing typed, the tables leave realisasi and serapan blank, as the narrative says
    ("belum diisi"): not Rp 0 and 0,00 %. The sisa is the whole pagu, as in every row."""
    rows = minimal_rows()
    for row in rows["Realisasi"]:
        row.pop("realisasi_anggaran", None)
    result = fill(write_workbook(tmp_path / "n.xlsx", rows), tmp_path / "n-LKIP.xlsx")
    hasil = result.hasil
    assert hasil.total_realisasi is None and hasil.total_serapan is None
    assert hasil.total_sisa == hasil.total_pagu
    assert all(hs.realisasi is None for hs in hasil.sasaran.values())
    wb = openpyxl.load_workbook(result.output, data_only=True)
    ringkasan = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0]}
    assert ringkasan["Total realisasi (Rp)"] is None
    assert ringkasan["Serapan anggaran (%)"] is None
    assert ringkasan["Sisa anggaran (Rp)"] == hasil.total_pagu
    compared, mismatches = recalculated_mismatches(result.output, tmp_path / "recalc")
    assert compared >= 50
    assert mismatches == []
