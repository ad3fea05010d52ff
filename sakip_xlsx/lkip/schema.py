"""The standard input workbook, described once.

This is the public contract with thousands of staff: every sheet, every column, its Indonesian
header, its key in the model, what it holds, whether it is required, its allowed values, its
width and its help text. The template writer, the reader and the Petunjuk sheet are all driven
from here; no other module lists columns.

Columns whose header carries a year (`Target 2024`, `Realisasi 2022`) are families: the template
expands them for the Renstra period it is asked for, the reader recognises any year.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_TAHUN = 2025
"""Default tahun laporan of the blank template: the first year of the RPJMD cycle most daerah
started after the 2024 Pilkada. Being a constant keeps the committed template reproducible."""
DEFAULT_PERIODE = (2025, 2029)
RPJMN_CYCLE = 5
"""National medium-term plans run 2020-2024, 2025-2029, ...; most Renstra follow that cycle."""


def periode_for(tahun: int) -> tuple[int, int]:
    """The five-year period of the RPJMN cycle that contains `tahun` (2024 -> 2020-2024):
    the Renstra period to assume when only the year is given."""
    awal = DEFAULT_PERIODE[0] + ((tahun - DEFAULT_PERIODE[0]) // RPJMN_CYCLE) * RPJMN_CYCLE
    return awal, awal + RPJMN_CYCLE - 1


class Kind(StrEnum):
    """What a column holds; decides how the reader parses it and how the template formats it."""

    TEXT = "teks"
    CODE = "kode"
    MEASURE = "angka/teks capaian"
    RUPIAH = "rupiah"
    YEAR = "tahun"
    CHOICE = "pilihan"
    SUGGEST = "teks (ada saran pilihan)"
    DATE = "tanggal"


MEASURED = frozenset((Kind.MEASURE, Kind.RUPIAH))
"""The kinds read as values (number, range, grade or unreadable text), never as plain text."""


KIND_HELP: dict[Kind, str] = {
    Kind.TEXT: "Teks bebas.",
    Kind.CODE: "Kode unik yang Anda tentukan (mis. S1, P1.2 atau 7.01.01). Ditulis sebagai teks.",
    Kind.MEASURE: (
        "Angka, boleh dengan satuan atau format Indonesia: 90%, 81,9, 4 Dok, B (63), 80-90."
    ),
    Kind.RUPIAH: "Jumlah rupiah: 1961144146, 1.961.144.146 atau Rp 1.961.144.146,00.",
    Kind.YEAR: "Tahun empat angka, mis. 2023.",
    Kind.CHOICE: "Pilih dari daftar.",
    Kind.SUGGEST: "Pilih dari daftar atau tulis sendiri.",
    Kind.DATE: "Tanggal, mis. 29-01-2024 atau 29 Januari 2024.",
}


class Jenis(StrEnum):
    """What a Renstra or RKT row is, and what a code in PK/Rencana Aksi/Realisasi names."""

    TUJUAN = "Tujuan"
    SASARAN = "Sasaran"
    INDIKATOR_TUJUAN = "Indikator Tujuan"
    INDIKATOR_SASARAN = "Indikator Sasaran"
    PROGRAM = "Program"
    KEGIATAN = "Kegiatan"
    SUB_KEGIATAN = "Sub Kegiatan"


class Polaritas(StrEnum):
    POSITIF = "Positif"
    NEGATIF = "Negatif"
    RENTANG = "Rentang"


class Metode(StrEnum):
    """How quarterly or yearly values accumulate."""

    JUMLAH = "Jumlah"
    AKHIR = "Akhir"
    RATA_RATA = "Rata-rata"


class Skala(StrEnum):
    PERMENPANRB = "PermenPANRB 88/2021"
    PERMENDAGRI = "Permendagri 86/2017"


class MetodeEfisiensi(StrEnum):
    RASIO = "Rasio capaian/serapan"
    PMK = "PMK 214/2017"


POLARITAS = tuple(Polaritas)
METODE = tuple(Metode)
JENIS_RENSTRA = (Jenis.TUJUAN, Jenis.SASARAN)
JENIS_RKT = (Jenis.INDIKATOR_SASARAN, Jenis.PROGRAM, Jenis.KEGIATAN, Jenis.SUB_KEGIATAN)
YA_TIDAK = ("Ya", "Tidak")
STATUS_PEGAWAI = ("ASN", "Non ASN")
BATAS_CAPAIAN = ("100", "120", "Tanpa batas")
SKALA_PREDIKAT = tuple(Skala)
METODE_EFISIENSI = tuple(MetodeEfisiensi)
ANGGARAN_LEVELS = (Jenis.PROGRAM, Jenis.KEGIATAN, Jenis.SUB_KEGIATAN)
GOLONGAN = (*tuple(f"{g}/{s}" for g in ("I", "II", "III", "IV") for s in "abcd"), "IV/e")
PANGKAT = dict(
    zip(
        GOLONGAN,
        (
            "Juru Muda",
            "Juru Muda Tingkat I",
            "Juru",
            "Juru Tingkat I",
            "Pengatur Muda",
            "Pengatur Muda Tingkat I",
            "Pengatur",
            "Pengatur Tingkat I",
            "Penata Muda",
            "Penata Muda Tingkat I",
            "Penata",
            "Penata Tingkat I",
            "Pembina",
            "Pembina Tingkat I",
            "Pembina Utama Muda",
            "Pembina Utama Madya",
            "Pembina Utama",
        ),
        strict=True,
    )
)
"""The pangkat of each golongan ruang of a PNS (PP 99/2000)."""
PENDIDIKAN = ("SD", "SLTP", "SMA/SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3")

# Accepted spellings for list values, so `positif`, `neg` or `rata rata` still read.
CHOICE_ALIASES: dict[str, str] = {
    "pos": "Positif",
    "neg": "Negatif",
    "range": "Rentang",
    "rata rata": "Rata-rata",
    "ratarata": "Rata-rata",
    "rerata": "Rata-rata",
    "rata-rata": "Rata-rata",
    "sum": "Jumlah",
    "kumulatif": "Jumlah",
    "y": "Ya",
    "iya": "Ya",
    "t": "Tidak",
    "tdk": "Tidak",
    "non-asn": "Non ASN",
    "nonasn": "Non ASN",
    "non pns": "Non ASN",
    "pns": "ASN",
    "pppk": "ASN",
    "subkegiatan": "Sub Kegiatan",
    "sub-kegiatan": "Sub Kegiatan",
    "indikator": "Indikator Sasaran",
    "sasaran": "Indikator Sasaran",
    "tanpa": "Tanpa batas",
    "tidak dibatasi": "Tanpa batas",
    "none": "Tanpa batas",
    "permenpanrb": "PermenPANRB 88/2021",
    "permendagri": "Permendagri 86/2017",
    "rasio": "Rasio capaian/serapan",
    "pmk": "PMK 214/2017",
    # pendidikan as staff lists write it (the reference LKIP prints SMA/STM)
    "sma/stm": "SMA/SMK",
    "sma": "SMA/SMK",
    "smk": "SMA/SMK",
    "stm": "SMA/SMK",
    "smu": "SMA/SMK",
    "slta": "SMA/SMK",
    "ma": "SMA/SMK",
    "smp": "SLTP",
    "mts": "SLTP",
    "mi": "SD",
    "d-i": "D1",
    "d-ii": "D2",
    "diii": "D3",
    "d-iii": "D3",
    "d iii": "D3",
    "div": "D4",
    "d-iv": "D4",
    "d iv": "D4",
    "s-1": "S1",
    "s-2": "S2",
    "s-3": "S3",
}


@dataclass(frozen=True)
class Column:
    """One column of an input sheet (or one field of the Identitas sheet)."""

    key: str
    header: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    width: float = 14
    help: str = ""
    per_year: bool = False
    default: str | None = None
    descriptive: bool = False
    """Text for the reader (an uraian, a note): carried as typed into the completed workbook,
    never computed with."""
    applies_to: tuple[str, ...] = ()
    """The row kinds (jenis of the row or of the code it names) this column is read for;
    empty means every kind. A value typed for another kind is reported, never dropped."""

    def header_for(self, year: int | None = None) -> str:
        return self.header.format(year=year) if self.per_year else self.header

    @property
    def header_pattern(self) -> re.Pattern[str]:
        """Matches this column's header as users may retype it (case and spaces ignored)."""
        return _header_pattern(self.header, self.per_year)


@dataclass(frozen=True)
class SheetSpec:
    """One input sheet: a table with a header row, or (Identitas) a list of labelled fields."""

    name: str
    title: str
    purpose: str
    source: str
    columns: tuple[Column, ...]
    optional: bool = False
    key_value: bool = False
    aliases: tuple[str, ...] = ()
    derived: tuple[str, ...] = field(default=())

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


@functools.lru_cache(maxsize=512)
def _header_pattern(header: str, per_year: bool) -> re.Pattern[str]:
    """Built once per header: every header cell of every workbook is matched against them."""
    if not per_year:
        return re.compile("^" + re.escape(normalise_header(header)) + "$")
    before, after = header.split("{year}")
    return re.compile(
        "^"
        + re.escape(normalise_header(before))
        + r"\s*(\d{4})\s*"
        + re.escape(normalise_header(after))
        + "$"
    )


@functools.lru_cache(maxsize=4096)
def normalise_header(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\n", " ").strip().lower()
    text = re.sub(r"\s*\*\s*$", "", text)  # a trailing "*" marks required columns
    return re.sub(r"\s+", " ", text)


def sheet_key(title: str) -> str:
    """What a typed sheet name is taken to mean: case, spaces, '_' and '-' do not count
    ('realisasi ', 'Realisasi_' and 'REALISASI' all mean Realisasi)."""
    return re.sub(r"[\s_\-]+", "", title.strip().lower())


def find_sheet(titles: list[str], names: tuple[str, ...]) -> str | None:
    """The sheet of `titles` that stands for the first of `names` found. When several tabs
    look alike ('Realisasi' and 'Realisasi_'), the one named exactly wins, then the one that
    differs only in case or outer spaces, then the first in tab order, so the figures never
    depend on the order of the tabs; the others are left for the caller to name."""
    for name in names:
        key = sheet_key(name)
        alike = [(i, t) for i, t in enumerate(titles) if sheet_key(t) == key]
        if alike:
            folded = name.casefold()
            return min(
                alike, key=lambda it: (it[1] != name, it[1].strip().casefold() != folded, it[0])
            )[1]
    return None


C = Column


def _dokumen(key: str, header: str, where: str) -> Column:
    """A text of the LKIP document that the instansi writes, kept in the workbook so that no
    edit is ever made in the DOCX (and none is lost at the next run)."""
    return C(key, header, Kind.TEXT, help=f"Teks dokumen LKIP, {where}", descriptive=True)


IDENTITAS = SheetSpec(
    name="Identitas",
    title="Identitas instansi dan pengaturan",
    purpose=(
        "Data sampul dan kata pengantar LKIP, anggaran ringkas, serta pengaturan cara hitung. "
        "Isi kolom Nilai di samping setiap isian."
    ),
    source="Sampul, kata pengantar, DPA",
    key_value=True,
    columns=(
        C("nama_instansi", "Nama instansi", Kind.TEXT, True, help="Mis. Kecamatan Puger."),
        C("pemerintah_daerah", "Pemerintah daerah", Kind.TEXT, True, help="Mis. Kabupaten Jember."),
        C("tahun_laporan", "Tahun laporan", Kind.YEAR, True, help="Tahun kinerja yang dilaporkan."),
        C("periode_awal", "Periode Renstra - tahun awal", Kind.YEAR, True),
        C("periode_akhir", "Periode Renstra - tahun akhir", Kind.YEAR, True),
        C("kepala_nama", "Nama kepala instansi", Kind.TEXT, True),
        C("kepala_nip", "NIP kepala instansi", Kind.TEXT, help="Ditulis sebagai teks."),
        C("kepala_pangkat", "Pangkat/golongan kepala", Kind.TEXT),
        C("kepala_jabatan", "Jabatan kepala", Kind.TEXT, True, help="Mis. Camat Puger."),
        C("atasan_nama", "Nama atasan", Kind.TEXT, help="Pihak kedua Perjanjian Kinerja."),
        C("atasan_jabatan", "Jabatan atasan", Kind.TEXT, help="Mis. Bupati Jember."),
        C("atasan_pangkat", "Pangkat/golongan atasan", Kind.TEXT, help="Kosong bila bukan ASN."),
        C("atasan_nip", "NIP atasan", Kind.TEXT, help="Kosong bila bukan ASN (mis. bupati)."),
        C("tempat", "Tempat penandatanganan", Kind.TEXT),
        C("tanggal", "Tanggal penandatanganan", Kind.DATE),
        C("belanja_operasi", "Belanja operasi tahun laporan (Rp)", Kind.RUPIAH),
        C("belanja_modal", "Belanja modal tahun laporan (Rp)", Kind.RUPIAH),
        C("pagu_tahun_lalu", "Pagu anggaran tahun lalu (Rp)", Kind.RUPIAH),
        C("realisasi_tahun_lalu", "Realisasi anggaran tahun lalu (Rp)", Kind.RUPIAH),
        C(
            "tugas_fungsi",
            "Tugas pokok dan fungsi",
            Kind.TEXT,
            help="Teks Bab I dokumen LKIP; boleh beberapa kalimat.",
            descriptive=True,
        ),
        C(
            "struktur_organisasi",
            "Struktur organisasi",
            Kind.TEXT,
            help="Teks Bab I: susunan organisasi (mis. Camat, Sekretaris, 5 Seksi).",
            descriptive=True,
        ),
        C(
            "isu_strategis",
            "Isu strategis",
            Kind.TEXT,
            help="Teks Bab I: isu strategis instansi.",
            descriptive=True,
        ),
        C(
            "batas_capaian",
            "Batas atas capaian (%)",
            Kind.CHOICE,
            choices=BATAS_CAPAIAN,
            default="100",
            help=(
                "Capaian di atas batas dihitung sama dengan batas untuk predikat dan rata-rata "
                "(umumnya 100). Capaian di bawah 0 dihitung 0."
            ),
        ),
        C(
            "skala_predikat",
            "Skala predikat",
            Kind.CHOICE,
            choices=SKALA_PREDIKAT,
            default=SKALA_PREDIKAT[0],
            help="PermenPANRB 88/2021 (AA s.d. D) atau Permendagri 86/2017 (Sangat Tinggi dst.).",
        ),
        C(
            "metode_efisiensi",
            "Metode efisiensi",
            Kind.CHOICE,
            choices=METODE_EFISIENSI,
            default=METODE_EFISIENSI[0],
            help=(
                "Rasio: capaian kinerja dibagi serapan anggaran. PMK 214/2017: berbasis output "
                "sub kegiatan."
            ),
        ),
        # the texts of the LKIP document the instansi writes: each replaces the default
        # sentence (or the placeholder) of its section; a new line starts a new paragraph
        _dokumen("kata_pengantar", "Kata pengantar", "Kata Pengantar (di atas tanda tangan)."),
        _dokumen("latar_belakang", "Latar belakang", "Bab I.A Latar Belakang."),
        _dokumen("maksud_tujuan", "Maksud dan tujuan", "Bab I.B Maksud dan Tujuan penyusunan."),
        _dokumen("profil", "Profil instansi", "Bab I.C Profil: wilayah, penduduk, layanan."),
        _dokumen("simpulan", "Simpulan", "Bab IV Penutup: simpulan atas capaian kinerja."),
        _dokumen("kendala", "Kendala umum", "Bab IV Penutup: kendala yang dihadapi."),
        _dokumen("langkah", "Langkah ke depan", "Bab IV Penutup: langkah perbaikan ke depan."),
        _dokumen(
            "penghargaan",
            "Penghargaan yang diterima",
            "Lampiran Penghargaan: satu penghargaan per baris (nama, pemberi, tahun).",
        ),
        C(
            "pk_tanggal",
            "Tanggal Perjanjian Kinerja",
            Kind.DATE,
            help="Tanggal PK ditandatangani (bila kosong: tanggal penandatanganan LKIP).",
        ),
        C(
            "pk_perubahan",
            "Perjanjian Kinerja Perubahan",
            Kind.CHOICE,
            choices=YA_TIDAK,
            default="Tidak",
            help="Ya bila PK yang berlaku adalah PK Perubahan (judulnya ikut berubah).",
        ),
        C("apip_nama", "Nama pereviu APIP", Kind.TEXT, help="Untuk Pernyataan Telah Direviu."),
        C("apip_nip", "NIP pereviu APIP", Kind.TEXT),
        C("apip_jabatan", "Jabatan pereviu APIP", Kind.TEXT, help="Mis. Inspektur Kabupaten."),
        C("apip_tanggal", "Tanggal reviu APIP", Kind.DATE),
        C(
            "logo",
            "Logo pemerintah daerah",
            Kind.TEXT,
            help="Tempel gambar logo (PNG/JPEG) di sheet ini, mis. di sel ini: Sisipkan > "
            "Gambar. Dipakai di sampul dokumen LKIP dan dibawa ke isian tahun berikutnya.",
            descriptive=True,
        ),
    ),
)

RENSTRA = SheetSpec(
    name="Renstra",
    title="Tujuan, sasaran dan indikator Renstra",
    purpose=(
        "Satu baris per indikator tujuan atau sasaran, dengan target setiap tahun periode. "
        "Sasaran dengan dua indikator ditulis dua baris dengan kode sasaran yang sama; jenis, "
        "uraian dan kode induknya ditulis sama di setiap baris (yang dipakai baris pertama)."
    ),
    source="Renstra / Renstra Perubahan, keputusan IKU",
    columns=(
        C("jenis", "Jenis", Kind.CHOICE, True, JENIS_RENSTRA, 10, "Tujuan atau Sasaran."),
        C("kode", "Kode", Kind.CODE, True, width=9, help="Kode tujuan/sasaran, mis. T1 atau S1."),
        C(
            "kode_induk",
            "Kode induk",
            Kind.CODE,
            width=9,
            help="Untuk sasaran: kode tujuannya. Untuk tujuan: kosong.",
        ),
        C("uraian", "Uraian tujuan/sasaran", Kind.TEXT, True, width=40),
        C(
            "kode_indikator",
            "Kode indikator",
            Kind.CODE,
            True,
            width=11,
            help="Kode unik indikator, mis. IS1. Dipakai di RKT, PK, Rencana Aksi, Realisasi.",
        ),
        C("indikator", "Indikator", Kind.TEXT, True, width=40),
        C("satuan", "Satuan", Kind.TEXT, True, width=10, help="Mis. %, Indeks, Dokumen."),
        C(
            "polaritas",
            "Polaritas",
            Kind.CHOICE,
            True,
            POLARITAS,
            10,
            "Positif: makin tinggi makin baik. Negatif: makin rendah makin baik. "
            "Rentang: target rentang yang positif, mis. 80-90. Target rentang (80-90, 80 – 90, "
            "80 s.d. 90) boleh untuk polaritas mana pun: di dalam rentang capaian 100; di luar, "
            "batas terdekat menjadi target — Positif/Rentang: R/batas x 100 (60-70, R 77: 110); "
            "Negatif: (2 - R/batas) x 100 (10-12, R 15: 75).",
            default="Positif",
        ),
        C(
            "metode_tahunan",
            "Metode akumulasi tahunan",
            Kind.CHOICE,
            False,
            METODE,
            12,
            "Cara realisasi tahunan menuju target akhir Renstra: Akhir (nilai tahun terakhir, "
            "untuk persentase/indeks), Jumlah (dijumlahkan tiap tahun), Rata-rata.",
            default="Akhir",
        ),
        C("kondisi_awal", "Kondisi awal", Kind.MEASURE, width=11),
        C("target", "Target {year}", Kind.MEASURE, per_year=True, width=11),
        C("target_akhir", "Target akhir periode", Kind.MEASURE, width=12),
        C(
            "iku",
            "IKU",
            Kind.CHOICE,
            False,
            YA_TIDAK,
            7,
            "Ya bila indikator ini IKU.",
            default="Tidak",
        ),
    ),
)

RKT = SheetSpec(
    name="RKT",
    title="Rencana Kinerja Tahunan: cascading sasaran - program - kegiatan - sub kegiatan",
    purpose=(
        "Satu baris per target indikator sasaran tahun ini, dan satu baris per program, "
        "kegiatan dan sub kegiatan. Setiap baris menyebut kode induknya."
    ),
    source="RKT / Renja / DPA",
    columns=(
        C(
            "jenis",
            "Jenis",
            Kind.CHOICE,
            True,
            JENIS_RKT,
            16,
            "Indikator Sasaran (target tahun ini dari RKT), Program, Kegiatan, Sub Kegiatan.",
        ),
        C(
            "kode",
            "Kode",
            Kind.CODE,
            True,
            width=16,
            help="Untuk Indikator Sasaran: kode indikator Renstra. Lainnya: kode program/kegiatan/"
            "sub kegiatan (mis. P1, P1.2 atau 7.01.01.2.02.01).",
        ),
        C(
            "kode_induk",
            "Kode induk",
            Kind.CODE,
            width=14,
            help="Program: kode sasaran Renstra yang didukung. Kegiatan: kode program. "
            "Sub kegiatan: kode kegiatan.",
            applies_to=ANGGARAN_LEVELS,
        ),
        C("uraian", "Uraian", Kind.TEXT, True, width=40, descriptive=True),
        C("indikator", "Indikator", Kind.TEXT, width=36, descriptive=True),
        C("satuan", "Satuan", Kind.TEXT, width=10, descriptive=True),
        C("target", "Target", Kind.MEASURE, width=11),
        C(
            "pagu",
            "Pagu (Rp)",
            Kind.RUPIAH,
            width=17,
            help="Wajib untuk sub kegiatan; pada program/kegiatan diperiksa terhadap jumlahnya.",
            applies_to=ANGGARAN_LEVELS,
        ),
    ),
)

KODE_INDIKATOR_ATAU_RKT = C(
    "kode", "Kode", Kind.CODE, True, width=16, help="Kode indikator Renstra atau kode RKT."
)
URAIAN_PEMBACA = C(
    "uraian",
    "Uraian",
    Kind.TEXT,
    width=40,
    help="Hanya untuk memudahkan membaca.",
    descriptive=True,
)
"""Columns Rencana Aksi and Realisasi share: the code a row is about, and its name for the
reader."""

RENCANA_AKSI = SheetSpec(
    name="Rencana Aksi",
    title="Rencana Aksi: target per triwulan",
    purpose=(
        "Satu baris per indikator (sasaran atau output sub kegiatan) dengan target TW1-TW4 "
        "seperti tertulis di dokumen Rencana Aksi."
    ),
    source="Rencana Aksi",
    derived=("Target tahunan menurut metode", "Target tahunan (PK/RKT)", "Selisih"),
    columns=(
        KODE_INDIKATOR_ATAU_RKT,
        URAIAN_PEMBACA,
        C("target_tw1", "Target TW1", Kind.MEASURE, width=11),
        C("target_tw2", "Target TW2", Kind.MEASURE, width=11),
        C("target_tw3", "Target TW3", Kind.MEASURE, width=11),
        C("target_tw4", "Target TW4", Kind.MEASURE, width=11),
        C(
            "metode",
            "Metode akumulasi",
            Kind.CHOICE,
            False,
            METODE,
            12,
            "Jumlah: target tahunan = TW1+TW2+TW3+TW4. Akhir: target tahunan = TW4. "
            "Rata-rata: rata-rata triwulan.",
            default="Jumlah",
        ),
    ),
)

PK = SheetSpec(
    name="PK",
    title="Perjanjian Kinerja",
    purpose=(
        "Isi seperti lampiran PK yang ditandatangani: satu baris per indikator sasaran "
        "(dengan target) dan satu baris per program (dengan anggaran)."
    ),
    source="Perjanjian Kinerja / PK Perubahan",
    columns=(
        C("kode", "Kode", Kind.CODE, True, width=12, help="Kode indikator Renstra atau program."),
        C("uraian", "Sasaran strategis / program", Kind.TEXT, True, width=42, descriptive=True),
        C("indikator", "Indikator kinerja", Kind.TEXT, width=40, descriptive=True),
        C("satuan", "Satuan", Kind.TEXT, width=10, descriptive=True),
        C("target", "Target", Kind.MEASURE, width=11),
        C(
            "anggaran",
            "Anggaran (Rp)",
            Kind.RUPIAH,
            width=17,
            help="Untuk program (juga kegiatan/sub kegiatan bila PK memuatnya): diperiksa "
            "terhadap jumlah pagu di RKT.",
            applies_to=ANGGARAN_LEVELS,
        ),
        C(
            "keterangan",
            "Keterangan",
            Kind.TEXT,
            width=14,
            help="Mis. APBD, P-APBD.",
            descriptive=True,
        ),
    ),
)


def _narasi(key: str, header: str, about: str) -> Column:
    """A text column of an indicator's Realisasi row that the Bab III narrative quotes."""
    return C(
        key,
        header,
        Kind.TEXT,
        width=30,
        help=f"Untuk narasi Bab III: {about}",
        descriptive=True,
        applies_to=(Jenis.INDIKATOR_TUJUAN, Jenis.INDIKATOR_SASARAN),
    )


REALISASI = SheetSpec(
    name="Realisasi",
    title="Realisasi kinerja dan anggaran",
    purpose=(
        "Satu baris per indikator sasaran/tujuan dan per sub kegiatan: realisasi triwulan, "
        "realisasi tahunan, realisasi tahun-tahun sebelumnya, realisasi nasional, dan untuk "
        "sub kegiatan realisasi anggaran."
    ),
    source="Data kinerja, SIPD/SIMDA",
    derived=(
        "Target acuan",
        "Capaian (%)",
        "Capaian dibatasi (%)",
        "Predikat",
        "Pagu sub kegiatan (Rp)",
        "Serapan (%)",
        "Sisa anggaran (Rp)",
    ),
    columns=(
        KODE_INDIKATOR_ATAU_RKT,
        URAIAN_PEMBACA,
        C("realisasi_tw1", "Realisasi TW1", Kind.MEASURE, width=11),
        C("realisasi_tw2", "Realisasi TW2", Kind.MEASURE, width=11),
        C("realisasi_tw3", "Realisasi TW3", Kind.MEASURE, width=11),
        C("realisasi_tw4", "Realisasi TW4", Kind.MEASURE, width=11),
        C(
            "realisasi",
            "Realisasi tahunan",
            Kind.MEASURE,
            width=12,
            help="Realisasi tahun laporan (untuk program: realisasi indikator outcome; untuk "
            "kegiatan dan sub kegiatan: realisasi output).",
            applies_to=(
                Jenis.INDIKATOR_TUJUAN,
                Jenis.INDIKATOR_SASARAN,
                Jenis.PROGRAM,
                Jenis.KEGIATAN,
                Jenis.SUB_KEGIATAN,
            ),
        ),
        C(
            "realisasi_anggaran",
            "Realisasi anggaran (Rp)",
            Kind.RUPIAH,
            width=17,
            help="Untuk sub kegiatan; pada program/kegiatan diperiksa terhadap jumlah sub "
            "kegiatannya.",
            applies_to=ANGGARAN_LEVELS,
        ),
        C(
            "realisasi_lalu",
            "Realisasi {year}",
            Kind.MEASURE,
            per_year=True,
            width=11,
            help="Realisasi indikator sasaran pada tahun sebelumnya dalam periode Renstra.",
            applies_to=(Jenis.INDIKATOR_SASARAN,),
        ),
        C(
            "realisasi_nasional",
            "Realisasi nasional",
            Kind.MEASURE,
            width=12,
            help="Realisasi nasional indikator sasaran yang sama, untuk perbandingan.",
            applies_to=(Jenis.INDIKATOR_SASARAN,),
        ),
        _narasi("faktor_pendorong", "Faktor pendorong", "apa yang membantu tercapainya target."),
        _narasi("faktor_penghambat", "Faktor penghambat", "penyebab target belum tercapai."),
        _narasi("upaya", "Upaya / rencana tindak lanjut", "langkah perbaikan ke depan."),
        C("sumber", "Sumber data", Kind.TEXT, width=20, descriptive=True),
    ),
)

SDM = SheetSpec(
    name="SDM",
    title="Sumber daya manusia",
    purpose="Satu baris per pegawai (tanpa nama). Boleh dikosongkan.",
    source="Bab I.D, data kepegawaian",
    optional=True,
    columns=(
        C("jabatan", "Jabatan", Kind.TEXT, True, width=40),
        C("status", "Status", Kind.CHOICE, True, STATUS_PEGAWAI, 10),
        C(
            "golongan",
            "Golongan",
            Kind.SUGGEST,
            False,
            GOLONGAN,
            10,
            "Kosong untuk Non ASN.",
            applies_to=("ASN",),
        ),
        C("pendidikan", "Pendidikan", Kind.SUGGEST, False, PENDIDIKAN, 12),
        C("unit_kerja", "Unit kerja", Kind.TEXT, width=28, descriptive=True),
        C("keterangan", "Keterangan", Kind.TEXT, width=20, descriptive=True),
    ),
)

IDENTITAS_HEADINGS = ("Isian", "Nilai", "Keterangan")
"""Row 1 of the Identitas sheet: the label, the value the reader reads, and a note."""

INPUT_SHEETS: tuple[SheetSpec, ...] = (IDENTITAS, RENSTRA, RKT, RENCANA_AKSI, PK, REALISASI, SDM)
PETUNJUK_SHEET = "Petunjuk"
CATATAN_SHEET = "Catatan"
"""The first sheet of an isian the tool made (next year's, or with SIPD's realisasi): where it
came from and what must still be checked."""


def sheet(name: str) -> SheetSpec:
    for spec in INPUT_SHEETS:
        if spec.name == name:
            return spec
    raise KeyError(name)


def years_for(column: Column, tahun: int, periode: tuple[int, int]) -> list[int]:
    """The years a per-year column family is expanded for in the template."""
    awal, akhir = periode
    if column.key == "target":
        return list(range(awal, akhir + 1))
    if column.key == "realisasi_lalu":
        # the years before the report year in the period, and always the year before it (in
        # the first year of a period, Tabel 3.2 still compares with last year)
        return list(range(min(awal, tahun - 1), tahun))
    return []


def expanded_headers(
    spec: SheetSpec, tahun: int, periode: tuple[int, int]
) -> list[tuple[Column, int | None]]:
    """The concrete columns of a sheet in template order."""
    out: list[tuple[Column, int | None]] = []
    for col in spec.columns:
        if col.per_year:
            out.extend((col, y) for y in years_for(col, tahun, periode))
        else:
            out.append((col, None))
    return out


_GOLONGAN_TEXT = re.compile(r"(iv|i{1,3})\s*[/\-. ]?\s*([a-e])")


def canonical_choice(text: str, choices: tuple[str, ...]) -> str | None:
    """The list value a user meant, or None. Case, spaces and common aliases are forgiven."""
    key = re.sub(r"\s+", " ", text.strip().lower())
    for choice in choices:
        if key == choice.lower():
            return choice
    alias = CHOICE_ALIASES.get(key) or CHOICE_ALIASES.get(key.replace(" ", ""))
    if alias in choices:
        return alias
    golongan = _GOLONGAN_TEXT.fullmatch(key)  # `III a`, `iii-a`, `III.a`
    if golongan:
        spelled = f"{golongan.group(1).upper()}/{golongan.group(2)}"
        if spelled in choices:
            return spelled
    for choice in choices:  # `Tanpa batas (tidak dibatasi)` and the like
        if key.startswith(choice.lower()):
            return choice
    return None
