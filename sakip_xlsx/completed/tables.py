"""The LKIP tables (Bab III 3.1-3.8, Bab I 1.1-1.3, Rencana Aksi monitoring) as live formulas.

Each table sheet has a title, the instansi and year, a note of the rule it used, a header row
repeated on every printed page, and formulas over the normalised input cells whose cached
values are the Python results.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from .. import formulas as X
from ..model import Laporan, RktItem
from ..results import Hasil, TabelHitung
from ..schema import PANGKAT, SDM, Jenis, MetodeEfisiensi
from ..styles import RUPIAH_WIDTH, document_footer, page_setup
from .book import Book
from .context import Context

JUMLAH_LABEL = "Jumlah"
"""The heading of a total column or row (a table word, not the Metode of the same name)."""
HEADER_ROW = 4  # zero-based: title, subtitle, note, blank, header
NUMBER_ROW = HEADER_ROW + 1
"""The row of column numbers (1) (2) ... under the headings, which LKIP tables print so the
text can say "kolom (7)"."""
FIRST_DATA = NUMBER_ROW + 1

T31, T32, T33, T34, T35 = "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.5"
T36, T37, T38 = "Tabel 3.6", "Tabel 3.7", "Tabel 3.8"
T11, T12, T13 = "Tabel 1.1", "Tabel 1.2", "Tabel 1.3"
T21, T22 = "Tabel 2.1", "Tabel 2.2"
TRA = "Pemantauan Rencana Aksi"


@dataclass
class Positions:
    """Where the tables put things, for later tables, the summary and the charts."""

    t31_rows: dict[str, int] = field(default_factory=dict)
    t31_average: str = ""
    t31_predikat: str = ""
    t35_rows: dict[str, int] = field(default_factory=dict)
    t38_rows: dict[str, int] = field(default_factory=dict)
    t38_total_row: int = 0
    t36_first: int = 0
    t36_last: int = 0


def cell(sheet: str, row: int, col: int) -> str:
    """Absolute reference to a 0-based (row, col) of a table sheet."""
    return X.cell_ref(sheet, xl_col_to_name(col), row + 1)


SOURCES = {
    T11: "sheet SDM (data kepegawaian)",
    T12: "sheet SDM (data kepegawaian)",
    T13: "sheet SDM (data kepegawaian)",
    T21: "Renstra / Renstra Perubahan (sheet Renstra)",
    T22: "Perjanjian Kinerja yang ditandatangani (sheet PK)",
    T31: "target dari PK, RKT atau Renstra; realisasi dari data kinerja (sheet Realisasi)",
    T32: "target Renstra; realisasi tahun ini dan tahun-tahun sebelumnya (sheet Realisasi)",
    T33: "target akhir Renstra; realisasi dari sheet Realisasi",
    T34: "realisasi instansi dan realisasi nasional (sheet Realisasi)",
    T35: "Tabel 3.1",
    T36: "RKT/DPA (pagu, target output) dan realisasi SIPD/SIMDA (sheet Realisasi)",
    T37: "Tabel 3.5 dan Tabel 3.6",
    T38: "RKT/DPA dan realisasi SIPD/SIMDA; tahun lalu dari sheet Identitas",
    TRA: "Rencana Aksi dan realisasi triwulan (sheet Realisasi)",
}
"""The *Sumber data* line under each table, as LKIP tables carry one."""


def start(book: Book, name: str, title: str, hasil: Hasil, note: str, headers) -> object:
    ws = book.add_sheet(name, FIRST_DATA)
    if name in SOURCES:
        ws.closing = (f"Sumber data: {SOURCES[name]}.", book.fmt["note"])
    ident = hasil.laporan.identitas
    ws.write_string(0, 0, title, book.fmt["title"])
    ws.write_string(
        1,
        0,
        f"{ident.nama_instansi} - {ident.pemerintah_daerah} - tahun {ident.tahun_laporan}",
        book.fmt["subtitle"],
    )
    ws.write_string(2, 0, note, book.fmt["note"])
    ws.set_row(HEADER_ROW, 42)
    for col, (text, width) in enumerate(headers):
        ws.write_string(HEADER_ROW, col, text, book.fmt["header"])
        ws.set_column(col, col, width)
    for col in range(len(headers)):
        ws.write_string(NUMBER_ROW, col, f"({col + 1})", book.fmt["number_row"])
    ws.freeze_panes(FIRST_DATA, 0)
    page_setup(
        ws,
        repeat_rows=(HEADER_ROW, NUMBER_ROW),
        footer=document_footer(ident.nama_instansi, ident.tahun_laporan),
    )
    return ws


def _rule_note(hasil: Hasil) -> str:
    p = hasil.pengaturan
    cap = "tanpa batas atas" if p.cap is None else f"dibatasi 0-{p.cap:g}"
    return (
        "Capaian: positif = realisasi/target x 100; negatif = (2 x target - realisasi)/target x "
        f"100; rentang = 100 di dalam rentang. Capaian untuk predikat dan rata-rata {cap}. "
        f"Predikat: {p.skala}. Target acuan: PK, bila kosong RKT, bila kosong Renstra."
    )


def _sasaran_indikator(laporan: Laporan):
    for sasaran in laporan.sasaran.values():
        if sasaran.jenis != Jenis.SASARAN:
            continue
        for kode in sasaran.indikator:
            yield sasaran, laporan.indikator[kode]


def write_tables(book: Book, laporan: Laporan, hasil: Hasil) -> Positions:
    ctx = Context(laporan, hasil)
    pos = Positions()
    for table in (  # in the order of the LKIP: Bab I, Bab II, Bab III
        sdm_tables,
        tabel_21,
        tabel_22,
        tabel_31,
        tabel_32,
        tabel_33,
        tabel_34,
        tabel_35,
        tabel_36,
        tabel_37,
        tabel_38,
        rencana_aksi,
    ):
        table(book, ctx, pos)
        book.finish()  # each table's cells go to disk before the next is built
    return pos


def tabel_21(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    """Bab II: the Renstra matrix of every tujuan and sasaran indicator with all its targets,
    as the Renstra document prints it (the reference LKIP's 'Matriks Tujuan dan Sasaran')."""
    laporan, hasil, f = ctx.laporan, ctx.hasil, book.fmt
    years = laporan.years
    headers = [
        ("No", 5),
        ("Jenis", 9),
        ("Kode", 8),
        ("Kode induk", 8),
        ("Tujuan / sasaran", 36),
        ("Kode indikator", 9),
        ("Indikator", 36),
        ("Satuan", 9),
        ("Polaritas", 9),
        ("Metode tahunan", 10),
        ("IKU", 6),
        ("Kondisi awal", 10),
    ]
    headers += [(f"Target {y}", 10) for y in years]
    headers += [("Target akhir periode", 11)]
    awal, akhir = laporan.identitas.periode_awal, laporan.identitas.periode_akhir
    periode = f"{awal}-{akhir}" if awal and akhir else "-"
    ws = start(
        book,
        T21,
        f"Tabel 2.1 Tujuan, Sasaran, Indikator dan Target Renstra {periode}",
        hasil,
        "Dari sheet Renstra: setiap indikator tujuan dan sasaran dengan kondisi awal, target "
        "setiap tahun dan target akhir periode. Indikator sasaran diukur di Bab III.",
        headers,
    )
    row = FIRST_DATA
    for number, ind in enumerate(laporan.indikator.values(), start=1):
        _lead(
            ws,
            f,
            row,
            number,
            ind.jenis,
            ind.kode_sasaran,
            ind.kode_induk,
            ind.uraian,
            ind.kode,
            ind.indikator,
            ind.satuan,
            ind.polaritas,
            ind.metode_tahunan,
            "Ya" if ind.iku else "Tidak",
        )
        _target(book, ws, row, 11, ctx, ind.kondisi_awal)
        for i, year in enumerate(years):
            _target(book, ws, row, 12 + i, ctx, ind.targets.get(year, _empty()))
        _target(book, ws, row, 12 + len(years), ctx, ind.target_akhir)
        row += 1


def tabel_22(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    """Bab II: the signed Perjanjian Kinerja, row for row as the PK sheet holds it."""
    laporan, hasil, f = ctx.laporan, ctx.hasil, book.fmt
    ws = start(
        book,
        T22,
        f"Tabel 2.2 Perjanjian Kinerja Tahun {hasil.pengaturan.tahun}",
        hasil,
        "Dari sheet PK: sasaran strategis dengan indikator dan targetnya, program dengan "
        "anggarannya, seperti lampiran PK yang ditandatangani.",
        [
            ("No", 5),
            ("Kode", 12),
            ("Sasaran strategis / program", 40),
            ("Indikator kinerja", 38),
            ("Satuan", 9),
            ("Target", 11),
            ("Anggaran (Rp)", RUPIAH_WIDTH),
            ("Keterangan", 16),
        ],
    )
    row = FIRST_DATA
    for number, pk in enumerate(laporan.pk, start=1):
        _lead(ws, f, row, number, pk.kode, pk.uraian, pk.indikator, pk.satuan)
        _target(book, ws, row, 5, ctx, pk.target)
        book.formula(
            ws,
            row,
            6,
            X.number_or_blank(ctx.cell(pk.anggaran)),
            pk.anggaran.number,
            f["tool_rupiah"],
        )
        ws.write_string(row, 7, pk.keterangan, f["cell"])
        row += 1


def tabel_31(book: Book, ctx: Context, pos: Positions) -> None:
    hasil, f = ctx.hasil, book.fmt
    ws = start(
        book,
        T31,
        f"Tabel 3.1 Pengukuran Kinerja Tahun {hasil.pengaturan.tahun}",
        hasil,
        _rule_note(hasil),
        [
            ("No", 5),
            ("Sasaran strategis", 38),
            ("Kode", 8),
            ("Indikator", 38),
            ("Satuan", 9),
            ("Target", 11),
            ("Realisasi", 11),
            ("Capaian (%)", 11),
            ("Capaian dibatasi (%)", 12),
            ("Predikat", 20),
            ("Keterangan", 30),
        ],
    )
    row = FIRST_DATA
    for number, (sasaran, ind) in enumerate(_sasaran_indikator(ctx.laporan), start=1):
        h = hasil.indikator[ind.kode]
        _lead(ws, f, row, number, sasaran.uraian, ind.kode, ind.indikator, ind.satuan)
        _target(book, ws, row, 5, ctx, h.target)
        book.formula(ws, row, 6, ctx.realisasi(ind.kode), h.realisasi.number, f["tool_num"])
        t, r = cell(T31, row, 5), cell(T31, row, 6)
        book.formula(ws, row, 7, ctx.capaian(ind.kode, h.target, t, r), h.capaian, f["tool_pct"])
        book.formula(ws, row, 8, X.dibatasi(cell(T31, row, 7), ctx.cap), h.dibatasi, f["tool_pct"])
        book.formula(
            ws, row, 9, X.predikat(cell(T31, row, 8), ctx.skala), h.predikat, f["tool_center"]
        )
        note = f"Tidak dinilai: {h.alasan}" if h.alasan else f"Target dari {h.target_sumber}"
        ws.write_string(row, 10, note, f["cell"])
        pos.t31_rows[ind.kode] = row
        row += 1
    ws.write_string(row, 1, "Rata-rata capaian instansi", f["tool_bold"])
    rows = list(pos.t31_rows.values())
    span = [X.column_area(T31, "I", rows[0] + 1, rows[-1] + 1)] if rows else []
    book.formula(ws, row, 8, X.mean(span), hasil.rata_rata, f["tool_bold_pct"])
    book.formula(
        ws, row, 9, X.predikat(cell(T31, row, 8), ctx.skala), hasil.predikat, f["tool_bold"]
    )
    pos.t31_average = cell(T31, row, 8)
    pos.t31_predikat = cell(T31, row, 9)


def _target(book: Book, ws, row: int, col: int, ctx: Context, target, fmt=None) -> None:
    """A measured input shown in a table: a range as its text, anything else as a live number
    (in `fmt`, two decimals by default)."""
    if target.value.is_range:
        ws.write_string(row, col, target.value.raw or "", book.fmt["cell"])
        return
    fmt = fmt or book.fmt["tool_num"]
    book.formula(ws, row, col, X.number_or_blank(ctx.cell(target)), target.number, fmt)


def tabel_32(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    hasil, f = ctx.hasil, book.fmt
    tahun = hasil.pengaturan.tahun
    first = next(iter(hasil.indikator.values()), None)
    years = first.years if first else [tahun]
    headers = [("No", 5), ("Sasaran strategis", 34), ("Kode", 8), ("Indikator", 34), ("Satuan", 9)]
    headers += [(f"Target {y}", 10) for y in years]
    headers += [(f"Realisasi {y}", 10) for y in years]
    headers += [(f"Tren terhadap {tahun - 1}", 14)]
    ws = start(
        book,
        T32,
        "Tabel 3.2 Perbandingan Realisasi Kinerja dengan Tahun-tahun Sebelumnya",
        hasil,
        "Target dari Renstra; realisasi tahun lalu dari sheet Realisasi. Tren dinilai menurut "
        "polaritas: Membaik bila realisasi bergerak ke arah yang baik.",
        headers,
    )
    row = FIRST_DATA
    n = len(years)
    for number, (sasaran, ind) in enumerate(_sasaran_indikator(ctx.laporan), start=1):
        h = hasil.indikator[ind.kode]
        _lead(ws, f, row, number, sasaran.uraian, ind.kode, ind.indikator, ind.satuan)
        for i, year in enumerate(years):
            _target(book, ws, row, 5 + i, ctx, ind.targets.get(year, _empty()))
            real = h.realisasi_per_tahun[year]
            if year == tahun:  # this year's realisasi lives in Tabel 3.1 (quarters included)
                book.formula(
                    ws,
                    row,
                    5 + n + i,
                    X.number_or_blank(_t31(pos, ind.kode)),
                    real.number,
                    f["tool_num"],
                )
                continue
            book.formula(
                ws, row, 5 + n + i, X.number_or_blank(ctx.cell(real)), real.number, f["tool_num"]
            )
        now = cell(T32, row, 5 + n + years.index(tahun)) if tahun in years else X.BLANK
        prev = cell(T32, row, 5 + n + years.index(tahun - 1)) if tahun - 1 in years else X.BLANK
        book.formula(
            ws, row, 5 + 2 * n, X.tren(now, prev, ctx.polaritas(ind.kode)), h.tren, f["tool_center"]
        )
        row += 1


def _t31(pos: Positions | None, kode: str) -> str:
    """This year's realisasi of an indicator, as Tabel 3.1 shows it."""
    assert pos is not None and kode in pos.t31_rows
    return cell(T31, pos.t31_rows[kode], 6)


def _lead(ws, f, row: int, number: int, *texts: str) -> None:
    """The No column and the descriptive text columns that open an indicator row."""
    ws.write_number(row, 0, number, f["cell_center"])
    for col, value in enumerate(texts, start=1):
        ws.write_string(row, col, value, f["cell"])


def _empty():
    from ..model import EMPTY

    return EMPTY


def tabel_33(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    hasil, f = ctx.hasil, book.fmt
    ident = ctx.laporan.identitas
    tahun = hasil.pengaturan.tahun
    ws = start(
        book,
        T33,
        "Tabel 3.3 Perbandingan Realisasi Kinerja dengan Target Akhir Renstra",
        hasil,
        "Realisasi s.d. tahun ini menurut metode akumulasi tahunan: Akhir = nilai tahun terakhir "
        "yang ada, Jumlah = jumlah realisasi tiap tahun periode, Rata-rata = rata-ratanya.",
        [
            ("No", 5),
            ("Sasaran strategis", 34),
            ("Kode", 8),
            ("Indikator", 34),
            ("Satuan", 9),
            ("Metode", 10),
            (f"Target akhir Renstra {ident.periode_akhir or ''}".strip(), 13),
            (f"Realisasi s.d. {tahun}", 12),
            ("Capaian thd target akhir (%)", 14),
        ],
    )
    row = FIRST_DATA
    for number, (sasaran, ind) in enumerate(_sasaran_indikator(ctx.laporan), start=1):
        h = hasil.indikator[ind.kode]
        _lead(ws, f, row, number, sasaran.uraian, ind.kode, ind.indikator, ind.satuan)
        ws.write_string(row, 5, ind.metode_tahunan, f["cell_center"])
        _target(book, ws, row, 6, ctx, ind.target_akhir)
        cells = [
            _t31(pos, ind.kode) if y == tahun else ctx.cell(h.realisasi_per_tahun[y])
            for y in h.years
            if y == tahun or h.realisasi_per_tahun[y].sheet
        ]
        book.formula(
            ws,
            row,
            7,
            X.realisasi_sd_tahun(cells, ctx.metode_tahunan(ind.kode)),
            h.realisasi_sd,
            f["tool_num"],
        )
        t, r = cell(T33, row, 6), cell(T33, row, 7)
        book.formula(
            ws,
            row,
            8,
            ctx.capaian(ind.kode, ind.target_akhir, t, r),
            h.capaian_akhir,
            f["tool_pct"],
        )
        row += 1


def tabel_34(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    hasil, f = ctx.hasil, book.fmt
    tahun = hasil.pengaturan.tahun
    ws = start(
        book,
        T34,
        "Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Nasional",
        hasil,
        "Selisih = realisasi instansi - realisasi nasional; keterangan dinilai menurut polaritas.",
        [
            ("No", 5),
            ("Sasaran strategis", 34),
            ("Kode", 8),
            ("Indikator", 34),
            ("Satuan", 9),
            (f"Realisasi {tahun}", 12),
            ("Realisasi nasional", 12),
            ("Selisih (+/-)", 11),
            ("Keterangan", 14),
        ],
    )
    row = FIRST_DATA
    for number, (sasaran, ind) in enumerate(_sasaran_indikator(ctx.laporan), start=1):
        h = hasil.indikator[ind.kode]
        _lead(ws, f, row, number, sasaran.uraian, ind.kode, ind.indikator, ind.satuan)
        book.formula(
            ws, row, 5, X.number_or_blank(_t31(pos, ind.kode)), h.realisasi.number, f["tool_num"]
        )
        book.formula(
            ws, row, 6, X.number_or_blank(ctx.cell(h.nasional)), h.nasional.number, f["tool_num"]
        )
        own, other = cell(T34, row, 5), cell(T34, row, 6)
        book.formula(ws, row, 7, X.difference(own, other), h.selisih_nasional, f["tool_num"])
        book.formula(
            ws,
            row,
            8,
            X.banding(own, other, ctx.polaritas(ind.kode)),
            h.banding_nasional,
            f["tool_center"],
        )
        row += 1


def tabel_35(book: Book, ctx: Context, pos: Positions) -> None:
    hasil, f = ctx.hasil, book.fmt
    ws = start(
        book,
        T35,
        "Tabel 3.5 Predikat Capaian Kinerja per Sasaran",
        hasil,
        "Rata-rata sasaran = rata-rata capaian dibatasi indikatornya (Tabel 3.1). "
        f"Predikat: {hasil.pengaturan.skala}.",
        [
            ("No", 5),
            ("Sasaran strategis", 48),
            ("Jumlah indikator", 11),
            ("Indikator dinilai", 11),
            ("Rata-rata capaian (%)", 13),
            ("Predikat", 22),
        ],
    )
    row = FIRST_DATA
    for number, (kode, hs) in enumerate(hasil.sasaran.items(), start=1):
        capped = [cell(T31, pos.t31_rows[k], 8) for k in hs.indikator if k in pos.t31_rows]
        ws.write_number(row, 0, number, f["cell_center"])
        ws.write_string(row, 1, hs.sasaran.uraian, f["cell"])
        ws.write_number(row, 2, len(hs.indikator), f["cell_center"])
        book.formula(
            ws,
            row,
            3,
            f"COUNT({','.join(capped)})" if capped else "0",
            hs.dinilai,
            f["tool_center"],
        )
        book.formula(ws, row, 4, X.mean(capped), hs.rata_rata, f["tool_pct"])
        book.formula(
            ws, row, 5, X.predikat(cell(T35, row, 4), ctx.skala), hs.predikat, f["tool_center"]
        )
        pos.t35_rows[kode] = row
        row += 1
    ws.write_string(row, 1, "Rata-rata capaian instansi (semua indikator sasaran)", f["tool_bold"])
    book.formula(
        ws, row, 4, X.number_or_blank(pos.t31_average), hasil.rata_rata, f["tool_bold_pct"]
    )
    book.formula(
        ws, row, 5, X.predikat(cell(T35, row, 4), ctx.skala), hasil.predikat, f["tool_bold"]
    )


# --- the budget cascade (3.6 and 3.8) ---------------------------------------------------------


def _cascade(ctx: Context) -> list[tuple[RktItem | None, str]]:
    """(item, sasaran code) in table order: program, its kegiatan, their sub kegiatan; then
    sub kegiatan the cascade does not reach, under a group row (item None)."""
    laporan = ctx.laporan
    out: list[tuple[RktItem | None, str]] = []
    for program in laporan.programs():
        out.append((program, program.kode_induk))
        for kode in program.children:
            kegiatan = laporan.rkt[kode]
            out.append((kegiatan, program.kode_induk))
            for sub in kegiatan.children:
                out.append((laporan.rkt[sub], program.kode_induk))
    if ctx.hasil.orphans:
        out.append((None, ""))
        out.extend((laporan.rkt[k], "") for k in ctx.hasil.orphans)
    return out


def _budget_rows(
    book: Book, ws, name: str, ctx: Context, cols: dict[str, int], extra=None
) -> tuple[int, int]:
    """Writes the cascade rows; returns (first, last) data rows. Sub kegiatan cells point at
    the input sheets, kegiatan rows sum their sub kegiatan, program rows their kegiatan.
    `extra(row, item)` adds a table's own columns to each row, in row order."""
    f = book.fmt
    hasil = ctx.hasil
    rows = _cascade(ctx)
    first = FIRST_DATA
    last = first + len(rows) - 1
    block_end: dict[int, int] = {}
    # where each program's and kegiatan's block ends, for the sums
    for i, (item, _) in enumerate(rows):
        if item is None or item.jenis == Jenis.SUB_KEGIATAN:
            continue
        j = i + 1
        while j < len(rows) and rows[j][0] is not None and _depth(rows[j][0]) > _depth(item):
            j += 1
        block_end[i] = first + j - 1
    jenis_col, pagu_col, real_col = cols["jenis"], cols["pagu"], cols["realisasi"]
    for i, (item, sasaran) in enumerate(rows):
        row = first + i
        if item is None:
            ws.write_string(row, cols["jenis"], "Kelompok", f["cell"])
            ws.write_string(
                row, cols["uraian"], "Sub kegiatan tanpa induk yang sah (lihat Temuan)", f["bold"]
            )
            continue
        bold = item.jenis != Jenis.SUB_KEGIATAN
        ws.write_string(row, jenis_col, item.jenis, f["cell"])
        ws.write_string(row, cols["kode"], item.kode, f["cell"])
        ws.write_string(row, cols["sasaran"], sasaran, f["cell_center"])
        indent = {Jenis.PROGRAM: 0, Jenis.KEGIATAN: 1}.get(item.jenis, 2)
        ws.write_string(
            row, cols["uraian"], "   " * indent + item.uraian, f["cell_bold"] if bold else f["cell"]
        )
        a = hasil.anggaran[item.kode]
        rupiah = f["tool_bold_rupiah"] if bold else f["tool_rupiah"]
        if item.jenis == Jenis.SUB_KEGIATAN:
            pagu = X.number_or_blank(ctx.cell(item.pagu))
            real = X.number_or_blank(ctx.cell(a.realisasi_cell))
        elif block_end[i] == row:  # a program or kegiatan with nothing below it
            pagu = real = "0"
        else:
            end = block_end[i]
            span = lambda c: X.column_area(name, xl_col_to_name(c), row + 2, end + 1)  # noqa: E731, B023
            child = Jenis.SUB_KEGIATAN if item.jenis == Jenis.KEGIATAN else Jenis.KEGIATAN
            jenis_span = span(jenis_col)
            pagu = f"SUMIFS({span(pagu_col)},{jenis_span},{X.text(child)})"
            real = f"SUMIFS({span(real_col)},{jenis_span},{X.text(child)})"
        book.formula(ws, row, pagu_col, pagu, a.pagu, rupiah)
        book.formula(ws, row, real_col, real, a.realisasi, rupiah)
        p, r = cell(name, row, pagu_col), cell(name, row, real_col)
        pct = f["tool_bold_pct"] if bold else f["tool_pct"]
        book.formula(ws, row, cols["serapan"], X.ratio(r, p), a.serapan, pct)
        if "sisa" in cols:
            book.formula(ws, row, cols["sisa"], X.sisa(p, r), a.sisa, rupiah)
        if extra is not None:
            extra(row, item)
    return first, last


def _depth(item: RktItem) -> int:
    return {Jenis.PROGRAM: 0, Jenis.KEGIATAN: 1}.get(item.jenis, 2)


def _total_row(book: Book, ws, name: str, row: int, first: int, last: int, cols, hasil) -> None:
    f = book.fmt
    ws.write_string(row, cols["uraian"], "JUMLAH", f["tool_bold"])
    jenis = X.column_area(name, xl_col_to_name(cols["jenis"]), first + 1, last + 1)
    for key, value in (("pagu", hasil.total_pagu), ("realisasi", hasil.total_realisasi)):
        span = X.column_area(name, xl_col_to_name(cols[key]), first + 1, last + 1)
        book.formula(
            ws,
            row,
            cols[key],
            f"SUMIFS({span},{jenis},{X.text(Jenis.SUB_KEGIATAN)})",
            value,
            f["tool_bold_rupiah"],
        )
    p, r = cell(name, row, cols["pagu"]), cell(name, row, cols["realisasi"])
    book.formula(ws, row, cols["serapan"], X.ratio(r, p), hasil.total_serapan, f["tool_bold_pct"])
    if "sisa" in cols:
        book.formula(ws, row, cols["sisa"], X.sisa(p, r), hasil.total_sisa, f["tool_bold_rupiah"])


T36_COLUMNS = {
    key: index
    for index, key in enumerate(
        (
            "jenis",
            "kode",
            "sasaran",
            "uraian",
            "pagu",
            "realisasi",
            "serapan",
            "indikator",
            "satuan",
            "target",
            "real_output",
            "capaian",
            "nilai",
            "real_dinilai",
        )
    )
}
"""Tabel 3.6's columns by key; Tabel 3.7 sums them by key too, never by a bare number."""


def tabel_36(book: Book, ctx: Context, pos: Positions) -> None:
    hasil, f = ctx.hasil, book.fmt
    cols = T36_COLUMNS
    ws = start(
        book,
        T36,
        "Tabel 3.6 Target dan Realisasi Program, Kegiatan dan Sub Kegiatan",
        hasil,
        "Input: pagu dan realisasi anggaran (serapan = realisasi/pagu x 100, jumlah program dan "
        "kegiatan dari sub kegiatannya). Output: capaian = realisasi output/target output x 100.",
        [
            ("Jenis", 12),
            ("Kode", 12),
            (Jenis.SASARAN, 8),
            ("Program / kegiatan / sub kegiatan", 44),
            ("Pagu (Rp)", RUPIAH_WIDTH),
            ("Realisasi (Rp)", RUPIAH_WIDTH),
            ("Serapan (%)", 10),
            ("Indikator output", 36),
            ("Satuan", 9),
            ("Target output", 11),
            ("Realisasi output", 11),
            ("Capaian output (%)", 11),
            ("Pagu x capaian output (Rp)", RUPIAH_WIDTH),
            ("Realisasi dinilai (Rp)", RUPIAH_WIDTH),
        ],
    )

    def output_columns(row: int, item: RktItem) -> None:
        ws.write_string(row, cols["indikator"], item.indikator, f["cell"])
        ws.write_string(row, cols["satuan"], item.satuan, f["cell_center"])
        if item.jenis != Jenis.SUB_KEGIATAN:  # its own target as a number; no output realisasi
            _target(
                book, ws, row, cols["target"], ctx, item.target, _measure_format(f, item.target)
            )
            return
        a = hasil.anggaran[item.kode]
        book.formula(
            ws,
            row,
            cols["target"],
            X.number_or_blank(ctx.cell(item.target)),
            item.target.number,
            _measure_format(f, item.target),
        )
        book.formula(
            ws,
            row,
            cols["real_output"],
            ctx.realisasi(item.kode),
            a.output_realisasi.number,
            _measure_format(f, a.output_realisasi),
        )
        t, r = cell(T36, row, cols["target"]), cell(T36, row, cols["real_output"])
        book.formula(ws, row, cols["capaian"], X.ratio(r, t), a.output_capaian, f["tool_pct"])
        p, real = cell(T36, row, cols["pagu"]), cell(T36, row, cols["realisasi"])
        c = cell(T36, row, cols["capaian"])
        nilai = a.nilai_output
        book.formula(ws, row, cols["nilai"], X.nilai_output(p, real, c), nilai, f["tool_rupiah"])
        n = cell(T36, row, cols["nilai"])
        book.formula(
            ws,
            row,
            cols["real_dinilai"],
            f"IF(ISNUMBER({n}),{real},{X.BLANK})",
            a.realisasi if nilai is not None else None,
            f["tool_rupiah"],
        )

    first, last = _budget_rows(book, ws, T36, ctx, cols, output_columns)
    pos.t36_first, pos.t36_last = first, last
    _total_row(book, ws, T36, last + 1, first, last, cols, hasil)


def _measure_format(f, measured) -> object:
    """Counts show as counts (18, not 18.00), percentages with two decimals and a % sign,
    anything else with two decimals."""
    v = measured.value
    if v.percent:
        return f["tool_pct"]
    if v.number is not None and float(v.number).is_integer():
        return f["tool_int"]
    return f["tool_num"]


def tabel_37(book: Book, ctx: Context, pos: Positions) -> None:
    hasil, f = ctx.hasil, book.fmt
    pmk = hasil.pengaturan.metode_efisiensi == MetodeEfisiensi.PMK
    note = (
        "Efisiensi PMK 214/2017: E = (jumlah pagu x capaian output - realisasi) / jumlah pagu x "
        "capaian output, sub kegiatan program pendukung sasaran; Efisien bila E > 0."
        if pmk
        else "Efisiensi = capaian kinerja sasaran / serapan anggaran program pendukungnya x 100; "
        "Efisien bila >= 100 (capaian setidaknya sebanding dengan anggaran yang terserap)."
    )
    ws = start(
        book,
        T37,
        "Tabel 3.7 Efisiensi Penggunaan Sumber Daya",
        hasil,
        note,
        [
            ("No", 5),
            ("Sasaran strategis", 44),
            ("Program pendukung", 16),
            ("Capaian kinerja (%)", 12),
            ("Pagu (Rp)", RUPIAH_WIDTH),
            ("Realisasi (Rp)", RUPIAH_WIDTH),
            ("Serapan (%)", 11),
            ("Efisiensi" if pmk else "Tingkat efisiensi (%)", 12),
            ("Keterangan", 14),
        ],
    )

    def col36(key: str) -> str:
        """A column of Tabel 3.6's data rows, by key."""
        letter = xl_col_to_name(T36_COLUMNS[key])
        return X.column_area(T36, letter, pos.t36_first + 1, pos.t36_last + 1)

    row = FIRST_DATA
    for number, (kode, hs) in enumerate(hasil.sasaran.items(), start=1):
        ws.write_number(row, 0, number, f["cell_center"])
        ws.write_string(row, 1, hs.sasaran.uraian, f["cell"])
        ws.write_string(row, 2, ", ".join(hs.programs) or "-", f["cell"])
        book.formula(
            ws,
            row,
            3,
            X.number_or_blank(cell(T35, pos.t35_rows[kode], 4)),
            hs.rata_rata,
            f["tool_pct"],
        )
        by_sasaran = f"{col36('sasaran')},{X.criteria(kode)}"
        crit = f"{col36('jenis')},{X.text(Jenis.PROGRAM)},{by_sasaran}"
        if pos.t36_last >= pos.t36_first:
            book.formula(
                ws,
                row,
                4,
                f"SUMIFS({col36('pagu')},{crit})",
                hs.pagu,
                f["tool_rupiah"],
            )
            book.formula(
                ws,
                row,
                5,
                f"SUMIFS({col36('realisasi')},{crit})",
                hs.realisasi,
                f["tool_rupiah"],
            )
        else:
            book.formula(ws, row, 4, "0", 0.0, f["tool_rupiah"])
            book.formula(ws, row, 5, "0", 0.0, f["tool_rupiah"])
        p, r = cell(T37, row, 4), cell(T37, row, 5)
        book.formula(ws, row, 6, X.ratio(r, p), hs.serapan, f["tool_pct"])
        if pmk and pos.t36_last >= pos.t36_first:
            sub = f"{col36('jenis')},{X.text(Jenis.SUB_KEGIATAN)},{by_sasaran}"
            nilai = f"SUMIFS({col36('nilai')},{sub})"
            belanja = f"SUMIFS({col36('real_dinilai')},{sub})"
            book.formula(
                ws,
                row,
                7,
                X.efisiensi_pmk(nilai, belanja),
                hs.efisiensi,
                book.custom("tool", "0.00%"),
            )
            book.formula(ws, row, 8, X.efisien_pmk(cell(T37, row, 7)), hs.efisien, f["tool_center"])
        else:
            book.formula(
                ws,
                row,
                7,
                X.ratio(cell(T37, row, 3), cell(T37, row, 6)),
                hs.efisiensi,
                f["tool_pct"],
            )
            book.formula(
                ws, row, 8, X.efisien_rasio(cell(T37, row, 7)), hs.efisien, f["tool_center"]
            )
        row += 1


def tabel_38(book: Book, ctx: Context, pos: Positions) -> None:
    hasil = ctx.hasil
    cols = {
        "jenis": 0,
        "kode": 1,
        "sasaran": 2,
        "uraian": 3,
        "pagu": 4,
        "realisasi": 5,
        "serapan": 6,
        "sisa": 7,
    }
    ws = start(
        book,
        T38,
        f"Tabel 3.8 Realisasi Anggaran per Program Tahun {hasil.pengaturan.tahun}",
        hasil,
        "Serapan = realisasi/pagu x 100; kegiatan dan program dijumlah dari sub kegiatannya "
        "(persentase program = jumlah realisasi / jumlah pagu, bukan rata-rata persentase).",
        [
            ("Jenis", 12),
            ("Kode", 12),
            (Jenis.SASARAN, 8),
            ("Program / kegiatan / sub kegiatan", 50),
            ("Pagu (Rp)", RUPIAH_WIDTH),
            ("Realisasi (Rp)", RUPIAH_WIDTH),
            ("Serapan (%)", 11),
            ("Sisa (Rp)", RUPIAH_WIDTH),
        ],
    )
    first, last = _budget_rows(book, ws, T38, ctx, cols)
    for i, (item, _) in enumerate(_cascade(ctx)):
        if item is not None and item.jenis == Jenis.PROGRAM:
            pos.t38_rows[item.kode] = first + i
    pos.t38_total_row = last + 1
    _total_row(book, ws, T38, last + 1, first, last, cols, hasil)


# --- SDM ----------------------------------------------------------------------------------


def sdm_tables(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    laporan, hasil = ctx.laporan, ctx.hasil
    header = laporan.header_rows.get(SDM.name, 1)
    last = max((p.row for p in laporan.sdm), default=header)
    letters = laporan.columns.get(SDM.name, {})

    def rng(key: str) -> str | None:
        letter = letters.get(key)
        return X.column_area(SDM.name, letter, header + 1, last) if letter else None

    specs = (
        (
            T11,
            "Tabel 1.1 Jumlah Pegawai berdasarkan Jabatan",
            "Jabatan",
            "jabatan",
            hasil.sdm_jabatan,
        ),
        (
            T12,
            "Tabel 1.2 Jumlah ASN berdasarkan Pangkat/Golongan",
            "Golongan",
            "golongan",
            hasil.sdm_golongan,
        ),
        (
            T13,
            "Tabel 1.3 Jumlah Pegawai berdasarkan Pendidikan",
            "Pendidikan",
            "pendidikan",
            hasil.sdm_pendidikan,
        ),
    )
    for name, title, label, key, table in specs:
        names = PANGKAT if key == "golongan" else None
        _count_table(book, name, title, label, rng(key), rng("status"), table, hasil, names)


def _count_table(
    book,
    name,
    title,
    label,
    label_range,
    status_range,
    table: TabelHitung,
    hasil,
    names: dict[str, str] | None = None,
):
    """A count per row label and status; `names` adds a column that names each label (the
    pangkat of a golongan)."""
    f = book.fmt
    headers = [("No", 5), (label, 16 if names else 44)]
    if names:
        headers.append(("Pangkat", 28))
    first = len(headers)
    headers += [(c, 10) for c in table.columns] + [(JUMLAH_LABEL, 10)]
    ws = start(
        book,
        name,
        title,
        hasil,
        "Dihitung dari sheet SDM (satu baris per pegawai); nilai di luar daftar tidak dihitung "
        "dan disebut di sheet Temuan.",
        headers,
    )
    row = FIRST_DATA
    width = len(table.columns)
    for number, (text, counts) in enumerate(table.rows, start=1):
        ws.write_number(row, 0, number, f["cell_center"])
        ws.write_string(row, 1, text, f["cell"])
        if names:
            ws.write_string(row, 2, names.get(text, ""), f["cell"])
        for i, status in enumerate(table.columns):
            formula = (
                # exact comparison with the label cell: no wildcards, no 255-character limit
                # on text in a formula, and case-insensitive like the Python count
                f"SUMPRODUCT(({label_range}={cell(name, row, 1)})*"
                f"({status_range}={X.text(status)}))"
                if label_range and status_range
                else "0"
            )
            book.formula(ws, row, first + i, formula, counts[i], f["tool_center"])
        span = f"{xl_rowcol_to_cell(row, first)}:{xl_rowcol_to_cell(row, first + width - 1)}"
        book.formula(ws, row, first + width, f"SUM({span})", sum(counts), f["tool_center"])
        row += 1
    ws.write_string(row, 1, JUMLAH_LABEL, f["tool_bold"])
    for i in range(width + 1):
        c = xl_col_to_name(first + i)
        value = sum(table.totals) if i == width else table.totals[i]
        formula = f"SUM({c}{FIRST_DATA + 1}:{c}{row})" if row > FIRST_DATA else "0"
        book.formula(ws, row, first + i, formula, value, f["tool_bold"])


# --- Rencana Aksi monitoring ----------------------------------------------------------------


def rencana_aksi(book: Book, ctx: Context, pos: Positions | None = None) -> None:
    hasil, f = ctx.hasil, book.fmt
    headers = [("No", 5), ("Kode", 10), ("Uraian", 36), ("Metode", 10)]
    headers += [(f"Target s.d. TW{q}", 10) for q in range(1, 5)]
    headers += [(f"Realisasi s.d. TW{q}", 10) for q in range(1, 5)]
    headers += [(f"Capaian s.d. TW{q} (%)", 10) for q in range(1, 5)]
    headers += [("Target tahunan", 10)]
    headers += [(f"Capaian s.d. TW{q} thd target tahunan (%)", 12) for q in range(1, 5)]
    ws = start(
        book,
        TRA,
        "Pemantauan Rencana Aksi per Triwulan",
        hasil,
        "Nilai s.d. TWk menurut metode: Jumlah = dijumlah, Akhir = nilai TWk, Rata-rata = "
        "rata-rata. Capaian s.d. TWk = realisasi s.d. TWk / target s.d. TWk x 100.",
        headers,
    )
    row = FIRST_DATA
    for number, (kode, h) in enumerate(hasil.rencana_aksi.items(), start=1):
        ra = h.rencana
        ws.write_number(row, 0, number, f["cell_center"])
        ws.write_string(row, 1, kode, f["cell"])
        ws.write_string(row, 2, _uraian(ctx, kode) or ra.uraian, f["cell"])
        ws.write_string(row, 3, ra.metode, f["cell_center"])
        metode = ctx.metode_ra(kode)
        pol = ctx.polaritas(kode)
        targets = [ctx.cell(c) for c in ra.targets]
        reals = [ctx.cell(c) for c in h.realisasi]
        for q in range(4):
            t_cells = [
                c for c, cell_ in zip(targets[: q + 1], ra.targets, strict=False) if cell_.sheet
            ]
            r_cells = [
                c for c, cell_ in zip(reals[: q + 1], h.realisasi, strict=False) if cell_.sheet
            ]
            book.formula(
                ws,
                row,
                4 + q,
                _sd(t_cells, ra.targets[q].sheet, metode),
                h.target_sd[q],
                f["tool_num"],
            )
            book.formula(
                ws,
                row,
                8 + q,
                _sd(r_cells, h.realisasi[q].sheet, metode),
                h.realisasi_sd[q],
                f["tool_num"],
            )
            t, r = cell(TRA, row, 4 + q), cell(TRA, row, 8 + q)
            book.formula(
                ws,
                row,
                12 + q,
                X.capaian(t, r, pol, rentang_blank=False),
                h.capaian_sd[q],
                f["tool_pct"],
            )
        book.formula(
            ws,
            row,
            16,
            X.number_or_blank(ctx.cell(h.target_acuan)),
            h.target_acuan.number,
            f["tool_num"],
        )
        for q in range(4):
            t, r = cell(TRA, row, 16), cell(TRA, row, 8 + q)
            book.formula(
                ws,
                row,
                17 + q,
                X.capaian(t, r, pol, rentang_blank=False),
                h.capaian_tahunan_sd[q],
                f["tool_pct"],
            )
        row += 1


def _sd(cells: list[str], own_sheet: str | None, metode: str) -> str:
    return X.sampai_dengan(cells, metode, own_missing=not own_sheet)


def _uraian(ctx: Context, kode: str) -> str:
    laporan = ctx.laporan
    if kode in laporan.indikator:
        return laporan.indikator[kode].indikator
    if kode in laporan.rkt:
        return laporan.rkt[kode].uraian
    return ""
