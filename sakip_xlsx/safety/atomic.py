"""Writing output files so that no run ever leaves a half-written or a wrong file behind.

Every output is written to a short temporary name in the target folder and only then put in
place. Without `--force` it is put in place by a hard link (or, where the file system has no
links, an exclusive create), so a file that appears at the output path while the tool runs is
never replaced: there is no gap between "does it exist?" and "replace it". Only regular files
are ever replaced; a folder, FIFO or device at the output path is refused. A signal during the
move waits until the move is done (see `interrupt`).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sakip_xlsx.safety.errors import OutputFileError, os_reason
from sakip_xlsx.safety.interrupt import deferred, note_written

TEMP_PREFIX = ".~sakip-"
"""Temporary files are named `.~sakip-XXXXXXXX.tmp`: short, so that a valid long output name
never fails because of the name beside it, and hidden, so `gabung` on the folder skips it."""


@dataclass(frozen=True)
class Replaceable:
    """What an existing file at an output path must be for `--force` to replace it: a file
    the tool itself wrote as this kind of output (`kind`, said in Indonesian), recognised by
    `written_by_us`. `argument` says how the user named the output (`-o`, `KELUARAN`), so a
    refusal tells which argument is the output."""

    kind: str
    argument: str
    written_by_us: Callable[[Path], bool]


def scratch_folder(beside: Path) -> tempfile.TemporaryDirectory:
    """A private working folder next to `beside` (removed with everything in it when the
    block ends, also on an error or a signal)."""
    folder = Path(beside).parent if str(Path(beside).parent) else Path(".")
    return tempfile.TemporaryDirectory(prefix=TEMP_PREFIX, dir=folder)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: through symlinks, `..`, case-folding file systems
    and hard links alike."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def require_xlsx_name(path: Path) -> None:
    """Outputs are Excel workbooks: a name without `.xlsx` is almost always a slip (`-o hasil`,
    `-o hasil.xls`), so it is refused with the name the user probably meant."""
    require_suffix(path, ".xlsx")


def require_suffix(path: Path, suffix: str) -> None:
    """An output named for what it holds (`.xlsx`, `.docx`), or refused with the name the user
    probably meant."""
    path = Path(path)
    if not str(path) or not path.name:
        raise OutputFileError(f"Nama file keluaran kosong; sebutkan nama file {suffix}.")
    if path.suffix.lower() != suffix:
        suggestion = path.with_suffix(suffix).name if path.suffix else path.name + suffix
        raise OutputFileError(
            f"Nama file keluaran '{path.name}' harus berakhiran {suffix} (mis. {suggestion})."
        )


def check_target(path: Path, force: bool, rule: Replaceable | None = None) -> Path:
    """Refuse an output path that cannot be written or must not be replaced; returns the
    folder it goes into. With `rule`, an existing file that the tool did not write as that
    kind of output is refused even with `--force`: a file the user made is never replaced."""
    path = Path(path)
    if not str(path) or not path.name:
        raise OutputFileError("Nama file keluaran kosong; sebutkan nama file .xlsx.")
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputFileError(f"Tidak dapat menulis {path}: {os_reason(exc)}.") from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputFileError(
                f"Tujuan keluaran {path} adalah folder; sebutkan nama file .xlsx."
            )
        if not stat.S_ISREG(info.st_mode):
            raise OutputFileError(
                f"Tujuan keluaran {path} bukan file biasa (mis. FIFO atau perangkat); "
                "pilih nama file .xlsx lain."
            )
        if rule is not None and not rule.written_by_us(path):
            raise OutputFileError(
                f"{rule.argument[:1].upper()}{rule.argument[1:]} menunjuk {path}: file itu sudah "
                f"ada dan bukan {rule.kind} yang ditulis sakip-xlsx, jadi tidak ditimpa, juga "
                f"dengan --force. Pilih nama lain untuk {rule.argument}."
            )
        if not force:
            raise OutputFileError(
                f"File {path} sudah ada. Gunakan --force untuk menimpanya atau pilih nama lain."
            )
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder_info = folder.stat()
    except FileNotFoundError:
        raise OutputFileError(f"Folder tujuan {folder} tidak ada.") from None
    except OSError as exc:
        raise OutputFileError(f"Tidak dapat membuka folder {folder}: {os_reason(exc)}.") from exc
    if not stat.S_ISDIR(folder_info.st_mode):
        raise OutputFileError(f"{folder} bukan folder; tidak dapat menulis {path.name} di sana.")
    return folder


@contextlib.contextmanager
def atomic_target(
    path: Path, *, force: bool = False, rule: Replaceable | None = None
) -> Iterator[Path]:
    """A temporary path beside `path` to write to; put in place when the block ends without
    error, removed in every other case (an error, a signal, a refused replace)."""
    path = Path(path)
    folder = check_target(path, force, rule)
    tmp: str | None = None
    try:
        with deferred():
            try:
                fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
                os.close(fd)
            except OSError as exc:
                raise OutputFileError(
                    f"Tidak dapat menulis {path.name} di folder {folder}: {os_reason(exc)}."
                ) from exc
        try:
            yield Path(tmp)
        except OSError as exc:
            raise OutputFileError(f"Gagal menulis {path}: {os_reason(exc)}.") from exc
        except Exception as exc:
            cause = exc.args[0] if exc.args else None  # xlsxwriter wraps OSError on close
            if isinstance(cause, OSError):
                raise OutputFileError(f"Gagal menulis {path}: {os_reason(cause)}.") from exc
            raise
        with deferred():
            _put_in_place(Path(tmp), path, force, rule)
            note_written(path)
    finally:
        if tmp is not None:
            with deferred(), contextlib.suppress(OSError):
                os.unlink(tmp)


def _put_in_place(tmp: Path, path: Path, force: bool, rule: Replaceable | None) -> None:
    try:
        os.chmod(tmp, 0o644)
    except OSError as exc:
        raise OutputFileError(f"Gagal menulis {path}: {os_reason(exc)}.") from exc
    if not force:
        _create_new(tmp, path)
        return
    # still a regular file the tool wrote (or absent) just before the move
    check_target(path, force=True, rule=rule)
    try:
        os.replace(tmp, path)
    except PermissionError as exc:
        # the folder took the temporary file a moment ago, so a refused replace means the
        # file itself is locked: on Windows, open in Excel
        raise OutputFileError(
            f"File {path} tidak dapat ditimpa: {os_reason(exc)}. Bila file itu sedang terbuka, "
            f"tutup file {path.name} di Excel, lalu jalankan lagi."
        ) from exc
    except OSError as exc:
        raise OutputFileError(f"Gagal menulis {path}: {os_reason(exc)}.") from exc


def _create_new(tmp: Path, path: Path) -> None:
    """Put `tmp` at `path` only if nothing is there: a link fails when the name exists."""
    appeared = OutputFileError(
        f"File {path} muncul saat sakip-xlsx berjalan dan tidak ditimpa. Gunakan --force untuk "
        "menimpanya atau pilih nama lain."
    )
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise appeared from None
    except OSError:
        pass  # no hard links here (FAT, some network shares): reserve the name exclusively
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise appeared from None
    except OSError as exc:
        raise OutputFileError(f"Gagal menulis {path}: {os_reason(exc)}.") from exc
    os.close(fd)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise OutputFileError(
            f"Gagal menulis {path}: {os_reason(exc)}. Bila file itu sedang terbuka, tutup file "
            f"{path.name} di Excel, lalu jalankan lagi."
        ) from exc


def write_atomically(
    path: Path, data: bytes, *, force: bool = False, rule: Replaceable | None = None
) -> Path:
    """Write `data` to `path` through `atomic_target`: the old file or the whole new one."""
    path = Path(path)
    with atomic_target(path, force=force, rule=rule) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return path
