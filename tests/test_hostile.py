"""Hostile and messy input (issue corpus): never a traceback, never a modified input, never a
half-written file; a clear Indonesian message and the exit code of SPEC §7."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.corpus import BIG_CASE, XLS_CASE, Case, build
from tests.lo import requires_soffice

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Case]:
    """Every case that needs neither LibreOffice nor minutes: those two have their own tests."""
    cases = build(tmp_path_factory.mktemp("corpus"), xls=False, big=False)
    return {case.name: case for case in cases}


def _digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    return subprocess.run(
        [sys.executable, "-X", "dev", "-m", "sakip_xlsx", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=env,
    )


FAST = [
    "empty file",
    "not a zip",
    "truncated zip",
    "encrypted workbook (OLE)",
    ".xlsm",
    ".ods",
    "CSV renamed .xlsx",
    "zip without workbook part",
    "billion laughs in sharedStrings",
    "billion laughs in a sheet",
    "quadratic blowup in sharedStrings",
    "quadratic blowup in a sheet",
    "zip bomb",
    "missing sheets",
    "renamed, reordered and extra columns",
    "extra blank rows",
    "merged cells in the data area",
    "text in number cells",
    "error values",
    "formula cells without cached values",
    "dates where numbers belong",
    "negative and absurd numbers",
    "very long text",
    "cells starting with = + - @",
    "duplicate codes",
    "missing codes",
    "a folder as input",
    "a missing path",
    "output path not writable",
    "output folder missing",
    "output path = input path",
]


def test_corpus_covers_the_issue_list(corpus):
    assert sorted(corpus) == sorted(FAST)


def _fill_case(case: Case) -> None:
    folder = case.path.parent
    before = _digest(case.path)
    listing = _listing(folder)
    result = _run("fill", str(case.path), *case.args)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == case.exit_code, f"{case.name}: {output}"
    assert case.message in output, f"{case.name}: {output}"
    if case.names_file:
        assert case.path.name in output, f"{case.name}: {output}"
    assert _digest(case.path) == before, "the input must never change"
    new = _listing(folder) - listing
    if case.output_expected:
        out = case.path.with_name(f"{case.path.stem}-LKIP.xlsx")
        assert new == {out.name}, new
        sheets = openpyxl.load_workbook(out, read_only=True).sheetnames
        assert "Tabel 3.1" in sheets and "Temuan" in sheets
        out.unlink()
    else:
        assert new == set(), f"{case.name} left files behind: {new}"


@pytest.mark.parametrize("name", FAST)
def test_fill_on_each_case(corpus, name):
    _fill_case(corpus[name])


@requires_soffice
def test_legacy_xls_case(tmp_path):
    """The only case that needs LibreOffice: it saves the real BIFF8 file."""
    (case,) = [c for c in build(tmp_path, big=False) if c.name == XLS_CASE]
    _fill_case(case)


@pytest.mark.slow
def test_hundred_thousand_rows(tmp_path):
    (case,) = [c for c in build(tmp_path, xls=False) if c.name == BIG_CASE]
    _fill_case(case)


def test_check_never_tracebacks_either(corpus):
    for case in corpus.values():
        if case.args:
            continue
        result = _run("check", str(case.path))
        output = result.stdout + result.stderr
        assert "Traceback" not in output, f"{case.name}: {output}"
        expected = 2 if case.exit_code == 2 else (1 if case.exit_code == 1 else 0)
        assert result.returncode == expected, f"{case.name}: {output}"


def test_data_errors_are_named_with_sheet_and_cell(corpus):
    case = corpus["text in number cells"]
    result = _run("fill", str(case.path))
    assert "Realisasi!G2" in result.stdout
    case.path.with_name(f"{case.path.stem}-LKIP.xlsx").unlink()


@pytest.mark.parametrize("typed", ["²", "9" * 400])
def test_a_choice_off_the_list_that_looks_like_digits_is_written_as_text(tmp_path, typed):
    """`str.isdigit` holds for `²` and for 400 nines, yet neither is a number the completed
    workbook can hold: the value is named (BACA-007) and written as the text typed."""
    from sakip_xlsx.commands.pipeline import fill
    from tests.helpers import write_workbook

    path = write_workbook(tmp_path / "isian.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Renstra"]["H2"] = typed  # polaritas
    wb.save(path)
    out = tmp_path / "lengkap.xlsx"
    result = fill(path, out)
    assert any(f.code == "BACA-007" for f in result.findings)
    assert openpyxl.load_workbook(out)["Renstra"]["H2"].value == typed
