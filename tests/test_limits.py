"""A workbook too large to fill within the stated time and memory is refused while reading,
with a message that names the limit, the sheet and the row where it was passed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.workbook import grid, reader
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import minimal_rows, write_workbook


def _big(tmp_path: Path, subs: int) -> Path:
    rows = minimal_rows()
    for n in range(2, subs + 2):  # further sub kegiatan under the one kegiatan
        rows["RKT"].append(
            {
                "jenis": "Sub Kegiatan",
                "kode": f"P1.1.{n}",
                "kode_induk": "P1.1",
                "uraian": f"Sub kegiatan {n}",
                "pagu": 1_000_000,
            }
        )
    return write_workbook(tmp_path / "besar.xlsx", rows)


def _filled_rows(path: Path) -> dict[str, int]:
    with grid.open_workbook(path) as book:
        return {t: len(book.sheet(t).rows) for t in book.titles}


def test_rows_past_the_limit_stop_the_reading(tmp_path, monkeypatch):
    path = _big(tmp_path, 80)  # Identitas alone holds some 40 rows
    monkeypatch.setattr(reader, "MAX_INPUT_ROWS", 60)
    with pytest.raises(InputFileError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert "besar.xlsx terlalu besar" in message
    assert "lebih dari 60 baris terisi" in message
    assert "sheet 'RKT'" in message and "sakip-xlsx gabung" in message


def test_the_limit_counts_the_rows_of_all_input_sheets_together(tmp_path, monkeypatch):
    path = _big(tmp_path, 10)
    counts = _filled_rows(path)
    inputs = sum(n for t, n in counts.items() if t != "Petunjuk")
    largest = max(n for t, n in counts.items() if t != "Petunjuk")
    monkeypatch.setattr(reader, "MAX_INPUT_ROWS", inputs)
    read_workbook(path)  # exactly at the limit: read
    monkeypatch.setattr(reader, "MAX_INPUT_ROWS", inputs - 1)
    assert largest < inputs - 1  # no one sheet passes it alone
    with pytest.raises(InputFileError, match="terlalu besar"):
        read_workbook(path)


def test_fill_refuses_with_exit_code_2_and_writes_nothing(tmp_path, monkeypatch):
    path = _big(tmp_path, 80)
    monkeypatch.setattr(reader, "MAX_INPUT_ROWS", 60)
    result = CliRunner().invoke(main, ["fill", str(path)])
    assert result.exit_code == 2
    assert "terlalu besar" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "besar-LKIP.xlsx").exists()


def test_a_large_dinas_is_far_below_the_limit(puger_path):
    assert reader.MAX_INPUT_ROWS >= 100_000
    read_workbook(puger_path)  # and the shipped example reads as ever


def test_the_grid_alone_has_no_limit(tmp_path):
    path = _big(tmp_path, 40)
    with grid.open_workbook(path) as book:
        assert book.row_limit is None
        assert len(book.sheet("RKT").rows) > 40
