"""The Catatan Reviu sheet of the completed workbook: remarks a reviewer and the OPD write in,
with a list of statuses, printed like the other sheets."""

from __future__ import annotations

from sakip_xlsx.render.xlsx.completed.book import Book
from sakip_xlsx.render.xlsx.styles import page_setup, row_height
from sakip_xlsx.workbook.reviu import COLUMNS, HEADER_ROW, Catatan, Status

EDITABLE_ROWS = 300
"""Empty rows below the remarks that still offer the status list."""


ADDED_WIDTH = 16


def write_reviu(book: Book, ws, remarks: list[Catatan]) -> None:
    f = book.fmt
    header = HEADER_ROW - 1
    ws.write_string(0, 0, "Catatan reviu Bappeda dan Inspektorat", f["title"])
    ws.write_string(
        1,
        0,
        "Satu baris per catatan. Baris dari temuan error diisi otomatis (Baru); tulis catatan "
        "baru di bawahnya. Status: Baru, Diperbaiki (oleh OPD), Diperbaiki? (temuannya hilang "
        "setelah fill ulang: mohon dikonfirmasi), Ditolak, Selesai. Catatan tetap ada setiap "
        "kali workbook diisi ulang.",
        f["note"],
    )
    # `Lokasi (sheet!sel) atau kode` whole
    ws.set_row(header, row_height([(h, w) for _, h, w in COLUMNS]))
    for col, (_, heading, width) in enumerate(COLUMNS):
        ws.write_string(header, col, heading, f["header"])
        ws.set_column(col, col, width)
    # the columns reviewers added, after the sheet's own, in the order first met
    added = list(dict.fromkeys(heading for remark in remarks for heading, _ in remark.lain))
    for offset, heading in enumerate(added, start=len(COLUMNS)):
        ws.write_string(header, offset, heading, f["header"])
        ws.set_column(offset, offset, ADDED_WIDTH)
    for i, remark in enumerate(remarks):
        row = header + 1 + i
        ws.write_number(row, 0, i + 1, f["cell_center"])
        for col, (key, _, _) in enumerate(COLUMNS[1:], start=1):
            value = getattr(remark, key)
            if value:
                ws.write_string(row, col, value, f["input_text"])
            else:
                ws.write_blank(row, col, None, f["input_text"])
        own = dict(remark.lain)
        for offset, heading in enumerate(added, start=len(COLUMNS)):
            if own.get(heading):
                ws.write_string(row, offset, own[heading], f["input_text"])
    last = header + len(remarks) + EDITABLE_ROWS
    status_col = next(i for i, (key, _, _) in enumerate(COLUMNS) if key == "status")
    ws.data_validation(
        header + 1,
        status_col,
        last,
        status_col,
        {
            "validate": "list",
            "source": [s.value for s in Status],
            "error_title": "Status catatan",
            "error_message": "Pilih: " + ", ".join(s.value for s in Status) + ".",
        },
    )
    ws.freeze_panes(header + 1, 0)
    page_setup(ws, repeat_rows=(header, header), footer=book.footer)
    ws.finish()
