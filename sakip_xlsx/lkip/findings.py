"""Findings: what is wrong with a workbook, where, and what to do about it.

Shaped like a validation report of a declarative table schema: each finding carries a stable
code, a severity, the sheet and cell it points at, an Indonesian message saying what is wrong
and a suggestion saying what to do. Reading problems (SPEC §4) and consistency checks (SPEC §5)
share this shape and one registry of codes, so `check`, the Temuan sheet and the README all list
the same things.

Like a validation library's error catalogue, every kind is declared once, below: its code,
severity, advice and a message template with named fields. A call site passes the parameters
only; the finding keeps them beside the sentence made of them (`param`, in the JSON of `check`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import StrEnum
from string import Formatter

from sakip_xlsx.lkip.values import format_id


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "peringatan"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "peringatan": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class RuleInfo:
    """A kind of finding: its code, severity, title, advice and the sentence it says, a
    template whose named fields each finding fills (`{kode}`, `{capaian}`). A kind may say
    its sentence in more than one way (`variants`), each with its own fields."""

    code: str
    severity: Severity
    title: str
    suggestion: str
    message: str
    variants: tuple[tuple[str, str], ...] = ()

    def template(self, variant: str | None = None) -> str:
        if variant is None:
            return self.message
        return dict(self.variants)[variant]

    def templates(self) -> list[str]:
        return [self.message, *(text for _, text in self.variants)]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    suggestion: str
    sheet: str | None = None
    cell: str | None = None
    related: tuple[str, ...] = ()
    """Other cells involved, as `Sheet!A1` references (e.g. the Renstra target a PK target
    contradicts)."""
    param: dict[str, object] = field(default_factory=dict, compare=False)
    """The figures and names the message was made from, for readers that are not people (the
    JSON of `check`, a dashboard): `{"kode": "P1.3.1", "capaian": 14.285714285714286}`, figures
    as computed; only the sentence rounds them (14,29)."""
    variant: str | None = field(default=None, compare=False)
    covers: tuple[str, ...] = field(default=(), compare=False)
    """Further cells of the same sheet this one finding is about (a row whose four quarters
    are unreadable for one reason): each is marked in the workbook like `cell`."""
    """Which of its kind's templates the message was made from (None: the main one)."""

    @property
    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def sort_key(self) -> tuple:
        """Errors first; then as the workbook reads: its sheets in order, each by row."""
        return (self.severity.rank, *self.place_key(), self.code)

    def place_key(self) -> tuple:
        """Where in the workbook: the sheet's place (input sheets in the workbook's order,
        others after them by name), then row, then column."""
        return (sheet_order(self.sheet), self.sheet or "", _cell_order(self.cell))

    def as_dict(self) -> dict[str, object]:
        return {
            "kode": self.code,
            "tingkat": self.severity.value,
            "sheet": self.sheet,
            "sel": self.cell,
            "pesan": self.message,
            "param": self.param,
            "saran": self.suggestion,
            "sel_terkait": list(self.related),
        }


def sheet_order(sheet: str | None) -> int:
    """The place of a sheet in the isian (Identitas first, SDM last); findings with no sheet
    come first, other sheets after the input sheets."""
    from sakip_xlsx.lkip.schema import INPUT_SHEETS

    if not sheet:
        return -1
    for index, spec in enumerate(INPUT_SHEETS):
        if spec.name == sheet:
            return index
    return len(INPUT_SHEETS)


def _cell_order(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (0, 0)
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    col = 0
    for ch in letters.upper():
        col = col * 26 + (ord(ch) - 64)
    return (int(digits or 0), col)


REGISTRY: dict[str, RuleInfo] = {}


def define(
    code: str, severity: Severity, title: str, suggestion: str, message: str, **variants: str
) -> RuleInfo:
    """Register a finding code once; a second definition of the same code is a bug."""
    if code in REGISTRY:
        raise ValueError(f"finding code defined twice: {code}")
    info = RuleInfo(code, severity, title, suggestion, message, tuple(sorted(variants.items())))
    REGISTRY[code] = info
    return info


def fields(template: str) -> set[str]:
    """The named fields of a message template."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def shown(value: object) -> str:
    """A parameter as the sentence shows it: measured numbers (floats) the Indonesian way
    (14,29; 1.500.000), whole numbers that name something (a year, a row) as they are, lists
    joined with commas."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_id(value, 0 if value.is_integer() else 2)
    if isinstance(value, (list, tuple)):
        return ", ".join(shown(v) for v in value)
    return str(value)


_ID_SEPARATORS = str.maketrans(",.", ".,")


class _Sentence(Formatter):
    """Fills a template. A plain field shows its parameter with `shown`; a field with a format
    spec formats a number as Python does with that spec, with Indonesian separators, for the
    few sentences that always show a fixed number of decimals (`{capaian:,.2f}` gives 200,00)
    or as few as needed (`{nilai:g}` gives 0,125)."""

    def format_field(self, value: object, format_spec: str) -> str:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if format_spec and number:
            return format(value, format_spec).translate(_ID_SEPARATORS)
        return shown(value)


_SENTENCE = _Sentence()


def _plain(value: object) -> object:
    """A parameter as JSON carries it."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def finding(
    info: RuleInfo,
    sheet: str | None = None,
    cell: str | None = None,
    related: tuple[str, ...] = (),
    /,
    variant: str | None = None,
    **param: object,
) -> Finding:
    """A finding of kind `info`, its sentence filled from `param`. The location comes
    first, by position only, so a sentence may name a `sheet` or `cell` among its parameters;
    a field without its parameter is a bug and raises KeyError. A sentence that does not name
    its sheet is led by it ("Sheet Realisasi: Capaian P1.3.1 = 14,29 %.")."""
    message = _SENTENCE.vformat(info.template(variant), (), param)
    if sheet and sheet not in message:  # every sentence names the sheet the user looks at
        message = f"Sheet {sheet}: {message}"
    return Finding(
        code=info.code,
        severity=info.severity,
        message=message,
        suggestion=info.suggestion,
        sheet=sheet,
        cell=cell,
        related=related,
        param={k: _plain(v) for k, v in param.items()},
        variant=variant,
    )


ONE_PER_ROW = {"BACA-001": "baris", "BACA-005": "baris", "BACA-008": "baris"}
"""Codes whose findings in one row for one reason become one finding (its `baris` variant
names the cells): four unreadable quarters are one cause, not four."""
_NAMING = {"sel", "kolom", "nilai", "triwulan"}
"""The parameters that name a cell of the group; the others are the cause they share."""


ROW_NAMED = frozenset({"BACA-001", "BACA-002", "BACA-003", "BACA-004", "BACA-008", "BACA-009"})
"""Codes whose sentence names the row by its code (`baris`), once the reader knows it."""


def named_row(item: Finding, baris: str) -> Finding:
    """`item` saying which row it is about (`baris IS2`) instead of the row number."""
    if item.param.get("baris") == baris:
        return item
    info = REGISTRY[item.code]
    param = {**item.param, "baris": baris}
    out = finding(info, item.sheet, item.cell, item.related, variant=item.variant, **param)
    return replace(out, covers=item.covers)


def one_per_cause(items: list[Finding]) -> list[Finding]:
    """Findings of `ONE_PER_ROW` codes that share a sheet, a row and every parameter but the
    cell, its column and its value, merged into one naming them all; others as they are."""
    groups: dict[tuple, list[Finding]] = {}
    order: list[tuple | Finding] = []
    for item in items:
        if item.code not in ONE_PER_ROW or item.variant is not None or not item.cell:
            order.append(item)
            continue
        rest = tuple(sorted((k, repr(v)) for k, v in item.param.items() if k not in _NAMING))
        key = (item.code, item.sheet, _cell_order(item.cell)[0], rest)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(item)
    out = []
    for entry in order:
        if isinstance(entry, Finding):
            out.append(entry)
            continue
        members = groups[entry]
        out.append(members[0] if len(members) == 1 else _merged(members))
    return out


def _merged(members: list[Finding]) -> Finding:
    first = members[0]
    info = REGISTRY[first.code]
    cells = [m.cell or "" for m in members]
    param = {k: v for k, v in first.param.items() if k not in _NAMING}
    param["sel"] = _span(cells)
    if "kolom" in first.param:
        param["kolom"] = ", ".join(dict.fromkeys(str(m.param["kolom"]) for m in members))
    if "nilai" in first.param:
        param["nilai"] = ", ".join(f"'{m.param['nilai']}'" for m in members)
    merged = finding(
        info, first.sheet, first.cell, first.related, variant=ONE_PER_ROW[first.code], **param
    )
    return replace(merged, covers=tuple(cells[1:]))


def _span(cells: list[str]) -> str:
    """`C18:F18` for cells side by side in a row, otherwise `C18, E18`."""
    columns = [_cell_order(c)[1] for c in cells]
    if columns == list(range(columns[0], columns[0] + len(columns))):
        return f"{cells[0]}:{cells[-1]}"
    return ", ".join(cells)


def sort_findings(items: list[Finding]) -> list[Finding]:
    """Errors first, then by sheet and cell, duplicates removed (stable, deterministic)."""
    seen: set[tuple] = set()
    out = []
    for item in sorted(items, key=Finding.sort_key):
        key = (item.code, item.sheet, item.cell, item.message)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def counts(items: list[Finding]) -> dict[Severity, int]:
    result = {sev: 0 for sev in Severity}
    for item in items:
        result[item.severity] += 1
    return result


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# The catalogue: every kind of finding, its advice and its sentence. A call site passes the
# parameters only: `finding(PK_VS_RENSTRA, "PK", "E2", kode="IS1", pk=85.0, ...)`. The same
# name means the same thing in every sentence: `sel` a cell the sentence names, `kolom` a
# column header, `isian` an Identitas label, `nilai` what a cell holds, `baris` a row number,
# `jumlah` a count, `kode` the code of the row concerned, `jenis` its kind (program, ...),
# `satuan` the unit at the cell pointed at; figures (target, realisasi, pagu, capaian, ...)
# are floats.

# --- reading and structure (SPEC §2, §4): raised by the reader while it builds the model ---

MISSING_SHEET = define(
    "STR-001",
    E,
    "Sheet wajib tidak ada",
    "Gunakan workbook dari `sakip-xlsx template`.",
    "Sheet '{sheet}' tidak ditemukan di {file}.",
)
MISSING_COLUMN = define(
    "STR-002",
    E,
    "Kolom wajib tidak ditemukan",
    "Kembalikan judul kolom persis seperti di template (urutan boleh berbeda).",
    "Kolom wajib '{kolom}' tidak ditemukan di sheet '{sheet}'.",
    tanpa_judul="Sheet '{sheet}' tidak memiliki baris judul kolom yang dikenali.",
    isian="Isian '{isian}' tidak ditemukan di sheet '{sheet}'.",
)
UNKNOWN_COLUMN = define(
    "STR-003",
    INFO,
    "Kolom tidak dikenal diabaikan",
    "Hapus kolom itu atau biarkan; isinya tidak dibaca.",
    "Kolom '{kolom}' di sheet '{sheet}' tidak dikenal atau ganda, dan diabaikan.",
    berisi="Kolom '{kolom}' di sheet '{sheet}' tidak dikenal atau ganda, dan diabaikan. "
    "{jumlah} nilai di kolom ini ({rentang}) tidak dibaca.",
)
OTHER_SHEET = define(
    "STR-016",
    W,
    "Sheet lain tidak dibaca",
    "Pindahkan nilai yang dimaksud ke sheet isian (nama sheet persis seperti di template), "
    "lalu hapus atau biarkan sheet ini.",
    "Sheet '{sheet}' bukan sheet isian dan tidak dibaca: {jumlah} nilai di sheet ini "
    "(mulai sel {awal}) tidak dipakai.",
    banyak="Sheet '{sheet}' bukan sheet isian dan tidak dibaca: lebih dari {baris} baris "
    "terisi di sheet ini tidak dipakai.",
    rusak="Sheet '{sheet}' bukan sheet isian dan tidak dapat dibaca; isinya tidak dipakai.",
)
TYPED_OVER_FORMULA = define(
    "STR-017",
    W,
    "Nilai diketik di kolom hitungan",
    "Ubah nilai masukannya (target, realisasi, pagu), bukan kolom hitungan: kolom ini selalu "
    "dihitung ulang.",
    "Kolom '{kolom}' di sheet '{sheet}' dihitung oleh sakip-xlsx: {jumlah} nilai yang diketik "
    "di atas rumusnya ({rentang}) tidak dipakai dan diganti hasil hitungan.",
)
REQUIRED_EMPTY = define(
    "STR-004",
    E,
    "Isian wajib kosong",
    "Lengkapi sel tersebut; baris ini tidak dapat dihitung.",
    "Kolom '{kolom}' baris {baris} kosong; nilai lain di baris ini tidak dapat dihitung.",
    isian="Isian '{isian}' kosong.",
    induk="{jenis} {kode} tidak menyebut kode induk ({jenis_induk}).",
)
DUPLICATE_CODE = define(
    "STR-005",
    E,
    "Kode ganda",
    "Setiap kode hanya boleh dipakai satu kali; ubah salah satunya.",
    "Kode '{kode}' dipakai lebih dari satu kali di sheet '{sheet}' (baris {baris}).",
)
CODE_CASE = define(
    "STR-018",
    E,
    "Kode hanya beda huruf besar/kecil",
    "Tulis kode yang sama persis bila memang sama, atau beri kode lain: rumus spreadsheet "
    "(SUMIFS, COUNTIFS) tidak membedakan huruf besar dan kecil.",
    "Kode '{kode}' di sheet '{sheet}' hanya beda huruf besar/kecil dengan '{kode_lain}' "
    "(baris {baris_lain}); rumus tabel menjumlahkan keduanya bersama.",
)
UNKNOWN_PARENT = define(
    "STR-006",
    E,
    "Kode induk tidak ada",
    "Tulis kode induk yang ada di sheet induknya (kode yang hanya mirip awalan tidak dihitung).",
    "{jenis} {kode} menyebut induk '{induk}' yang tidak ada di sheet {sheet}.",
    tujuan="Sasaran {kode} menyebut tujuan induk '{induk}' yang tidak ada di sheet Renstra.",
)
UNKNOWN_CODE = define(
    "STR-007",
    E,
    "Kode tidak dikenal",
    "Gunakan kode yang sudah ada di Renstra atau RKT, atau tambahkan baris itu di sana.",
    "Kode '{kode}' di sheet {sheet} tidak ada di Renstra maupun RKT.",
    target_rkt="Indikator sasaran '{kode}' di RKT tidak ada di sheet Renstra.",
)
WRONG_LEVEL = define(
    "STR-008",
    E,
    "Jenis induk tidak sesuai",
    "Program berinduk sasaran, kegiatan berinduk program, sub kegiatan berinduk kegiatan.",
    "{jenis} {kode} berinduk '{induk}', padahal induknya harus {jenis_induk}.",
)
MERGED_CELLS = define(
    "STR-009",
    W,
    "Sel digabung di area data",
    "Pisahkan sel gabungan (Unmerge) dan isi setiap baris; satu baris = satu data.",
    "Sel {rentang} di sheet '{sheet}' digabung (merge); hanya sel pertama yang terbaca.",
)
STRAY_VALUE = define(
    "STR-010",
    W,
    "Nilai di luar tabel tidak dibaca",
    "Pindahkan nilai ke kolom yang benar, beri kolomnya judul dari template, atau hapus nilai "
    "itu (Ctrl+End menunjukkan sel terakhir yang terisi).",
    "{jumlah} nilai di {rentang} sheet '{sheet}' berada di kolom tanpa judul kolom; tidak dibaca.",
    tanpa_judul="{jumlah} nilai di {rentang} sheet '{sheet}' berada di kolom tanpa judul kolom "
    "yang dikenali; tidak dibaca.",
    baris_judul="Sel {sel} ('{nilai}') di baris judul sheet '{sheet}' tidak dibaca.",
    samping_isian="Sel {sel} ('{nilai}') di samping isian '{isian}' tidak dibaca; hanya "
    "kolom B (Nilai) yang dibaca.",
)
ABOVE_HEADER = define(
    "STR-011",
    INFO,
    "Sel di atas judul kolom tidak dibaca",
    "Baris di atas judul kolom dianggap judul laporan; data ditulis di bawah judul kolom.",
    "{jumlah} sel di atas baris judul kolom (baris {baris}) sheet '{sheet}', mulai {sel}, "
    "dianggap judul dan tidak dibaca.",
)
UNKNOWN_FIELD = define(
    "STR-012",
    W,
    "Isian Identitas tidak dikenal",
    "Tulis label isian persis seperti di template (kolom A) dan nilainya di kolom B.",
    "Isian '{isian}' di baris {baris} sheet '{sheet}' tidak dikenal; nilai di {sel} tidak dibaca.",
    tanpa_nilai="Isian '{isian}' di baris {baris} sheet '{sheet}' tidak dikenal; baris ini "
    "tidak dibaca.",
)
DUPLICATE_FIELD = define(
    "STR-013",
    W,
    "Isian Identitas ganda",
    "Hapus baris ganda; setiap isian Identitas hanya ditulis satu kali.",
    "Isian '{isian}' ditulis lagi di baris {baris}; yang dibaca baris {baris_dibaca}.",
)
ROWS_DIFFER = define(
    "STR-015",
    W,
    "Tujuan/sasaran ditulis berbeda antar baris indikatornya",
    "Tulis jenis, uraian dan kode induk yang sama pada setiap baris indikator satu kode "
    "tujuan/sasaran, atau beri kode lain bila memang tujuan/sasaran lain.",
    "Sel {sel} ({kolom}) baris {baris}: {jenis} {kode} ditulis '{nilai}', padahal baris "
    "{baris_dibaca} menulis '{dibaca}'; yang dipakai baris {baris_dibaca}.",
)
NOT_APPLICABLE = define(
    "STR-014",
    W,
    "Nilai tidak berlaku untuk jenis baris ini",
    "Kosongkan sel itu, atau pindahkan nilainya ke baris yang jenisnya memakai kolom ini "
    "(lihat sheet Petunjuk).",
    "Sel {sel} ({kolom}) diisi untuk {jenis} {kode}, padahal kolom ini hanya dipakai untuk "
    "{berlaku}; nilainya tidak dihitung.",
    pegawai="Sel {sel} ({kolom}) diisi untuk {jenis} {jabatan}, padahal kolom ini hanya "
    "dipakai untuk {berlaku}; nilainya tidak dihitung.",
    tahun_laporan="Kolom Realisasi {tahun} (tahun laporan {tahun} diisi di kolom Realisasi "
    "tahunan): {jumlah} nilai tidak dihitung.",
    luar_periode="Kolom Realisasi {tahun} (di luar tahun {awal}-{akhir} yang dibandingkan): "
    "{jumlah} nilai tidak dihitung.",
)
UNREADABLE = define(
    "BACA-001",
    E,
    "Nilai tidak dapat dibaca",
    "Tulis angka saja, boleh dengan satuan atau format Indonesia (mis. 81,9 atau 12 Laporan).",
    "Sel {sel} ({kolom}) sheet {sheet}, {baris}: '{nilai}' tidak dapat dibaca sebagai angka.",
    tahun="Sel {sel} ({kolom}) sheet {sheet}: '{nilai}' bukan tahun.",
    baris="Sel {sel} ({kolom}) sheet {sheet}, {baris}: {nilai} tidak dapat dibaca sebagai angka.",
    koma_ribuan="Sel {sel} ({kolom}) sheet {sheet}, {baris}: '{nilai}' tidak jelas: koma bisa "
    "berarti desimal atau pemisah ribuan. Tulis rupiah dengan titik ribuan (87.988) atau tanpa "
    "pemisah (87988).",
)
ERROR_VALUE = define(
    "BACA-002",
    E,
    "Sel berisi galat rumus",
    "Perbaiki rumus di sel itu atau ganti dengan nilainya.",
    "Sel {sel} ({kolom}) sheet {sheet}, {baris}: berisi galat {nilai}.",
)
DATE_VALUE = define(
    "BACA-003",
    E,
    "Tanggal di kolom angka",
    "Format sel berubah menjadi tanggal; ubah format sel ke Angka/Teks lalu ketik ulang nilainya.",
    "Sel {sel} ({kolom}) sheet {sheet}, {baris}: berisi tanggal {nilai}, bukan angka.",
    waktu="Sel {sel} ({kolom}) sheet {sheet}, {baris}: berisi waktu {nilai} (format jam), "
    "bukan angka.",
)
NO_CACHED_VALUE = define(
    "BACA-004",
    W,
    "Rumus tanpa nilai tersimpan",
    "Buka dan simpan ulang file di Excel/LibreOffice agar hasil rumus ikut tersimpan, "
    "atau ganti rumus dengan nilainya.",
    "Sel {sel} sheet {sheet}, {baris}: berisi rumus yang hasilnya tidak tersimpan di file; "
    "dianggap kosong.",
)
UNIT_MISMATCH = define(
    "BACA-005",
    W,
    "Satuan berbeda dengan satuan indikator",
    "Periksa apakah nilai ini memang untuk indikator tersebut; samakan satuannya.",
    "Sel {sel} sheet {sheet}: satuan '{satuan}' berbeda dengan satuan indikator {kode} "
    "'{satuan_indikator}'.",
    baris="Sel {sel} sheet {sheet}: satuan '{satuan}' berbeda dengan satuan indikator {kode} "
    "'{satuan_indikator}'.",
)
FRACTION_PERCENT = define(
    "BACA-006",
    W,
    "Pecahan pada indikator persen",
    "Untuk satuan %, tulis 90 atau 90% (bukan 0,9), atau beri sel format persen.",
    "Sel {sel} sheet {sheet}: nilai {nilai:g} untuk indikator persen {kode}; maksudnya "
    "{persen:g}%?",
)
NOT_IN_LIST = define(
    "BACA-007",
    E,
    "Nilai di luar daftar pilihan",
    "Pilih salah satu nilai dari daftar di sel itu.",
    "Sel {sel} ({kolom}): '{nilai}' bukan pilihan yang dikenal ({pilihan}).",
)
WRONG_QUARTER = define(
    "BACA-008",
    W,
    "Label triwulan tidak sesuai kolom",
    "Triwulan hanya TW1-TW4; pindahkan nilai ke kolom triwulannya dan hapus labelnya.",
    "Sel {sel} ({kolom}) sheet {sheet}, {baris}: berlabel 'TW {triwulan}': '{nilai}'. Nilai "
    "tidak dipakai.",
    baris="Sel {sel} ({kolom}) sheet {sheet}, {baris}: berlabel triwulan lain: {nilai}. Nilai "
    "tidak dipakai.",
)
NOT_A_NUMBER = define(
    "BACA-009",
    E,
    "Jenis nilai salah",
    "Isi sel dengan teks atau angka biasa.",
    "Sel {sel} ({kolom}) sheet {sheet}, {baris}: berisi {nilai}.",
)

MALFORMED_CELL = define(
    "BACA-010",
    E,
    "Sel rusak di dalam file",
    "File ini ditulis oleh program yang salah menyimpan sel: buka dan simpan ulang di "
    "Excel/LibreOffice, lalu periksa dan ketik ulang nilai sel itu.",
    "Sel {sel} sheet {sheet} {alasan}.",
)

# --- computation (SPEC §3) -----------------------------------------------------------------

NOT_ASSESSED = define(
    "HIT-001",
    W,
    "Indikator tidak dinilai",
    "Lengkapi target (bukan 0) dan realisasi indikator ini agar capaiannya dapat dihitung.",
    "Indikator {kode} ({indikator}) tidak dinilai: {alasan}.",
)
METODE_ASSUMED = define(
    "HIT-002",
    W,
    "Metode akumulasi triwulan diasumsikan",
    "Isi metode akumulasi di sheet Rencana Aksi (Jumlah, Akhir atau Rata-rata) sesuai cara "
    "indikator ini diukur: persen, indeks atau nilai biasanya Akhir (nilai triwulan terakhir), "
    "jumlah laporan atau kegiatan biasanya Jumlah.",
    "Triwulan {kode} diakumulasi dengan metode {metode}, karena metode di sheet Rencana Aksi "
    "{sebab}: {alasan}.",
)

# --- consistency checks (SPEC §5): each run by its function in checks.py -------------------

# what an empty or half-filled workbook lacks, sheet by sheet
NOTHING_FILLED = define(
    "ISI-001",
    E,
    "Bagian workbook belum diisi",
    "Isi sheet itu dari dokumennya (lihat sheet Petunjuk); tanpa bagian ini LKIP tidak dapat "
    "dihitung.",
    "Sheet {sheet}: belum ada {bagian}.",
)


# across documents
PK_VS_RENSTRA = define(
    "PK-001",
    E,
    "Target PK berbeda dengan target Renstra",
    "Samakan target PK dengan target Renstra tahun ini, atau mutakhirkan Renstra bila target "
    "memang diubah resmi.",
    "Target PK indikator {kode} = {pk}, target Renstra {tahun} = {renstra}.",
)
RKT_VS_PK = define(
    "PK-002",
    E,
    "Target RKT berbeda dengan target PK",
    "Target tahunan di RKT dan PK harus sama; perbaiki salah satunya.",
    "Target RKT indikator {kode} = {rkt}, target PK = {pk}.",
)
PK_ANGGARAN = define(
    "PK-003",
    E,
    "Anggaran program di PK tidak sama dengan jumlah pagu sub kegiatannya",
    "Samakan anggaran program di PK dengan jumlah pagu sub kegiatan di RKT/DPA.",
    "Anggaran PK {jenis} {kode} Rp {anggaran}, jumlah pagu sub kegiatannya Rp {pagu} "
    "(selisih Rp {selisih}).",
    sub_kegiatan="Anggaran PK {jenis} {kode} Rp {anggaran}, pagunya Rp {pagu} "
    "(selisih Rp {selisih}).",
)
IKU_WITHOUT_PK = define(
    "PK-004",
    W,
    "IKU tidak ada di Perjanjian Kinerja",
    "Setiap IKU diperjanjikan dalam PK; tambahkan barisnya di sheet PK atau ubah status IKU.",
    "Indikator {kode} ({indikator}) ditandai IKU tetapi tidak ada di PK.",
)
SASARAN_WITHOUT_PK = define(
    "PK-005",
    W,
    "Indikator sasaran tidak ada di Perjanjian Kinerja",
    "Tambahkan target indikator sasaran ini di sheet PK sesuai dokumen PK yang ditandatangani.",
    "Indikator sasaran {kode} tidak ada di PK; capaian diukur terhadap target RKT/Renstra.",
)
SASARAN_WITHOUT_RKT = define(
    "RKT-001",
    INFO,
    "Indikator sasaran tanpa target di RKT",
    "Tambahkan baris 'Indikator Sasaran' di sheet RKT dengan target tahun ini.",
    "Indikator sasaran {kode} tidak punya baris target di RKT.",
)
BELANJA_VS_PAGU = define(
    "ANG-001",
    E,
    "Belanja operasi + belanja modal tidak sama dengan total pagu",
    "Periksa angka belanja operasi/modal di Identitas atau pagu sub kegiatan di RKT.",
    "Belanja operasi + modal = Rp {belanja}, total pagu sub kegiatan = Rp {pagu} "
    "(selisih Rp {selisih}).",
)
PAGU_ROLLUP = define(
    "ANG-002",
    E,
    "Pagu program/kegiatan tidak sama dengan jumlah pagu di bawahnya",
    "Kosongkan pagu program/kegiatan (dihitung otomatis) atau samakan dengan jumlahnya.",
    "Pagu {jenis} {kode} Rp {pagu}, jumlah pagu sub kegiatannya Rp {jumlah_pagu} "
    "(selisih Rp {selisih}).",
)
REALISASI_ROLLUP = define(
    "ANG-006",
    E,
    "Realisasi anggaran program/kegiatan tidak sama dengan jumlah sub kegiatannya",
    "Realisasi program/kegiatan dihitung dari sub kegiatannya: kosongkan sel itu atau isi "
    "realisasi anggaran setiap sub kegiatan di sheet Realisasi.",
    "Realisasi anggaran {jenis} {kode} Rp {realisasi}, jumlah realisasi sub kegiatannya "
    "Rp {jumlah_realisasi}; yang dihitung jumlah sub kegiatannya.",
)
SATUAN_BETWEEN_SHEETS = define(
    "SAT-001",
    W,
    "Satuan indikator berbeda antar sheet",
    "Gunakan satuan yang sama dengan Renstra untuk indikator yang sama.",
    "Satuan indikator {kode} di {sheet} '{satuan}', di Renstra '{satuan_renstra}'.",
)

# rencana aksi
QUARTERS_VS_ANNUAL = define(
    "RA-001",
    W,
    "Target triwulan tidak sampai pada target tahunan",
    "Periksa target TW1-TW4 dan metode akumulasinya: Jumlah harus berjumlah target tahunan, "
    "Akhir harus berakhir di target tahunan.",
    "Target triwulan {kode} menurut metode {metode} = {target_triwulan}, target tahunan = "
    "{target_tahunan}.",
)
QUARTERS_MISSING = define(
    "RA-002",
    W,
    "Target triwulan belum diisi",
    "Isi target TW1-TW4 di sheet Rencana Aksi sesuai dokumen Rencana Aksi.",
    "Rencana Aksi {kode} tidak memuat target triwulan satu pun.",
    tanpa_baris="Indikator sasaran {kode} tidak ada di sheet Rencana Aksi.",
)
CUMULATIVE_GOES_DOWN = define(
    "RA-003",
    W,
    "Realisasi kumulatif triwulan menurun",
    "Realisasi s.d. triwulan tidak boleh turun untuk metode Jumlah; periksa angka triwulannya.",
    "Realisasi s.d. TW{triwulan} {kode} = {realisasi} lebih kecil dari s.d. "
    "TW{triwulan_sebelumnya} = {realisasi_sebelumnya} (ada nilai triwulan negatif).",
)

# plausibility
REALISASI_ABOVE_PAGU = define(
    "ANG-003",
    E,
    "Realisasi anggaran melebihi pagu",
    "Realisasi anggaran tidak boleh melebihi pagu; periksa angka realisasi atau pagunya.",
    "Realisasi anggaran {kode} Rp {realisasi} melebihi pagu Rp {pagu}.",
)
SUB_WITHOUT_REALISASI = define(
    "ANG-004",
    W,
    "Sub kegiatan tanpa realisasi anggaran",
    "Isi realisasi anggaran sub kegiatan di sheet Realisasi (0 bila memang tidak terserap).",
    "Sub kegiatan {kode} berpagu Rp {pagu} tetapi realisasi anggarannya tidak diisi.",
    kosong="Realisasi anggaran sub kegiatan {kode} kosong.",
)
SUB_WITHOUT_PAGU = define(
    "ANG-005",
    E,
    "Sub kegiatan tanpa pagu",
    "Isi pagu sub kegiatan di sheet RKT sesuai DPA (atau, bila anggaran hanya diketahui per "
    "program atau kegiatan, isi pagu di baris program/kegiatan itu).",
    "Sub kegiatan {kode} tidak berpagu.",
)
NEGATIVE_VALUE = define(
    "NIL-001",
    E,
    "Nilai negatif",
    "Target, realisasi dan anggaran tidak bernilai negatif; periksa tanda minus.",
    "Sel {sel} ({kode}) bernilai negatif: {nilai}.",
)
PERCENT_ABOVE_100 = define(
    "NIL-002",
    W,
    "Indikator persen di atas 100",
    "Persentase biasanya 0-100; periksa apakah nilai atau satuannya salah.",
    "Sel {sel}: {nilai} untuk indikator persen {kode}.",
)
CAPAIAN_FAR_ABOVE = define(
    "CAP-001",
    W,
    "Capaian jauh di atas 100 %",
    "Capaian di atas 150 % biasanya berarti target salah ketik atau terlalu rendah; periksa "
    "target dan realisasinya.",
    "Capaian {kode} = {capaian:,.2f} %.",
)
CAPAIAN_FAR_BELOW = define(
    "CAP-002",
    W,
    "Capaian jauh di bawah target",
    "Capaian di bawah 50 %: jelaskan penyebabnya di LKIP, atau periksa target/realisasinya.",
    "Capaian {kode} = {capaian:,.2f} %.",
)
NOT_EFFICIENT = define(
    "EFI-001",
    W,
    "Sasaran tidak efisien",
    "Capaian kinerja sasaran lebih rendah dari serapan anggarannya; jelaskan di analisis "
    "efisiensi LKIP.",
    "Sasaran {kode}: capaian {capaian:,.2f} %, serapan {serapan:,.2f} %, efisiensi "
    "{efisiensi:,.2f} %.",
    pmk="Sasaran {kode}: capaian {capaian:,.2f} %, serapan {serapan:,.2f} %, efisiensi "
    "{efisiensi:,.4f}.",
)
SASARAN_WITHOUT_PROGRAM = define(
    "EFI-002",
    W,
    "Sasaran tanpa program",
    "Hubungkan setidaknya satu program di RKT ke sasaran ini (kolom Kode induk).",
    "Sasaran {kode} tidak didukung program mana pun; efisiensinya tidak dapat dihitung.",
)

# identitas and period
YEAR_OUTSIDE_PERIOD = define(
    "IDN-001",
    E,
    "Tahun laporan di luar periode Renstra",
    "Periksa tahun laporan dan periode Renstra di sheet Identitas.",
    "Tahun laporan {tahun} di luar periode {awal}-{akhir}.",
)
PERIOD_COLUMNS = define(
    "IDN-002",
    W,
    "Kolom target Renstra tidak sesuai periode",
    "Samakan periode Renstra di Identitas dengan tahun pada judul kolom 'Target <tahun>'.",
    "Sheet Renstra tidak punya kolom Target untuk tahun {tahun}.",
)
LAST_YEAR_BUDGET = define(
    "IDN-003",
    E,
    "Realisasi anggaran tahun lalu melebihi pagunya",
    "Periksa pagu dan realisasi anggaran tahun lalu di sheet Identitas.",
    "Realisasi tahun lalu Rp {realisasi} melebihi pagu Rp {pagu}.",
)

# --- SDM (pegawai): checks of the SDM sheet ------------------------------------------------

SDM_OUTSIDE_LIST = define(
    "SDM-002",
    W,
    "Golongan atau pendidikan di luar daftar",
    "Pilih nilai dari daftar di sel itu (mis. III/a, S1) agar pegawai ini terhitung di Tabel 1.2 "
    "dan 1.3.",
    "Golongan '{nilai}' pegawai baris {baris} tidak ada di daftar; tidak dihitung di Tabel 1.2.",
    pendidikan="Pendidikan '{nilai}' pegawai baris {baris} tidak ada di daftar; tidak dihitung "
    "di Tabel 1.3.",
)
ASN_WITHOUT_GOLONGAN = define(
    "SDM-001",
    INFO,
    "ASN tanpa golongan",
    "Isi golongan ruang ASN agar Tabel 1.2 lengkap.",
    "Pegawai ASN baris {baris} ({jabatan}) tanpa golongan.",
)

# --- writing the completed workbook ---------------------------------------------------------

FORMULA_AS_VALUE = define(
    "TUL-001",
    INFO,
    "Rumus melampaui batas Excel, ditulis sebagai nilai",
    "Nilainya benar tetapi tidak ikut berubah bila isian diubah di Excel; jalankan "
    "sakip-xlsx fill lagi setelah mengubah isian.",
    "Sel {sel} sheet '{sheet}': {alasan}; ditulis sebagai nilai.",
)
