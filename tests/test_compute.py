"""SPEC §3: every rule with a worked example and its edges."""

from __future__ import annotations

import pytest

from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.values import MISSING, Parsed, parse_text


def P(text):
    return parse_text(text) if isinstance(text, str) else Parsed(number=float(text))


# --- capaian ----------------------------------------------------------------------------


def test_capaian_positif_worked_example():
    # Puger IKM: target 90, realisasi 81,9 -> 91 %
    value, why = rules.capaian("Positif", P(90), P("81,9"))
    assert value == pytest.approx(91.0)
    assert why is None


@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [(10, 8, 120.0), (10, 10, 100.0), (10, 12, 80.0), (10, 25, -50.0)],
)
def test_capaian_negatif_below_at_and_above_target(target, realisasi, expected):
    # (T - (R - T)) / T x 100: below target is better than 100 %
    assert rules.capaian("Negatif", P(target), P(realisasi))[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("realisasi", "expected"), [(85, 100.0), (80, 100.0), (90, 100.0), (99, 110.0), (72, 90.0)]
)
def test_capaian_rentang_inside_above_below(realisasi, expected):
    assert rules.capaian("Rentang", P("80-90"), P(realisasi))[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("target", "realisasi", "reason"),
    [
        (P(0), P(5), "target 0"),
        (MISSING, P(5), "target belum"),
        (P(10), MISSING, "realisasi belum"),
        (parse_text("Laporan"), P(5), "target tidak dapat dibaca"),
        (P(10), parse_text("#DIV/0!"), "realisasi tidak dapat dibaca"),
    ],
)
def test_capaian_tidak_dinilai_says_why(target, realisasi, reason):
    value, why = rules.capaian("Positif", target, realisasi)
    assert value is None
    assert reason in why


def test_rentang_needs_a_range_target():
    assert rules.capaian("Rentang", P(90), P(85))[0] is None
    # a range target is measured with any polarity (SPEC §3): inside the range, 100
    assert rules.capaian("Positif", P("80-90"), P(85))[0] == 100


# --- capaian dibatasi ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cap", "value", "expected"),
    [
        (100, 118.2, 100.0),
        (120, 118.2, 118.2),
        (120, 130, 120.0),
        (None, 250.0, 250.0),
        (100, -12.0, 0.0),
        (None, -3.0, 0.0),
        (100, None, None),
    ],
)
def test_dibatasi_cap_100_120_none(cap, value, expected):
    assert rules.dibatasi(value, cap) == expected


# --- predikat -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (100, "AA"),
        (90.01, "AA"),
        (90, "A"),
        (89.999999999999, "A"),
        (80.5, "A"),
        (80, "BB"),
        (70, "B"),
        (60.01, "B"),
        (60, "CC"),
        (50, "C"),
        (30.01, "C"),
        (30, "D"),
        (0, "D"),
    ],
)
def test_predikat_permenpanrb_exclusive_lower_bounds(value, code):
    assert rules.predikat(value).split(" ")[0] == code


def test_predikat_rounding_keeps_90_as_a():
    # 81.9/91*100 style float noise must not push 90 into AA
    assert rules.predikat(90.00000000000001).startswith("A ")


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (91, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (76, "Tinggi"),
        (75.9, "Sedang"),
        (66, "Sedang"),
        (51, "Rendah"),
        (50.99, "Sangat Rendah"),
    ],
)
def test_predikat_permendagri(value, label):
    assert rules.predikat(value, rules.PERMENDAGRI) == label


def test_predikat_of_nothing_is_blank():
    assert rules.predikat(None) == ""


# --- averages -----------------------------------------------------------------------------


def test_rata_rata_worked_example_puger():
    # Tabel 3.1: 100, 91, 100, 100 -> 97,75 (the document prints 97,25)
    assert rules.mean([100, 91, 100, 100]) == pytest.approx(97.75)
    assert rules.predikat(97.75).startswith("AA")


def test_rata_rata_leaves_out_tidak_dinilai():
    assert rules.mean([100, None, 80]) == pytest.approx(90)
    assert rules.mean([None, None]) is None


# --- rencana aksi -------------------------------------------------------------------------


def test_sampai_dengan_jumlah_akhir_rata_rata():
    quarters = [3, 4, None, 3]
    assert rules.sampai_dengan(quarters, "Jumlah") == [3, 7, 7, 10]
    assert rules.sampai_dengan(quarters, "Akhir") == [3, 4, None, 3]
    assert rules.sampai_dengan(quarters, "Rata-rata") == [3, 3.5, 3.5, pytest.approx(10 / 3)]
    assert rules.sampai_dengan([None, None, None, 1], "Jumlah") == [None, None, None, 1]


def test_target_tahunan_from_quarters():
    # Puger gaji: 3+4+4+3 = 14, but the annual target is 18 orang
    assert rules.target_tahunan([3, 4, 4, 3], "Jumlah") == 14
    assert rules.target_tahunan([1, 1, 1, 1], "Akhir") == 1


# --- renstra ------------------------------------------------------------------------------


def test_realisasi_sd_tahun_by_metode():
    years = [None, 80.0, 90.0]
    assert rules.realisasi_sd_tahun(years, "Akhir") == 90.0
    assert rules.realisasi_sd_tahun([None, 80.0, None], "Akhir") == 80.0
    assert rules.realisasi_sd_tahun([2.0, 3.0, 4.0], "Jumlah") == 9.0
    assert rules.realisasi_sd_tahun(years, "Rata-rata") == 85.0
    assert rules.realisasi_sd_tahun([None, None], "Jumlah") is None


@pytest.mark.parametrize(
    ("now", "prev", "polaritas", "expected"),
    [
        (90, 80, "Positif", "Membaik"),
        (81.9, 82.5, "Positif", "Memburuk"),
        (5, 7, "Negatif", "Membaik"),
        (9, 7, "Negatif", "Memburuk"),
        (7, 7, "Positif", "Tetap"),
        (7, None, "Positif", ""),
    ],
)
def test_tren_judged_with_polarity(now, prev, polaritas, expected):
    assert rules.tren(now, prev, polaritas) == expected


def test_banding_nasional():
    assert rules.banding(90, 85, "Positif") == "Lebih baik"
    assert rules.banding(90, 85, "Negatif") == "Lebih buruk"
    assert rules.banding(85, 85, "Positif") == "Sama"


# --- output and anggaran ------------------------------------------------------------------


def test_output_capaian_gaji():
    # Tabel 3.6 prints 83,24 % (the budget figure); the output capaian is 16/18 = 88,89 %
    assert rules.ratio_percent(16, 18) == pytest.approx(88.888888, rel=1e-6)


def test_serapan_sisa_and_rollup_as_sums():
    pagu = [1_961_144_146, 4_042_600]
    real = [1_632_385_030, 3_978_000]
    program = rules.ratio_percent(rules.jumlah(real), rules.jumlah(pagu))
    means = rules.mean([rules.ratio_percent(r, p) for r, p in zip(real, pagu, strict=True)])
    assert program == pytest.approx(83.2676, abs=1e-4)
    assert program != pytest.approx(means)  # never a mean of percentages
    assert rules.ratio_percent(5, 0) is None
    assert rules.jumlah([None, None]) == 0


def test_change_against_last_year_in_points():
    now = rules.ratio_percent(3_648_593_974, 4_060_244_146)
    last = rules.ratio_percent(3_709_209_303, 3_810_244_147)
    assert round(now, 2) == 89.86
    assert round(last, 2) == 97.35
    assert round(now - last, 2) == -7.49


# --- efisiensi ----------------------------------------------------------------------------


def test_efisiensi_rasio():
    assert rules.efisiensi_rasio(100, 84.61) == pytest.approx(118.19, abs=0.01)
    assert rules.efisien_rasio(rules.efisiensi_rasio(91, 99.83)) == "Tidak efisien"
    assert rules.efisien_rasio(100.0) == "Efisien"
    assert rules.efisiensi_rasio(100, 0) is None


def test_efisiensi_pmk_214():
    # pagu 100 with output 100 % spending 80 -> E = (100 - 80) / 100 = 0.2, efisien
    assert rules.efisiensi_pmk([(100.0, 80.0, 100.0)]) == pytest.approx(0.2)
    # output only 50 %: value 50, spent 80 -> E = -0.6, not efficient
    e = rules.efisiensi_pmk([(100.0, 80.0, 50.0)])
    assert e == pytest.approx(-0.6)
    assert rules.efisien_pmk(e) == "Tidak efisien"
    # capaian output above 100 % counts as 100 %; incomplete rows are left out
    assert rules.efisiensi_pmk([(100.0, 80.0, 150.0), (50.0, None, 100.0)]) == pytest.approx(0.2)
    assert rules.efisiensi_pmk([]) is None


def test_realisasi_tahunan_falls_back_to_the_quarters(tmp_path):
    from sakip_xlsx.lkip.compute import compute
    from sakip_xlsx.workbook.reader import read_workbook
    from tests.helpers import minimal_rows, write_workbook

    rows = minimal_rows()
    rows["Realisasi"][0].update(
        realisasi=None, realisasi_tw1=18, realisasi_tw2=20, realisasi_tw3=19, realisasi_tw4=17
    )
    hasil = compute(read_workbook(write_workbook(tmp_path / "q.xlsx", rows)))
    # metode Jumlah in the Rencana Aksi: 18 + 20 + 19 + 17 = 74 against the target 80
    assert hasil.indikator["IS1"].realisasi.number == 74
    assert hasil.indikator["IS1"].capaian == pytest.approx(92.5)
    assert hasil.indikator["IS1"].realisasi.where == "Realisasi!G2"


def test_nilai_output_and_difference():
    assert rules.nilai_output(1_000.0, 900.0, 88.0) == pytest.approx(880.0)
    assert rules.nilai_output(1_000.0, 900.0, 150.0) == pytest.approx(1_000.0)  # CK capped
    assert rules.nilai_output(1_000.0, None, 88.0) is None
    assert rules.difference(14, 18) == -4
    assert rules.difference(None, 18) is None


@pytest.mark.parametrize(
    ("polaritas", "target", "realisasi", "expected"),
    [
        # SPEC §3, PermenPANRB's worked examples: positive 60-70, negative 10-12
        ("Rentang", "60-70", 77, 110.0),
        ("Rentang", "60 – 70", 48, 80.0),
        ("Positif", "60 s.d. 70", 77, 110.0),
        ("Positif", "60 sampai 70 %", 65, 100.0),
        ("Negatif", "10-12", 9, 110.0),
        ("Negatif", "10 - 12", 15, 75.0),
        ("Negatif", "10-12", 11, 100.0),
    ],
)
def test_range_targets_with_either_polarity(polaritas, target, realisasi, expected):
    from sakip_xlsx.lkip import rules
    from sakip_xlsx.lkip.values import parse_value

    value, why = rules.capaian(polaritas, parse_value(target), parse_value(realisasi))
    assert why is None and value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("target", "realisasi", "reason"),
    [
        (None, None, "target dan realisasi belum diisi"),
        (None, 5, "target belum diisi"),
        (5, None, "realisasi belum diisi"),
        ("banyak", None, "target tidak dapat dibaca, realisasi belum diisi"),
        ("banyak", "sedikit", "target dan realisasi tidak dapat dibaca"),
        (None, "sedikit", "realisasi tidak dapat dibaca, target belum diisi"),
    ],
)
def test_tidak_dinilai_says_which_value_is_missing(target, realisasi, reason):
    from sakip_xlsx.lkip import rules
    from sakip_xlsx.lkip.values import parse_value

    value, why = rules.capaian("Positif", parse_value(target), parse_value(realisasi))
    assert value is None and why == reason


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (72.125, 2, 72.13),  # Python's round gives 72.12 (binary value, ties to even)
        (1.005, 2, 1.01),
        (0.125, 2, 0.13),
        (-2.5, 0, -3.0),  # half away from zero, as ROUND
        (5e-07, 6, 1e-06),
        (64.0000004 / 80 * 100, 6, 80.000001),  # 80.00000049999999 shows as 80.0000005
        (89.99999999999999, 6, 90.0),
        (1e300, 6, 1e300),
    ],
)
def test_judgements_round_as_a_spreadsheet_rounds(value, digits, expected):
    assert rules.spreadsheet_round(value, digits) == expected


def test_ties_are_judged_as_the_tables_print_them():
    """The spreadsheet's ROUND decides in the formulas; Python decides the same."""
    assert rules.tren(72.125, 72.13, "Positif") == "Tetap"
    assert rules.efisien_pmk(5e-07) == rules.EFISIEN
    assert rules.predikat(64.0000004 / 80 * 100).startswith("A ")
