"""Process wall time of the small, everyday commands: `sakip-xlsx --help` and `fill` of the
Puger example. Run it with the interpreter of the environment the tool is installed in:

    .venv/bin/python benchmarks/startup.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def command() -> list[str]:
    script = Path(sys.executable).parent / "sakip-xlsx"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sakip_xlsx"]


def median_wall(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    base = command()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "puger-2023.xlsx"
        shutil.copy(ROOT / "examples" / "puger-2023.xlsx", source)
        out = Path(tmp) / "out.xlsx"
        helps = median_wall([*base, "--help"])
        fills = median_wall([*base, "fill", str(source), "-o", str(out), "--force"])
    print(f"command: {' '.join(base)}")
    print(f"HELP median_s={helps:.3f} (target < 0.1)")
    print(f"PUGER fill median_s={fills:.3f} (target < 0.25)")


if __name__ == "__main__":
    main()
