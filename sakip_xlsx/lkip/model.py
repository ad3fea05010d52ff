"""The typed model of one filled input workbook.

Every record remembers the sheet row it came from and every value the cell it came from, so
computation results and findings can point back at what the user typed. Nothing here knows about
spreadsheets libraries: the reader fills it, computation and findings only read it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from sakip_xlsx.lkip.findings import Finding
from sakip_xlsx.lkip.schema import Jenis, Skala
from sakip_xlsx.lkip.values import MISSING, Parsed


@dataclass(frozen=True, slots=True)
class Cell:
    """A parsed value and where it lives (`None` sheet for values that have no cell).

    The place is kept as numbers (1-based row, 0-based column) and its A1 reference made when
    asked: a kabupaten model holds over 100,000 cells, and one reference string each was a
    sixth of its memory."""

    value: Parsed = MISSING
    sheet: str | None = None
    row: int = 0
    col: int = -1

    @property
    def ref(self) -> str | None:
        """`C18`, or None for a value that has no cell."""
        if self.col < 0:
            return None
        return f"{column_letter(self.col)}{self.row}"

    @property
    def number(self) -> float | None:
        return self.value.number

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.ref}" if self.sheet and self.ref else ""


def _spelled(col: int) -> str:
    letters = ""
    col += 1
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = [_spelled(col) for col in range(702)]
"""Column letters A..ZZ, looked up rather than spelled out for each cell."""


def column_letter(col: int) -> str:
    """`A` for 0; any non-negative index (beyond XFD too, for reporting stray cells)."""
    return _LETTERS[col] if col < 702 else _spelled(col)


EMPTY = Cell()


FORMAT_KEY = 1 << 20
"""`SheetGrid.formats` is keyed by row * FORMAT_KEY + column: one int per cell instead of a
(row, column) tuple."""


@dataclass(slots=True)
class SheetGrid:
    """The non-empty cells of one sheet: row number (1-based) -> column index (0-based) ->
    value, with the number formats that are not General and what the XML alone can tell.
    Sparse on purpose: a stray value at XFD1048576 costs one entry, not a billion."""

    title: str
    rows: dict[int, dict[int, object]] = field(default_factory=dict)
    column_formats: dict[int, str] = field(default_factory=dict)
    """Per column, the number format of its second value ("" for General; the first is often
    the column's heading): the format most of its cells share, stored once instead of per
    cell (a third of a kabupaten grid's memory)."""
    formats: dict[int, str] = field(default_factory=dict)
    """The number formats of the cells whose format is not their column's, by
    row * FORMAT_KEY + column ("" for General)."""
    no_cached_value: set[str] = field(default_factory=set)
    """A1 references of formula cells saved without their result."""
    formula_cells: set[int] = field(default_factory=set)
    """The cells holding a formula with its result, by row * FORMAT_KEY + column (in an input
    sheet only a completed workbook's derived columns have them)."""
    merged: list[str] = field(default_factory=list)
    malformed: dict[str, str] = field(default_factory=dict)
    """Cells the XML itself gets wrong, by their reference as written (`A0` for a cell on a
    row 0 that no sheet has): why, in a clause of Indonesian. Their values are not guessed."""

    def value(self, row: int, col: int) -> object:
        line = self.rows.get(row)
        return None if line is None else line.get(col)

    def number_format(self, row: int, col: int) -> str:
        """The number format of a cell holding a value ("" for General)."""
        fmt = self.formats.get(row * FORMAT_KEY + col)
        return self.column_formats.get(col, "") if fmt is None else fmt

    def row_numbers(self) -> list[int]:
        return sorted(self.rows)

    @property
    def cell_count(self) -> int:
        return sum(len(line) for line in self.rows.values())


IDENTITAS_RUPIAH = ("belanja_operasi", "belanja_modal", "pagu_tahun_lalu", "realisasi_tahun_lalu")
"""The Identitas fields that are rupiah cells (the others are text, years and choices)."""


@dataclass(slots=True)
class Identitas:
    nama_instansi: str = ""
    pemerintah_daerah: str = ""
    tahun_laporan: int | None = None
    periode_awal: int | None = None
    periode_akhir: int | None = None
    kepala_nama: str = ""
    kepala_nip: str = ""
    kepala_pangkat: str = ""
    kepala_jabatan: str = ""
    atasan_nama: str = ""
    atasan_jabatan: str = ""
    atasan_pangkat: str = ""
    atasan_nip: str = ""
    tugas_fungsi: str = ""
    struktur_organisasi: str = ""
    isu_strategis: str = ""
    tempat: str = ""
    tanggal: _dt.date | str | None = None
    belanja_operasi: Cell = EMPTY
    belanja_modal: Cell = EMPTY
    pagu_tahun_lalu: Cell = EMPTY
    realisasi_tahun_lalu: Cell = EMPTY
    batas_capaian: str = "100"
    skala_predikat: str = Skala.PERMENPANRB
    metode_efisiensi: str = "Rasio capaian/serapan"
    kata_pengantar: str = ""
    latar_belakang: str = ""
    maksud_tujuan: str = ""
    profil: str = ""
    simpulan: str = ""
    kendala: str = ""
    langkah: str = ""
    penghargaan: str = ""
    pk_tanggal: _dt.date | str | None = None
    pk_perubahan: str = "Tidak"
    apip_nama: str = ""
    apip_nip: str = ""
    apip_jabatan: str = ""
    apip_tanggal: _dt.date | str | None = None
    logo: str = ""
    logo_gambar: bytes = b""
    """The picture placed on the Identitas sheet (PNG or JPEG): the pemda's logo on the
    cover, carried by every workbook written from this one."""
    rows: dict[str, int] = field(default_factory=dict)
    """The sheet row of each field, for pointing findings and formulas at it."""
    choices_read: set[str] = field(default_factory=set)
    """The settings taken from their cell; a blank or off-list cell leaves the default, which
    formulas then state as a constant (the cell holds nothing the rule used)."""

    @property
    def cap(self) -> float | None:
        """The capaian cap as a number, None for no cap."""
        if self.batas_capaian == "Tanpa batas":
            return None
        return float(self.batas_capaian)


@dataclass(slots=True)
class Indikator:
    """A tujuan or sasaran indicator from the Renstra."""

    kode: str
    jenis: str  # Jenis.TUJUAN or Jenis.SASARAN
    kode_sasaran: str  # the tujuan/sasaran code the indicator belongs to
    kode_induk: str
    uraian: str
    indikator: str
    satuan: str
    polaritas: str
    metode_tahunan: str
    kondisi_awal: Cell
    targets: dict[int, Cell]
    target_akhir: Cell
    iku: bool
    row: int
    metode_tahunan_diisi: bool = True
    """Whether the metode akumulasi tahunan was typed (otherwise Akhir is the default)."""


@dataclass(slots=True)
class Sasaran:
    """A tujuan or sasaran (the statement), grouping its indicators."""

    kode: str
    jenis: str
    uraian: str
    kode_induk: str
    row: int
    indikator: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RktItem:
    """A program, kegiatan or sub kegiatan of the year's cascade."""

    jenis: str  # Jenis.PROGRAM, Jenis.KEGIATAN, Jenis.SUB_KEGIATAN
    kode: str
    kode_induk: str
    uraian: str
    indikator: str
    satuan: str
    target: Cell
    pagu: Cell
    row: int
    children: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RktTarget:
    """The year's target of a sasaran indicator as the RKT states it."""

    kode: str
    uraian: str
    indikator: str
    satuan: str
    target: Cell
    row: int


@dataclass(slots=True)
class PkRow:
    kode: str
    uraian: str
    indikator: str
    satuan: str
    target: Cell
    anggaran: Cell
    keterangan: str
    row: int


@dataclass(slots=True)
class RencanaAksi:
    kode: str
    uraian: str
    targets: tuple[Cell, Cell, Cell, Cell]
    metode: str
    row: int
    metode_diisi: bool = True
    """Whether the metode was typed; otherwise `compute` assumes one from the indicator
    (`rules.metode_assumed`) and a finding says which and why."""
    metode_sebab: str = ""
    """Why the assumed metode was taken, in Indonesian (empty when typed)."""


@dataclass(slots=True)
class Realisasi:
    kode: str
    uraian: str
    triwulan: tuple[Cell, Cell, Cell, Cell]
    realisasi: Cell
    anggaran: Cell
    tahun_lalu: dict[int, Cell]
    nasional: Cell
    sumber: str
    row: int
    faktor_pendorong: str = ""
    faktor_penghambat: str = ""
    upaya: str = ""


@dataclass(slots=True)
class Pegawai:
    jabatan: str
    status: str
    golongan: str
    pendidikan: str
    unit_kerja: str
    keterangan: str
    row: int


@dataclass  # one per workbook, with a lazily built index in its __dict__
class Laporan:
    """Everything read from one input workbook, plus the problems met while reading it."""

    source: str
    identitas: Identitas = field(default_factory=Identitas)
    sasaran: dict[str, Sasaran] = field(default_factory=dict)
    indikator: dict[str, Indikator] = field(default_factory=dict)
    rkt: dict[str, RktItem] = field(default_factory=dict)
    rkt_target: dict[str, RktTarget] = field(default_factory=dict)
    pk: list[PkRow] = field(default_factory=list)
    rencana_aksi: dict[str, RencanaAksi] = field(default_factory=dict)
    realisasi: dict[str, Realisasi] = field(default_factory=dict)
    sdm: list[Pegawai] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    """The target years found on the Renstra sheet."""
    years_lalu: list[int] = field(default_factory=list)
    """The earlier-year realisasi columns found on the Realisasi sheet."""
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per sheet, the column letter of each column key (`target:2023` for year columns)."""
    header_rows: dict[str, int] = field(default_factory=dict)
    sheets_present: set[str] = field(default_factory=set)
    grids: dict[str, SheetGrid] = field(default_factory=dict, repr=False)
    """The raw cell values of each input sheet, so the completed workbook keeps the user's
    layout (rows, columns, title rows) and every finding's cell reference stays valid."""
    grids_released: bool = False
    """Set when `fill`, their last user, let the grids go sheet by sheet as it wrote them (a
    large workbook's grids are a fifth of its memory): writing again then refuses instead of
    leaving the input sheets out."""
    table_width: dict[str, int] = field(default_factory=dict)
    """Per table sheet, how many columns its header row spans (derived columns go right of
    the table and of every other value present)."""
    derived_columns: dict[str, set[int]] = field(default_factory=dict)
    """Per sheet, the 0-based columns holding a completed workbook's derived columns: read
    again as input, they are dropped and written anew."""
    lengkap: bool = False
    """Read from a completed workbook (it has the LKIP tables), not from an isian."""
    sha256: str = ""
    sumber_sha256: str = ""
    """For a completed workbook: the SHA-256 of the isian it was filled from."""
    findings: list[Finding] = field(default_factory=list)
    other_sheets: dict[str, SheetGrid | str] = field(default_factory=dict)
    """The user's own sheets beside the input sheets, in tab order: the cells the reader saw
    (at most its row limit for such a sheet), or why it could not read them. A new isian names
    them instead of opening the workbook again."""
    catatan_reviu: list = field(default_factory=list)
    """The remarks of a completed workbook's *Catatan Reviu* sheet (`reviu.Catatan`), kept
    when it is filled again."""

    # --- views used by computation and the writer -------------------------------------------
    def programs(self) -> list[RktItem]:
        return [i for i in self.rkt.values() if i.jenis == Jenis.PROGRAM]

    def kegiatan(self) -> list[RktItem]:
        return [i for i in self.rkt.values() if i.jenis == Jenis.KEGIATAN]

    def sub_kegiatan(self) -> list[RktItem]:
        return [i for i in self.rkt.values() if i.jenis == Jenis.SUB_KEGIATAN]

    def sasaran_indikator(self) -> list[Indikator]:
        return [i for i in self.indikator.values() if i.jenis == Jenis.SASARAN]

    def pk_target(self, kode: str) -> PkRow | None:
        # an index kept outside the dataclass fields, so comparing or converting models
        # (asdict) is not affected by whether it was built yet
        index = self.__dict__.get("_pk_index")
        if index is None or len(index) != len(self.pk):
            index = {}
            for row in self.pk:
                index.setdefault(row.kode, row)
            self.__dict__["_pk_index"] = index
        return index.get(kode)

    def descendants(self, kode: str, jenis: str = Jenis.SUB_KEGIATAN) -> list[RktItem]:
        """All RKT items of a level below `kode`, depth first in the order the sheet lists
        the children."""
        out: list[RktItem] = []
        seen = {kode}
        stack = list(reversed(self.rkt[kode].children)) if kode in self.rkt else []
        while stack:
            current = stack.pop()
            if current in seen or current not in self.rkt:
                continue
            seen.add(current)
            item = self.rkt[current]
            if item.jenis == jenis:
                out.append(item)
            stack.extend(reversed(item.children))
        return out

    def programs_of(self, kode_sasaran: str) -> list[RktItem]:
        # indexed once (outside the dataclass fields, as pk_target's index): asked per sasaran,
        # a scan each time was quadratic at kabupaten size
        index = self.__dict__.get("_programs_index")
        if index is None or index[0] != len(self.rkt):
            by_parent: dict[str, list[RktItem]] = {}
            for program in self.programs():
                by_parent.setdefault(program.kode_induk, []).append(program)
            index = self.__dict__["_programs_index"] = (len(self.rkt), by_parent)
        return list(index[1].get(kode_sasaran, ()))

    def measure_cells(self) -> Iterator[tuple[str, Cell]]:
        """Every measured value read from a data sheet, with the code it belongs to."""
        for ind in self.indikator.values():
            for cell in (ind.kondisi_awal, ind.target_akhir, *ind.targets.values()):
                yield ind.kode, cell
        for item in self.rkt.values():
            yield item.kode, item.target
            yield item.kode, item.pagu
        for target in self.rkt_target.values():
            yield target.kode, target.target
        for row in self.pk:
            yield row.kode, row.target
            yield row.kode, row.anggaran
        for ra in self.rencana_aksi.values():
            for cell in ra.targets:
                yield ra.kode, cell
        for rea in self.realisasi.values():
            for cell in (*rea.triwulan, rea.realisasi, rea.nasional, *rea.tahun_lalu.values()):
                yield rea.kode, cell
            yield rea.kode, rea.anggaran

    def satuan_of(self, kode: str) -> str:
        if kode in self.indikator:
            return self.indikator[kode].satuan
        if kode in self.rkt:
            return self.rkt[kode].satuan
        return ""

    def column(self, sheet: str, key: str) -> str | None:
        return self.columns.get(sheet, {}).get(key)
