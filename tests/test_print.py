"""What a Bappeda reviewer sees on paper: every sheet printed through LibreOffice, its text read
back from the PDF."""

from __future__ import annotations

import re
import shutil

import pytest

import sakip_xlsx
from sakip_xlsx import document
from sakip_xlsx.pipeline import check
from tests.helpers import minimal_rows, write_workbook
from tests.lo import pdf_pages, requires_soffice

pytestmark = [requires_soffice, pytest.mark.libreoffice]

PAGE = re.compile(r"Halaman (\d+) dari (\d+)")


@pytest.fixture(scope="module")
def printed(tmp_path_factory, puger_path):
    folder = tmp_path_factory.mktemp("print")
    out = sakip_xlsx.fill(puger_path, folder / "puger-LKIP.xlsx").output
    hasil = check(puger_path).hasil
    return pdf_pages(out, folder / "pdf"), hasil


def _first_page(pages: list[str], title: str) -> str:
    found = [p for p in pages if title in p]
    assert found, f"no page shows {title!r}"
    return found[0]


def test_every_page_carries_the_footer_with_its_number(printed):
    pages, _ = printed
    assert len(pages) > 20
    for number, text in enumerate(pages, start=1):
        assert "LKIP Kecamatan Puger – 2023" in text, number
        match = PAGE.search(text)
        assert match and int(match[1]) == number and int(match[2]) == len(pages), number


def test_every_table_heading_is_printed_whole(printed):
    """A heading clipped by its column, or cut mid-word, loses a word of the PDF text."""
    pages, hasil = printed
    tables = [*document.tables(hasil), document.summary(hasil, [])]
    checked = 0
    for table in tables:
        words = set(_first_page(pages, table.title).split())
        for column in table.columns:
            for word in column.heading.split():
                assert word in words, (table.name, column.heading, word)
                checked += 1
        if table.source:
            assert f"Sumber data: {table.source}." in " ".join(pages), table.name
    assert checked > 150


def test_tabel_36_shows_units_counts_and_not_applicable(printed):
    pages, _ = printed
    text = _first_page(pages, "Tabel 3.6 Target dan Realisasi Program")
    # the gaji sub kegiatan: 18 -> 16 Orang/bulan, counts without decimals, capaian 88,89 %
    assert re.search(r"Orang/bulan 18 16 88[.,]89 %", text), text[:2000]
    assert " - " in text  # a program's output realisasi does not apply
    assert "100%" not in text  # a typed target is shown as the number it means


def test_the_rekap_prints_like_the_lkip(tmp_path, puger_path):
    (tmp_path / "in").mkdir()
    for i in range(2):
        write_workbook(
            tmp_path / "in" / f"dinas-{i}.xlsx",
            minimal_rows(),
            identitas={"nama_instansi": f"Dinas {i}"},
        )
    shutil.copy(puger_path, tmp_path / "in" / "puger.xlsx")
    (tmp_path / "in" / "rusak.xlsx").write_text("bukan workbook")
    out = tmp_path / "rekap.xlsx"
    sakip_xlsx.gabung(out, [tmp_path / "in"])
    pages = pdf_pages(out, tmp_path / "pdf")
    for number, text in enumerate(pages, start=1):
        match = PAGE.search(text)
        assert match and int(match[1]) == number and int(match[2]) == len(pages), number
    joined = " ".join(pages)
    for heading in ("Instansi", "Predikat", "Serapan", "Tidak dihitung", "bukan workbook"):
        assert heading in joined, heading
