"""The little of the SpreadsheetML format the streaming reader needs besides XML: built-in
number formats, which of them show dates, serial days to dates, and `_xHHHH_` escapes.

Kept here instead of importing them from openpyxl, whose package import alone costs about
50 ms, a quarter of a small `fill` (the same rules as openpyxl's, which follow ECMA-376)."""

from __future__ import annotations

import datetime as _dt
import re

BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
"""Number formats every workbook has without declaring them (ECMA-376 §18.8.30)."""

_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
"""Quoted literals and bracketed locale or colour codes: not date parts."""
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")

WINDOWS_EPOCH = _dt.datetime(1899, 12, 30)
MAC_EPOCH = _dt.datetime(1904, 1, 1)


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    first = _STRIP.sub("", fmt.split(";")[0])
    return _DATE_PART.search(first) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    return _DURATION.search(fmt.split(";")[0]) is not None


def from_excel(value: float, epoch: _dt.datetime, timedelta: bool = False):
    """A serial day number as the date, time, datetime or duration it shows."""
    if timedelta:
        td = _dt.timedelta(days=value)
        if td.microseconds:  # to the millisecond
            td = _dt.timedelta(
                seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3)
            )
        return td
    day, fraction = divmod(value, 1)
    diff = _dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return _dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:  # Lotus' 29 February 1900
        day += 1
    return epoch + _dt.timedelta(days=day) + diff


def unescape(value: str) -> str:
    """`_x000a_` back to the character it stands for."""
    if "_x" in value:
        return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value
