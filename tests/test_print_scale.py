"""The printed workbook is readable (issue class: Tabel 2.1 and 3.6 fitted to one page wide
printed at about 5 pt): no sheet of the completed workbook prints its 11 pt text below 8 pt."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from sakip_xlsx.commands.pipeline import fill
from sakip_xlsx.render.xlsx.styles import MIN_PRINT_SCALE, PRINTABLE_POINTS, printed_points

ROOT = Path(__file__).resolve().parent.parent


def _sheets(path: Path):
    with zipfile.ZipFile(path) as zf:
        names = re.findall(r'<sheet name="([^"]+)"', zf.read("xl/workbook.xml").decode())
        for number, name in enumerate(names, start=1):
            yield name, zf.read(f"xl/worksheets/sheet{number}.xml").decode()


def _effective_scale(xml: str) -> float:
    setup = re.search(r"<pageSetup[^>]*>", xml)
    scale = re.search(r'scale="(\d+)"', setup.group(0)) if setup else None
    if scale:
        return int(scale.group(1)) / 100
    widths = 0.0
    for col in re.finditer(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', xml):
        count = int(col.group(2)) - int(col.group(1)) + 1
        widths += count * printed_points(float(col.group(3)) - 0.71)  # Excel's stored padding
    return min(1.0, PRINTABLE_POINTS / widths) if widths else 1.0


@pytest.mark.parametrize("example", ["puger-2023.xlsx"])
def test_no_sheet_prints_below_eight_points(tmp_path, example):
    out = fill(ROOT / "examples" / example, tmp_path / "lengkap.xlsx").output
    small = [
        (name, round(_effective_scale(xml), 2))
        for name, xml in _sheets(out)
        if 'fitToPage="1"' in xml or "scale=" in xml
        if _effective_scale(xml) < MIN_PRINT_SCALE / 100 - 0.005
    ]
    assert small == [], small


def test_the_wide_tables_print_across_pages_at_a_readable_scale(tmp_path):
    out = fill(ROOT / "examples" / "puger-2023.xlsx", tmp_path / "lengkap.xlsx").output
    scaled = {name for name, xml in _sheets(out) if f'scale="{MIN_PRINT_SCALE}"' in xml}
    assert {"Tabel 2.1", "Tabel 3.6"} <= scaled
