"""Outputs and the run itself under realistic accidents (issue classes 5-8, 11, 12): signals,
operating-system errors, odd output paths, a file that appears meanwhile, a file locked by
Excel, terminals that cannot show every character, and the usual CLI slips."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.safety import atomic
from tests.helpers import write_workbook

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = (
    "Usage:",
    "Options:",
    "Error:",
    "Traceback",
    "Exception ignored",
    "Aborted!",
    "Missing argument",
    "No such",
    "is not a valid",
    "Galat internal",
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("encoding", (env or {}).get("PYTHONIOENCODING", "utf-8"))
    kwargs.setdefault("errors", "replace")  # click writes UTF-8 to an "ascii" stream
    return subprocess.run(
        [sys.executable, "-m", "sakip_xlsx", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def _english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.fixture
def isian(tmp_path) -> Path:
    folder = tmp_path / "kerja"
    folder.mkdir()
    return write_workbook(folder / "isian.xlsx")


# --- signals ------------------------------------------------------------------------------

SIGNAL_AT = {
    # where the process signals itself: mid-write of the workbook, after temporary files exist
    "fill": "xlsxwriter.Workbook.close",
    "template": "sakip_xlsx.safety.atomic.os.fsync",
    "gabung": "xlsxwriter.Workbook.close",
}


def _interrupted(command: list[str], at: str, sig: int, tmpdir: Path, cwd: Path):
    """Run the CLI in a child that sends itself `sig` the moment `at` is called."""
    owner, _, name = at.rpartition(".")
    script = textwrap.dedent(
        f"""
        import importlib, os, sys

        def resolve(dotted):
            parts = dotted.split(".")
            for i in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:i]))
                    break
                except ImportError:
                    continue
            for part in parts[i:]:
                obj = getattr(obj, part)
            return obj

        owner = resolve({owner!r})
        original = getattr(owner, {name!r})

        def signalling(*args, **kwargs):
            os.kill(os.getpid(), {sig})
            return original(*args, **kwargs)

        setattr(owner, {name!r}, signalling)
        from sakip_xlsx.cli import main

        sys.argv = ["sakip-xlsx", *{command!r}]
        main()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "TMPDIR": str(tmpdir), "PYTHONPATH": str(ROOT)},
    )


SIGNALS = [("SIGINT", 130), ("SIGTERM", 143)] + (
    [("SIGHUP", 129)] if hasattr(signal, "SIGHUP") else []
)


@pytest.mark.parametrize("command", ["fill", "template", "gabung"])
@pytest.mark.parametrize(("name", "code"), SIGNALS)
def test_a_signal_leaves_nothing_behind(command, name, code, isian, tmp_path):
    folder = isian.parent
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    before = _digest(isian)
    listing = set(os.listdir(folder))
    args = {
        "fill": ["fill", str(isian)],
        "template": ["template", str(folder / "baru.xlsx")],
        "gabung": ["gabung", str(folder / "rekap.xlsx"), str(isian)],
    }[command]
    result = _interrupted(args, SIGNAL_AT[command], getattr(signal, name), scratch, folder)
    assert result.returncode == code, result.stderr
    assert "Dibatalkan" in result.stderr
    assert not _english(result.stdout + result.stderr), result.stderr
    assert set(os.listdir(folder)) == listing  # no output, no temporary file beside it
    assert os.listdir(scratch) == []  # no scratch folder left in $TMPDIR
    assert _digest(isian) == before


def test_a_signal_during_parallel_reading_stops_the_workers(tmp_path):
    folder = tmp_path / "opd"
    folder.mkdir()
    for i in range(4):
        write_workbook(folder / f"opd-{i}.xlsx", identitas={"nama_instansi": f"Dinas {i}"})
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from sakip_xlsx.commands import gabung
        real = gabung.ringkas
        def slow(path):
            if path.name == "opd-1.xlsx":
                os.kill(os.getppid(), signal.SIGTERM)
                time.sleep(60)
            return real(path)
        gabung.ringkas = slow
        from sakip_xlsx.cli import main
        out, folder = {str(tmp_path / "rekap.xlsx")!r}, {str(folder)!r}
        sys.argv = ["sakip-xlsx", "gabung", out, folder, "-j", "2"]
        main()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=50,  # the sleeping worker must be stopped, not awaited
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 143, result.stderr
    assert "Dibatalkan" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "rekap.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(atomic.TEMP_PREFIX)]


# --- operating-system errors ----------------------------------------------------------------


def _fail_with(monkeypatch, target: str, err: int, windows_lock: bool = False):
    def fail(*args, **kwargs):
        exc = OSError(err, os.strerror(err), str(args[0]) if args else None)
        if windows_lock:
            exc = PermissionError(errno.EACCES, "Access is denied", str(args[-1]))
        raise exc

    monkeypatch.setattr(target, fail)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(atomic.TEMP_PREFIX)]


@pytest.mark.parametrize(
    ("target", "err", "reason"),
    [
        ("xlsxwriter.Workbook.close", errno.ENOSPC, "disk penuh"),
        ("sakip_xlsx.safety.atomic.tempfile.mkstemp", errno.EACCES, "izin ditolak"),
        ("sakip_xlsx.safety.atomic.tempfile.mkstemp", errno.EROFS, "hanya-baca"),
        ("sakip_xlsx.safety.atomic.os.link", errno.ENOSPC, "disk penuh"),
    ],
)
def test_os_errors_are_user_errors(monkeypatch, isian, target, err, reason):
    before = _digest(isian)
    if target.endswith("os.link"):  # link refused and the exclusive create too
        _fail_with(monkeypatch, "sakip_xlsx.safety.atomic.os.open", err)
    _fail_with(monkeypatch, target, err)
    result = CliRunner().invoke(main, ["fill", str(isian)])
    assert result.exit_code == 2, result.output
    assert reason in result.output and "isian-LKIP.xlsx" in result.output
    assert not _english(result.output), result.output
    assert _digest(isian) == before
    assert _leftovers(isian.parent) == [] and not isian.with_name("isian-LKIP.xlsx").exists()


def test_a_locked_output_asks_to_close_excel(monkeypatch, isian):
    out = isian.with_name("hasil.xlsx")
    assert CliRunner().invoke(main, ["fill", str(isian), "-o", str(out)]).exit_code == 0
    before = out.read_bytes()  # the completed workbook of an earlier run, open in Excel
    _fail_with(monkeypatch, "sakip_xlsx.safety.atomic.os.replace", errno.EACCES, windows_lock=True)
    result = CliRunner().invoke(main, ["fill", str(isian), "-o", str(out), "--force"])
    assert result.exit_code == 2, result.output
    assert "tutup file hasil.xlsx di Excel, lalu jalankan lagi" in result.output
    assert out.read_bytes() == before
    assert _leftovers(isian.parent) == []


def test_a_long_valid_name_is_not_broken_by_the_temporary_name(isian):
    out = isian.with_name("L" * 250 + ".xlsx")  # 255 bytes: the longest name allowed
    result = CliRunner().invoke(main, ["fill", str(isian), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_a_name_too_long_is_a_clear_error(isian):
    out = isian.with_name("L" * 300 + ".xlsx")
    result = CliRunner().invoke(main, ["fill", str(isian), "-o", str(out)])
    assert result.exit_code == 2
    assert "terlalu panjang" in result.output and not _english(result.output)


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
def test_outputs_replace_only_regular_files(isian, kind):
    out = isian.with_name("keluaran.xlsx")
    if kind == "folder":
        out.mkdir()
    elif kind == "fifo":
        os.mkfifo(out)
    else:
        out.symlink_to(os.devnull)
    result = CliRunner().invoke(main, ["fill", str(isian), "-o", str(out), "--force"])
    assert result.exit_code == 2, result.output
    assert ("folder" if kind == "folder" else "bukan file biasa") in result.output
    assert _leftovers(isian.parent) == []


def test_a_file_that_appears_meanwhile_is_not_replaced(monkeypatch, isian):
    import sakip_xlsx.render.xlsx.completed as completed

    out = isian.with_name("isian-LKIP.xlsx")
    real = completed.write_completed_workbook

    def slow_writer(*args, **kwargs):
        count = real(*args, **kwargs)
        out.write_bytes(b"ditulis orang lain")  # another program, while the tool writes
        return count

    monkeypatch.setattr(completed, "write_completed_workbook", slow_writer)
    result = CliRunner().invoke(main, ["fill", str(isian)])
    assert result.exit_code == 2, result.output
    assert "muncul" in result.output
    assert out.read_bytes() == b"ditulis orang lain"
    assert _leftovers(isian.parent) == []


@pytest.mark.parametrize("how", ["symlink", "hardlink", "dotdot"])
def test_fill_never_writes_over_its_input(isian, how):
    before = _digest(isian)
    if how == "symlink":
        out = isian.with_name("tautan.xlsx")
        out.symlink_to(isian)
    elif how == "hardlink":
        out = isian.with_name("kaitan.xlsx")
        os.link(isian, out)
    else:
        out = isian.parent / ".." / isian.parent.name / isian.name
    result = CliRunner().invoke(main, ["fill", str(isian), "-o", str(out), "--force"])
    assert result.exit_code == 2 and "tidak pernah" in result.output
    assert _digest(isian) == before


# --- streams and machine-readable output ------------------------------------------------------


def test_full_stdout_is_an_indonesian_error_also_at_shutdown(isian):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "sakip_xlsx", "check", str(isian)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    assert result.returncode == 2
    assert "disk penuh" in result.stderr
    assert not _english(result.stderr), result.stderr


def test_a_closed_pipe_is_not_a_traceback():
    result = subprocess.run(
        f"{sys.executable} -m sakip_xlsx check examples/puger-2023.xlsx | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert not _english(result.stderr), result.stderr


@pytest.fixture
def non_ascii(tmp_path) -> Path:
    return write_workbook(
        tmp_path / "dinas ü.xlsx", identitas={"nama_instansi": "Dinas Bina Marga – Sumber Daya ≥ é"}
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_terminals_that_cannot_encode_never_crash(non_ascii, encoding):
    env = {"PYTHONIOENCODING": encoding}
    for args in (["check", str(non_ascii)], ["fill", str(non_ascii), "--force"]):
        result = _run(*args, env=env)
        assert result.returncode in (0, 1), result.stderr
        assert not _english(result.stderr), result.stderr
    result = _run("check", str(non_ascii), "--format", "json", env=env)
    again = _run("check", str(non_ascii), "--format", "json", env={"PYTHONIOENCODING": "utf-8"})
    assert json.loads(result.stdout) == json.loads(again.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "tidak-ada.xlsx", "--format", "json"],
        ["check", "--format=json", "tidak-ada.xlsx"],
        ["check", "--format", "json"],
        ["check", ".", "--format", "json"],
    ],
)
def test_json_is_one_object_also_when_check_cannot_run(args):
    result = _run(*args)
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert set(payload) == {"galat"} and payload["galat"]
    assert result.stderr.strip()  # the message goes to stderr too


# --- CLI slips --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["fill", "."], "folder"),
        (["fill", "{isian}", "-o", "{folder}/hasil"], "harus berakhiran .xlsx"),
        (["fill", "{isian}", "-o", "{folder}/hasil.xls"], "hasil.xlsx"),
        (["fill", "{isian}", "-o", ""], "kosong"),
        (["template", "{folder}/baru.ods"], "harus berakhiran .xlsx"),
        (["gabung", "{folder}/rekap.csv", "{folder}"], "harus berakhiran .xlsx"),
        (["fill"], "Kurang argumen"),
        (["fill", "{isian}", "--paksa"], "tidak dikenal"),
        (["gabung", "{folder}/r.xlsx", "{folder}", "-j", "dua"], "bukan"),
        (["tidak-ada"], "tidak dikenal"),
    ],
)
def test_obvious_cli_mistakes_get_an_indonesian_message(args, fragment, isian):
    args = [a.format(isian=isian, folder=isian.parent) for a in args]
    result = _run(*args)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert fragment in output, output
    assert not _english(output), output
    assert output.count("Galat") >= 1


def test_help_is_indonesian():
    for args in (["--help"], ["fill", "--help"], ["gabung", "-h"], []):
        result = _run(*args)
        assert result.returncode == 0, result.stderr
        assert "Pemakaian:" in result.stdout and "Opsi" in result.stdout
        assert not _english(result.stdout), result.stdout
        assert "Show this message" not in result.stdout


def test_template_year_without_period_derives_the_period(tmp_path):
    import openpyxl

    out = tmp_path / "isian-2024.xlsx"
    result = CliRunner().invoke(main, ["template", str(out), "--tahun", "2024"])
    assert result.exit_code == 0, result.output
    headers = [c.value for c in openpyxl.load_workbook(out)["Renstra"][1]]
    assert "Target 2020" in headers and "Target 2024" in headers
    assert "Target 2025" not in headers


def test_paths_with_spaces_and_non_ascii_names(non_ascii, tmp_path):
    out = tmp_path / "hasil akhir – ö.xlsx"
    result = CliRunner().invoke(main, ["fill", str(non_ascii), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert out.is_file()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "code"), SIGNALS)
def test_a_real_signal_from_outside_mid_write(name, code, tmp_path):
    """The whole path as a user meets it: `kill` (or Ctrl+C) while a large workbook is being
    written. The signal is sent once the temporary output exists."""
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import generate

    folder = tmp_path / "kerja"
    folder.mkdir()
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    source = folder / "besar.xlsx"
    generate(source, 100, 5, 50, 10, 10, 200)
    before = _digest(source)
    process = subprocess.Popen(
        [sys.executable, "-m", "sakip_xlsx", "fill", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    deadline = time.monotonic() + 120
    while not _leftovers(folder) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert process.poll() is None, "the fill ended before the signal could be sent"
    time.sleep(0.3)
    process.send_signal(getattr(signal, name))
    out, err = process.communicate(timeout=120)
    assert process.returncode == code, err
    assert "Dibatalkan" in err and not _english(out + err), err
    assert sorted(os.listdir(folder)) == ["besar.xlsx"]
    assert os.listdir(scratch) == []
    assert _digest(source) == before


@pytest.mark.parametrize("command", ["check", "fill"])
def test_a_closed_stdout_still_runs_quietly(command, isian):
    result = subprocess.run(
        f"{sys.executable} -m sakip_xlsx {command} '{isian}' >&-",
        shell=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert not _english(result.stderr), result.stderr
    if command == "fill":
        assert isian.with_name("isian-LKIP.xlsx").is_file()


def test_a_full_disk_says_so_once_and_leaves_nothing(tmp_path):
    """A real full file system (a small tmpfs; skipped where mounting is not allowed)."""
    mount = tmp_path / "penuh"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        (mount / "isi").write_bytes(b"x" * 40_000)
        out = mount / "hasil.xlsx"
        result = _run("fill", "examples/puger-2023.xlsx", "-o", str(out))
        assert result.returncode == 2, result.stderr
        assert "disk penuh" in result.stderr and "hasil.xlsx" in result.stderr
        assert not _english(result.stderr), result.stderr
        assert sorted(os.listdir(mount)) == ["isi"]
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)
