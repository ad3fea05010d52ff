"""PDF through LibreOffice headless: a throwaway profile, a time limit, a fixed date.

LibreOffice is not a Python dependency; when it is missing the caller says so in Indonesian and
the DOCX stays written.
"""

from __future__ import annotations

import hashlib
import re
import shutil
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
        made = folder / "lkip.pdf"
        if not made.exists():
            raise PdfUnavailable("PDF tidak dibuat: LibreOffice gagal mengonversi dokumen.")
        return write_atomically(target, fixed_pdf(made.read_bytes()), force=force, rule=rule)


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
