"""Expressions for the input values the tables start from.

A value typed in a cell becomes a reference to that cell (the completed workbook keeps every
input cell where the user put it); a value with no cell — an optional column left out, a row
that does not exist — becomes the constant the computation used, or blank.
"""

from __future__ import annotations

import functools

from sakip_xlsx.document.spec import BLANK, Expr, Input, Num, Slot, Text, call, fill
from sakip_xlsx.lkip.compute import metode_akumulasi
from sakip_xlsx.lkip.model import Cell, Laporan
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import IDENTITAS, REALISASI, RENCANA_AKSI, RENSTRA, Polaritas


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
        """A setting's cell when its value was used; otherwise the default the computation
        used, as a constant (a blank cap cell is the default 100, not "no cap")."""
        ident = self.laporan.identitas
        row = ident.rows.get(key)
        return Input(IDENTITAS.name, f"B{row}") if row and key in ident.choices_read else default

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
        if not ind.metode_tahunan_diisi:  # the default the computation used, as a constant
            return Text(ind.metode_tahunan)
        return self.column_cell(RENSTRA.name, "metode_tahunan", ind.row) or Text(ind.metode_tahunan)

    def metode_ra(self, kode: str) -> Expr:
        """The metode cell when it was typed; otherwise the metode `compute` assumed, as a
        constant (a blank cell would read as Jumlah in the formula)."""
        ra = self.laporan.rencana_aksi.get(kode)
        if ra is None or not ra.metode_diisi:
            return Text(metode_akumulasi(self.laporan, kode)[0])
        return self.column_cell(RENCANA_AKSI.name, "metode", ra.row) or Text(ra.metode)

    def realisasi(self, kode: str) -> Expr:
        """The year's realisasi: the annual cell when it holds a number, otherwise the quarters
        accumulated by the Rencana Aksi metode (as `compute.realisasi_tahunan`)."""
        quarters, values = self.realisasi_parts(kode)
        return fill(realisasi_shape(quarters, 0), values)

    def realisasi_parts(self, kode: str) -> tuple[tuple[bool, ...], tuple[Expr, ...]]:
        """`realisasi` as the structure of its expression (which quarters have a cell; empty
        for no Realisasi row) and the values of its slots, for `realisasi_shape`."""
        rea = self.laporan.realisasi.get(kode)
        if rea is None:
            return (), ()
        annual = self.column_cell(REALISASI.name, "realisasi", rea.row) or BLANK
        present = tuple(bool(c.sheet) for c in rea.triwulan)
        if not any(present):
            return present, (annual,)
        metode = self.metode_ra(kode)
        return present, (annual, metode, *(self.cell(c) for c in rea.triwulan if c.sheet))

    def capaian(self, kode: str, target: Cell, t: Expr, r: Expr) -> Expr:
        """The capaian of an indicator: a range target carries its bounds."""
        if target.value.is_range:
            return call(
                "capaian_rentang", target.value.lower, target.value.upper, r, self.polaritas(kode)
            )
        return call("capaian", t, r, self.polaritas(kode))


@functools.cache  # at most 2**4 structures a slot numbering
def realisasi_shape(quarters: tuple[bool, ...], first: int) -> Expr:
    """The expression of `Sources.realisasi` for a structure, its slots numbered from `first`:
    the annual cell, then the metode and the quarter cells that exist."""
    if not quarters:
        return BLANK
    annual = Slot(first)
    if not any(quarters):
        return call("number_or_blank", annual)
    cells = tuple(Slot(first + 2 + i) for i in range(sum(quarters)))
    return call("number_or", annual, call("sampai_dengan", cells, Slot(first + 1), not quarters[3]))
