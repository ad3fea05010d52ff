"""The floors of ARCHITECTURE.md are a contract: `lint-imports` (import-linter, configured in
pyproject.toml) passes on the package, and fails when a floor is broken — checked on a copy of
the package with one forbidden import added, so the contracts are known to be able to fail."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [str(LINT)] if LINT.exists() else [sys.executable, "-m", "importlinter.cli"]
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_the_package_keeps_every_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _probe(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess:
    """A copy of the package, renamed `sakip_probe` so that the installed package cannot
    stand in for it, with `line` added to `module`; linted with the same contracts."""
    copy = tmp_path / "sakip_probe"
    shutil.copytree(ROOT / "sakip_xlsx", copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.rglob("*.py"):
        path.write_text(path.read_text(encoding="utf-8").replace("sakip_xlsx", "sakip_probe"))
    target = copy.joinpath(*module.split(".")[1:]).with_suffix(".py")
    source = target.read_text(encoding="utf-8")
    future = "from __future__ import annotations\n"
    target.write_text(source.replace(future, f"{future}{line}\n", 1))
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text[text.index("[tool.importlinter]") :]
    (tmp_path / "pyproject.toml").write_text(section.replace("sakip_xlsx", "sakip_probe"))
    assert config["importlinter"]["root_package"] == "sakip_xlsx"
    return _lint(tmp_path, {"PYTHONPATH": str(tmp_path)})


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("sakip_probe.lkip.rules", "import xlsxwriter", "The domain is pure Python"),
        ("sakip_probe.lkip.compute", "import sakip_probe.workbook.reader", "Floors"),
        ("sakip_probe.document.tables", "import sakip_probe.render.xlsx.styles", "format-neutral"),
        ("sakip_probe.cli", "import sakip_probe.commands.pipeline", "thin skin"),
        ("sakip_probe.workbook.reader", "import click", "Reading the input writes nothing"),
    ],
)
def test_a_broken_floor_fails_the_build(tmp_path, module, line, contract):
    result = _probe(tmp_path, module, line)
    assert result.returncode != 0, result.stdout
    broken = result.stdout[result.stdout.index("Broken contracts") :]
    assert re.search(re.escape(contract), broken), result.stdout


def test_the_probe_itself_is_clean(tmp_path):
    """The copy without a forbidden import keeps every contract: what breaks above is the
    added line, not the copying."""
    result = _probe(tmp_path, "sakip_probe.lkip.rules", "")
    assert result.returncode == 0, result.stdout + result.stderr
