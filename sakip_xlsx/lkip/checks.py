"""Consistency checks across the documents (SPEC §5): the Bappeda reviewer in the box.

Each check is a small function registered under its kind of finding, declared with code,
severity, advice and sentence in the catalogue of `findings`. It receives the computed results
(and through them the model) and yields findings pointing at the exact cells involved, passing
the parameters of the sentence. `run_checks` runs them all.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator

from sakip_xlsx.lkip import compute, rules
from sakip_xlsx.lkip import findings as F
from sakip_xlsx.lkip.findings import Finding, RuleInfo, finding
from sakip_xlsx.lkip.model import IDENTITAS_RUPIAH, Cell, Laporan
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import (
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
from sakip_xlsx.lkip.values import is_percent_satuan, shorten

Check = Callable[[Hasil], Iterator[Finding]]
CHECKS: list[tuple[RuleInfo, Check]] = []

FAR_ABOVE = 150.0
"""Capaian above this is implausible: the target was probably typed wrong."""
FAR_BELOW = 50.0
"""Capaian below this is far from the target: a reviewer asks why."""


def check(info: RuleInfo):
    """Register a check function under its kind of finding (from the catalogue)."""

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
    """Indicator targets typed in two documents: equal up to a float's last digits (81,9 typed
    twice). Money never goes through here: it is compared to the sen (`rules.sama_rupiah`)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _at(laporan: Laporan, sheet: str, key: str, row: int) -> str:
    return f"{laporan.column(sheet, key) or 'A'}{row}"


def _where(cell: Cell) -> tuple[str, ...]:
    return (cell.where,) if cell.where else ()


def _number(cell: Cell) -> float | None:
    v = cell.value
    return v.number if v.problem is None and not v.is_range else None


# --- across documents ---------------------------------------------------------------------


@check(F.PK_VS_RENSTRA)
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
            PK.name,
            row.target.ref,
            _where(ind.targets[tahun]),
            kode=row.kode,
            pk=pk,
            tahun=tahun,
            renstra=renstra,
        )


@check(F.RKT_VS_PK)
def rkt_vs_pk(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, rkt in laporan.rkt_target.items():
        pk_row = laporan.pk_target(kode)
        if pk_row is None:
            continue
        a, b = _number(rkt.target), _number(pk_row.target)
        if a is None or b is None or _same(a, b):
            continue
        yield finding(info, RKT.name, rkt.target.ref, _where(pk_row.target), kode=kode, rkt=a, pk=b)


@check(F.PK_ANGGARAN)
def pk_anggaran(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    """Programs as the PK is signed; a kegiatan or sub kegiatan row some PKs carry is held to
    its own pagu the same way."""
    for row in hasil.laporan.pk:
        item = hasil.laporan.rkt.get(row.kode)
        value = _number(row.anggaran)
        if item is None or value is None or row.kode not in hasil.anggaran:
            continue
        total = hasil.anggaran[row.kode].pagu or 0.0
        if not rules.sama_rupiah(value, total):
            yield finding(
                info,
                PK.name,
                row.anggaran.ref,
                variant="sub_kegiatan" if item.jenis == Jenis.SUB_KEGIATAN else None,
                jenis=item.jenis.lower(),
                kode=row.kode,
                anggaran=value,
                pagu=total,
                selisih=rules.selisih_rupiah(value, total),
            )


@check(F.IKU_WITHOUT_PK)
def iku_without_pk(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for ind in laporan.indikator.values():
        if ind.iku and laporan.pk_target(ind.kode) is None:
            yield finding(
                info,
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "iku", ind.row),
                kode=ind.kode,
                indikator=shorten(ind.indikator, 60),
            )


@check(F.SASARAN_WITHOUT_PK)
def sasaran_without_pk(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if PK.name not in laporan.sheets_present:
        return
    for ind in laporan.sasaran_indikator():
        if not ind.iku and laporan.pk_target(ind.kode) is None:
            yield finding(
                info,
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode_indikator", ind.row),
                kode=ind.kode,
            )


@check(F.SASARAN_WITHOUT_RKT)
def sasaran_without_rkt(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if not laporan.rkt_target and not laporan.rkt:
        return
    for ind in laporan.sasaran_indikator():
        if ind.kode not in laporan.rkt_target:
            yield finding(
                info,
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode_indikator", ind.row),
                kode=ind.kode,
            )


@check(F.CODE_CASE)
def code_case(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    """Codes the model keeps apart but a spreadsheet criterion does not (`S1` and `s1`): the
    tables' SUMIFS would add both rows together, so the figures are named as unreliable."""
    laporan = hasil.laporan
    spaces = (
        (RENSTRA.name, "kode", [(s.kode, s.row) for s in laporan.sasaran.values()]),
        (RENSTRA.name, "kode_indikator", [(i.kode, i.row) for i in laporan.indikator.values()]),
        (RKT.name, "kode", [(i.kode, i.row) for i in laporan.rkt.values()]),
    )
    for sheet, key, codes in spaces:
        first: dict[str, tuple[str, int]] = {}
        for kode, row in sorted(codes, key=lambda pair: pair[1]):
            seen = first.setdefault(kode.lower(), (kode, row))
            if seen[0] != kode:
                yield finding(
                    info,
                    sheet,
                    _at(laporan, sheet, key, row),
                    (f"{sheet}!{_at(laporan, sheet, key, seen[1])}",),
                    kode=kode,
                    sheet=sheet,
                    kode_lain=seen[0],
                    baris_lain=seen[1],
                )


@check(F.BELANJA_VS_PAGU)
def belanja_vs_pagu(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    ident = hasil.laporan.identitas
    operasi, modal = _number(ident.belanja_operasi), _number(ident.belanja_modal)
    if operasi is None and modal is None:
        return
    total = (operasi or 0.0) + (modal or 0.0)
    if not rules.sama_rupiah(total, hasil.total_pagu):
        yield finding(
            info,
            IDENTITAS.name,
            ident.belanja_operasi.ref or ident.belanja_modal.ref,
            _where(ident.belanja_modal),
            belanja=total,
            pagu=hasil.total_pagu,
            selisih=rules.selisih_rupiah(total, hasil.total_pagu),
        )


@check(F.PAGU_ROLLUP)
def pagu_rollup(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for item in hasil.laporan.rkt.values():
        value = _number(item.pagu)
        if item.jenis == Jenis.SUB_KEGIATAN or value is None:
            continue
        total = hasil.anggaran[item.kode].pagu
        if not rules.sama_rupiah(value, total):
            yield finding(
                info,
                RKT.name,
                item.pagu.ref,
                jenis=item.jenis.lower(),
                kode=item.kode,
                pagu=value,
                jumlah_pagu=total,
                selisih=rules.selisih_rupiah(value, total),
            )


@check(F.REALISASI_ROLLUP)
def realisasi_rollup(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, rea in hasil.laporan.realisasi.items():
        item = hasil.laporan.rkt.get(kode)
        value = _number(rea.anggaran)
        if item is None or item.jenis == Jenis.SUB_KEGIATAN or value is None:
            continue
        total = hasil.anggaran[kode].realisasi or 0.0
        if not rules.sama_rupiah(value, total):
            yield finding(
                info,
                REALISASI.name,
                rea.anggaran.ref,
                jenis=item.jenis.lower(),
                kode=kode,
                realisasi=value,
                jumlah_realisasi=total,
            )


@check(F.SATUAN_BETWEEN_SHEETS)
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
                sheet,
                _at(laporan, sheet, "satuan", row),
                kode=kode,
                sheet=sheet,
                satuan=satuan,
                satuan_renstra=ind.satuan,
            )


# --- rencana aksi -------------------------------------------------------------------------


@check(F.QUARTERS_VS_ANNUAL)
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
            RENCANA_AKSI.name,
            last.ref or _at(laporan, RENCANA_AKSI.name, "kode", h.rencana.row),
            _where(h.target_acuan),
            kode=kode,
            metode=h.rencana.metode,
            target_triwulan=h.target_tahunan,
            target_tahunan=annual,
        )


@check(F.QUARTERS_MISSING)
def quarters_missing(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if RENCANA_AKSI.name not in laporan.sheets_present:
        return
    for ra in laporan.rencana_aksi.values():
        if all(c.value.missing for c in ra.targets):
            yield finding(
                info,
                RENCANA_AKSI.name,
                ra.targets[0].ref or _at(laporan, RENCANA_AKSI.name, "kode", ra.row),
                kode=ra.kode,
            )
    for ind in laporan.sasaran_indikator():
        if ind.kode not in laporan.rencana_aksi:
            yield finding(
                info,
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "kode_indikator", ind.row),
                variant="tanpa_baris",
                kode=ind.kode,
            )


@check(F.CUMULATIVE_GOES_DOWN)
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
                    cell.sheet or REALISASI.name,
                    cell.ref,
                    kode=kode,
                    triwulan=q + 1,
                    realisasi=value,
                    triwulan_sebelumnya=q,
                    realisasi_sebelumnya=previous,
                )
            if value is not None:
                previous = value


# --- plausibility -------------------------------------------------------------------------


@check(F.REALISASI_ABOVE_PAGU)
def realisasi_above_pagu(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for a in hasil.anggaran.values():
        if a.item.jenis != Jenis.SUB_KEGIATAN or a.pagu is None or a.realisasi is None:
            continue
        if rules.melebihi_rupiah(a.realisasi, a.pagu):
            yield finding(
                info,
                a.realisasi_cell.sheet or REALISASI.name,
                a.realisasi_cell.ref,
                _where(a.item.pagu),
                kode=a.item.kode,
                realisasi=a.realisasi,
                pagu=a.pagu,
            )


@check(F.SUB_WITHOUT_REALISASI)
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
                RKT.name,
                _at(laporan, RKT.name, "kode", a.item.row),
                kode=a.item.kode,
                pagu=a.pagu,
            )
        elif (
            a.item.jenis == Jenis.SUB_KEGIATAN
            and a.pagu is not None
            and a.realisasi_cell.value.missing
            and a.realisasi_cell.ref
        ):
            yield finding(
                info,
                REALISASI.name,
                a.realisasi_cell.ref,
                variant="kosong",
                kode=a.item.kode,
            )


def _budget_given_above(laporan: Laporan, item) -> bool:
    """Whether a kegiatan or program above `item` carries its own pagu."""
    seen = {item.kode}
    parent = laporan.rkt.get(item.kode_induk)
    while parent is not None and parent.kode not in seen:
        if parent.pagu.number is not None:
            return True
        seen.add(parent.kode)
        parent = laporan.rkt.get(parent.kode_induk)
    return False


@check(F.SUB_WITHOUT_PAGU)
def sub_without_pagu(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for item in laporan.sub_kegiatan():
        if item.pagu.value.missing and item.pagu.value.problem is None:
            if _budget_given_above(laporan, item):
                continue  # a report that knows its budget per kegiatan or program
            yield finding(
                info,
                RKT.name,
                item.pagu.ref or _at(laporan, RKT.name, "pagu", item.row),
                kode=item.kode,
            )


@check(F.NEGATIVE_VALUE)
def negative_values(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    ident = laporan.identitas
    identitas = (("Identitas", getattr(ident, key)) for key in IDENTITAS_RUPIAH)
    for kode, cell in itertools.chain(laporan.measure_cells(), identitas):
        if cell.sheet and cell.value.number is not None and cell.value.number < 0:
            yield finding(
                info, cell.sheet, cell.ref, sel=cell.ref, kode=kode, nilai=cell.value.number
            )


@check(F.PERCENT_ABOVE_100)
def percent_above_100(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, cell in laporan.measure_cells():
        number = cell.value.number
        if number is None or number <= 100 or not cell.sheet:
            continue
        if cell.ref and _is_budget(laporan, cell):
            continue
        if is_percent_satuan(laporan.satuan_of(kode)):
            yield finding(info, cell.sheet, cell.ref, sel=cell.ref, nilai=number, kode=kode)


def _is_budget(laporan: Laporan, cell: Cell) -> bool:
    letter = "".join(ch for ch in (cell.ref or "") if ch.isalpha())
    sheet_cols = laporan.columns.get(cell.sheet or "", {})
    budget = ("pagu", "anggaran", "realisasi_anggaran")
    return letter in tuple(sheet_cols.get(key) for key in budget)


@check(F.CAPAIAN_FAR_ABOVE)
def capaian_far_above(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, value, cell in _capaian_values(hasil):
        if value > FAR_ABOVE:
            yield finding(info, cell.sheet or REALISASI.name, cell.ref, kode=kode, capaian=value)


@check(F.CAPAIAN_FAR_BELOW)
def capaian_far_below(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    for kode, value, cell in _capaian_values(hasil):
        if value < FAR_BELOW:
            yield finding(info, cell.sheet or REALISASI.name, cell.ref, kode=kode, capaian=value)


def _capaian_values(hasil: Hasil) -> Iterator[tuple[str, float, Cell]]:
    for kode, h in hasil.indikator.items():
        if h.capaian is not None:
            yield kode, h.capaian, h.realisasi
    for kode, a in hasil.anggaran.items():
        if a.output_capaian is not None:
            yield kode, a.output_capaian, a.output_realisasi


@check(F.NOT_EFFICIENT)
def not_efficient(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for kode, s in hasil.sasaran.items():
        if s.efisien == "Tidak efisien":
            yield finding(
                info,
                RENSTRA.name,
                _at(laporan, RENSTRA.name, "uraian", s.sasaran.row),
                # PMK efficiency is a ratio (1 = as planned), the others a percentage
                variant="pmk" if hasil.pengaturan.metode_efisiensi == MetodeEfisiensi.PMK else None,
                kode=kode,
                capaian=s.rata_rata or 0.0,
                serapan=s.serapan or 0.0,
                efisiensi=s.efisiensi,
            )


@check(F.SASARAN_WITHOUT_PROGRAM)
def sasaran_without_program(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    if RKT.name not in laporan.sheets_present:
        return
    for kode, s in hasil.sasaran.items():
        if not s.programs:
            yield finding(
                info, RENSTRA.name, _at(laporan, RENSTRA.name, "kode", s.sasaran.row), kode=kode
            )


# --- identitas and period -----------------------------------------------------------------


@check(F.YEAR_OUTSIDE_PERIOD)
def year_outside_period(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    ident = hasil.laporan.identitas
    if None in (ident.tahun_laporan, ident.periode_awal, ident.periode_akhir):
        return
    if not ident.periode_awal <= ident.tahun_laporan <= ident.periode_akhir:
        yield finding(
            info,
            IDENTITAS.name,
            f"B{ident.rows.get('tahun_laporan', 1)}",
            tahun=ident.tahun_laporan,
            awal=ident.periode_awal,
            akhir=ident.periode_akhir,
        )


@check(F.PERIOD_COLUMNS)
def period_columns(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    ident = laporan.identitas
    if None in (ident.periode_awal, ident.periode_akhir) or not laporan.years:
        return
    missing = [
        y for y in range(ident.periode_awal, ident.periode_akhir + 1) if y not in laporan.years
    ]
    if missing or hasil.pengaturan.tahun not in laporan.years:
        yield finding(
            info,
            RENSTRA.name,
            f"A{laporan.header_rows.get(RENSTRA.name, 1)}",
            tahun=tuple(missing) or (hasil.pengaturan.tahun,),
        )


@check(F.LAST_YEAR_BUDGET)
def last_year_budget(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    ident = hasil.laporan.identitas
    pagu, real = _number(ident.pagu_tahun_lalu), _number(ident.realisasi_tahun_lalu)
    if pagu is not None and real is not None and rules.melebihi_rupiah(real, pagu):
        yield finding(
            info, IDENTITAS.name, ident.realisasi_tahun_lalu.ref, realisasi=real, pagu=pagu
        )


@check(F.SDM_OUTSIDE_LIST)
def sdm_outside_list(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    lists = (("golongan", GOLONGAN, None), ("pendidikan", PENDIDIKAN, "pendidikan"))
    for key, values, variant in lists:
        known = {v.casefold() for v in values}
        for person in laporan.sdm:
            text = getattr(person, key)
            if not text or text.casefold() in known:
                continue
            if key == "golongan" and person.status != "ASN":
                continue  # named by STR-014: golongan is for ASN only
            yield finding(
                info,
                SDM.name,
                _at(laporan, SDM.name, key, person.row),
                variant=variant,
                nilai=shorten(text, 30),
                baris=person.row,
            )


@check(F.ASN_WITHOUT_GOLONGAN)
def asn_without_golongan(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    laporan = hasil.laporan
    for person in laporan.sdm:
        if person.status == "ASN" and not person.golongan:
            yield finding(
                info,
                SDM.name,
                _at(laporan, SDM.name, "golongan", person.row),
                baris=person.row,
                jabatan=shorten(person.jabatan, 40),
            )


@check(F.METODE_ASSUMED)
def metode_assumed(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    """Quarters accumulated by a metode nobody typed: said at the Rencana Aksi metode cell
    (or, without a row there, at the first quarter of realisasi) with the metode assumed and
    why, so a reviewer sees the assumption that decides the year's realisasi."""
    laporan = hasil.laporan
    for kode, ra in laporan.rencana_aksi.items():
        if ra.metode_diisi or (kode not in hasil.indikator and kode not in laporan.rkt):
            continue
        rea = laporan.realisasi.get(kode)
        quarters = [c for c in rea.triwulan if c.number is not None] if rea else []
        if not any(c.number is not None for c in ra.targets) and not quarters:
            continue
        metode, alasan = compute.metode_akumulasi(laporan, kode)
        yield finding(
            info,
            RENCANA_AKSI.name,
            _at(laporan, RENCANA_AKSI.name, "metode", ra.row),
            kode=kode,
            metode=metode,
            sebab="tidak diisi",
            alasan=alasan,
        )
    for kode, rea in laporan.realisasi.items():
        quarters = [c for c in rea.triwulan if c.sheet and c.number is not None]
        if not quarters or rea.realisasi.number is not None or kode in laporan.rencana_aksi:
            continue
        if kode not in hasil.indikator and kode not in laporan.rkt:
            continue
        metode, alasan = compute.metode_akumulasi(laporan, kode)
        yield finding(
            info,
            REALISASI.name,
            quarters[0].ref,
            kode=kode,
            metode=metode,
            sebab="tidak ada (indikator ini tanpa baris di sana)",
            alasan=alasan,
        )


@check(F.NOTHING_FILLED)
def nothing_filled(hasil: Hasil, info: RuleInfo) -> Iterator[Finding]:
    """An untouched template or a half-filled workbook says what is missing, sheet by sheet:
    `check` of a blank isian must not look nearly clean."""
    laporan = hasil.laporan
    present = laporan.sheets_present
    first = {name: f"A{laporan.header_rows.get(name, 1) + 1}" for name in present}
    missing: list[tuple[str, str]] = []
    if RENSTRA.name in present and not laporan.sasaran_indikator():
        missing.append((RENSTRA.name, "sasaran strategis dengan indikatornya"))
    if RKT.name in present:
        if not laporan.programs():
            missing.append((RKT.name, "program (dan kegiatan, sub kegiatan)"))
        elif all(i.pagu.number is None for i in laporan.rkt.values()):
            missing.append((RKT.name, "pagu anggaran pada sub kegiatan, kegiatan atau program"))
    # no row at all (an indicator whose row is empty or unreadable has its own finding)
    indicators = laporan.sasaran_indikator()
    if (
        REALISASI.name in present
        and indicators
        and not any(i.kode in laporan.realisasi for i in indicators)
    ):
        missing.append((REALISASI.name, "realisasi indikator sasaran"))
    for sheet, bagian in missing:
        yield finding(info, sheet, first[sheet], sheet=sheet, bagian=bagian)
