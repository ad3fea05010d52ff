"""A read workbook back as the values of an isian: Identitas fields and rows per sheet, keyed
by schema column, each value as the user typed it.

`template_bytes(identitas=..., rows=...)` writes them as a new isian through the one schema:
this is how next year's workbook (`rollover`) and the SIPD import (`impor_sipd`) make new
files without ever modifying the user's. Rows the model does not hold are carried as typed;
values outside the template's columns (which the reader names in findings) are not.
"""

from __future__ import annotations

from sakip_xlsx.lkip.model import Cell, Laporan
from sakip_xlsx.lkip.schema import IDENTITAS, PK, REALISASI, RENCANA_AKSI, RENSTRA, RKT, SDM, Jenis
from sakip_xlsx.lkip.values import as_typed
from sakip_xlsx.workbook.grid import column_index

Rows = dict[str, list[dict[str, object]]]


def typed(cell: Cell) -> object:
    """A value as the user typed it (their text), or the number a number cell held with the
    grade, percent or unit its format showed."""
    return as_typed(cell.value)


def identitas_values(laporan: Laporan) -> dict[str, object]:
    ident = laporan.identitas
    out: dict[str, object] = {}
    for col in IDENTITAS.columns:
        value = getattr(ident, col.key, None)
        out[col.key] = typed(value) if isinstance(value, Cell) else value
    if ident.logo_gambar:  # the picture travels with the sheet it was placed on
        out[LOGO_GAMBAR] = ident.logo_gambar
    return out


LOGO_GAMBAR = "logo_gambar"
"""The key of the Identitas picture among the values a new isian is written from."""


def rows_of(laporan: Laporan) -> Rows:
    """Every record of every data sheet, in the order the user wrote them; a row the model
    does not hold (a code used twice, a mistyped jenis, no code: each named by a finding) is
    carried as typed, so the new isian loses nothing and its check names it again."""
    made = {
        RENSTRA.name: _renstra(laporan),
        RKT.name: _rkt(laporan),
        PK.name: _pk(laporan),
        RENCANA_AKSI.name: _rencana_aksi(laporan),
        REALISASI.name: _realisasi(laporan),
        SDM.name: _sdm(laporan),
    }
    out: Rows = {}
    for sheet, rows in made.items():
        rows += _left_over(laporan, sheet, {number for number, _ in rows})
        out[sheet] = [record for _, record in sorted(rows, key=lambda pair: pair[0])]
    return out


Numbered = list[tuple[int, dict[str, object]]]
"""Records with the row each came from."""


def _left_over(laporan: Laporan, sheet: str, used: set[int]) -> Numbered:
    """The sheet's rows below its headings that hold a value in a template column but are in
    no record, as the user typed them (every column key present, None where blank)."""
    grid = laporan.grids.get(sheet)
    letters = laporan.columns.get(sheet, {})
    if grid is None or not letters:
        return []
    header = laporan.header_rows.get(sheet, 1)
    index = {key: column_index(letter) for key, letter in letters.items()}
    out = []
    for number in grid.row_numbers():
        if number <= header or number in used:
            continue
        line = grid.rows[number]
        record = {key: line.get(col) for key, col in index.items()}
        if any(value not in (None, "") for value in record.values()):
            out.append((number, record))
    return out


def _renstra(laporan: Laporan) -> Numbered:
    out = []
    for ind in laporan.indikator.values():
        row: dict[str, object] = {
            "jenis": ind.jenis,
            "kode": ind.kode_sasaran,
            "kode_induk": ind.kode_induk,
            "uraian": ind.uraian,
            "kode_indikator": ind.kode,
            "indikator": ind.indikator,
            "satuan": ind.satuan,
            "polaritas": ind.polaritas,
            "metode_tahunan": ind.metode_tahunan if ind.metode_tahunan_diisi else None,
            "kondisi_awal": typed(ind.kondisi_awal),
            "target_akhir": typed(ind.target_akhir),
            "iku": "Ya" if ind.iku else "Tidak",
        }
        for year, cell in ind.targets.items():
            row[f"target:{year}"] = typed(cell)
        out.append((ind.row, row))
    return out


def _rkt(laporan: Laporan) -> Numbered:
    items: Numbered = []
    for t in laporan.rkt_target.values():
        record = {
            "jenis": Jenis.INDIKATOR_SASARAN,
            "kode": t.kode,
            "uraian": t.uraian,
            "indikator": t.indikator,
            "satuan": t.satuan,
            "target": typed(t.target),
        }
        items.append((t.row, record))
    for item in laporan.rkt.values():
        record = {
            "jenis": item.jenis,
            "kode": item.kode,
            "kode_induk": item.kode_induk,
            "uraian": item.uraian,
            "indikator": item.indikator,
            "satuan": item.satuan,
            "target": typed(item.target),
            "pagu": typed(item.pagu),
        }
        items.append((item.row, record))
    return items


def _pk(laporan: Laporan) -> Numbered:
    return [
        (
            p.row,
            {
                "kode": p.kode,
                "uraian": p.uraian,
                "indikator": p.indikator,
                "satuan": p.satuan,
                "target": typed(p.target),
                "anggaran": typed(p.anggaran),
                "keterangan": p.keterangan,
            },
        )
        for p in laporan.pk
    ]


def _rencana_aksi(laporan: Laporan) -> Numbered:
    out = []
    for ra in laporan.rencana_aksi.values():
        metode = ra.metode if ra.metode_diisi else None  # never an assumed default
        row: dict[str, object] = {"kode": ra.kode, "uraian": ra.uraian, "metode": metode}
        for q, cell in enumerate(ra.targets, start=1):
            row[f"target_tw{q}"] = typed(cell)
        out.append((ra.row, row))
    return out


def _realisasi(laporan: Laporan) -> Numbered:
    out = []
    for rea in laporan.realisasi.values():
        row: dict[str, object] = {
            "kode": rea.kode,
            "uraian": rea.uraian,
            "realisasi": typed(rea.realisasi),
            "realisasi_anggaran": typed(rea.anggaran),
            "realisasi_nasional": typed(rea.nasional),
            "faktor_pendorong": rea.faktor_pendorong,
            "faktor_penghambat": rea.faktor_penghambat,
            "upaya": rea.upaya,
            "sumber": rea.sumber,
        }
        for q, cell in enumerate(rea.triwulan, start=1):
            row[f"realisasi_tw{q}"] = typed(cell)
        for year, cell in rea.tahun_lalu.items():
            row[f"realisasi_lalu:{year}"] = typed(cell)
        out.append((rea.row, row))
    return out


def _sdm(laporan: Laporan) -> Numbered:
    return [
        (
            p.row,
            {
                "jabatan": p.jabatan,
                "status": p.status,
                "golongan": p.golongan,
                "pendidikan": p.pendidikan,
                "unit_kerja": p.unit_kerja,
                "keterangan": p.keterangan,
            },
        )
        for p in laporan.sdm
    ]
