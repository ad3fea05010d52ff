"""No file the user names is ever written over, by any command, with or without `--force`, and
`--force` replaces only a file the tool wrote as that kind of output (issue class: the pemda's
letterhead replaced by the LKIP, the daftar by the rekap, an OPD's workbook by `gabung --force
*.xlsx`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from tests.helpers import write_workbook
from tests.sipd_fixtures import write_sipd


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path


@pytest.fixture
def isian(folder) -> Path:
    return write_workbook(folder / "isian.xlsx")


@pytest.fixture
def kop(folder) -> Path:
    """The pemda's letterhead, made in Word."""
    letter = docx.Document()
    letter.sections[0].header.paragraphs[0].text = "PEMERINTAH KABUPATEN CONTOH"
    letter.add_paragraph("kop surat")
    path = folder / "kop.docx"
    letter.save(path)
    return path


def _aliases(target: Path, folder: Path) -> dict[str, Path]:
    """Other names of `target`: a symlink, a hard link, a detour through `..`."""
    (folder / "sub").mkdir(exist_ok=True)
    link = folder / "sub" / f"tautan-{target.name}"
    link.unlink(missing_ok=True)
    link.symlink_to(target)
    hard = folder / "sub" / f"keras-{target.name}"
    hard.unlink(missing_ok=True)
    os.link(target, hard)
    return {
        "same": target,
        "symlink": link,
        "hardlink": hard,
        "dotdot": folder / "sub" / ".." / target.name,
    }


ALIASES = ["same", "symlink", "hardlink", "dotdot"]


# --- an input named as the output ---------------------------------------------------------


@pytest.mark.parametrize("alias", ALIASES)
def test_dokumen_never_replaces_its_word_template(folder, isian, kop, alias):
    before = _digest(kop)
    out = _aliases(kop, folder)[alias]
    result = _run("dokumen", str(isian), "-o", str(out), "--templat-dokumen", str(kop), "--force")
    _refused(result, "templat dokumen", "-o")
    assert _digest(kop) == before


@pytest.mark.parametrize("alias", ALIASES)
def test_fill_never_replaces_its_input(folder, isian, alias):
    before = _digest(isian)
    out = _aliases(isian, folder)[alias]
    _refused(_run("fill", str(isian), "-o", str(out), "--force"), "masukan")
    assert _digest(isian) == before


def test_fill_dokumen_never_replaces_the_word_template(folder, isian):
    kop = folder / "isian-LKIP.docx"  # the document's default name, given as the template
    letter = docx.Document()
    letter.add_paragraph("kop")
    letter.save(kop)
    before = _digest(kop)
    result = _run("fill", str(isian), "--dokumen", "--templat-dokumen", str(kop), "--force")
    _refused(result, "templat dokumen")
    assert _digest(kop) == before and not (folder / "isian-LKIP.xlsx").exists()


@pytest.mark.parametrize("alias", ALIASES)
def test_gabung_never_replaces_the_daftar(folder, isian, alias):
    daftar = folder / "daftar.xlsx"  # a list kept as a workbook, named as the rekap
    book = openpyxl.Workbook()
    book.active["A1"] = "Dinas Contoh"
    book.save(daftar)
    before = _digest(daftar)
    out = _aliases(daftar, folder)[alias]
    result = _run("gabung", str(out), str(isian), "--daftar", str(daftar), "--force")
    _refused(result, "daftar")
    assert _digest(daftar) == before


def test_gabung_force_with_a_glob_never_replaces_the_first_workbook(folder, isian):
    """`gabung --force *.xlsx`: the shell puts an OPD's workbook first, where the rekap goes."""
    other = write_workbook(folder / "dinas-b.xlsx", identitas={"nama_instansi": "Dinas B"})
    before = _digest(isian)
    result = _run("gabung", "--force", str(isian), str(other))
    _refused(result, "KELUARAN", "argumen pertama", "bukan rekap")
    assert _digest(isian) == before


@pytest.mark.parametrize("alias", ALIASES)
def test_template_dari_never_replaces_last_years_workbook(folder, isian, alias):
    before = _digest(isian)
    out = _aliases(isian, folder)[alias]
    _refused(_run("template", str(out), "--dari", str(isian), "--force"), "--dari")
    assert _digest(isian) == before


@pytest.mark.parametrize("which", ["isian", "sipd"])
def test_impor_sipd_never_replaces_either_input(folder, isian, which):
    export = write_sipd(
        folder / "sipd.xlsx",
        [{"kode_sub": "7.01.01.2.02.01", "tanggal": dt.date(2024, 3, 1), "realisasi": 5}],
    )
    given = {"isian": isian, "sipd": export}[which]
    before = _digest(given)
    result = _run("impor-sipd", str(isian), str(export), "-o", str(given), "--force")
    _refused(result, "masukan")
    assert _digest(given) == before


# --- --force replaces only the tool's own output of that kind ------------------------------


def test_template_force_never_replaces_a_filled_isian(folder, isian):
    before = _digest(isian)
    _refused(_run("template", str(isian), "--force"), "KELUARAN", "bukan templat")
    assert _digest(isian) == before


def test_template_force_replaces_its_own_blank_template_until_someone_types(folder):
    blank = folder / "templat.xlsx"
    assert _run("template", str(blank), "--tahun", "2024").exit_code == 0
    assert _run("template", str(blank), "--tahun", "2025", "--force").exit_code == 0
    book = openpyxl.load_workbook(blank)
    book["Renstra"]["A2"] = "Sasaran"  # someone starts filling it in
    book.save(blank)
    before = _digest(blank)
    _refused(_run("template", str(blank), "--force"), "bukan templat")
    assert _digest(blank) == before


def test_a_blank_template_saved_again_unchanged_is_still_replaceable(folder):
    blank = folder / "templat.xlsx"
    assert _run("template", str(blank)).exit_code == 0
    book = openpyxl.load_workbook(blank)
    book.save(blank)  # opened and saved, nothing typed
    assert _run("template", str(blank), "--force").exit_code == 0


def test_fill_force_replaces_a_completed_workbook_but_not_an_isian(folder, isian):
    out = folder / "hasil.xlsx"
    assert _run("fill", str(isian), "-o", str(out)).exit_code == 0
    assert _run("fill", str(isian), "-o", str(out), "--force").exit_code in (0, 1)
    other = write_workbook(folder / "isian-lain.xlsx", identitas={"nama_instansi": "Dinas B"})
    before = _digest(other)
    _refused(_run("fill", str(isian), "-o", str(other), "--force"), "-o", "bukan workbook LKIP")
    assert _digest(other) == before


def test_dokumen_force_replaces_its_own_document_but_not_another(folder, isian, kop):
    out = folder / "lkip.docx"
    assert _run("dokumen", str(isian), "-o", str(out)).exit_code in (0, 1)  # 1: texts to write
    assert _run("dokumen", str(isian), "-o", str(out), "--force").exit_code in (0, 1)
    before = _digest(kop)
    _refused(_run("dokumen", str(isian), "-o", str(kop), "--force"), "bukan dokumen LKIP")
    assert _digest(kop) == before


def test_gabung_force_replaces_its_own_rekap(folder, isian):
    rekap = folder / "rekap.xlsx"
    assert _run("gabung", str(rekap), str(isian)).exit_code == 0
    assert _run("gabung", "--force", str(rekap), str(isian)).exit_code == 0
    before = _digest(rekap)
    again = _run("gabung", "--force", str(rekap), str(folder))  # the rekap inside its folder
    assert again.exit_code in (0, 1), again.output  # 1: the old rekap is listed, not counted
    assert _digest(rekap) != before


def test_a_foreign_pdf_beside_the_document_is_not_replaced(folder, isian):
    pdf = folder / "lkip.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% laporan lain\n")
    result = _run("dokumen", str(isian), "-o", str(folder / "lkip.docx"), "--pdf", "--force")
    _refused(result, "PDF", "bukan PDF dokumen LKIP")
    assert pdf.read_bytes() == b"%PDF-1.4\n% laporan lain\n"
    assert not (folder / "lkip.docx").exists()  # refused before any work
