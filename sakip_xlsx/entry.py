"""The console entry point. Signals are routed before anything heavy is imported, so a Ctrl+C
in the first moments of a run still ends it with exit 130 and an Indonesian message rather
than an English traceback."""

from __future__ import annotations

import sys


def main() -> None:
    import gc

    # A run is one short process: what it makes is freed by reference counting as it goes, and
    # the cycle collector's full passes over a kabupaten model cost 0.25 s of a 6 s fill
    # (benchmarks/run.py). The library's own calls pause it only while they work.
    gc.disable()
    from sakip_xlsx.safety import interrupt

    interrupt.install()
    try:
        from sakip_xlsx.cli import main as cli_main
    except interrupt.Interrupted as stop:
        sys.stderr.write(f"Dibatalkan oleh {stop.label}; tidak ada file yang ditulis.\n")
        sys.exit(stop.exit_code)
    cli_main()
