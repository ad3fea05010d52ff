"""A corpus of hostile and messy inputs, generated (no opaque binaries).

Each case is a file (or path) staff could plausibly feed the tool, with what must happen:
the exit code of SPEC §7 and a fragment of the Indonesian message. `build(folder)` writes them
all; `python -m tests.corpus DIR` does the same from the command line.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from tests.helpers import minimal_rows, write_workbook
from tests.lo import soffice


@dataclass
class Case:
    name: str
    path: Path
    exit_code: int
    message: str
    """A fragment the terminal output must contain (besides the file name)."""
    args: list[str] = field(default_factory=list)
    output_expected: bool = True
    """Whether a completed workbook must be written (exit 0 and 1)."""
    names_file: bool = True


def _zip_replace(source: Path, target: Path, replace: dict[str, bytes], drop=()) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = replace.get(item.filename, zin.read(item.filename))
            z.writestr(item.filename, data)
        for name, data in replace.items():
            if name not in zin.namelist():
                z.writestr(name, data)
    return target


LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""
MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _laughs_sst() -> bytes:
    return LAUGHS + b"<sst " + MAIN_NS + b' count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'


def _quadratic_sst() -> bytes:
    big = b"A" * 100_000
    body = b"&a;" * 20_000
    return (
        b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + big + b'">]>'
        b"<sst " + MAIN_NS + b' count="1" uniqueCount="1"><si><t>' + body + b"</t></si></sst>"
    )


def _hostile_sheet(entities: bytes, use: bytes) -> bytes:
    return (
        entities
        + b"<worksheet "
        + MAIN_NS
        + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + use
        + b"</t></is></c></row></sheetData></worksheet>"
    )


def _sheet_part(path: Path, title: str) -> str:
    from sakip_xlsx.workbook.grid import open_workbook

    with open_workbook(path) as book:
        return book.parts[title]


def _bomb(base: Path, target: Path) -> Path:
    """A valid workbook whose Realisasi sheet declares 1.1 GB of XML (zeros, ~1 MB zipped)."""
    part = _sheet_part(base, "Realisasi")
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            if item.filename != part:
                z.writestr(item.filename, zin.read(item.filename))
        with z.open(part, "w", force_zip64=True) as fh:
            chunk = b"0" * (16 * 1024 * 1024)
            for _ in range(70):  # 1.12 GiB
                fh.write(chunk)
    return target


def _ods(target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as z:
        z.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        z.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        )
        z.writestr("META-INF/manifest.xml", "<manifest/>")
    return target


def _xlsm(base: Path, target: Path) -> Path:
    with zipfile.ZipFile(base) as zf:
        types = zf.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
    return _zip_replace(base, target, {"[Content_Types].xml": types})


def _encrypted(base: Path, target: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with base.open("rb") as fh:
        OOXMLFile(fh).encrypt("rahasia", out)
    target.write_bytes(out.getvalue())
    return target


def _xls(base: Path, folder: Path) -> Path:
    """A real BIFF8 .xls, saved by LibreOffice from the minimal workbook."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice is needed to make the .xls case")
    work = folder / "xls-src"
    work.mkdir(exist_ok=True)
    src = work / "legacy.xlsx"
    shutil.copy(base, src)
    subprocess.run(
        [
            exe,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{work}/profile",
            "--convert-to",
            "xls",
            "--outdir",
            str(folder),
            str(src),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    return folder / "legacy.xls"


def _edit(base: Path, target: Path, fn: Callable) -> Path:
    shutil.copy(base, target)
    wb = openpyxl.load_workbook(target)
    fn(wb)
    wb.save(target)
    return target


def _rows(**changes) -> dict:
    rows = minimal_rows()
    for sheet, fn in changes.items():
        fn(rows[sheet.replace("_", " ")])
    return rows


def _columns_moved(wb) -> None:
    ws = wb["RKT"]
    ws.move_range("A1:A10", cols=15)  # Jenis to the far right
    ws["P1"] = "Catatan tambahan"  # an extra column
    ws["D1"] = "Nama program/kegiatan"  # a renamed required column
    ws.insert_rows(1)
    ws["A1"] = "Lampiran RKT 2024"


def build(folder: Path, *, xls: bool = True, big: bool = True) -> list[Case]:
    """Every case; `xls` needs LibreOffice (it saves the .xls), `big` writes 100,000 rows."""
    folder.mkdir(parents=True, exist_ok=True)
    base = write_workbook(folder / "dasar.xlsx")
    cases: list[Case] = []

    def add(name, path, code, message, **kw):
        cases.append(Case(name, path, code, message, **kw))

    empty = folder / "kosong.xlsx"
    empty.write_bytes(b"")
    add("empty file", empty, 2, "kosong", output_expected=False)
    junk = folder / "bukan-zip.xlsx"
    junk.write_bytes(bytes(range(256)) * 40)
    add("not a zip", junk, 2, "bukan workbook", output_expected=False)
    cut = folder / "terpotong.xlsx"
    cut.write_bytes(base.read_bytes()[: base.stat().st_size // 2])
    add("truncated zip", cut, 2, "terpotong", output_expected=False)
    if xls:
        add(XLS_CASE, _xls(base, folder), 2, ".xls", output_expected=False)
    add(
        "encrypted workbook (OLE)",
        _encrypted(base, folder / "sandi.xlsx"),
        2,
        "kata sandi",
        output_expected=False,
    )
    add(".xlsm", _xlsm(base, folder / "makro.xlsm"), 0, "Workbook lengkap ditulis")
    add(".ods", _ods(folder / "calc.ods"), 2, "OpenDocument", output_expected=False)
    csv = folder / "csv.xlsx"
    csv.write_text("Kode;Realisasi\nIS1;72\n", encoding="utf-8")
    add("CSV renamed .xlsx", csv, 2, "CSV", output_expected=False)
    nowb = folder / "tanpa-workbook.xlsx"
    with zipfile.ZipFile(nowb, "w") as z:
        z.writestr("docProps/app.xml", "<Properties/>")
    add("zip without workbook part", nowb, 2, "xl/workbook.xml", output_expected=False)
    add(
        "billion laughs in sharedStrings",
        _zip_replace(base, folder / "laughs-sst.xlsx", {"xl/sharedStrings.xml": _laughs_sst()}),
        2,
        "XML berbahaya",
        output_expected=False,
    )
    realisasi = _sheet_part(base, "Realisasi")
    add(
        "billion laughs in a sheet",
        _zip_replace(
            base, folder / "laughs-sheet.xlsx", {realisasi: _hostile_sheet(LAUGHS, b"&lol9;")}
        ),
        2,
        "XML berbahaya",
        output_expected=False,
    )
    add(
        "quadratic blowup in sharedStrings",
        _zip_replace(base, folder / "quad-sst.xlsx", {"xl/sharedStrings.xml": _quadratic_sst()}),
        2,
        "XML berbahaya",
        output_expected=False,
    )
    add(
        "quadratic blowup in a sheet",
        _zip_replace(
            base,
            folder / "quad-sheet.xlsx",
            {
                realisasi: _hostile_sheet(
                    b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + b"B" * 100_000 + b'">]>',
                    b"&a;" * 20_000,
                )
            },
        ),
        2,
        "XML berbahaya",
        output_expected=False,
    )
    add("zip bomb", _bomb(base, folder / "bom.xlsx"), 2, "zip bomb", output_expected=False)
    add(
        "missing sheets",
        _edit(
            base,
            folder / "tanpa-sheet.xlsx",
            lambda wb: (wb.remove(wb["Renstra"]), wb.remove(wb["PK"])),
        ),
        1,
        "error",
    )
    add(
        "renamed, reordered and extra columns",
        _edit(base, folder / "kolom.xlsx", _columns_moved),
        1,
        "error",
    )
    add(
        "extra blank rows",
        _edit(base, folder / "baris-kosong.xlsx", lambda wb: wb["RKT"].insert_rows(3, amount=5)),
        0,
        "0 error",
    )
    add(
        "merged cells in the data area",
        _edit(base, folder / "gabung.xlsx", lambda wb: wb["Realisasi"].merge_cells("B2:B3")),
        0,
        "1 peringatan",
    )
    if big:
        rows = _rows(
            SDM=lambda r: r.extend(
                {
                    "jabatan": f"Staf {i % 40}",
                    "status": "ASN" if i % 3 else "Non ASN",
                    "golongan": "III/a" if i % 3 else None,
                    "pendidikan": "S1",
                }
                for i in range(99_000)  # just under reader.MAX_INPUT_ROWS with the rest
            )
        )
        add(
            BIG_CASE,
            write_workbook(folder / "100rb-baris.xlsx", rows),
            0,
            "Workbook lengkap",
            args=[],
        )
    add(
        "text in number cells",
        write_workbook(
            folder / "teks.xlsx",
            _rows(Realisasi=lambda r: r[0].update(realisasi="sekitar tujuh puluh")),
        ),
        1,
        "BACA-001",
    )
    add("error values", _edit(base, folder / "galat.xlsx", _error_value), 1, "BACA-002")
    add(
        "formula cells without cached values",
        _edit(base, folder / "rumus.xlsx", lambda wb: wb["Realisasi"].__setitem__("G2", "=70+2")),
        0,
        "peringatan",
    )
    add(
        "dates where numbers belong",
        write_workbook(
            folder / "tanggal.xlsx",
            _rows(Realisasi=lambda r: r[0].update(realisasi=dt.datetime(2024, 7, 2))),
        ),
        1,
        "BACA-003",
    )
    add(
        "negative and absurd numbers",
        write_workbook(
            folder / "absurd.xlsx",
            _rows(
                Realisasi=lambda r: (
                    r[0].update(realisasi=-5),
                    r[1].update(realisasi_anggaran=1e300),
                ),
                RKT=lambda r: r[3].update(target=1e-300),
            ),
        ),
        1,
        "NIL-001",
    )
    add(
        "very long text",
        write_workbook(
            folder / "panjang.xlsx", _rows(RKT=lambda r: r[3].update(uraian="Sub kegiatan " * 5000))
        ),
        0,
        "Workbook lengkap",
    )
    add(
        "cells starting with = + - @",
        write_workbook(
            folder / "rumus-teks.xlsx",
            _rows(
                RKT=lambda r: r[3].update(uraian='=HYPERLINK("http://contoh","klik")'),
                SDM=lambda r: r[0].update(keterangan="+62 812", unit_kerja="@seksi"),
                Realisasi=lambda r: r[0].update(sumber="-data-"),
            ),
        ),
        0,
        "Workbook lengkap",
    )
    add(
        "duplicate codes",
        write_workbook(folder / "ganda.xlsx", _rows(Realisasi=lambda r: r.append(dict(r[0])))),
        1,
        "STR-005",
    )
    add(
        "missing codes",
        write_workbook(
            folder / "tanpa-kode.xlsx",
            _rows(Realisasi=lambda r: r.append({"uraian": "tanpa kode", "realisasi": 5})),
        ),
        1,
        "STR-004",
    )
    folder_input = folder / "sebuah-folder"
    folder_input.mkdir(exist_ok=True)
    add("a folder as input", folder_input, 2, "folder", output_expected=False)
    add("a missing path", folder / "tidak-ada.xlsx", 2, "tidak ditemukan", output_expected=False)
    add(
        "output path not writable",
        base,
        2,
        "/proc",
        args=["-o", "/proc/sakip-keluaran.xlsx"],
        output_expected=False,
        names_file=False,
    )
    add(
        "output folder missing",
        base,
        2,
        "tidak ada",
        args=["-o", str(folder / "tidak" / "ada.xlsx")],
        output_expected=False,
        names_file=False,
    )
    add(
        "output path = input path",
        base,
        2,
        "masukan",
        args=["-o", str(base), "--force"],
        output_expected=False,
    )
    return cases


XLS_CASE = "legacy .xls (BIFF)"
BIG_CASE = "99,000 rows (just under the row limit)"


def _error_value(wb) -> None:
    # a cached #DIV/0! result, as Excel saves a formula that divides by zero
    ws = wb["Realisasi"]
    ws["G2"] = "#DIV/0!"
    ws["G2"].data_type = "e"


if __name__ == "__main__":
    for case in build(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")):
        print(f"{case.exit_code}  {case.name:40} {case.path}")
