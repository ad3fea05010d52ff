"""Findings: what is wrong with a workbook, where, and what to do about it.

Shaped like a validation report of a declarative table schema: each finding carries a stable
code, a severity, the sheet and cell it points at, an Indonesian message saying what is wrong
and a suggestion saying what to do. Reading problems (SPEC §4) and consistency checks (SPEC §5)
share this shape and one registry of codes, so `check`, the Temuan sheet and the README all list
the same things.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "peringatan"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "peringatan": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class RuleInfo:
    """The fixed part of a finding: its code, severity, a title and the advice to give."""

    code: str
    severity: Severity
    title: str
    suggestion: str


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

    @property
    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def sort_key(self) -> tuple:
        return (self.severity.rank, self.sheet or "", _cell_order(self.cell), self.code)

    def as_dict(self) -> dict[str, object]:
        return {
            "kode": self.code,
            "tingkat": self.severity.value,
            "sheet": self.sheet,
            "sel": self.cell,
            "pesan": self.message,
            "saran": self.suggestion,
            "sel_terkait": list(self.related),
        }


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


def define(code: str, severity: Severity, title: str, suggestion: str) -> RuleInfo:
    """Register a finding code once; a second definition of the same code is a bug."""
    if code in REGISTRY:
        raise ValueError(f"finding code defined twice: {code}")
    info = RuleInfo(code, severity, title, suggestion)
    REGISTRY[code] = info
    return info


def finding(
    info: RuleInfo,
    message: str,
    sheet: str | None = None,
    cell: str | None = None,
    related: tuple[str, ...] = (),
) -> Finding:
    return Finding(
        code=info.code,
        severity=info.severity,
        message=message,
        suggestion=info.suggestion,
        sheet=sheet,
        cell=cell,
        related=related,
    )


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

# Reading and structure (SPEC §2, §4): raised by the reader while it builds the model.
MISSING_SHEET = define(
    "STR-001", E, "Sheet wajib tidak ada", "Gunakan workbook dari `sakip-xlsx template`."
)
MISSING_COLUMN = define(
    "STR-002",
    E,
    "Kolom wajib tidak ditemukan",
    "Kembalikan judul kolom persis seperti di template (urutan boleh berbeda).",
)
UNKNOWN_COLUMN = define(
    "STR-003",
    INFO,
    "Kolom tidak dikenal diabaikan",
    "Hapus kolom itu atau biarkan; isinya tidak dibaca.",
)
REQUIRED_EMPTY = define(
    "STR-004", E, "Isian wajib kosong", "Lengkapi sel tersebut; baris ini tidak dapat dihitung."
)
DUPLICATE_CODE = define(
    "STR-005", E, "Kode ganda", "Setiap kode hanya boleh dipakai satu kali; ubah salah satunya."
)
UNKNOWN_PARENT = define(
    "STR-006",
    E,
    "Kode induk tidak ada",
    "Tulis kode induk yang ada di sheet induknya (kode yang hanya mirip awalan tidak dihitung).",
)
UNKNOWN_CODE = define(
    "STR-007",
    E,
    "Kode tidak dikenal",
    "Gunakan kode yang sudah ada di Renstra atau RKT, atau tambahkan baris itu di sana.",
)
WRONG_LEVEL = define(
    "STR-008",
    E,
    "Jenis induk tidak sesuai",
    "Program berinduk sasaran, kegiatan berinduk program, sub kegiatan berinduk kegiatan.",
)
MERGED_CELLS = define(
    "STR-009",
    W,
    "Sel digabung di area data",
    "Pisahkan sel gabungan (Unmerge) dan isi setiap baris; satu baris = satu data.",
)
UNREADABLE = define(
    "BACA-001",
    E,
    "Nilai tidak dapat dibaca",
    "Tulis angka saja, boleh dengan satuan atau format Indonesia (mis. 81,9 atau 12 Laporan).",
)
ERROR_VALUE = define(
    "BACA-002",
    E,
    "Sel berisi galat rumus",
    "Perbaiki rumus di sel itu atau ganti dengan nilainya.",
)
DATE_VALUE = define(
    "BACA-003",
    E,
    "Tanggal di kolom angka",
    "Format sel berubah menjadi tanggal; ubah format sel ke Angka/Teks lalu ketik ulang nilainya.",
)
NO_CACHED_VALUE = define(
    "BACA-004",
    W,
    "Rumus tanpa nilai tersimpan",
    "Buka dan simpan ulang file di Excel/LibreOffice agar hasil rumus ikut tersimpan, "
    "atau ganti rumus dengan nilainya.",
)
UNIT_MISMATCH = define(
    "BACA-005",
    W,
    "Satuan berbeda dengan satuan indikator",
    "Periksa apakah nilai ini memang untuk indikator tersebut; samakan satuannya.",
)
FRACTION_PERCENT = define(
    "BACA-006",
    W,
    "Pecahan pada indikator persen",
    "Untuk satuan %, tulis 90 atau 90% (bukan 0,9), atau beri sel format persen.",
)
NOT_IN_LIST = define(
    "BACA-007", E, "Nilai di luar daftar pilihan", "Pilih salah satu nilai dari daftar di sel itu."
)
WRONG_QUARTER = define(
    "BACA-008",
    W,
    "Label triwulan tidak sesuai kolom",
    "Triwulan hanya TW1-TW4; pindahkan nilai ke kolom triwulannya dan hapus labelnya.",
)
NOT_A_NUMBER = define(
    "BACA-009",
    E,
    "Jenis nilai salah",
    "Isi sel dengan teks atau angka biasa.",
)
STRAY_VALUE = define(
    "STR-010",
    W,
    "Nilai di luar tabel tidak dibaca",
    "Pindahkan nilai ke kolom yang benar, beri kolomnya judul dari template, atau hapus nilai "
    "itu (Ctrl+End menunjukkan sel terakhir yang terisi).",
)
ABOVE_HEADER = define(
    "STR-011",
    INFO,
    "Sel di atas judul kolom tidak dibaca",
    "Baris di atas judul kolom dianggap judul laporan; data ditulis di bawah judul kolom.",
)
UNKNOWN_FIELD = define(
    "STR-012",
    W,
    "Isian Identitas tidak dikenal",
    "Tulis label isian persis seperti di template (kolom A) dan nilainya di kolom B.",
)
DUPLICATE_FIELD = define(
    "STR-013",
    W,
    "Isian Identitas ganda",
    "Hapus baris ganda; setiap isian Identitas hanya ditulis satu kali.",
)
NOT_APPLICABLE = define(
    "STR-014",
    W,
    "Nilai tidak berlaku untuk jenis baris ini",
    "Kosongkan sel itu, atau pindahkan nilainya ke baris yang jenisnya memakai kolom ini "
    "(lihat sheet Petunjuk).",
)
