"""The cells present in a workbook's sheets, read in one streaming pass per sheet.

Why not openpyxl's read-only reader: it trusts the sheet's `<dimension>` and yields every row
and column inside it. A stray value typed at XFD1048576 makes it walk seventeen billion empty
cells, and a `<dimension>` written smaller than the data (tools that patch sheets do this) cuts
rows off without a word. Here the XML is parsed by expat with every DTD and entity declaration
refused (the defusedxml policy), the dimension is never consulted, and the work and memory are
proportional to the cells that are actually present. The same pass notes formula cells saved
without a result and merged areas, which a value-only read cannot tell.

Both spellings of Office Open XML are understood: Transitional (what Excel and LibreOffice
normally save) and Strict (Excel's "Strict Open XML Spreadsheet"), whose namespaces differ.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from sakip_xlsx.lkip.model import FORMAT_KEY, SheetGrid, column_letter
from sakip_xlsx.workbook.excel_dates import (
    BUILTIN_FORMATS,
    MAC_EPOCH,
    WINDOWS_EPOCH,
    from_excel,
    is_date_format,
    is_timedelta_format,
    unescape,
)

MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
REL_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT = MAIN_NAMESPACES[1]

MAX_ROW = 1_048_576
MAX_COL = 16_384
READ_CHUNK = 1024 * 1024

_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,9})$")


class XmlProblem(Exception):
    """A workbook part is not well-formed XML, or refers to a part that is not there."""


def _names(*local: str) -> frozenset[str]:
    """Expat's `namespace local` names of an element in either main namespace."""
    return frozenset(f"{ns} {name}" for ns in MAIN_NAMESPACES for name in local)


C, V, F, IS, T, R, RPH, ROW = (_names(n) for n in ("c", "v", "f", "is", "t", "r", "rPh", "row"))
MERGE, SI, SHEET, NUMFMT, XF = (_names(n) for n in ("mergeCell", "si", "sheet", "numFmt", "xf"))
CELLXFS, WORKBOOKPR = _names("cellXfs"), _names("workbookPr")
REL_ID = frozenset(f"{ns} id" for ns in REL_NAMESPACES)
RELATIONSHIP = frozenset({f"{PACKAGE_RELS} Relationship"})


def _parser() -> expat.XMLParserType:
    """An expat parser with namespace processing that refuses DTDs and entity declarations:
    Office XML never carries them, and they are how 'billion laughs' attacks start."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def doctype(name, sysid, pubid, has_internal_subset):
        raise DTDForbidden(name, sysid, pubid)

    def entity(name, is_parameter, value, base, sysid, pubid, notation):
        raise EntitiesForbidden(name, value, base, sysid, pubid, notation)

    def external(context, base, sysid, pubid):
        raise ExternalReferenceForbidden(context, base, sysid, pubid)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = lambda *args: entity(args[0], False, None, *args[1:])
    parser.ExternalEntityRefHandler = external
    return parser


def _parse(zf: zipfile.ZipFile, part: str, parser: expat.XMLParserType) -> None:
    """Feed one zip part to `parser` in chunks (memory stays flat however large the part)."""
    try:
        with zf.open(part) as fh:
            while True:
                chunk = fh.read(READ_CHUNK)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    return
    except expat.ExpatError as exc:
        raise XmlProblem(f"{part}: {expat.ErrorString(exc.code)} (baris {exc.lineno})") from exc
    except KeyError as exc:
        raise XmlProblem(f"bagian {part} tidak ada") from exc


def _collect(
    zf: zipfile.ZipFile,
    part: str,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    parser = _parser()
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    _parse(zf, part, parser)


def _relationships(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part name) of `part`."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", name + ".rels")
    out: dict[str, tuple[str, str]] = {}
    if rels_part not in zf.NameToInfo:
        return out

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag in RELATIONSHIP and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out[attrs.get("Id", "")] = (attrs.get("Type", ""), resolved)

    _collect(zf, rels_part, start)
    return out


MAX_IMAGE = 5 * 1024 * 1024
"""The largest picture taken from a sheet (a logo is tens of kilobytes)."""


@dataclass
class WorkbookGrid:
    """An opened workbook package: its sheet titles, parsed sheet by sheet on request."""

    path: Path | BinaryIO
    zf: zipfile.ZipFile
    parts: dict[str, str]
    """Sheet title -> worksheet part name, in workbook order."""
    strict: bool
    date1904: bool
    rels: dict[str, tuple[str, str]]
    """The workbook part's relationships: id -> (type, target part)."""
    _strings: list[str] | None = None
    _styles: list[str] | None = None
    row_limit: int | None = None
    """How many rows holding a value the sheets read from now on may hold together; past it,
    reading stops with `TooManyRows` (set by the reader, whose model and output grow with
    the rows)."""
    rows_read: int = 0

    @property
    def titles(self) -> list[str]:
        return list(self.parts)

    def close(self) -> None:
        self.zf.close()

    def __enter__(self) -> WorkbookGrid:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sheet(self, title: str) -> SheetGrid:
        if self._strings is None:
            self._strings = _shared_strings(self.zf, self._part("sharedStrings"))
            self._styles = _number_formats(self.zf, self._part("styles"))
        reader = _SheetReader(title, self._strings, self._styles or [], self.date1904)
        if self.row_limit is not None:
            reader.rows_left = self.row_limit - self.rows_read
        parser = _parser()
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        _parse(self.zf, self.parts[title], parser)
        self.rows_read += len(reader.grid.rows)
        return reader.grid

    def images(self, title: str) -> list[bytes]:
        """The pictures placed on a sheet (its drawing's images), in the drawing's order; an
        oversized or damaged one is skipped, never a reason to refuse the workbook."""
        out: list[bytes] = []
        part = self.parts.get(title)
        if part is None:
            return out
        try:
            for kind, drawing in _relationships(self.zf, part).values():
                if not kind.endswith("/drawing"):
                    continue
                for image_kind, target in _relationships(self.zf, drawing).values():
                    info = self.zf.NameToInfo.get(target)
                    if image_kind.endswith("/image") and info and info.file_size <= MAX_IMAGE:
                        out.append(self.zf.read(target))
        except Exception:  # a damaged drawing: the sheet's values are still read
            return out
        return out

    def custom_property(self, name: str) -> str | None:
        """A custom document property (docProps/custom.xml) as text, or None."""
        part = package_part(self.zf, "custom-properties")
        if part is None:
            return None
        state: dict[str, object] = {"inside": False, "value": None}
        buffer: list[str] = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag.endswith(" property"):
                state["inside"] = attrs.get("name") == name
            elif state["inside"]:
                buffer.clear()

        def end(tag: str) -> None:
            if tag.endswith(" property"):
                state["inside"] = False
            elif state["inside"] and state["value"] is None:
                state["value"] = "".join(buffer)

        def text(data: str) -> None:
            if state["inside"]:
                buffer.append(data)

        _collect(self.zf, part, start, end, text)
        value = state["value"]
        return value if isinstance(value, str) else None

    def _part(self, kind: str) -> str | None:
        return _by_type(self.zf, self.rels, kind)


def _by_type(zf: zipfile.ZipFile, rels: dict[str, tuple[str, str]], kind: str) -> str | None:
    for rel_type, target in rels.values():
        if rel_type.endswith("/" + kind) and target in zf.NameToInfo:
            return target
    return None


def package_part(zf: zipfile.ZipFile, kind: str) -> str | None:
    """The part the package's own relationships (`_rels/.rels`) name for `kind`
    (`officeDocument`, `custom-properties`), when it is present."""
    return _by_type(zf, _relationships(zf, ""), kind)


def open_workbook(path: Path | BinaryIO) -> WorkbookGrid:
    """Open the package (a file, or bytes in memory) and read its sheet list (the sheets
    themselves are parsed later)."""
    zf = zipfile.ZipFile(path)
    try:
        part = package_part(zf, "officeDocument") or "xl/workbook.xml"
        rels = _relationships(zf, part)
        sheets: list[tuple[str, str]] = []
        flags = {"strict": False, "date1904": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag in SHEET:
                rid = next((v for k, v in attrs.items() if k in REL_ID), "")
                if rid in rels:
                    sheets.append((attrs.get("name", ""), rels[rid][1]))
            elif tag in WORKBOOKPR:
                flags["date1904"] = attrs.get("date1904", "").lower() in ("1", "true")
            if tag.startswith(STRICT + " "):
                flags["strict"] = True

        _collect(zf, part, start)
        parts = {title: target for title, target in sheets if target in zf.NameToInfo}
        return WorkbookGrid(path, zf, parts, flags["strict"], flags["date1904"], rels)
    except BaseException:
        zf.close()
        raise


def _shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    strings: list[str] = []
    if part is None:
        return strings
    state = {"rph": 0, "capture": False}
    buffer: list[str] = []
    pieces: list[str] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag in T and not state["rph"]:
            state["capture"] = True
        elif tag in RPH:
            state["rph"] += 1
        elif tag in SI:
            pieces.clear()

    def end(tag: str) -> None:
        if tag in T and state["capture"]:
            pieces.append("".join(buffer))
            buffer.clear()
            state["capture"] = False
        elif tag in RPH:
            state["rph"] -= 1
        elif tag in SI:
            strings.append(unescape("".join(pieces)))

    def text(data: str) -> None:
        if state["capture"]:
            buffer.append(data)

    _collect(zf, part, start, end, text)
    return strings


def _number_formats(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    """Per cell style index, the number format code ('General' when none)."""
    if part is None:
        return []
    custom: dict[int, str] = {}
    styles: list[str] = []
    ids: list[int] = []
    depth = {"cellxfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag in NUMFMT:
            with contextlib.suppress(ValueError):
                custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "General")
        elif tag in CELLXFS:
            depth["cellxfs"] = True
        elif tag in XF and depth["cellxfs"]:
            try:
                ids.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                ids.append(0)

    def end(tag: str) -> None:
        if tag in CELLXFS:
            depth["cellxfs"] = False

    _collect(zf, part, start, end)
    for number in ids:
        styles.append(custom.get(number) or BUILTIN_FORMATS.get(number) or "General")
    return styles


def column_index(letters: str) -> int:
    """0-based column index of `A`..`XFD` (any length, upper or lower case)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index - 1


class TooManyRows(Exception):
    """The sheets read hold more rows than the reader's limit (`WorkbookGrid.row_limit`)."""

    def __init__(self, title: str, row: int) -> None:
        super().__init__(title, row)
        self.title = title
        self.row = row


class _SheetReader:
    """Expat handlers for one worksheet part; builds a `SheetGrid` as the XML streams by."""

    def __init__(self, title: str, strings: list[str], styles: list[str], date1904: bool):
        self.grid = SheetGrid(title)
        self.strings = strings
        self.styles = styles
        self.epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        self.date_styles = {i for i, fmt in enumerate(styles) if is_date_format(fmt)}
        self.row = 0
        self.row_text = ""
        self.col = -1
        self.in_cell = False
        self.in_inline = False
        self.rph = 0
        self.capture = False
        self.buffer: list[str] = []
        self.inline: list[str] = []
        self.value_text: str | None = None
        self.has_formula = False
        self.ref: str | None = None
        self.type = "n"
        self.style = 0
        self.rows_left: int | None = None
        self.seen_columns: set[int] = set()

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in C:
            self.in_cell = True
            self.value_text = None
            self.has_formula = False
            self.inline = []
            self.type = attrs.get("t", "n")
            try:
                self.style = int(attrs.get("s", "0"))
            except ValueError:
                self.style = 0
            ref = attrs.get("r")
            m = _REF.match(ref) if ref else None
            if m:
                self.col = column_index(m.group(1))
                digits = m.group(2)
                if digits != self.row_text:  # the cells of a row share one int
                    self.row_text = digits
                    self.row = int(digits)
            else:
                self.col += 1
        elif not self.in_cell:
            if tag in ROW:
                try:
                    self.row = int(attrs.get("r", ""))
                except ValueError:
                    self.row += 1
                self.row_text = str(self.row)
                self.col = -1
            elif tag in MERGE and attrs.get("ref"):
                self.grid.merged.append(attrs["ref"].upper())
        elif tag in V:
            self.capture = True
            self.buffer = []
        elif tag in F:
            self.has_formula = True
        elif tag in IS:
            self.in_inline = True
        elif tag in RPH:
            self.rph += 1
        elif tag in T and self.in_inline and not self.rph:
            self.capture = True
            self.buffer = []

    def end(self, tag: str) -> None:
        if not self.in_cell:
            return
        if tag in V:
            self.value_text = "".join(self.buffer)
            self.capture = False
        elif tag in T and self.capture:
            self.inline.append("".join(self.buffer))
            self.capture = False
        elif tag in RPH:
            self.rph -= 1
        elif tag in IS:
            self.in_inline = False
        elif tag in C:
            self.in_cell = False
            self._finish()

    def text(self, data: str) -> None:
        if self.capture:
            self.buffer.append(data)

    def _finish(self) -> None:
        row, col = self.row, self.col
        if col < 0:
            return
        value = self._value()
        if row < 1:  # a row 0 (or below) exists in no spreadsheet: named, not dropped
            if value is not None and value != "":
                shown = str(value)[:40]
                self.grid.malformed[_a1(row, col)] = (
                    f"tercatat di baris {row}, yang tidak ada di lembar kerja; nilainya "
                    f"'{shown}' tidak dibaca"
                )
            return
        if self.has_formula and (self.value_text is None or self.value_text == ""):
            self.grid.no_cached_value.add(_a1(row, col))
        if value is None or value == "":
            return
        if self.has_formula:
            self.grid.formula_cells.add(row * FORMAT_KEY + col)
        line = self.grid.rows.get(row)
        if line is None:
            if self.rows_left is not None:
                self.rows_left -= 1
                if self.rows_left < 0:
                    raise TooManyRows(self.grid.title, row)
            line = self.grid.rows[row] = {}
        line[col] = value
        fmt = self.styles[self.style] if 0 <= self.style < len(self.styles) else "General"
        if fmt == "General":
            fmt = ""
        usual = self.grid.column_formats.get(col)
        if usual is None and col in self.seen_columns:
            # a column's usual format is its second value's: the first is often its heading
            self.grid.column_formats[col] = fmt
        elif fmt != usual:
            self.seen_columns.add(col)
            self.grid.formats[row * FORMAT_KEY + col] = fmt

    def _value(self) -> object:
        kind, text = self.type, self.value_text
        if kind == "inlineStr":
            return unescape("".join(self.inline)) if self.inline else text
        if text is None or text == "":
            return None
        if kind == "s":
            try:
                index = int(text)
            except ValueError:
                index = -1
            if 0 <= index < len(self.strings):
                return self.strings[index]
            # a negative index would take a string from the end: never guessed, named
            self.grid.malformed[_a1(self.row, self.col)] = (
                f"menunjuk teks bersama nomor '{text.strip()[:20]}', yang tidak ada di file "
                f"(file memuat {len(self.strings)} teks bersama); nilainya tidak dibaca"
            )
            return None
        if kind == "str":
            return unescape(text)
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "e":
            return text
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601  # Strict OOXML dates: rare

            try:
                return from_ISO8601(text)
            except ValueError:
                return text
        try:
            number: float | int = (
                float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            )
        except ValueError:
            return text  # damaged number: shown as the text it is, and reported as unreadable
        if self.style in self.date_styles:
            fmt = self.styles[self.style]
            try:
                return from_excel(number, self.epoch, timedelta=is_timedelta_format(fmt))
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number


def _a1(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


def cells_digest(book: WorkbookGrid) -> str:
    """SHA-256 of every value of every sheet, as this reader understands it (not of the XML):
    a workbook opened and saved again unchanged in Excel or LibreOffice keeps its digest, a
    single typed value changes it. Tells an isian the tool wrote and nobody has filled in."""
    import hashlib

    digest = hashlib.sha256()
    for title in book.titles:
        digest.update(b"\x00sheet\x00" + title.encode("utf-8", "surrogatepass"))
        rows = book.sheet(title).rows
        for row in sorted(rows):
            line = rows[row]
            for col in sorted(line):
                value = line[col]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                text = f"\x00{row}\x00{col}\x00{type(value).__name__}\x00{value!s}"
                digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
