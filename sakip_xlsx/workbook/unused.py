"""Values typed in a column that the row's kind does not use are named, never dropped.

A *Realisasi anggaran* typed on a program's row, a pagu on an *Indikator Sasaran* row, a
golongan for a Non ASN employee: the reader parses them like any other cell, but no figure of
the LKIP depends on them. The schema says which row kinds each column applies to
(`Column.applies_to`); this module finds every value outside that and reports it at its cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sakip_xlsx.lkip import findings as F
from sakip_xlsx.lkip.model import Laporan
from sakip_xlsx.lkip.schema import (
    REALISASI,
    RENSTRA,
    RKT,
    SDM,
    Jenis,
    SheetSpec,
)

if TYPE_CHECKING:
    from sakip_xlsx.workbook.reader import RawRow


def code_kind(laporan: Laporan, kode: str) -> str | None:
    """What a code in PK, Rencana Aksi or Realisasi names: an indicator of a tujuan or a
    sasaran, or a program, kegiatan or sub kegiatan; None when it names nothing known."""
    ind = laporan.indikator.get(kode)
    if ind is not None:
        return Jenis.INDIKATOR_TUJUAN if ind.jenis == Jenis.TUJUAN else Jenis.INDIKATOR_SASARAN
    item = laporan.rkt.get(kode)
    return item.jenis if item is not None else None


def _row_kind(spec: SheetSpec, laporan: Laporan) -> Callable[[RawRow], str | None]:
    if spec.name == RENSTRA.name or spec.name == RKT.name:
        return lambda raw: raw.choices.get("jenis")
    if spec.name == SDM.name:
        return lambda raw: raw.choices.get("status")
    return lambda raw: code_kind(laporan, raw.texts.get("kode", ""))


def unused_values(laporan: Laporan, spec: SheetSpec, rows: list[RawRow]) -> None:
    """Name the values of `spec`'s rows in columns their kind does not use. Called as each
    sheet is read: the kind of a PK, Rencana Aksi or Realisasi row comes from the Renstra and
    RKT, which are read before them."""
    if spec.name == REALISASI.name:
        _realisasi_years(laporan, rows)
    if not rows:
        return
    kind_of = _row_kind(spec, laporan)
    limited = {col.key: col for col in spec.columns if col.applies_to}
    for raw in rows:
        kind = kind_of(raw)
        if kind is None:
            continue  # the row's kind is itself unreadable or unknown: reported already
        for key in raw.letters:
            col = limited.get(key.split(":")[0])
            if col is None or kind in col.applies_to or not _has_value(raw, key):
                continue
            ref = raw.ref(key)
            header = col.header.replace("{year}", key.partition(":")[2]).strip()
            # a pegawai row is named by its jabatan, every other row by its code
            pegawai = spec.name == SDM.name
            who = "jabatan" if pegawai else "kode"
            laporan.findings.append(
                F.finding(
                    F.NOT_APPLICABLE,
                    spec.name,
                    ref,
                    variant="pegawai" if pegawai else None,
                    sel=ref,
                    kolom=header,
                    jenis=kind.lower(),
                    berlaku=_list(col.applies_to),
                    **{who: raw.texts.get(who, "")},
                )
            )


def _has_value(raw: RawRow, key: str) -> bool:
    cell = raw.cells.get(key)
    if cell is not None:
        return cell.value.raw is not None or cell.value.number is not None
    return bool(raw.texts.get(key) or raw.choices.get(key))


def _list(kinds: tuple[str, ...]) -> str:
    names = [k.lower() for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def _realisasi_years(laporan: Laporan, rows: list[RawRow]) -> None:
    """Realisasi of earlier years count from the Renstra period's first year up to the year
    before the report; a column for any other year is not used, and its values are named."""
    ident = laporan.identitas
    tahun = ident.tahun_laporan
    if tahun is None:
        return
    awal = ident.periode_awal or (laporan.years[0] if laporan.years else tahun)
    letters = laporan.columns.get(REALISASI.name, {})
    for key in sorted(letters):
        if not key.startswith("realisasi_lalu:"):
            continue
        year = int(key.partition(":")[2])
        if min(awal, tahun - 1) <= year < tahun:  # last year counts even before the period
            continue
        cells = [raw.ref(key) for raw in rows if _has_value(raw, key)]
        if not cells:
            continue
        laporan.findings.append(
            F.finding(
                F.NOT_APPLICABLE,
                REALISASI.name,
                cells[0],
                tuple(f"{REALISASI.name}!{ref}" for ref in cells[1:]),
                variant="tahun_laporan" if year == tahun else "luar_periode",
                tahun=year,
                awal=awal,
                akhir=tahun - 1,
                jumlah=len(cells),
            )
        )
