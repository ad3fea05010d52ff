"""Expressions for the input values the tables start from.

A value typed in a cell becomes a reference to that cell (the completed workbook keeps every
input cell where the user put it); a value with no cell — an optional column left out, a row
that does not exist — becomes the constant the computation used, or blank.
"""

from __future__ import annotations

from ..model import Cell, Laporan
from ..results import Hasil
from ..schema import IDENTITAS, REALISASI, RENCANA_AKSI, RENSTRA, Metode, Polaritas
from .spec import BLANK, Expr, Input, Num, Text, call


class Sources:
    def __init__(self, laporan: Laporan, hasil: Hasil) -> None:
        self.laporan = laporan
        self.hasil = hasil

    def cell(self, cell: Cell) -> Expr:
        if cell.sheet and cell.ref:
            return Input(cell.sheet, cell.ref)
        return BLANK

    def number(self, cell: Cell) -> Expr:
        """The input as a number, blank when it is text or empty."""
        return call("number_or_blank", self.cell(cell))

    def column_cell(self, sheet: str, key: str, row: int) -> Input | None:
        letter = self.laporan.column(sheet, key)
        return Input(sheet, f"{letter}{row}") if letter else None

    def identitas(self, key: str, default: Expr) -> Expr:
        row = self.laporan.identitas.rows.get(key)
        return Input(IDENTITAS.name, f"B{row}") if row else default

    @property
    def cap(self) -> Expr:
        cap = self.hasil.pengaturan.cap
        return self.identitas("batas_capaian", BLANK if cap is None else Num(cap))

    @property
    def skala(self) -> Expr:
        return self.identitas("skala_predikat", Text(self.hasil.pengaturan.skala))

    def polaritas(self, kode: str) -> Expr:
        ind = self.laporan.indikator.get(kode)
        if ind is None:
            return Text(Polaritas.POSITIF)
        return self.column_cell(RENSTRA.name, "polaritas", ind.row) or Text(ind.polaritas)

    def metode_tahunan(self, kode: str) -> Expr:
        ind = self.laporan.indikator[kode]
        return self.column_cell(RENSTRA.name, "metode_tahunan", ind.row) or Text(ind.metode_tahunan)

    def metode_ra(self, kode: str) -> Expr:
        ra = self.laporan.rencana_aksi[kode]
        return self.column_cell(RENCANA_AKSI.name, "metode", ra.row) or Text(ra.metode)

    def realisasi(self, kode: str) -> Expr:
        """The year's realisasi: the annual cell when it holds a number, otherwise the quarters
        accumulated by the Rencana Aksi metode (as `compute.realisasi_tahunan`)."""
        rea = self.laporan.realisasi.get(kode)
        if rea is None:
            return BLANK
        annual = self.column_cell(REALISASI.name, "realisasi", rea.row) or BLANK
        quarters = tuple(self.cell(c) for c in rea.triwulan if c.sheet)
        if not quarters:
            return call("number_or_blank", annual)
        metode = self.metode_ra(kode) if kode in self.laporan.rencana_aksi else Text(Metode.JUMLAH)
        accumulated = call("sampai_dengan", quarters, metode, not rea.triwulan[3].sheet)
        return call("number_or", annual, accumulated)

    def capaian(self, kode: str, target: Cell, t: Expr, r: Expr) -> Expr:
        """The capaian of an indicator: a range target carries its bounds."""
        if target.value.is_range:
            return call(
                "capaian_rentang", target.value.lower, target.value.upper, r, self.polaritas(kode)
            )
        return call("capaian", t, r, self.polaritas(kode))
