"""The Temuan sheet: every finding with a link to its cell (xlsx only: a document lists the
findings in its own way)."""

from __future__ import annotations

from sakip_xlsx.lkip.findings import Finding, Severity, counts
from sakip_xlsx.render.xlsx import formulas as X
from sakip_xlsx.render.xlsx.completed.book import Book
from sakip_xlsx.render.xlsx.styles import page_setup


def write_temuan(book: Book, ws, findings: list[Finding]) -> None:
    f = book.fmt
    ws.write_string(0, 0, "Temuan pemeriksaan konsistensi", f["title"])
    c = counts(findings)
    ws.write_string(
        1,
        0,
        f"{c[Severity.ERROR]} error, {c[Severity.WARNING]} peringatan, {c[Severity.INFO]} info. "
        "Klik lokasi untuk menuju sel; sel yang bermasalah diberi warna dan komentar.",
        f["subtitle"],
    )
    headers = [
        ("No", 5),
        ("Kode", 10),
        ("Tingkat", 11),
        ("Lokasi", 20),
        ("Pesan", 70),
        ("Saran", 60),
    ]
    for col, (text, width) in enumerate(headers):
        ws.write_string(3, col, text, f["header"])
        ws.set_column(col, col, width)
    for i, item in enumerate(findings):
        row = 4 + i
        ws.write_number(row, 0, i + 1, f["cell_center"])
        ws.write_string(row, 1, item.code, f["cell"])
        ws.write_string(
            row, 2, item.severity.value, f["finding" if item.severity is Severity.ERROR else "cell"]
        )
        if item.sheet and item.cell and i < X.MAX_LINKS_PER_SHEET:
            ws.write_url(
                row,
                3,
                f"internal:{X.quote_sheet(item.sheet)}!{item.cell}",
                f["link"],
                item.location,
            )
        else:
            ws.write_string(row, 3, item.location, f["cell"])
        ws.write_string(row, 4, item.message, f["cell"])
        ws.write_string(row, 5, item.suggestion, f["cell"])
    ws.freeze_panes(4, 0)
    if findings:
        ws.autofilter(3, 0, 3 + len(findings), len(headers) - 1)
    page_setup(ws, repeat_rows=(3, 3), footer=book.footer)
