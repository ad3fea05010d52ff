"""Defaults that fit the indicator (issue class: an empty metode akumulasi summed the quarters
of every indicator, so an Indeks of 80, 81, 82, 83 became 326 for the year).

SPEC §3: an empty metode follows the Renstra's metode akumulasi tahunan when typed, else the
satuan (%, indeks, rasio, nilai, predikat, skor: Akhir; counts: Jumlah), with a peringatan at
the cell."""

from __future__ import annotations

import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import check, fill, rollover
from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.schema import Metode
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import minimal_rows, write_workbook
from tests.lo import recalculated_mismatches, requires_soffice


def _quarters_only(satuan: str, metode_tahunan: str | None = None, ra_row: bool = True):
    """IS1 measured only per quarter (80, 81, 82, 83), target 82, no metode typed."""
    rows = minimal_rows()
    renstra = rows["Renstra"][1]
    renstra.update(satuan=satuan, **{"target:2024": 82, "target:2025": 85, "target_akhir": 85})
    if metode_tahunan:
        renstra["metode_tahunan"] = metode_tahunan
    rows["RKT"][0]["target"] = 82
    rows["PK"][0]["target"] = 82
    ra = rows["Rencana Aksi"][0]
    ra.pop("metode")
    ra.update(target_tw1=80, target_tw2=81, target_tw3=82, target_tw4=82)
    if not ra_row:
        rows["Rencana Aksi"].clear()
    rows["Realisasi"][0] = {"kode": "IS1", **{f"realisasi_tw{q}": 79 + q for q in range(1, 5)}}
    return rows


def _hit(findings, code="HIT-002"):
    return [f for f in findings if f.code == code]


@pytest.mark.parametrize("satuan", ["Indeks", "%", "Nilai", "Rasio", "Predikat", "Skor", "Persen"])
def test_a_state_indicator_takes_its_last_quarter(tmp_path, satuan):
    result = check(write_workbook(tmp_path / "isian.xlsx", _quarters_only(satuan)))
    ind = result.hasil.indikator["IS1"]
    assert ind.realisasi.number == 83  # not 80 + 81 + 82 + 83 = 326
    assert ind.capaian == pytest.approx(83 / 82 * 100)
    (item,) = _hit(result.findings)
    assert item.severity.value == "peringatan"
    assert item.location == "Rencana Aksi!G2"  # the metode cell of IS1's row
    assert "Akhir" in item.message and satuan in item.message


def test_a_count_is_summed(tmp_path):
    result = check(write_workbook(tmp_path / "isian.xlsx", _quarters_only("Laporan")))
    assert result.hasil.indikator["IS1"].realisasi.number == 80 + 81 + 82 + 83
    (item,) = _hit(result.findings)
    assert "Jumlah" in item.message and "Laporan" in item.message


def test_the_renstra_metode_tahunan_comes_first(tmp_path):
    rows = _quarters_only("Indeks", metode_tahunan="Rata-rata")
    result = check(write_workbook(tmp_path / "isian.xlsx", rows))
    assert result.hasil.indikator["IS1"].realisasi.number == pytest.approx(81.5)
    (item,) = _hit(result.findings)
    assert "Rata-rata" in item.message and "Renstra" in item.message


def test_without_a_rencana_aksi_row_too(tmp_path):
    rows = _quarters_only("Indeks", ra_row=False)
    result = check(write_workbook(tmp_path / "isian.xlsx", rows))
    assert result.hasil.indikator["IS1"].realisasi.number == 83
    (item,) = _hit(result.findings)
    assert item.sheet == "Realisasi" and "Akhir" in item.message


def test_a_typed_metode_is_never_second_guessed(tmp_path):
    rows = _quarters_only("Indeks")
    rows["Rencana Aksi"][0]["metode"] = "Jumlah"
    result = check(write_workbook(tmp_path / "isian.xlsx", rows))
    assert result.hasil.indikator["IS1"].realisasi.number == 326
    assert _hit(result.findings) == []


def test_the_satuan_rule():
    assert rules.metode_menurut_satuan("Indeks") == Metode.AKHIR
    assert rules.metode_menurut_satuan("% ") == Metode.AKHIR
    assert rules.metode_menurut_satuan("Persentase") == Metode.AKHIR
    assert rules.metode_menurut_satuan("Nilai SAKIP") == Metode.AKHIR
    assert rules.metode_menurut_satuan("Orang/bulan") == Metode.JUMLAH
    assert rules.metode_menurut_satuan("Dokumen") == Metode.JUMLAH
    assert rules.metode_menurut_satuan("") == Metode.JUMLAH


def test_next_years_isian_writes_only_what_was_typed(tmp_path):
    source = write_workbook(tmp_path / "isian.xlsx", _quarters_only("Indeks"))
    assert read_workbook(source).rencana_aksi["IS1"].metode_diisi is False
    rollover(source, tmp_path / "baru.xlsx")
    new = read_workbook(tmp_path / "baru.xlsx")
    assert new.rencana_aksi["IS1"].metode_diisi is False
    assert new.indikator["IS1"].metode_tahunan_diisi is False
    book = openpyxl.load_workbook(tmp_path / "baru.xlsx")
    sheet = book["Rencana Aksi"]
    header = [c.value for c in sheet[1]]
    column = next(i for i, h in enumerate(header) if h and str(h).startswith("Metode"))
    assert sheet.cell(row=2, column=column + 1).value in (None, "")


@requires_soffice
@pytest.mark.libreoffice
def test_the_formulas_assume_the_same(tmp_path):
    result = fill(
        write_workbook(tmp_path / "isian.xlsx", _quarters_only("Indeks")), tmp_path / "l.xlsx"
    )
    compared, mismatches = recalculated_mismatches(result.output, tmp_path / "recalc")
    assert compared >= 50
    assert mismatches == []
