"""Checks on the input file before any spreadsheet library touches it.

Staff feed the tool whatever is on their desktop. A legacy .xls, an encrypted workbook, an .ods,
a CSV renamed .xlsx or a zip bomb must each get a clear message instead of a traceback or a
machine that runs out of memory; so the container is inspected from its magic bytes and the
sizes the zip declares, without inflating anything.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path

from sakip_xlsx.safety.errors import InputFileError, os_reason

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest input file accepted: a kabupaten-scale workbook is a few MB; 100 MB leaves room."""
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
"""Largest total the zip may declare once inflated (1 GiB): beyond that it is a bomb."""
MAX_PART_RATIO = 200
"""Highest compression ratio accepted for a big part. Real sheet XML compresses 10-30x;
a bomb compresses thousands of times."""
RATIO_FLOOR_BYTES = 10 * 1024 * 1024
"""Parts smaller than this inflated are never refused for their ratio."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_input_file(path: str | os.PathLike[str]) -> Path:
    """Refuse what cannot be a readable .xlsx, with a message naming the file."""
    p = Path(path)
    name = p.name
    if not str(path):
        raise InputFileError("Nama file masukan kosong; sebutkan file workbook .xlsx.")
    try:
        info = p.stat()
    except FileNotFoundError:
        raise InputFileError(f"File tidak ditemukan: {p}") from None
    except OSError as exc:
        raise InputFileError(f"File {p} tidak dapat dibuka: {os_reason(exc)}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{p} adalah folder, bukan file workbook (.xlsx).")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{p} bukan file biasa (mis. FIFO atau perangkat), bukan workbook.")
    try:
        size = info.st_size
        with p.open("rb") as fh:
            head = fh.read(8)
            start = head + fh.read(256 * 1024) if head.startswith(OLE_MAGIC) else head
    except OSError as exc:
        raise InputFileError(f"File {p} tidak dapat dibuka: {os_reason(exc)}.") from exc
    if size == 0:
        raise InputFileError(f"File {name} kosong (0 byte).")
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            f"File {name} terlalu besar ({size // (1024 * 1024)} MB; batas "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )
    if head.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in start:
            raise InputFileError(
                f"File {name} dilindungi kata sandi (terenkripsi). Buka di Excel/LibreOffice, "
                "hapus kata sandinya, lalu simpan lagi sebagai Excel Workbook (.xlsx)."
            )
        raise InputFileError(
            f"File {name} adalah workbook Excel lama (.xls, format BIFF). Buka di "
            "Excel/LibreOffice lalu simpan sebagai Excel Workbook (.xlsx)."
        )
    if not head.startswith(b"PK"):
        raise InputFileError(
            f"File {name} bukan workbook .xlsx (mungkin CSV/teks atau file lain yang diganti "
            "namanya). Buka di Excel/LibreOffice lalu simpan sebagai Excel Workbook (.xlsx)."
        )
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputFileError(
            f"File {name} rusak atau terpotong (arsip zip tidak utuh). Simpan ulang dari "
            "Excel/LibreOffice."
        ) from exc
    if "mimetype" in names and "content.xml" in names:
        raise InputFileError(
            f"File {name} adalah spreadsheet OpenDocument (.ods). Simpan sebagai Excel "
            "Workbook (.xlsx) lalu coba lagi."
        )
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names and not _main_part(p):
        raise InputFileError(
            f"File {name} adalah arsip zip, tetapi tidak berisi workbook Excel (xl/workbook.xml)."
        )
    if "xl/workbook.bin" in names:
        raise InputFileError(
            f"File {name} adalah workbook biner (.xlsb). Simpan sebagai Excel Workbook (.xlsx)."
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_PART_RATIO * max(
            info.compress_size, 1
        ):
            raise InputFileError(
                f"File {name} ditolak: bagian {info.filename} mengembang "
                f"{info.file_size // max(info.compress_size, 1)} kali saat dibuka (zip bomb?)."
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputFileError(
            f"File {name} ditolak: isinya mengembang menjadi {total // (1024 * 1024)} MB "
            f"(batas {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB)."
        )
    _refuse_dtd(p, infos)
    return p


def _main_part(p: Path) -> str | None:
    """The workbook part the package names in `_rels/.rels`, when it is not the usual
    `xl/workbook.xml` (tools other than Excel may name it otherwise)."""
    from sakip_xlsx.workbook.grid import (
        package_part,  # the same lookup the reader uses, DTDs refused
    )

    try:
        with zipfile.ZipFile(p) as zf:
            target = package_part(zf, "officeDocument")
    except Exception:  # a damaged or hostile package: the usual refusal follows
        return None
    return target if target and target.endswith(".xml") else None


def _refuse_dtd(p: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Office XML never carries a DTD; one with entity declarations is an attack (billion
    laughs, quadratic blowup, external entities). The prolog is read, nothing is expanded."""
    try:
        with zipfile.ZipFile(p) as zf:
            for info in infos:
                if not info.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with zf.open(info) as fh:
                    head = fh.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise InputFileError(
                        f"File {p.name} ditolak: bagian {info.filename} berisi XML berbahaya "
                        "(deklarasi DTD/entity, mis. 'billion laughs'). Simpan ulang workbook "
                        "dari Excel/LibreOffice."
                    )
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise InputFileError(
            f"File {p.name} rusak atau terpotong (arsip zip tidak utuh). Simpan ulang dari "
            "Excel/LibreOffice."
        ) from exc


def unreadable(
    name: str, exc: BaseException, sheet: str | None = None, label: str = "File"
) -> InputFileError:
    """The Indonesian refusal of a workbook whose XML is hostile, too large or damaged."""
    from defusedxml import DefusedXmlException

    where = f"{label} {name}" + (f", sheet '{sheet}'," if sheet else "")
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, DefusedXmlException):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        return InputFileError(
            f"{where} ditolak: berisi XML berbahaya ({type(cause).__name__}, mis. entity "
            "expansion/'billion laughs'). Simpan ulang workbook dari Excel/LibreOffice."
        )
    if isinstance(exc, MemoryError):
        return InputFileError(f"{where} terlalu besar untuk dibaca.")
    detail = (str(exc).strip() or type(exc).__name__)[:200]
    return InputFileError(f"{where} rusak dan tidak dapat dibaca sebagai workbook Excel: {detail}")


def open_input(path: str | os.PathLike[str], label: str = "File"):
    """An input workbook checked before any parser runs, then opened as a streaming grid
    (`grid.WorkbookGrid`); every way it can fail is an `InputFileError`."""
    from sakip_xlsx.workbook import grid

    p = check_input_file(path)
    try:
        return p, grid.open_workbook(p)
    except Exception as exc:  # damaged or hostile XML in the workbook parts
        raise unreadable(p.name, exc, label=label) from exc
