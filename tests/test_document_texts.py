"""Every text of the LKIP document has a home in the workbook (issue class: Bab IV and the
cover could only be filled by hand in Word, and every hand edit was lost at the next run), and
the document speaks as an official document, not as the tool."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import png, write_workbook

ROOT = Path(__file__).resolve().parent.parent


def _png() -> bytes:
    return png()


TEXTS = {
    "kata_pengantar": "Puji syukur kami panjatkan; laporan ini kami susun bersama.",
    "latar_belakang": "Latar belakang dinas contoh.\nParagraf kedua latar belakang.",
    "maksud_tujuan": "Maksud dan tujuan dinas contoh.",
    "profil": "Profil dinas contoh: 12 desa, 125.331 jiwa.",
    "tugas_fungsi": "Tugas dan fungsi dinas contoh.",
    "struktur_organisasi": "Kepala, Sekretaris, tiga Bidang.",
    "isu_strategis": "Isu strategis dinas contoh.",
    "simpulan": "Simpulan dinas contoh.",
    "kendala": "Kendala dinas contoh.",
    "langkah": "Langkah ke depan dinas contoh.",
    "penghargaan": "Juara 1 Inovasi Pelayanan, Bupati, 2024\nPredikat WBK, KemenPANRB, 2024",
    "tempat": "Kota Contoh",
    "tanggal": dt.date(2025, 1, 29),
    "kepala_nip": "197001011990031001",
    "atasan_nama": "Nama Bupati",
    "atasan_jabatan": "Bupati Contoh",
    "pk_tanggal": dt.date(2024, 11, 21),
    "pk_perubahan": "Ya",
    "apip_nama": "Nama Inspektur",
    "apip_nip": "196801011990031002",
    "apip_jabatan": "Inspektur Kabupaten Contoh",
    "apip_tanggal": dt.date(2025, 2, 10),
    "logo_gambar": _png(),
}


def _document(tmp_path: Path, identitas: dict):
    book = write_workbook(tmp_path / "isian.xlsx", identitas=identitas)
    out = tmp_path / "lkip.docx"
    result = CliRunner().invoke(main, ["dokumen", str(book), "-o", str(out)])
    word = docx.Document(str(out))
    text = "\n".join(p.text for p in word.paragraphs)
    text += "\n" + "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    return result, text, word


def test_every_text_typed_in_the_workbook_is_in_the_document(tmp_path):
    result, text, word = _document(tmp_path, TEXTS)
    assert result.exit_code == 0, result.output
    assert "[diisi instansi" not in text and "belum diisi" not in result.output
    for key in ("kata_pengantar", "maksud_tujuan", "profil", "simpulan", "kendala", "langkah"):
        assert TEXTS[key] in text, key
    assert "Paragraf kedua latar belakang." in [p.text for p in word.paragraphs]
    assert "Juara 1 Inovasi Pelayanan, Bupati, 2024" in text
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in text
    assert "Kota Contoh, 21 November 2024" in text  # the PK's own date, not the LKIP's
    assert "PERNYATAAN TELAH DIREVIU" in text and "Nama Inspektur" in text
    assert "Kota Contoh, 10 Februari 2025" in text
    assert word.inline_shapes and len(word.inline_shapes) == 1  # the logo on the cover


def test_an_empty_workbook_lists_the_missing_parts_and_exits_1(tmp_path):
    result, text, _ = _document(tmp_path, {})
    assert result.exit_code == 1, result.output
    assert "Bagian dokumen yang belum diisi" in result.output
    for part in ("profil organisasi", "simpulan", "kendala", "langkah perbaikan", "logo"):
        assert part in result.output, part
    assert "[diisi instansi: simpulan atas capaian kinerja]" in text
    assert "PERNYATAAN TELAH DIREVIU" not in text  # only when the reviewer is named
    assert "PENGHARGAAN" not in text


TOOL_WORDS = re.compile(r"\b(sheet|Temuan|error|peringatan|isian|kode temuan)\b", re.I)


def test_the_document_speaks_no_tool_language(tmp_path):
    for identitas in ({}, TEXTS):
        _, text, _ = _document(tmp_path, identitas)
        assert not TOOL_WORDS.findall(text), sorted(set(TOOL_WORDS.findall(text)))


def test_the_puger_document_holds_the_seed_texts_and_no_placeholder():
    word = docx.Document(str(ROOT / "examples" / "puger-2023-LKIP.docx"))
    text = "\n".join(p.text for p in word.paragraphs)
    text += "\n" + "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "[diisi instansi" not in text and "[logo" not in text
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023" in text
    assert "Jember, 21 November 2023" in text
    assert "Terselenggaranya Good Governance" in text  # Latar Belakang as the LKIP writes it
    assert not TOOL_WORDS.findall(text)
    assert "B (63)" in text and "\n63,00\n" not in text  # the Nilai SAKIP target as typed
    assert not re.search(r"\b0 melampaui", text)  # a count of none is not said


def test_template_dari_carries_what_persists_and_empties_what_is_yearly(tmp_path):
    source = write_workbook(tmp_path / "isian.xlsx", identitas=TEXTS)
    out = tmp_path / "isian-2025.xlsx"
    result = CliRunner().invoke(main, ["template", str(out), "--dari", str(source)])
    assert result.exit_code == 0, result.output
    ident = read_workbook(out).identitas
    assert ident.profil == TEXTS["profil"] and ident.tugas_fungsi == TEXTS["tugas_fungsi"]
    assert ident.logo_gambar == TEXTS["logo_gambar"]
    for key in ("kata_pengantar", "simpulan", "kendala", "langkah", "penghargaan", "apip_nama"):
        assert getattr(ident, key) == "", key
    assert ident.pk_tanggal is None and ident.pk_perubahan == "Tidak"


@pytest.mark.parametrize("source", ["isian", "lengkap"])
def test_the_logo_survives_fill(tmp_path, source):
    from sakip_xlsx.commands.pipeline import fill

    book = write_workbook(tmp_path / "isian.xlsx", identitas={"logo_gambar": _png()})
    if source == "lengkap":
        book = fill(book, tmp_path / "isian-LKIP.xlsx").output
    assert read_workbook(book).identitas.logo_gambar == _png()


def test_one_font_family_indonesian_and_no_number_on_the_cover(tmp_path):
    import zipfile

    _, _, word = _document(tmp_path, TEXTS)
    styles = zipfile.ZipFile(tmp_path / "lkip.docx").read("word/styles.xml").decode()
    assert set(re.findall(r'w:ascii="([^"]+)"', styles)) == {"Arial"}
    assert "asciiTheme" not in styles
    assert set(re.findall(r'<w:lang w:val="([^"]+)"', styles)) == {"id-ID"}
    first = word.sections[0]
    assert first.different_first_page_header_footer  # the cover carries no page number
    assert not "".join(p.text for p in first.first_page_footer.paragraphs).strip()
    assert all(not s.different_first_page_header_footer for s in word.sections[1:])
    assert round(first.page_width.cm, 1) == 21.0 and round(first.page_height.cm, 1) == 29.7


def test_table_rows_are_never_split_across_pages(tmp_path):
    import zipfile

    _document(tmp_path, TEXTS)
    xml = zipfile.ZipFile(tmp_path / "lkip.docx").read("word/document.xml").decode()
    tables = [t for t in re.findall(r"<w:tbl>.*?</w:tbl>", xml) if t.count("<w:gridCol ") > 2]
    assert tables  # the LKIP tables (the signature blocks have two columns)
    for table in tables:
        rows = re.findall(r"<w:tr>(<w:trPr>.*?</w:trPr>)?", table)
        assert rows and all("<w:cantSplit/>" in props for props in rows), table[:300]


def test_the_daftar_isi_of_the_puger_pdf_carries_the_right_page_numbers():
    """Every entry of the Daftar Isi names the page its heading is printed on (the PDF is
    made with the document's indexes updated in LibreOffice)."""
    from pypdf import PdfReader

    pages = [
        p.extract_text() or "" for p in PdfReader(ROOT / "examples" / "puger-2023-LKIP.pdf").pages
    ]
    first = next(i for i, p in enumerate(pages) if "DAFTAR ISI" in p)
    entries, listing = [], set()
    for index in range(first, len(pages)):
        found = re.findall(r"^(.+?)\.{4,}\s*(\d+)\s*$", pages[index], re.M)
        if not found and index > first:
            break
        listing.add(index)
        entries += [(title.strip(), int(number)) for title, number in found]
    assert len(entries) >= 20, entries
    for title, number in entries:
        printed = [i + 1 for i, p in enumerate(pages) if i not in listing and title[:40] in p]
        assert number in printed, (title, number, printed)


def test_without_uno_the_pdf_is_still_printed(tmp_path, monkeypatch):
    """A machine whose LibreOffice has no Python bridge gets the plain conversion (the
    Daftar Isi without page numbers) instead of no PDF."""
    from sakip_xlsx.render.docx import pdf
    from tests.lo import soffice

    if soffice() is None:
        pytest.skip("needs LibreOffice")
    monkeypatch.setattr(pdf, "uno_python", lambda exe: None)
    book = write_workbook(tmp_path / "isian.xlsx", identitas=TEXTS)
    result = CliRunner().invoke(
        main, ["dokumen", str(book), "-o", str(tmp_path / "l.docx"), "--pdf"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF-")
