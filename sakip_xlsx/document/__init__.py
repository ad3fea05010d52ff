"""The completed LKIP as a format-neutral document: its tables in order, built from the model
and the results. Renderers (the xlsx workbook, the DOCX document) read it; none of them
computes a figure."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sakip_xlsx.document.sources import Sources
from sakip_xlsx.document.spec import Column, Table
from sakip_xlsx.document.summary import GRAFIK, NARASI, RINGKASAN, TEMUAN, grafik, narasi, ringkasan
from sakip_xlsx.document.tables import NAMES, built
from sakip_xlsx.lkip.findings import Finding
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.workbook.reviu import SHEET as REVIU

__all__ = [
    "GRAFIK",
    "NARASI",
    "ORDER",
    "RINGKASAN",
    "TEMUAN",
    "Arrangement",
    "Sources",
    "Table",
    "lkip_document",
    "ringkasan",
    "tables",
]

ORDER = [RINGKASAN, TEMUAN, REVIU, NARASI, *NAMES, GRAFIK]
"""The LKIP's order (Ringkasan, Temuan and Narasi first, then Bab I, Bab II, Bab III,
monitoring)."""


def tables(hasil: Hasil) -> Iterator[Table]:
    """Every table but Ringkasan (which also needs the findings of writing), one at a time, so
    a renderer can write each and let it go: a table refers only to tables before it here."""
    src = Sources(hasil.laporan, hasil)
    yield from built(src)
    yield grafik(src)  # refers to Tabel 3.1 and 3.8


def summary(hasil: Hasil, findings: list[Finding]) -> Table:
    """Ringkasan: the ikhtisar figures, and the findings counted."""
    return ringkasan(Sources(hasil.laporan, hasil), findings)


def narration(hasil: Hasil, findings: list[Finding]) -> Table:
    """Narasi: the document's sentences, for the workbook."""
    return narasi(Sources(hasil.laporan, hasil), findings)


def lkip_document(hasil: Hasil, findings: list[Finding]):
    """The LKIP document (`lkip.LkipDocument`, cover to lampiran) over the same tables as the
    workbook. Imported on use: `fill` without `--dokumen` never needs it."""
    from sakip_xlsx.document.lkip import build

    return build(hasil, findings, {table.name: table for table in tables(hasil)})


def _same(names: list[str]) -> list[str]:
    return names


def _declared(table: Table) -> list[Column]:
    return table.columns


@dataclass(frozen=True)
class Arrangement:
    """Where a renderer puts things: the order of the tables and of each table's columns.
    Declared order by default; any other order gives the same figures (tests permute both)."""

    order: Callable[[list[str]], list[str]] = field(default=_same)
    columns: Callable[[Table], list[Column]] = field(default=_declared)
