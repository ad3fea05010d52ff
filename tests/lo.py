"""LibreOffice headless as an independent spreadsheet engine for tests.

Saving through LibreOffice proves the reader copes with what another program writes; a full
recalculation proves our formulas compute what Python computed. LibreOffice keeps the cached
values of an .xlsx unless its profile says to recalculate on load, so each call uses a throwaway
profile with `OOXMLRecalcMode` = 0 (always recalculate).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


requires_soffice = pytest.mark.skipif(
    soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice not installed (CI installs it and never skips these)",
)


def convert(source: Path, outdir: Path, *, recalculate: bool, to: str = "xlsx") -> Path:
    """Open `source` in LibreOffice and save it again as .xlsx (or `to="pdf"`) in `outdir`."""
    exe = soffice()
    assert exe, "LibreOffice (soffice) is needed for this test"
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        user = Path(profile) / "user"
        user.mkdir(parents=True)
        if recalculate:
            (user / "registrymodifications.xcu").write_text(RECALC_XCU, encoding="utf-8")
        outdir.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                exe,
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML" if to == "xlsx" else "pdf:calc_pdf_Export",
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    target = outdir / (source.stem + "." + to)
    assert target.exists(), f"LibreOffice did not convert {source}: {result.stderr}"
    return target


def formula_cells(path: Path) -> dict[tuple[str, str], object]:
    """Every formula cell of a workbook with the cached value stored for it."""
    import openpyxl

    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in formulas.worksheets:
        vs = values[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith("=")):
                    out[(ws.title, c.coordinate)] = vs[c.coordinate].value
    return out


def recalculated_mismatches(path: Path, workdir: Path) -> tuple[int, list[str]]:
    """Recalculate `path` in LibreOffice and compare every formula cell with our cached value.

    Returns (cells compared, mismatch descriptions).
    """
    import openpyxl

    ours = formula_cells(path)
    recalculated = convert(path, workdir, recalculate=True)
    theirs = openpyxl.load_workbook(recalculated, data_only=True)
    problems = []
    for (sheet, a1), mine in ours.items():
        other = theirs[sheet][a1].value
        if not same(mine, other):
            problems.append(f"{sheet}!{a1}: cached {mine!r}, LibreOffice {other!r}")
    return len(ours), problems


def same(a: object, b: object) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def pdf_pages(source: Path, outdir: Path) -> list[str]:
    """Print `source` to PDF with LibreOffice, as a reviewer would, and return the text of
    each page with its whitespace collapsed (a word broken after a hyphen joined again)."""
    import re

    from pypdf import PdfReader

    pdf = convert(source, outdir, recalculate=False, to="pdf")
    pages = []
    for page in PdfReader(pdf).pages:
        text = " ".join((page.extract_text() or "").split())
        pages.append(re.sub(r"(\w)- (\w)", r"\1-\2", text))
    return pages
