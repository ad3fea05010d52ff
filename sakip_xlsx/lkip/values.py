"""Reading the values staff type into the workbook (SPEC §4).

Staff type `90%`, `81,9`, `Rp 1.961.144.146`, `4 Dok` or `B (63)` and expect to be understood.
Everything here is pure: it takes what a spreadsheet cell holds (a Python number, text, date,
bool or None, plus whether the cell carries a percent number format) and returns a `Parsed`
value or a reading problem. It never raises on user input.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

# Spreadsheet error literals as Excel, LibreOffice and Google Sheets store them.
ERROR_LITERALS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA", "#SPILL!"}
)
MISSING_MARKERS = frozenset({"", "-", "–", "—", "--", "n/a", "N/A", "na", "NA"})

# The SAKIP grade bands (PermenPANRB 88/2021); a bare grade reads as its band's lower bound.
GRADE_LOWER_BOUND: dict[str, float] = {
    "AA": 90.0,
    "A": 80.0,
    "BB": 70.0,
    "B": 60.0,
    "CC": 50.0,
    "C": 30.0,
    "D": 0.0,
}

_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:\d[\d.,]*\d|\d)")
_GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)\s*(?:\(\s*([^)]*)\)|$)", re.IGNORECASE)
_RANGE = re.compile(
    r"^\s*([\d.,]+)\s*%?\s*(?:-|–|—|s\s*/\s*d\.?|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
    r"([\d.,]+)\s*(%?)\s*(.*)$",
    re.IGNORECASE,
)
"""A range target: `80-90`, `80 – 90`, `80 s.d. 90`, `80 s/d 90`, `80 sampai dengan 90`."""
_SECOND_NUMBER = re.compile(r"(?<![A-Za-z])\d")
"""A digit that starts a number after the value (`/18 orang`, `s/d 12`); a digit after a letter
is part of a unit (`m2`)."""
_RANGE_WORD = re.compile(r"^(?:s\s*/\s*d|s\.\s*d|sampai(?:\s+dengan)?|hingga)\.?$", re.IGNORECASE)
"""What joins the bounds of a range (`SD` alone is a unit: sekolah dasar)."""
_ASIDE = re.compile(r"\([^()]*\)")
_DASH_UNIT = re.compile(r"^[-–—]+\s*([A-Za-z][A-Za-z /]*)$")
_QUARTER_PREFIX = re.compile(r"^\s*t\.?\s*w\.?\s*(?:ke\s*)?-?\s*(\d+)\s*[.:=)]?\s*", re.IGNORECASE)


class Problem(StrEnum):
    """Why a cell could not be read as the number its column wants."""

    UNREADABLE = "unreadable"
    ERROR_VALUE = "error_value"
    DATE = "date"
    BOOLEAN = "boolean"
    NOT_FINITE = "not_finite"
    WRONG_QUARTER = "wrong_quarter"
    AMBIGUOUS = "ambiguous"
    """A rupiah amount like `87,988`: a decimal comma or a thousands separator."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the reader understood from one cell.

    `number` is None for a missing value and for a problem. `raw` is the user's text (None when
    the cell held a real number), kept so the completed workbook can show what was typed.
    """

    number: float | None = None
    raw: str | None = None
    unit: str | None = None
    grade: str | None = None
    lower: float | None = None
    upper: float | None = None
    percent: bool = False
    problem: Problem | None = None
    quarter_label: int | None = None

    @property
    def missing(self) -> bool:
        return self.number is None and self.problem is None and self.lower is None

    @property
    def is_range(self) -> bool:
        return self.lower is not None and self.upper is not None

    @property
    def readable(self) -> bool:
        return self.problem is None


MISSING = Parsed()
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Strip what spreadsheets and copy-paste add around a value.

    A leading apostrophe is the spreadsheet's "store as text" prefix (the Puger Renstra prints
    `' B (62)`); non-breaking and zero-width spaces come from PDFs and the web.
    """
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\u2212", "-")
    text = text.strip()
    if text.startswith("'"):
        text = text[1:].strip()
    if text.isprintable() and "  " not in text:
        return text  # no run of spaces to squash (every other white space is not printable)
    return _SPACES.sub(" ", text)


def parse_decimal(token: str) -> float | None:
    """Read a number written the Indonesian way or the plain way.

    Indonesian: `.` groups thousands, `,` is the decimal comma (`1.961.144.146,00`, `81,9`).
    Plain: `1961144146`, `81.9`. With both separators the last one is the decimal mark. A lone
    `.` followed by exactly three digits is a thousands separator (`1.500` is 1500 here); a lone
    `,` is always the decimal comma, as staff write it.
    """
    sign = -1.0 if token.startswith("-") else 1.0
    body = token.lstrip("+-")
    if not body or not body[0].isdigit() or not body[-1].isdigit():
        return None
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            return None
        int_part, frac = body.split(decimal)
        if not _valid_grouping(int_part, thousands):
            return None
        return sign * float(int_part.replace(thousands, "") + "." + frac)
    if dots:
        parts = body.split(".")
        if dots == 1 and not (len(parts[1]) == 3 and parts[0] not in ("0", "")):
            return sign * float(body)
        if not _valid_grouping(body, "."):
            return None
        return sign * float(body.replace(".", ""))
    if commas:
        if commas > 1:
            if not _valid_grouping(body, ","):
                return None
            return sign * float(body.replace(",", ""))
        return sign * float(body.replace(",", "."))
    return sign * float(body)


def _valid_grouping(int_part: str, sep: str) -> bool:
    groups = int_part.split(sep)
    if len(groups) == 1:
        return True
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _checked(parsed: Parsed, raw: object) -> Parsed:
    """A number too large for a float (`1e400`, or a huge value shown as percent) is a
    problem, not infinity."""
    for number in (parsed.number, parsed.lower, parsed.upper):
        if number is not None and not math.isfinite(number):
            return Parsed(raw=parsed.raw or str(raw), problem=Problem.NOT_FINITE)
    return parsed


def parse_value(
    value: object,
    *,
    percent_format: bool = False,
    quarter: int | None = None,
) -> Parsed:
    """Understand one cell as a measured value (target, realisasi, pagu, ...).

    `value` is what the spreadsheet stores; `percent_format` says whether the cell's number
    format shows it as a percentage (then 0.9 means 90). `quarter`, for the TW columns of the
    Rencana Aksi, lets a typed label such as `Tw 1. 3 Kali` be accepted in the TW1 column and
    reported as a problem in any other. Never raises on user input.
    """
    return _checked(_parse_value(value, percent_format, quarter), value)


def parse_text(text: str, *, quarter: int | None = None) -> Parsed:
    """Understand typed text: numbers with units, percentages, grades, ranges."""
    return _checked(_parse_text(text, quarter), text)


def _parse_value(
    value: object,
    percent_format: bool = False,
    quarter: int | None = None,
) -> Parsed:
    """The parser proper; `parse_value` adds the finiteness check."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return Parsed(raw=str(value).upper(), problem=Problem.BOOLEAN)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)):
        return Parsed(raw=_date_text(value), problem=Problem.DATE)
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            return Parsed(raw=str(value), problem=Problem.NOT_FINITE)
        if percent_format:
            return Parsed(number=number * 100.0, percent=True)
        return Parsed(number=number)
    return _parse_text(str(value), quarter)


def _parse_text(text: str, quarter: int | None = None) -> Parsed:
    raw = text
    text = clean_text(text)
    if text in MISSING_MARKERS:
        return MISSING
    if text.upper() in ERROR_LITERALS:
        return Parsed(raw=raw, problem=Problem.ERROR_VALUE)

    label = None
    if quarter is not None:
        match = _QUARTER_PREFIX.match(text)
        if match:
            label = int(match.group(1))
            if label != quarter:
                return Parsed(raw=raw, problem=Problem.WRONG_QUARTER, quarter_label=label)
            text = text[match.end() :].strip()
            if text in MISSING_MARKERS:
                return Parsed(raw=raw, quarter_label=label)

    dash_unit = _DASH_UNIT.match(text)
    if dash_unit:  # "- Kali": nothing planned, with the unit written beside the dash
        return Parsed(raw=raw, unit=dash_unit.group(1), quarter_label=label)

    grade = _GRADE.match(text)
    if grade:
        letter = grade.group(1).upper()
        inner = grade.group(2)
        if inner is None:
            return Parsed(number=GRADE_LOWER_BOUND[letter], raw=raw, grade=letter)
        number = parse_decimal(inner.strip())
        if number is None:
            return Parsed(raw=raw, problem=Problem.UNREADABLE)
        return Parsed(number=number, raw=raw, grade=letter)

    rng = _RANGE.match(text)
    if rng:
        low, high = parse_decimal(rng.group(1)), parse_decimal(rng.group(2))
        if low is not None and high is not None and low < high:
            unit = _unit(rng.group(4))
            return Parsed(
                raw=raw, lower=low, upper=high, percent="%" in text, unit=unit, quarter_label=label
            )

    body = _CURRENCY.sub("", text)
    match = _NUMBER.match(body)
    if not match:
        return Parsed(raw=raw, problem=Problem.UNREADABLE, quarter_label=label)
    number = parse_decimal(match.group(0))
    if number is None:
        return Parsed(raw=raw, problem=Problem.UNREADABLE, quarter_label=label)
    rest = body[match.end() :].strip()
    percent = False
    if rest.startswith("%"):
        percent = True
        rest = rest[1:].strip()
    if rest.startswith(",-") or rest == "-":
        rest = rest.lstrip(",-").strip()
    if rest and (not re.search(r"[A-Za-z/]", rest) or _SECOND_NUMBER.search(_ASIDE.sub("", rest))):
        # Trailing punctuation or a second number (`16/18 orang`, `81,9/100`): not something
        # we can trust, and never to be read as the first number with the rest as its unit (a
        # remark in brackets, `2 Dok (Renja 2024)`, is no second number).
        return Parsed(raw=raw, problem=Problem.UNREADABLE, quarter_label=label)
    if _RANGE_WORD.match(rest):  # `10 s/d`: a range without its upper bound, not a unit
        return Parsed(raw=raw, problem=Problem.UNREADABLE, quarter_label=label)
    return Parsed(number=number, raw=raw, unit=_unit(rest), percent=percent, quarter_label=label)


def shown_text(v: Parsed) -> str:
    """How a value with a number shows, whatever was typed: the number the Indonesian way (at
    most three decimals) with its grade, percent or unit (`B (62)`, `90%`, `3 Kali`)."""
    number = format_id(v.number, 0 if float(v.number).is_integer() else 3)
    if "," in number:
        number = number.rstrip("0").rstrip(",")
    if v.grade:
        return f"{v.grade} ({number})"
    if v.percent:
        return f"{number}%"
    return f"{number} {v.unit}" if v.unit else number


def decorated(v: Parsed) -> bool:
    """Whether a number carries a grade, percent or unit in how it shows."""
    return v.number is not None and bool(v.grade or v.percent or v.unit)


def as_typed(v: Parsed) -> str | float | None:
    """A value as a user would type it again: the text typed when there was one, otherwise
    the number with the grade, percent or unit a cell's number format showed, so a new isian
    written from a completed workbook keeps them."""
    if v.raw is not None:
        return v.raw
    return shown_text(v) if decorated(v) else v.number


def comma_thousands(text: str) -> bool:
    """Whether typed text is a number whose only separator is one comma before three digits
    (`87,988`, `Rp 87,988`): the decimal comma to an Indonesian, the thousands separator to an
    English-locale Excel. A rupiah amount never has three decimals, so there it is ambiguous."""
    body = _CURRENCY.sub("", clean_text(text))
    match = _NUMBER.match(body)
    if not match:
        return False
    token = match.group(0).lstrip("+-")
    return token.count(",") == 1 and "." not in token and len(token.rsplit(",", 1)[1]) == 3


def plain_text(value: object) -> str:
    """A cell as text: whole floats without `.0`, dates as dd-mm-yyyy, spaces tidied."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.strftime("%d-%m-%Y")
    return clean_text(str(value))


def code_text(value: object) -> str:
    """A code as text. Excel turns a typed `7.01` into a number; read it back as `7.01`."""
    if isinstance(value, float):
        return format(value, "g") if not value.is_integer() else str(int(value))
    return plain_text(value).replace(" ", "")


def _unit(rest: str) -> str | None:
    rest = rest.strip().strip(".")
    return rest or None


def _date_text(value: object) -> str:
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, _dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, _dt.timedelta):  # a duration cell ([h]:mm): 26:00, as it shows
        minutes = round(value.total_seconds() / 60)
        sign, minutes = ("-", -minutes) if minutes < 0 else ("", minutes)
        return f"{sign}{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M") if not value.second else value.strftime("%H:%M:%S")
    return str(value)


def unit_matches(unit: str | None, satuan: str | None) -> bool:
    """Whether a unit typed next to a number agrees with the indicator's satuan.

    Lenient on purpose: case, spaces and abbreviations (`Dok` for `Dokumen`) pass, and
    `Orang /bulan` matches `Orang`. `Kali` for a satuan `Laporan` does not.
    """
    if not unit or not satuan:
        return True
    a, b = _unit_key(unit), _unit_key(satuan)
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _unit_key(text: str) -> str:
    text = text.lower().replace("%", " persen ")
    word = re.split(r"[\s/]+", text.strip())
    return word[0] if word else ""


def is_percent_satuan(satuan: str | None) -> bool:
    if not satuan:
        return False
    s = satuan.strip().lower()
    return s in {"%", "persen", "persentase", "prosentase"} or s.startswith("%")


def spreadsheet_round(value: float, digits: int) -> float:
    """ROUND as Excel and LibreOffice compute it: the value as its 15 significant digits, then
    half away from zero. Python's `round` works on the binary value and ties to even, so
    `round(72.125, 2)` is 72.12 where a spreadsheet shows 72,13 (and judges Tetap on it)."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return value  # no decimals left to round at this size
    scaled = abs(value) * 10.0**digits
    if abs(scaled - math.floor(scaled) - 0.5) > 1e-6:  # not near a tie: both roundings agree
        return round(value, digits)
    shown = Decimal(f"{value:.15g}")
    return float(shown.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def format_id(number: float, decimals: int = 2) -> str:
    """Indonesian display of a number: `4.060.244.146` and `97,75`, rounded as a spreadsheet
    rounds (72,125 shows as 72,13 in the document as in the workbook)."""
    if number is None or not math.isfinite(number):
        return ""
    text = f"{spreadsheet_round(number, decimals):,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_rupiah(number: float) -> str:
    return "Rp " + format_id(round(number), 0)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut (a name
    in a message or a chart label never ends mid-word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"
