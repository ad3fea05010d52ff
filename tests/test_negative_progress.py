"""Progress of a negative indicator against the Renstra end target reads as a person expects
(issue class: "setara -16,67 %" printed for an indicator far from its target)."""

from __future__ import annotations

import re

import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import check, fill
from sakip_xlsx.document import narrative as N
from tests.helpers import minimal_rows, write_workbook
from tests.lo import recalculated_mismatches, requires_soffice


def _negative(realisasi: float, target_akhir: float = 6):
    """IS1 a negative indicator (angka kasus): target 2024 8, end target `target_akhir`."""
    rows = minimal_rows()
    rows["Renstra"][1].update(
        indikator="Angka kasus",
        satuan="Kasus",
        polaritas="Negatif",
        metode_tahunan="Akhir",
        **{"target:2024": 8, "target:2025": 7, "target_akhir": target_akhir},
    )
    rows["RKT"][0]["target"] = 8
    rows["PK"][0]["target"] = 8
    rows["Rencana Aksi"][0].update(target_tw1=8, target_tw2=8, target_tw3=8, target_tw4=8)
    rows["Rencana Aksi"][0]["metode"] = "Akhir"
    rows["Realisasi"][0] = {"kode": "IS1", "realisasi": realisasi, "realisasi_lalu:2023": 9}
    return rows


def _renstra_sentence(result) -> str:
    return " ".join(N.indikator_sentences(result.hasil, "IS1"))


def test_far_from_the_target_is_said_in_words_with_the_capped_value(tmp_path):
    # (2 x 6 - 14) / 6 x 100 = -33,33: nothing achieved towards the end target
    result = check(write_workbook(tmp_path / "isian.xlsx", _negative(14)))
    h = result.hasil.indikator["IS1"]
    assert h.capaian_akhir == pytest.approx(-100 / 3)
    assert h.capaian_akhir_dibatasi == 0
    said = _renstra_sentence(result)
    assert "masih jauh dari target" in said and "dibatasi menjadi 0,00 %" in said
    assert "-33,33 %" in said  # the raw value stands beside the capped one, never alone
    assert not re.search(r"setara -\d", said)
    assert "polaritas negatif" in said


def test_a_negative_indicator_on_its_way_reads_plainly(tmp_path):
    result = check(write_workbook(tmp_path / "isian.xlsx", _negative(7)))  # (12-7)/6 = 83,33
    said = _renstra_sentence(result)
    assert "setara capaian 83,33 %" in said and "dibatasi" not in said


def test_tabel_33_shows_the_capped_value_beside_the_raw_one(tmp_path):
    result = fill(write_workbook(tmp_path / "isian.xlsx", _negative(14)), tmp_path / "l.xlsx")
    sheet = openpyxl.load_workbook(result.output, data_only=True)["Tabel 3.3"]
    header = next(row for row in sheet.iter_rows(values_only=True) if "Capaian dibatasi (%)" in row)
    capped = header.index("Capaian dibatasi (%)")
    raw = header.index("Capaian thd target akhir (%)")
    values = [r for r in sheet.iter_rows(values_only=True) if "IS1" in r]
    assert values and values[0][raw] == pytest.approx(-100 / 3) and values[0][capped] == 0


@requires_soffice
@pytest.mark.libreoffice
def test_the_formulas_agree(tmp_path):
    result = fill(write_workbook(tmp_path / "isian.xlsx", _negative(14)), tmp_path / "l.xlsx")
    compared, mismatches = recalculated_mismatches(result.output, tmp_path / "recalc")
    assert compared >= 50 and mismatches == []
