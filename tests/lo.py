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


def convert(source: Path, outdir: Path, *, recalculate: bool) -> Path:
    """Open `source` in LibreOffice and save it again as .xlsx in `outdir`."""
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
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    target = outdir / (source.stem + ".xlsx")
    assert target.exists(), f"LibreOffice did not convert {source}: {result.stderr}"
    return target
