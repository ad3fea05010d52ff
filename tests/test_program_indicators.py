"""Indicators of programs (outcome) and kegiatan (output) are measured (issue class: their
targets were printed, but a realisasi typed for them was refused as STR-014)."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import check, dokumen, fill
from sakip_xlsx.document import narrative as N
from tests.helpers import minimal_rows, write_workbook
from tests.lo import recalculated_mismatches, requires_soffice

PROGRAM, KEGIATAN = "7.01.01", "7.01.01.2.02"


def _rows(program_real=95, kegiatan_real="3 Dokumen"):
    rows = minimal_rows()
    rkt = {r["kode"]: r for r in rows["RKT"]}
    rkt[PROGRAM].update(indikator="Persentase layanan tepat waktu", satuan="%", target="100%")
    rkt[KEGIATAN].update(indikator="Jumlah dokumen perencanaan", satuan="Dokumen", target=4)
    if program_real is not None:
        rows["Realisasi"].append({"kode": PROGRAM, "realisasi": program_real})
    if kegiatan_real is not None:
        rows["Realisasi"].append({"kode": KEGIATAN, "realisasi": kegiatan_real})
    return rows


def test_program_and_kegiatan_realisasi_is_accepted_and_measured(tmp_path):
    result = check(write_workbook(tmp_path / "isian.xlsx", _rows()))
    assert not [f for f in result.findings if f.code == "STR-014"], result.findings
    program, kegiatan = result.hasil.anggaran[PROGRAM], result.hasil.anggaran[KEGIATAN]
    assert program.output_realisasi.number == 95
    assert program.output_capaian == pytest.approx(95.0)
    assert kegiatan.output_realisasi.number == 3
    assert kegiatan.output_capaian == pytest.approx(75.0)


def test_tabel_36_shows_them(tmp_path):
    result = fill(write_workbook(tmp_path / "isian.xlsx", _rows()), tmp_path / "l.xlsx")
    sheet = openpyxl.load_workbook(result.output, data_only=True)["Tabel 3.6"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if "Capaian output (%)" in r)
    capaian, real = header.index("Capaian output (%)"), header.index("Realisasi output")
    kode = header.index("Kode")
    by_code = {r[kode]: r for r in rows if r[kode] in (PROGRAM, KEGIATAN)}
    assert by_code[PROGRAM][real] == 95 and by_code[PROGRAM][capaian] == pytest.approx(95)
    assert by_code[KEGIATAN][real] == 3 and by_code[KEGIATAN][capaian] == pytest.approx(75)


def test_the_narrative_and_the_document_say_them(tmp_path):
    book = write_workbook(tmp_path / "isian.xlsx", _rows())
    said = " ".join(N.program_sentences(check(book).hasil, "S1"))
    assert "Program A" in said and "capaian 95,00 %" in said
    assert "Kegiatan A" in said and "capaian 75,00 %" in said
    out = dokumen(book, tmp_path / "lkip.docx").output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "capaian 95,00 %" in text and "capaian 75,00 %" in text


def test_where_none_is_typed_it_says_so(tmp_path):
    result = check(write_workbook(tmp_path / "isian.xlsx", _rows(None, None)))
    said = " ".join(N.program_sentences(result.hasil, "S1"))
    assert "belum diisi" in said and "Program A (target 100 %)" in said
    assert result.hasil.anggaran[PROGRAM].output_capaian is None


@requires_soffice
@pytest.mark.libreoffice
def test_the_formulas_agree(tmp_path):
    result = fill(write_workbook(tmp_path / "isian.xlsx", _rows()), tmp_path / "l.xlsx")
    compared, mismatches = recalculated_mismatches(result.output, tmp_path / "recalc")
    assert compared >= 50 and mismatches == []
