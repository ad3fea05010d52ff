"""Nothing typed is silently ignored: every non-empty cell of an input sheet is either used (the
completed workbook's output tables change) or named in a finding of `check()`.

The harness starts from a baseline workbook in which every row kind exists: Renstra tujuan and
sasaran indicators; RKT indikator sasaran, program, kegiatan and sub kegiatan; Rencana Aksi, PK
and Realisasi rows for a tujuan indicator, a sasaran indicator, a program, a kegiatan and a sub
kegiatan; SDM rows for ASN and Non ASN; every Identitas field. Each perturbation then writes one
value into one cell, one perturbation per workbook:

- every column of the schema on every row kind (every Identitas field), with a value of the
  column's kind that differs from the baseline's (a number, a rupiah amount, another list
  choice, a code, a text, a year, a date);
- per-year columns for every year the template writes (the period for Target, the period's years
  before the report year for Realisasi) and for years it does not write, through an added header:
  Target 2030 (after the period), Realisasi 2019 (before it) and Realisasi 2024 (the report year);
- stray cells: a column without header right of the table, a far-away cell (AZ500), a row without
  kode, Identitas column C, an Identitas row with an unknown or a repeated label, and values under
  an unknown and under a repeated header.

A perturbation passes when a finding names its cell (as `sheet`/`cell`, or among the `related`
references), or when the output tables of the completed workbook change: the cached values of
every cell of the sheets "Tabel …", "Pemantauan …" and "Grafik", and of the Ringkasan sheet
without its rows about findings (those counts change with any finding), compared with those of
the perturbation's own baseline (the same workbook without the value, and with any added header).
A value in a descriptive column (text for the reader: an uraian, a keterangan, the Identitas
Keterangan column) also passes when the completed workbook carries it at the same cell.
"""

from __future__ import annotations

import copy
import datetime as dt
import multiprocessing
import os
import posixpath
import warnings
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from sakip_xlsx.commands.pipeline import check, fill
from sakip_xlsx.lkip.findings import Severity
from sakip_xlsx.lkip.schema import (
    INPUT_SHEETS,
    Column,
    Kind,
    SheetSpec,
    normalise_header,
    years_for,
)
from tests.helpers import MINIMAL_IDENTITAS, minimal_rows, write_workbook

TAHUN = 2024
PERIODE = (2023, 2026)
OUTPUT_PREFIXES = ("Tabel", "Pemantauan", "Grafik")
SUMMARY_SHEET = "Ringkasan"
FINDINGS_ROWS = "temuan"
INPUTS = "(sheet isian)"
INPUT_NAMES = {spec.name for spec in INPUT_SHEETS}
"""Ringkasan rows whose label mentions this count findings; they are left out of the
fingerprint, or every finding anywhere would count as a use."""

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

IT1, IS1 = "IT1", "IS1"
PROGRAM, KEGIATAN, SUB = "7.01.01", "7.01.01.2.02", "7.01.01.2.02.01"

Rows = dict[str, list[dict[str, object]]]
Change = Callable[[Rows, dict[str, object]], None]
Post = Callable[[openpyxl.Workbook], None]


# --- the baseline: every row kind of every sheet, filled as a user would -----------------------


def baseline_rows() -> Rows:
    rows = minimal_rows()
    tujuan, sasaran = rows["Renstra"]
    tujuan.update(
        {
            "metode_tahunan": "Akhir",
            "kondisi_awal": 60,
            "target:2023": 65,
            "target:2024": 70,
            "target:2025": 75,
            "target:2026": 80,
            "target_akhir": 80,
            "iku": "Tidak",
        }
    )
    sasaran.update(
        {
            "metode_tahunan": "Akhir",
            "kondisi_awal": "70%",
            "target:2023": "75%",
            "target:2026": "85%",
        }
    )
    rkt = {record["jenis"]: record for record in rows["RKT"]}
    rkt["Indikator Sasaran"].update(indikator="Persentase layanan", satuan="%")
    rkt["Program"].update(indikator="Persentase dokumen tepat waktu", satuan="%", target="90%")
    rkt["Kegiatan"].update(indikator="Jumlah dokumen", satuan="Dokumen", target="4 Dokumen")
    rows["Rencana Aksi"] = [
        _rencana(IT1, "Tujuan", (70, 70, 70, 70), "Akhir"),
        _rencana(IS1, "Sasaran satu", (20, 20, 20, 20), "Jumlah"),
        _rencana(PROGRAM, "Program A", (90, 90, 90, 90), "Akhir"),
        _rencana(KEGIATAN, "Kegiatan A", (1, 1, 1, 1), "Jumlah"),
        _rencana(SUB, "Sub A", (3, 3, 3, 3), "Jumlah"),
    ]
    rows["PK"] = [
        _pk(IT1, "Tujuan", indikator="Indeks tujuan", satuan="Indeks", target=70),
        _pk(IS1, "Sasaran satu", indikator="Persentase layanan", satuan="%", target="80%"),
        _pk(PROGRAM, "Program A", anggaran=1000000),
        _pk(KEGIATAN, "Kegiatan A", anggaran=1000000),
        _pk(SUB, "Sub A", anggaran=1000000),
    ]
    rows["Realisasi"] = [
        _realisasi(IT1, "Tujuan", (68, 69, 70, 72), 72, realisasi_nasional=71, lalu=66),
        _realisasi(
            IS1, "Sasaran satu", (18, 18, 18, 18), "72%", realisasi_nasional="75%", lalu="70%"
        ),
        _realisasi(PROGRAM, "Program A", (85, 86, 87, 88), "88%"),
        _realisasi(KEGIATAN, "Kegiatan A", (1, 1, 1, 1), "4 Dokumen"),
        _realisasi(SUB, "Sub A", (3, 3, 3, 3), "12 Laporan", realisasi_anggaran="Rp 900.000"),
    ]
    rows["SDM"] = [
        {
            "jabatan": "Kepala Dinas",
            "status": "ASN",
            "golongan": "IV/c",
            "pendidikan": "S2",
            "unit_kerja": "Pimpinan",
            "keterangan": "Definitif",
        },
        {
            "jabatan": "Pengemudi",
            "status": "Non ASN",
            "pendidikan": "SMA/SMK",
            "unit_kerja": "Sekretariat",
            "keterangan": "Kontrak",
        },
    ]
    return rows


def _rencana(kode: str, uraian: str, targets: tuple, metode: str) -> dict[str, object]:
    record: dict[str, object] = {"kode": kode, "uraian": uraian, "metode": metode}
    record.update({f"target_tw{q}": t for q, t in enumerate(targets, start=1)})
    return record


def _pk(kode: str, uraian: str, **values: object) -> dict[str, object]:
    return {"kode": kode, "uraian": uraian, **values, "keterangan": "APBD"}


def _realisasi(
    kode: str, uraian: str, triwulan: tuple, tahunan: object, lalu: object = None, **values
) -> dict[str, object]:
    record: dict[str, object] = {"kode": kode, "uraian": uraian, "realisasi": tahunan}
    record.update({f"realisasi_tw{q}": v for q, v in enumerate(triwulan, start=1)})
    if lalu is not None:
        record[f"realisasi_lalu:{PERIODE[0]}"] = lalu
    return {**record, **values, "sumber": "Laporan bidang"}


BASELINE_IDENTITAS: dict[str, object] = {
    **MINIMAL_IDENTITAS,
    "tahun_laporan": TAHUN,
    "periode_awal": PERIODE[0],
    "periode_akhir": PERIODE[1],
    "kepala_nip": "197001011990031001",
    "kepala_pangkat": "Pembina Tk. I (IV/b)",
    "atasan_nama": "Nama Bupati",
    "atasan_jabatan": "Bupati Contoh",
    "tempat": "Kota Contoh",
    "tanggal": dt.date(2025, 1, 29),
    "belanja_operasi": 800000,
    "belanja_modal": 200000,
    "pagu_tahun_lalu": 900000,
    "realisasi_tahun_lalu": 850000,
    "batas_capaian": "100",
    "skala_predikat": "PermenPANRB 88/2021",
    "metode_efisiensi": "Rasio capaian/serapan",
}

_CODE_ROWS = ["tujuan indikator", "sasaran indikator", "program", "kegiatan", "sub kegiatan"]
ROW_KINDS: dict[str, list[str]] = {
    "Renstra": ["tujuan indikator", "sasaran indikator"],
    "RKT": ["indikator sasaran", "program", "kegiatan", "sub kegiatan"],
    "Rencana Aksi": _CODE_ROWS,
    "PK": _CODE_ROWS,
    "Realisasi": _CODE_ROWS,
    "SDM": ["ASN", "Non ASN"],
}
"""Per table sheet, the row kind of each baseline record, in order."""

EXTRA_YEARS: dict[str, list[tuple[str, int]]] = {
    "Renstra": [("target", PERIODE[1] + 4)],
    "Realisasi": [("realisasi_lalu", PERIODE[0] - 4), ("realisasi_lalu", TAHUN)],
}
"""Year columns the template does not write for this period; added as a header."""

NO_KODE_COLUMN = {
    "Renstra": ("target", TAHUN),
    "RKT": ("pagu", None),
    "Rencana Aksi": ("target_tw1", None),
    "PK": ("anggaran", None),
    "Realisasi": ("realisasi_anggaran", None),
    "SDM": ("unit_kerja", None),
}
"""The column filled on a row whose kode (SDM: jabatan and status) is left empty."""


def template_years(col: Column) -> list[int]:
    """The years of a per-year family the template writes for this period."""
    return years_for(col, TAHUN, PERIODE)


def _key(col: Column, year: int | None) -> str:
    return f"{col.key}:{year}" if year is not None else col.key


def value_for(col: Column, current: object = None) -> object:
    """A value of the column's kind that differs from what the baseline has (or defaults to)."""
    if col.kind is Kind.MEASURE:
        return 8 if current == 7 else 7
    if col.kind is Kind.RUPIAH:
        return 1234567
    if col.kind in (Kind.CHOICE, Kind.SUGGEST) and col.choices:
        have = current if current not in (None, "") else col.default
        return next(choice for choice in col.choices if choice != have)
    if col.kind is Kind.CODE:
        return "ZZ9"
    if col.kind is Kind.YEAR:
        return int(current) + 1 if current else TAHUN
    if col.kind is Kind.DATE:
        return dt.date(2025, 2, 14)
    return "Teks uji"


def cached_values(path: Path) -> dict[str, dict[int, dict[str, str]]]:
    """Per sheet, per row number, per cell reference: the value stored in the sheet XML (the
    cached result for a formula). Reading the XML directly is ten times faster than openpyxl."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") or "" for rel in rels}
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            strings = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{_M}t")) for si in strings]
        out: dict[str, dict[int, dict[str, str]]] = {}
        for item in book.iter(f"{_M}sheet"):
            target = targets[item.get(f"{_R}id")]
            part = target[1:] if target.startswith("/") else posixpath.join("xl", target)
            rows: dict[int, dict[str, str]] = {}
            for row in ET.fromstring(z.read(posixpath.normpath(part))).iter(f"{_M}row"):
                cells = {}
                for c in row.iter(f"{_M}c"):
                    kind, v = c.get("t"), c.find(f"{_M}v")
                    if kind == "s" and v is not None:
                        value = shared[int(v.text or 0)]
                    elif kind == "inlineStr":
                        value = "".join(t.text or "" for t in c.iter(f"{_M}t"))
                    else:
                        value = "" if v is None else v.text or ""
                    if value:
                        cells[c.get("r") or ""] = value
                if cells:
                    rows[int(row.get("r") or 0)] = cells
            out[item.get("name") or ""] = rows
        return out


# --- perturbations ----------------------------------------------------------------------------


@dataclass
class Case:
    sheet: str
    kind: str
    column: str
    cell: str
    change: Change | None = None
    """An edit of the records and Identitas values the template is written from."""
    post: Post | None = None
    """An edit of the saved workbook with openpyxl, as a user would make it in Excel."""
    variant: str = ""
    """The baseline compared with, a key of `Harness.variants`: by default the workbook as
    written, or for a case edited with openpyxl the same workbook saved by openpyxl."""
    also: tuple[str, ...] = ()
    """Further cells the case writes (an Identitas label); a finding there reports it too."""
    descriptive: bool = False
    """A column of text for the reader (schema `descriptive`, Identitas' Keterangan column):
    used when the completed workbook carries the typed text at the same cell."""

    @property
    def baseline(self) -> str:
        return self.variant or ("openpyxl" if self.post else "")

    @property
    def label(self) -> str:
        return f"{self.sheet} | {self.kind} | {self.column} | {self.cell}"


def _set_record(sheet_name: str, index: int, key: str, value: object) -> Change:
    def change(rows: Rows, ident: dict[str, object]) -> None:
        rows[sheet_name][index][key] = value

    return change


def _set_ident(key: str, value: object) -> Change:
    def change(rows: Rows, ident: dict[str, object]) -> None:
        ident[key] = value

    return change


def _append(sheet_name: str, key: str, value: object) -> Change:
    def change(rows: Rows, ident: dict[str, object]) -> None:
        rows[sheet_name].append({key: value})

    return change


def _put(sheet_name: str, *cells: tuple[str, object]) -> Post:
    def post(wb: openpyxl.Workbook) -> None:
        for ref, value in cells:
            wb[sheet_name][ref] = value

    return post


def _noop(wb: openpyxl.Workbook) -> None:
    """An openpyxl round trip: the baseline of cases edited after saving."""


@dataclass
class Layout:
    """Where the baseline workbook put things, read back from it."""

    letters: dict[str, dict[str, str]]
    """Per table sheet: column key (`target:2024`) -> column letter."""
    free: dict[str, str]
    """Per sheet: the first column right of the table (Identitas: right of Keterangan)."""
    last_row: dict[str, int]
    identitas_rows: dict[str, int]


class Harness:
    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.count = 0
        self.rows = baseline_rows()
        self.layout = self._read_layout()
        self.variants: dict[str, Post | None] = {"": None, "openpyxl": _noop}
        self._baselines: dict[str, tuple[dict, list]] = {}
        self._cases: list[Case] | None = None

    # building

    def build(self, change: Change | None = None, posts: tuple[Post | None, ...] = ()) -> Path:
        self.count += 1
        rows, ident = copy.deepcopy(self.rows), dict(BASELINE_IDENTITAS)
        if change is not None:
            change(rows, ident)
        name = f"in-{os.getpid()}-{self.count}.xlsx"  # worker processes share the directory
        path = write_workbook(self.dir / name, rows, ident, TAHUN, PERIODE)
        posts = tuple(p for p in posts if p is not None)
        if posts:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wb = openpyxl.load_workbook(path)
            for post in posts:
                post(wb)
            wb.save(path)
        return path

    def _read_layout(self) -> Layout:
        layout = Layout({}, {}, {}, {})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(self.build(), read_only=True)
        for spec in INPUT_SHEETS:
            grid = [list(r) for r in wb[spec.name].iter_rows(values_only=True)]
            while grid and all(v is None for v in grid[-1]):
                grid.pop()
            layout.last_row[spec.name] = len(grid)
            if spec.key_value:
                labels = [normalise_header(str(line[0] or "")) if line else "" for line in grid]
                for col in spec.columns:
                    row = labels.index(normalise_header(col.header)) + 1
                    layout.identitas_rows[col.key] = row
                layout.free[spec.name] = "D"  # Isian, Nilai, Keterangan
                continue
            header = [normalise_header(str(v)) if v is not None else "" for v in grid[0]]
            letters = {}
            for col in spec.columns:
                for year in template_years(col) if col.per_year else [None]:
                    index = header.index(normalise_header(col.header_for(year)))
                    letters[_key(col, year)] = get_column_letter(index + 1)
            layout.letters[spec.name] = letters
            layout.free[spec.name] = get_column_letter(len([h for h in header if h]) + 1)
            first = spec.columns[0].key
            for index, record in enumerate(self.rows[spec.name]):  # records land from row 2
                assert grid[index + 1][0] == record.get(first), (spec.name, index)
        wb.close()
        return layout

    def header_variant(self, sheet_name: str, header: str) -> str:
        """A baseline with `header` added right of the sheet's table; returns its key."""
        ref = f"{self.layout.free[sheet_name]}1"
        key = f"{sheet_name}!{ref}={header}"
        self.variants.setdefault(key, _put(sheet_name, (ref, header)))
        return key

    # cases

    def cases(self) -> list[Case]:
        if self._cases is None:
            self._cases = self._all_cases()
        return self._cases

    def _all_cases(self) -> list[Case]:
        out: list[Case] = []
        for spec in INPUT_SHEETS:
            out += self._identitas_cases(spec) if spec.key_value else self._table_cases(spec)
            out += self._stray_cases(spec)
        return out

    def _identitas_cases(self, spec: SheetSpec) -> list[Case]:
        return [
            Case(
                spec.name,
                f"isian '{col.header}'",
                "Nilai",
                f"B{self.layout.identitas_rows[col.key]}",
                change=_set_ident(col.key, value_for(col, BASELINE_IDENTITAS.get(col.key))),
                descriptive=col.descriptive,
            )
            for col in spec.columns
        ]

    def _table_cases(self, spec: SheetSpec) -> list[Case]:
        out: list[Case] = []
        letters = self.layout.letters[spec.name]
        free = self.layout.free[spec.name]
        for index, kind in enumerate(ROW_KINDS[spec.name]):
            record, row = self.rows[spec.name][index], index + 2
            for col in spec.columns:
                for year in template_years(col) if col.per_year else [None]:
                    key = _key(col, year)
                    out.append(
                        Case(
                            spec.name,
                            kind,
                            col.header_for(year),
                            f"{letters[key]}{row}",
                            change=_set_record(
                                spec.name, index, key, value_for(col, record.get(key))
                            ),
                            descriptive=col.descriptive,
                        )
                    )
            for key, year in EXTRA_YEARS.get(spec.name, []):
                col = spec.column(key)
                header = col.header_for(year)
                out.append(
                    Case(
                        spec.name,
                        kind,
                        f"{header} (judul ditambahkan)",
                        f"{free}{row}",
                        post=_put(spec.name, (f"{free}{row}", value_for(col))),
                        variant=self.header_variant(spec.name, header),
                    )
                )
        return out

    def _stray_cases(self, spec: SheetSpec) -> list[Case]:
        name, free = spec.name, self.layout.free[spec.name]
        last = self.layout.last_row[name]
        out = [
            Case(name, "baris 2", "(tanpa judul)", f"{free}2", post=_put(name, (f"{free}2", 7))),
            Case(name, "baris 500", "(tanpa judul)", "AZ500", post=_put(name, ("AZ500", 7))),
        ]
        if spec.key_value:
            first = spec.columns[0]
            row = self.layout.identitas_rows[first.key]
            new = last + 1
            out += [
                Case(
                    name,
                    f"isian '{first.header}'",
                    "Keterangan (kolom C)",
                    f"C{row}",
                    post=_put(name, (f"C{row}", "Catatan pengguna")),
                    descriptive=True,
                ),
                Case(
                    name,
                    "label tidak dikenal 'Kode pos'",
                    "Nilai",
                    f"B{new}",
                    post=_put(name, (f"A{new}", "Kode pos"), (f"B{new}", "68164")),
                    also=(f"A{new}",),
                ),
                Case(
                    name,
                    f"label ganda '{first.header}'",
                    "Nilai",
                    f"B{new}",
                    post=_put(name, (f"A{new}", first.header), (f"B{new}", "Dinas Lain")),
                    also=(f"A{new}",),
                ),
            ]
            return out
        key, year = NO_KODE_COLUMN[name]
        col = spec.column(key)
        out.append(
            Case(
                name,
                "baris tanpa kode",
                col.header_for(year),
                f"{self.layout.letters[name][_key(col, year)]}{last + 1}",
                change=_append(name, _key(col, year), value_for(col)),
            )
        )
        if name == "Realisasi":
            for kind, header in (
                ("kolom tidak dikenal", "Catatan"),
                ("kolom ganda", "Sumber data"),
            ):
                out.append(
                    Case(
                        name,
                        kind,
                        header,
                        f"{free}2",
                        post=_put(name, (f"{free}2", "Teks uji")),
                        variant=self.header_variant(name, header),
                    )
                )
        return out

    # judging

    def baseline(self, variant: str) -> tuple[dict, list]:
        if variant not in self._baselines:
            path = self.build(posts=(self.variants[variant],))
            self._baselines[variant] = (self.fingerprint(path), check(path).findings)
        return self._baselines[variant]

    def fingerprint(self, path: Path) -> dict[str, dict[int, dict[str, str]]]:
        """Fill `path`; the cached values of the output tables of the completed workbook, and
        (under the key INPUTS) those of its normalised input sheets."""
        out = self.dir / f"{path.stem}-LKIP.xlsx"
        fill(path, out)
        tables = {}
        inputs = {}
        for name, rows in cached_values(out).items():
            if name == SUMMARY_SHEET:
                tables[name] = {
                    r: cells
                    for r, cells in rows.items()
                    if FINDINGS_ROWS not in next(iter(cells.values()), "").lower()
                }
            elif name.startswith(OUTPUT_PREFIXES):
                tables[name] = rows
            elif name in INPUT_NAMES:
                inputs[name] = rows
        tables[INPUTS] = inputs
        return tables

    def outcome(self, case: Case) -> str:
        """One of "reported", "used", "carried", "ignored" or "crash: <the exception>"."""
        fingerprint, _ = self.baseline(case.baseline)
        try:
            path = self.build(case.change, (self.variants[case.baseline], case.post))
            findings = check(path).findings
            cells = {case.cell, *case.also}
            names = {f"{case.sheet}!{cell}" for cell in cells}
            if any(
                (f.sheet == case.sheet and f.cell in cells) or names & set(f.related)
                for f in findings
            ):
                return "reported"
            mine = self.fingerprint(path)
            inputs, base_inputs = mine.pop(INPUTS), fingerprint[INPUTS]
            if mine != {k: v for k, v in fingerprint.items() if k != INPUTS}:
                return "used"
            if case.descriptive:
                row = int("".join(ch for ch in case.cell if ch.isdigit()))
                now = inputs.get(case.sheet, {}).get(row, {}).get(case.cell)
                before = base_inputs.get(case.sheet, {}).get(row, {}).get(case.cell)
                if now and now != before:
                    return "carried"
        except Exception as exc:  # a crash fails the cell too, and is listed with it
            return f"crash: {type(exc).__name__}: {str(exc)[:160]}"
        return "ignored"

    def outcomes(self, cases: list[Case]) -> list[str]:
        """`outcome` of each case, in forked worker processes where the platform has them."""
        if WORKERS < 2:
            return [self.outcome(case) for case in cases]
        for case in cases:  # computed once here, inherited by the workers
            self.baseline(case.baseline)
        everything = self.cases()
        indices = [next(i for i, c in enumerate(everything) if c is case) for case in cases]
        global _ACTIVE
        _ACTIVE = self
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
            return list(pool.map(_outcome_of, indices, chunksize=4))


_ACTIVE: Harness | None = None
WORKERS = (
    min(4, len(os.sched_getaffinity(0)))
    if hasattr(os, "sched_getaffinity") and "fork" in multiprocessing.get_all_start_methods()
    else 1
)


def _outcome_of(index: int) -> str:
    assert _ACTIVE is not None
    return _ACTIVE.outcome(_ACTIVE.cases()[index])


@pytest.fixture(scope="module")
def harness(tmp_path_factory) -> Harness:
    return Harness(tmp_path_factory.mktemp("used_or_reported"))


def test_baseline_is_valid_and_has_every_row_kind(harness):
    fingerprint, findings = harness.baseline("")
    assert [(f.code, f.location) for f in findings if f.severity is Severity.ERROR] == []
    assert all(fingerprint.values())
    kinds = {(c.sheet, c.kind) for c in harness.cases()}
    for name, row_kinds in ROW_KINDS.items():
        assert {(name, kind) for kind in row_kinds} <= kinds


@pytest.mark.parametrize("sheet_name", [spec.name for spec in INPUT_SHEETS])
def test_every_typed_cell_is_used_or_reported(harness, sheet_name):
    cases = [c for c in harness.cases() if c.sheet == sheet_name]
    assert cases
    outcomes = zip(cases, harness.outcomes(cases), strict=True)
    failures = [
        f"{case.label}: {outcome}"
        for case, outcome in outcomes
        if outcome not in ("used", "reported", "carried")
    ]
    assert not failures, (
        f"{len(failures)} of {len(cases)} cells typed in sheet {sheet_name} are neither used "
        "nor named in a finding (sheet | row kind | column | cell):\n" + "\n".join(failures)
    )


def test_the_harness_tells_used_reported_and_ignored_apart(harness):
    pendidikan = harness.layout.letters["SDM"]["pendidikan"]
    used = Case("SDM", "Non ASN", "Pendidikan", f"{pendidikan}3")
    used.change = _set_record("SDM", 1, "pendidikan", "S1")
    reported = Case("Realisasi", "sasaran indikator", "Kode", "A3")
    reported.change = _set_record("Realisasi", 1, "kode", "ZZ9")
    ignored = Case("Petunjuk", "-", "-", "A1", post=_put("Petunjuk", ("A1", "Isi bebas")))
    assert harness.outcome(used) == "used"
    assert harness.outcome(reported) == "reported"
    assert harness.outcome(ignored) == "ignored"
