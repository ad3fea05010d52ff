"""A thin layer over xlsxwriter for the completed workbook: cached formats and formula cells
written with the value Python computed as their cached result."""

from __future__ import annotations

import math

from ..styles import make_formats


def cached(value: object) -> object:
    """What a formula cell stores as its last result: numbers as numbers, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return value


class Book:
    def __init__(self, wb) -> None:
        self.wb = wb
        self.fmt = make_formats(wb)
        self._custom: dict[tuple, object] = {}
        self.formula_count = 0

    def custom(self, base: str, num_format: str | None = None, **extra) -> object:
        """A format like `base` (a name in styles) with another number format and extras."""
        key = (base, num_format, tuple(sorted(extra.items())))
        if key not in self._custom:
            props = {
                "border": 1,
                "border_color": "#BFBFBF",
                "valign": "top",
                **BASES[base],
                **extra,
            }
            if num_format:
                props["num_format"] = num_format
            self._custom[key] = self.wb.add_format(props)
        return self._custom[key]

    def formula(self, ws, row: int, col: int, formula: str, value: object, fmt) -> None:
        self.formula_count += 1
        ws.write_formula(row, col, "=" + formula, fmt, cached(value))

    def value(self, ws, row: int, col: int, value: object, fmt) -> None:
        """A plain value: text always as text (never a formula), numbers as numbers."""
        if value is None or value == "":
            ws.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, fmt)
        elif isinstance(value, (int, float)):
            if isinstance(value, float) and not math.isfinite(value):
                ws.write_blank(row, col, None, fmt)
            else:
                ws.write_number(row, col, value, fmt)
        else:
            ws.write_string(row, col, str(value), fmt)


BASES: dict[str, dict] = {
    "input": {"bg_color": "#FFF2CC"},
    "tool": {"bg_color": "#DDEBF7"},
    "finding": {"bg_color": "#F8CBAD"},
    "plain": {},
}
