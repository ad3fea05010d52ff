"""The LKIP tables (Bab I 1.1-1.3, Bab II 2.1-2.2, Bab III 3.1-3.8, Rencana Aksi monitoring),
one declarative builder each: columns by key, rows by key, live cells as expressions.

A table refers to another only as (table, row key, column key), so its columns may be put in
any order by a renderer. Each builder reads the model and the results; nothing is computed
here that `compute` did not compute already — the expressions restate the rules for the
spreadsheet, the values are Python's.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from sakip_xlsx.document import narrative as N
from sakip_xlsx.document.sources import Sources, realisasi_shape
from sakip_xlsx.document.spec import (
    BLANK,
    RUPIAH_WIDTH,
    Cell,
    Column,
    Criterion,
    Expr,
    Filled,
    Here,
    InputSpan,
    Ref,
    Row,
    Shape,
    Shown,
    Slot,
    Span,
    Style,
    Table,
    Text,
    call,
    live,
)
from sakip_xlsx.lkip.model import EMPTY, Indikator, Laporan, RktItem, Sasaran
from sakip_xlsx.lkip.model import Cell as InputCell
from sakip_xlsx.lkip.results import Hasil, TabelHitung
from sakip_xlsx.lkip.schema import PANGKAT, SDM, Jenis, MetodeEfisiensi
from sakip_xlsx.lkip.values import shown_text

JUMLAH_LABEL = "Jumlah"
"""The heading of a total column or row (a table word, not the Metode of the same name)."""
TOTAL = ("total",)
"""The key of a table's total row (a tuple never equals a code)."""
GROUP = ("kelompok",)
"""The key of the group row of sub kegiatan outside the cascade."""

T31, T32, T33, T34, T35 = "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.5"
T36, T37, T38 = "Tabel 3.6", "Tabel 3.7", "Tabel 3.8"
T11, T12, T13 = "Tabel 1.1", "Tabel 1.2", "Tabel 1.3"
T21, T22 = "Tabel 2.1", "Tabel 2.2"
TRA = "Pemantauan Rencana Aksi"

SOURCES = {
    T11: "data kepegawaian",
    T12: "data kepegawaian",
    T13: "data kepegawaian",
    T21: "Renstra / Renstra Perubahan",
    T22: "Perjanjian Kinerja yang ditandatangani",
    T31: "target dari Perjanjian Kinerja, RKT atau Renstra; realisasi dari data kinerja",
    T32: "target Renstra; realisasi tahun ini dan tahun-tahun sebelumnya dari data kinerja",
    T33: "target akhir Renstra; realisasi dari data kinerja",
    T34: "realisasi instansi dan realisasi nasional",
    T35: "Tabel 3.1",
    T36: "RKT/DPA (pagu, target output) dan realisasi SIPD/SIMDA",
    T37: "Tabel 3.5 dan Tabel 3.6",
    T38: "RKT/DPA dan realisasi SIPD/SIMDA; tahun lalu dari LKIP tahun lalu",
    TRA: "Rencana Aksi dan realisasi triwulan",
}
"""The *Sumber data* line under each table, as LKIP tables carry one."""


def _table(name: str, title: str, note: str, columns: list[Column], rows: list[Row]) -> Table:
    return Table(name, title, note, columns, rows, source=SOURCES.get(name, ""))


def _columns(*specs: tuple[str, str, float]) -> list[Column]:
    return [Column(key, heading, width) for key, heading, width in specs]


LEAD = (("no", "No", 5), ("sasaran", "Sasaran strategis", 34), ("kode", "Kode", 8))
"""The columns that open an indicator row of Bab III (with indikator and satuan)."""


def _lead(number: int, sasaran: Sasaran, ind: Indikator) -> dict[str, Cell]:
    return {
        "no": Cell(number, Style.CENTER),
        "sasaran": Cell(sasaran.uraian),
        "kode": Cell(ind.kode),
        "indikator": Cell(ind.indikator),
        "satuan": Cell(ind.satuan),
    }


def _indicator_columns(width: float = 34) -> list[Column]:
    return _columns(
        ("no", "No", 5),
        ("sasaran", "Sasaran strategis", width),
        ("kode", "Kode", 8),
        ("indikator", "Indikator", width),
        ("satuan", "Satuan", 9),
    )


def target_cell(src: Sources, target: InputCell, style: Style = Style.NUMBER) -> Cell:
    """A measured input shown in a table: a range as its text, anything else as a live
    number."""
    if target.value.is_range:
        return Cell(target.value.raw or "")
    cell = live(src.number(target), target.number, style)
    if target.value.grade and target.number is not None:  # printed as typed: B (63)
        return Shown(cell, shown_text(target.value))
    return cell


def measure_style(measured: InputCell) -> Style:
    """Counts show as counts (18, not 18.00), percentages with two decimals and a % sign,
    anything else with two decimals."""
    v = measured.value
    if v.percent:
        return Style.PERCENT
    if v.number is not None and float(v.number).is_integer():
        return Style.COUNT
    return Style.NUMBER


def rule_note(hasil: Hasil) -> str:
    p = hasil.pengaturan
    cap = "tanpa batas atas" if p.cap is None else f"dibatasi 0-{p.cap:g}"
    return (
        "Capaian: positif = realisasi/target x 100; negatif = (2 x target - realisasi)/target x "
        "100; target rentang = 100 di dalam rentang, di luar: batas terdekat sebagai target. "
        f"Capaian untuk predikat dan rata-rata {cap}. "
        f"Predikat: {p.skala}. Target acuan: PK, bila kosong RKT, bila kosong Renstra."
    )


def sasaran_indikator(laporan: Laporan) -> Iterator[tuple[Sasaran, Indikator]]:
    """The indicators of Bab III, under their sasaran, in Renstra order."""
    for sasaran in laporan.sasaran.values():
        if sasaran.jenis != Jenis.SASARAN:
            continue
        for kode in sasaran.indikator:
            yield sasaran, laporan.indikator[kode]


# --- Bab II -----------------------------------------------------------------------------------


def tabel_21(src: Sources) -> Table:
    """The Renstra matrix of every tujuan and sasaran indicator with all its targets, as the
    Renstra document prints it (the reference LKIP's 'Matriks Tujuan dan Sasaran')."""
    laporan = src.laporan
    years = laporan.years
    columns = _columns(
        ("no", "No", 5),
        ("jenis", "Jenis", 9),
        ("kode", "Kode", 8),
        ("kode_induk", "Kode induk", 8),
        ("uraian", "Tujuan / sasaran", 36),
        ("kode_indikator", "Kode indikator", 9),
        ("indikator", "Indikator", 36),
        ("satuan", "Satuan", 9),
        ("polaritas", "Polaritas", 9),
        ("metode", "Metode tahunan", 10),
        ("iku", "IKU", 6),
        ("kondisi_awal", "Kondisi awal", 10),
        *((f"target_{y}", f"Target {y}", 10) for y in years),
        ("target_akhir", "Target akhir periode", 11),
    )
    rows = []
    for number, ind in enumerate(laporan.indikator.values(), start=1):
        cells = {
            "no": Cell(number, Style.CENTER),
            "jenis": Cell(ind.jenis),
            "kode": Cell(ind.kode_sasaran),
            "kode_induk": Cell(ind.kode_induk),
            "uraian": Cell(ind.uraian),
            "kode_indikator": Cell(ind.kode),
            "indikator": Cell(ind.indikator),
            "satuan": Cell(ind.satuan),
            "polaritas": Cell(ind.polaritas),
            "metode": Cell(ind.metode_tahunan),
            "iku": Cell("Ya" if ind.iku else "Tidak"),
            "kondisi_awal": target_cell(src, ind.kondisi_awal),
            "target_akhir": target_cell(src, ind.target_akhir),
        }
        for year in years:
            cells[f"target_{year}"] = target_cell(src, ind.targets.get(year, EMPTY))
        rows.append(Row(ind.kode, cells))
    awal, akhir = laporan.identitas.periode_awal, laporan.identitas.periode_akhir
    periode = f"{awal}-{akhir}" if awal and akhir else "-"
    return _table(
        T21,
        f"Tabel 2.1 Tujuan, Sasaran, Indikator dan Target Renstra {periode}",
        "Dari sheet Renstra: setiap indikator tujuan dan sasaran dengan kondisi awal, target "
        "setiap tahun dan target akhir periode. Indikator sasaran diukur di Bab III.",
        columns,
        rows,
    )


def tabel_22(src: Sources) -> Table:
    """The signed Perjanjian Kinerja, row for row as the PK sheet holds it."""
    rows = [
        Row(
            number,
            {
                "no": Cell(number, Style.CENTER),
                "kode": Cell(pk.kode),
                "uraian": Cell(pk.uraian),
                "indikator": Cell(pk.indikator),
                "satuan": Cell(pk.satuan),
                "target": target_cell(src, pk.target),
                "anggaran": live(src.number(pk.anggaran), pk.anggaran.number, Style.RUPIAH),
                "keterangan": Cell(pk.keterangan),
            },
        )
        for number, pk in enumerate(src.laporan.pk, start=1)
    ]
    return _table(
        T22,
        f"Tabel 2.2 {N.pk_title(src.hasil)}",
        "Dari sheet PK: sasaran strategis dengan indikator dan targetnya, program dengan "
        "anggarannya, seperti lampiran PK yang ditandatangani.",
        _columns(
            ("no", "No", 5),
            ("kode", "Kode", 12),
            ("uraian", "Sasaran strategis / program", 40),
            ("indikator", "Indikator kinerja", 38),
            ("satuan", "Satuan", 9),
            ("target", "Target", 11),
            ("anggaran", "Anggaran (Rp)", RUPIAH_WIDTH),
            ("keterangan", "Keterangan", 16),
        ),
        rows,
    )


# --- Bab III: indicators ----------------------------------------------------------------------


def tabel_31(src: Sources) -> Table:
    hasil = src.hasil
    rows = []
    for number, (sasaran, ind) in enumerate(sasaran_indikator(src.laporan), start=1):
        k = ind.kode
        h = hasil.indikator[k]
        capaian = src.capaian(k, h.target, Ref(T31, k, "target"), Ref(T31, k, "realisasi"))
        note = f"Tidak dinilai: {h.alasan}" if h.alasan else f"Target dari {h.target_sumber}"
        rows.append(
            Row(
                k,
                {
                    **_lead(number, sasaran, ind),
                    "target": target_cell(src, h.target),
                    "realisasi": live(src.realisasi(k), h.realisasi.number, Style.NUMBER),
                    "capaian": live(capaian, h.capaian, Style.PERCENT),
                    "dibatasi": live(
                        call("dibatasi", Ref(T31, k, "capaian"), src.cap), h.dibatasi, Style.PERCENT
                    ),
                    "predikat": live(
                        call("predikat", Ref(T31, k, "dibatasi"), src.skala),
                        h.predikat,
                        Style.VERDICT,
                    ),
                    "keterangan": Cell(note),
                },
            )
        )
    rows.append(
        Row(
            TOTAL,
            {
                "sasaran": Cell("Rata-rata capaian instansi", Style.TOTAL),
                "dibatasi": live(
                    call("mean", (Span(T31, "dibatasi"),)), hasil.rata_rata, Style.TOTAL_PERCENT
                ),
                "predikat": live(
                    call("predikat", Ref(T31, TOTAL, "dibatasi"), src.skala),
                    hasil.predikat,
                    Style.TOTAL,
                ),
            },
            total=True,
        )
    )
    return _table(
        T31,
        f"Tabel 3.1 Pengukuran Kinerja Tahun {hasil.pengaturan.tahun}",
        rule_note(hasil),
        _columns(
            ("no", "No", 5),
            ("sasaran", "Sasaran strategis", 38),
            ("kode", "Kode", 8),
            ("indikator", "Indikator", 38),
            ("satuan", "Satuan", 9),
            ("target", "Target", 11),
            ("realisasi", "Realisasi", 11),
            ("capaian", "Capaian (%)", 11),
            ("dibatasi", "Capaian dibatasi (%)", 12),
            ("predikat", "Predikat", 20),
            ("keterangan", "Keterangan", 30),
        ),
        rows,
    )


def _realisasi_31(kode: str) -> Expr:
    """This year's realisasi of an indicator, as Tabel 3.1 shows it (quarters included)."""
    return call("number_or_blank", Ref(T31, kode, "realisasi"))


def tabel_32(src: Sources) -> Table:
    hasil = src.hasil
    tahun = hasil.pengaturan.tahun
    first = next(iter(hasil.indikator.values()), None)
    years = first.years if first else [tahun]
    rows = []
    for number, (sasaran, ind) in enumerate(sasaran_indikator(src.laporan), start=1):
        k = ind.kode
        h = hasil.indikator[k]
        cells = _lead(number, sasaran, ind)
        for year in years:
            cells[f"target_{year}"] = target_cell(src, ind.targets.get(year, EMPTY))
            real = h.realisasi_per_tahun[year]
            expr = _realisasi_31(k) if year == tahun else src.number(real)
            cells[f"realisasi_{year}"] = live(expr, real.number, Style.NUMBER)
        now = Ref(T32, k, f"realisasi_{tahun}") if tahun in years else BLANK
        prev = Ref(T32, k, f"realisasi_{tahun - 1}") if tahun - 1 in years else BLANK
        cells["tren"] = live(call("tren", now, prev, src.polaritas(k)), h.tren, Style.VERDICT)
        rows.append(Row(k, cells))
    return _table(
        T32,
        "Tabel 3.2 Perbandingan Realisasi Kinerja dengan Tahun-tahun Sebelumnya",
        "Target dari Renstra; realisasi tahun lalu dari sheet Realisasi. Tren dinilai menurut "
        "polaritas: Membaik bila realisasi bergerak ke arah yang baik.",
        [
            *_indicator_columns(),
            *_columns(*((f"target_{y}", f"Target {y}", 10) for y in years)),
            *_columns(*((f"realisasi_{y}", f"Realisasi {y}", 10) for y in years)),
            Column("tren", f"Tren terhadap {tahun - 1}", 14),
        ],
        rows,
    )


def tabel_33(src: Sources) -> Table:
    hasil = src.hasil
    tahun = hasil.pengaturan.tahun
    rows = []
    for number, (sasaran, ind) in enumerate(sasaran_indikator(src.laporan), start=1):
        k = ind.kode
        h = hasil.indikator[k]
        years = tuple(
            Ref(T31, k, "realisasi") if y == tahun else src.cell(h.realisasi_per_tahun[y])
            for y in h.periode_years
            if y == tahun or h.realisasi_per_tahun[y].sheet
        )
        sd = call("realisasi_sd_tahun", years, src.metode_tahunan(k))
        capaian = src.capaian(
            k, ind.target_akhir, Ref(T33, k, "target_akhir"), Ref(T33, k, "realisasi_sd")
        )
        cells = {
            **_lead(number, sasaran, ind),
            "metode": Cell(ind.metode_tahunan, Style.CENTER),
            "target_akhir": target_cell(src, ind.target_akhir),
            "realisasi_sd": live(sd, h.realisasi_sd, Style.NUMBER),
            "capaian": live(capaian, h.capaian_akhir, Style.PERCENT),
            "dibatasi": live(
                call("dibatasi", Ref(T33, k, "capaian"), src.cap),
                h.capaian_akhir_dibatasi,
                Style.PERCENT,
            ),
        }
        rows.append(Row(k, cells))
    akhir = src.laporan.identitas.periode_akhir or ""
    return _table(
        T33,
        "Tabel 3.3 Perbandingan Realisasi Kinerja dengan Target Akhir Renstra",
        "Realisasi s.d. tahun ini menurut metode akumulasi tahunan: Akhir = nilai tahun terakhir "
        "yang ada, Jumlah = jumlah realisasi tiap tahun periode, Rata-rata = rata-ratanya. "
        "Capaian dengan polaritasnya (negatif: (2 x target - realisasi) / target x 100); "
        "dibatasi 0 sampai batas capaian, seperti Tabel 3.1.",
        [
            *_indicator_columns(),
            *_columns(
                ("metode", "Metode", 10),
                ("target_akhir", f"Target akhir Renstra {akhir}".strip(), 13),
                ("realisasi_sd", f"Realisasi s.d. {tahun}", 12),
                ("capaian", "Capaian thd target akhir (%)", 14),
                ("dibatasi", "Capaian dibatasi (%)", 12),
            ),
        ],
        rows,
    )


def tabel_34(src: Sources) -> Table:
    hasil = src.hasil
    rows = []
    for number, (sasaran, ind) in enumerate(sasaran_indikator(src.laporan), start=1):
        k = ind.kode
        h = hasil.indikator[k]
        own, other = Ref(T34, k, "realisasi"), Ref(T34, k, "nasional")
        cells = {
            **_lead(number, sasaran, ind),
            "realisasi": live(_realisasi_31(k), h.realisasi.number, Style.NUMBER),
            "nasional": live(src.number(h.nasional), h.nasional.number, Style.NUMBER),
            "selisih": live(call("difference", own, other), h.selisih_nasional, Style.NUMBER),
            "keterangan": live(
                call("banding", own, other, src.polaritas(k)), h.banding_nasional, Style.VERDICT
            ),
        }
        rows.append(Row(k, cells))
    return _table(
        T34,
        "Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Nasional",
        "Selisih = realisasi instansi - realisasi nasional; keterangan dinilai menurut polaritas.",
        [
            *_indicator_columns(),
            *_columns(
                ("realisasi", f"Realisasi {hasil.pengaturan.tahun}", 12),
                ("nasional", "Realisasi nasional", 12),
                ("selisih", "Selisih (+/-)", 11),
                ("keterangan", "Keterangan", 14),
            ),
        ],
        rows,
    )


def tabel_35(src: Sources) -> Table:
    """Each sasaran with its average and predikat, its indicators listed under it with the
    capped capaian and predikat they bring (from Tabel 3.1)."""
    hasil, laporan = src.hasil, src.laporan
    measured = {ind.kode for _, ind in sasaran_indikator(laporan)}
    rows = []
    for number, (kode, hs) in enumerate(hasil.sasaran.items(), start=1):
        capped = tuple(Ref(T31, k, "dibatasi") for k in hs.indikator if k in measured)
        cells = {
            "no": Cell(number, Style.CENTER),
            "uraian": Cell(hs.sasaran.uraian, Style.STRONG),
            "kode": Cell(kode),
            "jumlah": Cell(len(hs.indikator), Style.CENTER),
            "dinilai": live(call("count", capped), hs.dinilai, Style.VERDICT),
            "rata_rata": live(call("mean", capped), hs.rata_rata, Style.TOTAL_PERCENT),
            "predikat": live(
                call("predikat", Ref(T35, kode, "rata_rata"), src.skala),
                hs.predikat,
                Style.TOTAL,
            ),
        }
        rows.append(Row(kode, cells))
        for k in hs.indikator:
            if k not in measured:
                continue
            h = hasil.indikator[k]
            key = ("indikator", k)
            rows.append(
                Row(
                    key,
                    {
                        "no": Cell(""),
                        "uraian": Cell("   " + laporan.indikator[k].indikator),
                        "kode": Cell(k),
                        "rata_rata": live(
                            call("number_or_blank", Ref(T31, k, "dibatasi")),
                            h.dibatasi,
                            Style.PERCENT,
                        ),
                        "predikat": live(
                            call("predikat", Ref(T35, key, "rata_rata"), src.skala),
                            h.predikat,
                            Style.VERDICT,
                        ),
                    },
                )
            )
    rows.append(
        Row(
            TOTAL,
            {
                "uraian": Cell("Rata-rata capaian instansi (semua indikator sasaran)", Style.TOTAL),
                "rata_rata": live(
                    call("number_or_blank", Ref(T31, TOTAL, "dibatasi")),
                    hasil.rata_rata,
                    Style.TOTAL_PERCENT,
                ),
                "predikat": live(
                    call("predikat", Ref(T35, TOTAL, "rata_rata"), src.skala),
                    hasil.predikat,
                    Style.TOTAL,
                ),
            },
            total=True,
        )
    )
    return _table(
        T35,
        "Tabel 3.5 Predikat Capaian Kinerja per Sasaran",
        "Rata-rata sasaran = rata-rata capaian dibatasi indikatornya (Tabel 3.1); di bawah "
        f"setiap sasaran, indikatornya. Predikat: {hasil.pengaturan.skala}.",
        _columns(
            ("no", "No", 5),
            ("uraian", "Sasaran strategis / indikator", 48),
            ("kode", "Kode", 8),
            ("jumlah", "Jumlah indikator", 11),
            ("dinilai", "Indikator dinilai", 11),
            ("rata_rata", "Capaian dibatasi / rata-rata (%)", 14),
            ("predikat", "Predikat", 22),
        ),
        rows,
    )


# --- the budget cascade (3.6 and 3.8) ---------------------------------------------------------


def cascade(src: Sources) -> list[tuple[RktItem | None, str]]:
    """(item, sasaran code) in table order: program, its kegiatan, their sub kegiatan; then
    sub kegiatan the cascade does not reach, under a group row (item None)."""
    laporan = src.laporan
    out: list[tuple[RktItem | None, str]] = []
    for program in laporan.programs():
        out.append((program, program.kode_induk))
        for kode in program.children:
            kegiatan = laporan.rkt[kode]
            out.append((kegiatan, program.kode_induk))
            for sub in kegiatan.children:
                out.append((laporan.rkt[sub], program.kode_induk))
    if src.hasil.orphans:
        out.append((None, ""))
        out.extend((laporan.rkt[k], "") for k in src.hasil.orphans)
    return out


def _depth(item: RktItem) -> int:
    return {Jenis.PROGRAM: 0, Jenis.KEGIATAN: 1}.get(item.jenis, 2)


def _budget_rows(src: Sources, name: str, sisa: bool, extra=None) -> list[Row]:
    """The cascade rows and the total row. Sub kegiatan cells point at the input sheets,
    kegiatan rows sum their sub kegiatan, program rows their kegiatan. `extra(item)` gives a
    table's own cells of a row. A row's cells are made when it is read (`Row`)."""
    hasil = src.hasil
    items = cascade(src)
    keys = [GROUP if item is None else item.kode for item, _ in items]
    rows = []
    for i, (item, _) in enumerate(items):
        if item is None:
            cells = {
                "jenis": Cell("Kelompok"),
                "uraian": Cell("Sub kegiatan tanpa induk yang sah (lihat Temuan)", Style.HEADING),
            }
            rows.append(Row(GROUP, cells, heading=True))
        else:
            make = functools.partial(_budget_cells, src, name, sisa, extra, items, keys, i)
            rows.append(Row(item.kode, make))

    def top(key: str) -> Expr:
        """The total of a column: every program, and the sub kegiatan no program reaches."""
        programs = call("sumifs", Span(name, key), Span(name, "jenis"), Text(Jenis.PROGRAM))
        if GROUP not in keys:
            return programs
        orphans = Span(name, key, GROUP, None), Span(name, "jenis", GROUP, None)
        return call("total", (programs, call("sumifs", *orphans, Text(Jenis.SUB_KEGIATAN))))

    p, r = Ref(name, TOTAL, "pagu"), Ref(name, TOTAL, "realisasi")
    total = {
        "uraian": Cell("JUMLAH", Style.TOTAL),
        "pagu": live(top("pagu"), hasil.total_pagu, Style.TOTAL_RUPIAH),
        "realisasi": live(
            call("if_any_number", Span(name, "realisasi"), top("realisasi")),
            hasil.total_realisasi,
            Style.TOTAL_RUPIAH,
        ),
        "serapan": live(call("ratio", r, p), hasil.total_serapan, Style.TOTAL_PERCENT),
    }
    if sisa:
        total["sisa"] = live(call("sisa", p, r), hasil.total_sisa, Style.TOTAL_RUPIAH)
    rows.append(Row(TOTAL, total, total=True))
    return rows


def _budget_cells(
    src: Sources, name: str, sisa: bool, extra, items: list, keys: list, i: int
) -> dict[str, Cell]:
    item, sasaran = items[i]
    k = item.kode
    bold = item.jenis != Jenis.SUB_KEGIATAN
    a = src.hasil.anggaran[k]
    rupiah = Style.TOTAL_RUPIAH if bold else Style.RUPIAH
    if item.jenis == Jenis.SUB_KEGIATAN:
        values = (src.cell(item.pagu), src.cell(a.realisasi_cell))
        pagu, real = Filled(_FIRST_NUMBER, values), Filled(_SECOND_NUMBER, values)
    else:
        end = i + 1  # the rows below it, up to the next row of its level or above
        while end < len(items) and items[end][0] is not None:
            if _depth(items[end][0]) <= _depth(item):
                break
            end += 1
        own_pagu, own_real = src.number(item.pagu), src.number(a.realisasi_cell)
        if end == i + 1:  # a program or kegiatan with nothing below it: its own figures
            pagu, real = own_pagu, own_real
        else:  # its children's sum, or its own figure when no child has one
            first, last = keys[i + 1], keys[end - 1]
            child = Text(Jenis.SUB_KEGIATAN if item.jenis == Jenis.KEGIATAN else Jenis.KEGIATAN)
            jenis = Span(name, "jenis", first, last)
            pagu = call("rollup", Span(name, "pagu", first, last), jenis, child, own_pagu)
            real = call("rollup", Span(name, "realisasi", first, last), jenis, child, own_real)
    indent = "   " * _depth(item)
    cells = {
        "jenis": Cell(item.jenis),
        "kode": Cell(k),
        "sasaran": Cell(sasaran, Style.CENTER),
        "uraian": Cell(indent + item.uraian, Style.STRONG if bold else Style.TEXT),
        "pagu": live(pagu, a.pagu, rupiah),
        "realisasi": live(real, a.realisasi, rupiah),
        "serapan": live(
            Filled(_SERAPAN, ()), a.serapan, Style.TOTAL_PERCENT if bold else Style.PERCENT
        ),
    }
    if sisa:
        cells["sisa"] = live(Filled(_SISA, ()), a.sisa, rupiah)
    if extra is not None:
        cells.update(extra(item))
    return cells


_FIRST_NUMBER = Shape(call("number_or_blank", Slot(0)))
_SECOND_NUMBER = Shape(call("number_or_blank", Slot(1)))
_SERAPAN = Shape(call("ratio", Here("realisasi"), Here("pagu")))
_SISA = Shape(call("sisa", Here("pagu"), Here("realisasi")))
"""The budget rows' shared expressions: a sub kegiatan's pagu and realisasi (and in Tabel 3.6
its output target) as numbers from its input cells, every row's serapan and sisa from its own
pagu and realisasi."""


BUDGET_LEAD = (
    ("jenis", "Jenis", 12),
    ("kode", "Kode", 12),
    ("sasaran", Jenis.SASARAN.value, 8),
)


def tabel_36(src: Sources) -> Table:
    hasil = src.hasil

    def output(item: RktItem) -> dict[str, Cell]:
        k = item.kode
        cells = {"indikator": Cell(item.indikator), "satuan": Cell(item.satuan, Style.CENTER)}
        sub = item.jenis == Jenis.SUB_KEGIATAN
        if not sub and k not in src.laporan.realisasi:  # no realisasi typed: its target only
            cells["target"] = target_cell(src, item.target, measure_style(item.target))
            return cells
        a = hasil.anggaran[k]
        quarters, real = src.realisasi_parts(k)
        values = (src.cell(item.target), *real)
        cells |= {
            "target": live(
                Filled(_FIRST_NUMBER, values), item.target.number, measure_style(item.target)
            ),
            "real_output": live(
                Filled(_output_realisasi(quarters), values),
                a.output_realisasi.number,
                measure_style(a.output_realisasi),
            ),
            "capaian": live(Filled(_OUTPUT_CAPAIAN, ()), a.output_capaian, Style.PERCENT),
        }
        if not sub:  # PMK 214/2017 values sub kegiatan outputs only
            return cells
        cells |= {
            "nilai": live(Filled(_NILAI, ()), a.nilai_output, Style.RUPIAH),
            "real_dinilai": live(
                Filled(_DINILAI, ()),
                a.realisasi if a.nilai_output is not None else None,
                Style.RUPIAH,
            ),
        }
        return cells

    return _table(
        T36,
        "Tabel 3.6 Target dan Realisasi Program, Kegiatan dan Sub Kegiatan",
        "Input: pagu dan realisasi anggaran (serapan = realisasi/pagu x 100, jumlah program dan "
        "kegiatan dari sub kegiatannya). Indikator program (outcome), kegiatan dan sub kegiatan "
        "(output): capaian = realisasi/target x 100; tanpa realisasi yang diisi, kosong.",
        _columns(
            *BUDGET_LEAD,
            ("uraian", "Program / kegiatan / sub kegiatan", 44),
            ("pagu", "Pagu (Rp)", RUPIAH_WIDTH),
            ("realisasi", "Realisasi (Rp)", RUPIAH_WIDTH),
            ("serapan", "Serapan (%)", 10),
            ("indikator", "Indikator output", 36),
            ("satuan", "Satuan", 9),
            ("target", "Target output", 11),
            ("real_output", "Realisasi output", 11),
            ("capaian", "Capaian output (%)", 11),
            ("nilai", "Pagu x capaian output (Rp)", RUPIAH_WIDTH),
            ("real_dinilai", "Realisasi dinilai (Rp)", RUPIAH_WIDTH),
        ),
        _budget_rows(src, T36, sisa=False, extra=output),
    )


_OUTPUT_CAPAIAN = Shape(call("ratio", Here("real_output"), Here("target")))
_NILAI = Shape(call("nilai_output", Here("pagu"), Here("realisasi"), Here("capaian")))
_DINILAI = Shape(call("when_number", Here("nilai"), Here("realisasi")))


@functools.cache  # at most 2**4 + 1 structures
def _output_realisasi(quarters: tuple[bool, ...]) -> Shape:
    """A sub kegiatan's output realisasi in Tabel 3.6, over the slots after its target."""
    return Shape(realisasi_shape(quarters, 1))


def tabel_37(src: Sources) -> Table:
    hasil = src.hasil
    pmk = hasil.pengaturan.metode_efisiensi == MetodeEfisiensi.PMK
    has_rows = bool(cascade(src))
    rows = []
    for number, (kode, hs) in enumerate(hasil.sasaran.items(), start=1):
        own = {key: Ref(T37, kode, key) for key in ("capaian", "pagu", "realisasi", "serapan")}
        own_sasaran = (Span(T36, "sasaran"), Criterion(kode))
        programs = (Span(T36, "jenis"), Text(Jenis.PROGRAM), *own_sasaran)
        cells = {
            "no": Cell(number, Style.CENTER),
            "sasaran": Cell(hs.sasaran.uraian),
            "program": Cell(", ".join(hs.programs) or "-"),
            "capaian": live(
                call("number_or_blank", Ref(T35, kode, "rata_rata")), hs.rata_rata, Style.PERCENT
            ),
            "pagu": live(
                call("sumifs", Span(T36, "pagu"), *programs),
                hs.pagu if has_rows else 0.0,
                Style.RUPIAH,
            ),
            "realisasi": live(
                call("sumifs_or_blank", Span(T36, "realisasi"), *programs),
                hs.realisasi if has_rows else None,
                Style.RUPIAH,
            ),
            "serapan": live(
                call("ratio", own["realisasi"], own["pagu"]), hs.serapan, Style.PERCENT
            ),
        }
        efisiensi = Ref(T37, kode, "efisiensi")
        if not hs.programs:  # no program supports it: no budget, no efisiensi to show
            for key in ("pagu", "realisasi", "serapan"):
                del cells[key]
            cells["keterangan"] = Cell("Tanpa program", Style.CENTER)
            rows.append(Row(kode, cells))
            continue
        if pmk and has_rows:
            subs = (Span(T36, "jenis"), Text(Jenis.SUB_KEGIATAN), *own_sasaran)
            nilai = call("sumifs", Span(T36, "nilai"), *subs)
            belanja = call("sumifs", Span(T36, "real_dinilai"), *subs)
            cells["efisiensi"] = live(
                call("efisiensi_pmk", nilai, belanja), hs.efisiensi, Style.FRACTION
            )
            cells["keterangan"] = live(call("efisien_pmk", efisiensi), hs.efisien, Style.VERDICT)
        else:
            cells["efisiensi"] = live(
                call("ratio", own["capaian"], own["serapan"]), hs.efisiensi, Style.PERCENT
            )
            cells["keterangan"] = live(call("efisien_rasio", efisiensi), hs.efisien, Style.VERDICT)
        rows.append(Row(kode, cells))
    note = (
        "Efisiensi PMK 214/2017: E = (jumlah pagu x capaian output - realisasi) / jumlah pagu x "
        "capaian output, sub kegiatan program pendukung sasaran; Efisien bila E > 0."
        if pmk
        else "Efisiensi = capaian kinerja sasaran / serapan anggaran program pendukungnya x 100; "
        "Efisien bila >= 100 (capaian setidaknya sebanding dengan anggaran yang terserap)."
    )
    return _table(
        T37,
        "Tabel 3.7 Efisiensi Penggunaan Sumber Daya",
        note,
        _columns(
            ("no", "No", 5),
            ("sasaran", "Sasaran strategis", 44),
            ("program", "Program pendukung", 16),
            ("capaian", "Capaian kinerja (%)", 12),
            ("pagu", "Pagu (Rp)", RUPIAH_WIDTH),
            ("realisasi", "Realisasi (Rp)", RUPIAH_WIDTH),
            ("serapan", "Serapan (%)", 11),
            ("efisiensi", "Efisiensi" if pmk else "Tingkat efisiensi (%)", 12),
            ("keterangan", "Keterangan", 14),
        ),
        rows,
    )


def tabel_38(src: Sources) -> Table:
    return _table(
        T38,
        f"Tabel 3.8 Realisasi Anggaran per Program Tahun {src.hasil.pengaturan.tahun}",
        "Serapan = realisasi/pagu x 100; kegiatan dan program dijumlah dari sub kegiatannya "
        "(persentase program = jumlah realisasi / jumlah pagu, bukan rata-rata persentase).",
        _columns(
            *BUDGET_LEAD,
            ("uraian", "Program / kegiatan / sub kegiatan", 50),
            ("pagu", "Pagu (Rp)", RUPIAH_WIDTH),
            ("realisasi", "Realisasi (Rp)", RUPIAH_WIDTH),
            ("serapan", "Serapan (%)", 11),
            ("sisa", "Sisa (Rp)", RUPIAH_WIDTH),
        ),
        _budget_rows(src, T38, sisa=True),
    )


# --- Bab I: SDM -------------------------------------------------------------------------------


def sdm_tables(src: Sources) -> Iterator[Table]:
    laporan, hasil = src.laporan, src.hasil
    header = laporan.header_rows.get(SDM.name, 1)
    last = max((p.row for p in laporan.sdm), default=header)
    letters = laporan.columns.get(SDM.name, {})

    def span(key: str) -> InputSpan | None:
        letter = letters.get(key)
        return InputSpan(SDM.name, letter, header + 1, last) if letter else None

    status = span("status")
    yield _count_table(
        T11,
        "Tabel 1.1 Jumlah Pegawai berdasarkan Jabatan",
        "Jabatan",
        span("jabatan"),
        status,
        hasil.sdm_jabatan,
    )
    yield _count_table(
        T12,
        "Tabel 1.2 Jumlah ASN berdasarkan Pangkat/Golongan",
        "Golongan",
        span("golongan"),
        status,
        hasil.sdm_golongan,
        PANGKAT,
    )
    yield _count_table(
        T13,
        "Tabel 1.3 Jumlah Pegawai berdasarkan Pendidikan",
        "Pendidikan",
        span("pendidikan"),
        status,
        hasil.sdm_pendidikan,
    )


def _count_table(
    name: str,
    title: str,
    label: str,
    labels: InputSpan | None,
    statuses: InputSpan | None,
    table: TabelHitung,
    names: dict[str, str] | None = None,
) -> Table:
    """A count per row label and status; `names` adds a column that names each label (the
    pangkat of a golongan)."""
    columns = [Column("no", "No", 5), Column("label", label, 16 if names else 44)]
    if names:
        columns.append(Column("pangkat", "Pangkat", 28))
    status_keys = [f"status_{i}" for i in range(len(table.columns))]
    columns += [Column(k, c, 10) for k, c in zip(status_keys, table.columns, strict=True)]
    columns.append(Column("jumlah", JUMLAH_LABEL, 10))
    rows = []
    for number, (text, counts) in enumerate(table.rows, start=1):
        cells = {"no": Cell(number, Style.CENTER), "label": Cell(text)}
        if names:
            cells["pangkat"] = Cell(names.get(text, ""))
        for key, value, count in zip(status_keys, table.columns, counts, strict=True):
            # exact comparison with the label cell: no wildcards, no 255-character limit on
            # text in a formula, and case-insensitive like the Python count
            expr = call("count_matches", labels, Ref(name, number, "label"), statuses, Text(value))
            cells[key] = live(expr, count, Style.VERDICT)
        own = tuple(Ref(name, number, k) for k in status_keys)
        cells["jumlah"] = live(call("total", own), sum(counts), Style.VERDICT)
        rows.append(Row(number, cells))
    total = {"label": Cell(JUMLAH_LABEL, Style.TOTAL)}
    for key, value in zip(
        [*status_keys, "jumlah"], [*table.totals, sum(table.totals)], strict=True
    ):
        total[key] = live(call("total", (Span(name, key),)), value, Style.TOTAL)
    rows.append(Row(TOTAL, total, total=True))
    return _table(
        name,
        title,
        "Dihitung dari sheet SDM (satu baris per pegawai); nilai di luar daftar tidak dihitung "
        "dan disebut di sheet Temuan.",
        columns,
        rows,
    )


# --- Rencana Aksi monitoring ------------------------------------------------------------------


def rencana_aksi(src: Sources) -> Table:
    hasil = src.hasil
    quarters = range(1, 5)
    columns = _columns(
        ("no", "No", 5),
        ("kode", "Kode", 10),
        ("uraian", "Uraian", 36),
        ("metode", "Metode", 10),
        *((f"target_{q}", f"Target s.d. TW{q}", 10) for q in quarters),
        *((f"realisasi_{q}", f"Realisasi s.d. TW{q}", 10) for q in quarters),
        *((f"capaian_{q}", f"Capaian s.d. TW{q} (%)", 10) for q in quarters),
        ("target_tahunan", "Target tahunan", 10),
        *((f"tahunan_{q}", f"Capaian s.d. TW{q} thd target tahunan (%)", 12) for q in quarters),
    )
    rows = [
        Row(kode, functools.partial(_rencana_aksi_cells, src, number, kode, h))
        for number, (kode, h) in enumerate(hasil.rencana_aksi.items(), start=1)
    ]
    return _table(
        TRA,
        "Pemantauan Rencana Aksi per Triwulan",
        "Nilai s.d. TWk menurut metode: Jumlah = dijumlah, Akhir = nilai TWk, Rata-rata = "
        "rata-rata. Capaian s.d. TWk = realisasi s.d. TWk / target s.d. TWk x 100.",
        columns,
        rows,
    )


def _rencana_aksi_cells(src: Sources, number: int, kode: str, h) -> dict[str, Cell]:
    """The cells of one Rencana Aksi row, made when the row is read: this row's input cells
    filling the shapes of its structure (which quarters have a cell)."""
    laporan = src.laporan
    ra = h.rencana
    if kode in laporan.indikator:
        uraian = laporan.indikator[kode].indikator
    elif kode in laporan.rkt:
        uraian = laporan.rkt[kode].uraian
    else:
        uraian = ""
    targets = tuple(bool(c.sheet) for c in ra.targets)
    reals = tuple(bool(c.sheet) for c in h.realisasi)
    values = (
        src.metode_ra(kode),
        src.polaritas(kode),
        src.cell(h.target_acuan),
        *(src.cell(c) for c in ra.targets if c.sheet),
        *(src.cell(c) for c in h.realisasi if c.sheet),
    )
    shapes = _rencana_aksi_shapes(targets, reals)
    cells = {
        "no": Cell(number, Style.CENTER),
        "kode": Cell(kode),
        "uraian": Cell(uraian or ra.uraian),
        "metode": Cell(ra.metode, Style.CENTER),
        "target_tahunan": Cell(
            h.target_acuan.number, Style.NUMBER, Filled(shapes["target_tahunan"], values)
        ),
    }
    for q in range(4):
        n = q + 1
        for key, value, style in (
            (f"target_{n}", h.target_sd[q], Style.NUMBER),
            (f"realisasi_{n}", h.realisasi_sd[q], Style.NUMBER),
            (f"capaian_{n}", h.capaian_sd[q], Style.PERCENT),
            (f"tahunan_{n}", h.capaian_tahunan_sd[q], Style.PERCENT),
        ):
            cells[key] = Cell(value, style, Filled(shapes[key], values))
    return cells


@functools.cache  # at most 2**8 structures
def _rencana_aksi_shapes(targets: tuple[bool, ...], reals: tuple[bool, ...]) -> dict[str, Shape]:
    """The expressions of a Rencana Aksi row whose quarters have a cell where `targets` and
    `reals` say, over the slots metode (0), polaritas (1), the annual target (2), then the
    target cells and the realisasi cells that exist."""
    metode, pol = Slot(0), Slot(1)
    first_real = 3 + sum(targets)
    target_slots = _quarter_slots(targets, 3)
    real_slots = _quarter_slots(reals, first_real)
    shapes = {"target_tahunan": Shape(call("number_or_blank", Slot(2)))}
    for q in range(4):
        n = q + 1
        so_far = tuple(slot for quarter, slot in target_slots if quarter < n)
        shapes[f"target_{n}"] = Shape(call("sampai_dengan", so_far, metode, not targets[q]))
        so_far = tuple(slot for quarter, slot in real_slots if quarter < n)
        shapes[f"realisasi_{n}"] = Shape(call("sampai_dengan", so_far, metode, not reals[q]))
        r = Here(f"realisasi_{n}")
        shapes[f"capaian_{n}"] = Shape(
            call("capaian", Here(f"target_{n}"), r, pol, rentang_blank=False)
        )
        shapes[f"tahunan_{n}"] = Shape(
            call("capaian", Here("target_tahunan"), r, pol, rentang_blank=False)
        )
    return shapes


def _quarter_slots(present: tuple[bool, ...], first: int) -> list[tuple[int, Slot]]:
    """(quarter, slot) of the quarters that have a cell, their slots numbered from `first`."""
    quarters = [q for q, has in enumerate(present) if has]
    return [(q, Slot(first + i)) for i, q in enumerate(quarters)]


NAMES = (T11, T12, T13, T21, T22, T31, T32, T33, T34, T35, T36, T37, T38, TRA)
"""The tables of this module in the LKIP's order: Bab I, Bab II, Bab III, monitoring."""


def built(src: Sources) -> Iterator[Table]:
    """Every table of this module, one at a time and in `NAMES` order: a table refers only to
    tables before it."""
    yield from sdm_tables(src)
    for build in (
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
        yield build(src)
