"""Next year's isian from last year's workbook (`sakip-xlsx template --dari`).

Staff copy last year's Renstra, codes and targets every year; retyping them is where most
errors start. The new workbook keeps everything that stays true for the next year of the same
Renstra period and empties everything that belongs to the year just reported:

- Identitas: carried, tahun + 1; last year's pagu and realisasi come from last year's totals;
  the signing date and the year's belanja operasi/modal are emptied.
- Renstra: every row, code and target as typed.
- RKT, PK, Rencana Aksi: every row and code; the targets of sasaran indicators are next year's
  Renstra targets where the Renstra has them; pagu, PK anggaran and quarter targets are emptied
  (they come from next year's DPA and Rencana Aksi).
- Realisasi: every row and code with its realisasi emptied; last year's realisasi of each
  indicator moves into the *Realisasi <tahun>* column (with the earlier years).
- SDM: carried.

A *Catatan* sheet lists what was carried and what must be checked.
"""

from __future__ import annotations

from .errors import SakipError
from .model import Cell, Laporan
from .results import Hasil
from .schema import IDENTITAS, PK, REALISASI, RENCANA_AKSI, RENSTRA, RKT, SDM, Jenis

EMPTIED_IDENTITAS = ("tanggal", "belanja_operasi", "belanja_modal")
"""Identitas fields of the year just reported: emptied for the new year."""


def typed(cell: Cell) -> object:
    """A value as the user typed it (their text), or the number a number cell held."""
    if cell.value.raw is not None:
        return cell.value.raw
    return cell.value.number


def next_year(hasil: Hasil) -> tuple[int, tuple[int, int]]:
    """The new tahun and the (unchanged) Renstra period; refused when the period has ended."""
    ident = hasil.laporan.identitas
    tahun = hasil.pengaturan.tahun
    awal, akhir = ident.periode_awal, ident.periode_akhir
    if not tahun or not awal or not akhir:
        raise SakipError(
            "Workbook sumber tidak menyebut tahun laporan dan periode Renstra di sheet Identitas; "
            "isian tahun berikutnya tidak dapat dibuat."
        )
    if tahun + 1 > akhir:
        raise SakipError(
            f"Periode Renstra {awal}-{akhir} berakhir pada tahun {akhir}; tahun {tahun + 1} "
            "memerlukan Renstra periode baru. Buat isian baru dengan "
            "`sakip-xlsx template --tahun ... --periode ...`."
        )
    return tahun + 1, (awal, akhir)


def rolled(hasil: Hasil) -> tuple[int, tuple[int, int], dict, dict, list[str]]:
    """(tahun, periode, identitas, rows, notes) of next year's isian."""
    laporan = hasil.laporan
    tahun, periode = next_year(hasil)
    lalu = hasil.pengaturan.tahun
    identitas = _identitas(hasil, tahun)
    rows = {
        RENSTRA.name: _renstra(laporan),
        RKT.name: _rkt(laporan, tahun),
        PK.name: _pk(laporan, tahun),
        RENCANA_AKSI.name: _rencana_aksi(laporan),
        REALISASI.name: _realisasi(hasil, lalu),
        SDM.name: _sdm(laporan),
    }
    notes = _notes(hasil, tahun, rows)
    return tahun, periode, identitas, rows, notes


def _identitas(hasil: Hasil, tahun: int) -> dict[str, object]:
    ident = hasil.laporan.identitas
    out: dict[str, object] = {}
    for col in IDENTITAS.columns:
        value = getattr(ident, col.key, None)
        out[col.key] = typed(value) if isinstance(value, Cell) else value
    for key in EMPTIED_IDENTITAS:
        out[key] = None
    out["tahun_laporan"] = tahun
    out["pagu_tahun_lalu"] = hasil.total_pagu
    out["realisasi_tahun_lalu"] = hasil.total_realisasi
    return out


def _renstra(laporan: Laporan) -> list[dict[str, object]]:
    out = []
    for ind in sorted(laporan.indikator.values(), key=lambda i: i.row):
        row: dict[str, object] = {
            "jenis": ind.jenis,
            "kode": ind.kode_sasaran,
            "kode_induk": ind.kode_induk,
            "uraian": ind.uraian,
            "kode_indikator": ind.kode,
            "indikator": ind.indikator,
            "satuan": ind.satuan,
            "polaritas": ind.polaritas,
            "metode_tahunan": ind.metode_tahunan,
            "kondisi_awal": typed(ind.kondisi_awal),
            "target_akhir": typed(ind.target_akhir),
            "iku": "Ya" if ind.iku else "Tidak",
        }
        for year, cell in ind.targets.items():
            row[f"target:{year}"] = typed(cell)
        out.append(row)
    return out


def _renstra_target(laporan: Laporan, kode: str, tahun: int, fallback: Cell) -> object:
    """Next year's target of an indicator: the Renstra's when it has one, else as it was."""
    ind = laporan.indikator.get(kode)
    if ind is not None and tahun in ind.targets and typed(ind.targets[tahun]) is not None:
        return typed(ind.targets[tahun])
    return typed(fallback)


def _rkt(laporan: Laporan, tahun: int) -> list[dict[str, object]]:
    items: list[tuple[int, dict[str, object]]] = []
    for t in laporan.rkt_target.values():
        items.append(
            (
                t.row,
                {
                    "jenis": Jenis.INDIKATOR_SASARAN,
                    "kode": t.kode,
                    "uraian": t.uraian,
                    "indikator": t.indikator,
                    "satuan": t.satuan,
                    "target": _renstra_target(laporan, t.kode, tahun, t.target),
                },
            )
        )
    for item in laporan.rkt.values():
        items.append(
            (
                item.row,
                {
                    "jenis": item.jenis,
                    "kode": item.kode,
                    "kode_induk": item.kode_induk,
                    "uraian": item.uraian,
                    "indikator": item.indikator,
                    "satuan": item.satuan,
                    "target": typed(item.target),
                },
            )
        )
    return [row for _, row in sorted(items, key=lambda pair: pair[0])]


def _pk(laporan: Laporan, tahun: int) -> list[dict[str, object]]:
    return [
        {
            "kode": p.kode,
            "uraian": p.uraian,
            "indikator": p.indikator,
            "satuan": p.satuan,
            "target": _renstra_target(laporan, p.kode, tahun, p.target),
            "keterangan": p.keterangan,
        }
        for p in sorted(laporan.pk, key=lambda p: p.row)
    ]


def _rencana_aksi(laporan: Laporan) -> list[dict[str, object]]:
    return [
        {"kode": ra.kode, "uraian": ra.uraian, "metode": ra.metode}
        for ra in sorted(laporan.rencana_aksi.values(), key=lambda r: r.row)
    ]


def _realisasi(hasil: Hasil, lalu: int) -> list[dict[str, object]]:
    laporan = hasil.laporan
    out = []
    for rea in sorted(laporan.realisasi.values(), key=lambda r: r.row):
        row: dict[str, object] = {"kode": rea.kode, "uraian": rea.uraian, "sumber": rea.sumber}
        for year, cell in rea.tahun_lalu.items():
            row[f"realisasi_lalu:{year}"] = typed(cell)
        h = hasil.indikator.get(rea.kode)
        if h is not None and h.indikator.jenis == Jenis.SASARAN:
            # last year's realisasi as it was counted (the annual cell, or its quarters)
            row[f"realisasi_lalu:{lalu}"] = typed(h.realisasi)
        out.append(row)
    return out


def _sdm(laporan: Laporan) -> list[dict[str, object]]:
    return [
        {
            "jabatan": p.jabatan,
            "status": p.status,
            "golongan": p.golongan,
            "pendidikan": p.pendidikan,
            "unit_kerja": p.unit_kerja,
            "keterangan": p.keterangan,
        }
        for p in sorted(laporan.sdm, key=lambda p: p.row)
    ]


def _notes(hasil: Hasil, tahun: int, rows: dict) -> list[str]:
    laporan = hasil.laporan
    lalu = hasil.pengaturan.tahun
    from .values import format_id

    return [
        f"Isian tahun {tahun} ini dibuat dari workbook tahun {lalu} "
        f"({laporan.identitas.nama_instansi}).",
        "Dibawa: Identitas, seluruh Renstra (kode, indikator, target setiap tahun), baris dan "
        "kode RKT, PK, Rencana Aksi dan Realisasi, serta data SDM.",
        f"Identitas: tahun laporan {tahun}; pagu tahun lalu Rp {format_id(hasil.total_pagu, 0)} "
        f"dan realisasi tahun lalu Rp {format_id(hasil.total_realisasi, 0)} dari workbook "
        f"{lalu}. Tanggal penandatanganan, belanja operasi dan belanja modal dikosongkan.",
        f"Target indikator sasaran di RKT dan PK diambil dari target Renstra {tahun}; "
        "periksa kembali terhadap PK yang ditandatangani.",
        f"Realisasi {lalu} setiap indikator sasaran dipindah ke kolom 'Realisasi {lalu}' di "
        "sheet Realisasi (untuk perbandingan di Tabel 3.2).",
        "Dikosongkan dan harus diisi: pagu sub kegiatan (RKT, dari DPA tahun ini), anggaran "
        "program di PK, target triwulan Rencana Aksi, semua realisasi triwulan dan tahunan, "
        "realisasi anggaran, realisasi nasional, faktor pendorong/penghambat dan upaya.",
        "Periksa juga: target output program, kegiatan dan sub kegiatan di RKT (masih target "
        f"{lalu}), pejabat penandatangan, dan data pegawai di sheet SDM.",
        f"Jumlah baris: Renstra {len(rows[RENSTRA.name])}, RKT {len(rows[RKT.name])}, PK "
        f"{len(rows[PK.name])}, Rencana Aksi {len(rows[RENCANA_AKSI.name])}, Realisasi "
        f"{len(rows[REALISASI.name])}, SDM {len(rows[SDM.name])}.",
    ]
