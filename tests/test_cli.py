"""The command line: thin, Indonesian, exit codes of SPEC §7, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from tests.helpers import minimal_rows, write_workbook


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_help_lists_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("template", "fill", "check"):
        assert command in result.output


def test_fill_writes_beside_the_input_and_prints_the_summary(tmp_path, puger_path):
    src = tmp_path / "puger.xlsx"
    shutil.copy(puger_path, src)
    before = src.read_bytes()
    result = run("fill", str(src))
    assert result.exit_code == 1  # the example carries the source documents' errors
    out = tmp_path / "puger-LKIP.xlsx"
    assert out.exists()
    assert src.read_bytes() == before
    assert "97,75 %" in result.output and "AA" in result.output
    assert "89,86 %" in result.output
    assert "3 error" in result.output
    assert str(out) in result.output


def test_fill_exit_0_without_errors(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    result = run("fill", str(path), "-o", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.xlsx").exists()


def test_fill_refuses_existing_output_without_force(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    out = tmp_path / "m-LKIP.xlsx"
    assert run("fill", str(path)).exit_code == 0
    before = out.read_bytes()
    result = run("fill", str(path))
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_bytes() == before
    write_workbook(path, identitas={"nama_instansi": "Dinas Lain"})
    assert run("fill", str(path), "--force").exit_code == 0  # a completed workbook: replaced
    assert out.read_bytes() != before


def test_fill_never_overwrites_the_input(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    before = path.read_bytes()
    result = run("fill", str(path), "-o", str(path), "--force")
    assert result.exit_code == 2
    assert "masukan" in result.output
    assert path.read_bytes() == before


def test_fill_missing_file_is_exit_2_with_message(tmp_path):
    result = run("fill", str(tmp_path / "tidak-ada.xlsx"))
    assert result.exit_code == 2
    assert "tidak ditemukan" in result.output
    assert "Traceback" not in result.output


def test_check_text_groups_by_sheet(puger_path):
    result = run("check", str(puger_path))
    assert result.exit_code == 1
    assert "[Rencana Aksi]" in result.output
    assert "BACA-008" in result.output


def test_check_json_is_machine_readable(puger_path):
    result = run("check", str(puger_path), "--format", "json")
    data = json.loads(result.output)
    assert data["ringkasan"]["error"] >= 1
    first = data["temuan"][0]
    assert set(first) >= {"kode", "tingkat", "sheet", "sel", "pesan", "saran"}


def test_check_json_carries_the_parameters_of_each_message(puger_path):
    """Peralatan kantor: 1 of 7 paket = 14,29 %; the JSON says the code and the figure as
    they are (a number, unrounded), beside the sentence made of them."""
    result = run("check", str(puger_path), "--format", "json")
    temuan = json.loads(result.output)["temuan"]
    low = next(t for t in temuan if t["kode"] == "CAP-002")
    assert (low["sheet"], low["sel"]) == ("Realisasi", "G8")
    assert low["pesan"] == "Sheet Realisasi: Capaian P1.3.1 = 14,29 %."
    assert set(low["param"]) == {"kode", "capaian"}
    assert low["param"]["kode"] == "P1.3.1"
    assert isinstance(low["param"]["capaian"], float)
    assert low["param"]["capaian"] == pytest.approx(100 / 7)
    assert round(low["param"]["capaian"], 2) == 14.29
    assert all(isinstance(t["param"], dict) for t in temuan)


def test_check_exit_codes_and_strict(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    assert run("check", str(path)).exit_code == 0
    rows = minimal_rows()
    rows["Rencana Aksi"][0]["target_tw1"] = 0.2  # a bare fraction for a % indicator: warning
    warned = write_workbook(tmp_path / "w.xlsx", rows)
    assert run("check", str(warned)).exit_code == 0
    strict = run("check", str(warned), "--strict")
    assert strict.exit_code == 1
    assert "BACA-006" in strict.output
    not_xlsx = tmp_path / "x.xlsx"
    not_xlsx.write_text("a;b;c\n1;2;3\n")
    result = run("check", str(not_xlsx))
    assert result.exit_code == 2
    assert "x.xlsx" in result.output


def test_python_dash_m_works(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sakip_xlsx", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "fill" in result.stdout


def test_readme_documents_every_command_and_option():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"sakip-xlsx {name}" in readme, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-") and opt not in ("--help",):
                    assert opt in readme, f"{name} {opt}"
