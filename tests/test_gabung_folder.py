"""`gabung` on a real, untidy folder of submissions (issue class 4): nothing written over,
nothing counted twice, every file not counted listed with its reason."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.commands import gabung as G
from sakip_xlsx.commands.pipeline import check, fill
from sakip_xlsx.render.xlsx.template import template_bytes
from tests.helpers import minimal_rows, write_workbook


def _opd(path: Path, name: str, pagu: int, real: int, tahun: int = 2023) -> Path:
    rows = minimal_rows()
    rows["RKT"][3]["pagu"] = pagu
    rows["PK"][1]["anggaran"] = pagu
    rows["Realisasi"][1]["realisasi_anggaran"] = real
    rows["Renstra"][1][f"target:{tahun}"] = "80%"
    return write_workbook(
        path, rows, identitas={"nama_instansi": name}, tahun=tahun, periode=(2021, 2026)
    )


def _gabung(*args: str):
    return CliRunner().invoke(main, ["gabung", *args])


def _listed(out: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(out, data_only=True)["Tidak dihitung"]
    return {Path(r[1].value).name: r[2].value for r in ws.iter_rows(min_row=4) if r[0].value}


def _counted(out: Path) -> list[tuple[str, str]]:
    ws = openpyxl.load_workbook(out, data_only=True)["Rekap"]
    return [(r[1].value, r[2].value) for r in ws.iter_rows(min_row=6) if r[0].value]


def _totals(out: Path) -> tuple[float, float]:
    ws = openpyxl.load_workbook(out, data_only=True)["Rekap"]
    row = next(r for r in ws.iter_rows(min_row=6) if r[1].value and "JUMLAH" in r[1].value)
    return row[8].value, row[9].value


@pytest.fixture
def folder(tmp_path) -> Path:
    """The folder of the issue: two OPDs, one OPD's completed workbook, last run's rekap, an
    unrelated workbook, a blank template, an .ods and a 2024 file among 2023 files."""
    root = tmp_path / "kiriman"
    root.mkdir()
    a = _opd(root / "dinas-a.xlsx", "Dinas A", 1_000_000, 900_000)
    _opd(root / "dinas-b.xlsx", "Dinas B", 2_000_000, 1_500_000)
    fill(a, root / "dinas-a-LKIP.xlsx")
    _opd(root / "dinas-c-2024.xlsx", "Dinas C", 5_000_000, 5_000_000, tahun=2024)
    other = openpyxl.Workbook()
    other.active.title = "Anggaran"
    other.active["A1"] = "catatan keuangan"
    other.save(root / "catatan.xlsx")
    (root / "template.xlsx").write_bytes(template_bytes(2023, (2021, 2026)))
    (root / "lama.ods").write_bytes(b"PK\x03\x04 not really")
    (root / "~$dinas-a.xlsx").write_bytes(b"lock")  # Excel's lock file: not a submission
    _gabung(str(tmp_path / "rekap-lalu.xlsx"), str(root / "dinas-b.xlsx"))
    shutil.move(tmp_path / "rekap-lalu.xlsx", root / "rekap-lalu.xlsx")
    return root


def test_the_untidy_folder_counts_exactly_the_two_opd(folder, tmp_path):
    out = tmp_path / "rekap.xlsx"
    result = _gabung(str(out), str(folder), "-j", "2")
    assert result.exit_code == 1, result.output  # written, with files not counted
    assert _totals(out) == (3_000_000, 2_400_000)
    assert _counted(out) == [("Dinas A", "dinas-a-LKIP.xlsx"), ("Dinas B", "dinas-b.xlsx")]
    listed = _listed(out)
    assert listed == {
        "catatan.xlsx": "bukan workbook SAKIP",
        "dinas-a.xlsx": "ganda",
        "dinas-c-2024.xlsx": "tahun lain",
        "lama.ods": "format lain",
        "rekap-lalu.xlsx": "rekap gabung",
        "template.xlsx": "kosong",
    }
    for name in listed:  # and on the terminal, each with its reason
        assert name in result.output
    assert "workbook lengkap" in result.output  # why dinas-a.xlsx is not counted


def test_the_same_totals_with_one_worker(folder, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _gabung(str(a), str(folder), "-j", "1")
    _gabung(str(b), str(folder), "-j", "2")
    assert a.read_bytes() == b.read_bytes()


def test_tahun_option_chooses_the_year(folder, tmp_path):
    out = tmp_path / "rekap.xlsx"
    _gabung(str(out), str(folder), "--tahun", "2024")
    assert [name for name, _ in _counted(out)] == ["Dinas C"]
    assert _listed(out)["dinas-a-LKIP.xlsx"] == "tahun lain"


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "dotdot"])
def test_output_equal_to_an_input_is_refused_before_any_work(folder, how):
    source = folder / "dinas-b.xlsx"
    before = source.read_bytes()
    if how == "same":
        output = source
    elif how == "symlink":
        output = folder / "tautan.xlsx"
        output.symlink_to(source)
    elif how == "hardlink":
        output = folder / "kaitan.xlsx"
        os.link(source, output)
    else:
        output = folder / ".." / folder.name / "dinas-b.xlsx"
    result = _gabung(str(output), str(source), "--force")
    assert result.exit_code == 2, result.output
    assert "tidak pernah ditimpa" in result.output
    assert source.read_bytes() == before
    result = _gabung(str(output), str(folder), "--force")  # found in the folder: refused too
    assert result.exit_code == 2, result.output
    assert source.read_bytes() == before


def test_the_same_file_reached_twice_counts_once(folder, tmp_path):
    link = tmp_path / "tautan.xlsx"
    link.symlink_to(folder / "dinas-b.xlsx")
    out = tmp_path / "rekap.xlsx"
    result = _gabung(
        str(out), str(folder / "dinas-b.xlsx"), str(folder / "dinas-b.xlsx"), str(link)
    )
    assert result.exit_code == 0, result.output
    assert _totals(out) == (2_000_000, 1_500_000)


def test_two_versions_count_the_latest_modified(tmp_path):
    old = _opd(tmp_path / "v1.xlsx", "Dinas A", 1_000_000, 100_000)
    new = _opd(tmp_path / "v2.xlsx", "Dinas A", 1_000_000, 800_000)
    os.utime(old, (2_000_000_000, 2_000_000_000))  # v1 is the newer file
    os.utime(new, (1_900_000_000, 1_900_000_000))
    out = tmp_path / "rekap.xlsx"
    _gabung(str(out), str(old), str(new))
    assert _totals(out) == (1_000_000, 100_000)
    assert _listed(out) == {"v2.xlsx": "ganda"}


def test_previous_rekap_in_the_folder_is_overwritten_only_with_force(folder):
    rekap = folder / "rekap-lalu.xlsx"
    before = rekap.read_bytes()
    assert _gabung(str(rekap), str(folder)).exit_code == 2
    assert rekap.read_bytes() == before
    result = _gabung(str(rekap), str(folder), "--force")
    assert result.exit_code == 1
    assert rekap.read_bytes() != before
    assert _totals(rekap) == (3_000_000, 2_400_000)


def _dying(path: Path):
    """Stands in for the reader: the worker process dies on one file."""
    if path.name == "dinas-b.xlsx":
        os._exit(9)
    return _REAL_RINGKAS(path)


_REAL_RINGKAS = G.ringkas


def test_a_worker_that_dies_lists_its_file_and_counts_the_rest(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(G, "ringkas", _dying)
    out = tmp_path / "rekap.xlsx"
    result = _gabung(str(out), str(folder), "-j", "2", "--tahun", "2023")
    assert result.exit_code == 1, result.output
    assert _listed(out)["dinas-b.xlsx"] == "proses berhenti"
    assert [name for name, _ in _counted(out)] == ["Dinas A"]
    assert _totals(out) == (1_000_000, 900_000)


def test_completed_workbook_records_its_source(folder):
    lengkap = check(folder / "dinas-a-LKIP.xlsx").hasil.laporan
    isian = check(folder / "dinas-a.xlsx").hasil.laporan
    assert lengkap.lengkap and not isian.lengkap
    assert lengkap.sumber_sha256 == isian.sha256


def test_odd_names_and_other_formats_are_listed_once(folder, tmp_path):
    odd = os.fsencode(folder) + b"/dinas-\xff.xlsx"
    shutil.copy(folder / "dinas-b.xlsx", odd)
    os.remove(folder / "dinas-b.xlsx")
    (folder / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0 lama")
    (folder / "wps.et").write_bytes(b"wps")
    (folder / "hilang.xlsx").symlink_to(folder / "tidak-ada.xlsx")
    alias = tmp_path / "alias"
    alias.symlink_to(folder, target_is_directory=True)
    out = tmp_path / "rekap.xlsx"
    result = _gabung(str(out), str(folder), str(alias), str(folder / "lama.ods"))
    assert result.exit_code == 1, result.output
    assert "Galat internal" not in result.output
    assert _totals(out) == (3_000_000, 2_400_000)  # the odd name is read and counted
    assert ("Dinas B", "dinas-\\xff.xlsx") in _counted(out)
    listed = _listed(out)
    assert listed["lama.ods"] == "format lain"  # named on the command line: the same reason
    assert listed["lama.xls"] == "format lain" and listed["wps.et"] == "format lain"
    assert listed["hilang.xlsx"] == "tidak terbaca"
    ws = openpyxl.load_workbook(out)["Tidak dihitung"]
    names = [Path(r[1].value).name for r in ws.iter_rows(min_row=4) if r[0].value]
    assert len(names) == len(set(names))  # the alias folder does not list anything twice


def test_a_worker_killed_from_outside_lists_only_its_file(folder, tmp_path):
    """The out-of-memory killer as the user meets it: SIGKILL to the worker reading one file."""
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    marker = tmp_path / "pid"
    out = tmp_path / "rekap.xlsx"
    script = textwrap.dedent(
        f"""
        import os, sys, time
        from pathlib import Path
        from sakip_xlsx.commands import gabung as rollup
        real = rollup.ringkas
        def slow(path):
            if path.name == "dinas-b.xlsx":
                Path({str(marker)!r}).write_text(str(os.getpid()))
                time.sleep(60)
            return real(path)
        rollup.ringkas = slow
        from sakip_xlsx.cli import main
        sys.argv = ["sakip-xlsx", "gabung", {str(out)!r}, {str(folder)!r}, "-j", "2",
                    "--tahun", "2023"]
        main()
        """
    )
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    deadline = time.monotonic() + 50
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)
    os.kill(int(marker.read_text()), signal.SIGKILL)
    _, stderr = process.communicate(timeout=50)
    assert process.returncode == 1, stderr
    assert _listed(out)["dinas-b.xlsx"] == "proses berhenti"
    assert [name for name, _ in _counted(out)] == ["Dinas A"]
