"""Ringkasan (the ikhtisar figures of the LKIP) and the data of the two charts."""

from __future__ import annotations

from collections.abc import Hashable

from sakip_xlsx.document.sources import Sources
from sakip_xlsx.document.spec import (
    Cell,
    Chart,
    Column,
    Expr,
    Layout,
    Ref,
    Row,
    Style,
    Table,
    call,
    live,
)
from sakip_xlsx.document.tables import T31, T38, TOTAL, cascade, sasaran_indikator
from sakip_xlsx.lkip.findings import Finding, Severity, counts
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import Jenis
from sakip_xlsx.lkip.values import shorten

RINGKASAN, TEMUAN, GRAFIK, NARASI = "Ringkasan", "Temuan", "Grafik", "Narasi"

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


def tanggal(value) -> str:
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


def ringkasan(src: Sources, findings: list[Finding]) -> Table:
    hasil: Hasil = src.hasil
    laporan = hasil.laporan
    ident = laporan.identitas
    rows: list[Row] = []

    def text_row(key: str, label: str, value: str) -> None:
        rows.append(Row(key, {"label": Cell(label, Style.LABEL), "value": Cell(value)}))

    def formula_row(key: str, label: str, expr: Expr, value, style: Style, note="") -> Ref:
        cells = {"label": Cell(label, Style.LABEL), "value": live(expr, value, style)}
        if note:
            cells["note"] = Cell(note, Style.NOTE)
        rows.append(Row(key, cells))
        return Ref(RINGKASAN, key, "value")

    def gap(key: str) -> None:
        rows.append(Row(key, {}))

    text_row("instansi", "Instansi", ident.nama_instansi)
    text_row("pemda", "Pemerintah daerah", ident.pemerintah_daerah)
    text_row("tahun", "Tahun laporan", str(ident.tahun_laporan or ""))
    text_row(
        "periode", "Periode Renstra", f"{ident.periode_awal or ''}-{ident.periode_akhir or ''}"
    )
    text_row(
        "kepala",
        "Kepala instansi (pihak pertama PK)",
        _person(ident.kepala_nama, ident.kepala_nip),
    )
    text_row(
        "jabatan",
        "Pangkat/golongan, jabatan kepala",
        _joined(ident.kepala_pangkat, ident.kepala_jabatan),
    )
    text_row("atasan", "Atasan (pihak kedua PK)", _person(ident.atasan_nama, ident.atasan_nip))
    text_row(
        "atasan_jabatan",
        "Pangkat/golongan, jabatan atasan",
        _joined(ident.atasan_pangkat, ident.atasan_jabatan),
    )
    text_row(
        "ttd", "Tempat, tanggal penandatanganan", _joined(ident.tempat, tanggal(ident.tanggal))
    )
    from sakip_xlsx.document import narrative as N

    text_row(
        "pk",
        "Perjanjian Kinerja yang berlaku",
        _joined(N.pk_title(hasil), tanggal(ident.pk_tanggal or ident.tanggal)),
    )
    text_row(
        "apip",
        "Direviu APIP (nama, NIP, jabatan, tanggal)",
        _joined(
            _person(ident.apip_nama, ident.apip_nip),
            ident.apip_jabatan,
            tanggal(ident.apip_tanggal),
        ),
    )
    sasaran = [s for s in laporan.sasaran.values() if s.jenis == Jenis.SASARAN]
    text_row(
        "sasaran",
        "Jumlah sasaran / indikator sasaran",
        f"{len(sasaran)} / {len(laporan.sasaran_indikator())}",
    )
    text_row(
        "program",
        "Jumlah program / kegiatan / sub kegiatan",
        f"{len(laporan.programs())} / {len(laporan.kegiatan())} / {len(laporan.sub_kegiatan())}",
    )
    gap("gap_kinerja")
    formula_row(
        "rata_rata",
        "Rata-rata capaian kinerja (%)",
        call("number_or_blank", Ref(T31, TOTAL, "dibatasi")),
        hasil.rata_rata,
        Style.TOTAL_PERCENT,
        f"Tabel 3.1; skala {hasil.pengaturan.skala}",
    )
    formula_row(
        "predikat",
        "Predikat",
        call("as_text", Ref(T31, TOTAL, "predikat")),
        hasil.predikat,
        Style.TOTAL,
    )
    pagu = formula_row(
        "pagu",
        "Total pagu (Rp)",
        call("number_or_blank", Ref(T38, TOTAL, "pagu")),
        hasil.total_pagu,
        Style.TOTAL_RUPIAH,
        "Tabel 3.8",
    )
    real = formula_row(
        "realisasi",
        "Total realisasi (Rp)",
        call("number_or_blank", Ref(T38, TOTAL, "realisasi")),
        hasil.total_realisasi,
        Style.TOTAL_RUPIAH,
    )
    serapan = formula_row(
        "serapan",
        "Serapan anggaran (%)",
        call("ratio", real, pagu),
        hasil.total_serapan,
        Style.TOTAL_PERCENT,
    )
    formula_row(
        "sisa", "Sisa anggaran (Rp)", call("sisa", pagu, real), hasil.total_sisa, Style.RUPIAH
    )
    lalu_p = formula_row(
        "pagu_lalu",
        "Pagu tahun lalu (Rp)",
        src.number(ident.pagu_tahun_lalu),
        ident.pagu_tahun_lalu.number,
        Style.RUPIAH,
        "Identitas",
    )
    lalu_r = formula_row(
        "realisasi_lalu",
        "Realisasi tahun lalu (Rp)",
        src.number(ident.realisasi_tahun_lalu),
        ident.realisasi_tahun_lalu.number,
        Style.RUPIAH,
    )
    lalu = formula_row(
        "serapan_lalu",
        "Serapan tahun lalu (%)",
        call("ratio", lalu_r, lalu_p),
        hasil.serapan_lalu,
        Style.PERCENT,
    )
    formula_row(
        "perubahan",
        "Perubahan serapan (poin persen)",
        call("difference", serapan, lalu),
        hasil.perubahan_serapan,
        Style.NUMBER,
        "serapan tahun ini - serapan tahun lalu",
    )
    formula_row(
        "operasi",
        "Belanja operasi (Rp)",
        src.number(ident.belanja_operasi),
        ident.belanja_operasi.number,
        Style.RUPIAH,
    )
    formula_row(
        "modal",
        "Belanja modal (Rp)",
        src.number(ident.belanja_modal),
        ident.belanja_modal.number,
        Style.RUPIAH,
    )
    gap("gap_temuan")
    found = counts(findings)
    rows.append(Row("temuan", {"label": Cell("Temuan pemeriksaan konsistensi", Style.HEADING)}))
    for severity in Severity:
        rows.append(
            Row(
                ("temuan", severity.value),
                {
                    "label": Cell(f"Temuan {severity.value}", Style.LABEL),
                    "value": Cell(found[severity], Style.CENTER),
                },
            )
        )
    rows.append(
        Row("lihat", {"label": Cell("Lihat sheet Temuan", Style.LINK, link=TEMUAN)}),
    )
    return Table(
        RINGKASAN,
        f"Ringkasan LKIP {ident.nama_instansi} Tahun {ident.tahun_laporan}",
        f"{ident.pemerintah_daerah}. Semua angka dihitung oleh sakip-xlsx dari "
        "sheet isian; sel biru berisi rumus.",
        [Column("label", "", 46), Column("value", "", 26), Column("note", "", 50)],
        rows,
        layout=Layout.FORM,
    )


CHART_LABEL = 36
"""Characters of an indicator or program name in a chart label (code first)."""


CHART_BARS = 25
"""Bars in one chart: a dinas's 300 indicators in one chart printed as a smear of labels;
each further chart starts a printed page of its own."""


def _parts(title: str, rows: list[tuple]) -> list[tuple[str, Hashable, Hashable]]:
    """(title, first row key, last row key) of each chart over `rows`, CHART_BARS a chart."""
    starts = range(0, len(rows), CHART_BARS)
    out = []
    for n, start in enumerate(starts, start=1):
        part = rows[start : start + CHART_BARS]
        label = f"{title} ({n} dari {len(starts)})" if len(starts) > 1 else title
        out.append((label, part[0][0], part[-1][0]))
    return out


def grafik(src: Sources) -> Table:
    """The figures of the two charts, as live copies of Tabel 3.1 and Tabel 3.8: capaian per
    indicator against 100 %, serapan per program. Labels carry the code and a short name, in
    the tables' order."""
    hasil = src.hasil
    rows: list[Row] = []
    charts: list[Chart] = []

    def block(key: str, heading: str, items: list[tuple[str, str, Expr, object]]) -> None:
        rows.append(Row((key,), {"kode": Cell(heading, Style.HEADING)}, heading=True))
        for kode, name, expr, value in items:
            rows.append(
                Row(
                    (key, kode),
                    {
                        "kode": Cell(kode),
                        "label": Cell(shorten(f"{kode} {name}", CHART_LABEL)),
                        "nilai": live(expr, value, Style.PERCENT),
                        "pembanding": Cell(100, Style.CENTER),
                    },
                )
            )

    indicators = [
        (
            ind.kode,
            ind.indikator,
            call("number_or_blank", Ref(T31, ind.kode, "capaian")),
            hasil.indikator[ind.kode].capaian,
        )
        for _, ind in sasaran_indikator(src.laporan)
    ]
    programs = [
        (
            item.kode,
            item.uraian,
            call("number_or_blank", Ref(T38, item.kode, "serapan")),
            hasil.anggaran[item.kode].serapan,
        )
        for item, _ in cascade(src)
        if item is not None and item.jenis == Jenis.PROGRAM
    ]
    block("capaian", "Capaian per indikator sasaran (%)", indicators)
    block("serapan", "Serapan anggaran per program (%)", programs)
    for title, first, last in _parts("Capaian per indikator sasaran", indicators):
        charts.append(
            Chart(
                "column",
                title,
                "label",
                (("Capaian (%)", "nilai"),),
                ("capaian", first),
                ("capaian", last),
                reference=("Target 100 %", "pembanding"),
                axis=(("min", 0), ("name", "%")),
            )
        )
    for title, first, last in _parts("Serapan anggaran per program", programs):
        charts.append(
            Chart(
                "bar",
                title,
                "label",
                (("Serapan (%)", "nilai"),),
                ("serapan", first),
                ("serapan", last),
                axis=(("max", 100), ("min", 0), ("name", "%")),
            )
        )
    return Table(
        GRAFIK,
        "Grafik capaian dan serapan",
        "Angka grafik diambil dari Tabel 3.1 (capaian) dan Tabel 3.8 (serapan); label memuat "
        "kode dan nama singkat.",
        [
            Column("kode", "Kode", 12),
            Column("label", "Label grafik", 40),
            Column("nilai", "Nilai (%)", 12),
            Column("pembanding", "Pembanding (%)", 12),
        ],
        rows,
        source="Tabel 3.1 dan Tabel 3.8",
        charts=charts,
    )


def narasi(src: Sources, findings: list[Finding]) -> Table:
    """The narrative of the LKIP document, sentence for sentence, so that the workbook alone is
    enough to review it."""
    from sakip_xlsx.document import narrative as N

    hasil = src.hasil
    rows: list[Row] = []

    def heading(text: str) -> None:
        rows.append(Row(len(rows), {"teks": Cell(text, Style.HEADING)}))

    def para(text: str, label: str = "") -> None:
        shown = f"{label}: {text}" if label else text
        style = Style.NOTE if text.startswith("[diisi instansi") else Style.TEXT
        rows.append(Row(len(rows), {"teks": Cell(shown, style)}))

    heading("Ikhtisar eksekutif")
    for sentence in N.ikhtisar(hasil, findings):
        para(sentence)
    para(N.checks_sentence(findings))
    heading("Analisis capaian per sasaran (Bab III)")
    for title, parts in N.per_sasaran(hasil):
        heading(title)
        for label, text in parts:
            para(text, label)
    heading("Realisasi anggaran dan efisiensi")
    para(N.serapan_sentence(hasil))
    efisiensi = N.efisiensi_summary(hasil)
    if efisiensi:
        para(efisiensi)
    heading("Penutup (Bab IV)")
    for sentence in N.penutup(hasil):
        para(sentence)
    ident = hasil.laporan.identitas
    return Table(
        NARASI,
        f"Narasi LKIP {ident.nama_instansi} Tahun {ident.tahun_laporan}",
        "Kalimat yang sama dengan dokumen LKIP (sakip-xlsx dokumen); setiap angka berasal dari "
        "tabel. Teks bertanda [diisi instansi: ...] ditulis oleh instansi.",
        [Column("teks", "", 130)],
        rows,
        layout=Layout.FORM,
    )
