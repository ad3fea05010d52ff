"""SPEC §4: every form of value staff type is understood, or reported, never raised."""

from __future__ import annotations

import datetime as dt

import pytest

from sakip_xlsx.lkip.values import (
    Problem,
    comma_thousands,
    format_id,
    is_percent_satuan,
    parse_decimal,
    parse_text,
    parse_value,
    unit_matches,
)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1.961.144.146", 1961144146.0),
        ("1.961.144.146,00", 1961144146.0),
        ("81,9", 81.9),
        ("81.9", 81.9),
        ("1961144146", 1961144146.0),
        ("1,961,144,146", 1961144146.0),
        ("1,961,144,146.50", 1961144146.5),
        ("1.500", 1500.0),
        ("0.900", 0.9),
        ("-7,49", -7.49),
        ("25,00", 25.0),
    ],
)
def test_parse_decimal_indonesian_and_plain(token, expected):
    assert parse_decimal(token) == pytest.approx(expected)


@pytest.mark.parametrize("token", ["1.96.1", "1,2,3,4,", "12.34.5", "1.234,5,6"])
def test_parse_decimal_rejects_bad_grouping(token):
    assert parse_decimal(token) is None


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("Rp 1.961.144.146", 1961144146.0, None),
        ("Rp. 1.961.144.146,00", 1961144146.0, None),
        ("Rp.1.632.385.030", 1632385030.0, None),
        ("Rp. 2.409.251.246,-", 2409251246.0, None),
        ("12 Laporan", 12.0, "Laporan"),
        ("4 Dok", 4.0, "Dok"),
        ("18 Orang /bulan", 18.0, "Orang /bulan"),
        ("3Kali", 3.0, "Kali"),
        ("81,9", 81.9, None),
        ("  90  ", 90.0, None),
    ],
)
def test_numbers_with_currency_and_units(text, number, unit):
    parsed = parse_text(text)
    assert parsed.problem is None
    assert parsed.number == pytest.approx(number)
    assert parsed.unit == unit
    assert parsed.raw == text


@pytest.mark.parametrize("text", ["90%", "90 %", "90,0%", "90 persen"])
def test_percent_text_is_percent_units(text):
    parsed = parse_text(text)
    assert parsed.number == pytest.approx(90.0)
    assert parsed.percent or parsed.unit == "persen"


def test_percent_formatted_fraction_becomes_percent_units():
    parsed = parse_value(0.9, percent_format=True)
    assert parsed.number == pytest.approx(90.0)
    assert parsed.percent


def test_bare_fraction_stays_as_typed():
    # The reader warns about it for % indicators (BACA-006); the parser does not guess.
    assert parse_value(0.9).number == pytest.approx(0.9)


@pytest.mark.parametrize(
    ("text", "number", "grade"),
    [
        ("B (63)", 63.0, "B"),
        ("' B (62)", 62.0, "B"),
        ("AA (92,5)", 92.5, "AA"),
        ("BB", 70.0, "BB"),
        ("a", 80.0, "A"),
        ("D", 0.0, "D"),
    ],
)
def test_grades(text, number, grade):
    parsed = parse_text(text)
    assert parsed.number == pytest.approx(number)
    assert parsed.grade == grade


@pytest.mark.parametrize("text", ["", "-", "–", "—", "  ", None])
def test_missing_markers(text):
    parsed = parse_value(text)
    assert parsed.missing
    assert parsed.problem is None


def test_dash_with_unit_is_missing():
    parsed = parse_text("- Kali")
    assert parsed.missing
    assert parsed.unit == "Kali"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("80-90", 80, 90),
        ("80 - 90 %", 80, 90),
        ("70,5–80", 70.5, 80),
        ("10 s.d. 12", 10, 12),
        ("10 s/d 12", 10, 12),  # how "sampai dengan" is most often shortened
        ("10 S/D 12", 10, 12),
        ("10 sd 12", 10, 12),
        ("10 sampai dengan 12", 10, 12),
        ("80 hingga 90 %", 80, 90),
    ],
)
def test_ranges(text, low, high):
    parsed = parse_text(text)
    assert parsed.is_range
    assert (parsed.lower, parsed.upper) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Laporan", Problem.UNREADABLE),
        ("Kali", Problem.UNREADABLE),
        ("sekitar sembilan puluh", Problem.UNREADABLE),
        ("12 ?!", Problem.UNREADABLE),
        ("#DIV/0!", Problem.ERROR_VALUE),
        ("#N/A", Problem.ERROR_VALUE),
        (dt.datetime(2023, 9, 1), Problem.DATE),
        (dt.date(2023, 9, 1), Problem.DATE),
        (dt.timedelta(hours=26), Problem.DATE),  # a duration cell ([h]:mm)
        # a second number after the value is never a unit: the value would lose it
        ("16/18 orang", Problem.UNREADABLE),
        ("81,9/100", Problem.UNREADABLE),
        ("12/12 Laporan", Problem.UNREADABLE),
        ("1 day, 2:00:00", Problem.UNREADABLE),
        ("10 s/d", Problem.UNREADABLE),  # a range without its upper bound
        ("10 sampai dengan", Problem.UNREADABLE),
        (True, Problem.BOOLEAN),
        (float("nan"), Problem.NOT_FINITE),
        (float("inf"), Problem.NOT_FINITE),
    ],
)
def test_unreadable_values_are_problems_not_exceptions(value, problem):
    parsed = parse_value(value)
    assert parsed.problem is problem
    assert parsed.number is None


def test_quarter_labels_in_quarter_columns():
    assert parse_text("Tw 1. 3 Kali", quarter=1).number == 3
    assert parse_text("TW 2 = 4", quarter=2).number == 4
    wrong = parse_text("Tw 5. Kali", quarter=3)
    assert wrong.problem is Problem.WRONG_QUARTER
    assert wrong.quarter_label == 5
    assert parse_text("Tw 1. Kali", quarter=1).problem is Problem.UNREADABLE


def test_text_starting_with_formula_characters_is_just_text():
    for text in ("=1+1", "+62 812", "@sum", "=cmd|' /C calc'!A0"):
        parsed = parse_text(text)
        assert parsed.problem in (None, Problem.UNREADABLE)


def test_unit_matching_is_lenient_but_not_blind():
    assert unit_matches("Dok", "Dokumen")
    assert unit_matches("orang", "Orang/bulan")
    assert unit_matches("Orang /bulan", "Orang/bulan")
    assert unit_matches(None, "Laporan")
    assert not unit_matches("Kali", "Laporan")
    assert not unit_matches("Kali", "Dokumen")


def test_percent_satuan():
    assert is_percent_satuan("%")
    assert is_percent_satuan("Persen")
    assert not is_percent_satuan("Indeks")


def test_indonesian_display():
    assert format_id(4060244146, 0) == "4.060.244.146"
    assert format_id(97.75) == "97,75"
    assert format_id(-7.49) == "-7,49"


def test_a_unit_may_end_in_a_digit_but_no_number_follows_the_value():
    assert parse_text("150 m2").number == 150
    assert parse_text("150 m2").unit == "m2"
    assert parse_text("3 Kali/Tahun").unit == "Kali/Tahun"
    assert parse_text("2 Dok (Renja 2024)").number == 2  # a remark, not a second number
    assert parse_text("12 SD").unit == "SD"  # sekolah dasar, not "s.d."


def test_durations_and_times_read_as_they_show():
    assert parse_value(dt.timedelta(hours=26)).raw == "26:00"
    assert parse_value(dt.timedelta(minutes=90)).raw == "1:30"
    assert parse_value(dt.time(2, 0)).raw == "02:00"


def test_a_lone_comma_before_three_digits_is_ambiguous_in_rupiah():
    assert comma_thousands("87,988")
    assert comma_thousands("Rp 87,988")
    assert not comma_thousands("87,98")  # sen
    assert not comma_thousands("3,978,000")  # two groups: thousands, read as such
    assert not comma_thousands("1.961.144.146,000") and not comma_thousands("81,9")
