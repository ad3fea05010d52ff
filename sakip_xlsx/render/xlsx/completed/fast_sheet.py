"""xlsxwriter's worksheet with a faster inner loop for the cells the completed workbook writes.

Writing the cells is most of `fill`'s time at kabupaten scale, and xlsxwriter spends much of
it on general-purpose work our cells never need: up to five regular-expression passes per
string (escaping, control characters, leading/trailing spaces), a scan of every formula for
dynamic-array functions, and a file write per cell. The subclass below writes exactly the
bytes xlsxwriter writes (tests compare them on every cell kind, including text that needs
escaping) with a single check per string for the rare text that needs the general path.
"""

from __future__ import annotations

import re

from xlsxwriter import worksheet as _xw

from sakip_xlsx.lkip.model import column_letter

_STRING, _NUMBER = _xw.CellStringTuple, _xw.CellNumberTuple
_FORMULA, _BLANK = _xw.CellFormulaTuple, _xw.CellBlankTuple

DYNAMIC_ARRAY_FUNCTIONS = (
    "ANCHORARRAY",
    "BYCOL",
    "BYROW",
    "CHOOSECOLS",
    "CHOOSEROWS",
    "DROP",
    "EXPAND",
    "FILTER",
    "HSTACK",
    "LAMBDA",
    "MAKEARRAY",
    "MAP",
    "RANDARRAY",
    "REDUCE",
    "SCAN",
    "SINGLE",
    "SEQUENCE",
    "SORT",
    "SORTBY",
    "SWITCH",
    "TAKE",
    "TEXTSPLIT",
    "TOCOL",
    "TOROW",
    "UNIQUE",
    "VSTACK",
    "WRAPCOLS",
    "WRAPROWS",
    "XLOOKUP",
)
"""Functions xlsxwriter would prefix with `_xlfn.`; `formulas.py` uses none of them (a test
checks), so their scan can be skipped."""

_PLAIN_TEXT = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")
"""Text that needs any of xlsxwriter's string treatments: XML escapes, control characters,
the `_xHHHH_` escape of the escape, or a preserved leading/trailing space."""

_ERRORS = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))

FAST = (
    _STRING._fields == ("string", "format")
    and _NUMBER._fields == ("number", "format")
    and _FORMULA._fields == ("formula", "format", "value")
    and _BLANK._fields == ("format",)
    and all(
        hasattr(_xw.Worksheet, name)
        for name in ("_write_single_row", "_write_row", "_write_cell", "_write_empty_row")
    )
)
"""The inner loop below leans on xlsxwriter's cell records as versions 3.1 to 3.3 have them;
another layout falls back to xlsxwriter's own loop (slower, same file)."""


def _data(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


class FastWorksheet(_xw.Worksheet):
    """Every formula here is built by `formulas.py` from functions all spreadsheets have, so
    xlsxwriter's dynamic-array scan (and its `_xlfn.` rewriting, which would even rewrite such a
    name inside a text criterion) is skipped; in constant-memory mode each row's cells are
    written as one string."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if self.use_future_functions or expand_future_functions or formula.startswith("{"):
            return super()._prepare_formula(formula, expand_future_functions)
        return formula[1:] if formula.startswith("=") else formula

    def _write_formula(self, row, col, formula, cell_format=None, value=0):
        if not formula or formula.startswith("{") or self.use_future_functions:
            return super()._write_formula(row, col, formula, cell_format, value)
        if self._check_dimensions(row, col):
            return -1
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        self.table[row][col] = _FORMULA(self._prepare_formula(formula), cell_format, value)
        return 0

    def _write_single_row(self, current_row_num=0) -> None:
        if not FAST:
            return super()._write_single_row(current_row_num)
        row_num = self.previous_row
        self.previous_row = current_row_num
        cells = self.table.get(row_num)
        row_info = self.row_info.get(row_num)
        if not cells:
            if row_info is not None or row_num in self.comments:
                self._write_empty_row(row_num, None, row_info)
            self.table.clear()
            return
        self._write_row(row_num, None, row_info)
        number = str(row_num + 1)
        row_format = row_info.row_format if row_info is not None else None
        parts = []
        for col_num in sorted(cells):
            cell = cells[col_num]
            kind = cell.__class__
            if cell.format:
                style = f' s="{cell.format._get_xf_index()}"'
            elif row_format:
                style = f' s="{row_format._get_xf_index()}"'
            elif col_num in self.col_info and self.col_info[col_num].column_format is not None:
                style = f' s="{self.col_info[col_num].column_format._get_xf_index()}"'
            else:
                style = ""
            ref = column_letter(col_num) + number
            if kind is _STRING and not _PLAIN_TEXT.search(cell.string):
                parts.append(f'<c r="{ref}"{style} t="inlineStr"><is><t>{cell.string}</t></is></c>')
            elif kind is _NUMBER:
                parts.append(f'<c r="{ref}"{style}><v>{cell.number:.16G}</v></c>')
            elif kind is _FORMULA:
                value = cell.value
                kind_attr = ""
                if isinstance(value, bool):
                    kind_attr, value = ' t="b"', int(value)
                elif isinstance(value, str) and value:
                    kind_attr = ' t="e"' if value in _ERRORS else ' t="str"'
                if isinstance(value, str):
                    value = _data(value)
                parts.append(
                    f'<c r="{ref}"{style}{kind_attr}><f>{_data(cell.formula)}</f><v>{value}</v></c>'
                )
            elif kind is _BLANK:
                parts.append(f'<c r="{ref}"{style}/>')
            else:  # rarer kinds and text needing escapes: xlsxwriter's own path
                self.fh.write("".join(parts))
                parts.clear()
                self._write_cell(row_num, col_num, cell)
        parts.append("</row>")
        self.fh.write("".join(parts))
        self.table.clear()
