"""A new isian loses nothing silently (issue class: `impor-sipd` and `template --dari` wrote a
new workbook in which typed values outside the template's columns vanished behind one generic
sentence). Every value not carried is named cell by cell, on the terminal and in Catatan."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import write_workbook
from tests.sipd_fixtures import write_sipd

STRAYS = {
    ("Renstra", "Z1"): "Catatan bidang",  # a column of the user's own: its header ...
    ("Renstra", "Z3"): "cek ulang dengan Bappeda",  # ... and its value
    ("Realisasi", "X5"): "angka sementara",  # a note beside the table
    ("Identitas", "E4"): "ditanyakan ke Sekcam",  # a note right of an Identitas field
    ("Identitas", "C2"): "nama resmi sesuai Perbup",  # the user's own Keterangan
    ("Coretan", "B2"): "hitungan kasar 2023",  # a sheet of the user's own
}


def _isian(tmp_path):
    path = write_workbook(tmp_path / "isian.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Coretan")
    for (sheet, ref), value in STRAYS.items():
        book[sheet][ref] = value
    book.save(path)
    return path


def _catatan(path) -> str:
    sheet = openpyxl.load_workbook(path)["Catatan"]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)


def _assert_named(text: str) -> None:
    for (sheet, ref), value in STRAYS.items():
        assert f"{sheet}!{ref}: '{value}'" in text, (sheet, ref, text)


def test_template_dari_names_every_value_it_does_not_carry(tmp_path):
    source = _isian(tmp_path)
    out = tmp_path / "isian-2025.xlsx"
    result = CliRunner().invoke(main, ["template", str(out), "--dari", str(source)])
    assert result.exit_code == 0, result.output
    _assert_named(result.output)
    _assert_named(_catatan(out))


def test_impor_sipd_names_every_value_it_does_not_carry(tmp_path):
    source = _isian(tmp_path)
    export = write_sipd(
        tmp_path / "sipd.xlsx",
        [{"kode_sub": "7.01.01.2.02.01", "tanggal": dt.date(2024, 3, 1), "realisasi": 900_000}],
    )
    out = tmp_path / "baru.xlsx"
    result = CliRunner().invoke(main, ["impor-sipd", str(source), str(export), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    _assert_named(result.output)
    _assert_named(_catatan(out))


def test_a_clean_isian_names_nothing(tmp_path):
    source = write_workbook(tmp_path / "isian.xlsx")
    out = tmp_path / "isian-2025.xlsx"
    result = CliRunner().invoke(main, ["template", str(out), "--dari", str(source)])
    assert result.exit_code == 0, result.output
    assert "Tidak dibawa" not in result.output
    assert "Semua nilai isian asal ada di salinan ini" in _catatan(out)


@pytest.mark.parametrize("source_kind", ["isian", "lengkap"])
def test_the_tool_own_sheets_are_not_named(tmp_path, source_kind):
    from sakip_xlsx.commands.pipeline import fill

    source = write_workbook(tmp_path / "isian.xlsx")
    if source_kind == "lengkap":
        source = fill(source, tmp_path / "isian-LKIP.xlsx").output
    out = tmp_path / "isian-2025.xlsx"
    result = CliRunner().invoke(main, ["template", str(out), "--dari", str(source)])
    assert result.exit_code == 0, result.output
    assert "Tidak dibawa" not in result.output, result.output
    assert read_workbook(out).identitas.tahun_laporan == 2025
