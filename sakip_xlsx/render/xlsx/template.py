"""`sakip-xlsx template`: the blank standard input workbook, written from the schema.

The same schema drives the reader and the Petunjuk sheet, so what the template asks for is
exactly what the reader understands.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

import xlsxwriter

from sakip_xlsx.lkip.schema import (
    CATATAN_SHEET,
    DEFAULT_PERIODE,
    DEFAULT_TAHUN,
    IDENTITAS,
    IDENTITAS_HEADINGS,
    INPUT_SHEETS,
    KIND_HELP,
    PETUNJUK_SHEET,
    Column,
    Kind,
    SheetSpec,
    expanded_headers,
)
from sakip_xlsx.render.xlsx.styles import (
    DOC_PROPERTIES,
    LEGEND,
    LINE_HEIGHT,
    WORKBOOK_OPTIONS,
    make_formats,
    page_setup,
    row_height,
)
from sakip_xlsx.safety.marks import MARK, isian_mark
from sakip_xlsx.workbook import grid
from sakip_xlsx.workbook.images import image_kind, scale_to

VALIDATION_ROWS = 10000
PETUNJUK_WIDTHS = (30, 8, 22, 30, 80)
"""Rows the list validations cover; staff may add rows up to there."""


def header_text(col: Column, year: int | None = None) -> str:
    text = col.header_for(year)
    return f"{text} *" if col.required else text


def template_bytes(
    tahun: int = DEFAULT_TAHUN,
    periode: tuple[int, int] = DEFAULT_PERIODE,
    nama_instansi: str = "",
    identitas: dict[str, object] | None = None,
    rows: dict[str, list[dict[str, object]]] | None = None,
    catatan: list[str] | None = None,
    marked: bool = False,
) -> bytes:
    """The template as bytes (deterministic: same arguments, same bytes).

    Blank by default. `identitas` and `rows` (per sheet name, records keyed by column key;
    `target:2023` for a year column) fill it the way a user would type, which is how the
    shipped example, the benchmark inputs and test workbooks are made from the one schema.
    `marked` (the commands' outputs) records the digest of the values written, so that
    `--force` may later replace this workbook only while nobody has typed into it.
    """
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, **WORKBOOK_OPTIONS})
    wb.set_properties({**DOC_PROPERTIES, "title": "Workbook isian SAKIP"})
    if marked:
        wb.set_custom_property(MARK, isian_mark(_PLACEHOLDER))
    fmt = make_formats(wb)
    if catatan:
        write_catatan(wb, fmt, catatan)
    write_petunjuk(wb, fmt, tahun, periode)
    prefill: dict[str, object] = {
        "nama_instansi": nama_instansi,
        "tahun_laporan": tahun,
        "periode_awal": periode[0],
        "periode_akhir": periode[1],
        **(identitas or {}),
    }
    write_identitas(wb, fmt, prefill)
    for spec in INPUT_SHEETS:
        if spec is IDENTITAS:
            continue
        ws = wb.add_worksheet(spec.name)
        write_table_header(ws, fmt, spec, tahun, periode)
        columns = expanded_headers(spec, tahun, periode)
        records = (rows or {}).get(spec.name, [])
        for row, record in enumerate(records, start=1):
            for index, (col, year) in enumerate(columns):
                key = f"{col.key}:{year}" if year is not None else col.key
                value = record.get(key)
                if value is not None and value != "":
                    write_input(ws, row, index, value, fmt, input_format(col))
    wb.close()
    data = buffer.getvalue()
    return _with_digest(data) if marked else data


_PLACEHOLDER = "0" * 64
"""The digest's place in the mark while the workbook is written (a digest is 64 hex digits)."""


def _with_digest(data: bytes) -> bytes:
    """The workbook with the digest of its own values in its mark: the values are read back
    from the bytes just written (as the check will read them), and only the custom-properties
    part changes, so the values and their digest stay as they were."""
    with grid.open_workbook(io.BytesIO(data)) as book:
        digest = grid.cells_digest(book)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/custom.xml":
                body = body.replace(_PLACEHOLDER.encode(), digest.encode(), 1)
            target.writestr(info, body)
    return out.getvalue()


def input_format(col: Column) -> str:
    if col.kind in (Kind.CODE, Kind.TEXT, Kind.SUGGEST, Kind.CHOICE):
        return "input_text"
    if col.kind is Kind.RUPIAH:
        return "input_rupiah"
    if col.kind is Kind.DATE:
        return "input_date"
    return "input_number"


def write_input(ws, row: int, col: int, value: object, fmt: dict, name: str) -> None:
    """Write one user value as its type: text stays text (never a formula), numbers numbers."""
    if isinstance(value, (int, float)) and name == "input_text":
        name = "input_number"
    if isinstance(value, (_dt.date, _dt.datetime)):
        name = "input_date"
    cell_format = fmt[name]
    if value is None or value == "":
        ws.write_blank(row, col, None, cell_format)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, cell_format)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, cell_format)
    elif isinstance(value, (_dt.date, _dt.datetime)):
        ws.write_datetime(row, col, value, cell_format)
    else:
        ws.write_string(row, col, str(value), cell_format)


def write_table_header(ws, fmt, spec: SheetSpec, tahun: int, periode: tuple[int, int]) -> None:
    """Header row, widths, list validation, comments, freeze and print setup of a table sheet."""
    columns = expanded_headers(spec, tahun, periode)
    ws.set_row(0, 45)
    for index, (col, year) in enumerate(columns):
        ws.write_string(0, index, header_text(col, year), fmt["header"])
        # the whole column is the input area: yellow, typed as its kind, with no empty cells
        # in the file (they would cost every reader time)
        ws.set_column(index, index, col.width, fmt[input_format(col)])
        ws.write_comment(0, index, column_help(col), {"x_scale": 2, "y_scale": 1.6})
        add_validation(ws, index, col, 1, VALIDATION_ROWS)
    ws.freeze_panes(1, 1)
    page_setup(ws, repeat_rows=(0, 0))


def add_validation(ws, index: int, col: Column, first_row: int, last_row: int) -> None:
    if col.kind in (Kind.CHOICE, Kind.SUGGEST) and col.choices:
        ws.data_validation(
            first_row,
            index,
            last_row,
            index,
            {
                "validate": "list",
                "source": list(col.choices),
                "error_type": "stop" if col.kind is Kind.CHOICE else "information",
                "error_title": "Pilihan tidak dikenal",
                "error_message": "Pilih salah satu: " + ", ".join(col.choices)[:200],
            },
        )


def column_help(col: Column) -> str:
    parts = [col.help, KIND_HELP[col.kind]]
    if col.choices and col.kind is Kind.CHOICE:
        parts.append("Pilihan: " + ", ".join(col.choices) + ".")
    if col.default:
        parts.append(f"Bila kosong: {col.default}.")
    parts.append("Wajib diisi." if col.required else "Boleh kosong.")
    return " ".join(p for p in parts if p)


IDENTITAS_WIDTHS = (38, 40, 70)
"""Isian, Nilai, Keterangan."""


def write_identitas(wb, fmt, values: dict[str, object]) -> None:
    ws = wb.add_worksheet(IDENTITAS.name)
    widths = IDENTITAS_WIDTHS
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    for index, text in enumerate(IDENTITAS_HEADINGS):
        ws.write_string(0, index, text, fmt["header"])
    for row, col in enumerate(IDENTITAS.columns, start=1):
        ws.write_string(row, 0, header_text(col), fmt["label"])
        value = values.get(col.key)
        if value in (None, ""):
            value = col.default
        write_input(ws, row, 1, value, fmt, input_format(col))
        help_text = column_help(col)
        ws.write_string(row, 2, help_text, fmt["help"])
        height = row_height(  # the Keterangan of a setting is long: three lines and more
            [(help_text, widths[2]), (header_text(col), widths[0]), (str(value or ""), widths[1])]
        )
        if height > LINE_HEIGHT:
            ws.set_row(row, height)
        add_validation(ws, 1, col, row, row)
    picture = values.get("logo_gambar")
    if isinstance(picture, bytes) and picture:
        place_logo(ws, 1 + [c.key for c in IDENTITAS.columns].index("logo"), picture)
    ws.freeze_panes(1, 0)
    page_setup(ws, repeat_rows=(0, 0))


LOGO_HEIGHT_PX = 80
"""The logo's height on the Identitas sheet: recognisable, without covering the rows below."""


def place_logo(ws, row: int, picture: bytes) -> None:
    """The pemda's logo on the Identitas sheet, at its row's Nilai cell (0-based `row`)."""
    scale = scale_to(picture, LOGO_HEIGHT_PX)
    ws.insert_image(
        row,
        1,
        f"logo.{image_kind(picture) or 'png'}",
        {"image_data": io.BytesIO(picture), "x_scale": scale, "y_scale": scale},
    )


def write_catatan(wb, fmt, lines: list[str]) -> None:
    """A first sheet saying where this workbook came from and what must still be checked
    (next year's isian made from last year's, an isian with SIPD's realisasi): its title,
    then one line each."""
    ws = wb.add_worksheet(CATATAN_SHEET)
    ws.set_column(0, 0, 110)
    ws.write_string(0, 0, lines[0], fmt["title"])
    for row, line in enumerate(lines[1:], start=2):
        ws.write_string(row, 0, line, fmt["wrap"])
        ws.set_row(row, 15 * max(1, -(-len(line) // 105)))
    ws.activate()


def write_petunjuk(wb, fmt, tahun: int, periode: tuple[int, int]) -> None:
    ws = wb.add_worksheet(PETUNJUK_SHEET)
    for index, width in enumerate(PETUNJUK_WIDTHS):
        ws.set_column(index, index, width)
    row = 0
    ws.write_string(row, 0, "Petunjuk pengisian workbook SAKIP", fmt["title"])
    row += 1
    ws.write_string(
        row,
        0,
        f"Tahun laporan {tahun}, periode Renstra {periode[0]}-{periode[1]}. "
        "Setelah diisi, jalankan: sakip-xlsx fill <file>.xlsx",
        fmt["subtitle"],
    )
    row += 2
    general = (
        "1. Isi setiap sheet sesuai dokumen sumbernya (tertulis di bawah). Satu baris = satu data.",
        "2. Jangan mengubah judul kolom. Urutan kolom boleh diubah, baris boleh ditambah.",
        "3. Kode menghubungkan sheet: setiap baris anak menyebut kode induknya secara tepat.",
        "4. Angka boleh ditulis seperti biasa: 90%, 81,9, Rp 1.961.144.146, 4 Dok, B (63).",
        "5. Kosong, '-' atau '–' berarti belum ada data; indikator itu tidak dinilai.",
        "6. Kolom bertanda * wajib diisi.",
    )
    for line in general:
        ws.write_string(row, 0, line)
        row += 1
    row += 1
    ws.write_string(row, 0, "Arti warna sel", fmt["bold"])
    row += 1
    for fill, meaning in LEGEND:
        ws.write_blank(row, 0, None, fmt[f"legend:{fill}"])
        ws.write_string(row, 1, meaning)
        row += 1
    for spec in INPUT_SHEETS:
        row += 1
        ws.write_string(row, 0, f"Sheet {spec.name}: {spec.title}", fmt["bold"])
        row += 1
        suffix = " (opsional)" if spec.optional else ""
        ws.write_string(row, 0, f"{spec.purpose} Sumber: {spec.source}.{suffix}")
        row += 1
        for index, text in enumerate(("Kolom", "Wajib", "Jenis isian", "Pilihan", "Keterangan")):
            ws.write_string(row, index, text, fmt["header"])
        row += 1
        for col in spec.columns:
            texts = (
                col.header.replace("{year}", "<tahun>"),
                "Ya" if col.required else "",
                col.kind.value,
                ", ".join(col.choices),
                column_help(col),
            )
            styles = ("label", "cell_center", "cell", "cell", "cell")
            for index, (text, style) in enumerate(zip(texts, styles, strict=True)):
                ws.write_string(row, index, text, fmt[style])
            # wrapped help needs a taller row; not every program grows rows by itself
            lines = max(-(-len(t) // int(w)) for t, w in zip(texts, PETUNJUK_WIDTHS, strict=True))
            if lines > 1:
                ws.set_row(row, 15 * lines)
            row += 1
    page_setup(ws)
