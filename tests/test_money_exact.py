"""Money is exact to the sen (issue class: rupiah compared with a relative tolerance).

A relative tolerance of 1e-9 on Rp 11.086.045.405 is Rp 11: a real report whose belanja operasi +
modal differed from the pagu by Rp 10 was never told. Every rupiah comparison below is made on a
budget of that size, off by a little.
"""

from __future__ import annotations

import pytest

from sakip_xlsx.commands.pipeline import check
from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.results import Rekap, Ringkas
from tests.helpers import minimal_rows, write_workbook

BIG = 11_086_045_405  # the pagu of the report that printed a Rp 10 gap


def _codes(path):
    return {f.code: f for f in check(path).findings}


def _big(rows=None):
    rows = rows or minimal_rows()
    rows["RKT"][3]["pagu"] = BIG
    rows["PK"][1]["anggaran"] = BIG
    rows["Realisasi"][1]["realisasi_anggaran"] = BIG - 1_000_000
    return rows


@pytest.mark.parametrize(("gap", "named"), [(10, True), (0.01, True), (0.004, False), (0, False)])
def test_belanja_operasi_modal_against_pagu_to_the_sen(tmp_path, gap, named):
    book = write_workbook(
        tmp_path / "isian.xlsx",
        _big(),
        identitas={"belanja_operasi": BIG - 86_045_405 + gap, "belanja_modal": 86_045_405},
    )
    found = _codes(book)
    assert ("ANG-001" in found) is named
    if gap == 10:
        assert "selisih Rp 10)" in found["ANG-001"].message


def test_pk_anggaran_against_pagu_to_the_sen(tmp_path):
    rows = _big()
    rows["PK"][1]["anggaran"] = BIG + 10
    found = _codes(write_workbook(tmp_path / "isian.xlsx", rows))
    assert "PK-003" in found and "selisih Rp 10)" in found["PK-003"].message


def test_program_pagu_against_its_children_to_the_sen(tmp_path):
    rows = _big()
    rows["RKT"][1]["pagu"] = BIG - 10
    found = _codes(write_workbook(tmp_path / "isian.xlsx", rows))
    assert "ANG-002" in found and "selisih Rp -10)" in found["ANG-002"].message


@pytest.mark.parametrize(("over", "named"), [(10, True), (0.01, True), (0, False)])
def test_realisasi_above_pagu_to_the_sen(tmp_path, over, named):
    rows = _big()
    rows["Realisasi"][1]["realisasi_anggaran"] = BIG + over
    assert ("ANG-003" in _codes(write_workbook(tmp_path / "isian.xlsx", rows))) is named


@pytest.mark.parametrize(("over", "named"), [(10, True), (0, False)])
def test_last_year_realisasi_above_its_pagu_to_the_sen(tmp_path, over, named):
    book = write_workbook(
        tmp_path / "isian.xlsx",
        identitas={"pagu_tahun_lalu": BIG, "realisasi_tahun_lalu": BIG + over},
    )
    assert ("IDN-003" in _codes(book)) is named


def test_the_rules_themselves():
    assert not rules.sama_rupiah(11_086_045_405, 11_086_045_415)
    assert not rules.sama_rupiah(0.10, 0.11)
    assert rules.sama_rupiah(0.1 + 0.2, 0.3)  # a float sum's last digit is no sen
    assert rules.melebihi_rupiah(BIG + 0.01, BIG) and not rules.melebihi_rupiah(BIG + 0.001, BIG)
    assert rules.selisih_rupiah(0.3, 0.1 + 0.2) == 0.0 and str(rules.selisih_rupiah(1, 1)) == "0.0"


def test_gabung_totals_are_exact_sums():
    """Amounts with sen, many OPD: the rekap's total equals the decimal sum to the sen."""
    amounts = [1_234_567.89, 0.01, 9_999_999_999.99] * 300
    rekap = Rekap(opd=[_opd(a) for a in amounts])
    expected = sum(round(a * 100) for a in amounts) / 100
    assert rekap.total_pagu == pytest.approx(expected, abs=0.001)
    assert rules.sama_rupiah(rekap.total_realisasi, expected)


def _opd(amount: float) -> Ringkas:
    values = {name: None for name in Ringkas.__dataclass_fields__}
    values.update(pagu=amount, realisasi=amount)
    return Ringkas(**values)
