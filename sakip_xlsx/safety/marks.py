"""What each output says it is: the marks the writers put in their files, so that `--force`
replaces only the tool's own output of that kind (`commands.outputs` reads them)."""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum

FIXED_TIMESTAMP = _dt.datetime(2024, 1, 1, 0, 0, 0)
"""Creation time written into every file: a fixed value keeps output byte-identical."""

MARK = "sakip_keluaran"
"""Custom document property of every workbook the tool writes: which kind of output it is."""

DOCX_KEYWORD = "sakip-xlsx"
"""Keyword of every LKIP document the tool writes (LibreOffice keeps it in the PDF)."""


class Keluaran(StrEnum):
    """The kinds of output, by the value of their mark."""

    LENGKAP = "lengkap"
    REKAP = "rekap"
    ISIAN = "isian"
    DOKUMEN = "dokumen"
    PDF = "pdf"


KIND_TEXT = {
    Keluaran.LENGKAP: "workbook LKIP lengkap",
    Keluaran.REKAP: "rekap gabung",
    Keluaran.ISIAN: "templat atau isian yang belum diisi orang",
    Keluaran.DOKUMEN: "dokumen LKIP",
    Keluaran.PDF: "PDF dokumen LKIP",
}


def isian_mark(digest: str) -> str:
    return f"{Keluaran.ISIAN} {digest}"
