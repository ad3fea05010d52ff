"""How long the LKIP document of the Puger example takes: building the DOCX (read, compute,
narrative, python-docx, in process) and printing it to PDF through LibreOffice (wall time of
the whole `sakip-xlsx dokumen --pdf` command). Run with the environment's interpreter:

    .venv/bin/python benchmarks/dokumen.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "puger-2023.xlsx"
RUNS = 5


def docx_seconds(folder: Path) -> float:
    import sakip_xlsx

    times = []
    for i in range(RUNS):
        start = time.perf_counter()
        sakip_xlsx.dokumen(EXAMPLE, folder / f"lkip-{i}.docx")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pdf_seconds(folder: Path) -> float:
    script = Path(sys.executable).parent / "sakip-xlsx"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "sakip_xlsx"]
    times = []
    for i in range(3):
        start = time.perf_counter()
        subprocess.run(
            [*cmd, "dokumen", str(EXAMPLE), "-o", str(folder / f"pdf-{i}.docx"), "--pdf"],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
        assert (folder / f"pdf-{i}.pdf").exists(), "no PDF: is LibreOffice installed?"
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = docx_seconds(folder)
        pdf = pdf_seconds(folder)
    print(f"docx_s={docx:.3f} (median of {RUNS}, in process: read, compute, narrative, write)")
    print(f"pdf_command_s={pdf:.2f} (median of 3, `dokumen --pdf` as a command)")


if __name__ == "__main__":
    main()
