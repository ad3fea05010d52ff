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


_REASONS = {
    "ENOSPC": "disk penuh",
    "EDQUOT": "kuota disk habis",
    "EACCES": "izin ditolak",
    "EPERM": "izin ditolak",
    "ENAMETOOLONG": "nama file atau folder terlalu panjang",
    "EROFS": "sistem file hanya-baca (read-only)",
    "EISDIR": "itu adalah folder",
    "ENOTDIR": "salah satu bagian jalurnya bukan folder",
    "ENOENT": "file atau folder tidak ada",
    "EBUSY": "sedang dipakai program lain",
    "ETXTBSY": "sedang dipakai program lain",
    "ELOOP": "tautan (symlink) berputar",
    "EIO": "galat baca/tulis perangkat",
    "EMFILE": "terlalu banyak file terbuka",
    "ENFILE": "terlalu banyak file terbuka",
    "EFBIG": "file terlalu besar untuk sistem file ini",
    "EXDEV": "folder berada di perangkat lain",
    "EEXIST": "sudah ada",
    "EINVAL": "nama tidak sah untuk sistem file ini",
}
_WINDOWS_LOCK = {32, 33}
"""ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: the file is open in another program."""


def os_reason(exc: OSError) -> str:
    """The reason of an operating-system error in Indonesian words."""
    import errno

    if getattr(exc, "winerror", None) in _WINDOWS_LOCK:
        return "sedang dibuka di program lain (mis. Excel)"
    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _REASONS:
        return _REASONS[name]
    return exc.strerror or type(exc).__name__


def os_error_message(exc: OSError, action: str = "Tidak dapat mengakses") -> str:
    """`action path: reason.`, naming the path the system named (or both of a rename)."""
    paths = [p for p in (exc.filename, exc.filename2) if p]
    where = " -> ".join(str(p) for p in paths) if paths else "(tanpa nama file)"
    return f"{action} {where}: {os_reason(exc)}."


class SystemFileError(SakipError):
    """An operating-system error on a path the user gave (disk full, permission, locked)."""

    @classmethod
    def from_os(cls, exc: OSError, action: str = "Tidak dapat mengakses") -> SystemFileError:
        return cls(os_error_message(exc, action))
