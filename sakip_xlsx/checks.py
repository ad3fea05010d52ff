"""Consistency checks across the documents (SPEC §5): the Bappeda reviewer in the box.

Each check is a small function registered with its stable code, severity, title and advice.
It receives the computed results (and through them the model) and yields findings pointing at
the exact cells involved. `run_checks` runs them all; the README's list of codes is generated
from the same registry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from .findings import Finding, RuleInfo, Severity, define, finding
from .model import Cell, Laporan
from .results import Hasil
from .schema import (
    GOLONGAN,
    IDENTITAS,
    PENDIDIKAN,
    PK,
    REALISASI,
    RENCANA_AKSI,
    RENSTRA,
    RKT,
    SDM,
    Jenis,
    Metode,
    MetodeEfisiensi,
)
from .values import format_id, is_percent_satuan

Check = Callable[[Hasil], Iterator[Finding]]
CHECKS: list[tuple[RuleInfo, Check]] = []

FAR_ABOVE = 150.0
"""Capaian above this is implausible: the target was probably typed wrong."""
FAR_BELOW = 50.0
"""Capaian below this is far from the target: a reviewer asks why."""


def check(code: str, severity: Severity, title: str, suggestion: str):
    """Register a check function under a finding code."""
    info = define(code, severity, title, suggestion)

    def wrap(fn: Callable[[Hasil, RuleInfo], Iterator[Finding]]) -> Check:
        def run(hasil: Hasil) -> Iterator[Finding]:
            return fn(hasil, info)

        run.__name__ = fn.__name__
        run.__doc__ = fn.__doc__
        CHECKS.append((info, run))
        return run

    return wrap


def run_checks(hasil: Hasil) -> list[Finding]:
    out: list[Finding] = []
    for _, fn in CHECKS:
        out.extend(fn(hasil))
    return out


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def _fmt(value: float) -> str:
    return format_id(value, 0 if float(value).is_integer() else 2)


def _at(laporan: Laporan, sheet: str, key: str, row: int) -> str:
    return f"{laporan.column(sheet, key) or 'A'}{row}"


def _where(cell: Cell) -> tuple[str, ...]:
    return (cell.where,) if cell.where else ()


def _number(cell: Cell) -> float | None:
    v = cell.value
    return v.number if v.problem is None and not v.is_range else None


# --- across documents ---------------------------------------------------------------------


@check(
    "PK-001",
    Severity.ERROR,
    "Target PK berbeda dengan target Renstra",
    "Samakan target PK dengan target Renstra tahun ini, atau mutakhirkan Renstra bila target "
    "memang diubah resmi.",
)
def pk_vs_renstra(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan, tahun = hasil.laporan, hasil.pengaturan.tahun
    for row in laporan.pk:
        ind = laporan.indikator.get(row.kode)
        if ind is None or tahun not in ind.targets:
            continue
        pk, renstra = _number(row.target), _number(ind.targets[tahun])
        if pk is None or renstra is None or _same(pk, renstra):
            continue
        yield finding(
            info,
            f"Target PK indikator {row.kode} = {_fmt(pk)}, target Renstra {tahun} = "
            f"{_fmt(renstra)}.",
            PK.name,
            row.target.ref,
            _where(ind.targets[tahun]),
        )


@check(
    "PK-002",
    Severity.ERROR,
    "Target RKT berbeda dengan target PK",
    "Target tahunan di RKT dan PK harus sama; perbaiki salah satunya.",
)
def rkt_vs_pk(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, rkt in laporan.rkt_target.items():
        pk_row = laporan.pk_target(kode)
        if pk_row is None:
            continue
        a, b = _number(rkt.target), _number(pk_row.target)
        if a is None or b is None or _same(a, b):
            continue
        yield finding(
            info,
            f"Target RKT indikator {kode} = {_fmt(a)}, target PK = {_fmt(b)}.",
            RKT.name,
            rkt.target.ref,
            _where(pk_row.target),
        )


@check(
    "PK-003",
    Severity.ERROR,
    "Anggaran program di PK tidak sama dengan jumlah pagu sub kegiatannya",
    "Samakan anggaran program di PK dengan jumlah pagu sub kegiatan di RKT/DPA.",
)
def pk_anggaran(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    """Programs as the PK is signed; a kegiatan or sub kegiatan row some PKs carry is held to
    its own pagu the same way."""
    for row in hasil.laporan.pk:
        item = hasil.laporan.rkt.get(row.kode)
        value = _number(row.anggaran)
        if item is None or value is None or row.kode not in hasil.anggaran:
            continue
        total = hasil.anggaran[row.kode].pagu or 0.0
        if not _same(value, total):
            what = "jumlah pagu sub kegiatannya" if item.jenis != Jenis.SUB_KEGIATAN else "pagunya"
            yield finding(
                info,
                f"Anggaran PK {item.jenis.lower()} {row.kode} Rp {_fmt(value)}, {what} "
                f"Rp {_fmt(total)} (selisih Rp {_fmt(value - total)}).",
                PK.name,
                row.anggaran.ref,
            )


@check(
    "PK-004",
    Severity.WARNING,
    "IKU tidak ada di Perjanjian Kinerja",
    "Setiap IKU diperjanjikan dalam PK; tambahkan barisnya di sheet PK atau ubah status IKU.",
)
def iku_without_pk(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for ind in laporan.indikator.values():
        if ind.iku and laporan.pk_target(ind.kode) is None:
            yield finding(
                info,
                f"Indikator {ind.kode} ({ind.indikator[:60]}) ditandai IKU tetapi tidak ada di PK.",
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "iku", ind.row),
            )


@check(
    "PK-005",
    Severity.WARNING,
    "Indikator sasaran tidak ada di Perjanjian Kinerja",
    "Tambahkan target indikator sasaran ini di sheet PK sesuai dokumen PK yang ditandatangani.",
)
def sasaran_without_pk(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if PK.name not in laporan.sheets_present:
        return
    for ind in laporan.sasaran_indikator():
        if not ind.iku and laporan.pk_target(ind.kode) is None:
            yield finding(
                info,
                f"Indikator sasaran {ind.kode} tidak ada di PK; capaian diukur terhadap target "
                "RKT/Renstra.",
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode_indikator", ind.row),
            )


@check(
    "RKT-001",
    Severity.INFO,
    "Indikator sasaran tanpa target di RKT",
    "Tambahkan baris 'Indikator Sasaran' di sheet RKT dengan target tahun ini.",
)
def sasaran_without_rkt(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if not laporan.rkt_target and not laporan.rkt:
        return
    for ind in laporan.sasaran_indikator():
        if ind.kode not in laporan.rkt_target:
            yield finding(
                info,
                f"Indikator sasaran {ind.kode} tidak punya baris target di RKT.",
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode_indikator", ind.row),
            )


@check(
    "ANG-001",
    Severity.ERROR,
    "Belanja operasi + belanja modal tidak sama dengan total pagu",
    "Periksa angka belanja operasi/modal di Identitas atau pagu sub kegiatan di RKT.",
)
def belanja_vs_pagu(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    ident = hasil.laporan.identitas
    operasi, modal = _number(ident.belanja_operasi), _number(ident.belanja_modal)
    if operasi is None and modal is None:
        return
    total = (operasi or 0.0) + (modal or 0.0)
    if not _same(total, hasil.total_pagu):
        yield finding(
            info,
            f"Belanja operasi + modal = Rp {_fmt(total)}, total pagu sub kegiatan = "
            f"Rp {_fmt(hasil.total_pagu)}.",
            IDENTITAS.name,
            ident.belanja_operasi.ref or ident.belanja_modal.ref,
            _where(ident.belanja_modal),
        )


@check(
    "ANG-002",
    Severity.ERROR,
    "Pagu program/kegiatan tidak sama dengan jumlah pagu di bawahnya",
    "Kosongkan pagu program/kegiatan (dihitung otomatis) atau samakan dengan jumlahnya.",
)
def pagu_rollup(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for item in hasil.laporan.rkt.values():
        value = _number(item.pagu)
        if item.jenis == Jenis.SUB_KEGIATAN or value is None:
            continue
        total = hasil.anggaran[item.kode].pagu
        if not _same(value, total):
            yield finding(
                info,
                f"Pagu {item.jenis.lower()} {item.kode} Rp {_fmt(value)}, jumlah pagu sub "
                f"kegiatannya Rp {_fmt(total)}.",
                RKT.name,
                item.pagu.ref,
            )


@check(
    "ANG-006",
    Severity.ERROR,
    "Realisasi anggaran program/kegiatan tidak sama dengan jumlah sub kegiatannya",
    "Realisasi program/kegiatan dihitung dari sub kegiatannya: kosongkan sel itu atau isi "
    "realisasi anggaran setiap sub kegiatan di sheet Realisasi.",
)
def realisasi_rollup(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, rea in hasil.laporan.realisasi.items():
        item = hasil.laporan.rkt.get(kode)
        value = _number(rea.anggaran)
        if item is None or item.jenis == Jenis.SUB_KEGIATAN or value is None:
            continue
        total = hasil.anggaran[kode].realisasi or 0.0
        if not _same(value, total):
            yield finding(
                info,
                f"Realisasi anggaran {item.jenis.lower()} {kode} Rp {_fmt(value)}, jumlah "
                f"realisasi sub kegiatannya Rp {_fmt(total)}; yang dihitung jumlah sub "
                "kegiatannya.",
                REALISASI.name,
                rea.anggaran.ref,
            )


@check(
    "SAT-001",
    Severity.WARNING,
    "Satuan indikator berbeda antar sheet",
    "Gunakan satuan yang sama dengan Renstra untuk indikator yang sama.",
)
def satuan_between_sheets(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    others = [(RKT.name, t.kode, t.satuan, t.row) for t in laporan.rkt_target.values()]
    others += [(PK.name, p.kode, p.satuan, p.row) for p in laporan.pk]
    for sheet, kode, satuan, row in others:
        ind = laporan.indikator.get(kode)
        if ind is None or not satuan or not ind.satuan:
            continue
        if satuan.strip().lower() != ind.satuan.strip().lower():
            yield finding(
                info,
                f"Satuan indikator {kode} di {sheet} '{satuan}', di Renstra '{ind.satuan}'.",
                sheet,
                _at(laporan, sheet, "satuan", row),
            )


# --- rencana aksi -------------------------------------------------------------------------


@check(
    "RA-001",
    Severity.WARNING,
    "Target triwulan tidak sampai pada target tahunan",
    "Periksa target TW1-TW4 dan metode akumulasinya: Jumlah harus berjumlah target tahunan, "
    "Akhir harus berakhir di target tahunan.",
)
def quarters_vs_annual(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, h in hasil.rencana_aksi.items():
        if any(c.value.problem for c in h.rencana.targets) or h.target_tahunan is None:
            continue
        annual = _number(h.target_acuan)
        if annual is None or _same(h.target_tahunan, annual):
            continue
        last = h.rencana.targets[3] if h.rencana.targets[3].ref else h.rencana.targets[0]
        yield finding(
            info,
            f"Target triwulan {kode} menurut metode {h.rencana.metode} = "
            f"{_fmt(h.target_tahunan)}, target tahunan = {_fmt(annual)}.",
            RENCANA_AKSI.name,
            last.ref or _at(laporan, RENCANA_AKSI.name, "kode", h.rencana.row),
            _where(h.target_acuan),
        )


@check(
    "RA-002",
    Severity.WARNING,
    "Target triwulan belum diisi",
    "Isi target TW1-TW4 di sheet Rencana Aksi sesuai dokumen Rencana Aksi.",
)
def quarters_missing(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if RENCANA_AKSI.name not in laporan.sheets_present:
        return
    for ra in laporan.rencana_aksi.values():
        if all(c.value.missing for c in ra.targets):
            yield finding(
                info,
                f"Rencana Aksi {ra.kode} tidak memuat target triwulan satu pun.",
                RENCANA_AKSI.name,
                ra.targets[0].ref or _at(laporan, RENCANA_AKSI.name, "kode", ra.row),
            )
    for ind in laporan.sasaran_indikator():
        if ind.kode not in laporan.rencana_aksi:
            yield finding(
                info,
                f"Indikator sasaran {ind.kode} tidak ada di sheet Rencana Aksi.",
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode_indikator", ind.row),
            )


@check(
    "RA-003",
    Severity.WARNING,
    "Realisasi kumulatif triwulan menurun",
    "Realisasi s.d. triwulan tidak boleh turun untuk metode Jumlah; periksa angka triwulannya.",
)
def cumulative_goes_down(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, h in hasil.rencana_aksi.items():
        if h.rencana.metode != Metode.JUMLAH:
            continue
        previous = None
        for q, value in enumerate(h.realisasi_sd):
            if value is not None and previous is not None and value < previous - 1e-9:
                cell = h.realisasi[q]
                yield finding(
                    info,
                    f"Realisasi s.d. TW{q + 1} {kode} = {_fmt(value)} lebih kecil dari "
                    f"s.d. TW{q} = {_fmt(previous)} (ada nilai triwulan negatif).",
                    cell.sheet or REALISASI.name,
                    cell.ref,
                )
            if value is not None:
                previous = value


# --- plausibility -------------------------------------------------------------------------


@check(
    "ANG-003",
    Severity.ERROR,
    "Realisasi anggaran melebihi pagu",
    "Realisasi anggaran tidak boleh melebihi pagu; periksa angka realisasi atau pagunya.",
)
def realisasi_above_pagu(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for a in hasil.anggaran.values():
        if a.item.jenis != Jenis.SUB_KEGIATAN or a.pagu is None or a.realisasi is None:
            continue
        if a.realisasi > a.pagu and not _same(a.realisasi, a.pagu):
            yield finding(
                info,
                f"Realisasi anggaran {a.item.kode} Rp {_fmt(a.realisasi)} melebihi pagu "
                f"Rp {_fmt(a.pagu)}.",
                a.realisasi_cell.sheet or REALISASI.name,
                a.realisasi_cell.ref,
                _where(a.item.pagu),
            )


@check(
    "ANG-004",
    Severity.WARNING,
    "Sub kegiatan tanpa realisasi anggaran",
    "Isi realisasi anggaran sub kegiatan di sheet Realisasi (0 bila memang tidak terserap).",
)
def sub_without_realisasi(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for a in hasil.anggaran.values():
        if (
            a.item.jenis == Jenis.SUB_KEGIATAN
            and a.pagu is not None
            and a.realisasi_cell.ref is None
        ):
            yield finding(
                info,
                f"Sub kegiatan {a.item.kode} berpagu Rp {_fmt(a.pagu)} tetapi realisasi "
                "anggarannya tidak diisi.",
                RKT.name,
                _at(laporan, RKT.name, "kode", a.item.row),
            )
        elif (
            a.item.jenis == Jenis.SUB_KEGIATAN
            and a.pagu is not None
            and a.realisasi_cell.value.missing
            and a.realisasi_cell.ref
        ):
            yield finding(
                info,
                f"Realisasi anggaran sub kegiatan {a.item.kode} kosong.",
                REALISASI.name,
                a.realisasi_cell.ref,
            )


@check(
    "ANG-005",
    Severity.ERROR,
    "Sub kegiatan tanpa pagu",
    "Isi pagu sub kegiatan di sheet RKT sesuai DPA.",
)
def sub_without_pagu(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for item in laporan.sub_kegiatan():
        if item.pagu.value.missing and item.pagu.value.problem is None:
            yield finding(
                info,
                f"Sub kegiatan {item.kode} tidak berpagu.",
                RKT.name,
                item.pagu.ref or _at(laporan, RKT.name, "pagu", item.row),
            )


@check(
    "NIL-001",
    Severity.ERROR,
    "Nilai negatif",
    "Target, realisasi dan anggaran tidak bernilai negatif; periksa tanda minus.",
)
def negative_values(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    cells = list(laporan.measure_cells())
    ident = laporan.identitas
    for key in ("belanja_operasi", "belanja_modal", "pagu_tahun_lalu", "realisasi_tahun_lalu"):
        cells.append(("Identitas", getattr(ident, key)))
    for kode, cell in cells:
        if cell.sheet and cell.value.number is not None and cell.value.number < 0:
            yield finding(
                info,
                f"Sel {cell.ref} ({kode}) bernilai negatif: {_fmt(cell.value.number)}.",
                cell.sheet,
                cell.ref,
            )


@check(
    "NIL-002",
    Severity.WARNING,
    "Indikator persen di atas 100",
    "Persentase biasanya 0-100; periksa apakah nilai atau satuannya salah.",
)
def percent_above_100(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, cell in laporan.measure_cells():
        if cell.ref and _is_budget(laporan, cell):
            continue
        number = cell.value.number
        if number is None or number <= 100 or not cell.sheet:
            continue
        if is_percent_satuan(laporan.satuan_of(kode)):
            yield finding(
                info,
                f"Sel {cell.ref}: {_fmt(number)} untuk indikator persen {kode}.",
                cell.sheet,
                cell.ref,
            )


def _is_budget(laporan: Laporan, cell: Cell) -> bool:
    letter = "".join(ch for ch in (cell.ref or "") if ch.isalpha())
    sheet_cols = laporan.columns.get(cell.sheet or "", {})
    budget = ("pagu", "anggaran", "realisasi_anggaran")
    return letter in tuple(sheet_cols.get(key) for key in budget)


@check(
    "CAP-001",
    Severity.WARNING,
    "Capaian jauh di atas 100 %",
    "Capaian di atas 150 % biasanya berarti target salah ketik atau terlalu rendah; periksa "
    "target dan realisasinya.",
)
def capaian_far_above(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, value, cell in _capaian_values(hasil):
        if value > FAR_ABOVE:
            yield finding(
                info,
                f"Capaian {kode} = {format_id(value)} %.",
                cell.sheet or REALISASI.name,
                cell.ref,
            )


@check(
    "CAP-002",
    Severity.WARNING,
    "Capaian jauh di bawah target",
    "Capaian di bawah 50 %: jelaskan penyebabnya di LKIP, atau periksa target/realisasinya.",
)
def capaian_far_below(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, value, cell in _capaian_values(hasil):
        if value < FAR_BELOW:
            yield finding(
                info,
                f"Capaian {kode} = {format_id(value)} %.",
                cell.sheet or REALISASI.name,
                cell.ref,
            )


def _capaian_values(hasil: Hasil) -> Iterator[tuple[str, float, Cell]]:
    for kode, h in hasil.indikator.items():
        if h.capaian is not None:
            yield kode, h.capaian, h.realisasi
    for kode, a in hasil.anggaran.items():
        if a.output_capaian is not None:
            yield kode, a.output_capaian, a.output_realisasi


@check(
    "EFI-001",
    Severity.WARNING,
    "Sasaran tidak efisien",
    "Capaian kinerja sasaran lebih rendah dari serapan anggarannya; jelaskan di analisis "
    "efisiensi LKIP.",
)
def not_efficient(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, s in hasil.sasaran.items():
        if s.efisien == "Tidak efisien":
            shown = (
                format_id(s.efisiensi) + " %"
                if hasil.pengaturan.metode_efisiensi != MetodeEfisiensi.PMK
                else format_id(s.efisiensi, 4)
            )
            yield finding(
                info,
                f"Sasaran {kode}: capaian {format_id(s.rata_rata or 0)} %, serapan "
                f"{format_id(s.serapan or 0)} %, efisiensi {shown}.",
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "uraian", s.sasaran.row),
            )


@check(
    "EFI-002",
    Severity.WARNING,
    "Sasaran tanpa program",
    "Hubungkan setidaknya satu program di RKT ke sasaran ini (kolom Kode induk).",
)
def sasaran_without_program(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if RKT.name not in laporan.sheets_present:
        return
    for kode, s in hasil.sasaran.items():
        if not s.programs:
            yield finding(
                info,
                f"Sasaran {kode} tidak didukung program mana pun; efisiensinya tidak dapat "
                "dihitung.",
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode", s.sasaran.row),
            )


# --- identitas and period -----------------------------------------------------------------


@check(
    "IDN-001",
    Severity.ERROR,
    "Tahun laporan di luar periode Renstra",
    "Periksa tahun laporan dan periode Renstra di sheet Identitas.",
)
def year_outside_period(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    ident = hasil.laporan.identitas
    if None in (ident.tahun_laporan, ident.periode_awal, ident.periode_akhir):
        return
    if not ident.periode_awal <= ident.tahun_laporan <= ident.periode_akhir:
        yield finding(
            info,
            f"Tahun laporan {ident.tahun_laporan} di luar periode {ident.periode_awal}-"
            f"{ident.periode_akhir}.",
            IDENTITAS.name,
            f"B{ident.rows.get('tahun_laporan', 1)}",
        )


@check(
    "IDN-002",
    Severity.WARNING,
    "Kolom target Renstra tidak sesuai periode",
    "Samakan periode Renstra di Identitas dengan tahun pada judul kolom 'Target <tahun>'.",
)
def period_columns(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    ident = laporan.identitas
    if None in (ident.periode_awal, ident.periode_akhir) or not laporan.years:
        return
    missing = [
        y for y in range(ident.periode_awal, ident.periode_akhir + 1) if y not in laporan.years
    ]
    if missing or hasil.pengaturan.tahun not in laporan.years:
        shown = ", ".join(str(y) for y in missing) or str(hasil.pengaturan.tahun)
        yield finding(
            info,
            f"Sheet Renstra tidak punya kolom Target untuk tahun {shown}.",
            RENSTRA.name,
            f"A{laporan.header_rows.get(RENSTRA.name, 1)}",
        )


@check(
    "IDN-003",
    Severity.ERROR,
    "Realisasi anggaran tahun lalu melebihi pagunya",
    "Periksa pagu dan realisasi anggaran tahun lalu di sheet Identitas.",
)
def last_year_budget(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    ident = hasil.laporan.identitas
    pagu, real = _number(ident.pagu_tahun_lalu), _number(ident.realisasi_tahun_lalu)
    if pagu is not None and real is not None and real > pagu and not _same(real, pagu):
        yield finding(
            info,
            f"Realisasi tahun lalu Rp {_fmt(real)} melebihi pagu Rp {_fmt(pagu)}.",
            IDENTITAS.name,
            ident.realisasi_tahun_lalu.ref,
        )


@check(
    "SDM-002",
    Severity.WARNING,
    "Golongan atau pendidikan di luar daftar",
    "Pilih nilai dari daftar di sel itu (mis. III/a, S1) agar pegawai ini terhitung di Tabel 1.2 "
    "dan 1.3.",
)
def sdm_outside_list(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    lists = (("golongan", GOLONGAN, "Tabel 1.2"), ("pendidikan", PENDIDIKAN, "Tabel 1.3"))
    for key, values, table in lists:
        known = {v.casefold() for v in values}
        for person in laporan.sdm:
            text = getattr(person, key)
            if not text or text.casefold() in known:
                continue
            if key == "golongan" and person.status != "ASN":
                continue  # named by STR-014: golongan is for ASN only
            yield finding(
                info,
                f"{key.capitalize()} '{text[:30]}' pegawai baris {person.row} tidak ada di daftar; "
                f"tidak dihitung di {table}.",
                SDM.name,
                _at(laporan, SDM.name, key, person.row),
            )


@check(
    "SDM-001",
    Severity.INFO,
    "ASN tanpa golongan",
    "Isi golongan ruang ASN agar Tabel 1.2 lengkap.",
)
def asn_without_golongan(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for person in laporan.sdm:
        if person.status == "ASN" and not person.golongan:
            yield finding(
                info,
                f"Pegawai ASN baris {person.row} ({person.jabatan[:40]}) tanpa golongan.",
                SDM.name,
                _at(laporan, SDM.name, "golongan", person.row),
            )
