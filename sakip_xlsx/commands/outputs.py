"""Which existing file an output may replace: never one the user named as an input, and under
`--force` only a file the tool itself wrote as that kind of output (SPEC §7).

Every workbook and document the tool writes says what it is: the custom document property
`sakip_keluaran` of a workbook (`lengkap`, `rekap`, `isian <digest of its values>`), the
keyword `sakip-xlsx` of a DOCX (carried into its PDF by LibreOffice). A blank template or a
new isian is replaceable only while its values are still the ones the tool wrote: once someone
types into it, it is an isian someone has filled in, and it is never replaced.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from sakip_xlsx.safety.atomic import Replaceable, check_target, same_file
from sakip_xlsx.safety.errors import OutputFileError
from sakip_xlsx.safety.marks import DOCX_KEYWORD, KIND_TEXT, MARK, Keluaran


def rule(kind: Keluaran, argument: str) -> Replaceable:
    """What `--force` may replace at an output of `kind` that the user gave as `argument`."""
    return Replaceable(KIND_TEXT[kind], argument, lambda path: written_as(path, kind))


def written_as(path: Path, kind: Keluaran) -> bool:
    """Whether the file at `path` is one the tool wrote as `kind` (and, for an isian, that
    nobody has typed into since). Anything unreadable is not."""
    try:
        if kind is Keluaran.DOKUMEN:
            return _docx_keyword(path)
        if kind is Keluaran.PDF:
            return _pdf_keyword(path)
        return _workbook_mark(path, kind)
    except Exception:  # a damaged or foreign file of any kind: not ours to replace
        return False


def _workbook_mark(path: Path, kind: Keluaran) -> bool:
    from sakip_xlsx.workbook import grid
    from sakip_xlsx.workbook.container import open_input
    from sakip_xlsx.workbook.reader import OUTPUT_SHEET_PREFIXES, SOURCE_DIGEST

    _, book = open_input(path)  # the size and zip-bomb limits of any input
    with book:
        mark = book.custom_property(MARK) or ""
        if kind is Keluaran.LENGKAP:
            older = book.custom_property(SOURCE_DIGEST) is not None and any(
                t.startswith(OUTPUT_SHEET_PREFIXES) for t in book.titles
            )
            return mark == Keluaran.LENGKAP or (not mark and older)
        if kind is Keluaran.REKAP:
            return mark == Keluaran.REKAP
        head, _, digest = mark.partition(" ")
        return head == Keluaran.ISIAN and digest == grid.cells_digest(book)


def _docx_keyword(path: Path) -> bool:
    import defusedxml.ElementTree as ET

    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("docProps/core.xml"))
    for element in root.iter():
        if element.tag.endswith("}keywords"):
            return DOCX_KEYWORD in (element.text or "").split(",")
    return False


_KEYWORDS = re.compile(rb"/Keywords\s*(?:<([0-9A-Fa-f\s]*)>|\(((?:[^()\\]|\\.)*)\))")


def _pdf_keyword(path: Path) -> bool:
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.startswith(b"%PDF-"):
        return False
    for hexed, literal in _KEYWORDS.findall(data):
        if hexed:
            raw = bytes.fromhex(hexed.decode("ascii"))
            text = raw[2:].decode("utf-16-be", "replace") if raw[:2] == b"\xfe\xff" else ""
            text = text or raw.decode("latin-1")
        else:
            text = literal.decode("latin-1")
        if DOCX_KEYWORD in [w.strip() for w in text.split(",")]:
            return True
    return False


def same_path(a: Path, b: Path) -> bool:
    """One file under two names: the same path, a symlink, a hard link, `dir/../dir`."""
    if same_file(a, b):
        return True
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def guard(
    outputs: Sequence[tuple[Path, Replaceable]],
    inputs: Sequence[tuple[str, Path | None]],
    force: bool,
) -> None:
    """Before any work: no output is one of the inputs (by any name), no two outputs are one
    file, and each output is new, or replaceable under `force` by its rule."""
    for out, out_rule in outputs:
        for label, given in inputs:
            if given is not None and same_path(out, Path(given)):
                argument = out_rule.argument
                raise OutputFileError(
                    f"{argument[:1].upper()}{argument[1:]} menunjuk {out}, yang sama dengan "
                    f"{label} {given}: file yang Anda sebutkan sebagai masukan tidak pernah "
                    f"ditimpa, juga dengan --force. Pilih nama lain untuk {argument}."
                )
    for i, (out, out_rule) in enumerate(outputs):
        for other, other_rule in outputs[i + 1 :]:
            if same_path(out, other):
                raise OutputFileError(
                    f"{out_rule.argument[:1].upper()}{out_rule.argument[1:]} dan "
                    f"{other_rule.argument} menunjuk file yang sama ({out}); pilih nama lain."
                )
        check_target(out, force, out_rule)
