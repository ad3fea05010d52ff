"""Derived columns added to the right of the Realisasi and Rencana Aksi sheets.

Each writer plans its cells by row (`RowPlan`): the input sheet is written row by row (the
constant-memory mode needs row order), and a row's derived cells are made and written right
after its input cells, so no sheet's worth of formulas is ever held in memory."""

from __future__ import annotations

import functools
from collections.abc import Callable

from sakip_xlsx.document import Sources
from sakip_xlsx.document.sources import realisasi_shape
from sakip_xlsx.document.spec import BLANK, Filled, Input, Shape, Slot, Style, call
from sakip_xlsx.lkip.model import Laporan, column_letter
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import REALISASI, RENCANA_AKSI, Jenis, SheetSpec
from sakip_xlsx.render.xlsx.completed.render import Renderer


class RowPlan:
    """What to write on rows of a sheet: functions run when their row is written."""

    def __init__(self) -> None:
        self.rows: dict[int, list[Callable[[], None]]] = {}

    def add(self, row: int, write: Callable[[], None]) -> None:
        self.rows.setdefault(row, []).append(write)

    def run(self, row: int) -> None:
        for write in self.rows.pop(row, ()):
            write()


def _headers(
    render: Renderer, ws, plan: RowPlan, first: int, header_row: int, names: tuple[str, ...]
) -> None:
    for offset, name in enumerate(names):
        width = WIDE.get(name, 14)
        ws.set_column(first + offset, first + offset, width)
    fmt = render.book.fmt["header_tool"]
    for offset, name in enumerate(names):
        plan.add(
            header_row - 1,
            functools.partial(ws.write_string, header_row - 1, first + offset, name, fmt),
        )


WIDE = {"Predikat": 22}
"""Derived columns wider than the rest: `AA (Sangat Memuaskan)` whole."""


def _own(sheet: str, width: int, row: int, count: int) -> list[Input]:
    """The derived cells of one input row, left to right."""
    return [Input(sheet, f"{column_letter(width + i)}{row}") for i in range(count)]


def _realisasi_row(render: Renderer, ws, src: Sources, width: int, kode: str, rea) -> None:
    hasil = src.hasil
    sheet = REALISASI.name
    r0 = rea.row - 1
    target, capaian, capped, _, pagu, _, _ = _own(sheet, width, rea.row, 7)
    real = src.realisasi(kode)
    if kode in hasil.indikator:
        h = hasil.indikator[kode]
        render.live(ws, r0, width, src.number(h.target), h.target.number, Style.NUMBER)
        render.live(
            ws,
            r0,
            width + 1,
            src.capaian(kode, h.target, target, real),
            h.capaian,
            Style.PERCENT,
        )
        render.live(
            ws, r0, width + 2, call("dibatasi", capaian, src.cap), h.dibatasi, Style.PERCENT
        )
        render.live(
            ws, r0, width + 3, call("predikat", capped, src.skala), h.predikat, Style.VERDICT
        )
    elif kode in hasil.anggaran and hasil.anggaran[kode].item.jenis == Jenis.SUB_KEGIATAN:
        a = hasil.anggaran[kode]
        item = a.item
        anggaran = src.column_cell(sheet, "realisasi_anggaran", rea.row) or BLANK
        quarters, real_values = src.realisasi_parts(kode)
        values = (src.cell(item.target), src.cell(item.pagu), anggaran, target, pagu, *real_values)
        shapes = _sub_kegiatan_shapes(quarters)
        for offset, value, style in (
            (0, item.target.number, Style.NUMBER),
            (1, a.output_capaian, Style.PERCENT),
            (4, a.pagu, Style.RUPIAH),
            (5, a.serapan, Style.PERCENT),
            (6, a.sisa, Style.RUPIAH),
        ):
            render.live(ws, r0, width + offset, Filled(shapes[offset], values), value, style)


@functools.cache  # at most 2**4 + 1 structures
def _sub_kegiatan_shapes(quarters: tuple[bool, ...]) -> dict[int, Shape]:
    """A sub kegiatan's derived cells on the Realisasi sheet by column offset, over the slots
    target (RKT), pagu (RKT), realisasi anggaran, its own target and pagu cells, then the
    realisasi's (`Sources.realisasi_parts`)."""
    target, pagu, anggaran, own_target, own_pagu = (Slot(i) for i in range(5))
    return {
        0: Shape(call("number_or_blank", target)),
        1: Shape(call("ratio", realisasi_shape(quarters, 5), own_target)),
        4: Shape(call("number_or_blank", pagu)),
        5: Shape(call("ratio", anggaran, own_pagu)),
        6: Shape(call("sisa", own_pagu, anggaran)),
    }


def _rencana_aksi_row(render: Renderer, ws, src: Sources, width: int, kode: str, ra) -> None:
    hasil = src.hasil
    sheet = RENCANA_AKSI.name
    h = hasil.rencana_aksi[kode]
    r0 = ra.row - 1
    mine, acuan, _ = _own(sheet, width, ra.row, 3)
    present = tuple(bool(c.sheet) for c in ra.targets)
    values = (
        src.metode_ra(kode),
        src.cell(h.target_acuan),
        mine,
        acuan,
        *(src.cell(c) for c in ra.targets if c.sheet),
    )
    annual, target, selisih = _rencana_aksi_shapes(present)
    render.live(ws, r0, width, Filled(annual, values), h.target_tahunan, Style.NUMBER)
    render.live(ws, r0, width + 1, Filled(target, values), h.target_acuan.number, Style.NUMBER)
    render.live(ws, r0, width + 2, Filled(selisih, values), h.selisih, Style.NUMBER)


@functools.cache  # at most 2**4 structures
def _rencana_aksi_shapes(present: tuple[bool, ...]) -> tuple[Shape, Shape, Shape]:
    """A Rencana Aksi row's derived cells (annual target by its metode, the PK/RKT target,
    their difference) over the slots metode, PK/RKT target, its own first two cells, then the
    quarter targets that have a cell."""
    quarters = tuple(Slot(4 + i) for i in range(sum(present)))
    return (
        Shape(call("sampai_dengan", quarters, Slot(0), not present[3])),
        Shape(call("number_or_blank", Slot(1))),
        Shape(call("difference", Slot(2), Slot(3))),
    )


DERIVED_ROWS = {
    REALISASI.name: (lambda laporan: laporan.realisasi, _realisasi_row),
    RENCANA_AKSI.name: (lambda laporan: laporan.rencana_aksi, _rencana_aksi_row),
}
"""The sheets with derived columns: their records by code, and what one record's row holds."""


def plan_derived(
    render: Renderer,
    ws,
    plan: RowPlan,
    spec: SheetSpec,
    laporan: Laporan,
    hasil: Hasil,
    width: int,
    header_row: int,
) -> None:
    """Plan the headings and every record's derived cells of `spec`'s sheet, from `width` on."""
    records, write_row = DERIVED_ROWS[spec.name]
    src = Sources(laporan, hasil)
    _headers(render, ws, plan, width, header_row, spec.derived)
    for kode, record in records(laporan).items():
        plan.add(record.row - 1, functools.partial(write_row, render, ws, src, width, kode, record))
