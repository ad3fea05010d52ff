"""Cell styles shared by the template and the completed workbook.

One palette so that staff learn it once: yellow cells are theirs to fill, blue cells belong to
the tool (computed), red marks a finding. The Petunjuk sheet explains the same colours.
"""

from __future__ import annotations

import functools

from sakip_xlsx.safety.marks import FIXED_TIMESTAMP

INPUT_FILL = "#FFF2CC"
TOOL_FILL = "#DDEBF7"
HEADER_FILL = "#1F4E78"
TOOL_HEADER_FILL = "#2E75B6"
FINDING_FILL = "#F8CBAD"
BORDER_COLOR = "#BFBFBF"

LEGEND = (
    (INPUT_FILL, "Sel isian: diisi oleh pengguna."),
    (TOOL_FILL, "Sel otomatis: dihitung oleh sakip-xlsx (rumus), jangan diketik."),
    (FINDING_FILL, "Sel bertanda: ada temuan; lihat komentar sel dan sheet Temuan."),
)

NUM_ID = "#,##0.00"
"""Two decimals. Excel and LibreOffice show the user's locale separators, so an Indonesian
machine shows 97,75 and 4.060.244.146 (zero as 0,00) and an English one 97.75; the format only
fixes the number of decimals and carries no literal separator."""
RUPIAH = "#,##0"
PERCENT_POINTS = '#,##0.00" %"'
"""Percent units stored as numbers (91 means 91 %), shown with a % sign."""

WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
"""Text from input cells is always written as text: `=cmd|...` typed by a user must never
become a formula in the file we send to Bappeda."""

DOC_PROPERTIES = {
    "author": "sakip-xlsx",
    "company": "",
    "created": FIXED_TIMESTAMP,
}


CHARS_PER_WIDTH = 0.9
"""Characters of text a unit of column width holds: a width counts digits of the default
font, and words (bold ones, a viewer's substitute font) run wider."""


LINE_HEIGHT = 15.0
"""Points a line of 11 pt text takes in a row."""
MAX_ROW_HEIGHT = 409.0
"""Excel's tallest row."""


def lines_in(texts) -> int:
    """The lines the tallest of `texts` (text, column width) takes, wrapped at words."""
    return max(
        (wrapped_lines(text, max(1, int(width * CHARS_PER_WIDTH))) for text, width in texts),
        default=1,
    )


def row_height(texts, least: float = LINE_HEIGHT) -> float:
    """The height of a row holding `texts` (text, column width): as many lines as the
    tallest needs, `least` at least (not every viewer grows a row by itself, and a short row
    prints its text over the next)."""
    return min(MAX_ROW_HEIGHT, max(least, LINE_HEIGHT * lines_in(texts)))


@functools.lru_cache(maxsize=8192)  # a kabupaten's uraian appear on five sheets each
def wrapped_lines(text: str, per_line: int) -> int:
    """How many lines `text` takes in a cell holding `per_line` characters a line, wrapped at
    spaces as spreadsheets wrap (a word longer than a line is broken)."""
    lines = 0
    for part in text.split("\n"):
        count, used = 1, 0
        for word in part.split(" "):
            size = len(word)
            if used and used + 1 + size <= per_line:
                used += 1 + size
                continue
            if used:
                count += 1
            count += max(0, -(-size // per_line) - 1)  # a long word takes lines of its own
            used = size - (size - 1) // per_line * per_line if size else 0
        lines += count
    return lines


def make_formats(wb) -> dict[str, object]:
    """The formats both writers use, registered on an xlsxwriter workbook."""
    border = {"border": 1, "border_color": BORDER_COLOR, "valign": "top"}
    f = {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "subtitle": wb.add_format({"italic": True, "font_color": "#595959"}),
        "subtitle_wrap": wb.add_format(
            {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"}
        ),
        "note_wrap": wb.add_format(
            {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"}
        ),
        "bold": wb.add_format({"bold": True}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
        "header": wb.add_format(
            {
                **border,
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": HEADER_FILL,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        ),
        "header_tool": wb.add_format(
            {
                **border,
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": TOOL_HEADER_FILL,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        ),
        "input": wb.add_format({**border, "bg_color": INPUT_FILL, "text_wrap": True}),
        "input_text": wb.add_format(
            {**border, "bg_color": INPUT_FILL, "num_format": "@", "text_wrap": True}
        ),
        "input_rupiah": wb.add_format({**border, "bg_color": INPUT_FILL, "num_format": RUPIAH}),
        "input_number": wb.add_format({**border, "bg_color": INPUT_FILL, "num_format": "General"}),
        "input_date": wb.add_format({**border, "bg_color": INPUT_FILL, "num_format": "dd-mm-yyyy"}),
        "label": wb.add_format({**border, "bold": True, "text_wrap": True}),
        "help": wb.add_format(
            {**border, "italic": True, "font_color": "#595959", "text_wrap": True}
        ),
        "cell": wb.add_format({**border, "text_wrap": True}),
        "cell_center": wb.add_format({**border, "align": "center"}),
        "cell_bold": wb.add_format({**border, "text_wrap": True, "bold": True}),
        "tool": wb.add_format({**border, "bg_color": TOOL_FILL, "text_wrap": True}),
        "tool_num": wb.add_format({**border, "bg_color": TOOL_FILL, "num_format": NUM_ID}),
        "tool_int": wb.add_format({**border, "bg_color": TOOL_FILL, "num_format": RUPIAH}),
        "tool_pct": wb.add_format({**border, "bg_color": TOOL_FILL, "num_format": PERCENT_POINTS}),
        "tool_rupiah": wb.add_format({**border, "bg_color": TOOL_FILL, "num_format": RUPIAH}),
        "tool_center": wb.add_format({**border, "bg_color": TOOL_FILL, "align": "center"}),
        "tool_bold_rupiah": wb.add_format(
            {**border, "bg_color": TOOL_FILL, "num_format": RUPIAH, "bold": True}
        ),
        "tool_bold_pct": wb.add_format(
            {**border, "bg_color": TOOL_FILL, "num_format": PERCENT_POINTS, "bold": True}
        ),
        "tool_bold": wb.add_format({**border, "bg_color": TOOL_FILL, "bold": True}),
        "finding": wb.add_format({**border, "bg_color": FINDING_FILL, "text_wrap": True}),
        "note": wb.add_format({"italic": True, "font_color": "#595959", "text_wrap": False}),
        "link": wb.add_format(
            {**border, "font_color": "#0563C1", "underline": 1, "text_wrap": True}
        ),
    }
    for fill, _ in LEGEND:
        f[f"legend:{fill}"] = wb.add_format({**border, "bg_color": fill})
    f["number_row"] = wb.add_format(
        {**border, "align": "center", "italic": True, "font_size": 8, "font_color": "#595959"}
    )
    return f


MIN_PRINT_SCALE = 73
"""The smallest print scale (%): the 11 pt cell text prints at 8 pt, the least a page can be
read at. A table wider than that fits on one page is printed across pages instead."""
PRINTABLE_POINTS = 770
"""Width of an A4 landscape page inside the margins below, in points."""


def printed_points(width_chars: float) -> float:
    """A column width in Excel's character units as points on paper (7 px a character plus
    5 px padding, at 96 px an inch)."""
    return (width_chars * 7 + 5) * 0.75


def page_setup(ws, repeat_rows: tuple[int, int] | None = None, footer: str = "") -> None:
    """A4 landscape, one page wide (or, for a table too wide for that at a readable size,
    printed at 73 % across pages), header rows repeated on every printed page, and a footer
    naming the document and the page ("Halaman 2 dari 5"), as printed LKIP pages have."""
    ws.set_landscape()
    ws.set_paper(9)
    widths = getattr(ws, "column_widths", None)
    total = sum(printed_points(w) for w in widths()) if callable(widths) else 0.0
    if total * MIN_PRINT_SCALE / 100 > PRINTABLE_POINTS:
        ws.set_print_scale(MIN_PRINT_SCALE)
    else:
        ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    if repeat_rows is not None:
        ws.repeat_rows(*repeat_rows)
    text = footer.replace("&", "&&")[:180]  # & starts a control code; Excel allows 255
    ws.set_footer(f"&L&8{text}&R&8Halaman &P dari &N")


def document_footer(instansi: str, tahun: object, what: str = "LKIP") -> str:
    """`LKIP Kecamatan Puger – 2023`: the footer line of every printed page."""
    parts = [what, instansi.strip()]
    label = " ".join(p for p in parts if p)
    return f"{label} – {tahun}" if tahun else label


CHART_LABELS = 12
"""Bars a chart labels with their values; more would print over each other."""


def value_labels(bars: int) -> dict:
    """A series' data labels: the values with two decimals, when few enough to be read."""
    return {"value": True, "num_format": "0.00"} if bars <= CHART_LABELS else {"value": False}


def bar_chart(wb, name: str, title: str, categories: str, values: str, x_axis: dict, bars: int = 0):
    """A horizontal bar chart in the palette's tool colour, values labelled with two decimals
    (when `bars` is few enough): serapan per program in the completed workbook, capaian per
    OPD in the rollup."""
    chart = wb.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": name,
            "categories": categories,
            "values": values,
            "data_labels": value_labels(bars),
            "fill": {"color": TOOL_HEADER_FILL},
        }
    )
    chart.set_title({"name": title})
    chart.set_x_axis(x_axis)
    chart.set_y_axis({"reverse": True})  # categories top-down, in the order of the table
    chart.set_legend({"none": True})
    return chart
