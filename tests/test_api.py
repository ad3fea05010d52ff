"""The public Python API, as the README shows it: the README's example runs as written."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sakip_xlsx

ROOT = Path(__file__).resolve().parent.parent


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Python API") :]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_the_readme_example_runs(tmp_path, monkeypatch):
    code = _readme_example().replace("/tmp/", f"{tmp_path}/")
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "97.75 AA (Sangat Memuaskan)"  # SPEC §6: 100, 91, 100, 100
    assert (tmp_path / "puger-LKIP.xlsx").is_file()
    assert (tmp_path / "isian-2024.xlsx").is_file() and (tmp_path / "rekap.xlsx").is_file()


def test_the_api_raises_user_errors_instead_of_exiting(tmp_path):
    with pytest.raises(sakip_xlsx.SakipError) as caught:
        sakip_xlsx.check(tmp_path / "tidak-ada.xlsx")
    assert caught.value.exit_code == 2 and "tidak ditemukan" in caught.value.message
    with pytest.raises(sakip_xlsx.SakipError, match=r"\.xlsx"):
        sakip_xlsx.fill(ROOT / "examples" / "puger-2023.xlsx", tmp_path / "hasil.pdf")


def test_internal_modules_do_not_shadow_the_api():
    """`import sakip_xlsx.commands.pipeline` (as the CLI does) leaves `sakip_xlsx.fill` callable."""
    code = (
        "import sakip_xlsx, sakip_xlsx.commands.pipeline, sakip_xlsx.commands.gabung, "
        "sakip_xlsx.render.xlsx.template;"
        "print(all(callable(getattr(sakip_xlsx, n)) for n in "
        "('template', 'check', 'fill', 'gabung')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr
