"""Derived columns added to the right of the Realisasi and Rencana Aksi sheets.

Each writer plans its cells by row (`RowPlan`): the input sheet is written row by row (the
constant-memory mode needs row order), and a row's derived cells are made and written right
after its input cells, so no sheet's worth of formulas is ever held in memory."""

from __future__ import annotations

import functools
from collections.abc import Callable

from xlsxwriter.utility import xl_col_to_name

from ..document import Sources
from ..document.spec import BLANK, Input, Style, call
from ..model import Laporan
from ..results import Hasil
from ..schema import REALISASI, RENCANA_AKSI, Jenis, SheetSpec
from .render import Renderer


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
    for offset in range(len(names)):
        ws.set_column(first + offset, first + offset, 14)
    fmt = render.book.fmt["header_tool"]
    for offset, name in enumerate(names):
        plan.add(
            header_row - 1,
            functools.partial(ws.write_string, header_row - 1, first + offset, name, fmt),
        )


def _own(sheet: str, width: int, row: int, count: int) -> list[Input]:
    """The derived cells of one input row, left to right."""
    return [Input(sheet, f"{xl_col_to_name(width + i)}{row}") for i in range(count)]


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
        render.live(ws, r0, width, src.number(item.target), item.target.number, Style.NUMBER)
        render.live(ws, r0, width + 1, call("ratio", real, target), a.output_capaian, Style.PERCENT)
        anggaran = src.column_cell(sheet, "realisasi_anggaran", rea.row) or BLANK
        render.live(ws, r0, width + 4, src.number(item.pagu), a.pagu, Style.RUPIAH)
        render.live(ws, r0, width + 5, call("ratio", anggaran, pagu), a.serapan, Style.PERCENT)
        render.live(ws, r0, width + 6, call("sisa", pagu, anggaran), a.sisa, Style.RUPIAH)


def _rencana_aksi_row(render: Renderer, ws, src: Sources, width: int, kode: str, ra) -> None:
    hasil = src.hasil
    sheet = RENCANA_AKSI.name
    h = hasil.rencana_aksi[kode]
    r0 = ra.row - 1
    quarters = tuple(src.cell(c) for c in ra.targets if c.sheet)
    annual = call("sampai_dengan", quarters, src.metode_ra(kode), not ra.targets[3].sheet)
    render.live(ws, r0, width, annual, h.target_tahunan, Style.NUMBER)
    render.live(ws, r0, width + 1, src.number(h.target_acuan), h.target_acuan.number, Style.NUMBER)
    mine, acuan, _ = _own(sheet, width, ra.row, 3)
    render.live(ws, r0, width + 2, call("difference", mine, acuan), h.selisih, Style.NUMBER)


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
