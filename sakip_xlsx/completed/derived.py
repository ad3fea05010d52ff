"""Derived columns added to the right of the Realisasi and Rencana Aksi sheets."""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name

from .. import formulas as X
from ..model import Laporan
from ..results import Hasil
from ..schema import REALISASI, RENCANA_AKSI, Jenis
from .book import Book
from .context import Context


def _headers(book: Book, ws, first: int, header_row: int, names: tuple[str, ...]) -> None:
    for offset, name in enumerate(names):
        ws.write_string(header_row - 1, first + offset, name, book.fmt["header_tool"])
        ws.set_column(first + offset, first + offset, 14)


def realisasi_columns(
    book: Book, ws, laporan: Laporan, hasil: Hasil, width: int, header_row: int
) -> None:
    ctx = Context(laporan, hasil)
    _headers(book, ws, width, header_row, REALISASI.derived)
    f = book.fmt
    sheet = REALISASI.name
    for kode, rea in laporan.realisasi.items():
        r0 = rea.row - 1
        own = [X.ref(sheet, f"{xl_col_to_name(width + i)}{rea.row}") for i in range(7)]
        target, capaian, capped, _, pagu, _, _ = own
        real = ctx.realisasi(kode)
        if kode in hasil.indikator:
            h = hasil.indikator[kode]
            book.formula(
                ws, r0, width, X.number_or_blank(ctx.cell(h.target)), h.target.number, f["tool_num"]
            )
            book.formula(
                ws,
                r0,
                width + 1,
                ctx.capaian(kode, h.target, target, real),
                h.capaian,
                f["tool_pct"],
            )
            book.formula(ws, r0, width + 2, X.dibatasi(capaian, ctx.cap), h.dibatasi, f["tool_pct"])
            book.formula(
                ws, r0, width + 3, X.predikat(capped, ctx.skala), h.predikat, f["tool_center"]
            )
        elif kode in hasil.anggaran and hasil.anggaran[kode].item.jenis == Jenis.SUB_KEGIATAN:
            a = hasil.anggaran[kode]
            item = a.item
            book.formula(
                ws,
                r0,
                width,
                X.number_or_blank(ctx.cell(item.target)),
                item.target.number,
                f["tool_num"],
            )
            book.formula(ws, r0, width + 1, X.ratio(real, target), a.output_capaian, f["tool_pct"])
            anggaran = ctx.column_cell(sheet, "realisasi_anggaran", rea.row) or X.BLANK
            book.formula(
                ws, r0, width + 4, X.number_or_blank(ctx.cell(item.pagu)), a.pagu, f["tool_rupiah"]
            )
            book.formula(ws, r0, width + 5, X.ratio(anggaran, pagu), a.serapan, f["tool_pct"])
            book.formula(ws, r0, width + 6, X.sisa(pagu, anggaran), a.sisa, f["tool_rupiah"])


def rencana_aksi_columns(
    book: Book, ws, laporan: Laporan, hasil: Hasil, width: int, header_row: int
) -> None:
    ctx = Context(laporan, hasil)
    _headers(book, ws, width, header_row, RENCANA_AKSI.derived)
    f = book.fmt
    sheet = RENCANA_AKSI.name
    for kode, ra in laporan.rencana_aksi.items():
        h = hasil.rencana_aksi[kode]
        r0 = ra.row - 1
        quarters = [ctx.cell(c) for c in ra.targets if c.sheet]
        formula = X.sampai_dengan(quarters, ctx.metode_ra(kode), not ra.targets[3].sheet)
        book.formula(ws, r0, width, formula, h.target_tahunan, f["tool_num"])
        book.formula(
            ws,
            r0,
            width + 1,
            X.number_or_blank(ctx.cell(h.target_acuan)),
            h.target_acuan.number,
            f["tool_num"],
        )
        mine = X.ref(sheet, f"{xl_col_to_name(width)}{ra.row}")
        acuan = X.ref(sheet, f"{xl_col_to_name(width + 1)}{ra.row}")
        book.formula(ws, r0, width + 2, X.difference(mine, acuan), h.selisih, f["tool_num"])


DERIVED_WRITERS = {
    REALISASI.name: realisasi_columns,
    RENCANA_AKSI.name: rencana_aksi_columns,
}
