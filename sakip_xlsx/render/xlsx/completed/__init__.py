"""The completed workbook: LKIP tables as live formulas with correct cached values."""

from __future__ import annotations

import tempfile
from pathlib import Path

import xlsxwriter

from sakip_xlsx import document
from sakip_xlsx.document import GRAFIK, NARASI, RINGKASAN, TEMUAN, Arrangement
from sakip_xlsx.lkip.findings import Finding, sort_findings
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.render.xlsx.completed.book import Book
from sakip_xlsx.render.xlsx.completed.input_sheets import write_input_sheets
from sakip_xlsx.render.xlsx.completed.render import FIRST_DATA, FORM_FIRST, Renderer
from sakip_xlsx.render.xlsx.completed.reviu_sheet import write_reviu
from sakip_xlsx.render.xlsx.completed.temuan import write_temuan
from sakip_xlsx.render.xlsx.styles import DOC_PROPERTIES, WORKBOOK_OPTIONS, document_footer
from sakip_xlsx.safety.atomic import scratch_folder
from sakip_xlsx.safety.marks import MARK, Keluaran
from sakip_xlsx.workbook import reviu
from sakip_xlsx.workbook.reader import SOURCE_DIGEST

__all__ = [
    "GRAFIK",
    "NARASI",
    "RINGKASAN",
    "TEMUAN",
    "completed_workbook",
    "write_completed_workbook",
]


def completed_workbook(
    hasil: Hasil, findings: list[Finding], arrangement: Arrangement | None = None
) -> tuple[bytes, int]:
    """The completed workbook as bytes, and how many formula cells it holds."""
    with tempfile.TemporaryDirectory(prefix="sakip-") as folder:
        path = Path(folder) / "lkip.xlsx"
        count = write_completed_workbook(path, hasil, findings, arrangement=arrangement)
        return path.read_bytes(), count


def write_completed_workbook(
    path: Path,
    hasil: Hasil,
    findings: list[Finding],
    added: list[Finding] | None = None,
    arrangement: Arrangement | None = None,
    release: bool = False,
) -> int:
    """Write the completed workbook to `path`; returns how many formula cells it holds.

    Deterministic: the same model gives the same bytes. Written in xlsxwriter's
    constant-memory mode, sheet by sheet, so a kabupaten-scale workbook stays small in memory.
    With `release`, each input sheet's grid is let go once it is written (for a caller that
    writes the model once, as `fill` does).
    """
    # xlsxwriter streams each sheet through temporary files; a private folder beside the
    # output guarantees none is left behind, even when writing fails, and that a full disk is
    # the output's disk (the one the message names), never a $TMPDIR somewhere else
    with scratch_folder(path) as scratch:
        wb = xlsxwriter.Workbook(
            str(path), {"constant_memory": True, "tmpdir": scratch, **WORKBOOK_OPTIONS}
        )
        try:
            arrange = arrangement or Arrangement()
            added = added if added is not None else []
            return _write(wb, hasil, findings, added, arrange, release)
        finally:
            wb.fileclosed = True  # after a failure, do not let xlsxwriter close it at exit


def _write(
    wb,
    hasil: Hasil,
    findings: list[Finding],
    added: list[Finding],
    arrange: Arrangement,
    release: bool,
) -> int:
    ident = hasil.laporan.identitas
    wb.set_properties(
        {**DOC_PROPERTIES, "title": f"LKIP {ident.nama_instansi} {ident.tahun_laporan}".strip()}
    )
    wb.set_custom_property(MARK, Keluaran.LENGKAP.value)  # what --force may replace
    source = hasil.laporan.sumber_sha256 if hasil.laporan.lengkap else hasil.laporan.sha256
    if source:  # lets `gabung` tell this workbook from the isian it was filled from
        wb.set_custom_property(SOURCE_DIGEST, source)
    book = Book(wb)
    book.footer = document_footer(ident.nama_instansi, ident.tahun_laporan)
    render = Renderer(book)
    # every sheet of the document exists from the start, in the document's order; each is
    # filled when its table is built (a table refers only to tables built before it)
    sheets = {}
    for name in arrange.order(list(document.ORDER)):
        first = FORM_FIRST if name in (RINGKASAN, NARASI) else 4 if name == TEMUAN else FIRST_DATA
        first = reviu.HEADER_ROW if name == reviu.SHEET else first
        sheets[name] = book.add_sheet(name, first, hold=True)
    subtitle = f"{ident.nama_instansi} - {ident.pemerintah_daerah} - tahun {ident.tahun_laporan}"
    # the input sheets first (they stand after the tables: the tables' sheets exist already),
    # so that their grids can be let go before the tables are built
    write_input_sheets(render, hasil.laporan, hasil, findings, release)
    for table in document.tables(hasil):
        render.table(sheets[table.name], table, arrange.columns(table), subtitle)
    added.extend(book.findings)  # what writing had to report joins the list before it is shown
    if book.findings:
        findings = sort_findings([*findings, *book.findings])
    summary = document.summary(hasil, findings)
    render.table(sheets[RINGKASAN], summary, arrange.columns(summary), subtitle)
    narasi = document.narration(hasil, findings)
    render.table(sheets[NARASI], narasi, arrange.columns(narasi), subtitle)
    write_temuan(book, sheets[TEMUAN], findings)
    write_reviu(book, sheets[reviu.SHEET], reviu.merge(hasil.laporan.catatan_reviu, findings))
    sheets[RINGKASAN].activate()
    book.finish(everything=True)
    wb.close()
    return book.formula_count
