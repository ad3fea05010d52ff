"""The completed workbook: LKIP tables as live formulas with correct cached values."""

from __future__ import annotations

import tempfile
from pathlib import Path

import xlsxwriter

from ..atomic import scratch_folder
from ..findings import Finding, sort_findings
from ..reader import SOURCE_DIGEST
from ..results import Hasil
from ..styles import DOC_PROPERTIES, WORKBOOK_OPTIONS, document_footer
from .book import Book
from .input_sheets import write_input_sheets
from .summary import GRAFIK, RINGKASAN, TEMUAN, write_grafik, write_ringkasan, write_temuan
from .tables import write_tables

__all__ = ["GRAFIK", "RINGKASAN", "TEMUAN", "completed_workbook", "write_completed_workbook"]


def completed_workbook(hasil: Hasil, findings: list[Finding]) -> tuple[bytes, int]:
    """The completed workbook as bytes, and how many formula cells it holds."""
    with tempfile.TemporaryDirectory(prefix="sakip-") as folder:
        path = Path(folder) / "lkip.xlsx"
        count = write_completed_workbook(path, hasil, findings)
        return path.read_bytes(), count


def write_completed_workbook(
    path: Path, hasil: Hasil, findings: list[Finding], added: list[Finding] | None = None
) -> int:
    """Write the completed workbook to `path`; returns how many formula cells it holds.

    Deterministic: the same model gives the same bytes. Written in xlsxwriter's
    constant-memory mode, sheet by sheet, so a kabupaten-scale workbook stays small in memory.
    """
    # xlsxwriter streams each sheet through temporary files; a private folder beside the
    # output guarantees none is left behind, even when writing fails, and that a full disk is
    # the output's disk (the one the message names), never a $TMPDIR somewhere else
    with scratch_folder(path) as scratch:
        wb = xlsxwriter.Workbook(
            str(path), {"constant_memory": True, "tmpdir": scratch, **WORKBOOK_OPTIONS}
        )
        try:
            return _write(wb, hasil, findings, added if added is not None else [])
        finally:
            wb.fileclosed = True  # after a failure, do not let xlsxwriter close it at exit


def _write(wb, hasil: Hasil, findings: list[Finding], added: list[Finding]) -> int:
    ident = hasil.laporan.identitas
    wb.set_properties(
        {**DOC_PROPERTIES, "title": f"LKIP {ident.nama_instansi} {ident.tahun_laporan}".strip()}
    )
    source = hasil.laporan.sumber_sha256 if hasil.laporan.lengkap else hasil.laporan.sha256
    if source:  # lets `gabung` tell this workbook from the isian it was filled from
        wb.set_custom_property(SOURCE_DIGEST, source)
    book = Book(wb)
    book.footer = document_footer(ident.nama_instansi, ident.tahun_laporan)
    ringkasan = book.add_sheet(RINGKASAN, 3, hold=True)  # first in the book, filled last
    temuan = book.add_sheet(TEMUAN, 4, hold=True)
    positions = write_tables(book, hasil.laporan, hasil)
    write_grafik(book, hasil, positions)
    write_input_sheets(book, hasil.laporan, hasil, findings)
    added.extend(book.findings)  # what writing had to report joins the list before it is shown
    if book.findings:
        findings = sort_findings([*findings, *book.findings])
    write_ringkasan(book, ringkasan, hasil, positions, findings)
    write_temuan(book, temuan, findings)
    ringkasan.activate()
    book.finish(everything=True)
    wb.close()
    return book.formula_count
