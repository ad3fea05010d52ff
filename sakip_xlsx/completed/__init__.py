"""The completed workbook: LKIP tables as live formulas with correct cached values."""

from __future__ import annotations

import io

import xlsxwriter

from ..compute import Hasil
from ..findings import Finding
from ..styles import DOC_PROPERTIES, WORKBOOK_OPTIONS
from .book import Book
from .input_sheets import write_input_sheets
from .summary import GRAFIK, RINGKASAN, TEMUAN, write_grafik, write_ringkasan, write_temuan
from .tables import write_tables

__all__ = ["GRAFIK", "RINGKASAN", "TEMUAN", "completed_workbook"]


def completed_workbook(hasil: Hasil, findings: list[Finding]) -> tuple[bytes, int]:
    """The completed workbook as bytes, and how many formula cells it holds.

    Deterministic: the same model gives the same bytes.
    """
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, **WORKBOOK_OPTIONS})
    ident = hasil.laporan.identitas
    wb.set_properties(
        {**DOC_PROPERTIES, "title": f"LKIP {ident.nama_instansi} {ident.tahun_laporan}".strip()}
    )
    book = Book(wb)
    ringkasan = book.add_sheet(RINGKASAN, 3)
    temuan = book.add_sheet(TEMUAN, 4)
    positions = write_tables(book, hasil.laporan, hasil)
    write_grafik(book, hasil, positions)
    write_input_sheets(book, hasil.laporan, hasil, findings)
    write_ringkasan(book, ringkasan, hasil, positions, findings)
    write_temuan(book, temuan, findings)
    ringkasan.activate()
    book.finish()
    wb.close()
    return buffer.getvalue(), book.formula_count
