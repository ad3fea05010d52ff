"""A thin layer over xlsxwriter for the completed workbook: cached formats and formula cells
written with the value Python computed as their cached result."""

from __future__ import annotations

import math
import re

from xlsxwriter.worksheet import Worksheet

from ..styles import make_formats

_DYNAMIC = re.compile(
    r"\b(?:ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA|"
    r"MAKEARRAY|MAP|RANDARRAY|REDUCE|SCAN|SINGLE|SEQUENCE|SORT|SORTBY|SWITCH|TAKE|TEXTSPLIT|"
    r"TOCOL|TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP)\("
)


class FastWorksheet(Worksheet):
    """xlsxwriter rewrites every formula with ~30 regular expressions looking for dynamic-array
    functions (they need an `_xlfn.` prefix). Ours use none of them; one search proves it and
    saves most of the write time of a kabupaten-scale workbook."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if _DYNAMIC.search(formula) or self.use_future_functions or expand_future_functions:
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula


def cached(value: object) -> object:
    """What a formula cell stores as its last result: numbers as numbers, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return value


class OrderedSheet:
    """A worksheet proxy for xlsxwriter's constant-memory mode, which only accepts cells in
    row order: every write is recorded per row and replayed in row order by `finish`, so table
    code may fill a row's columns in several passes. It also measures wrapped text, because
    not every viewer grows rows by itself, and sets each row's height before its cells.
    """

    LINE_HEIGHT = 15.0
    CHARS_PER_WIDTH = 1.0
    MAX_HEIGHT = 409.0

    def __init__(self, ws, first_row: int, hold: bool = False) -> None:
        self._ws = ws
        self._first_row = first_row
        self._widths: dict[int, float] = {}
        self._lines: dict[int, int] = {}
        self._rows: dict[int, list[tuple[str, tuple, dict]]] = {}
        self.hold = hold
        self.finished = False

    @property
    def name(self) -> str:
        return self._ws.name

    def __getattr__(self, name):
        attr = getattr(self._ws, name)
        if not name.startswith("write"):
            return attr

        def record(row, *args, **kwargs):
            self._rows.setdefault(row, []).append((name, (row, *args), kwargs))
            return 0

        return record

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
        self._rows.setdefault(row, []).append(("write_string", (row, col, text, *args), kwargs))
        return 0

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        for row in sorted(self._rows):
            lines = self._lines.get(row, 1)
            if lines > 1:
                self._ws.set_row(row, min(self.MAX_HEIGHT, self.LINE_HEIGHT * lines))
            for name, args, kwargs in self._rows[row]:
                getattr(self._ws, name)(*args, **kwargs)
        self._rows.clear()


class Book:
    def __init__(self, wb) -> None:
        self.wb = wb
        self.fmt = make_formats(wb)
        self._custom: dict[tuple, object] = {}
        self.formula_count = 0
        self._sheets: list[OrderedSheet] = []

    def add_sheet(self, name: str, first_row: int = 0, hold: bool = False) -> OrderedSheet:
        """A new sheet; `hold` keeps it open past `finish()` (sheets that come first in the
        book but are filled last, like Ringkasan)."""
        ws = self.wb.add_worksheet(name, worksheet_class=FastWorksheet)
        sheet = OrderedSheet(ws, first_row, hold)
        self._sheets.append(sheet)
        return sheet

    def finish(self, everything: bool = False) -> None:
        """Write out the recorded cells of finished sheets, freeing their memory."""
        for sheet in self._sheets:
            if everything or not sheet.hold:
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
