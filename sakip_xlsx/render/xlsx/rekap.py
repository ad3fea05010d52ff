"""The rollup workbook of `gabung`: Rekap, Peringkat, Grafik, Rinci, Gagal."""

from __future__ import annotations

import math
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from sakip_xlsx.document.spec import RUPIAH_WIDTH
from sakip_xlsx.lkip.results import Rekap, fold, ranking, ranks
from sakip_xlsx.lkip.schema import Jenis
from sakip_xlsx.render.xlsx import formulas as X
from sakip_xlsx.render.xlsx.styles import (
    DOC_PROPERTIES,
    LINE_HEIGHT,
    WORKBOOK_OPTIONS,
    bar_chart,
    document_footer,
    make_formats,
    page_setup,
    row_height,
)
from sakip_xlsx.safety.atomic import scratch_folder
from sakip_xlsx.safety.marks import MARK, Keluaran

REKAP, PERINGKAT, GRAFIK, RINCI = "Rekap", "Peringkat", "Grafik", "Rinci"
SASARAN, PREDIKAT, CATATAN, KODE = "Sasaran", "Sebaran predikat", "Catatan", "Temuan per kode"
KELENGKAPAN = "Kelengkapan"
GAGAL = "Tidak dihitung"
REKAP_SHEETS = frozenset({REKAP, PERINGKAT})
"""Sheets that mark a workbook as a rekap written here (so `gabung` never counts one)."""
FIRST = 4  # header row (0-based); data from FIRST + 1


def _cached(value):
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return value


def _fit(ws, row: int, texts: list[tuple[str, float]], least: float = LINE_HEIGHT) -> None:
    """The row's height for the wrapped texts in it (text, column width), set when it is
    more than one plain line (`styles.row_height`)."""
    height = row_height(texts, least)
    if height > LINE_HEIGHT:
        ws.set_row(row, height)


def _header(ws, fmt, row: int, headers) -> None:
    _fit(ws, row, list(headers), least=36)
    for col, (text, width) in enumerate(headers):
        ws.write_string(row, col, text, fmt["header"])
        ws.set_column(col, col, width)


def _number(ws, row, col, value, style) -> None:
    if value is None:
        ws.write_blank(row, col, None, style)
    else:
        ws.write_number(row, col, value, style)


def _footer(rekap: Rekap) -> str:
    return document_footer("perangkat daerah", rekap.tahun, "Rekap LKIP")


def write_rekap(path: Path, rekap: Rekap) -> None:
    with scratch_folder(path) as scratch:  # xlsxwriter's part files: never left behind
        wb = xlsxwriter.Workbook(str(path), {"tmpdir": scratch, **WORKBOOK_OPTIONS})
        try:
            wb.set_properties({**DOC_PROPERTIES, "title": "Rekap LKIP perangkat daerah"})
            wb.set_custom_property(MARK, Keluaran.REKAP.value)  # what --force may replace
            f = make_formats(wb)
            rows = _write_rekap_sheet(wb, f, rekap)
            _write_peringkat(wb, f, rekap, rows)
            _write_sasaran(wb, f, rekap)
            _write_predikat(wb, f, rekap)
            _write_catatan(wb, f, rekap)
            _write_kode(wb, f, rekap)
            _write_rinci(wb, f, rekap)
            if rekap.daftar:
                _write_kelengkapan(wb, f, rekap)
            _write_gagal(wb, f, rekap)
            wb.close()
        finally:
            wb.fileclosed = True  # after a failure, do not let xlsxwriter close it at exit


def _write_rekap_sheet(wb, f, rekap: Rekap) -> dict[str, int]:
    ws = wb.add_worksheet(REKAP)
    ws.write_string(0, 0, "Rekap capaian kinerja dan anggaran perangkat daerah", f["title"])
    belum = (
        f", {len(rekap.belum_mengirim)} OPD belum mengirim (sheet '{KELENGKAPAN}')"
        if rekap.daftar
        else ""
    )
    ws.write_string(
        1,
        0,
        f"{len(rekap.opd)} workbook dihitung"
        + (f" (tahun {rekap.tahun})" if rekap.tahun else "")
        + f", {len(rekap.tidak_dihitung)} file tidak dihitung (lihat sheet '{GAGAL}'){belum}. "
        "Serapan = realisasi/pagu x 100; jumlah kabupaten dari jumlah pagu dan realisasi. "
        "Klik nama instansi untuk rinciannya.",
        f["subtitle"],
    )
    headers = [
        ("No", 5),
        ("Instansi", 34),
        ("File", 30),
        ("Tahun", 7),
        ("Indikator", 9),
        ("Dinilai", 8),
        ("Rata-rata capaian (%)", 12),
        ("Predikat", 23),
        ("Pagu (Rp)", RUPIAH_WIDTH),
        ("Realisasi (Rp)", RUPIAH_WIDTH),
        ("Serapan (%)", 11),
        ("Error", 7),
        ("Peringatan", 10),
        ("Info", 6),
        ("Catatan terbuka", 10),
        ("Catatan selesai", 10),
    ]
    _header(ws, f, FIRST, headers)
    width = dict(headers)
    blocks = _rinci_rows(rekap)
    positions: dict[str, int] = {}
    row = FIRST + 1
    for number, o in enumerate(rekap.opd, start=1):
        ws.write_number(row, 0, number, f["cell_center"])
        ws.write_url(  # to its detail block
            row, 1, f"internal:{X.quote_sheet(RINCI)}!A{blocks[o.file] + 1}", f["link"], o.instansi
        )
        ws.write_string(row, 2, Path(o.file).name, f["cell"])
        _fit(ws, row, [(o.instansi, width["Instansi"]), (Path(o.file).name, width["File"])])
        _number(ws, row, 3, o.tahun, f["cell_center"])
        ws.write_number(row, 4, o.indikator, f["cell_center"])
        ws.write_number(row, 5, o.dinilai, f["cell_center"])
        _number(ws, row, 6, o.rata_rata, f["tool_pct"])
        ws.write_string(row, 7, o.predikat, f["cell_center"])
        ws.write_number(row, 8, o.pagu, f["tool_rupiah"])
        _number(ws, row, 9, o.realisasi, f["tool_rupiah"])  # blank: none typed
        p, r = X.ref(REKAP, xl_rowcol_to_cell(row, 8)), X.ref(REKAP, xl_rowcol_to_cell(row, 9))
        ws.write_formula(row, 10, "=" + X.ratio(r, p), f["tool_pct"], _cached(o.serapan))
        for col, value in (
            (11, o.error),
            (12, o.peringatan),
            (13, o.info),
            (14, o.catatan_terbuka),
            (15, o.catatan_selesai),
        ):
            ws.write_number(row, col, value, f["cell_center"])
        positions[o.file] = row
        row += 1
    last = row - 1
    ws.write_string(row, 1, "JUMLAH / RATA-RATA KABUPATEN", f["tool_bold"])
    if rekap.opd:

        def span(col: int) -> str:
            return X.column_area(REKAP, xl_col_to_name(col), FIRST + 2, last + 1)

        mean = rekap.rata_rata
        ws.write_formula(row, 6, "=" + X.mean([span(6)]), f["tool_bold_pct"], _cached(mean))
        ws.write_formula(row, 8, "=" + X.total([span(8)]), f["tool_bold_rupiah"], rekap.total_pagu)
        ws.write_formula(
            row, 9, "=" + X.total([span(9)]), f["tool_bold_rupiah"], rekap.total_realisasi
        )
        p, r = X.ref(REKAP, xl_rowcol_to_cell(row, 8)), X.ref(REKAP, xl_rowcol_to_cell(row, 9))
        ws.write_formula(
            row,
            10,
            "=" + X.ratio(r, p),
            f["tool_bold_pct"],
            _cached(rekap.total_serapan),
        )
        for col, attr in (
            (11, "error"),
            (12, "peringatan"),
            (13, "info"),
            (14, "catatan_terbuka"),
            (15, "catatan_selesai"),
        ):
            ws.write_formula(
                row,
                col,
                "=" + X.total([span(col)]),
                f["tool_bold"],
                sum(getattr(o, attr) for o in rekap.opd),
            )
    ws.freeze_panes(FIRST + 1, 2)
    if rekap.opd:
        ws.autofilter(FIRST, 0, last, len(headers) - 1)
    page_setup(ws, repeat_rows=(FIRST, FIRST), footer=_footer(rekap))
    return positions


def _write_peringkat(wb, f, rekap: Rekap, positions: dict[str, int]) -> None:
    ws = wb.add_worksheet(PERINGKAT)
    ws.write_string(
        0, 0, "Peringkat perangkat daerah menurut rata-rata capaian kinerja", f["title"]
    )
    ws.write_string(
        1, 0, "Urutan dari capaian tertinggi; nilai merujuk sheet Rekap.", f["subtitle"]
    )
    headers = [
        ("Peringkat", 9),
        ("Instansi", 40),
        ("Rata-rata capaian (%)", 13),
        ("Predikat", 22),
        ("Serapan (%)", 11),
    ]
    _header(ws, f, FIRST, headers)
    width = dict(headers)
    row = FIRST + 1
    ordered = ranking(rekap.opd)
    for rank, o in zip(ranks(ordered), ordered, strict=True):
        src = positions[o.file]
        ws.write_number(row, 0, rank, f["cell_center"])
        ws.write_string(row, 1, o.instansi, f["cell"])
        _fit(ws, row, [(o.instansi, width["Instansi"])])
        cap = X.ref(REKAP, xl_rowcol_to_cell(src, 6))
        ws.write_formula(row, 2, "=" + X.number_or_blank(cap), f["tool_pct"], _cached(o.rata_rata))
        ws.write_string(row, 3, o.predikat, f["cell_center"])
        ser = X.ref(REKAP, xl_rowcol_to_cell(src, 10))
        ws.write_formula(row, 4, "=" + X.number_or_blank(ser), f["tool_pct"], _cached(o.serapan))
        row += 1
    page_setup(ws, repeat_rows=(FIRST, FIRST), footer=_footer(rekap))
    if not ordered:
        return
    chart_ws = wb.add_worksheet(GRAFIK)
    chart_ws.write_string(0, 0, "Rata-rata capaian kinerja per perangkat daerah", f["title"])
    sheet = X.quote_sheet(PERINGKAT)
    # one chart per CHART_OPD perangkat daerah, each on its own printed page: a chart of every
    # OPD of a kabupaten would be split across pages, or shrunk past reading
    parts = range(0, len(ordered), CHART_OPD)
    values = [
        o.rata_rata for o in ordered if o.rata_rata is not None and math.isfinite(o.rata_rata)
    ]
    top = max(100, math.ceil(max(values, default=100) / 10) * 10)  # one scale on every page
    for n, start in enumerate(parts):
        first = FIRST + 2 + start
        last = FIRST + 1 + min(start + CHART_OPD, len(ordered))
        suffix = f" ({n + 1} dari {len(parts)})" if len(parts) > 1 else ""
        chart = bar_chart(
            wb,
            "Rata-rata capaian (%)",
            "Rata-rata capaian kinerja per OPD" + suffix,
            f"={sheet}!$B${first}:$B${last}",
            f"={sheet}!$C${first}:$C${last}",
            {"name": "%", "min": 0, "max": top},
        )
        chart.set_size({"width": 900, "height": 24 * (last - first + 1) + 120})
        chart_ws.insert_chart(2 + n * CHART_PAGE_ROWS, 0, chart, {"y_offset": 5})
    chart_ws.set_h_pagebreaks([2 + n * CHART_PAGE_ROWS for n in range(1, len(parts))])
    page_setup(chart_ws, footer=_footer(rekap))


CHART_OPD = 20
"""Perangkat daerah per chart: 20 bars (600 px) fit an A4 landscape page."""
CHART_PAGE_ROWS = 32
"""Rows from one chart to the next (a 600 px chart is 30 rows of 20 px)."""


def _rinci_rows(rekap: Rekap) -> dict[str, int]:
    """The 0-based row of each OPD's block on the Rinci sheet (as `_write_rinci` lays it)."""
    out, row = {}, 2
    for o in rekap.opd:
        out[o.file] = row
        row += 1 + (1 + len(o.sasaran)) + (1 + len(o.program)) + 1
    return out


def _write_rinci(wb, f, rekap: Rekap) -> None:
    ws = wb.add_worksheet(RINCI)
    ws.write_string(0, 0, "Rincian per perangkat daerah: sasaran dan program", f["title"])
    for col, width in enumerate(RINCI_WIDTHS):
        ws.set_column(col, col, width)
    row = 2
    for o in rekap.opd:
        ws.write_string(row, 0, f"{o.instansi} ({Path(o.file).name})", f["bold"])
        row += 1
        row = _block(
            ws,
            f,
            row,
            ("Kode", Jenis.SASARAN, "Rata-rata capaian (%)", "Predikat", "Efisiensi"),
            [(s.kode, s.uraian, s.rata_rata, s.predikat, s.efisien) for s in o.sasaran],
            ("cell", "cell", "tool_pct", "cell_center", "cell_center"),
        )
        row = _block(
            ws,
            f,
            row,
            ("Kode", Jenis.PROGRAM, "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"),
            [(p.kode, p.uraian, p.pagu, p.realisasi, p.serapan) for p in o.program],
            ("cell", "cell", "tool_rupiah", "tool_rupiah", "tool_pct"),
        )
        row += 1
    page_setup(ws, footer=_footer(rekap))


RINCI_WIDTHS = (12, 50, 16, 22, 14, 14)
"""Kode, uraian, then figures; the fourth holds `AA (Sangat Memuaskan)` or a rupiah amount."""


def _block(ws, f, row: int, headers, records, styles) -> int:
    """A header row and its records (text or numbers, blank for None); returns the next row."""
    _fit(ws, row, list(zip(headers, RINCI_WIDTHS[: len(headers)], strict=True)))
    for col, text in enumerate(headers):
        ws.write_string(row, col, text, f["header"])
    row += 1
    for record in records:
        texts = []
        for col, (value, style) in enumerate(zip(record, styles, strict=True)):
            if isinstance(value, str):
                ws.write_string(row, col, value, f[style])
                texts.append((value, RINCI_WIDTHS[col]))
            else:
                _number(ws, row, col, value, f[style])
        _fit(ws, row, texts)
        row += 1
    return row


def _write_gagal(wb, f, rekap: Rekap) -> None:
    ws = wb.add_worksheet(GAGAL)
    ws.write_string(0, 0, "File yang tidak dihitung dalam rekap, dengan alasannya", f["title"])
    headers = [("No", 5), ("File", 50), ("Alasan", 22), ("Keterangan", 100)]
    _header(ws, f, 2, headers)
    width = dict(headers)
    for i, g in enumerate(rekap.tidak_dihitung, start=1):
        ws.write_number(2 + i, 0, i, f["cell_center"])
        ws.write_string(2 + i, 1, g.file, f["cell"])
        ws.write_string(2 + i, 2, g.alasan.value, f["cell"])
        ws.write_string(2 + i, 3, g.reason, f["cell"])
        texts = [(g.file, width["File"]), (g.alasan.value, width["Alasan"])]
        _fit(ws, 2 + i, [*texts, (g.reason, width["Keterangan"])])
    if not rekap.tidak_dihitung:
        ws.write_string(3, 1, "Semua workbook terbaca dan dihitung.", f["cell"])
    page_setup(ws, footer=_footer(rekap))


def _table(wb, f, rekap: Rekap, name: str, title: str, note: str, headers, records, styles):
    """A sheet of one table: title, note, headings repeated on every page, the records."""
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, title, f["title"])
    ws.write_string(1, 0, note, f["subtitle"])
    _header(ws, f, FIRST, headers)
    row = FIRST + 1
    widths = [width for _, width in headers]
    for record in records:
        texts = []
        for col, (value, style) in enumerate(zip(record, styles, strict=True)):
            if isinstance(value, str):
                ws.write_string(row, col, value, f[style])
                texts.append((value, widths[col]))
            else:
                _number(ws, row, col, value, f[style])
        _fit(ws, row, texts)
        row += 1
    if not records:
        ws.write_string(row, 1, "Tidak ada.", f["cell"])
    ws.freeze_panes(FIRST + 1, 0)
    page_setup(ws, repeat_rows=(FIRST, FIRST), footer=_footer(rekap))
    return ws, row


def _write_sasaran(wb, f, rekap: Rekap) -> None:
    """Every OPD's sasaran side by side: where each stands across the kabupaten."""
    records = [
        (o.instansi, s.kode, s.uraian, s.rata_rata, s.predikat, s.efisien)
        for o in rekap.opd
        for s in o.sasaran
    ]
    _table(
        wb,
        f,
        rekap,
        SASARAN,
        "Capaian sasaran strategis setiap perangkat daerah",
        "Rata-rata capaian dibatasi indikator setiap sasaran (Tabel 3.5 masing-masing OPD).",
        [
            ("Instansi", 30),
            ("Kode", 8),
            ("Sasaran strategis", 60),
            ("Rata-rata capaian (%)", 12),
            ("Predikat", 22),
            ("Efisiensi", 13),
        ],
        records,
        ("cell", "cell", "cell", "tool_pct", "cell_center", "cell_center"),
    )


def _write_predikat(wb, f, rekap: Rekap) -> None:
    """How many OPDs have each predikat, with a chart."""
    records = rekap.sebaran_predikat("(tidak dinilai)")
    ws, row = _table(
        wb,
        f,
        rekap,
        PREDIKAT,
        "Sebaran predikat perangkat daerah",
        "Jumlah perangkat daerah per predikat rata-rata capaian kinerja.",
        [("Predikat", 26), ("Jumlah OPD", 12)],
        records,
        ("cell", "cell_center"),
    )
    if records:
        sheet = X.quote_sheet(PREDIKAT)
        chart = wb.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": "Jumlah OPD",
                "categories": f"={sheet}!$A${FIRST + 2}:$A${row}",
                "values": f"={sheet}!$B${FIRST + 2}:$B${row}",
                "data_labels": {"value": True},
            }
        )
        chart.set_title({"name": "Sebaran predikat"})
        chart.set_legend({"none": True})
        chart.set_y_axis({"min": 0, "major_unit": 1})
        ws.insert_chart(FIRST, 3, chart, {"x_scale": 1.2, "y_scale": 1.0})


def _write_catatan(wb, f, rekap: Rekap) -> None:
    """Every review remark of every OPD with its status."""
    records = [
        (
            o.instansi,
            Path(o.file).name,
            c.lokasi,
            c.kode,
            c.catatan,
            c.oleh,
            c.tanggal,
            c.status,
            c.tanggapan,
        )
        for o in rekap.opd
        for c in o.catatan
    ]
    _table(
        wb,
        f,
        rekap,
        CATATAN,
        "Catatan reviu setiap perangkat daerah",
        "Dari sheet Catatan Reviu setiap workbook (baris temuan error diisi otomatis, status "
        "menurut keadaan data saat ini). Terbuka: semua status selain Selesai.",
        [
            ("Instansi", 24),
            ("File", 22),
            ("Lokasi", 18),
            ("Kode temuan", 10),
            ("Catatan", 50),
            ("Oleh", 14),
            ("Tanggal", 11),
            ("Status", 12),
            ("Tanggapan OPD", 36),
        ],
        records,
        ("cell",) * 9,
    )


def _write_kode(wb, f, rekap: Rekap) -> None:
    """Which rules fail most across OPDs: where Bappeda should train staff."""
    from sakip_xlsx.lkip.findings import REGISTRY

    records = [
        (
            code,
            REGISTRY[code].severity.value if code in REGISTRY else "",
            REGISTRY[code].title if code in REGISTRY else "",
            opds,
            total,
            remarks,
        )
        for code, opds, total, remarks in rekap.temuan_per_kode()
    ]
    _table(
        wb,
        f,
        rekap,
        KODE,
        "Temuan per kode di semua perangkat daerah",
        "Aturan yang paling sering dilanggar, menurut jumlah OPD: bahan pembinaan penyusun LKIP.",
        [
            ("Kode", 10),
            ("Tingkat", 11),
            ("Arti", 60),
            ("Jumlah OPD", 11),
            ("Jumlah temuan", 11),
            ("Catatan terbuka", 11),
        ],
        records,
        ("cell", "cell", "cell", "cell_center", "cell_center", "cell_center"),
    )


def _write_kelengkapan(wb, f, rekap: Rekap) -> None:
    """Every instansi of the list: sent (with its file) or belum mengirim."""
    files = {fold(o.instansi): Path(o.file).name for o in rekap.opd}
    records = [
        (name, "mengirim" if fold(name) in files else "belum mengirim", files.get(fold(name), ""))
        for name in rekap.daftar
    ]
    _table(
        wb,
        f,
        rekap,
        KELENGKAPAN,
        "Kelengkapan kiriman perangkat daerah",
        f"Menurut daftar OPD: {len(rekap.daftar) - len(rekap.belum_mengirim)} mengirim, "
        f"{len(rekap.belum_mengirim)} belum mengirim.",
        [("Instansi", 40), ("Status", 16), ("File", 40)],
        records,
        ("cell", "cell_center", "cell"),
    )
