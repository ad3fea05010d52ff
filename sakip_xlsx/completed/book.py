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


class FittedSheet:
    """A worksheet that remembers how much wrapped text each row holds, so row heights can be
    set explicitly: not every viewer grows rows for wrapped text by itself."""

    LINE_HEIGHT = 15.0
    CHARS_PER_WIDTH = 1.0

    def __init__(self, ws, first_row: int) -> None:
        self._ws = ws
        self._first_row = first_row
        self._widths: dict[int, float] = {}
        self._lines: dict[int, int] = {}

    def __getattr__(self, name):
        return getattr(self._ws, name)

    def set_column(self, first: int, last: int, width: float, *args, **kwargs):
        for col in range(first, last + 1):
            self._widths[col] = width
        return self._ws.set_column(first, last, width, *args, **kwargs)

    def write_string(self, row: int, col: int, text: str, *args, **kwargs):
        if row >= self._first_row and text:
            width = self._widths.get(col, 8.43)
            per_line = max(1, int(width * self.CHARS_PER_WIDTH))
            lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
            self._lines[row] = max(self._lines.get(row, 1), lines)
        return self._ws.write_string(row, col, text, *args, **kwargs)

    def finish(self) -> None:
        for row, lines in sorted(self._lines.items()):
            if lines > 1:
                self._ws.set_row(row, min(409.0, self.LINE_HEIGHT * lines))


class Book:
    def __init__(self, wb) -> None:
        self.wb = wb
        self.fmt = make_formats(wb)
        self._custom: dict[tuple, object] = {}
        self.formula_count = 0
        self._fitted: list[FittedSheet] = []

    def add_sheet(self, name: str, first_row: int = 0) -> FittedSheet:
        sheet = FittedSheet(self.wb.add_worksheet(name), first_row)
        self._fitted.append(sheet)
        return sheet

    def finish(self) -> None:
        for sheet in self._fitted:
            sheet.finish()

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
