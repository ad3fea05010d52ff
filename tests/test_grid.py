"""The sheet grid: every cell present is read, whatever the sheet declares about itself and
however the XML is spelled; work follows the cells, not the declared size (issue classes 1, 2
and 9). Each test builds its own file from the minimal workbook."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.workbook.grid import open_workbook
from sakip_xlsx.workbook.reader import NotSakipWorkbook, read_workbook
from tests.helpers import write_workbook

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD = 120
"""Seconds after which a subprocess counts as hung (the cases take well under a second; a
reader that walks the declared grid would take hours). A guard, not a timing assertion."""


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a workbook, passing every XML part through `change(name, text) -> text`."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                data = change(item.filename, data.decode("utf-8")).encode("utf-8")
            z.writestr(item.filename, data)
    return target


def _model(path: Path) -> dict:
    data = dataclasses.asdict(read_workbook(path))
    for key in ("source", "sha256", "grids"):
        data.pop(key)
    return data


def _sheet_part(path: Path, title: str) -> str:
    with open_workbook(path) as book:
        return book.parts[title]


@pytest.fixture
def base(tmp_path) -> Path:
    return write_workbook(tmp_path / "isian.xlsx")


def _fill(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sakip_xlsx", "fill", str(path), *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        cwd=ROOT,
    )


def test_stray_value_at_the_last_cell_is_read_and_named(base, tmp_path):
    part = _sheet_part(base, "Realisasi")

    def change(name: str, text: str) -> str:
        if name != part:
            return text
        text = re.sub(r"<dimension [^>]*/>", '<dimension ref="A1:XFD1048576"/>', text)
        stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return text.replace("</sheetData>", stray + "</sheetData>")

    path = _rewrite(base, tmp_path / "stray.xlsx", change)
    laporan = read_workbook(path)
    grid = laporan.grids["Realisasi"]
    assert grid.value(1_048_576, 16_383) == "x"
    assert grid.cell_count < 100
    assert ("STR-010", "Realisasi!XFD1048576") in {(f.code, f.location) for f in laporan.findings}
    result = _fill(path)
    assert result.returncode == 0, result.stderr  # done; the stray value is a peringatan
    assert "Traceback" not in result.stderr
    assert "1 peringatan" in result.stdout


def test_rows_numbered_far_apart(base, tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(base)
    ws = wb["Realisasi"]
    ws.cell(row=900_000, column=1, value="X9")  # a code far below the table
    ws.cell(row=900_000, column=7, value=5)
    wb.save(tmp_path / "far.xlsx")
    laporan = read_workbook(tmp_path / "far.xlsx")
    found = {(f.code, f.location) for f in laporan.findings}
    assert ("STR-007", "Realisasi!A900000") in found  # the far row is read like any other


def test_a_dimension_smaller_than_the_data_cuts_nothing(base, tmp_path):
    def change(name: str, text: str) -> str:
        return re.sub(r"<dimension [^>]*/>", '<dimension ref="A1:B2"/>', text)

    small = _rewrite(base, tmp_path / "small.xlsx", change)
    assert _model(small) == _model(base)


def test_a_missing_dimension_cuts_nothing(base, tmp_path):
    def change(name: str, text: str) -> str:
        return re.sub(r"<dimension [^>]*/>", "", text)

    assert _model(_rewrite(base, tmp_path / "nodim.xlsx", change)) == _model(base)


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _prefixed(name: str, text: str) -> str:
    """The same sheet with every element in the `x:` prefix, spaces inside tags, attributes
    reordered and values in CDATA: all valid spellings of the same XML."""
    if "/worksheets/" not in name:
        return text
    text = text.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"')
    text = re.sub(r"<(/?)([A-Za-z]+)([ />])", r"<\1x:\2\3", text)
    text = re.sub(r"</(x:[A-Za-z]+)>", r"</\1 >", text)
    text = re.sub(r'<x:c r="([A-Z]+\d+)"( s="\d+")?( t="\w+")?', r"<x:c\3\2   r='\1'", text)
    text = re.sub(r"<x:v>([^<]*)</x:v >", r"<x:v><![CDATA[\1]]></x:v >", text)
    text = re.sub(r"<x:t>([^<]*)</x:t >", r"<x:t><![CDATA[\1]]></x:t >", text)
    return text


def test_every_valid_spelling_of_the_xml_reads_the_same(base, tmp_path):
    spelled = _rewrite(base, tmp_path / "spelled.xlsx", _prefixed)
    with zipfile.ZipFile(spelled) as z:
        sheet = z.read(_sheet_part(base, "Renstra")).decode()
    assert "<x:c " in sheet and "CDATA" in sheet and "</x:c >" in sheet  # the change happened
    assert _model(spelled) == _model(base)


def test_formula_without_cached_value_in_any_spelling(base, tmp_path):
    part = _sheet_part(base, "Realisasi")

    def change(name: str, text: str) -> str:
        if name != part:
            return text
        return re.sub(
            r'<c r="G2"[^>]*?(/>|>.*?</c>)',
            '<c r="G2"><f>70+2</f><v></v></c >',
            text,
            flags=re.DOTALL,
        )

    path = _prefixed_and(change, base, tmp_path)
    found = {(f.code, f.location) for f in read_workbook(path).findings}
    assert ("BACA-004", "Realisasi!G2") in found


def _prefixed_and(change, base: Path, tmp_path: Path) -> Path:
    first = _rewrite(base, tmp_path / "f1.xlsx", change)
    return _rewrite(first, tmp_path / "f2.xlsx", _prefixed)


STRICT = {
    MAIN: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def test_strict_open_xml_reads_like_transitional(base, tmp_path):
    def change(name: str, text: str) -> str:
        for old, new in STRICT.items():
            text = text.replace(old, new)
        if name == "xl/workbook.xml":
            text = text.replace("<workbook ", '<workbook conformance="strict" ', 1)
        return text

    strict = _rewrite(base, tmp_path / "strict.xlsx", change)
    with open_workbook(strict) as book:
        assert book.strict
    assert _model(strict) == _model(base)


def test_a_workbook_without_any_sakip_sheet_is_refused(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.active["A1"] = "Anggaran 2024"
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(NotSakipWorkbook, match="bukan workbook isian SAKIP"):
        read_workbook(tmp_path / "lain.xlsx")
    result = _fill(tmp_path / "lain.xlsx")
    assert result.returncode == 2
    assert "bukan workbook isian SAKIP" in result.stderr
    assert not (tmp_path / "lain-LKIP.xlsx").exists()  # no empty LKIP is written


def test_a_dtd_after_a_long_prolog_is_refused(base, tmp_path):
    """The container check reads the first 4 KB of each part; the parser itself refuses a
    DTD wherever it stands."""
    part = _sheet_part(base, "RKT")
    bomb = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'

    def change(name: str, text: str) -> str:
        if name != part:
            return text
        head, _, rest = text.partition("?>")
        return head + "?>" + "<!--" + " " * 8000 + f"--><!DOCTYPE worksheet [{bomb}]>" + rest

    path = _rewrite(base, tmp_path / "dtd.xlsx", change)
    with pytest.raises(InputFileError, match="XML berbahaya"):
        read_workbook(path)


def test_a_damaged_sheet_names_the_sheet(base, tmp_path):
    part = _sheet_part(base, "PK")

    def change(name: str, text: str) -> str:
        return text.replace("</sheetData>", "<row>") if name == part else text

    with pytest.raises(InputFileError, match=r"sheet 'PK'.*rusak"):
        read_workbook(_rewrite(base, tmp_path / "rusak.xlsx", change))


def test_a_workbook_part_with_another_name_reads_the_same(base, tmp_path):
    """OPC names the main part in `_rels/.rels`; `xl/workbook.xml` is only the custom."""
    target = tmp_path / "lain.xlsx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            name = {
                "xl/workbook.xml": "xl/utama.xml",
                "xl/_rels/workbook.xml.rels": "xl/_rels/utama.xml.rels",
            }.get(item.filename, item.filename)
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"xl/workbook.xml", b"xl/utama.xml")
            z.writestr(name, data)
    assert _model(target) == _model(base)


def test_our_spreadsheet_date_rules_equal_openpyxls():
    """`excel_dates` restates openpyxl's rules so that reading never imports openpyxl."""
    import itertools

    from openpyxl.styles import numbers
    from openpyxl.utils import datetime as od

    from sakip_xlsx.workbook import excel_dates as ed

    assert ed.BUILTIN_FORMATS == numbers.BUILTIN_FORMATS
    formats = [*numbers.BUILTIN_FORMATS.values(), "dd/mm/yyyy;@", "[$-421]d mmmm yyyy", '"d"0']
    formats += ["[h]:mm", "mm:ss", '#,##0.00" hari"', "[Red]0.00", "yyyy-mm-dd hh:mm"]
    for fmt in formats:
        assert ed.is_date_format(fmt) == numbers.is_date_format(fmt), fmt
        assert ed.is_timedelta_format(fmt) == numbers.is_timedelta_format(fmt), fmt
    values = [0, 0.25, 0.999, 1, 59, 60, 61, 45321, 45321.5, 45321.123456, 1000000]
    for value, (ours, theirs) in itertools.product(
        values, [(ed.WINDOWS_EPOCH, od.WINDOWS_EPOCH), (ed.MAC_EPOCH, od.MAC_EPOCH)]
    ):
        for timedelta in (False, True):
            assert ed.from_excel(value, ours, timedelta) == od.from_excel(
                value, theirs, timedelta
            ), (value, timedelta)
    assert ed.unescape("a_x000a_b_x0041_") == "a\nbA"


def _formats_by_openpyxl(path: Path) -> dict[tuple[str, int, int], str]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    out = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or cell.value == "":
                    continue
                fmt = cell.number_format
                out[(ws.title, cell.row, cell.column - 1)] = "" if fmt == "General" else fmt
    return out


def _formats_by_grid(path: Path) -> dict[tuple[str, int, int], str]:
    out = {}
    with open_workbook(path) as book:
        for title in book.titles:
            grid = book.sheet(title)
            for number, line in grid.rows.items():
                for col in line:
                    out[(title, number, col)] = grid.number_format(number, col)
    return out


def test_number_formats_equal_openpyxls_for_every_cell(base, tmp_path, puger_path):
    """The grid keeps a column's usual format once and only the differing cells' own; every
    cell's format must still be the one openpyxl reads (headings, odd cells, percents)."""
    from tests.helpers import variant_workbook

    completed = tmp_path / "lengkap.xlsx"
    _fill(puger_path, "-o", str(completed), "--force")
    import openpyxl

    book = openpyxl.load_workbook(base)  # cells whose format is not their column's
    ws = book["RKT"]
    for row in (3, 4):
        ws.cell(row, 9).value = 12.5
    ws.cell(3, 9).number_format = "0.00%"
    ws.cell(4, 9).number_format = "General"
    ws.cell(2, 9).number_format = '#,##0 "Laporan"'
    odd = tmp_path / "odd.xlsx"
    book.save(odd)
    for path in (base, puger_path, variant_workbook(tmp_path / "v.xlsx"), completed, odd):
        grid, reference = _formats_by_grid(path), _formats_by_openpyxl(path)
        assert grid.keys() <= reference.keys(), path.name
        differing = {k: (grid[k], reference[k]) for k in grid if grid[k] != reference[k]}
        assert differing == {}, (path.name, list(differing.items())[:5])
        assert any(grid.values()), path.name  # not all General: the comparison means something
