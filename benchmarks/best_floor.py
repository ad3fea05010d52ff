"""The best floor of `fill`: the fastest read and write of the same content this project could
build, to show what is left above the fair floor (`floor.py`) for any xlsx writer in Python.

- read: every sheet of the input through python-calamine (Rust), values only;
- write: the cells fill writes, replayed from the same captured log as the fair floor (same
  strings, numbers, formula texts with their cached values, style numbers, row heights and
  column widths), as sheet XML built one string per row and kept in memory until its sheet
  is done (fill fills some sheets last), then deflated into the zip; a minimal styles part.
  Charts, comments, page setup and the formats' definitions are left out: they are a few
  kilobytes of the tens of megabytes being judged.

    python benchmarks/best_floor.py INPUT.xlsx LOG.pickle OUT.xlsx

Needs python-calamine (`pip install -e ".[bench]"`).
"""

from __future__ import annotations

import gc
import pickle
import sys
import zipfile
from pathlib import Path

from xlsxwriter.utility import xl_col_to_name

_LETTERS = [xl_col_to_name(c) for c in range(16384)]

OOXML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{OOXML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{OOXML}.styles+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="' + OOXML + '.worksheet+xml"/>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def read_with_calamine(source: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(source))
    return sum(
        len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
    )


def _text(value: str) -> str:
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


class SheetStream:
    """One worksheet's XML, built row by row."""

    def __init__(self, zf: zipfile.ZipFile, number: int) -> None:
        self.zf = zf
        self.part = f"xl/worksheets/sheet{number}.xml"
        self.chunks: list[str] = []
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.row = -1
        self.cells: dict[int, str] = {}
        self.started = False

    def cell(self, row: int, col: int, xml: str) -> None:
        if row != self.row:
            self._flush()
            self.row = row
        self.cells[col] = xml

    def _start(self) -> None:
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS} {NS_R}>'
        if self.widths:
            head += "<cols>" + "".join(
                f'<col min="{c + 1}" max="{c + 1}" width="{w}" customWidth="1"/>'
                for c, w in sorted(self.widths.items())
            )
            head += "</cols>"
        self.chunks.append(head + "<sheetData>")
        self.started = True

    def _flush(self) -> None:
        if not self.started:
            self._start()
        if self.row < 0 or not self.cells:
            return
        height = self.heights.get(self.row)
        attrs = f' ht="{height}" customHeight="1"' if height else ""
        body = "".join(self.cells[c] for c in sorted(self.cells))
        self.chunks.append(f'<row r="{self.row + 1}"{attrs}>{body}</row>')
        self.cells = {}

    def close(self) -> None:
        self._flush()
        self.chunks.append("</sheetData></worksheet>")
        with self.zf.open(self.part, "w") as out:
            out.write("".join(self.chunks).encode())
        self.chunks = []


def replay_streaming(log_path: Path, out: Path) -> None:
    import time

    started = time.perf_counter()
    log = pickle.loads(log_path.read_bytes())
    # loading the log is this floor's own cost, not writing: reported so the caller subtracts it
    print(f"LOAD_S {time.perf_counter() - started:.4f}", file=sys.stderr)
    styles: dict[int, int] = {}
    sheets: dict[int, tuple[str, SheetStream]] = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry in log:
            kind = entry[0]
            if kind in ("format", "builtin"):
                styles[entry[1]] = len(styles)
            elif kind == "sheet":
                sheets[entry[1]] = (entry[2], SheetStream(zf, len(sheets) + 1))
            elif kind == "call" and entry[1] in sheets:
                _, ident, name, args, _kwargs = entry
                _cell(sheets[ident][1], name, args, styles)
        for _, sheet in sheets.values():
            sheet.close()
        _package(zf, [name for name, _ in sheets.values()], len(styles))


def _cell(sheet: SheetStream, name: str, args: tuple, styles: dict[int, int]) -> None:
    if name == "set_column":
        for col in range(args[0], args[1] + 1):
            sheet.widths[col] = args[2]
        return
    if name == "set_row":
        sheet.heights[args[0]] = args[1]
        return
    if not name.lstrip("_").startswith("write_") or len(args) < 3:
        return
    row, col, value = args[0], args[1], args[2]
    fmt = args[3] if len(args) > 3 else None
    style = f' s="{styles[fmt[1]]}"' if isinstance(fmt, tuple) and fmt[1] in styles else ""
    ref = _LETTERS[col] + str(row + 1)
    kind = name.lstrip("_")
    if kind == "write_formula":
        cached = args[4] if len(args) > 4 else 0
        typ = ' t="str"' if isinstance(cached, str) and cached else ""
        formula = value[1:] if value.startswith("=") else value
        cached = _text(cached) if isinstance(cached, str) else cached
        xml = f'<c r="{ref}"{style}{typ}><f>{_text(formula)}</f><v>{cached}</v></c>'
    elif kind == "write_string":
        xml = f'<c r="{ref}"{style} t="inlineStr"><is><t>{_text(value)}</t></is></c>'
    elif kind in ("write_number", "write_boolean"):
        xml = f'<c r="{ref}"{style}><v>{float(value):.16G}</v></c>'
    elif kind == "write_blank":
        xml = f'<c r="{ref}"{style}/>'
    else:
        return
    sheet.cell(row, col, xml)


def _package(zf: zipfile.ZipFile, names: list[str], styles: int) -> None:
    count = len(names)
    zf.writestr(
        "[Content_Types].xml",
        CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=n + 1) for n in range(count))),
    )
    zf.writestr("_rels/.rels", ROOT_RELS)
    sheets = "".join(
        f'<sheet name="{_text(name)}" sheetId="{n + 1}" r:id="rId{n + 1}"/>'
        for n, name in enumerate(names)
    )
    zf.writestr(
        "xl/workbook.xml",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS} {NS_R}>'
        f"<sheets>{sheets}</sheets></workbook>",
    )
    rels = "".join(
        f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/worksheet" Target="worksheets/sheet{n + 1}.xml"/>'
        for n in range(count)
    )
    rels += (
        f'<Relationship Id="rId{count + 1}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    )
    zf.writestr(
        "xl/_rels/workbook.xml.rels",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
        "</Relationships>",
    )
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' * max(1, styles)
    zf.writestr(
        "xl/styles.xml",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{max(1, styles)}">{xfs}</cellXfs></styleSheet>',
    )


def best(source: Path, log_path: Path, out: Path) -> None:
    gc.disable()  # as fill runs
    read_with_calamine(source)
    replay_streaming(log_path, out)


if __name__ == "__main__":
    best(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
