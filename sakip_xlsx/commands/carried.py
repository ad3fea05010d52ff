"""What a new isian written from the user's workbook (`template --dari`, `impor-sipd`) does not
carry, named cell by cell.

The new isian is written from the model: every value the reader understood travels (or is
emptied on purpose, as the Catatan sheet says). What the reader could not place — a column the
template does not have, a note beside the table or beside an Identitas field, a title row, a
sheet of the user's own — would otherwise vanish without a word. This module lists each such
cell of the source as `Sheet!A1: 'teks'`, for the terminal and the new isian's Catatan sheet.
"""

from __future__ import annotations

from sakip_xlsx.lkip.model import Laporan
from sakip_xlsx.lkip.schema import (
    IDENTITAS,
    IDENTITAS_HEADINGS,
    INPUT_SHEETS,
    normalise_header,
)
from sakip_xlsx.lkip.values import clean_text, shorten
from sakip_xlsx.workbook.grid import SheetGrid, column_index, column_letter

MAX_LISTED = 100
"""Cells listed one by one; beyond them, a count per sheet (a pasted report of thousands of
cells is named, not printed whole)."""


def not_carried(laporan: Laporan) -> list[str]:
    """Every typed value of the source workbook that the new isian does not hold, in sheet
    order; the tool's own sheets (instructions, notes, the completed workbook's tables) are not
    the user's values, and the user's own sheets are as the reader saw them."""
    from sakip_xlsx.workbook.reviu import SHEET as REVIU_SHEET
    from sakip_xlsx.workbook.reviu import TOOL as REVIU_TOOL

    cells: list[tuple[str, str, object]] = []
    for spec in INPUT_SHEETS:
        sheet = laporan.grids.get(spec.name)
        if sheet is None:
            continue
        if spec is IDENTITAS:
            cells += _identitas(laporan, sheet)
        else:
            cells += _table(laporan, spec.name, sheet)
    for title, other in laporan.other_sheets.items():
        if isinstance(other, str):  # too large or damaged: the reader has named it (STR-016)
            cells.append((title, "A1", other))
        else:
            cells += [(title, ref, value) for ref, value in _all(other)]
    people = [c for c in laporan.catatan_reviu if c.oleh != REVIU_TOOL]
    if people:  # last year's remarks: a count, not each cell
        cells.append((REVIU_SHEET, "A1", f"{len(people)} catatan reviu tahun lalu"))
    return _listed(cells)


def _all(sheet: SheetGrid):
    for r in sorted(sheet.rows):
        line = sheet.rows[r]
        for c in sorted(line):
            if not _blank(line[c]):
                yield f"{column_letter(c)}{r}", line[c]


def _table(laporan: Laporan, name: str, sheet: SheetGrid) -> list[tuple[str, str, object]]:
    header = laporan.header_rows.get(name, 1)
    known = {column_index(letter) for letter in laporan.columns.get(name, {}).values()}
    known |= laporan.derived_columns.get(name, set())
    out = []
    for r in sorted(sheet.rows):
        line = sheet.rows[r]
        for c in sorted(line):
            if _blank(line[c]) or (r >= header and c in known):
                continue
            out.append((name, f"{column_letter(c)}{r}", line[c]))
    return out


def _identitas(laporan: Laporan, sheet: SheetGrid) -> list[tuple[str, str, object]]:
    """Identitas: label, value and the template's own Keterangan are its fields; a note of the
    user's in Keterangan, anything right of it, and rows of no field are not carried."""
    from sakip_xlsx.render.xlsx.template import column_help

    by_row = {row: key for key, row in laporan.identitas.rows.items()}
    columns = {col.key: col for col in IDENTITAS.columns}
    out = []
    for r in sorted(sheet.rows):
        line = sheet.rows[r]
        key = by_row.get(r)
        label = line.get(0)
        heading = isinstance(label, str) and normalise_header(label) == normalise_header(
            IDENTITAS_HEADINGS[0]
        )
        for c in sorted(line):
            value = line[c]
            if _blank(value):
                continue
            if (key is not None and c < 2) or (heading and c < len(IDENTITAS_HEADINGS)):
                continue
            own_help = key in columns and clean_text(column_help(columns[key]))
            if key is not None and c == 2 and clean_text(str(value)) == own_help:
                continue  # the template's own help text
            out.append((IDENTITAS.name, f"{column_letter(c)}{r}", value))
    return out


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _listed(cells: list[tuple[str, str, object]]) -> list[str]:
    lines = [
        f"{sheet}!{ref}: '{shorten(clean_text(str(value)), 60)}'"
        for sheet, ref, value in cells[:MAX_LISTED]
    ]
    rest: dict[str, int] = {}
    for sheet, _, _ in cells[MAX_LISTED:]:
        rest[sheet] = rest.get(sheet, 0) + 1
    lines += [f"{sheet}: {count} nilai lain" for sheet, count in rest.items()]
    return lines
