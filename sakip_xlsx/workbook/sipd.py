"""SIPD's "Laporan Realisasi" export, read and reconciled against the isian's RKT.

SIPD (Sistem Informasi Pemerintahan Daerah) exports the realisation of spending as one row per
document (SPP, TBP, ...) on a sheet "Data Realisasi Dokumen". This module sums those rows per
sub kegiatan for the report year (Nilai Realisasi minus Nilai Setoran, by the document's date)
and per quarter, and lists what does not agree with the RKT of the isian: sub kegiatan on one
side only, documents of another year, documents listed twice, sums above the pagu and rows that
cannot be read.

Pure reading: the workbook is opened with the project's own streaming reader (`grid`), after
the same container checks the isian gets; nothing here writes or needs a spreadsheet library.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.model import Laporan, RktItem, SheetGrid
from sakip_xlsx.lkip.schema import find_sheet, normalise_header
from sakip_xlsx.lkip.values import clean_text, code_text, format_id, parse_value, plain_text
from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.workbook import grid
from sakip_xlsx.workbook.container import open_input, unreadable

SHEET_NAME = "Data Realisasi Dokumen"
"""The sheet SIPD writes the documents on; preferred over any other sheet."""
HEADER_SCAN_ROWS = 30
"""How far down a sheet the header row is looked for (SIPD puts title rows above it)."""
ROWS_LISTED = 8
"""How many SIPD rows a reconciliation message lists before saying how many more there are."""

# Column key -> the header spellings accepted, compared without case, spaces or underscores.
COLUMNS: dict[str, tuple[str, ...]] = {
    "kode_sub": ("Kode Sub Kegiatan", "Kode Subkegiatan", "Kode Sub Keg"),
    "nama_sub": ("Nama Sub Kegiatan", "Nama Subkegiatan", "Nama Sub Keg"),
    "rekening": ("Kode Rekening", "Kode Akun"),
    "nomor": ("Nomor Dokumen", "No Dokumen", "No. Dokumen"),
    "jenis_dokumen": ("Jenis Dokumen",),
    "tanggal": ("Tanggal Dokumen", "Tgl Dokumen", "Tgl. Dokumen"),
    "tanggal_sp2d": ("Tanggal SP2D", "Tgl SP2D", "Tgl. SP2D"),
    "realisasi": ("Nilai Realisasi",),
    "setoran": ("Nilai Setoran",),
}
LABELS = {key: names[0] for key, names in COLUMNS.items()}
REQUIRED = ("kode_sub", "realisasi", "nomor")
"""Required columns, besides a date: Tanggal Dokumen or Tanggal SP2D."""

KINDS = (
    "tidak_di_rkt",
    "tanpa_sipd",
    "tahun_lain",
    "ganda",
    "melebihi_pagu",
    "negatif",
    "tidak_terbaca",
)
"""Reconciliation kinds, in the order `reconcile` lists them."""

_SUB_CODE = re.compile(r"^(\d+\.\d+\.\d+\.\d+\.\d+)\.(\d{1,4})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$")
_YMD = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})(?:[ T].*)?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "pebruari", "feb", "peb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_EXCEL_EPOCH_1904 = _dt.date(1904, 1, 1)


# --- model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SipdDokumen:
    """One document row of the export that was read."""

    row: int
    """1-based row in the sheet."""
    kode_sub: str
    """The sub kegiatan code as SIPD wrote it."""
    nomor: str
    jenis_dokumen: str
    tanggal: _dt.date | None
    realisasi: float
    """Nilai Realisasi (0 when empty)."""
    setoran: float
    """Nilai Setoran (0 when empty)."""
    rekening: str = ""
    """Kode Rekening (part of the document key)."""

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What makes a document unique: number, sub kegiatan, account and kind."""
        return (
            self.nomor.upper(),
            canonical_code(self.kode_sub),
            self.rekening.replace(" ", ""),
            self.jenis_dokumen.upper(),
        )


@dataclass
class SipdRealisasi:
    """The realisation of one year read from a SIPD export, per sub kegiatan."""

    sheet: str
    header_row: int
    tahun: int
    per_sub: dict[str, float] = field(default_factory=dict)
    """Canonical sub kegiatan code -> realisasi of the year (Σ realisasi − Σ setoran)."""
    per_quarter: dict[str, list[float]] = field(default_factory=dict)
    """Canonical code -> [TW1, TW2, TW3, TW4], each quarter's own amount (not cumulative)."""
    nama: dict[str, str] = field(default_factory=dict)
    """Canonical code -> Nama Sub Kegiatan (the first one written)."""
    other_year: list[SipdDokumen] = field(default_factory=list)
    """Documents dated in another year (not counted)."""
    duplicates: list[tuple[SipdDokumen, SipdDokumen]] = field(default_factory=list)
    """(first, repeated) pairs of one document key; the repeated one is not counted."""
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    """(row, Indonesian reason) of rows skipped."""
    # --- beyond the brief's interface: what the reconciliation messages name -------------
    kode_sipd: dict[str, str] = field(default_factory=dict)
    """Canonical code -> the code as SIPD first wrote it."""
    baris: dict[str, list[int]] = field(default_factory=dict)
    """Canonical code -> the sheet rows counted in `per_sub`."""
    unreadable_kode: dict[int, str] = field(default_factory=dict)
    """Row of an unreadable row -> its sub kegiatan code as written (when it has one)."""
    file: str = ""
    """The file name read, for messages."""


@dataclass(frozen=True)
class Selisih:
    """One line of the reconciliation of SIPD against the RKT."""

    kind: str
    """One of `KINDS`."""
    kode: str
    message: str
    """Indonesian sentence naming the code, the amounts and the SIPD row(s)."""


# --- codes --------------------------------------------------------------------------------


def canonical_code(kode: str) -> str:
    """The key a sub kegiatan code is matched by.

    SIPD writes `1.01.01.2.02.0001` (four-digit suffix), an isian often `1.01.01.2.02.01`:
    both give `1.01.01.2.02.0001`. Spaces are removed; a code of another shape comes back
    otherwise unchanged.
    """
    text = re.sub(r"\s+", "", clean_text(str(kode)))
    match = _SUB_CODE.match(text)
    if match:
        return f"{match.group(1)}.{int(match.group(2)):04d}"
    return text


def _code_order(kode: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order of codes: `7.01.01.2.02.0002` before `7.01.01.2.02.0010`."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in kode.split("."))


# --- reading ------------------------------------------------------------------------------


def read_sipd(path: str | Path, tahun: int) -> SipdRealisasi:
    """Read a SIPD "Laporan Realisasi" export and sum it per sub kegiatan for `tahun`.

    Raises `InputFileError` (Indonesian, naming the file and sheet) when the file is not a
    readable .xlsx or holds no sheet with the required columns. Rows that cannot be read are
    listed in `unreadable`, never raised.
    """
    p, book = open_input(path, label="File SIPD")
    with book:
        sheet, header_row, columns = _find_data_sheet(book, p.name)
        result = SipdRealisasi(sheet=sheet.title, header_row=header_row, tahun=tahun, file=p.name)
        _read_rows(sheet, header_row, columns, result, book.date1904)
    return result


def _unreadable(name: str, exc: BaseException, sheet: str | None = None) -> InputFileError:
    return unreadable(name, exc, sheet, label="File SIPD")


def _header_key(text: str) -> str:
    return re.sub(r"[\s_.]+", "", normalise_header(text))


_HEADER_KEYS = {_header_key(name): key for key, names in COLUMNS.items() for name in names}


def _header_columns(line: dict[int, object]) -> dict[str, int]:
    """Column key -> 0-based column of the headers found in one row (the first of a twice
    written header wins)."""
    found: dict[str, int] = {}
    for index in sorted(line):
        value = line[index]
        if not isinstance(value, str):
            continue
        key = _HEADER_KEYS.get(_header_key(value))
        if key is not None and key not in found:
            found[key] = index
    return found


def _missing(columns: dict[str, int]) -> list[str]:
    missing = [LABELS[k] for k in REQUIRED if k not in columns]
    if "tanggal" not in columns and "tanggal_sp2d" not in columns:
        missing.append(f"{LABELS['tanggal']} (atau {LABELS['tanggal_sp2d']})")
    return missing


def _find_header(sheet: SheetGrid) -> tuple[int | None, dict[str, int]]:
    """(header row, its columns) or (None, the columns of the row that came closest)."""
    best: dict[str, int] = {}
    for number in range(1, HEADER_SCAN_ROWS + 1):
        columns = _header_columns(sheet.rows.get(number, {}))
        if not _missing(columns):
            return number, columns
        if len(columns) > len(best):
            best = columns
    return None, best


def _find_data_sheet(book: grid.WorkbookGrid, name: str) -> tuple[SheetGrid, int, dict[str, int]]:
    titles = book.titles
    preferred = find_sheet(titles, (SHEET_NAME,))
    order = ([preferred] if preferred else []) + [t for t in titles if t != preferred]
    closest: dict[str, int] = {}
    for title in order:
        try:
            sheet = book.sheet(title)
        except Exception as exc:  # damaged XML surfaces as many exception types
            raise _unreadable(name, exc, title) from exc
        header_row, columns = _find_header(sheet)
        if header_row is not None:
            return sheet, header_row, columns
        if title == preferred:
            closest = columns
    wanted = ", ".join(_missing({}))
    if preferred is not None:
        raise InputFileError(
            f"File SIPD {name}, sheet '{preferred}': baris judul kolom tidak ditemukan dalam "
            f"{HEADER_SCAN_ROWS} baris pertama; kolom yang tidak ada: "
            f"{', '.join(_missing(closest))}. Gunakan ekspor 'Laporan Realisasi' SIPD apa "
            "adanya (kolom wajib: " + wanted + ")."
        )
    listed = ", ".join(f"'{t}'" for t in titles[:6]) or "(tidak ada sheet)"
    raise InputFileError(
        f"File SIPD {name} tidak memuat sheet '{SHEET_NAME}' maupun sheet lain dengan kolom "
        f"{wanted}; sheet yang ada: {listed}. Gunakan ekspor 'Laporan Realisasi' SIPD."
    )


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and clean_text(value) == "")


def _read_rows(
    sheet: SheetGrid,
    header_row: int,
    columns: dict[str, int],
    result: SipdRealisasi,
    date1904: bool,
) -> None:
    rows = [r for r in sheet.row_numbers() if r > header_row]
    rows = [r for r in rows if not all(_is_blank(v) for v in sheet.rows[r].values())]
    coded = [r for r in rows if _has_code(sheet.value(r, columns["kode_sub"]))]
    last_coded = coded[-1] if coded else header_row
    realisasi: dict[str, list[list[float]]] = {}
    setoran: dict[str, list[list[float]]] = {}
    seen: dict[tuple[str, str, str, str], SipdDokumen] = {}
    for number in rows:
        if number > last_coded:
            if not _total_row(sheet.rows[number]) and _has_amount(sheet, number, columns):
                # an amount under the table without a code and without a total's label:
                # money that would otherwise vanish without a word
                result.unreadable.append((number, "baris tanpa Kode Sub Kegiatan"))
            continue  # the total row and whatever stands under the table
        doc = _document(sheet, number, columns, result, date1904)
        if doc is None:
            continue
        if doc.tanggal is None or doc.tanggal.year != result.tahun:
            result.other_year.append(doc)
            continue
        if doc.nomor:
            first = seen.get(doc.key)
            if first is not None:
                result.duplicates.append((first, doc))
                continue
            seen[doc.key] = doc
        kode = canonical_code(doc.kode_sub)
        quarter = (doc.tanggal.month - 1) // 3
        realisasi.setdefault(kode, [[], [], [], []])[quarter].append(doc.realisasi)
        setoran.setdefault(kode, [[], [], [], []])[quarter].append(doc.setoran)
        result.kode_sipd.setdefault(kode, doc.kode_sub)
        result.baris.setdefault(kode, []).append(number)
        nama_col = columns.get("nama_sub")
        nama = plain_text(sheet.value(number, nama_col)) if nama_col is not None else ""
        if nama and not result.nama.get(kode):
            result.nama[kode] = nama
    for kode in realisasi:
        quarters = [
            rules.sen(math.fsum(realisasi[kode][q]) - math.fsum(setoran[kode][q])) for q in range(4)
        ]
        result.per_quarter[kode] = quarters
        result.per_sub[kode] = rules.sen(
            math.fsum(v for q in realisasi[kode] for v in q)
            - math.fsum(v for q in setoran[kode] for v in q)
        )


_TOTAL_WORDS = ("jumlah", "total", "grand total")


def _total_row(line: dict[int, object]) -> bool:
    """A total row: some cell says so (Jumlah, Total)."""
    return any(
        isinstance(v, str) and v.strip().casefold().startswith(_TOTAL_WORDS) for v in line.values()
    )


def _has_amount(sheet: SheetGrid, number: int, columns: dict[str, int]) -> bool:
    for key in ("realisasi", "setoran"):
        col = columns.get(key)
        if col is not None and not _is_blank(sheet.value(number, col)):
            return True
    return False


def _has_code(value: object) -> bool:
    return any(ch.isdigit() for ch in code_text(value))


def _document(
    sheet: SheetGrid,
    number: int,
    columns: dict[str, int],
    result: SipdRealisasi,
    date1904: bool,
) -> SipdDokumen | None:
    """The document of one row, or None after listing why the row cannot be read."""

    def cell(key: str) -> object:
        index = columns.get(key)
        return None if index is None else sheet.value(number, index)

    kode_value = cell("kode_sub")
    kode = code_text(kode_value) if _has_code(kode_value) else ""
    reasons: list[str] = []
    if not kode:
        written = plain_text(kode_value)
        reasons.append(
            f"{LABELS['kode_sub']} kosong"
            if not written
            else f"{LABELS['kode_sub']} '{written[:40]}' bukan kode"
        )
    amounts: dict[str, float] = {}
    for key in ("realisasi", "setoran"):
        amount, problem = _read_amount(cell(key))
        if problem:
            reasons.append(f"{LABELS[key]} '{problem}' bukan angka rupiah")
        amounts[key] = amount
    tanggal, problem = _read_date(cell("tanggal"), date1904)
    if problem:
        reasons.append(f"{LABELS['tanggal']} '{problem}' bukan tanggal (tulis dd-mm-yyyy)")
    elif tanggal is None:
        tanggal, problem = _read_date(cell("tanggal_sp2d"), date1904)
        if problem:
            reasons.append(f"{LABELS['tanggal_sp2d']} '{problem}' bukan tanggal (tulis dd-mm-yyyy)")
        elif tanggal is None:
            reasons.append(f"{LABELS['tanggal']} dan {LABELS['tanggal_sp2d']} kosong")
    if reasons:
        result.unreadable.append((number, "; ".join(reasons)))
        if kode:
            result.unreadable_kode[number] = kode
        return None
    return SipdDokumen(
        row=number,
        kode_sub=kode,
        nomor=plain_text(cell("nomor")),
        jenis_dokumen=plain_text(cell("jenis_dokumen")),
        tanggal=tanggal,
        realisasi=amounts["realisasi"],
        setoran=amounts["setoran"],
        rekening=code_text(cell("rekening")),
    )


def _read_amount(value: object) -> tuple[float, str]:
    """(amount, '') or (0, the text that is not an amount). Empty and `-` are 0."""
    parsed = parse_value(value)
    if parsed.missing:
        return 0.0, ""
    rupiah_unit = (parsed.unit or "").lower().strip(" .,-") in {"", "rupiah", "rp", "idr"}
    if parsed.number is None or parsed.percent or not rupiah_unit:
        return 0.0, (parsed.raw or plain_text(value))[:40]
    return parsed.number, ""


def _read_date(value: object, date1904: bool) -> tuple[_dt.date | None, str]:
    """(date, '') or (None, '') for an empty cell or (None, the text that is not a date)."""
    if _is_blank(value):
        return None, ""
    if isinstance(value, _dt.datetime):
        return value.date(), ""
    if isinstance(value, _dt.date):
        return value, ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a date serial whose cell lost its date format
        if math.isfinite(value) and 1 <= value < 2_958_466:
            epoch = _EXCEL_EPOCH_1904 if date1904 else _EXCEL_EPOCH
            return epoch + _dt.timedelta(days=int(value)), ""
        return None, plain_text(value)[:40]
    text = clean_text(str(value))
    day = month = year = None
    if m := _DMY.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _YMD.match(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _D_MONTH_Y.match(text)) and m.group(2).lower() in _MONTHS:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    if day is None or month is None or year is None:
        return None, text[:40]
    try:
        return _dt.date(year, month, day), ""
    except ValueError:
        return None, text[:40]


# --- reconciliation -----------------------------------------------------------------------


def rupiah(number: float) -> str:
    """`Rp 1.250.000`, with sen only when there are any (`Rp 1.250.000,50`)."""
    whole = abs(number - round(number)) < 0.005
    return "Rp " + format_id(number, 0 if whole else 2)


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:ROWS_LISTED])
    more = len(rows) - ROWS_LISTED
    return f"SIPD baris {shown}" + (f" dan {more} baris lain" if more > 0 else "")


def _date_text(tanggal: _dt.date | None) -> str:
    return tanggal.strftime("%d-%m-%Y") if tanggal else "tanpa tanggal"


def _doc_text(doc: SipdDokumen, word: str = "dokumen") -> str:
    jenis = f" ({doc.jenis_dokumen})" if doc.jenis_dokumen else ""
    return f"{word} {doc.nomor or '(tanpa nomor)'}{jenis}"


def reconcile(laporan: Laporan, sipd: SipdRealisasi) -> list[Selisih]:
    """What does not agree between the SIPD export and the isian's RKT.

    In the order of `KINDS`, each kind sorted by code and then SIPD row: sub kegiatan in SIPD
    but not in the RKT; RKT sub kegiatan without a counted SIPD document; documents of another
    year; documents listed twice; a SIPD sum above the RKT pagu; rows that cannot be read.
    """
    rkt: dict[str, RktItem] = {}
    for item in laporan.sub_kegiatan():
        rkt.setdefault(canonical_code(item.kode), item)
    out: list[tuple[int, tuple, int, Selisih]] = []

    def add(kind: str, order_code: str, row: int, kode: str, message: str) -> None:
        out.append((KINDS.index(kind), _code_order(order_code), row, Selisih(kind, kode, message)))

    tahun = sipd.tahun
    for kode, amount in sipd.per_sub.items():
        shown = sipd.kode_sipd.get(kode, kode)
        rows = sipd.baris.get(kode, [])
        item = rkt.get(kode)
        if item is None:
            nama = sipd.nama.get(kode)
            add(
                "tidak_di_rkt",
                kode,
                rows[0] if rows else 0,
                shown,
                f"Sub kegiatan {shown}" + (f" ({nama})" if nama else "") + " tercatat di SIPD "
                f"dengan realisasi {rupiah(amount)} tahun {tahun} ({_rows_text(rows)}), "
                "tetapi tidak ada di sheet RKT isian.",
            )
            continue
        if amount < 0:
            add(
                "negatif",
                kode,
                rows[0] if rows else 0,
                item.kode,
                f"Realisasi SIPD sub kegiatan {item.kode} tahun {tahun} negatif ({rupiah(amount)}, "
                f"{_rows_text(rows)}): setoran melebihi realisasi; periksa dokumennya.",
            )
        pagu = item.pagu.number
        if pagu is not None and rules.melebihi_rupiah(amount, pagu):
            alias = f" (di SIPD: {shown})" if shown != item.kode else ""
            add(
                "melebihi_pagu",
                kode,
                rows[0] if rows else 0,
                item.kode,
                f"Realisasi SIPD sub kegiatan {item.kode}{alias} tahun {tahun} sebesar "
                f"{rupiah(amount)} ({_rows_text(rows)}) melebihi pagu RKT {rupiah(pagu)} "
                f"(RKT baris {item.row}) sebesar {rupiah(amount - pagu)}.",
            )
    for kode, item in rkt.items():
        if kode in sipd.per_sub:
            continue
        pagu = item.pagu.number
        pagu_text = f", pagu {rupiah(pagu)}" if pagu is not None else ""
        add(
            "tanpa_sipd",
            kode,
            item.row,
            item.kode,
            f"Sub kegiatan {item.kode} ({item.uraian}) ada di RKT (baris {item.row}{pagu_text}), "
            f"tetapi tidak ada dokumen realisasi tahun {tahun} di SIPD untuknya.",
        )
    for doc in sipd.other_year:
        year = f"tahun {doc.tanggal.year}" if doc.tanggal else "tanpa tahun"
        add(
            "tahun_lain",
            canonical_code(doc.kode_sub),
            doc.row,
            doc.kode_sub,
            f"SIPD baris {doc.row}: {_doc_text(doc)} sub kegiatan {doc.kode_sub} bertanggal "
            f"{_date_text(doc.tanggal)} ({year}, bukan {tahun}); realisasi "
            f"{rupiah(doc.realisasi - doc.setoran)} tidak dihitung.",
        )
    for first, again in sipd.duplicates:
        rekening = f", rekening {again.rekening}" if again.rekening else ""
        add(
            "ganda",
            canonical_code(again.kode_sub),
            again.row,
            again.kode_sub,
            f"{_doc_text(again, 'Dokumen')} sub kegiatan {again.kode_sub}{rekening} tercatat "
            f"dua kali di SIPD (baris {first.row} dan {again.row}); baris {again.row} "
            f"({rupiah(again.realisasi - again.setoran)}) tidak dihitung.",
        )
    for row, reason in sipd.unreadable:
        kode = sipd.unreadable_kode.get(row, "")
        about = f" (sub kegiatan {kode})" if kode else ""
        add(
            "tidak_terbaca",
            canonical_code(kode),
            row,
            kode,
            f"SIPD baris {row}{about} dilewati karena tidak terbaca: {reason}.",
        )
    out.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in out]
