"""What a value-only read of the sheets cannot tell: formula cells saved without a result, and
merged cells. Both are found by scanning each sheet's XML as text, in chunks, without building
a tree and without loading the workbook a second time.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET

CHUNK = 8 * 1024 * 1024
MAX_CELL_TAIL = 64 * 1024 * 1024
"""A single cell element longer than this is not scanned (no real cell is that long)."""

_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.DOTALL)
_MERGE = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_VALUE = re.compile(rb"<v>[^<]")

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class SheetScan:
    no_cached_value: set[str] = field(default_factory=set)
    merged: list[str] = field(default_factory=list)


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> part name inside the zip, from workbook.xml and its relationships."""
    wb = SafeET.fromstring(zf.read("xl/workbook.xml"))
    rels = SafeET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "").lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        targets[rel.get("Id")] = target
    out = {}
    sheets = wb.find(f"{NS_MAIN}sheets")
    for sh in sheets if sheets is not None else []:
        rid = sh.get(f"{NS_REL}id")
        if rid in targets:
            out[sh.get("name")] = targets[rid]
    return out


def scan(path) -> dict[str, SheetScan]:
    """Per sheet title: formula cells without cached value and merged ranges."""
    out: dict[str, SheetScan] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        for title, part in sheet_parts(zf).items():
            if part in names:
                out[title] = _scan_part(zf, part)
    return out


def _scan_part(zf: zipfile.ZipFile, part: str) -> SheetScan:
    result = SheetScan()
    tail = b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(CHUNK)
            buffer = tail + chunk
            if not chunk:
                _scan_cells(buffer, result)
                _scan_merges(buffer, result)
                break
            cut = buffer.rfind(b"<c ")
            complete, tail = (buffer, b"") if cut <= 0 else (buffer[:cut], buffer[cut:])
            _scan_cells(complete, result)
            _scan_merges(complete, result)
            if len(tail) > MAX_CELL_TAIL:
                tail = b""
    return result


def _scan_cells(data: bytes, result: SheetScan) -> None:
    if b"<f" not in data:
        return
    for m in _CELL.finditer(data):
        body = m.group(2) or b""
        if b"<f" in body and not _VALUE.search(body):
            result.no_cached_value.add(m.group(1).decode("ascii"))


def _scan_merges(data: bytes, result: SheetScan) -> None:
    if b"<mergeCell" not in data:
        return
    result.merged.extend(m.group(1).decode("ascii") for m in _MERGE.finditer(data))
