"""The input sheets in the completed workbook: the user's layout, values normalised.

Every cell stays where the user put it (so each finding's cell reference is valid in both
files), but a value is written as what the reader understood: `Rp.1.632.385.030` becomes the
number 1632385030 shown as `1.632.385.030`, `90%` becomes 90 shown as `90 %`. The typed text
stays visible in a cell note. A value that could not be read stays as the user's text and is
marked. Formulas elsewhere point at these cells; derived columns are added to the right.
"""

from __future__ import annotations

import itertools

from xlsxwriter.utility import xl_cell_to_rowcol

from sakip_xlsx.lkip.findings import Finding
from sakip_xlsx.lkip.model import FORMAT_KEY, IDENTITAS_RUPIAH, Cell, Laporan, column_letter
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import (
    IDENTITAS,
    INPUT_SHEETS,
    MEASURED,
    Kind,
    SheetSpec,
    canonical_choice,
)
from sakip_xlsx.lkip.values import Parsed, clean_text, code_text, decorated, shown_text
from sakip_xlsx.render.xlsx.completed.derived import DERIVED_ROWS, RowPlan, plan_derived
from sakip_xlsx.render.xlsx.completed.render import Renderer
from sakip_xlsx.render.xlsx.styles import document_footer, page_setup
from sakip_xlsx.render.xlsx.template import place_logo


def cells_by_sheet(laporan: Laporan) -> dict[str, list[Cell]]:
    """The parsed input cells of each sheet (indexed one sheet at a time, as it is written)."""
    out: dict[str, list[Cell]] = {}
    ident = laporan.identitas
    identitas = ((key, getattr(ident, key)) for key in IDENTITAS_RUPIAH)
    for _, cell in itertools.chain(laporan.measure_cells(), identitas):
        if cell.sheet and cell.col >= 0:
            out.setdefault(cell.sheet, []).append(cell)
    return out


def marks(findings: list[Finding]) -> dict[str, dict[str, list[Finding]]]:
    """The findings by sheet, then every A1 reference they mark."""
    out: dict[str, dict[str, list[Finding]]] = {}
    for item in findings:
        if item.sheet and item.cell:
            sheet = out.setdefault(item.sheet, {})
            for cell in (item.cell, *item.covers):
                sheet.setdefault(cell, []).append(item)
    return out


def _squash(text: str) -> str:
    text = text.lower().replace(" ", "").replace("'", "")
    for prefix in ("rp.", "rp", "idr"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in (",00", ",-", ".-"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def typed_differs(v: Parsed) -> bool:
    """Whether the normalised value shows something other than what the user typed (then the
    typed text goes into a note). `80%`, `Rp 1.500.000` or `12 Laporan` look the same
    normalised and get no note; `Tw 1. 3 Kali`, `25,00 %` or `-` do."""
    if v.raw is None:
        return False
    if v.number is None or v.is_range or v.problem is not None:
        return v.problem is None and not v.is_range
    return _squash(v.raw) != _squash(shown_text(v))


def number_format(v: Parsed) -> str:
    """The number format that shows a measured value as the user typed it (unit, %, grade)."""
    body = "#,##0" if v.number is not None and float(v.number).is_integer() else "#,##0.0##"
    if v.grade:
        return f'"{v.grade} ("{body}")"'
    suffix = ""
    if v.percent:
        suffix = ' "%"'
    elif v.unit:
        suffix = ' "' + v.unit.replace('"', "") + '"'
    return body + suffix


def write_input_sheets(
    render: Renderer, laporan: Laporan, hasil: Hasil, findings: list[Finding], release: bool
) -> None:
    if laporan.grids_released:
        raise RuntimeError("the input sheets' grids were let go after the first writing")
    book = render.book
    values = cells_by_sheet(laporan)
    marked = marks(findings)
    for spec in INPUT_SHEETS:
        if spec.name not in laporan.grids:
            continue
        header_row = 1 if spec.key_value else laporan.header_rows.get(spec.name, 1)
        # rows from the header on get the height their text needs (a heading of two lines
        # too: `Target tahunan menurut metode` is cut off in print otherwise)
        ws = book.add_sheet(spec.name, header_row - 1)
        if spec.key_value and laporan.identitas.logo_gambar:  # the logo stays where it was
            place_logo(ws, laporan.identitas.rows.get("logo", 1) - 1, laporan.identitas.logo_gambar)
        grid = laporan.grids[spec.name]
        kinds = _column_kinds(laporan, spec)
        width = derived_column(laporan, spec, grid)
        _layout(ws, spec, laporan, width, header_row)
        derived = RowPlan()
        if spec.name in DERIVED_ROWS:
            plan_derived(render, ws, derived, spec, laporan, hasil, width, header_row)
        band = range(width, width + len(spec.derived)) if spec.derived else range(0)
        dropped = laporan.derived_columns.get(spec.name, set())
        kind_of = {xl_cell_to_rowcol(f"{letter}1")[1]: kind for letter, kind in kinds.items()}
        table = set(kind_of)
        table_columns = [c for c in sorted(table) if c < MAX_COLS and c not in band]
        table_columns = [c for c in table_columns if c not in dropped]
        # by row * FORMAT_KEY + column, for this sheet only: freed with it
        sheet_values = {c.row * FORMAT_KEY + c.col: c for c in values.pop(spec.name, ())}
        sheet_marks = marked.pop(spec.name, {})
        write = _CellWriter(book, ws)
        for number in grid.row_numbers():
            if number > MAX_ROWS:
                break  # beyond Excel's grid: reported by the reader, cannot be written
            r = number - 1
            line = grid.rows[number]
            body = number > header_row
            if body and line.keys() <= table:
                columns = table_columns
            else:  # outside the sheet, or where the derived columns go: reported, not written
                columns = sorted(table.union(line) if body else line)
                columns = [c for c in columns if c < MAX_COLS and c not in band]
                columns = [c for c in columns if c not in dropped]
            row_text = str(number)
            key = number * FORMAT_KEY
            for c in columns:
                kind = kind_of.get(c) if body else None
                if spec.key_value and number > 1 and c == 1:
                    kind = _identitas_kind(laporan, number)
                write(
                    r,
                    c,
                    line.get(c),
                    kind,
                    sheet_values.get(key + c),
                    sheet_marks.get(column_letter(c) + row_text) if sheet_marks else None,
                    number == header_row,
                )
            derived.run(r)
        for r in sorted(derived.rows):
            derived.run(r)
        for c, needed in write.widest.items():  # <cols> is written when the sheet closes
            if needed > ws.width(c):
                ws.set_column(c, c, needed)
        ident = laporan.identitas
        page_setup(
            ws,
            repeat_rows=(header_row - 1, header_row - 1),
            footer=document_footer(ident.nama_instansi, ident.tahun_laporan),
        )
        book.finish()
        if release:
            del laporan.grids[spec.name]
            laporan.grids_released = True


MAX_ROWS, MAX_COLS = 1_048_576, 16_384


def derived_column(laporan: Laporan, spec: SheetSpec, grid) -> int:
    """Where the derived columns start: right of the table and of every value present, so
    the user's layout is kept; when a stray value sits too far right for that, right of the
    table (the stray value was reported and gives way)."""
    table = laporan.table_width.get(spec.name, 0)
    dropped = laporan.derived_columns.get(spec.name, set())
    content = max(
        (c + 1 for line in grid.rows.values() for c in line if c not in dropped), default=0
    )
    start = max(table, content)
    if start + len(spec.derived) > MAX_COLS:
        return table
    return start


def _column_kinds(laporan: Laporan, spec: SheetSpec) -> dict[str, tuple[Kind, tuple[str, ...]]]:
    out = {}
    for key, letter in laporan.columns.get(spec.name, {}).items():
        col = spec.column(key.split(":")[0])
        out[letter] = (col.kind, col.choices)
    return out


def _identitas_kind(laporan: Laporan, row: int):
    for key, number in laporan.identitas.rows.items():
        if number == row:
            col = IDENTITAS.column(key)
            return (col.kind, col.choices)
    return None


NUMBER_CHAR_WIDTH = 1.1
"""Column width a character of a number shown with its unit takes (letters run wider than
the digits a width counts)."""

MEASURED_CACHE = 4096
"""How many measured values' cells `_CellWriter` keeps: a pagu in rupiah is seldom repeated,
a percentage or a count often, and a sheet of 30,000 distinct pagu must not be kept whole."""


class _CellWriter:
    """Writes one input cell as the reader understood it. A measured value's cell (its number,
    number format and note) is worked out once per distinct value and kept: the reader shares
    one value among the cells that hold it, and a kabupaten workbook has 76,000 of them."""

    def __init__(self, book, ws) -> None:
        self.book = book
        self.ws = ws
        self._measured: dict[tuple[Parsed, str], tuple] = {}
        self.widest: dict[int, float] = {}
        """Per column, the width its widest number shown with a unit needs (a number never
        wraps: too narrow a column shows ###)."""

    def __call__(self, r, c, raw, kind, parsed: Cell | None, found, is_header) -> None:
        book, ws = self.book, self.ws
        if is_header:
            if raw is not None:
                book.value(ws, r, c, raw, book.fmt["header"])
            return
        if kind is None:
            if raw is None:
                return
            fmt = book.custom(
                "finding" if found else "plain", "@" if isinstance(raw, str) else None
            )
            _write_raw(book, ws, r, c, raw, fmt)
            if found:
                _note(ws, r, c, [], found)
            return
        col_kind, choices = kind
        base = "finding" if found else "input"
        if col_kind in MEASURED and parsed is not None:
            v = parsed.value
            made = self._measured.get((v, base))
            if made is None:
                if len(self._measured) >= MEASURED_CACHE:
                    self._measured.clear()  # the values that repeat come back soon
                made = self._measured[(v, base)] = self._measured_cell(v, base)
            value, fmt, note, shown = made
            if shown > self.widest.get(c, 0):
                self.widest[c] = shown
            if value is None:
                ws.write_blank(r, c, None, fmt)
            else:
                book.value(ws, r, c, value, fmt)
            if note or found:
                _note(ws, r, c, [note] if note else [], found)
            return
        notes: list[str] = []
        if col_kind is Kind.CHOICE and isinstance(raw, str):
            listed = canonical_choice(raw, choices)
            choice = listed or raw
            if choice != raw.strip():
                notes.append(f"Diketik: {raw}")
            if listed is not None and listed.isdecimal():  # the capaian cap: formulas need
                # the number (a value off the list stays text: `²` or 400 digits are no number)
                book.value(ws, r, c, int(choice), book.custom(base))
            else:
                book.value(ws, r, c, choice, book.custom(base, "@"))
        elif col_kind is Kind.SUGGEST and isinstance(raw, str):
            typed = clean_text(raw)
            choice = canonical_choice(typed, choices) or typed
            if choice != typed:  # counted as the list value the tables compare with
                notes.append(f"Diketik: {raw}")
            book.value(ws, r, c, choice, book.custom(base, "@"))
        elif col_kind is Kind.CODE and raw is not None:
            book.value(ws, r, c, code_text(raw), book.custom(base, "@"))
        elif col_kind is Kind.DATE and raw is not None and not isinstance(raw, str):
            ws.write_datetime(r, c, raw, book.custom(base, "dd-mm-yyyy"))
        elif isinstance(raw, str):  # text as the reader understood it (spaces tidied)
            book.value(ws, r, c, clean_text(raw), book.custom(base, "@"))
        else:
            _write_raw(book, ws, r, c, raw, book.custom(base))
        if notes or found:
            _note(ws, r, c, notes, found)

    def _measured_cell(self, v: Parsed, base: str) -> tuple:
        """(value or None for a blank, format, note or "", width the number shown needs) of a
        measured input value."""
        book = self.book
        note = f"Diketik: {v.raw}" if v.raw is not None and typed_differs(v) else ""
        if v.number is not None and not v.is_range:
            width = len(shown_text(v)) * NUMBER_CHAR_WIDTH + 2 if decorated(v) else 0
            return v.number, book.custom(base, number_format(v)), note, width
        if v.raw is not None and (v.problem is not None or v.is_range):
            return v.raw, book.custom(base, "@"), note, 0
        return None, book.custom(base), note, 0


def _write_raw(book, ws, r, c, raw, style) -> None:
    if hasattr(raw, "year") and not isinstance(raw, str):
        ws.write_datetime(r, c, raw, style)
    else:
        book.value(ws, r, c, raw, style)


def _note(ws, r, c, notes: list[str], found) -> None:
    lines = list(notes)
    for item in found or ():
        lines.append(f"Temuan {item.code}: {item.message}")
    if lines:
        ws.write_comment(r, c, "\n".join(lines)[:2000], {"x_scale": 2.2, "y_scale": 1.5})


def _layout(ws, spec: SheetSpec, laporan: Laporan, width: int, header_row: int) -> None:
    if spec.key_value:
        ws.set_column(0, 0, 38)
        ws.set_column(1, 1, 40)
        ws.set_column(2, 2, 60)
        ws.freeze_panes(1, 0)
        return
    letters = laporan.columns.get(spec.name, {})
    for key, letter in letters.items():
        col = spec.column(key.split(":")[0])
        index = xl_cell_to_rowcol(f"{letter}1")[1]
        ws.set_column(index, index, col.width)
    ws.freeze_panes(header_row, 1)
