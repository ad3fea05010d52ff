"""Property-based tests of the value parser: any input gives a value or a reading problem,
never an exception; Indonesian and plain number formats round-trip.

The default run uses a few thousand examples; `pytest -m slow` runs the 100,000-example
version of the same properties.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_xlsx.lkip.values import format_id, parse_text, parse_value

cents = st.integers(min_value=-(10**14), max_value=10**14).map(lambda c: c / 100)
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=200),
    st.dates(),
    st.datetimes(),
    st.times(),
)
number_like = st.from_regex(
    r"\A[ ']?(Rp\.? ?)?[-+]?[0-9.,]{1,25}( ?%| ?[A-Za-z/ ]{1,12})?\Z", fullmatch=True
)


def _never_raises(value, percent_format, quarter):
    parsed = parse_value(value, percent_format=percent_format, quarter=quarter)
    assert parsed.problem is not None or parsed.number is None or math.isfinite(parsed.number)
    if parsed.number is None and parsed.problem is None and not parsed.is_range:
        assert parsed.missing


def _indonesian_round_trip(x):
    assert parse_text(format_id(x, 2)).number == pytest.approx(x, abs=1e-9)
    assert parse_text("Rp " + format_id(x, 2)).number == pytest.approx(x, abs=1e-9)
    assert parse_text(format_id(x, 2) + "%").number == pytest.approx(x, abs=1e-9)


def _plain_round_trip(x):
    assert parse_text(f"{x:.2f}").number == pytest.approx(x, abs=1e-9)
    assert parse_text(str(int(x))).number == int(x)


def _units_survive(x, unit):
    parsed = parse_text(f"{format_id(x, 2)} {unit}")
    assert parsed.number == pytest.approx(x, abs=1e-9)
    assert parsed.unit == unit


UNITS = st.sampled_from(["Laporan", "Dokumen", "Dok", "Unit", "Orang/bulan", "Kali", "Desa"])
QUARTER = st.one_of(st.none(), st.integers(min_value=1, max_value=4))

FAST = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(cell_values, st.booleans(), QUARTER)
def test_any_cell_value_is_read_or_reported(value, percent_format, quarter):
    _never_raises(value, percent_format, quarter)


@FAST
@given(number_like, QUARTER)
def test_number_like_text_is_read_or_reported(text, quarter):
    _never_raises(text, False, quarter)


@FAST
@given(cents)
def test_indonesian_format_round_trips(x):
    _indonesian_round_trip(x)


@FAST
@given(cents)
def test_plain_format_round_trips(x):
    _plain_round_trip(x)


@FAST
@given(cents, UNITS)
def test_units_survive(x, unit):
    _units_survive(x, unit)


@pytest.mark.slow
@SLOW
@given(st.one_of(cell_values, number_like), st.booleans(), QUARTER)
def test_slow_any_value_is_read_or_reported(value, percent_format, quarter):
    _never_raises(value, percent_format, quarter)


@pytest.mark.slow
@SLOW
@given(cents, UNITS)
def test_slow_formats_round_trip(x, unit):
    _indonesian_round_trip(x)
    _plain_round_trip(x)
    _units_survive(x, unit)


def test_dates_are_problems_not_numbers():
    assert parse_value(dt.date(2024, 1, 1)).problem is not None
