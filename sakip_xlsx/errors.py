"""Errors a user can cause, with the exit code SPEC §7 gives them.

The CLI turns these into one Indonesian message and the exit code; anything else reaching the
top level is a bug in this tool, never the user's fault.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA_ERRORS = 1
EXIT_CANNOT_RUN = 2


class SakipError(Exception):
    """A problem that stops the run: the message is Indonesian and names file/sheet/cell."""

    exit_code = EXIT_CANNOT_RUN

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputFileError(SakipError):
    """The input file cannot be read at all (wrong format, damaged, hostile, missing)."""


class OutputFileError(SakipError):
    """The output cannot be written where asked."""
