"""Every formula of every workbook the suite wrote stays within Excel's limits and uses no
function that needs an `_xlfn.` prefix (issue class 10).

This module's name sorts last, so by the time it runs every other test has written its
workbooks under the session's temporary folder; the committed examples are scanned too. The
checks are written here afresh, independent of the writer's own guard (`formulas.limit_problem`).
The list of prefixed functions is the project's own (`excel_future_functions.txt`); a test checks
it against what xlsxwriter actually writes into a workbook, never against xlsxwriter's source.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
STRING = re.compile(r'"((?:[^"]|"")*)"')
FUTURE = sorted(
    line.strip()
    for line in (Path(__file__).with_name("excel_future_functions.txt")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
)


def _problems(formula: str) -> list[str]:
    out = []
    if len(formula) > 8192:
        out.append(f"{len(formula)} characters")
    for literal in STRING.findall(formula):
        if len(literal.replace('""', '"')) > 255:
            out.append("a string literal over 255 characters")
    bare = STRING.sub('""', formula)
    bare = re.sub(r"'(?:[^']|'')*'", "S", bare)  # quoted sheet names
    stack: list[int] = []
    deepest = 0
    for ch in bare:
        if ch == "(":
            stack.append(1)
            deepest = max(deepest, len(stack))
        elif ch == ")" and stack:
            if stack.pop() > 255:
                out.append("a function with more than 255 arguments")
        elif ch == "," and stack:
            stack[-1] += 1
    if deepest > 64:
        out.append(f"nesting {deepest} deep")
    for name in FUTURE:
        if re.search(rf"(?<![\w.]){re.escape(name)}\(", bare):
            out.append(f"{name} without _xlfn.")
    return out


MAX_PART = 64 * 1024 * 1024
"""Parts larger than this inflated are the corpus' zip bomb, not a workbook anyone wrote."""


def _formulas(path: Path):
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            part = info.filename
            if not part.startswith("xl/worksheets/") or not part.endswith(".xml"):
                continue
            if info.file_size > MAX_PART:
                continue
            with z.open(part) as fh:
                for _, element in ET.iterparse(fh):
                    if element.tag == f"{MAIN}f" and element.text:
                        yield part, element.text
                    if element.tag == f"{MAIN}row":
                        element.clear()


def _formats(path: Path):
    with zipfile.ZipFile(path) as z:
        if "xl/styles.xml" not in z.namelist():
            return
        for element in ET.fromstring(z.read("xl/styles.xml")).iter(f"{MAIN}numFmt"):
            yield element.get("formatCode") or ""


def _links_per_sheet(path: Path):
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            part = info.filename
            sheet = part.startswith("xl/worksheets/") and part.endswith(".xml")
            if sheet and info.file_size <= MAX_PART:
                yield part, z.read(part).count(b"<hyperlink ")


def test_the_prefix_list_was_found():
    assert {"XLOOKUP", "FILTER", "IFS", "TEXTJOIN", "CONCAT", "STDEV.S"} <= set(FUTURE)
    assert not {"SUM", "SUMIFS", "IFERROR", "COUNTIFS", "ROUND"} & set(FUTURE)  # Excel 2007


def _stored(tmp_path: Path, formulas: list[str]) -> list[str]:
    """What xlsxwriter writes into the sheet XML for each formula, future functions expanded."""
    path = tmp_path / "future.xlsx"
    book = xlsxwriter.Workbook(str(path), {"use_future_functions": True})
    sheet = book.add_worksheet()
    for row, formula in enumerate(formulas):
        sheet.write_formula(row, 0, "=" + formula)
    book.close()
    return [text for _, text in _formulas(path)]


def test_the_list_matches_what_xlsxwriter_writes(tmp_path):
    """Each listed function is one an .xlsx stores prefixed: xlsxwriter, asked to expand future
    functions, writes every one of them with `_xlfn.` and leaves Excel 2007's own bare."""
    stored = _stored(tmp_path, [f"{name}(1)" for name in FUTURE] + ["SUM(1)", "SUMIFS(1)"])
    for name, text in zip(FUTURE, stored, strict=False):
        assert text.startswith("_xlfn.") and text.endswith(f"{name}(1)"), (name, text)
    assert stored[-2:] == ["SUM(1)", "SUMIFS(1)"]


def test_every_formula_of_every_workbook_written(tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    books = sorted(base.rglob("*.xlsx")) + sorted((ROOT / "examples").glob("*.xlsx"))
    books += sorted((ROOT / "workbook_templates").glob("*.xlsx"))
    scanned = 0
    bad = []
    for path in books:
        if path.is_symlink() or not path.is_file():
            continue  # the FIFOs and device links of the output-safety tests
        try:
            zipfile.ZipFile(path).close()
        except (zipfile.BadZipFile, OSError):
            continue  # the hostile corpus: not workbooks at all
        try:
            for part, formula in _formulas(path):
                scanned += 1
                for problem in _problems(formula):
                    bad.append(f"{path.name} {part}: {problem}: {formula[:120]}")
            for code in _formats(path):
                if len(code) > 255:
                    bad.append(f"{path.name}: number format of {len(code)} characters")
            for part, links in _links_per_sheet(path):
                if links > 65_530:
                    bad.append(f"{path.name} {part}: {links} hyperlinks")
        except ET.ParseError:
            continue  # hostile XML written on purpose by the corpus tests
    assert scanned > 1000  # the committed completed example alone has thousands
    assert bad == [], "\n".join(bad[:50])


def test_the_scanner_catches_each_limit():
    assert _problems("SUM(A1,B2)") == []
    assert _problems("'It''s (a sheet)'!A1+1") == []
    assert _problems("=" + "A" * 8200)
    assert _problems('IF(A1="' + "x" * 256 + '",1,0)')
    assert _problems("SUM(" + ",".join(["A1"] * 256) + ")")
    assert _problems("(" * 65 + "1" + ")" * 65)
    assert _problems("XLOOKUP(A1,B:B,C:C)") == ["XLOOKUP without _xlfn."]
    assert _problems("_xlfn.XLOOKUP(A1,B:B,C:C)") == []
