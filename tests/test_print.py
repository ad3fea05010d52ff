"""What a Bappeda reviewer sees on paper: every sheet printed through LibreOffice, its text read
back from the PDF."""

from __future__ import annotations

import re
import shutil

import pytest

import sakip_xlsx
from sakip_xlsx import document
from sakip_xlsx.commands.pipeline import check
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
    """The printed pages of the table titled `title`: its first page and, for a table too
    wide to print one page wide at a readable size, the pages of its further columns (the
    pages after it that show no title of their own)."""
    found = [i for i, p in enumerate(pages) if title in p]
    assert found, f"no page shows {title!r}"
    start = found[0]
    out = [pages[start]]
    for page in pages[start + 1 :]:
        if re.search(r"\bTabel \d\.\d \w|Pemantauan Rencana Aksi|Temuan|Ringkasan|Narasi", page):
            break
        out.append(page)
    return " ".join(out)


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
    assert re.search(r"Orang/bulan\s+18\s+16\s+88[.,]89 %", text), text[:2000]
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


def test_text_wraps_at_words_as_spreadsheets_wrap():
    from sakip_xlsx.render.xlsx.styles import wrapped_lines

    assert wrapped_lines("Program Pemberdayaan Masyarakat Desa dan Kelurahan", 45) == 2
    assert wrapped_lines("Tenaga", 10) == 1
    assert wrapped_lines("a" * 25, 10) == 3  # a word longer than a line is broken
    assert wrapped_lines("satu dua\ntiga", 20) == 2


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory, puger_path):
    import openpyxl

    out = tmp_path_factory.mktemp("layout") / "puger-LKIP.xlsx"
    sakip_xlsx.fill(puger_path, out)
    return openpyxl.load_workbook(out)


def test_headings_notes_and_numbers_are_shown_whole(laid_out):
    """What a printed page cut before: a heading of four lines, a number with its unit in a
    narrow column (###), a note running past the table (the page shrunk to fit it)."""
    ra = laid_out["Pemantauan Rencana Aksi"]
    assert ra.row_dimensions[5].height >= 60  # `Capaian s.d. TW1 thd target tahunan (%)`
    reviu = laid_out["Catatan Reviu"]
    assert reviu.row_dimensions[3].height >= 30  # `Lokasi (sheet!sel) atau kode`
    rkt = laid_out["RKT"]
    shown = "18 Orang /bulan"
    assert rkt["G7"].number_format.endswith('"Orang /bulan"')
    assert rkt.column_dimensions["G"].width >= len(shown)
    t31 = laid_out["Tabel 3.1"]
    merged = {str(r) for r in t31.merged_cells.ranges}
    last = t31.max_column
    assert {f"A2:{chr(64 + last)}2", f"A3:{chr(64 + last)}3"} <= merged, merged


def test_only_wrapping_text_makes_a_row_tall(laid_out):
    """A group heading in bold overflows to the right, unwrapped: its row stays one line (the
    Grafik sheet's headings made rows of eight lines)."""
    grafik = laid_out["Grafik"]
    for row in grafik.iter_rows(min_row=7):
        cell = row[0]
        if cell.value and cell.font.b and not cell.alignment.wrap_text:
            height = grafik.row_dimensions[cell.row].height
            assert height is None or height <= 15, (cell.coordinate, height)


def test_the_rekap_rows_grow_to_their_text(tmp_path, puger_path):
    """A long instansi name or sasaran wraps in a row tall enough to hold it: printed, a short
    row lays its text over the next one."""
    import openpyxl

    folder = tmp_path / "opd"
    folder.mkdir()
    long_name = "Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air Kabupaten Jember"
    wb = openpyxl.load_workbook(puger_path)
    wb["Identitas"]["B2"] = long_name
    wb.save(folder / "a.xlsx")
    sakip_xlsx.gabung(tmp_path / "rekap.xlsx", [folder])
    rekap = openpyxl.load_workbook(tmp_path / "rekap.xlsx")
    peringkat = rekap["Peringkat"]
    row = next(c.row for c in peringkat["B"] if c.value == long_name)
    assert peringkat.row_dimensions[row].height >= 30
    rinci = rekap["Rinci"]
    tall = [
        rinci.row_dimensions[c.row].height
        for c in rinci["B"]
        if isinstance(c.value, str) and len(c.value) > 60
    ]
    assert tall and all(h is not None and h >= 30 for h in tall)
    assert rinci.column_dimensions["D"].width >= len("AA (Sangat Memuaskan)")
