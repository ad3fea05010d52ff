"""Ringkasan (the ikhtisar figures), Temuan (findings with links) and Grafik (two charts)."""

from __future__ import annotations

from .. import formulas as X
from ..findings import Finding, Severity, counts
from ..results import Hasil
from ..schema import Jenis
from ..styles import bar_chart, page_setup
from .book import Book
from .context import Context
from .tables import T31, T38, Positions, cell

RINGKASAN, TEMUAN, GRAFIK = "Ringkasan", "Temuan", "Grafik"


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _tanggal(value) -> str:
    """29 Januari 2024, as an Indonesian signature line writes the date."""
    if value is None:
        return ""
    if hasattr(value, "month"):
        return f"{value.day} {BULAN[value.month - 1]} {value.year}"
    return str(value)


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p) or "-"


def _person(nama: str, nip: str) -> str:
    return f"{nama} (NIP {nip})" if nama and nip else (nama or (f"NIP {nip}" if nip else "-"))


def write_ringkasan(book: Book, ws, hasil: Hasil, pos: Positions, findings: list[Finding]) -> None:
    laporan = hasil.laporan
    ctx = Context(laporan, hasil)
    ident = laporan.identitas
    f = book.fmt
    ws.set_column(0, 0, 46)
    ws.set_column(1, 1, 26)
    ws.set_column(2, 2, 50)
    ws.write_string(
        0, 0, f"Ringkasan LKIP {ident.nama_instansi} Tahun {ident.tahun_laporan}", f["title"]
    )
    ws.write_string(
        1,
        0,
        f"{ident.pemerintah_daerah}. Semua angka dihitung oleh sakip-xlsx dari "
        "sheet isian; sel biru berisi rumus.",
        f["subtitle"],
    )
    row = 3

    def text_row(label: str, value: str) -> None:
        nonlocal row
        ws.write_string(row, 0, label, f["label"])
        ws.write_string(row, 1, value, f["cell"])
        row += 1

    def formula_row(label: str, formula: str, value, fmt, note: str = "") -> str:
        nonlocal row
        ws.write_string(row, 0, label, f["label"])
        book.formula(ws, row, 1, formula, value, f[fmt])
        if note:
            ws.write_string(row, 2, note, f["note"])
        here = cell(RINGKASAN, row, 1)
        row += 1
        return here

    text_row("Instansi", ident.nama_instansi)
    text_row("Pemerintah daerah", ident.pemerintah_daerah)
    text_row("Tahun laporan", str(ident.tahun_laporan or ""))
    text_row("Periode Renstra", f"{ident.periode_awal or ''}-{ident.periode_akhir or ''}")
    text_row("Kepala instansi (pihak pertama PK)", _person(ident.kepala_nama, ident.kepala_nip))
    text_row(
        "Pangkat/golongan, jabatan kepala", _joined(ident.kepala_pangkat, ident.kepala_jabatan)
    )
    text_row("Atasan (pihak kedua PK)", _joined(ident.atasan_nama, ident.atasan_jabatan))
    text_row("Tempat, tanggal penandatanganan", _joined(ident.tempat, _tanggal(ident.tanggal)))
    sasaran = [s for s in laporan.sasaran.values() if s.jenis == Jenis.SASARAN]
    text_row(
        "Jumlah sasaran / indikator sasaran", f"{len(sasaran)} / {len(laporan.sasaran_indikator())}"
    )
    text_row(
        "Jumlah program / kegiatan / sub kegiatan",
        f"{len(laporan.programs())} / {len(laporan.kegiatan())} / {len(laporan.sub_kegiatan())}",
    )
    row += 1
    formula_row(
        "Rata-rata capaian kinerja (%)",
        X.number_or_blank(pos.t31_average),
        hasil.rata_rata,
        "tool_bold_pct",
        f"Tabel 3.1; skala {hasil.pengaturan.skala}",
    )
    formula_row("Predikat", f'{pos.t31_predikat}&""', hasil.predikat, "tool_bold")
    total = pos.t38_total_row
    pagu = formula_row(
        "Total pagu (Rp)",
        X.number_or_blank(cell(T38, total, 4)),
        hasil.total_pagu,
        "tool_bold_rupiah",
        "Tabel 3.8",
    )
    real = formula_row(
        "Total realisasi (Rp)",
        X.number_or_blank(cell(T38, total, 5)),
        hasil.total_realisasi,
        "tool_bold_rupiah",
    )
    serapan = formula_row(
        "Serapan anggaran (%)", X.ratio(real, pagu), hasil.total_serapan, "tool_bold_pct"
    )
    formula_row("Sisa anggaran (Rp)", X.sisa(pagu, real), hasil.total_sisa, "tool_rupiah")
    lalu_p = formula_row(
        "Pagu tahun lalu (Rp)",
        X.number_or_blank(ctx.cell(ident.pagu_tahun_lalu)),
        ident.pagu_tahun_lalu.number,
        "tool_rupiah",
        "Identitas",
    )
    lalu_r = formula_row(
        "Realisasi tahun lalu (Rp)",
        X.number_or_blank(ctx.cell(ident.realisasi_tahun_lalu)),
        ident.realisasi_tahun_lalu.number,
        "tool_rupiah",
    )
    lalu = formula_row(
        "Serapan tahun lalu (%)", X.ratio(lalu_r, lalu_p), hasil.serapan_lalu, "tool_pct"
    )
    formula_row(
        "Perubahan serapan (poin persen)",
        X.difference(serapan, lalu),
        hasil.perubahan_serapan,
        "tool_num",
        "serapan tahun ini - serapan tahun lalu",
    )
    formula_row(
        "Belanja operasi (Rp)",
        X.number_or_blank(ctx.cell(ident.belanja_operasi)),
        ident.belanja_operasi.number,
        "tool_rupiah",
    )
    formula_row(
        "Belanja modal (Rp)",
        X.number_or_blank(ctx.cell(ident.belanja_modal)),
        ident.belanja_modal.number,
        "tool_rupiah",
    )
    row += 1
    found = counts(findings)
    ws.write_string(row, 0, "Temuan pemeriksaan konsistensi", f["bold"])
    row += 1
    for severity in Severity:
        ws.write_string(row, 0, f"Temuan {severity.value}", f["label"])
        ws.write_number(row, 1, found[severity], f["cell_center"])
        row += 1
    ws.write_url(row, 0, f"internal:'{TEMUAN}'!A1", f["link"], "Lihat sheet Temuan")
    page_setup(ws, footer=book.footer)


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


def _data_row(book: Book, ws, row: int, label: str, source: str, value) -> None:
    """One row of a chart's data block: a label and a live copy of a table's figure."""
    ws.write_string(row, 0, label, book.fmt["cell"])
    book.formula(ws, row, 1, X.number_or_blank(source), value, book.fmt["tool_pct"])


def write_grafik(book: Book, hasil: Hasil, pos: Positions) -> None:
    """Two native charts: capaian per indicator against 100 %, serapan per program."""
    f = book.fmt
    wb = book.wb
    ws = book.add_sheet(GRAFIK)
    ws.write_string(0, 0, "Grafik capaian dan serapan", f["title"])
    for col, text in enumerate(("Indikator", "Capaian (%)", "Target 100 %")):
        ws.write_string(2, col, text, f["header"])
    ws.set_column(0, 0, 14)
    ws.set_column(1, 2, 12)
    row = 3
    for kode, t_row in pos.t31_rows.items():
        _data_row(book, ws, row, kode, cell(T31, t_row, 7), hasil.indikator[kode].capaian)
        ws.write_number(row, 2, 100, f["cell_center"])
        row += 1
    last_ind = row - 1
    row += 1
    for col, text in enumerate((Jenis.PROGRAM, "Serapan (%)")):
        ws.write_string(row, col, text, f["header"])
    row += 1
    first_prog = row
    for kode, t_row in pos.t38_rows.items():
        _data_row(book, ws, row, kode, cell(T38, t_row, 6), hasil.anggaran[kode].serapan)
        row += 1
    last_prog = row - 1
    sheet = X.quote_sheet(GRAFIK)
    if pos.t31_rows:
        chart = wb.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": "Capaian (%)",
                "categories": f"={sheet}!$A$4:$A${last_ind + 1}",
                "values": f"={sheet}!$B$4:$B${last_ind + 1}",
                "data_labels": {"value": True, "num_format": "0.00"},
            }
        )
        line = wb.add_chart({"type": "line"})
        line.add_series(
            {
                "name": "Target 100 %",
                "categories": f"={sheet}!$A$4:$A${last_ind + 1}",
                "values": f"={sheet}!$C$4:$C${last_ind + 1}",
                "line": {"color": "#C00000", "dash_type": "dash"},
                "marker": {"type": "none"},
            }
        )
        chart.combine(line)
        chart.set_title({"name": "Capaian per indikator sasaran"})
        chart.set_y_axis({"name": "%", "min": 0})
        chart.set_legend({"position": "bottom"})
        ws.insert_chart("E3", chart, {"x_scale": 1.4, "y_scale": 1.2})
    if pos.t38_rows:
        bar = bar_chart(
            wb,
            "Serapan (%)",
            "Serapan anggaran per program",
            f"={sheet}!$A${first_prog + 1}:$A${last_prog + 1}",
            f"={sheet}!$B${first_prog + 1}:$B${last_prog + 1}",
            {"name": "%", "min": 0, "max": 100},
        )
        ws.insert_chart("E22", bar, {"x_scale": 1.4, "y_scale": 1.2})
    page_setup(ws, footer=book.footer)
    book.finish()
