"""`fill` and `check` as library calls: read, compute, check, write."""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_target, check_target, require_xlsx_name, same_file
from .compute import compute
from .errors import InputFileError, OutputFileError
from .findings import Finding, sort_findings
from .reader import read_workbook
from .results import FillResult, Pemeriksaan


def check(path: str | Path) -> Pemeriksaan:
    laporan = read_workbook(path)
    hasil = compute(laporan)
    from .checks import run_checks

    findings = sort_findings([*laporan.findings, *hasil.findings, *run_checks(hasil)])
    return Pemeriksaan(hasil, findings)


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}-LKIP.xlsx")


def fill(path: str | Path, output: str | Path | None = None, force: bool = False) -> FillResult:
    """Read the input workbook and write the completed one beside it (or at `output`)."""
    from .completed import write_completed_workbook

    source = Path(path)
    if not source.name or source.is_dir():
        raise InputFileError(f"{source} adalah folder, bukan file workbook (.xlsx).")
    target = Path(output) if output is not None else default_output(source)
    require_xlsx_name(target)
    if same_file(source, target):
        raise OutputFileError(
            f"File keluaran sama dengan file masukan ({source.name}); file masukan tidak pernah "
            "ditimpa. Pilih nama keluaran lain dengan -o."
        )
    check_target(target, force)  # before any work: a refused output costs nothing
    result = check(source)
    with atomic_target(target, force=force) as tmp:
        added: list[Finding] = []
        formulas = write_completed_workbook(tmp, result.hasil, result.findings, added)
    findings = sort_findings([*result.findings, *added]) if added else result.findings
    return FillResult(result.hasil, findings, source, target, formulas)
