"""Where things live in the completed workbook, as formula references.

Formulas point at the normalised input cells; a value with no cell (an optional column left
out, a row that does not exist) becomes the constant "" or the default the computation used.
"""

from __future__ import annotations

from .. import formulas as X
from ..model import Cell, Laporan
from ..results import Hasil
from ..schema import IDENTITAS, REALISASI, RENCANA_AKSI, RENSTRA, Metode, Polaritas


class Context:
    def __init__(self, laporan: Laporan, hasil: Hasil) -> None:
        self.laporan = laporan
        self.hasil = hasil

    def cell(self, cell: Cell) -> str:
        if cell.sheet and cell.ref:
            return X.ref(cell.sheet, cell.ref)
        return X.BLANK

    def column_cell(self, sheet: str, key: str, row: int) -> str | None:
        letter = self.laporan.column(sheet, key)
        return X.ref(sheet, f"{letter}{row}") if letter else None

    def identitas(self, key: str, default: str) -> str:
        row = self.laporan.identitas.rows.get(key)
        return X.ref(IDENTITAS.name, f"B{row}") if row else default

    @property
    def cap(self) -> str:
        cap = self.hasil.pengaturan.cap
        return self.identitas("batas_capaian", X.BLANK if cap is None else X.number(cap))

    @property
    def skala(self) -> str:
        return self.identitas("skala_predikat", X.text(self.hasil.pengaturan.skala))

    def polaritas(self, kode: str) -> str:
        ind = self.laporan.indikator.get(kode)
        if ind is None:
            return X.text(Polaritas.POSITIF)
        return self.column_cell(RENSTRA.name, "polaritas", ind.row) or X.text(ind.polaritas)

    def metode_tahunan(self, kode: str) -> str:
        ind = self.laporan.indikator[kode]
        return self.column_cell(RENSTRA.name, "metode_tahunan", ind.row) or X.text(
            ind.metode_tahunan
        )

    def metode_ra(self, kode: str) -> str:
        ra = self.laporan.rencana_aksi[kode]
        return self.column_cell(RENCANA_AKSI.name, "metode", ra.row) or X.text(ra.metode)

    def realisasi(self, kode: str) -> str:
        """The year's realisasi as a formula: the annual cell when it holds a number, otherwise
        the quarters accumulated by the Rencana Aksi metode (as `compute.realisasi_tahunan`)."""
        rea = self.laporan.realisasi.get(kode)
        if rea is None:
            return X.BLANK
        annual = self.column_cell(REALISASI.name, "realisasi", rea.row) or X.BLANK
        quarters = [self.cell(c) for c in rea.triwulan if c.sheet]
        if not quarters:
            return X.number_or_blank(annual)
        metode = (
            self.metode_ra(kode) if kode in self.laporan.rencana_aksi else X.text(Metode.JUMLAH)
        )
        accumulated = X.sampai_dengan(quarters, metode, not rea.triwulan[3].sheet)
        return f"IF(ISNUMBER({annual}),{annual},{accumulated})"

    def capaian(self, kode: str, target: Cell, t: str, r: str) -> str:
        """The capaian formula for an indicator: Rentang targets carry their bounds."""
        ind = self.laporan.indikator.get(kode)
        if ind is not None and ind.polaritas == Polaritas.RENTANG and target.value.is_range:
            return X.capaian_rentang(target.value.lower, target.value.upper, r)
        return X.capaian(t, r, self.polaritas(kode))
