"""Time `sakip-xlsx gabung` over 50 OPD workbooks (copies of the Puger example under different
names) with -j 1 and -j 2, and print the per-file cost used for the national estimate in the
README.

    .venv/bin/python benchmarks/gabung.py [--opd 200]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opd", type=int, default=200)
    args = parser.parse_args()
    script = Path(sys.executable).parent / "sakip-xlsx"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "sakip_xlsx"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "opd"
        folder.mkdir()
        for i in range(args.opd):
            shutil.copy(ROOT / "examples" / "puger-2023.xlsx", folder / f"opd-{i:03d}.xlsx")
        out = Path(tmp) / "rekap.xlsx"
        timings = {}
        for jobs in (1, 2):
            timings[jobs] = run(
                [*base, "gabung", str(out), str(folder), "-j", str(jobs), "--force"]
            )
    per_file = timings[1] / args.opd
    print(f"opd={args.opd} j1_s={timings[1]:.2f} j2_s={timings[2]:.2f} per_file_s={per_file:.3f}")
    national = 500 * 40
    print(
        f"national estimate: {national} files x {per_file:.3f} s = "
        f"{national * per_file / 60:.1f} min on one core, "
        f"{national * per_file / 60 / 2:.1f} min with -j 2"
    )


if __name__ == "__main__":
    main()
