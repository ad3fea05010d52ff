"""The LKIP document: DOCX (and PDF) whose every narrative number is a number of the model."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

import sakip_xlsx
from sakip_xlsx import document
from sakip_xlsx.cli import main
from sakip_xlsx.commands.pipeline import check
from sakip_xlsx.document import narrative as N
from sakip_xlsx.document.lkip import Heading, Labelled, Para
from tests.helpers import minimal_rows, variant_workbook, write_workbook
from tests.lo import requires_soffice

NUMBER = re.compile(r"(?<![\w.,/])(-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?)(?![\w/]|[.,]\d)")


def numbers(text: str) -> list[float]:
    """Every number of an Indonesian sentence (4.060.244.146; 97,75); codes (IS2, P1, 7.01.01)
    and regulation numbers (88/2021) left out."""
    return [float(m.replace(".", "").replace(",", ".")) for m in NUMBER.findall(text)]


def test_numbers_are_read_the_indonesian_way():
    text = "Rp 4.060.244.146 dari 97,75 % pada 2023 (IS2, P1, 7.01.01), 4 (empat), PMK 214/2017."
    assert numbers(text) == [4060244146.0, 97.75, 2023.0, 4.0]


def model_values(hasil) -> set[float]:
    """Every figure the model holds for the narrative to quote, with the counts and years."""
    values: list[float | None] = [0, 100, hasil.pengaturan.cap, hasil.pengaturan.tahun]
    ident = hasil.laporan.identitas
    values += [ident.periode_awal, ident.periode_akhir, hasil.pengaturan.tahun - 1]
    values += [hasil.rata_rata, hasil.total_pagu, hasil.total_realisasi, hasil.total_serapan]
    values += [len(hasil.sasaran), len(hasil.laporan.sasaran_indikator())]
    values += list(N.bands(hasil).values())
    for h in hasil.indikator.values():
        values += [h.target.number, h.realisasi.number, h.capaian, h.dibatasi]
        values += [c.number for c in h.realisasi_per_tahun.values()]
        values += [h.realisasi_sd, h.capaian_akhir, h.capaian_akhir_dibatasi]
        values += [h.indikator.target_akhir.number]
        values += [h.nasional.number, h.selisih_nasional]
        for cell in (h.target, h.indikator.target_akhir):
            if cell.value.is_range:
                values += [cell.value.lower, cell.value.upper]
    for a in hasil.anggaran.values():  # Tabel 3.6: indicators of programs and kegiatan
        values += [a.item.target.number, a.output_realisasi.number, a.output_capaian]
    for s in hasil.sasaran.values():
        values += [s.rata_rata, s.pagu, s.realisasi, s.serapan, s.efisiensi, s.dinilai]
        values += [s.efisiensi * 100 if s.efisiensi is not None else None]
        values += [len(s.indikator), len([x for x in hasil.sasaran.values() if x.efisien])]
        values += [sum(1 for x in hasil.sasaran.values() if x.efisien == "Efisien")]
    return {round(v, 2) for v in values if v is not None}


def narrative_texts(hasil, findings) -> list[str]:
    """The tool's own sentences (not the instansi's words, not headings, not fixed text)."""
    texts = [*N.ikhtisar(hasil, findings), *N.penutup(hasil), N.serapan_sentence(hasil)]
    texts.append(N.efisiensi_summary(hasil) or "")
    for _, parts in N.per_sasaran(hasil):
        texts += [text for label, text in parts if not label]
    return texts


def _checked_numbers(hasil, findings) -> int:
    known = model_values(hasil)
    errors = sum(1 for f in findings if f.severity.value == "error")
    warnings = sum(1 for f in findings if f.severity.value == "peringatan")
    known |= {errors, warnings}
    count = 0
    for text in narrative_texts(hasil, findings):
        for value in numbers(text):
            # printed with at most two decimals: the model value rounded the same way
            assert round(value, 2) in known or any(abs(value - k) < 0.006 for k in known), (
                value,
                text,
            )
            count += 1
    return count


def test_every_number_of_the_puger_narrative_is_in_the_model(puger_path):
    result = check(puger_path)
    assert _checked_numbers(result.hasil, result.findings) > 60


def test_every_number_of_the_variant_narrative_is_in_the_model(tmp_path):
    result = check(variant_workbook(tmp_path / "v.xlsx"))
    assert _checked_numbers(result.hasil, result.findings) > 30


def test_the_sentence_follows_the_data(tmp_path, puger_path):
    """Realisasi changed in the isian: the sentence and the tables change together."""
    source = tmp_path / "puger.xlsx"
    shutil.copy(puger_path, source)
    wb = openpyxl.load_workbook(source)
    ws = wb["Realisasi"]
    header = {c.value: c.column for c in ws[1]}
    kode_col, real_col = header.get("Kode *", 1), header["Realisasi tahunan"]
    for row in ws.iter_rows(min_row=2):
        if row[kode_col - 1].value == "IS2":
            row[real_col - 1].value = "95"
    wb.save(source)
    result = check(source)
    h = result.hasil.indikator["IS2"]
    assert h.realisasi.number == 95 and round(h.capaian, 2) == 105.56
    sentence = " ".join(N.indikator_sentences(result.hasil, "IS2"))
    assert "melampaui target" in sentence and "105,56 %" in sentence
    assert "naik dari 82,5 Indeks menjadi 95 Indeks" in sentence
    t31 = {t.name: t for t in document.tables(result.hasil)}["Tabel 3.1"]
    row = next(r for r in t31.rows if r.key == "IS2")
    assert row.cells["realisasi"].value == 95 and round(row.cells["capaian"].value, 2) == 105.56


def test_sentences_vary_with_the_situation(tmp_path):
    result = check(variant_workbook(tmp_path / "v.xlsx"))
    said = {k: " ".join(N.indikator_sentences(result.hasil, k)) for k in result.hasil.indikator}
    assert "belum dapat dinilai karena" in said["IS5"]  # an unreadable target: never invented
    assert "(makin kecil makin baik)" in said["IS2"]  # Negatif: 7 against 10 exceeds
    assert "melampaui target" in said["IS2"]
    assert "rentang" in said["IS3"]
    assert "target 0" in said["IS4"] or "belum dapat dinilai" in said["IS4"]


@pytest.fixture(scope="module")
def puger_docx(tmp_path_factory, puger_path) -> Path:
    folder = tmp_path_factory.mktemp("dokumen")
    return sakip_xlsx.dokumen(puger_path, folder / "puger-LKIP.docx").output


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


CHAPTERS = (
    "KATA PENGANTAR",
    "IKHTISAR EKSEKUTIF",
    "BAB I PENDAHULUAN",
    "BAB II PERENCANAAN KINERJA",
    "BAB III AKUNTABILITAS KINERJA",
    "BAB IV PENUTUP",
    "LAMPIRAN I PERJANJIAN KINERJA PERUBAHAN TAHUN 2023",
)
"""Headings both the DOCX text and the PDF text must hold."""


def test_the_docx_holds_every_chapter_and_the_pk(puger_docx):
    text = _docx_text(puger_docx)
    for heading in (*CHAPTERS, "DAFTAR ISI", "LAMPIRAN II RENCANA AKSI DAN PEMANTAUANNYA"):
        assert heading in text, heading
    assert "HERU WIDAGDO, SP, M.Si" in text and "NIP. 19660105 199803 1 004" in text
    assert "Ir. H. HENDY SISWANTO, ST, IPU." in text
    assert "97,75 %" in text and "89,86 %" in text and "4.060.244.146" in text


def test_committed_lkip_document_is_current(puger_docx):
    committed = Path(__file__).resolve().parent.parent / "examples" / "puger-2023-LKIP.docx"
    assert committed.read_bytes() == puger_docx.read_bytes(), (
        "examples/puger-2023-LKIP.docx is stale: run "
        "`sakip-xlsx dokumen examples/puger-2023.xlsx --pdf --force`"
    )


def test_the_docx_is_deterministic(puger_path, tmp_path):
    a = sakip_xlsx.dokumen(puger_path, tmp_path / "a.docx").output.read_bytes()
    b = sakip_xlsx.dokumen(puger_path, tmp_path / "b.docx").output.read_bytes()
    assert a == b


def test_a_missing_figure_is_said_to_be_missing(tmp_path):
    result = check(variant_workbook(tmp_path / "v.xlsx"))
    doc = document.lkip_document(result.hasil, result.findings)
    paragraphs = doc.paragraphs()
    assert any("belum diisi" in p for p in paragraphs)
    assert any(p.startswith("[diisi instansi:") for p in paragraphs)  # Bab I texts not given


def test_the_document_follows_the_lkip_order(puger_path):
    result = check(puger_path)
    doc = document.lkip_document(result.hasil, result.findings)
    chapters = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert chapters == [
        CHAPTERS[0],
        "DAFTAR ISI",
        *CHAPTERS[1:],
        "LAMPIRAN II RENCANA AKSI DAN PEMANTAUANNYA",
    ]
    sasaran = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 3]
    assert len(sasaran) == 4 and sasaran[1].startswith("Sasaran Strategis 2: Meningkatnya")
    assert any(isinstance(b, Labelled) for b in doc.blocks)
    assert any(isinstance(b, Para) and "91,00 %" in b.text for b in doc.blocks)


def test_a_pemda_template_keeps_its_kop_and_margins(puger_path, tmp_path):
    kop = Document()
    kop.sections[0].header.paragraphs[0].text = "PEMERINTAH KABUPATEN JEMBER - KOP SURAT"
    kop.sections[0].left_margin = 1_000_000
    kop.add_paragraph("isi templat yang diganti")
    template = tmp_path / "kop.docx"
    kop.save(str(template))
    out = sakip_xlsx.dokumen(puger_path, tmp_path / "lkip.docx", templat=template).output
    made = Document(str(out))
    assert made.sections[0].header.paragraphs[0].text.endswith("KOP SURAT")
    assert abs(made.sections[0].left_margin - 1_000_000) < 1_000  # stored in twips
    assert "isi templat yang diganti" not in _docx_text(out)


def test_a_template_that_is_not_a_docx_is_refused_clearly(puger_path, tmp_path):
    kop = tmp_path / "kop.docx"
    kop.write_text("bukan dokumen Word")
    result = CliRunner().invoke(
        main,
        ["dokumen", str(puger_path), "-o", str(tmp_path / "x.docx"), "--templat-dokumen", str(kop)],
    )
    assert (
        result.exit_code == 2 and "kop.docx" in result.output and "Traceback" not in result.output
    )
    assert not (tmp_path / "x.docx").exists()


def test_cli_dokumen_and_fill_dokumen(puger_path, tmp_path):
    runner = CliRunner()
    out = tmp_path / "lkip.docx"
    result = runner.invoke(main, ["dokumen", str(puger_path), "-o", str(out)])
    assert result.exit_code == 1, result.output  # written; the data still has errors
    assert out.exists() and "Dokumen LKIP ditulis" in result.output
    again = runner.invoke(main, ["dokumen", str(puger_path), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    wrong = runner.invoke(main, ["dokumen", str(puger_path), "-o", str(tmp_path / "x.pdf")])
    assert wrong.exit_code == 2 and ".docx" in wrong.output
    filled = runner.invoke(
        main, ["fill", str(puger_path), "-o", str(tmp_path / "p-LKIP.xlsx"), "--dokumen"]
    )
    assert filled.exit_code == 1, filled.output
    assert (tmp_path / "p-LKIP.docx").exists() and (tmp_path / "p-LKIP.xlsx").exists()
    alone = runner.invoke(main, ["fill", str(puger_path), "--pdf"])
    assert alone.exit_code == 2 and "--dokumen" in alone.output


def test_no_libreoffice_means_exit_2_and_the_docx_is_kept(puger_path, tmp_path, monkeypatch):
    from sakip_xlsx.render.docx import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    out = tmp_path / "lkip.docx"
    result = CliRunner().invoke(main, ["dokumen", str(puger_path), "-o", str(out), "--pdf"])
    assert result.exit_code == 2
    assert "LibreOffice" in result.output and "DOCX ditulis" in result.output
    assert out.exists() and not out.with_suffix(".pdf").exists()


def test_the_workbook_carries_the_narrative(puger_path, tmp_path):
    result = sakip_xlsx.fill(puger_path, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(result.output, read_only=True)
    text = "\n".join(str(r[0]) for r in wb["Narasi"].iter_rows(values_only=True) if r[0])
    for sentence in narrative_texts(result.hasil, result.findings):
        if sentence:
            assert sentence in text, sentence


@requires_soffice
@pytest.mark.libreoffice
def test_the_pdf_shows_chapters_signatures_and_figures(puger_path, tmp_path):
    from pypdf import PdfReader

    made = sakip_xlsx.dokumen(puger_path, tmp_path / "puger-LKIP.docx", pdf=True)
    assert made.pdf is not None and made.pdf.exists()
    pages = [
        page.extract_text() or "" for page in PdfReader(io.BytesIO(made.pdf.read_bytes())).pages
    ]
    text = " ".join(" ".join(pages).split())
    for heading in CHAPTERS:
        assert heading in text, heading
    assert "HERU WIDAGDO, SP, M.Si" in text and "HENDY SISWANTO" in text
    assert "NIP. 19660105 199803 1 004" in text
    for figure in ("97,75", "89,86", "4.060.244.146"):
        assert figure in text, figure
    for number in range(1, 5):
        assert f"Sasaran Strategis {number}:" in text
    assert "Halaman" in pages[-1]
    # a wide table gets landscape pages: its amounts and words are never broken over lines
    lines = {line.strip() for page in pages for line in page.splitlines()}
    for whole in ("2.409.251.246", "1.632.385.030", "Memuaskan)"):
        assert any(whole in line for line in lines), whole
    wide = [p for p in PdfReader(io.BytesIO(made.pdf.read_bytes())).pages if p.mediabox.width > 700]
    assert wide, "no landscape page"


def test_wide_tables_get_a_landscape_section_and_the_page_returns(puger_path, tmp_path):
    made = sakip_xlsx.dokumen(puger_path, tmp_path / "puger-LKIP.docx")
    sections = Document(str(made.output)).sections
    wide = [s.page_width > s.page_height for s in sections]
    assert any(wide) and not wide[0]
    first = wide.index(True)
    assert not all(wide[first:]), "the page never returns to portrait"
    # the document ends on its last table, never on an empty section turned back
    assert Document(str(made.output)).paragraphs[-1].text.startswith("Sumber data")
    assert all("Halaman" in s.footer.paragraphs[0].text for s in sections)  # page numbers go on


def test_text_pasted_from_word_with_control_characters_is_written(tmp_path):
    rows = minimal_rows()
    rows["Realisasi"][0]["faktor_pendorong"] = "Disalin dari tabel Word\r\x07 dan \x01 lagi"
    made = sakip_xlsx.dokumen(write_workbook(tmp_path / "w.xlsx", rows), tmp_path / "w.docx")
    assert "Disalin dari tabel Word" in _docx_text(made.output)


def test_missing_realisasi_anggaran_is_said_to_be_missing(tmp_path):
    rows = minimal_rows()
    rows["Realisasi"][1].pop("realisasi_anggaran")
    result = check(write_workbook(tmp_path / "a.xlsx", rows))
    texts = " ".join(narrative_texts(result.hasil, result.findings))
    assert "realisasi anggaran belum diisi" in texts
    assert "Rp 0 " not in texts and "serapan 0,00 %" not in texts


def test_sentences_judge_what_the_tables_print(tmp_path):
    rows = minimal_rows()
    rows["Renstra"][1]["satuan"] = "Indeks"
    rows["RKT"][0]["target"] = 75.5
    rows["PK"][0]["target"] = 75.5
    rows["Realisasi"][0].update(realisasi=75.497, **{"realisasi_lalu:2023": 75.4985})
    result = check(write_workbook(tmp_path / "r.xlsx", rows))
    h = result.hasil.indikator["IS1"]
    said = " ".join(N.indikator_sentences(result.hasil, "IS1"))
    assert "belum mencapai" not in said and "tepat mencapai target" in said
    assert "Realisasi sama dengan tahun 2023" in said and h.tren == "Tetap"


def test_an_empty_workbook_gets_no_invented_conclusion(tmp_path):
    blank = sakip_xlsx.template(tmp_path / "kosong.xlsx", tahun=2024)
    result = check(blank)
    paragraphs = document.lkip_document(result.hasil, result.findings).paragraphs()
    text = " ".join(paragraphs)
    assert "Semua indikator sasaran yang dapat dinilai mencapai" not in text
    assert "Pada tahun 2024, [diisi instansi: nama instansi]" in text
    assert "0 melampaui target" not in text


def test_no_tahun_laporan_no_document(tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", minimal_rows(), identitas={"tahun_laporan": None})
    result = CliRunner().invoke(main, ["dokumen", str(path), "-o", str(tmp_path / "t.docx")])
    assert (
        result.exit_code == 2 and "Tahun laporan" in result.output and "Identitas" in result.output
    )
    assert not (tmp_path / "t.docx").exists()


@requires_soffice
@pytest.mark.libreoffice
def test_pdf_beside_an_input_in_the_current_folder(puger_path, tmp_path, monkeypatch):
    shutil.copy(puger_path, tmp_path / "puger.xlsx")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["dokumen", "puger.xlsx", "--pdf"])
    assert result.exit_code == 1, result.output  # written; the data has errors
    assert (tmp_path / "puger-LKIP.pdf").exists()


def test_a_word_template_without_heading_styles_still_gets_headings(puger_path, tmp_path):
    """Word keeps Heading 1-3 latent in styles.xml: they are defined, outline level and all,
    so the table of contents finds the chapters."""
    kop = Document()
    styles = kop.styles.element
    for style in list(styles):
        name = style.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name")
        if name is not None and name.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val"
        ) in ("heading 1", "heading 2", "heading 3", "Title", "Table Grid"):
            styles.remove(style)
    template = tmp_path / "kop.docx"
    kop.save(str(template))
    out = sakip_xlsx.dokumen(puger_path, tmp_path / "l.docx", templat=template).output
    made = Document(str(out))
    bab = [p for p in made.paragraphs if p.text == "BAB I PENDAHULUAN"][-1]  # not the TOC's
    assert bab.style.name == "Heading 1"
    assert "outlineLvl" in bab.style.element.xml
    data_tables = [t for t in made.tables if "Kode" in t.rows[0].cells[0].text]
    assert data_tables and all("tblBorders" in t._tbl.xml for t in data_tables)


def test_empty_pk_and_sdm_are_said_to_be_missing(tmp_path):
    rows = minimal_rows()
    rows["PK"] = []
    rows["SDM"] = []
    result = check(write_workbook(tmp_path / "e.xlsx", rows))
    text = " ".join(document.lkip_document(result.hasil, result.findings).paragraphs())
    assert "[diisi instansi: sasaran, indikator dan target Perjanjian Kinerja]" in text
    assert "[diisi instansi: data pegawai menurut jabatan, golongan dan pendidikan]" in text
    assert "sheet" not in text
    assert "naskahnya dilampirkan" not in text


def test_a_long_instansi_name_still_gives_a_document(tmp_path):
    """Word keeps at most 255 characters in the document's title property; a long name is
    shortened there (the document itself says it whole)."""
    name = "Dinas " + "Pemberdayaan Masyarakat dan Desa " * 8
    path = write_workbook(tmp_path / "w.xlsx", minimal_rows(), identitas={"nama_instansi": name})
    made = sakip_xlsx.dokumen(path, tmp_path / "w.docx")
    title = Document(str(made.output)).core_properties.title
    assert len(title) <= 255 and title.startswith("LKIP Dinas Pemberdayaan")
    assert name.split()[-1] in _docx_text(made.output)


def test_a_pagu_typed_as_zero_is_not_said_to_be_missing(tmp_path):
    rows = minimal_rows()
    for row in rows["RKT"]:
        if "pagu" in row:
            row["pagu"] = 0
    result = check(write_workbook(tmp_path / "z.xlsx", rows))
    sentence = N.serapan_sentence(result.hasil)
    assert "Rp 0" in sentence and "belum diisi" not in sentence
