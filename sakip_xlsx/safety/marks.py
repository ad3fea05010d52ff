"""What each output says it is: the marks the writers put in their files, so that `--force`
replaces only the tool's own output of that kind (`commands.outputs` reads them)."""

from __future__ import annotations

from enum import StrEnum

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
