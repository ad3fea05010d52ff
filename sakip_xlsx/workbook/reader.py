"""Filled workbook -> typed model, collecting every problem instead of stopping at the first.

The schema says which sheets and columns exist; this module finds them (header row anywhere in
the first rows, columns in any order, headers in any case), parses each cell by its column kind
and links the records by their codes. What cannot be read becomes a finding with its sheet and
cell; what can be read is read.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from sakip_xlsx.lkip import findings as F
from sakip_xlsx.lkip.model import (
    EMPTY,
    FORMAT_KEY,
    Cell,
    Identitas,
    Indikator,
    Laporan,
    Pegawai,
    PkRow,
    Realisasi,
    RencanaAksi,
    RktItem,
    RktTarget,
    Sasaran,
)
from sakip_xlsx.lkip.schema import (
    CATATAN_SHEET,
    IDENTITAS,
    IDENTITAS_HEADINGS,
    INPUT_SHEETS,
    MEASURED,
    PETUNJUK_SHEET,
    PK,
    REALISASI,
    RENCANA_AKSI,
    RENSTRA,
    RKT,
    SDM,
    Column,
    Jenis,
    Kind,
    Metode,
    Polaritas,
    SheetSpec,
    canonical_choice,
    find_sheet,
    normalise_header,
)
from sakip_xlsx.lkip.values import (
    MISSING,
    Parsed,
    Problem,
    clean_text,
    code_text,
    comma_thousands,
    format_id,
    is_percent_satuan,
    parse_value,
    plain_text,
    shorten,
    unit_matches,
)
from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.workbook import grid, reviu
from sakip_xlsx.workbook.container import open_input, unreadable
from sakip_xlsx.workbook.grid import SheetGrid, column_index, column_letter
from sakip_xlsx.workbook.images import image_kind
from sakip_xlsx.workbook.unused import unused_values

HEADER_SCAN_ROWS = 10
"""How far down a sheet the header row is looked for (a title row above it is common)."""
OUTPUT_SHEET_PREFIXES = ("Tabel", "Ringkasan", "Temuan", "Grafik", "Pemantauan")
"""Sheets the completed workbook adds; reading a completed workbook ignores them."""

_QUARTER_COLUMN = re.compile(r"_tw([1-4])$")


@dataclass
class RawRow:
    """One data row: per column key (`target:2023` for year columns) the cell value read."""

    row: int
    letters: dict[str, str]
    """The sheet's column letter of each column key (one dict shared by the sheet's rows)."""
    cells: dict[str, Cell] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    choices: dict[str, str] = field(default_factory=dict)

    def ref(self, key: str) -> str | None:
        """The A1 reference of this row's cell in column `key`."""
        letter = self.letters.get(key)
        return f"{letter}{self.row}" if letter else None


def read_workbook(path: str | Path) -> Laporan:
    """Read a filled input workbook (or a completed one) into the model.

    Raises `InputFileError` only when the file cannot be read at all, or holds none of the
    input sheets; everything else is a finding on the returned model.
    """
    p, book = open_input(path)
    with book:
        return _read(book, p)


_unreadable = unreadable


def _read(book: grid.WorkbookGrid, path: Path) -> Laporan:
    laporan = Laporan(source=path.name)
    found = [(spec, _find_sheet(book.titles, spec)) for spec in INPUT_SHEETS]
    if not any(title for _, title in found):
        raise NotSakipWorkbook(_not_sakip(path.name, book), book.titles)
    laporan.lengkap = any(t.startswith(OUTPUT_SHEET_PREFIXES) for t in book.titles)
    laporan.sha256 = _digest(path)
    laporan.sumber_sha256 = book.custom_property(SOURCE_DIGEST) or ""
    book.row_limit = MAX_INPUT_ROWS  # over the input sheets together
    for spec, title in found:
        if title is None:
            if not spec.optional:
                laporan.findings.append(
                    F.finding(F.MISSING_SHEET, spec.name, sheet=spec.name, file=path.name)
                )
            continue
        laporan.sheets_present.add(spec.name)
        try:
            sheet = book.sheet(title)
        except grid.TooManyRows as exc:
            raise InputFileError(_too_large(path.name, exc)) from None
        except Exception as exc:  # damaged XML surfaces as many exception types
            raise _unreadable(path.name, exc, title) from exc
        laporan.grids[spec.name] = sheet
        _malformed_findings(laporan, spec, sheet)
        no_cache = sheet.no_cached_value
        if spec.key_value:
            _read_identitas(sheet, spec, title, laporan, no_cache)
            pictures = [p for p in book.images(title) if image_kind(p)]
            laporan.identitas.logo_gambar = pictures[0] if pictures else b""
        else:
            raw_rows = _read_table(sheet, spec, title, laporan, no_cache)
            BUILDERS[spec.name](raw_rows, laporan)
            # at once, so a sheet's raw rows are dropped before the next sheet is read (the
            # kinds of rows come from the Renstra and RKT, read before the sheets that use them)
            unused_values(laporan, spec, raw_rows)
            del raw_rows
        _merged_findings(laporan, spec, sheet.merged)
    book.row_limit = None  # the reviewers' remarks are few and do not count
    remarks = find_sheet(book.titles, (reviu.SHEET,))
    if remarks is not None:  # a completed workbook the reviewers wrote into
        try:
            laporan.catatan_reviu = reviu.read_sheet(book.sheet(remarks))
        except Exception as exc:  # damaged XML surfaces as many exception types
            raise _unreadable(path.name, exc, remarks) from exc
    known = {title for _, title in found if title is not None}
    if remarks is not None:
        known.add(remarks)
    for title in book.titles:
        if title not in known and not _tool_sheet(title, laporan.lengkap):
            _other_sheet(laporan, book, title)
    _link(laporan)
    _check_units(laporan)
    laporan.findings = F.sort_findings(F.one_per_cause(_rows_named(laporan)))
    return laporan


def remarks_to_keep(path: Path, instansi: str, tahun: int | None) -> list[reviu.Catatan]:
    """The reviewers' remarks in the completed workbook at `path`, which `fill --force` is
    about to replace, when it is this OPD's report of this year: filling the corrected isian
    over the reviewed workbook must not lose them (they exist nowhere else). Anything else
    (another OPD, an unreadable file) gives none: the file is replaced as asked."""
    try:
        opened, book = open_input(path)
    except Exception:  # not a workbook we can read: nothing of ours to keep
        return []
    with book:
        remarks = find_sheet(book.titles, (reviu.SHEET,))
        ident = _find_sheet(book.titles, IDENTITAS)
        if remarks is None or ident is None:
            return []
        laporan = Laporan(source=opened.name)
        try:
            _read_identitas(book.sheet(ident), IDENTITAS, ident, laporan, set())
            same = (laporan.identitas.nama_instansi, laporan.identitas.tahun_laporan)
            if not instansi or same != (instansi, tahun):
                return []
            kept = reviu.read_sheet(book.sheet(remarks))
        except Exception:  # damaged XML surfaces as many exception types
            return []
    # only what people wrote is worth keeping: `fill` pre-fills its own rows anew
    return kept if any(remark.written for remark in kept) else []


OUTPUT_SHEETS = frozenset(("Narasi",))
"""Sheets the completed workbook carries besides the input sheets and those named by
`OUTPUT_SHEET_PREFIXES` (a test keeps the list whole): not the user's data there."""

OTHER_SHEET_ROWS = 1_000
"""Rows of a sheet that is not an input sheet read to count its values for the finding."""


def _tool_sheet(title: str, lengkap: bool) -> bool:
    """The template's instructions and notes, or (in a completed workbook) a sheet `fill`
    wrote."""
    if title in (PETUNJUK_SHEET, CATATAN_SHEET):
        return True
    return lengkap and (title in OUTPUT_SHEETS or title.startswith(OUTPUT_SHEET_PREFIXES))


def _other_sheet(laporan: Laporan, book: grid.WorkbookGrid, title: str) -> None:
    """A sheet that is not an input sheet (`Realisasi (2)`, a copy made in Excel, or notes) is
    not read; when it holds values the user is told, so none is thought to count."""
    book.row_limit = book.rows_read + OTHER_SHEET_ROWS
    try:
        sheet = book.sheet(title)
    except grid.TooManyRows:
        laporan.findings.append(
            F.finding(F.OTHER_SHEET, title, variant="banyak", sheet=title, baris=OTHER_SHEET_ROWS)
        )
        laporan.other_sheets[title] = f"(lebih dari {OTHER_SHEET_ROWS} baris berisi, tidak dibaca)"
        return
    except Exception:  # damaged XML surfaces as many exception types; not read either way
        laporan.findings.append(F.finding(F.OTHER_SHEET, title, variant="rusak", sheet=title))
        laporan.other_sheets[title] = "(sheet rusak, tidak dapat dibaca)"
        return
    finally:
        book.row_limit = None
    cells = [(r, c) for r, line in sheet.rows.items() for c in line]
    if cells:
        laporan.other_sheets[title] = sheet
        first = min(cells)
        laporan.findings.append(
            F.finding(
                F.OTHER_SHEET,
                title,
                sheet=title,
                jumlah=len(cells),
                awal=_ref(first[1], first[0]),
            )
        )


MAX_INPUT_ROWS = 100_000
"""Rows holding a value, over all input sheets, that one workbook may have. Measured with
`benchmarks/run.py`'s generator: 102,533 rows (30,000 sub kegiatan, ten times a large dinas)
fill in 30 s with a peak of 391 MB, so the limit keeps `fill` within 2 minutes and 600 MB with
room for longer texts; one perangkat daerah's workbook is far below it. Reading stops at the
limit, before the work (and memory) that grows with the rows."""


def _too_large(name: str, exc: grid.TooManyRows) -> str:
    return (
        f"File {name} terlalu besar untuk diolah: sheet isiannya berisi lebih dari "
        f"{format_id(MAX_INPUT_ROWS, 0)} baris terisi (batas terlampaui di sheet "
        f"'{exc.title}', baris {exc.row}). Batas ini (sekitar 25.000 sub kegiatan) menjaga "
        "pengolahan di bawah 2 menit dan 600 MB memori. Satu workbook isian memuat data satu "
        "perangkat daerah; untuk banyak perangkat daerah, isi satu workbook per perangkat "
        "daerah lalu gabungkan hasilnya dengan `sakip-xlsx gabung`."
    )


class NotSakipWorkbook(InputFileError):
    """A readable workbook without any input sheet: refused, never read as an empty LKIP."""

    def __init__(self, message: str, titles: list[str]) -> None:
        super().__init__(message)
        self.titles = titles


SOURCE_DIGEST = "sakip_sumber_sha256"
"""Custom document property of a completed workbook: the SHA-256 of the isian it came from,
so `gabung` can tell a completed workbook from the isian beside it."""


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            sha.update(block)
    return sha.hexdigest()


def _not_sakip(name: str, book: grid.WorkbookGrid) -> str:
    expected = ", ".join(spec.name for spec in INPUT_SHEETS if not spec.optional)
    titles = ", ".join(f"'{t}'" for t in book.titles[:6]) or "(tidak ada sheet)"
    if book.strict and not book.titles:
        return (
            f"File {name} adalah workbook Strict Open XML yang tidak dapat dibaca. Buka di "
            "Excel lalu simpan ulang sebagai Excel Workbook (.xlsx)."
        )
    return (
        f"File {name} bukan workbook isian SAKIP: tidak ada satu pun sheet isian ({expected}); "
        f"sheet yang ada: {titles}. Buat workbook isian dengan `sakip-xlsx template`, atau "
        "simpan ulang sebagai Excel Workbook (.xlsx) bila ini memang workbook isian."
    )


def _find_sheet(titles: list[str], spec: SheetSpec) -> str | None:
    return find_sheet(titles, (spec.name, *spec.aliases))


def _malformed_findings(laporan: Laporan, spec: SheetSpec, sheet: SheetGrid) -> None:
    """Cells whose XML is wrong, at their place; a reference on row 0 names no real cell, so
    that finding stands for its sheet."""
    for ref, why in sheet.malformed.items():
        real = re.fullmatch(r"[A-Z]+[1-9][0-9]*", ref) is not None
        laporan.findings.append(
            F.finding(
                F.MALFORMED_CELL,
                spec.name,
                ref if real else None,
                sel=ref,
                sheet=spec.name,
                alasan=why,
            )
        )


def _merged_findings(laporan: Laporan, spec: SheetSpec, merged: list[str]) -> None:
    header = 1 if spec.key_value else laporan.header_rows.get(spec.name, 1)
    for area in merged:
        first = area.split(":")[0]
        row = int("".join(ch for ch in first if ch.isdigit()) or 0)
        if row > header:
            laporan.findings.append(
                F.finding(F.MERGED_CELLS, spec.name, first, rentang=area, sheet=spec.name)
            )


# --- cells --------------------------------------------------------------------------------


def _ref(col_index: int, row: int) -> str:
    return f"{column_letter(col_index)}{row}"


def _parse_cell(
    col: Column,
    value: object,
    number_format: str,
    sheet: str,
    ref: str,
    place: tuple[int, int],
    laporan: Laporan,
    no_cache: set[str],
) -> Cell:
    m = _QUARTER_COLUMN.search(col.key)
    quarter = int(m.group(1)) if m else None
    parsed = _understood(value, number_format, quarter, col.kind is Kind.RUPIAH)
    if parsed.problem is not None:
        laporan.findings.append(_problem_finding(parsed, col, sheet, ref))
    return Cell(parsed, sheet, *place)


@functools.lru_cache(maxsize=4096, typed=True)
def _understood(value: object, number_format: str, quarter: int | None, rupiah: bool) -> Parsed:
    """What a cell value means, given its number format and column. Memoised (and the result
    is immutable, so shared): a workbook repeats its values (3, 100, "12 Laporan") thousands of
    times, and one shared answer per value keeps a kabupaten's model small. `typed` keeps 1,
    1.0 and True apart."""
    scaled, literal = _percent_format(number_format)
    parsed = parse_value(value, percent_format=scaled, quarter=quarter)
    if literal and parsed.number is not None and not parsed.percent:
        parsed = replace(parsed, percent=True)
    if parsed.raw is None and parsed.number is not None and '"' in number_format:
        parsed = _decorations(parsed, number_format)
    if (
        rupiah
        and parsed.number is not None
        and (parsed.percent or (parsed.unit and not _is_rupiah_word(parsed.unit)))
    ):
        parsed = Parsed(raw=parsed.raw, problem=Problem.UNREADABLE)
    elif rupiah and parsed.raw is not None and comma_thousands(parsed.raw):
        parsed = Parsed(raw=parsed.raw, problem=Problem.AMBIGUOUS)
    return parsed


_QUOTED = re.compile(r'"[^"]*"|\\.')


def _percent_format(number_format: str) -> tuple[bool, bool]:
    """(scaled, literal): a real percent format shows 0.9 as 90%; a quoted "%" only decorates
    a number already in percent units (the completed workbook writes those)."""
    if "%" not in number_format:
        return False, False
    bare = _QUOTED.sub("", number_format)
    return "%" in bare, "%" not in bare


_FORMAT_GRADE = re.compile(r'^"(AA|A|BB|B|CC|C|D) \("')
_FORMAT_UNIT = re.compile(r'[0#?]\s*"\s*([^"%()]+?)\s*"\s*$')
"""`#,##0 "Kali"` as written, or `#,##0" Kali"` as LibreOffice saves it."""


def _decorations(parsed: Parsed, number_format: str) -> Parsed:
    """Unit or grade that the completed workbook shows through a cell's number format
    (`0 "Kali"`, `"B ("0")"`), so reading a completed workbook sees what the input said."""
    grade = _FORMAT_GRADE.match(number_format)
    if grade:
        return replace(parsed, grade=grade.group(1))
    unit = _FORMAT_UNIT.search(number_format)
    if unit:
        return replace(parsed, unit=unit.group(1).strip())
    return parsed


def _is_rupiah_word(unit: str) -> bool:
    return unit.lower().strip(" .,-") in {"", "rupiah", "rp", "idr"}


def _row_of(ref: str) -> str:
    """`baris 18` from `C18`: until the row's code is known (`_rows_named`)."""
    return "baris " + "".join(ch for ch in ref if ch.isdigit())


def _rows_named(laporan: Laporan) -> list[F.Finding]:
    """Reading findings name their row by its code (`baris IS2`) where the row has one, so a
    message can be acted on without counting rows."""
    out = []
    for item in laporan.findings:
        if item.code in F.ROW_NAMED and item.sheet and item.cell and "baris" in item.param:
            kode = _row_code(laporan, item.sheet, item.cell)
            if kode:
                item = F.named_row(item, f"baris {kode}")
        out.append(item)
    return out


def _row_code(laporan: Laporan, sheet: str, ref: str) -> str:
    letters = laporan.columns.get(sheet, {})
    letter = letters.get("kode_indikator") or letters.get("kode")
    sheet_grid = laporan.grids.get(sheet)
    if not letter or sheet_grid is None:
        return ""
    row = int("".join(ch for ch in ref if ch.isdigit()) or 0)
    value = sheet_grid.value(row, column_index(letter))
    return shorten(clean_text(str(value)), 30) if value not in (None, "") else ""


def _problem_finding(parsed: Parsed, col: Column, sheet: str, ref: str) -> F.Finding:
    cell = {
        "sel": ref,
        "kolom": col.header.replace("{year}", "").strip(),
        "sheet": sheet,
        "baris": _row_of(ref),
    }
    nilai = shorten(parsed.raw or "", 80)
    if parsed.problem is Problem.WRONG_QUARTER:
        return F.finding(
            F.WRONG_QUARTER, sheet, ref, **cell, triwulan=parsed.quarter_label, nilai=nilai
        )
    if parsed.problem is Problem.AMBIGUOUS:
        return F.finding(F.UNREADABLE, sheet, ref, **cell, nilai=nilai, variant="koma_ribuan")
    if parsed.problem is Problem.DATE and _CLOCK.match(nilai):
        return F.finding(F.DATE_VALUE, sheet, ref, **cell, nilai=nilai, variant="waktu")
    info = {
        Problem.ERROR_VALUE: F.ERROR_VALUE,
        Problem.DATE: F.DATE_VALUE,
        Problem.BOOLEAN: F.NOT_A_NUMBER,
    }.get(parsed.problem, F.UNREADABLE)
    return F.finding(info, sheet, ref, **cell, nilai=nilai)


_CLOCK = re.compile(r"^-?\d+:\d\d(?::\d\d)?$")
"""A time or a duration as `values` writes it (`26:00`), not a date."""


# --- sheets -------------------------------------------------------------------------------


def _match_header(text: str, spec: SheetSpec) -> tuple[Column, int | None] | None:
    norm = normalise_header(text)
    if not norm:
        return None
    for col in spec.columns:
        m = col.header_pattern.match(norm)
        if m:
            return col, (int(m.group(1)) if col.per_year else None)
    return None


def _find_header_row(rows: SheetGrid, spec: SheetSpec) -> int | None:
    """The 1-based row within the first rows that matches most column headers."""
    best, best_score = None, 0
    for number in range(1, HEADER_SCAN_ROWS + 1):
        line = rows.rows.get(number, {})
        score = sum(
            1 for value in line.values() if isinstance(value, str) and _match_header(value, spec)
        )
        if score > best_score:
            best, best_score = number, score
    return best


def _read_table(
    rows: SheetGrid,
    spec: SheetSpec,
    sheet: str,
    laporan: Laporan,
    no_cache: set[str],
) -> list[RawRow]:
    header_row = _find_header_row(rows, spec)
    if header_row is None:
        laporan.findings.append(
            F.finding(F.MISSING_COLUMN, sheet, "A1", variant="tanpa_judul", sheet=sheet)
        )
        _stray_values(laporan, spec, rows, set(), 0, "tanpa_judul")
        return []
    laporan.header_rows[spec.name] = header_row
    mapping: dict[int, tuple[Column, int | None]] = {}
    letters: dict[str, str] = {}
    derived = {normalise_header(h) for h in spec.derived}
    headed: set[int] = set()
    old_derived: set[int] = set()
    header_line = rows.rows.get(header_row, {})
    for index in sorted(header_line):
        value = header_line[index]
        if value is None or str(value).strip() == "":
            continue
        if laporan.lengkap and normalise_header(str(value)) in derived:
            # a completed workbook's own columns: computed anew (in an isian, a column of that
            # name is the user's, read or named like any other)
            old_derived.add(index)
            continue
        headed.add(index)
        match = _match_header(str(value), spec)
        key = None
        if match:
            col, year = match
            key = f"{col.key}:{year}" if year is not None else col.key
        if match is None or key in letters:
            _unknown_column(laporan, rows, sheet, header_row, index, str(value))
            continue
        mapping[index] = match
        letters[key] = column_letter(index)
    laporan.columns[spec.name] = letters
    laporan.table_width[spec.name] = max(headed, default=-1) + 1
    if old_derived:
        laporan.derived_columns[spec.name] = old_derived
    present = {col.key for col, _ in mapping.values()}
    for col in spec.columns:
        if col.required and col.key not in present:
            laporan.findings.append(
                F.finding(F.MISSING_COLUMN, sheet, f"A{header_row}", kolom=col.header, sheet=sheet)
            )
    for index in sorted(old_derived):
        _typed_in_derived(laporan, rows, sheet, header_row, index, str(header_line[index]))
    _stray_values(laporan, spec, rows, headed | old_derived, header_row)
    no_cache_rows = {r for r in rows.rows if r > header_row}
    out: list[RawRow] = []
    # per column once: its key and letter (the loop below runs for every cell of every row)
    fields = [
        (index, col, f"{col.key}:{year}" if year is not None else col.key, column_letter(index))
        for index, (col, year) in mapping.items()
    ]
    number_format = rows.number_format
    for row_number in sorted(no_cache_rows):
        line = rows.rows[row_number]
        number = str(row_number)
        if all(_is_blank(line.get(i)) for i in mapping) and not any(
            letter + number in no_cache for _, _, _, letter in fields
        ):
            continue
        raw = RawRow(row_number, letters)
        for index, col, key, letter in fields:
            value = line.get(index)
            if (
                value is None
                and col.kind in MEASURED
                and not (no_cache and letter + number in no_cache)
            ):
                raw.cells[key] = Cell(MISSING, spec.name, row_number, index)  # nothing to parse
                continue
            ref = letter + number
            fmt = number_format(row_number, index)
            _read_field(col, key, value, fmt, spec.name, ref, index, raw, laporan, no_cache)
        for col in spec.columns:
            if col.required and col.key in present and _field_empty(raw, col):
                letter = letters.get(col.key, "A")
                if no_cache and f"{letter}{row_number}" in no_cache:
                    continue  # named already: a formula whose result was not saved
                typed = tuple(
                    f"{spec.name}!{_ref(i, row_number)}"
                    for i in sorted(mapping)
                    if not _is_blank(line.get(i))
                )
                laporan.findings.append(
                    F.finding(
                        F.REQUIRED_EMPTY,
                        spec.name,
                        f"{letter}{row_number}",
                        typed,
                        kolom=col.header,
                        baris=row_number,
                    )
                )
        out.append(raw)
    return out


def _typed_in_derived(
    laporan: Laporan, rows: SheetGrid, sheet: str, header_row: int, index: int, header: str
) -> None:
    """A completed workbook's derived column is computed anew; a value typed over one of its
    formulas (a capaian "corrected" by hand) is named, so nobody thinks it counts."""
    formulas = rows.formula_cells
    typed = [
        r
        for r, line in rows.rows.items()
        if r > header_row
        and not _is_blank(line.get(index))
        and r * FORMAT_KEY + index not in formulas
    ]
    if typed:
        laporan.findings.append(
            F.finding(
                F.TYPED_OVER_FORMULA,
                sheet,
                _ref(index, min(typed)),
                tuple(f"{sheet}!{_ref(index, r)}" for r in sorted(typed)),
                kolom=shorten(clean_text(header), 60),
                sheet=sheet,
                jumlah=len(typed),
                rentang=_span(index, typed),
            )
        )


def _span(index: int, filled: list[int]) -> str:
    first, last = min(filled), max(filled)
    return _ref(index, first) + ("" if first == last else f":{_ref(index, last)}")


def _unknown_column(
    laporan: Laporan, rows: SheetGrid, sheet: str, header_row: int, index: int, header: str
) -> None:
    filled = [
        r for r, line in rows.rows.items() if r > header_row and not _is_blank(line.get(index))
    ]
    values: dict[str, object] = {}
    if filled:
        values = {"variant": "berisi", "jumlah": len(filled), "rentang": _span(index, filled)}
    laporan.findings.append(
        F.finding(
            F.UNKNOWN_COLUMN,
            sheet,
            _ref(index, header_row),
            tuple(f"{sheet}!{_ref(index, r)}" for r in sorted(filled)),
            kolom=shorten(clean_text(header), 60),
            sheet=sheet,
            **values,
        )
    )


def _stray_values(
    laporan: Laporan,
    spec: SheetSpec,
    rows: SheetGrid,
    headed: set[int],
    header_row: int,
    variant: str | None = None,
) -> None:
    """Values the table cannot hold: below the header in a column without a header (a note
    typed beside the table, a value left at XFD1048576 after Ctrl+End), or above the header
    row. Each column of them is named in one finding, so nothing typed disappears unseen.
    `variant` "tanpa_judul": the sheet has no header row at all."""
    by_column: dict[int, list[int]] = {}
    above: list[tuple[int, int]] = []
    for r, line in rows.rows.items():
        for c, value in line.items():
            if _is_blank(value):
                continue
            if r > header_row and c not in headed:
                by_column.setdefault(c, []).append(r)
            elif 0 < r < header_row:
                above.append((r, c))
    for c in sorted(by_column):
        numbers = sorted(by_column[c])
        first = _ref(c, numbers[0])
        span = first + ("" if len(numbers) == 1 else f":{_ref(c, numbers[-1])}")
        laporan.findings.append(
            F.finding(
                F.STRAY_VALUE,
                spec.name,
                first,
                variant=variant,
                jumlah=len(numbers),
                rentang=span,
                sheet=spec.name,
            )
        )
    if above:
        r, c = min(above)
        laporan.findings.append(
            F.finding(
                F.ABOVE_HEADER,
                spec.name,
                _ref(c, r),
                jumlah=len(above),
                baris=header_row,
                sheet=spec.name,
                sel=_ref(c, r),
            )
        )


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _field_empty(raw: RawRow, col: Column) -> bool:
    if col.kind in MEASURED:
        cell = raw.cells.get(col.key)
        return cell is None or (cell.value.missing and cell.value.raw is None)
    if col.kind is Kind.CHOICE:
        return col.key not in raw.choices
    return not raw.texts.get(col.key)


def _read_field(
    col: Column,
    key: str,
    value: object,
    fmt: str,
    sheet: str,
    ref: str,
    index: int,
    raw: RawRow,
    laporan: Laporan,
    no_cache: set[str],
) -> None:
    if value is None and no_cache and ref in no_cache:  # any column: a setting, a metode...
        laporan.findings.append(
            F.finding(F.NO_CACHED_VALUE, sheet, ref, sel=ref, sheet=sheet, baris=_row_of(ref))
        )
    if col.kind in MEASURED:
        place = (raw.row, index)
        raw.cells[key] = _parse_cell(col, value, fmt, sheet, ref, place, laporan, no_cache)
    elif col.kind is Kind.CHOICE:
        text = plain_text(value)
        if text in ("", "-"):
            return
        choice = canonical_choice(text, col.choices)
        if choice is None:
            laporan.findings.append(
                F.finding(
                    F.NOT_IN_LIST,
                    sheet,
                    ref,
                    sel=ref,
                    kolom=col.header,
                    nilai=shorten(text, 60),
                    pilihan=tuple(col.choices),
                )
            )
            return
        raw.choices[key] = choice
    elif col.kind is Kind.SUGGEST:
        text = plain_text(value)
        raw.texts[key] = canonical_choice(text, col.choices) or text if text else ""
    elif col.kind is Kind.CODE:
        raw.texts[key] = code_text(value)
    elif col.kind is Kind.YEAR:
        raw.texts[key] = plain_text(value)
    else:
        raw.texts[key] = plain_text(value)


def _read_identitas(
    rows: SheetGrid,
    spec: SheetSpec,
    sheet: str,
    laporan: Laporan,
    no_cache: set[str],
) -> None:
    ident = Identitas()
    labels = {normalise_header(col.header): col for col in spec.columns}
    found: dict[str, int] = {}
    for row_number in rows.row_numbers():
        line = rows.rows[row_number]
        label = line.get(0)
        col = labels.get(normalise_header(label)) if isinstance(label, str) else None
        if col is None:
            _identitas_other_row(laporan, spec, row_number, line)
            continue
        if col.key in found:
            laporan.findings.append(
                F.finding(
                    F.DUPLICATE_FIELD,
                    spec.name,
                    f"A{row_number}",
                    isian=col.header,
                    baris=row_number,
                    baris_dibaca=found[col.key],
                )
            )
            continue
        found[col.key] = row_number
        _identitas_extra_cells(laporan, spec, row_number, line, col)
        value = line.get(1)
        fmt = rows.number_format(row_number, 1)
        ref = f"B{row_number}"
        raw = RawRow(row_number, {col.key: "B"})
        _read_field(col, col.key, value, fmt, spec.name, ref, 1, raw, laporan, no_cache)
        if col.kind is Kind.RUPIAH:
            setattr(ident, col.key, raw.cells[col.key])
        elif col.kind is Kind.CHOICE:
            if col.key in raw.choices:
                setattr(ident, col.key, raw.choices[col.key])
                ident.choices_read.add(col.key)
        elif col.kind is Kind.YEAR:
            text = raw.texts.get(col.key, "")
            if text:
                year = _year(text)
                if year is None:
                    laporan.findings.append(
                        F.finding(
                            F.UNREADABLE,
                            spec.name,
                            ref,
                            variant="tahun",
                            sel=ref,
                            kolom=col.header,
                            nilai=text,
                            sheet=spec.name,
                        )
                    )
                setattr(ident, col.key, year)
        elif col.kind is Kind.DATE:
            setattr(ident, col.key, _date(value))
        elif col.descriptive and isinstance(value, str) and "\n" in value:
            # a text of the LKIP document: each line typed (Alt+Enter) is a paragraph
            lines = (clean_text(line) for line in value.replace("\r", "\n").split("\n"))
            setattr(ident, col.key, "\n".join(line for line in lines if line))
        else:
            setattr(ident, col.key, raw.texts.get(col.key, ""))
        if col.required and _field_empty(raw, col) and getattr(ident, col.key) in (None, ""):
            laporan.findings.append(
                F.finding(F.REQUIRED_EMPTY, spec.name, ref, variant="isian", isian=col.header)
            )
    for col in spec.columns:
        if col.required and col.key not in found:
            laporan.findings.append(
                F.finding(
                    F.MISSING_COLUMN, sheet, "A1", variant="isian", isian=col.header, sheet=sheet
                )
            )
    ident.rows = found
    laporan.identitas = ident


def _identitas_other_row(
    laporan: Laporan, spec: SheetSpec, row_number: int, line: dict[int, object]
) -> None:
    """A row whose label is not an Identitas field: its values cannot be read. The heading
    row (Isian | Nilai | Keterangan) is the template's own; only what stands right of it is."""
    filled = [c for c in sorted(line) if not _is_blank(line[c])]
    if not filled:
        return
    label = line.get(0)
    if isinstance(label, str) and normalise_header(label) == normalise_header(
        IDENTITAS_HEADINGS[0]
    ):
        for c in filled:
            if c >= len(IDENTITAS_HEADINGS):
                ref = _ref(c, row_number)
                laporan.findings.append(
                    F.finding(
                        F.STRAY_VALUE,
                        spec.name,
                        ref,
                        variant="baris_judul",
                        sel=ref,
                        nilai=shorten(clean_text(str(line[c])), 40),
                        sheet=spec.name,
                    )
                )
        return
    values = [c for c in filled if c > 0]
    target = _ref(values[0], row_number) if values else f"A{row_number}"
    name = shorten(clean_text(str(label)), 60) if not _is_blank(label) else "(tanpa label)"
    laporan.findings.append(
        F.finding(
            F.UNKNOWN_FIELD,
            spec.name,
            target,
            tuple(f"{spec.name}!{_ref(c, row_number)}" for c in values[1:]),
            variant=None if values else "tanpa_nilai",
            isian=name,
            baris=row_number,
            sheet=spec.name,
            sel=target,
        )
    )


def _identitas_extra_cells(
    laporan: Laporan, spec: SheetSpec, row_number: int, line: dict[int, object], col: Column
) -> None:
    """Column C is the Keterangan column (the template's help text, or the user's own note,
    carried into the completed workbook); anything further right is not read, and is named."""
    for c in sorted(line):
        value = line[c]
        if c < 3 or _is_blank(value):
            continue
        ref = _ref(c, row_number)
        laporan.findings.append(
            F.finding(
                F.STRAY_VALUE,
                spec.name,
                ref,
                variant="samping_isian",
                sel=ref,
                nilai=shorten(clean_text(str(value)), 40),
                isian=col.header,
            )
        )


def _year(text: str) -> int | None:
    m = re.fullmatch(r"\s*(\d{4})(?:\.0+)?\s*", text)
    if not m:
        return None
    year = int(m.group(1))
    return year if 1990 <= year <= 2100 else None


def _date(value: object) -> _dt.date | str | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = plain_text(value)
    return text or None


# --- building records ---------------------------------------------------------------------


def _cell(raw: RawRow, key: str) -> Cell:
    return raw.cells.get(key, EMPTY)


def _duplicate(laporan: Laporan, sheet: str, kode: str, raw: RawRow, key: str = "kode") -> None:
    ref = raw.ref(key)
    laporan.findings.append(
        F.finding(F.DUPLICATE_CODE, sheet, ref, kode=kode, sheet=sheet, baris=raw.row)
    )


def _build_renstra(rows: list[RawRow], laporan: Laporan) -> None:
    years: set[int] = set()
    for raw in rows:
        kode_ind = raw.texts.get("kode_indikator", "")
        kode = raw.texts.get("kode", "")
        jenis = raw.choices.get("jenis", "")
        if not kode_ind or not kode or not jenis:
            continue
        sasaran = laporan.sasaran.get(kode)
        uraian = raw.texts.get("uraian", "")
        if sasaran is None:
            sasaran = Sasaran(kode, jenis, uraian, raw.texts.get("kode_induk", ""), raw.row)
            laporan.sasaran[kode] = sasaran
        else:
            _same_sasaran(laporan, sasaran, raw)
        if kode_ind in laporan.indikator:
            _duplicate(laporan, RENSTRA.name, kode_ind, raw, "kode_indikator")
            continue
        targets = {}
        for key, cell in raw.cells.items():
            if key.startswith("target:"):
                year = int(key.split(":")[1])
                years.add(year)
                targets[year] = cell
        laporan.indikator[kode_ind] = Indikator(
            kode=kode_ind,
            jenis=sasaran.jenis,
            kode_sasaran=kode,
            kode_induk=sasaran.kode_induk,
            uraian=sasaran.uraian,
            indikator=raw.texts.get("indikator", ""),
            satuan=raw.texts.get("satuan", ""),
            polaritas=raw.choices.get("polaritas", Polaritas.POSITIF),
            metode_tahunan=raw.choices.get("metode_tahunan", Metode.AKHIR),
            metode_tahunan_diisi="metode_tahunan" in raw.choices,
            kondisi_awal=_cell(raw, "kondisi_awal"),
            targets=targets,
            target_akhir=_cell(raw, "target_akhir"),
            iku=raw.choices.get("iku", "Tidak") == "Ya",
            row=raw.row,
        )
        sasaran.indikator.append(kode_ind)
    laporan.years = sorted(years or _years_from_headers(laporan, RENSTRA.name, "target"))


def _same_sasaran(laporan: Laporan, sasaran: Sasaran, raw: RawRow) -> None:
    """A further indicator row of a tujuan or sasaran repeats its jenis, uraian and kode
    induk; the first row's are used, so a different one typed here is named, not dropped."""
    typed = (
        ("jenis", raw.choices.get("jenis", ""), sasaran.jenis),
        ("uraian", raw.texts.get("uraian", ""), sasaran.uraian),
        ("kode_induk", raw.texts.get("kode_induk", ""), sasaran.kode_induk),
    )
    for key, value, kept in typed:
        # a code is compared as codes are everywhere (exactly), a statement as text
        if not value or value == kept or (key == "uraian" and _same_text(value, kept)):
            continue
        ref = raw.ref(key)
        laporan.findings.append(
            F.finding(
                F.ROWS_DIFFER,
                RENSTRA.name,
                ref,
                (f"{RENSTRA.name}!{raw.letters[key]}{sasaran.row}",),
                sel=ref,
                kolom=RENSTRA.column(key).header,
                baris=raw.row,
                jenis=sasaran.jenis,
                kode=sasaran.kode,
                nilai=shorten(value, 60),
                baris_dibaca=sasaran.row,
                dibaca=shorten(kept, 60) if kept else "(kosong)",
            )
        )


def _same_text(a: str, b: str) -> bool:
    """Equal but for case and runs of spaces: a retyped uraian is the same uraian."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _years_from_headers(laporan: Laporan, sheet: str, key: str) -> set[int]:
    prefix = key + ":"
    return {int(k[len(prefix) :]) for k in laporan.columns.get(sheet, {}) if k.startswith(prefix)}


def _build_rkt(rows: list[RawRow], laporan: Laporan) -> None:
    for raw in rows:
        jenis = raw.choices.get("jenis", "")
        kode = raw.texts.get("kode", "")
        if not jenis or not kode:
            continue
        if jenis == Jenis.INDIKATOR_SASARAN:
            if kode in laporan.rkt_target:
                _duplicate(laporan, RKT.name, kode, raw)
                continue
            laporan.rkt_target[kode] = RktTarget(
                kode,
                raw.texts.get("uraian", ""),
                raw.texts.get("indikator", ""),
                raw.texts.get("satuan", ""),
                _cell(raw, "target"),
                raw.row,
            )
            continue
        if kode in laporan.rkt:
            _duplicate(laporan, RKT.name, kode, raw)
            continue
        laporan.rkt[kode] = RktItem(
            jenis=jenis,
            kode=kode,
            kode_induk=raw.texts.get("kode_induk", ""),
            uraian=raw.texts.get("uraian", ""),
            indikator=raw.texts.get("indikator", ""),
            satuan=raw.texts.get("satuan", ""),
            target=_cell(raw, "target"),
            pagu=_cell(raw, "pagu"),
            row=raw.row,
        )


def _build_pk(rows: list[RawRow], laporan: Laporan) -> None:
    seen: set[str] = set()
    for raw in rows:
        kode = raw.texts.get("kode", "")
        if not kode:
            continue
        if kode in seen:
            _duplicate(laporan, PK.name, kode, raw)
            continue
        seen.add(kode)
        laporan.pk.append(
            PkRow(
                kode,
                raw.texts.get("uraian", ""),
                raw.texts.get("indikator", ""),
                raw.texts.get("satuan", ""),
                _cell(raw, "target"),
                _cell(raw, "anggaran"),
                raw.texts.get("keterangan", ""),
                raw.row,
            )
        )


def _build_rencana_aksi(rows: list[RawRow], laporan: Laporan) -> None:
    for raw in rows:
        kode = raw.texts.get("kode", "")
        if not kode:
            continue
        if kode in laporan.rencana_aksi:
            _duplicate(laporan, RENCANA_AKSI.name, kode, raw)
            continue
        laporan.rencana_aksi[kode] = RencanaAksi(
            kode,
            raw.texts.get("uraian", ""),
            tuple(_cell(raw, f"target_tw{q}") for q in range(1, 5)),  # type: ignore[arg-type]
            raw.choices.get("metode", Metode.JUMLAH),
            raw.row,
            metode_diisi="metode" in raw.choices,
        )


def _build_realisasi(rows: list[RawRow], laporan: Laporan) -> None:
    for raw in rows:
        kode = raw.texts.get("kode", "")
        if not kode:
            continue
        if kode in laporan.realisasi:
            _duplicate(laporan, REALISASI.name, kode, raw)
            continue
        lalu = {
            int(key.split(":")[1]): cell
            for key, cell in raw.cells.items()
            if key.startswith("realisasi_lalu:")
        }
        laporan.realisasi[kode] = Realisasi(
            kode,
            raw.texts.get("uraian", ""),
            tuple(_cell(raw, f"realisasi_tw{q}") for q in range(1, 5)),  # type: ignore[arg-type]
            _cell(raw, "realisasi"),
            _cell(raw, "realisasi_anggaran"),
            lalu,
            _cell(raw, "realisasi_nasional"),
            raw.texts.get("sumber", ""),
            raw.row,
            faktor_pendorong=raw.texts.get("faktor_pendorong", ""),
            faktor_penghambat=raw.texts.get("faktor_penghambat", ""),
            upaya=raw.texts.get("upaya", ""),
        )
    laporan.years_lalu = sorted(_years_from_headers(laporan, REALISASI.name, "realisasi_lalu"))


def _build_sdm(rows: list[RawRow], laporan: Laporan) -> None:
    for raw in rows:
        if not raw.texts.get("jabatan") and not raw.choices.get("status"):
            continue
        laporan.sdm.append(
            Pegawai(
                raw.texts.get("jabatan", ""),
                raw.choices.get("status", ""),
                raw.texts.get("golongan", ""),
                raw.texts.get("pendidikan", ""),
                raw.texts.get("unit_kerja", ""),
                raw.texts.get("keterangan", ""),
                raw.row,
            )
        )


BUILDERS = {
    RENSTRA.name: _build_renstra,
    RKT.name: _build_rkt,
    PK.name: _build_pk,
    RENCANA_AKSI.name: _build_rencana_aksi,
    REALISASI.name: _build_realisasi,
    SDM.name: _build_sdm,
}


# --- links between sheets -----------------------------------------------------------------

PARENT_LEVEL = {
    Jenis.PROGRAM: Jenis.SASARAN,
    Jenis.KEGIATAN: Jenis.PROGRAM,
    Jenis.SUB_KEGIATAN: Jenis.KEGIATAN,
}


def _col_ref(laporan: Laporan, sheet: str, key: str, row: int) -> str:
    return f"{laporan.column(sheet, key) or 'A'}{row}"


def _link(laporan: Laporan) -> None:
    for sasaran in laporan.sasaran.values():
        if sasaran.jenis == Jenis.SASARAN and sasaran.kode_induk:
            parent = laporan.sasaran.get(sasaran.kode_induk)
            if parent is None or parent.jenis != Jenis.TUJUAN:
                laporan.findings.append(
                    F.finding(
                        F.UNKNOWN_PARENT,
                        RENSTRA.name,
                        _col_ref(laporan, RENSTRA.name, "kode_induk", sasaran.row),
                        variant="tujuan",
                        kode=sasaran.kode,
                        induk=sasaran.kode_induk,
                    )
                )
    for item in laporan.rkt.values():
        want = PARENT_LEVEL.get(item.jenis)
        ref = _col_ref(laporan, RKT.name, "kode_induk", item.row)
        if want == Jenis.SASARAN:
            parent = laporan.sasaran.get(item.kode_induk)
            ok = parent is not None and parent.jenis == Jenis.SASARAN
            exists = parent is not None
        else:
            parent_item = laporan.rkt.get(item.kode_induk)
            ok = parent_item is not None and parent_item.jenis == want
            exists = parent_item is not None
            if ok:
                parent_item.children.append(item.kode)
        if ok:
            continue
        named = {"jenis": item.jenis, "kode": item.kode}
        if not item.kode_induk:
            found = F.finding(
                F.REQUIRED_EMPTY, RKT.name, ref, variant="induk", **named, jenis_induk=want.lower()
            )
        elif exists:
            found = F.finding(
                F.WRONG_LEVEL,
                RKT.name,
                ref,
                **named,
                induk=item.kode_induk,
                jenis_induk=want.lower(),
            )
        else:
            where = RENSTRA.name if want == Jenis.SASARAN else RKT.name
            found = F.finding(
                F.UNKNOWN_PARENT, RKT.name, ref, **named, induk=item.kode_induk, sheet=where
            )
        laporan.findings.append(found)
    for target in laporan.rkt_target.values():
        if target.kode not in laporan.indikator:
            laporan.findings.append(
                F.finding(
                    F.UNKNOWN_CODE,
                    RKT.name,
                    _col_ref(laporan, RKT.name, "kode", target.row),
                    variant="target_rkt",
                    kode=target.kode,
                )
            )
    known = set(laporan.indikator) | set(laporan.rkt)
    for sheet, records in (
        (PK.name, laporan.pk),
        (RENCANA_AKSI.name, list(laporan.rencana_aksi.values())),
        (REALISASI.name, list(laporan.realisasi.values())),
    ):
        for rec in records:
            if rec.kode not in known:
                laporan.findings.append(
                    F.finding(
                        F.UNKNOWN_CODE,
                        sheet,
                        _col_ref(laporan, sheet, "kode", rec.row),
                        kode=rec.kode,
                        sheet=sheet,
                    )
                )


def _check_units(laporan: Laporan) -> None:
    for kode, cell in laporan.measure_cells():
        parsed = cell.value
        if cell.sheet is None or (parsed.number is None and not parsed.is_range):
            continue
        satuan = laporan.satuan_of(kode)
        if parsed.unit and not unit_matches(parsed.unit, satuan):
            laporan.findings.append(
                F.finding(
                    F.UNIT_MISMATCH,
                    cell.sheet,
                    cell.ref,
                    sel=cell.ref,
                    sheet=cell.sheet,
                    satuan=parsed.unit,
                    kode=kode,
                    satuan_indikator=satuan,
                )
            )
        if (  # Excel's percent confusion: a number cell holding 0.9 for 90 %; a value typed
            # as text ("0,35") is taken as written
            is_percent_satuan(satuan)
            and parsed.raw is None
            and not parsed.percent
            and parsed.number is not None
            and 0 < parsed.number <= 1
        ):
            laporan.findings.append(
                F.finding(
                    F.FRACTION_PERCENT,
                    cell.sheet,
                    cell.ref,
                    sel=cell.ref,
                    sheet=cell.sheet,
                    nilai=parsed.raw or parsed.number,
                    kode=kode,
                    persen=parsed.number * 100,
                )
            )
