from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "puger-2023.xlsx"


@pytest.fixture(scope="session")
def puger_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def puger(puger_path):
    from sakip_xlsx.workbook.reader import read_workbook

    return read_workbook(puger_path)
