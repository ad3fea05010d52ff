"""Filled workbook -> typed model, collecting every problem instead of stopping at the first.

The schema says which sheets and columns exist; this module finds them (header row anywhere in
the first rows, columns in any order, headers in any case), parses each cell by its column kind
and links the records by their codes. What cannot be read becomes a finding with its sheet and
cell; what can be read is read.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from . import findings as F
from . import sheet_xml
from .container import check_input_file
from .errors import InputFileError
from .model import (
    EMPTY,
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
from .schema import (
    INPUT_SHEETS,
    PK,
    REALISASI,
    RENCANA_AKSI,
    RENSTRA,
    RKT,
    SDM,
    Column,
    Kind,
    SheetSpec,
    canonical_choice,
    normalise_header,
)
from .values import (
    Parsed,
    Problem,
    clean_text,
    code_text,
    is_percent_satuan,
    parse_value,
    plain_text,
    unit_matches,
)

HEADER_SCAN_ROWS = 10
"""How far down a sheet the header row is looked for (a title row above it is common)."""
OUTPUT_SHEET_PREFIXES = ("Tabel", "Ringkasan", "Temuan", "Grafik", "Pemantauan")
"""Sheets the completed workbook adds; reading a completed workbook ignores them."""

_QUARTER_COLUMN = re.compile(r"_tw([1-4])$")


@dataclass
class RawRow:
    """One data row: per column key (`target:2023` for year columns) the cell value read."""

    row: int
    cells: dict[str, Cell] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    choices: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)


def read_workbook(path: str | Path) -> Laporan:
    """Read a filled input workbook (or a completed one) into the model.

    Raises `InputFileError` only when the file cannot be read at all; everything else is a
    finding on the returned model.
    """
    p = check_input_file(path)
    try:
        scans = sheet_xml.scan(p)
    except Exception as exc:  # damaged or hostile XML in the workbook parts
        raise _unreadable(p.name, exc) from exc
    with p.open("rb") as fh:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # a file object, so .xlsm or an unusual extension is judged by content
                wb = load_workbook(fh, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for damaged files
            raise _unreadable(p.name, exc) from exc
        try:
            return _read(wb, p, scans)
        finally:
            wb.close()


def _unreadable(name: str, exc: BaseException, sheet: str | None = None) -> InputFileError:
    where = f"File {name}" + (f", sheet '{sheet}'," if sheet else "")
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, DefusedXmlException):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:  # openpyxl wraps the parser's refusal in its own error
        return InputFileError(
            f"{where} ditolak: berisi XML berbahaya ({type(cause).__name__}, mis. entity "
            "expansion/'billion laughs'). Simpan ulang workbook dari Excel/LibreOffice."
        )
    if isinstance(exc, MemoryError):
        return InputFileError(f"{where} terlalu besar untuk dibaca.")
    return InputFileError(
        f"{where} rusak dan tidak dapat dibaca sebagai workbook Excel: {_short(exc)}"
    )


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def _read(wb, path: Path, scans: dict[str, sheet_xml.SheetScan]) -> Laporan:
    laporan = Laporan(source=path.name)
    by_name = {_sheet_key(ws.title): ws for ws in wb.worksheets}
    for spec in INPUT_SHEETS:
        ws = _find_sheet(by_name, spec)
        if ws is None:
            if not spec.optional:
                laporan.findings.append(
                    F.finding(
                        F.MISSING_SHEET,
                        f"Sheet '{spec.name}' tidak ditemukan di {path.name}.",
                        spec.name,
                    )
                )
            continue
        laporan.sheets_present.add(spec.name)
        rows = _sheet_rows(ws, path)
        laporan.grids[spec.name] = rows.values
        scan = scans.get(ws.title, sheet_xml.SheetScan())
        no_cache = scan.no_cached_value
        if spec.key_value:
            _read_identitas(rows, spec, ws.title, laporan, no_cache)
        else:
            raw_rows = _read_table(rows, spec, ws.title, laporan, no_cache)
            BUILDERS[spec.name](raw_rows, laporan)
        _merged_findings(laporan, spec, scan.merged)
    _link(laporan)
    _check_units(laporan)
    laporan.findings = F.sort_findings(laporan.findings)
    return laporan


def _sheet_key(title: str) -> str:
    return re.sub(r"[\s_\-]+", "", title.strip().lower())


def _find_sheet(by_name: dict, spec: SheetSpec):
    for name in (spec.name, *spec.aliases):
        ws = by_name.get(_sheet_key(name))
        if ws is not None:
            return ws
    return None


@dataclass
class Grid:
    """A sheet's cell values, row by row, and the number formats that are not General
    (only those matter: percent formats and the completed workbook's unit decorations)."""

    values: list[list[object]]
    formats: dict[tuple[int, int], str]

    def cell(self, row: int, col: int) -> tuple[object, str]:
        values = self.values[row]
        value = values[col] if col < len(values) else None
        return value, self.formats.get((row, col), "")


def _sheet_rows(ws, path: Path) -> Grid:
    """All rows of a sheet; merged or empty cells read as None.

    openpyxl parses a sheet lazily here, so a damaged or hostile sheet part fails in this loop.
    """
    values: list[list[object]] = []
    formats: dict[tuple[int, int], str] = {}
    try:
        with warnings.catch_warnings():
            # openpyxl warns about odd cells (a date beyond its range) and then reads them
            # as errors or text, which our own findings report
            warnings.simplefilter("ignore")
            for r, row in enumerate(ws.iter_rows()):
                line = []
                for c, cell in enumerate(row):
                    value = cell.value
                    line.append(value)
                    if value is not None:
                        fmt = getattr(cell, "number_format", None)
                        if fmt and fmt != "General":
                            formats[(r, c)] = fmt
                while line and line[-1] is None:
                    line.pop()
                values.append(line)
    except Exception as exc:  # damaged XML surfaces as many exception types
        raise _unreadable(path.name, exc, ws.title) from exc
    while values and not values[-1]:
        values.pop()
    return Grid(values, formats)


def _merged_findings(laporan: Laporan, spec: SheetSpec, merged: list[str]) -> None:
    header = 1 if spec.key_value else laporan.header_rows.get(spec.name, 1)
    for area in merged:
        first = area.split(":")[0]
        row = int("".join(ch for ch in first if ch.isdigit()) or 0)
        if row > header:
            laporan.findings.append(
                F.finding(
                    F.MERGED_CELLS,
                    f"Sel {area} di sheet '{spec.name}' digabung (merge); hanya sel pertama "
                    "yang terbaca.",
                    spec.name,
                    first,
                )
            )


# --- cells --------------------------------------------------------------------------------


def _ref(col_index: int, row: int) -> str:
    return f"{get_column_letter(col_index + 1)}{row}"


def _parse_cell(
    col: Column,
    value: object,
    number_format: str,
    sheet: str,
    ref: str,
    laporan: Laporan,
    no_cache: set[str],
) -> Cell:
    if value is None and ref in no_cache:
        laporan.findings.append(
            F.finding(
                F.NO_CACHED_VALUE,
                f"Sel {ref} berisi rumus yang hasilnya tidak tersimpan di file; dianggap kosong.",
                sheet,
                ref,
            )
        )
    quarter = None
    m = _QUARTER_COLUMN.search(col.key)
    if m:
        quarter = int(m.group(1))
    scaled, literal = _percent_format(number_format)
    parsed = parse_value(value, percent_format=scaled, quarter=quarter)
    if literal and parsed.number is not None and not parsed.percent:
        parsed = replace(parsed, percent=True)
    if parsed.raw is None and parsed.number is not None and '"' in number_format:
        parsed = _decorations(parsed, number_format)
    if (
        col.kind is Kind.RUPIAH
        and parsed.number is not None
        and (parsed.percent or (parsed.unit and not _is_rupiah_word(parsed.unit)))
    ):
        parsed = Parsed(raw=parsed.raw, problem=Problem.UNREADABLE)
    if parsed.problem is not None:
        laporan.findings.append(_problem_finding(parsed, col, sheet, ref))
    return Cell(parsed, sheet, ref)


_QUOTED = re.compile(r'"[^"]*"|\\.')


def _percent_format(number_format: str) -> tuple[bool, bool]:
    """(scaled, literal): a real percent format shows 0.9 as 90%; a quoted "%" only decorates
    a number already in percent units (the completed workbook writes those)."""
    if "%" not in number_format:
        return False, False
    bare = _QUOTED.sub("", number_format)
    return "%" in bare, "%" not in bare


_FORMAT_GRADE = re.compile(r'^"(AA|A|BB|B|CC|C|D) \("')
_FORMAT_UNIT = re.compile(r'\s"([^"%()]+)"\s*$')


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


def _problem_finding(parsed: Parsed, col: Column, sheet: str, ref: str) -> F.Finding:
    shown = (parsed.raw or "")[:80]
    header = col.header.replace("{year}", "").strip()
    if parsed.problem is Problem.ERROR_VALUE:
        return F.finding(F.ERROR_VALUE, f"Sel {ref} ({header}) berisi galat {shown}.", sheet, ref)
    if parsed.problem is Problem.DATE:
        return F.finding(
            F.DATE_VALUE, f"Sel {ref} ({header}) berisi tanggal {shown}, bukan angka.", sheet, ref
        )
    if parsed.problem is Problem.WRONG_QUARTER:
        return F.finding(
            F.WRONG_QUARTER,
            f"Sel {ref} ({header}) berlabel 'TW {parsed.quarter_label}': '{shown}'. "
            "Nilai tidak dipakai.",
            sheet,
            ref,
        )
    if parsed.problem is Problem.BOOLEAN:
        return F.finding(F.NOT_A_NUMBER, f"Sel {ref} ({header}) berisi {shown}.", sheet, ref)
    return F.finding(
        F.UNREADABLE,
        f"Sel {ref} ({header}): '{shown}' tidak dapat dibaca sebagai angka.",
        sheet,
        ref,
    )


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


def _find_header_row(rows: Grid, spec: SheetSpec) -> int | None:
    best, best_score = None, 0
    for index, row in enumerate(rows.values[:HEADER_SCAN_ROWS]):
        score = sum(1 for value in row if isinstance(value, str) and _match_header(value, spec))
        if score > best_score:
            best, best_score = index, score
    return best


def _read_table(
    rows: Grid,
    spec: SheetSpec,
    sheet: str,
    laporan: Laporan,
    no_cache: set[str],
) -> list[RawRow]:
    header_index = _find_header_row(rows, spec)
    if header_index is None:
        laporan.findings.append(
            F.finding(
                F.MISSING_COLUMN,
                f"Sheet '{sheet}' tidak memiliki baris judul kolom yang dikenali.",
                sheet,
                "A1",
            )
        )
        return []
    header_row = header_index + 1
    laporan.header_rows[spec.name] = header_row
    mapping: dict[int, tuple[Column, int | None]] = {}
    letters: dict[str, str] = {}
    derived = {normalise_header(h) for h in spec.derived}
    for index, value in enumerate(rows.values[header_index]):
        if value is None or str(value).strip() == "":
            continue
        match = _match_header(str(value), spec)
        key = None
        if match:
            col, year = match
            key = f"{col.key}:{year}" if year is not None else col.key
        if match is None or key in letters:
            if normalise_header(str(value)) not in derived:
                laporan.findings.append(
                    F.finding(
                        F.UNKNOWN_COLUMN,
                        f"Kolom '{clean_text(str(value))[:60]}' di sheet '{sheet}' tidak dikenal "
                        "atau ganda, dan diabaikan.",
                        sheet,
                        _ref(index, header_row),
                    )
                )
            continue
        mapping[index] = match
        letters[key] = get_column_letter(index + 1)
    laporan.columns[spec.name] = letters
    present = {col.key for col, _ in mapping.values()}
    for col in spec.columns:
        if col.required and col.key not in present:
            laporan.findings.append(
                F.finding(
                    F.MISSING_COLUMN,
                    f"Kolom wajib '{col.header}' tidak ditemukan di sheet '{sheet}'.",
                    sheet,
                    f"A{header_row}",
                )
            )
    out: list[RawRow] = []
    for r in range(header_index + 1, len(rows.values)):
        row = rows.values[r]
        row_number = r + 1
        if all(
            _is_blank(row[i]) and _ref(i, row_number) not in no_cache
            for i in mapping
            if i < len(row)
        ):
            continue
        raw = RawRow(row_number)
        for index, (col, year) in mapping.items():
            value, fmt = rows.cell(r, index)
            ref = _ref(index, row_number)
            key = f"{col.key}:{year}" if year is not None else col.key
            _read_field(col, key, value, fmt, spec.name, ref, raw, laporan, no_cache)
        for col in spec.columns:
            if col.required and col.key in present and _field_empty(raw, col):
                letter = letters.get(col.key, "A")
                laporan.findings.append(
                    F.finding(
                        F.REQUIRED_EMPTY,
                        f"Kolom '{col.header}' baris {row_number} kosong.",
                        spec.name,
                        f"{letter}{row_number}",
                    )
                )
        out.append(raw)
    return out


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _field_empty(raw: RawRow, col: Column) -> bool:
    if col.kind in (Kind.MEASURE, Kind.RUPIAH):
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
    raw: RawRow,
    laporan: Laporan,
    no_cache: set[str],
) -> None:
    if col.kind in (Kind.MEASURE, Kind.RUPIAH):
        raw.cells[key] = _parse_cell(col, value, fmt, sheet, ref, laporan, no_cache)
    elif col.kind is Kind.CHOICE:
        text = plain_text(value)
        if text in ("", "-"):
            return
        choice = canonical_choice(text, col.choices)
        if choice is None:
            laporan.findings.append(
                F.finding(
                    F.NOT_IN_LIST,
                    f"Sel {ref} ({col.header}): '{text[:60]}' bukan pilihan yang dikenal "
                    f"({', '.join(col.choices)}).",
                    sheet,
                    ref,
                )
            )
            return
        raw.choices[key] = choice
    elif col.kind is Kind.CODE:
        raw.texts[key] = code_text(value)
    elif col.kind is Kind.YEAR:
        raw.texts[key] = plain_text(value)
    else:
        raw.texts[key] = plain_text(value)
    raw.refs[key] = ref


def _read_identitas(
    rows: Grid,
    spec: SheetSpec,
    sheet: str,
    laporan: Laporan,
    no_cache: set[str],
) -> None:
    ident = Identitas()
    labels = {normalise_header(col.header): col for col in spec.columns}
    found: dict[str, int] = {}
    for index, row in enumerate(rows.values):
        if not row or not isinstance(row[0], str):
            continue
        col = labels.get(normalise_header(row[0]))
        if col is None or col.key in found:
            continue
        row_number = index + 1
        found[col.key] = row_number
        value, fmt = rows.cell(index, 1)
        ref = f"B{row_number}"
        raw = RawRow(row_number)
        _read_field(col, col.key, value, fmt, spec.name, ref, raw, laporan, no_cache)
        if col.kind is Kind.RUPIAH:
            setattr(ident, col.key, raw.cells[col.key])
        elif col.kind is Kind.CHOICE:
            if col.key in raw.choices:
                setattr(ident, col.key, raw.choices[col.key])
        elif col.kind is Kind.YEAR:
            text = raw.texts.get(col.key, "")
            if text:
                year = _year(text)
                if year is None:
                    laporan.findings.append(
                        F.finding(
                            F.UNREADABLE,
                            f"Sel {ref} ({col.header}): '{text}' bukan tahun.",
                            spec.name,
                            ref,
                        )
                    )
                setattr(ident, col.key, year)
        elif col.kind is Kind.DATE:
            setattr(ident, col.key, _date(value))
        else:
            setattr(ident, col.key, raw.texts.get(col.key, ""))
        if col.required and _field_empty(raw, col) and getattr(ident, col.key) in (None, ""):
            laporan.findings.append(
                F.finding(F.REQUIRED_EMPTY, f"Isian '{col.header}' kosong.", spec.name, ref)
            )
    for col in spec.columns:
        if col.required and col.key not in found:
            laporan.findings.append(
                F.finding(
                    F.MISSING_COLUMN,
                    f"Isian '{col.header}' tidak ditemukan di sheet '{sheet}'.",
                    sheet,
                    "A1",
                )
            )
    ident.rows = found
    laporan.identitas = ident


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
    ref = raw.refs.get(key)
    laporan.findings.append(
        F.finding(
            F.DUPLICATE_CODE,
            f"Kode '{kode}' dipakai lebih dari satu kali di sheet '{sheet}' (baris {raw.row}).",
            sheet,
            ref,
        )
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
            polaritas=raw.choices.get("polaritas", "Positif"),
            metode_tahunan=raw.choices.get("metode_tahunan", "Akhir"),
            kondisi_awal=_cell(raw, "kondisi_awal"),
            targets=targets,
            target_akhir=_cell(raw, "target_akhir"),
            iku=raw.choices.get("iku", "Tidak") == "Ya",
            row=raw.row,
        )
        sasaran.indikator.append(kode_ind)
    laporan.years = sorted(years or _years_from_headers(laporan, RENSTRA.name, "target"))


def _years_from_headers(laporan: Laporan, sheet: str, key: str) -> set[int]:
    prefix = key + ":"
    return {int(k[len(prefix) :]) for k in laporan.columns.get(sheet, {}) if k.startswith(prefix)}


def _build_rkt(rows: list[RawRow], laporan: Laporan) -> None:
    for raw in rows:
        jenis = raw.choices.get("jenis", "")
        kode = raw.texts.get("kode", "")
        if not jenis or not kode:
            continue
        if jenis == "Indikator Sasaran":
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
            raw.choices.get("metode", "Jumlah"),
            raw.row,
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

PARENT_LEVEL = {"Program": "Sasaran", "Kegiatan": "Program", "Sub Kegiatan": "Kegiatan"}


def _col_ref(laporan: Laporan, sheet: str, key: str, row: int) -> str:
    return f"{laporan.column(sheet, key) or 'A'}{row}"


def _link(laporan: Laporan) -> None:
    for sasaran in laporan.sasaran.values():
        if sasaran.jenis == "Sasaran" and sasaran.kode_induk:
            parent = laporan.sasaran.get(sasaran.kode_induk)
            if parent is None or parent.jenis != "Tujuan":
                laporan.findings.append(
                    F.finding(
                        F.UNKNOWN_PARENT,
                        f"Sasaran {sasaran.kode} menyebut tujuan induk '{sasaran.kode_induk}' "
                        "yang tidak ada di sheet Renstra.",
                        RENSTRA.name,
                        _col_ref(laporan, RENSTRA.name, "kode_induk", sasaran.row),
                    )
                )
    for item in laporan.rkt.values():
        want = PARENT_LEVEL.get(item.jenis)
        ref = _col_ref(laporan, RKT.name, "kode_induk", item.row)
        if want == "Sasaran":
            parent = laporan.sasaran.get(item.kode_induk)
            ok = parent is not None and parent.jenis == "Sasaran"
            exists = parent is not None
        else:
            parent_item = laporan.rkt.get(item.kode_induk)
            ok = parent_item is not None and parent_item.jenis == want
            exists = parent_item is not None
            if ok:
                parent_item.children.append(item.kode)
        if ok:
            continue
        if not item.kode_induk:
            message = f"{item.jenis} {item.kode} tidak menyebut kode induk ({want.lower()})."
            info = F.REQUIRED_EMPTY
        elif exists:
            message = (
                f"{item.jenis} {item.kode} berinduk '{item.kode_induk}', padahal induknya harus "
                f"{want.lower()}."
            )
            info = F.WRONG_LEVEL
        else:
            where = "Renstra" if want == "Sasaran" else "RKT"
            message = (
                f"{item.jenis} {item.kode} menyebut induk '{item.kode_induk}' yang tidak ada "
                f"di sheet {where}."
            )
            info = F.UNKNOWN_PARENT
        laporan.findings.append(F.finding(info, message, RKT.name, ref))
    for target in laporan.rkt_target.values():
        if target.kode not in laporan.indikator:
            laporan.findings.append(
                F.finding(
                    F.UNKNOWN_CODE,
                    f"Indikator sasaran '{target.kode}' di RKT tidak ada di sheet Renstra.",
                    RKT.name,
                    _col_ref(laporan, RKT.name, "kode", target.row),
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
                        f"Kode '{rec.kode}' di sheet {sheet} tidak ada di Renstra maupun RKT.",
                        sheet,
                        _col_ref(laporan, sheet, "kode", rec.row),
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
                    f"Sel {cell.ref}: satuan '{parsed.unit}' berbeda dengan satuan indikator "
                    f"{kode} '{satuan}'.",
                    cell.sheet,
                    cell.ref,
                )
            )
        if (
            is_percent_satuan(satuan)
            and not parsed.percent
            and parsed.number is not None
            and 0 < parsed.number <= 1
        ):
            laporan.findings.append(
                F.finding(
                    F.FRACTION_PERCENT,
                    f"Sel {cell.ref}: nilai {parsed.raw or parsed.number} untuk indikator persen "
                    f"{kode}; maksudnya {parsed.number * 100:g}%?",
                    cell.sheet,
                    cell.ref,
                )
            )
