"""How long the LKIP document takes, beside `fill` on the same input.

For the Puger example: building the DOCX in process (read, compute, narrative, write) and
printing it to PDF through LibreOffice (wall time of the whole `sakip-xlsx dokumen --pdf`).

For the generated shapes of `benchmarks/run.py` (`dinas`: 900 sub kegiatan and 300 indicators;
`kabupaten`: 5,000 and 1,000; `satu-sasaran`: 4,000 indicators under one sasaran), each as a
separate process, median of --runs: `fill` and `dokumen` (DOCX only) of the same isian, with
their peak resident memory. Both commands read, compute and check the same workbook; what
differs is the output written, which is what is being judged. One line per shape, last:

DOKUMEN dokumen/fill=X.XX rss_ratio=Y.YY dokumen_s=... fill_s=... dokumen_rss_mb=...
fill_rss_mb=... shape=...

    .venv/bin/python benchmarks/dokumen.py                 # Puger, dinas, kabupaten
    .venv/bin/python benchmarks/dokumen.py --shape dinas --runs 5 --no-puger
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from run import RSS_WRAPPER, SHAPES, generate, timed  # noqa: E402

EXAMPLE = ROOT / "examples" / "puger-2023.xlsx"
RUNS = 5
EXTRA_SHAPES = {"satu-sasaran": (1, 4000, 10, 5, 6, 20)}
"""The issue's worst case: every indicator under one sasaran (one long Bab III section)."""


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


def measure(shape: str, runs: int, folder: Path) -> str:
    source = folder / f"{shape}.xlsx"
    generate(source, *{**SHAPES, **EXTRA_SHAPES}[shape])
    base = [sys.executable, "-c", RSS_WRAPPER]
    results: dict[str, list[tuple[float, float]]] = {"fill": [], "dokumen": []}
    for i in range(runs):  # alternating, so a slower moment of the machine hits both
        fill_out = folder / f"{shape}-{i}-LKIP.xlsx"
        doc_out = folder / f"{shape}-{i}-LKIP.docx"
        results["fill"].append(timed([*base, "fill", str(source), "-o", str(fill_out)]))
        results["dokumen"].append(timed([*base, "dokumen", str(source), "-o", str(doc_out)]))
        assert fill_out.exists() and doc_out.exists(), f"{shape}: an output is missing"
    fill_s = statistics.median(s for s, _ in results["fill"])
    doc_s = statistics.median(s for s, _ in results["dokumen"])
    fill_rss = max(r for _, r in results["fill"])
    doc_rss = max(r for _, r in results["dokumen"])
    print(
        f"{shape}: fill runs {[round(s, 2) for s, _ in results['fill']]}, dokumen runs "
        f"{[round(s, 2) for s, _ in results['dokumen']]}",
        file=sys.stderr,
    )
    return (
        f"DOKUMEN dokumen/fill={doc_s / fill_s:.2f} rss_ratio={doc_rss / fill_rss:.2f} "
        f"dokumen_s={doc_s:.2f} fill_s={fill_s:.2f} dokumen_rss_mb={doc_rss:.0f} "
        f"fill_rss_mb={fill_rss:.0f} shape={shape}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shapes = [*SHAPES, *EXTRA_SHAPES]
    parser.add_argument("--shape", choices=[*shapes, "all"], default="all")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-puger", action="store_true", help="skip the Puger DOCX/PDF timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.no_puger:
            print(f"docx_s={docx_seconds(folder):.3f} (Puger, median of {RUNS}, in process)")
            print(f"pdf_command_s={pdf_seconds(folder):.2f} (Puger, `dokumen --pdf`, median of 3)")
        chosen = shapes if args.shape == "all" else [args.shape]
        lines = [measure(shape, args.runs, folder) for shape in chosen]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
