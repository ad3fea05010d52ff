"""A thin layer over xlsxwriter for the completed workbook: cached formats and formula cells
written with the value Python computed as their cached result."""

from __future__ import annotations

import math

from xlsxwriter.utility import xl_rowcol_to_cell

from sakip_xlsx.lkip import findings as F
from sakip_xlsx.render.xlsx import formulas as X
from sakip_xlsx.render.xlsx.completed.fast_sheet import FastWorksheet
from sakip_xlsx.render.xlsx.styles import (
    CHARS_PER_WIDTH,
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    make_formats,
    row_height,
    wrapped_lines,
)


def cached(value: object) -> object:
    """What a formula cell stores as its last result: numbers as numbers, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return value


class OrderedSheet:
    """A worksheet for xlsxwriter's constant-memory mode, which writes each row to disk as soon
    as a later row is started: writes must come in row order, and this proxy refuses any that
    do not (a silent loss otherwise). It also measures wrapped text, because not every viewer
    grows rows by itself, and sets each row's height before the row is written out.
    """

    LINE_HEIGHT = LINE_HEIGHT
    MAX_HEIGHT = MAX_ROW_HEIGHT

    def insert_image(self, row: int, col: int, name: str, options: dict) -> None:
        """A picture over the sheet (drawn at close, so the row order does not matter)."""
        self._ws.insert_image(row, col, name, options)

    def __init__(self, ws, first_row: int, hold: bool = False) -> None:
        self._ws = ws
        self._first_row = first_row
        self._widths: dict[int, float] = {}
        self._per_line: dict[int, int] = {}
        """Characters a line of each column holds (from its width)."""
        self._current = -1
        self._lines = 1
        self.hold = hold
        self.finished = False
        self.closing: tuple[str, object, int, float] | None = None
        """A line written two rows under the last one when the sheet is finished (the
        *Sumber data* line of an LKIP table): text, format, the table's last column and its
        width, across which the line is merged and wrapped."""

    @property
    def name(self) -> str:
        return self._ws.name

    def __getattr__(self, name):
        return getattr(self._ws, name)

    def _advance(self, row: int) -> None:
        if row == self._current:
            return
        if row < self._current:
            raise RuntimeError(
                f"sheet {self._ws.name}: row {row + 1} written after row {self._current + 1}"
            )
        self._set_height()
        self._current = row
        self._lines = 1

    def _set_height(self) -> None:
        if self._lines > 1 and self._current >= 0:
            self._ws.set_row(self._current, min(self.MAX_HEIGHT, self.LINE_HEIGHT * self._lines))

    def column_widths(self) -> list[float]:
        """The widths of the columns set, for the print scale (`styles.page_setup`)."""
        return list(self._widths.values())

    def width(self, col: int) -> float:
        """The column's width as set (Excel's default when none was)."""
        return self._widths.get(col, 8.43)

    def set_column(self, first: int, last: int, width: float, *args, **kwargs):
        for col in range(first, last + 1):
            self._widths[col] = width
            self._per_line.pop(col, None)
        return self._ws.set_column(first, last, width, *args, **kwargs)

    def write_string(self, row: int, col: int, text: str, *args):
        if row != self._current:
            self._advance(row)
        if row >= self._first_row and len(text) > 8:
            per_line = self._per_line.get(col)
            if per_line is None:
                width = self._widths.get(col, 8.43)
                per_line = self._per_line[col] = max(1, int(width * CHARS_PER_WIDTH))
            wraps = not args or args[0] is None or args[0].text_wrap
            if wraps and (len(text) > per_line or "\n" in text):  # (unwrapped text overflows)
                self._lines = max(self._lines, wrapped_lines(text, per_line))
        return self._ws._write_string(row, col, text, *args)

    def write_number(self, row: int, *args):
        if row != self._current:
            self._advance(row)
        return self._ws._write_number(row, *args)

    def write_formula(self, row: int, *args):
        if row != self._current:
            self._advance(row)
        return self._ws._write_formula(row, *args)

    def write_blank(self, row: int, *args):
        if row != self._current:
            self._advance(row)
        return self._ws._write_blank(row, *args)

    def write_boolean(self, row: int, *args):
        if row != self._current:
            self._advance(row)
        return self._ws._write_boolean(row, *args)

    def write_datetime(self, row: int, *args):
        if row != self._current:
            self._advance(row)
        return self._ws._write_datetime(row, *args)

    def write_url(self, row: int, *args, **kwargs):
        self._advance(row)
        return self._ws.write_url(row, *args, **kwargs)

    def write_comment(self, row: int, *args, **kwargs):
        self._advance(row)
        return self._ws.write_comment(row, *args, **kwargs)

    def finish(self) -> None:
        if not self.finished:
            if self.closing is not None:
                text, fmt, last, width = self.closing
                row = max(self._current, self._first_row - 1) + 2
                self._advance(row)
                height = row_height([(text, width)])
                if height > self.LINE_HEIGHT:
                    self._ws.set_row(row, height)
                if last > 0:
                    self._ws.merge_range(row, 0, row, last, text, fmt)
                else:
                    self._ws._write_string(row, 0, text, fmt)
            self.finished = True
            self._set_height()


class Book:
    def __init__(self, wb) -> None:
        self.wb = wb
        self.fmt = make_formats(wb)
        self._custom: dict[tuple, object] = {}
        self.formula_count = 0
        self._sheets: list[OrderedSheet] = []
        self.findings: list[F.Finding] = []
        self.footer = ""
        """The footer line of every printed page (instansi and tahun)."""
        """What writing itself had to report (a formula past Excel's limits)."""

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
        key = (base, num_format, tuple(sorted(extra.items()))) if extra else (base, num_format)
        if key not in self._custom:
            props = {
                "border": 1,
                "border_color": "#BFBFBF",
                "valign": "top",
                **BASES[base],
                **extra,
            }
            if num_format:
                props["num_format"] = _short_format(num_format)
            if num_format == "@":  # text wraps, as in the template: rows grow to show it all
                props["text_wrap"] = True
            self._custom[key] = self.wb.add_format(props)
        return self._custom[key]

    def formula(self, ws, row: int, col: int, formula: str, value: object, fmt) -> None:
        # (a formula this short breaks no limit: the quarter of a million ordinary ones of a
        # kabupaten workbook are not scanned)
        problem = X.limit_problem(formula) if len(formula) > X.SHORT_FORMULA else None
        if problem is not None:
            cell = xl_rowcol_to_cell(row, col)
            self.findings.append(
                F.finding(
                    F.FORMULA_AS_VALUE, ws.name, cell, sel=cell, sheet=ws.name, alasan=problem
                )
            )
            self.value(ws, row, col, cached(value), fmt)
            return
        self.formula_count += 1
        ws.write_formula(row, col, formula, fmt, cached(value))  # the writer needs no "="

    def value(self, ws, row: int, col: int, value: object, fmt) -> None:
        """A plain value: text always as text (never a formula), numbers as numbers."""
        if value.__class__ is str and value:  # most values: one test
            ws.write_string(row, col, value, fmt)
        elif value is None or value == "":
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


def _short_format(num_format: str) -> str:
    """Excel refuses number formats over 255 characters; a long unit decoration (`0 "…"`)
    is dropped, the number stays."""
    if len(num_format) <= X.MAX_NUMBER_FORMAT:
        return num_format
    bare = num_format.split('"')[0].strip() or "General"
    return bare[: X.MAX_NUMBER_FORMAT]


BASES: dict[str, dict] = {
    "input": {"bg_color": "#FFF2CC"},
    "tool": {"bg_color": "#DDEBF7"},
    "finding": {"bg_color": "#F8CBAD"},
    "plain": {},
}
