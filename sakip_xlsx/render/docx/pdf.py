"""PDF through LibreOffice headless: a throwaway profile, a time limit, a fixed date.

LibreOffice is not a Python dependency; when it is missing the caller says so in Indonesian and
the DOCX stays written.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

from sakip_xlsx.safety.atomic import Replaceable, scratch_folder, write_atomically
from sakip_xlsx.safety.errors import SakipError

TIME_LIMIT = 180
"""Seconds LibreOffice may take for one document (the Puger LKIP takes a few)."""


class PdfUnavailable(SakipError):
    """The PDF could not be made (LibreOffice missing, failed or too slow); exit code 2."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(
    docx: bytes, target: Path, force: bool = False, rule: Replaceable | None = None
) -> Path:
    """Convert the DOCX `docx` to a PDF at `target` (written atomically)."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(
            "PDF tidak dibuat: LibreOffice (soffice) tidak ditemukan. Pasang LibreOffice "
            "(paket libreoffice-writer) atau buka file DOCX di Word lalu simpan sebagai PDF."
        )
    with scratch_folder(target) as scratch:
        folder = Path(scratch).resolve()  # LibreOffice mishandles a relative `.~…` folder
        source = folder / "lkip.docx"
        source.write_bytes(docx)
        profile = folder / "profil"
        made = folder / "lkip.pdf"
        if _with_indexes(exe, profile, source, made):  # the Daftar Isi with its page numbers
            return write_atomically(target, fixed_pdf(made.read_bytes()), force=force, rule=rule)
        try:
            subprocess.run(
                [
                    exe,
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation={profile.resolve().as_uri()}",
                    "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                capture_output=True,
                timeout=TIME_LIMIT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                f"PDF tidak dibuat: LibreOffice tidak selesai dalam {TIME_LIMIT} detik."
            ) from None
        except OSError as exc:
            raise PdfUnavailable(
                f"PDF tidak dibuat: LibreOffice tidak dapat dijalankan ({exc})."
            ) from exc
        if not made.exists():
            raise PdfUnavailable("PDF tidak dibuat: LibreOffice gagal mengonversi dokumen.")
        return write_atomically(target, fixed_pdf(made.read_bytes()), force=force, rule=rule)


HELPER = Path(__file__).with_name("lo_indexes.py")
"""The script that updates the document's indexes in LibreOffice before exporting the PDF."""


@functools.cache
def uno_python(soffice_path: str) -> str | None:
    """A Python that can drive LibreOffice (`import uno`): the one LibreOffice ships beside
    soffice (Windows, macOS), or the system's with python3-uno (Debian, Ubuntu); None when
    there is none, and the PDF is then converted without updating the Daftar Isi."""
    program = Path(soffice_path).resolve().parent
    candidates = [
        program / "python.exe",
        program / "python",
        program.parent / "Resources" / "python",
    ]
    candidates += [Path(p) for p in (shutil.which("python3"), "/usr/bin/python3") if p]
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            probe = subprocess.run(
                [str(candidate), "-c", "import uno"], capture_output=True, timeout=20, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return str(candidate)
    return None


def _with_indexes(exe: str, profile: Path, source: Path, made: Path) -> bool:
    """The PDF through LibreOffice with the document's indexes updated first; False when no
    Python with uno is at hand or the run failed (the plain conversion follows)."""
    python = uno_python(exe)
    if python is None:
        return False
    command = [python, str(HELPER), exe, profile.resolve().as_uri(), str(source), str(made)]
    try:  # its own process group: on a time-out the LibreOffice it started goes with it
        helper = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=os.name == "posix",
        )
    except OSError:
        return False
    try:
        code = helper.wait(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.killpg(helper.pid, signal.SIGKILL)
        helper.kill()
        helper.wait()
        return False
    return code == 0 and made.is_file() and made.stat().st_size > 0


_DATE = re.compile(rb"D:\d{14}")
_XMP_DATE = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def fixed_pdf(data: bytes) -> bytes:
    """The PDF with its dates and file identifier fixed (same-length substitutions, so the
    cross-reference offsets stay valid): the same document gives the same bytes."""

    data = _DATE.sub(b"D:20240101000000", data)
    data = _XMP_DATE.sub(b"2024-01-01T00:00:00", data)
    digest = hashlib.sha256(_ID.sub(b"", data)).hexdigest().upper().encode()

    def ident(match: re.Match) -> bytes:
        a = digest[: len(match[1])]
        return match[0].replace(match[1], a).replace(match[2], digest[: len(match[2])])

    return _ID.sub(ident, data)
