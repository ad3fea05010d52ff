"""Ctrl+C, `kill` and a closed terminal end a run cleanly: nothing half-written stays behind.

SIGINT, SIGTERM and SIGHUP (where the platform has it) raise `Interrupted`, a BaseException so
that no `except Exception` on the way swallows it; the context managers that own temporary
files and folders remove them as it passes. Further signals are ignored while that cleanup
runs, and a signal that arrives while an output file is being put in place waits until the
move is finished, so the output is either the old file or the whole new one.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

SIGNAL_NAMES = {"SIGINT": "Ctrl+C (SIGINT)", "SIGTERM": "SIGTERM", "SIGHUP": "SIGHUP"}
"""The signals handled, by name: SIGHUP does not exist on Windows and is skipped there."""


class Interrupted(BaseException):
    """The run was stopped by a signal; exit code 128 + the signal number (130, 143, 129)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def label(self) -> str:
        name = signal.Signals(self.signum).name
        return SIGNAL_NAMES.get(name, name)


_deferred: list[int] = []
_depth = 0
_written: list[object] = []


def note_written(path: object) -> None:
    """An output put in place completely: a later signal must not be reported as if it had
    been cut off."""
    _written.append(path)


def written() -> list[object]:
    return list(_written)


def _signals() -> list[signal.Signals]:
    return [getattr(signal, name) for name in SIGNAL_NAMES if hasattr(signal, name)]


def _ignore_further() -> None:
    for sig in _signals():
        with contextlib.suppress(ValueError, OSError):
            signal.signal(sig, signal.SIG_IGN)


def _handler(signum: int, frame: object) -> None:
    if _depth:
        if not _deferred:
            _deferred.append(signum)
        return
    _ignore_further()
    raise Interrupted(signum)


def install() -> dict[signal.Signals, object]:
    """Route the stop signals to `Interrupted` (main thread only; a library caller that
    embeds sakip-xlsx keeps its own handlers unless it calls this). Returns the handlers
    replaced, for `restore`."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    _deferred.clear()
    _written.clear()
    return {sig: signal.signal(sig, _handler) for sig in _signals()}


def restore(previous: dict[signal.Signals, object]) -> None:
    for sig, handler in previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(sig, handler)  # type: ignore[arg-type]


def ignore_from_now_on() -> None:
    """Worker processes of `gabung` leave signals to the parent, which stops them; a run whose
    work is done and exit code decided ignores late ones."""
    _ignore_further()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """A section that a signal must not cut in half (creating or moving an output file)."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth and _deferred:
            signum = _deferred.pop()
            _ignore_further()
            raise Interrupted(signum)
