"""The console entry point. Signals are routed before anything heavy is imported, so a Ctrl+C
in the first moments of a run still ends it with exit 130 and an Indonesian message rather
than an English traceback."""

from __future__ import annotations

import sys


def main() -> None:
    from . import interrupt

    interrupt.install()
    try:
        from .cli import main as cli_main
    except interrupt.Interrupted as stop:
        sys.stderr.write(f"Dibatalkan oleh {stop.label}; tidak ada file yang ditulis.\n")
        sys.exit(stop.exit_code)
    cli_main()
