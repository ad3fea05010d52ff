"""Writing output files so that a failed run never leaves a half-written workbook behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputFileError


@contextlib.contextmanager
def atomic_target(path: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed into place when the block ends
    without error, removed otherwise. Readers see the old file or the whole new one."""
    path = Path(path)
    folder = _check_target(path, force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise OutputFileError(
            f"Tidak dapat menulis di folder {folder}: {exc.strerror or exc}."
        ) from exc
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputFileError(f"Gagal menulis {path}: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _check_target(path: Path, force: bool) -> Path:
    if path.is_dir():
        raise OutputFileError(f"Tujuan keluaran {path} adalah folder; sebutkan nama file .xlsx.")
    if path.exists() and not force:
        raise OutputFileError(
            f"File {path} sudah ada. Gunakan --force untuk menimpanya atau pilih nama lain."
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputFileError(f"Folder tujuan {folder} tidak ada.")
    return folder


def write_atomically(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to a temporary file beside `path`, then rename it into place.

    The rename is atomic on one file system, so readers see either the old file or the whole
    new one. An existing file is replaced only with `force`.
    """
    path = Path(path)
    folder = _check_target(path, force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputFileError(
            f"Tidak dapat menulis di folder {folder}: {exc.strerror or exc}."
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputFileError(f"Gagal menulis {path}: {exc.strerror or exc}.") from exc
    return path
