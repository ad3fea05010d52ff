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

from sakip_xlsx.lkip.model import Laporan
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import PK, REALISASI, RENCANA_AKSI, RENSTRA, RKT, SDM, Jenis
from sakip_xlsx.safety.errors import SakipError
from sakip_xlsx.workbook.isian import Rows, identitas_values, rows_of, typed

EMPTIED_IDENTITAS = (
    "tanggal",
    "belanja_operasi",
    "belanja_modal",
    "kata_pengantar",
    "latar_belakang",
    "maksud_tujuan",
    "simpulan",
    "kendala",
    "langkah",
    "penghargaan",
    "pk_tanggal",
    "pk_perubahan",
    "apip_nama",
    "apip_nip",
    "apip_jabatan",
    "apip_tanggal",
)
"""Identitas fields of the year just reported: emptied for the new year (tugas dan fungsi,
struktur organisasi, profil and isu strategis carry over)."""
EMPTIED = {
    RKT.name: ("pagu",),
    PK.name: ("anggaran",),
    RENCANA_AKSI.name: ("target_tw1", "target_tw2", "target_tw3", "target_tw4"),
    REALISASI.name: (
        "realisasi_tw1",
        "realisasi_tw2",
        "realisasi_tw3",
        "realisasi_tw4",
        "realisasi",
        "realisasi_anggaran",
        "realisasi_nasional",
        "faktor_pendorong",
        "faktor_penghambat",
        "upaya",
    ),
}
"""Per sheet, the columns that belong to the year just reported."""


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


def rolled(hasil: Hasil) -> tuple[int, tuple[int, int], dict, Rows, list[str]]:
    """(tahun, periode, identitas, rows, notes) of next year's isian."""
    laporan = hasil.laporan
    tahun, periode = next_year(hasil)
    lalu = hasil.pengaturan.tahun
    identitas = identitas_values(laporan)
    for key in EMPTIED_IDENTITAS:
        identitas[key] = None
    identitas["tahun_laporan"] = tahun
    # last year's totals, when last year had them (never an invented Rp 0)
    identitas["pagu_tahun_lalu"] = hasil.total_pagu if hasil.pagu_diisi else None
    identitas["realisasi_tahun_lalu"] = (
        hasil.total_realisasi if hasil.realisasi_anggaran_diisi else None
    )
    rows = rows_of(laporan)
    for sheet, keys in EMPTIED.items():
        for record in rows[sheet]:
            for key in keys:
                record.pop(key, None)
    for sheet in (RKT.name, PK.name):  # sasaran targets: next year's, from the Renstra
        for record in rows[sheet]:
            target = _renstra_target(laporan, str(record["kode"]), tahun)
            if target is not None:
                record["target"] = target
    for record in rows[REALISASI.name]:
        h = hasil.indikator.get(str(record["kode"]))
        if h is not None and h.indikator.jenis == Jenis.SASARAN:
            # last year's realisasi as it was counted (the annual cell, or its quarters)
            record[f"realisasi_lalu:{lalu}"] = typed(h.realisasi)
    return tahun, periode, identitas, rows, _notes(hasil, tahun, rows)


def _renstra_target(laporan: Laporan, kode: str, tahun: int) -> object:
    """Next year's Renstra target of an indicator, or None when the Renstra has none."""
    ind = laporan.indikator.get(kode)
    if ind is None or tahun not in ind.targets:
        return None
    return typed(ind.targets[tahun])


def _notes(hasil: Hasil, tahun: int, rows: dict) -> list[str]:
    laporan = hasil.laporan
    lalu = hasil.pengaturan.tahun

    return [
        "Catatan: isian ini dibuat dari workbook tahun lalu",
        f"Isian tahun {tahun} ini dibuat dari workbook tahun {lalu}"
        + (f" ({laporan.identitas.nama_instansi})." if laporan.identitas.nama_instansi else "."),
        "Dibawa: Identitas, seluruh Renstra (kode, indikator, target setiap tahun), baris dan "
        "kode RKT, PK, Rencana Aksi dan Realisasi, serta data SDM.",
        f"Identitas: tahun laporan {tahun}; {_lalu(hasil)} Tanggal penandatanganan, belanja "
        "operasi dan belanja modal dikosongkan, begitu pula teks dokumen tahunan (kata "
        "pengantar, latar belakang, maksud dan tujuan, simpulan, kendala, langkah ke depan, "
        "penghargaan), tanggal dan jenis Perjanjian Kinerja serta data reviu APIP; tugas dan "
        "fungsi, struktur organisasi, profil dan isu strategis dibawa.",
        f"Target indikator sasaran di RKT dan PK diambil dari target Renstra {tahun} bila "
        f"Renstra memuatnya (yang tidak, tetap target {lalu}); periksa kembali terhadap PK "
        "yang ditandatangani.",
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


def _lalu(hasil: Hasil) -> str:
    """What the Catatan says of last year's budget, only what last year's workbook had."""
    from sakip_xlsx.lkip.values import format_id

    parts = []
    if hasil.pagu_diisi:
        parts.append(f"pagu tahun lalu Rp {format_id(hasil.total_pagu, 0)}")
    if hasil.realisasi_anggaran_diisi:
        parts.append(f"realisasi tahun lalu Rp {format_id(hasil.total_realisasi, 0)}")
    if not parts:
        return "workbook tahun lalu tidak memuat pagu maupun realisasi anggaran."
    return " dan ".join(parts) + f" dari workbook {hasil.pengaturan.tahun}."
