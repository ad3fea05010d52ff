"""What the library returns: the figures of one workbook (`Hasil` and its parts), a check, a
fill, and the rollup of many workbooks.

These types sit below every writer and above nothing but the model, so a writer (xlsx today,
the LKIP document next) reads results without importing the computation, and the rollup's
writer reads the rollup without importing the code that builds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.findings import Finding, Severity
from sakip_xlsx.lkip.model import EMPTY, Cell, Indikator, Laporan, RencanaAksi, RktItem, Sasaran


@dataclass(slots=True)
class Pengaturan:
    cap: float | None
    skala: str
    metode_efisiensi: str
    tahun: int


@dataclass(slots=True)
class HasilIndikator:
    indikator: Indikator
    target: Cell
    target_sumber: str
    realisasi: Cell
    capaian: float | None
    dibatasi: float | None
    predikat: str
    alasan: str | None
    years: list[int]
    """The years shown (Tabel 3.2): awal..tahun of the Renstra period, and the year before
    tahun when tahun opens the period."""
    realisasi_per_tahun: dict[int, Cell]
    realisasi_sd: float | None
    capaian_akhir: float | None
    capaian_akhir_dibatasi: float | None
    """`capaian_akhir` in [0, cap], as a capaian is used: a negative indicator far above its
    end target computes below 0 (R = 14 against 6: -33,33 %), which reads as nothing achieved."""
    tren: str
    nasional: Cell
    selisih_nasional: float | None
    banding_nasional: str
    periode_years: list[int] = field(default_factory=list)
    """The years of the period up to tahun: those the Renstra progress (Tabel 3.3) counts."""


@dataclass(slots=True)
class HasilSasaran:
    sasaran: Sasaran
    indikator: list[str]
    dinilai: int
    """How many of its indicators could be assessed."""
    rata_rata: float | None
    predikat: str
    programs: list[str]
    pagu: float | None
    realisasi: float | None
    serapan: float | None
    efisiensi: float | None
    efisien: str


@dataclass(slots=True)
class HasilAnggaran:
    """Budget and output figures of one program, kegiatan or sub kegiatan."""

    item: RktItem
    pagu: float | None
    realisasi: float | None
    serapan: float | None
    sisa: float | None
    realisasi_cell: Cell = EMPTY
    output_realisasi: Cell = EMPTY
    output_capaian: float | None = None
    nilai_output: float | None = None
    """PMK 214/2017: pagu x capaian output (capped), for sub kegiatan with all three known."""
    sub_kegiatan: list[str] = field(default_factory=list)


@dataclass(slots=True)
class HasilRencanaAksi:
    rencana: RencanaAksi
    polaritas: str
    target: list[float | None]
    target_sd: list[float | None]
    realisasi: list[Cell]
    realisasi_sd: list[float | None]
    capaian_sd: list[float | None]
    target_tahunan: float | None
    """The annual target the quarters imply under the metode (TW4 s.d.)."""
    target_acuan: Cell
    """The annual target of the indicator (PK, else RKT, else Renstra)."""
    selisih: float | None
    """target_tahunan - target_acuan: 0 when the quarters reach the annual target."""
    capaian_tahunan_sd: list[float | None]


@dataclass(slots=True)
class TabelHitung:
    """A count table (SDM): row labels and per row the counts per column."""

    columns: list[str]
    rows: list[tuple[str, list[int]]]

    @property
    def totals(self) -> list[int]:
        return [sum(r[1][i] for r in self.rows) for i in range(len(self.columns))]


@dataclass(slots=True)
class Hasil:
    laporan: Laporan
    pengaturan: Pengaturan
    indikator: dict[str, HasilIndikator]
    sasaran: dict[str, HasilSasaran]
    anggaran: dict[str, HasilAnggaran]
    orphans: list[str]
    """Sub kegiatan whose cascade does not reach a program: counted in the total only."""
    total_pagu: float
    total_realisasi: float | None
    """None when no realisasi anggaran was typed at all."""
    total_serapan: float | None
    total_sisa: float
    serapan_lalu: float | None
    perubahan_serapan: float | None
    rata_rata: float | None
    predikat: str
    rencana_aksi: dict[str, HasilRencanaAksi]
    sdm_jabatan: TabelHitung
    sdm_golongan: TabelHitung
    sdm_pendidikan: TabelHitung
    findings: list[Finding]

    @property
    def pagu_diisi(self) -> bool:
        """Whether any pagu was given at all (else a total of 0 means nothing was typed)."""
        return any(a.pagu is not None for a in self.anggaran.values())

    @property
    def realisasi_anggaran_diisi(self) -> bool:
        """Whether any realisasi anggaran was given at all."""
        return any(a.realisasi is not None for a in self.anggaran.values())


@dataclass(slots=True)
class Pemeriksaan:
    """What `check` produces: the model's results and every finding, errors first."""

    hasil: Hasil
    findings: list[Finding]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def has_warnings(self) -> bool:
        return any(f.severity is Severity.WARNING for f in self.findings)


@dataclass(slots=True)
class DokumenResult(Pemeriksaan):
    """What `dokumen` produces: the check, and where the LKIP document was written."""

    source: Path
    output: Path
    """The .docx."""
    pdf: Path | None = None
    belum_diisi: list[str] = field(default_factory=list)
    """The parts of the document the instansi has still to write (its placeholders), each a
    phrase in Indonesian; `dokumen` lists them and exits 1 while any is left."""
    templat_dibuang: list[str] = field(default_factory=list)
    """What the Word template held and the document did not take (macros, external links,
    DDE fields, embedded objects), in Indonesian."""


@dataclass(slots=True)
class ImporSipd:
    """What `impor-sipd` produces: the new isian and how SIPD's realisasi fit the RKT."""

    source: Path
    sipd: Path
    output: Path
    tahun: int
    applied: dict[str, float]
    """Sub kegiatan code (as the RKT writes it) -> realisasi anggaran written."""
    quarters: dict[str, list[float]]
    """The same codes -> realisasi per quarter (TW1..TW4), for the terminal and Catatan."""
    selisih: list
    """`sipd.Selisih` lines: what does not fit (absent codes, other years, duplicates, …)."""
    tidak_dibawa: list[str] = field(default_factory=list)
    """Values of the isian the new one does not hold, `Sheet!A1: 'teks'` (`carried`)."""


@dataclass(slots=True)
class IsianBaru:
    """What `template --dari` produces: next year's isian, and the values of last year's
    workbook it does not hold (`Sheet!A1: 'teks'`), also listed on its Catatan sheet."""

    source: Path
    output: Path
    tidak_dibawa: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FillResult(Pemeriksaan):
    """What `fill` produces: the check, and where the completed workbook was written."""

    source: Path
    output: Path
    formula_count: int
    catatan_dibawa: int = 0
    """Reviewers' remarks kept from the completed workbook this one replaced (`--force` over
    the reviewed workbook, filled from the corrected isian)."""
    dokumen: DokumenResult | None = None
    """The LKIP document, when `fill` was asked to write it too."""


# --- the rollup of many workbooks (`gabung`) -------------------------------------------------


@dataclass(frozen=True, slots=True)
class SasaranRingkas:
    kode: str
    uraian: str
    rata_rata: float | None
    predikat: str
    efisien: str


@dataclass(frozen=True, slots=True)
class ProgramRingkas:
    kode: str
    uraian: str
    pagu: float | None
    realisasi: float | None
    serapan: float | None


@dataclass(frozen=True, slots=True)
class Ringkas:
    """What the rollup keeps of one OPD workbook."""

    file: str
    instansi: str
    tahun: int | None
    indikator: int
    dinilai: int
    rata_rata: float | None
    predikat: str
    pagu: float
    realisasi: float | None
    """None when the OPD typed no realisasi anggaran."""
    serapan: float | None
    error: int
    peringatan: int
    info: int
    sasaran: tuple[SasaranRingkas, ...] = ()
    program: tuple[ProgramRingkas, ...] = ()
    pemda: str = ""
    lengkap: bool = False
    """A completed workbook (written by `fill`), not an isian."""
    sha256: str = ""
    sumber_sha256: str = ""
    """For a completed workbook: the digest of the isian it was filled from."""
    mtime: float = 0.0
    kosong: bool = False
    """Nothing filled in: a blank template."""
    catatan: tuple = ()
    """The workbook's review remarks (`reviu.Catatan`) as a re-fill would keep them."""
    kode_temuan: tuple[tuple[str, int], ...] = ()
    """How many findings of each code the workbook has."""

    @property
    def catatan_terbuka(self) -> int:
        return sum(1 for c in self.catatan if c.open)

    @property
    def catatan_selesai(self) -> int:
        return len(self.catatan) - self.catatan_terbuka

    @property
    def key(self) -> tuple[str, str, int | None]:
        """One OPD report: instansi, pemda and tahun (case and spacing ignored)."""
        return (fold(self.instansi), fold(self.pemda), self.tahun)


def shown(text: str) -> str:
    """A path as text that every file format and terminal accepts: a name that is not valid
    UTF-8 (folders unzipped from Windows or chat archives) keeps its odd bytes as `\\xff`."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def fold(text: str) -> str:
    """A name compared with another: case and spacing ignored."""
    return " ".join(text.split()).casefold()


class Alasan(StrEnum):
    """Why a file was not counted; the rekap groups and explains them."""

    TIDAK_TERBACA = "tidak terbaca"
    BUKAN_SAKIP = "bukan workbook SAKIP"
    REKAP = "rekap gabung"
    KOSONG = "kosong"
    FORMAT_LAIN = "format lain"
    GANDA = "ganda"
    TAHUN_LAIN = "tahun lain"
    PROSES_BERHENTI = "proses berhenti"


@dataclass(frozen=True, slots=True)
class Gagal:
    """A file that is not counted in the totals, and why."""

    file: str
    reason: str
    alasan: Alasan = Alasan.TIDAK_TERBACA

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shown(self.file))
        object.__setattr__(self, "reason", shown(self.reason))


@dataclass(slots=True)
class Rekap:
    opd: list[Ringkas] = field(default_factory=list)
    tidak_dihitung: list[Gagal] = field(default_factory=list)
    tahun: int | None = None
    daftar: list[str] = field(default_factory=list)
    """The instansi expected (`--daftar`), in the list's order."""
    belum_mengirim: list[str] = field(default_factory=list)
    """Those of `daftar` without a counted workbook."""

    @property
    def total_pagu(self) -> float:
        return rules.jumlah([o.pagu for o in self.opd])

    @property
    def total_realisasi(self) -> float:
        return rules.jumlah([o.realisasi for o in self.opd])  # as SUM over the rekap's column

    @property
    def total_serapan(self) -> float | None:
        """Kabupaten serapan: total realisasi / total pagu, never a mean of percentages."""
        return rules.ratio_percent(self.total_realisasi, self.total_pagu)

    @property
    def rata_rata(self) -> float | None:
        """Mean of the OPD averages that could be assessed."""
        return rules.mean([o.rata_rata for o in self.opd])

    def sebaran_predikat(self, unassessed: str) -> list[tuple[str, int]]:
        """How many OPDs have each predikat, best first (`unassessed` names the others)."""
        counts: dict[str, int] = {}
        for o in self.opd:
            label = o.predikat or unassessed
            counts[label] = counts.get(label, 0) + 1
        known = [p for p in rules.predikat_labels() if p in counts]
        return [(p, counts[p]) for p in known + sorted(set(counts) - set(known))]

    def temuan_per_kode(self) -> list[tuple[str, int, int, int]]:
        """(code, OPDs with it, findings, open remarks about it), the most widespread first:
        the rules that fail most across OPDs."""
        opds: dict[str, int] = {}
        total: dict[str, int] = {}
        remarks: dict[str, int] = {}
        for o in self.opd:
            for code, n in o.kode_temuan:
                opds[code] = opds.get(code, 0) + 1
                total[code] = total.get(code, 0) + n
            for c in o.catatan:
                if c.kode and c.open:
                    remarks[c.kode] = remarks.get(c.kode, 0) + 1
        ordered = sorted(total, key=lambda code: (-opds[code], -total[code], code))
        return [(code, opds[code], total[code], remarks.get(code, 0)) for code in ordered]


def ranks(ordered: list[Ringkas]) -> list[int]:
    """The rank of each OPD of `ranking`'s order: equal rata-rata as printed (two decimals)
    share a rank, and the next rank skips past them (1, 1, 1, 4), as a ranking is read."""
    shown = [
        None if o.rata_rata is None else rules.spreadsheet_round(o.rata_rata, 2) for o in ordered
    ]
    out: list[int] = []
    for position, value in enumerate(shown, start=1):
        tie = position > 1 and value is not None and value == shown[position - 2]
        out.append(out[-1] if tie else position)
    return out


def ranking(opd: list[Ringkas]) -> list[Ringkas]:
    """Highest rata-rata first; ties by name; OPD without an assessed capaian last."""
    return sorted(
        opd,
        key=lambda o: (o.rata_rata is None, -(o.rata_rata or 0.0), o.instansi.lower(), o.file),
    )
