"""Every finding code: a minimal case that triggers it at the expected cell, and the clean
workbook that does not. A registered code without a case here fails the suite."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from sakip_xlsx import checks  # noqa: F401 - registers the check codes
from sakip_xlsx.completed import book  # noqa: F401 - registers the writer's code
from sakip_xlsx.findings import REGISTRY
from sakip_xlsx.pipeline import check, fill
from sakip_xlsx.report import README_END, README_START, rules_markdown
from tests.helpers import minimal_rows, write_workbook

ROOT = Path(__file__).resolve().parent.parent


def _set(sheet, index, **values):
    def change(rows, ident):
        rows[sheet][index].update(values)

    return change


def _ident(**values):
    def change(rows, ident):
        ident.update(values)

    return change


def _append(sheet, **values):
    def change(rows, ident):
        rows[sheet].append(values)

    return change


def _drop(sheet, index):
    def change(rows, ident):
        del rows[sheet][index]

    return change


def _post(fn):
    """A change made afterwards in the saved workbook, as a user would in Excel."""
    fn.post = True
    return fn


SUB = "7.01.01.2.02.01"
LONG_CODE = "S" + "1" * 299  # a code longer than a formula's text may be


def _on_fill(fn):
    """A finding that writing the completed workbook raises (checked through `fill`)."""
    fn.on_fill = True
    return fn


def _long_sasaran_code(rows, ident):
    rows["Renstra"][1]["kode"] = LONG_CODE
    rows["RKT"][1]["kode_induk"] = LONG_CODE


def _title_row(wb):
    ws = wb["Realisasi"]
    ws.insert_rows(1)
    ws["A1"] = "Realisasi kinerja 2024"


def _identitas_row(label, value):
    def change(wb):
        wb["Identitas"]["A30"] = label
        wb["Identitas"]["B30"] = value

    return change


# code -> (change, expected location)
CASES = {
    "STR-001": (_post(lambda wb: wb.remove(wb["PK"])), "PK"),
    "STR-002": (_post(lambda wb: wb["Renstra"].__setitem__("F1", "Nama indikator")), "Renstra!A1"),
    "STR-003": (_post(lambda wb: wb["RKT"].__setitem__("Z1", "Catatan")), "RKT!Z1"),
    "STR-004": (_set("RKT", 1, kode_induk=""), "RKT!C3"),
    "STR-005": (
        _append(
            "RKT", jenis="Sub Kegiatan", kode=SUB, kode_induk="7.01.01.2.02", uraian="Ganda", pagu=1
        ),
        "RKT!B6",
    ),
    "STR-006": (
        _append("RKT", jenis="Kegiatan", kode="9.99.1", kode_induk="9.99", uraian="Yatim"),
        "RKT!C6",
    ),
    "STR-007": (_append("Realisasi", kode="X1", realisasi=5), "Realisasi!A4"),
    "STR-008": (
        _append(
            "RKT",
            jenis="Sub Kegiatan",
            kode="7.01.01.2.02.02",
            kode_induk="7.01.01",
            uraian="Salah induk",
            pagu=1,
        ),
        "RKT!C6",
    ),
    "STR-009": (_post(lambda wb: wb["Realisasi"].merge_cells("B2:B3")), "Realisasi!B2"),
    "STR-010": (
        _post(lambda wb: wb["Realisasi"].__setitem__("XFD1048576", "x")),
        "Realisasi!XFD1048576",
    ),
    "STR-011": (_post(_title_row), "Realisasi!A1"),
    "STR-012": (_post(_identitas_row("Kode pos", "68164")), "Identitas!B30"),
    "STR-013": (_post(_identitas_row("Nama instansi", "Dinas Lain")), "Identitas!A30"),
    "STR-014": (_set("Realisasi", 0, realisasi_anggaran=5), "Realisasi!H2"),
    "ANG-006": (_append("Realisasi", kode="7.01.01", realisasi_anggaran=5), "Realisasi!H4"),
    "TUL-001": (_on_fill(_long_sasaran_code), "Tabel 3.7!E7"),
    "BACA-001": (_set("Realisasi", 0, realisasi="banyak"), "Realisasi!G2"),
    "BACA-002": (_set("Realisasi", 0, realisasi="#DIV/0!"), "Realisasi!G2"),
    "BACA-003": (_set("Realisasi", 0, realisasi=dt.datetime(2024, 8, 1)), "Realisasi!G2"),
    "BACA-004": (_post(lambda wb: wb["Realisasi"].__setitem__("G2", "=70+2")), "Realisasi!G2"),
    "BACA-005": (_set("Rencana Aksi", 0, target_tw1="20 Kali"), "Rencana Aksi!C2"),
    "BACA-006": (_set("Rencana Aksi", 0, target_tw1=0.2), "Rencana Aksi!C2"),
    "BACA-007": (_set("Renstra", 1, polaritas="Kadang"), "Renstra!H3"),
    "BACA-008": (_set("Rencana Aksi", 0, target_tw2="Tw 5. 20"), "Rencana Aksi!D2"),
    "BACA-009": (_set("Realisasi", 0, realisasi=True), "Realisasi!G2"),
    "HIT-001": (_set("Realisasi", 0, realisasi=None), "Realisasi!G2"),
    "PK-001": (_set("PK", 0, target="85%"), "PK!E2"),
    "PK-002": (_set("RKT", 0, target=75), "RKT!G2"),
    "PK-003": (_set("PK", 1, anggaran=999), "PK!F3"),
    "PK-004": (_set("Renstra", 0, iku="Ya"), "Renstra!P2"),
    "PK-005": (
        lambda rows, ident: (rows["Renstra"][1].update(iku="Tidak"), rows["PK"].pop(0)),
        "Renstra!E3",
    ),
    "RKT-001": (_drop("RKT", 0), "Renstra!E3"),
    "ANG-001": (_ident(belanja_operasi=500_000, belanja_modal=100_000), "Identitas!B17"),
    "ANG-002": (_set("RKT", 1, pagu=5), "RKT!H3"),
    "ANG-003": (_set("Realisasi", 1, realisasi_anggaran=2_000_000), "Realisasi!H3"),
    "ANG-004": (_drop("Realisasi", 1), "RKT!B5"),
    "ANG-005": (_set("RKT", 3, pagu=None), "RKT!H5"),
    "SAT-001": (_set("RKT", 0, satuan="Persen"), "RKT!F2"),
    "RA-001": (_set("Rencana Aksi", 0, target_tw4=30), "Rencana Aksi!F2"),
    "RA-002": (
        _set("Rencana Aksi", 0, target_tw1=None, target_tw2=None, target_tw3=None, target_tw4=None),
        "Rencana Aksi!C2",
    ),
    "RA-003": (_set("Realisasi", 0, realisasi_tw1=20, realisasi_tw2=-5), "Realisasi!D2"),
    "NIL-001": (_set("Realisasi", 0, realisasi=-5), "Realisasi!G2"),
    "NIL-002": (_set("Realisasi", 0, realisasi="120%"), "Realisasi!G2"),
    "CAP-001": (_set("Realisasi", 0, realisasi="130%"), "Realisasi!G2"),
    "CAP-002": (_set("Realisasi", 0, realisasi="30%"), "Realisasi!G2"),
    "EFI-001": (_set("Realisasi", 0, realisasi="40%"), "Renstra!D3"),
    "EFI-002": (_set("RKT", 1, kode_induk="T1"), "Renstra!B3"),
    "IDN-001": (_ident(tahun_laporan=2030), "Identitas!B4"),
    "IDN-002": (_ident(periode_akhir=2027), "Renstra!A1"),
    "IDN-003": (_ident(pagu_tahun_lalu=100, realisasi_tahun_lalu=200), "Identitas!B20"),
    "SDM-001": (_set("SDM", 0, golongan=None), "SDM!C2"),
    "SDM-002": (_set("SDM", 0, pendidikan="Pesantren"), "SDM!D2"),
}


def _build(tmp_path: Path, change) -> Path:
    rows, ident = minimal_rows(), {}
    if change is not None and not getattr(change, "post", False):
        change(rows, ident)
    path = write_workbook(tmp_path / "case.xlsx", rows, identitas=ident)
    if change is not None and getattr(change, "post", False):
        wb = openpyxl.load_workbook(path)
        change(wb)
        wb.save(path)
    return path


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return check(_build(tmp_path_factory.mktemp("clean"), None)).findings


def test_clean_workbook_has_no_findings(clean):
    assert clean == []


def test_every_registered_code_has_a_case():
    assert set(REGISTRY) == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_triggers_at_its_cell(code, tmp_path, clean):
    change, location = CASES[code]
    path = _build(tmp_path, change)
    if getattr(change, "on_fill", False):
        findings = fill(path, tmp_path / "lengkap.xlsx").findings
    else:
        findings = check(path).findings
    got = {(f.code, f.location) for f in findings}
    assert (code, location) in got, sorted(got)
    assert code not in {f.code for f in clean}
    item = next(f for f in findings if f.code == code)
    assert item.message and item.suggestion
    assert item.severity is REGISTRY[code].severity


def test_readme_lists_every_code():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text[text.index(README_START) + len(README_START) : text.index(README_END)]
    assert block.strip() == rules_markdown(), "run: python -m sakip_xlsx.report README.md"


# --- the Puger example ----------------------------------------------------------------------

PUGER_CHECKS = {
    ("RA-001", "Rencana Aksi!F2"),  # IS1: 4 x 25 % = 100 against the annual 90 %
    ("RA-001", "Rencana Aksi!F3"),  # IKM: 4 x 25 % against the annual 90
    ("RA-001", "Rencana Aksi!F6"),  # gaji: 3+4+4+3 = 14 against 18 orang
    ("RA-002", "Rencana Aksi!C5"),  # sasaran 4: no quarterly target at all
    ("CAP-002", "Realisasi!G8"),  # peralatan kantor: 1 of 7 paket = 14 %
    ("CAP-001", "Realisasi!G12"),  # peralatan dan mesin: 70 of 35 unit = 200 %
    ("EFI-001", "Renstra!D5"),  # IKM 91 % against serapan 99,83 %: not efficient
    ("PK-004", "Renstra!R2"),  # IKU Nilai SAKIP not in the PK
    ("PK-004", "Renstra!R4"),  # IKU Jumlah Dokumen not in the PK
    ("RKT-001", "Renstra!E7"),  # sasaran 4 has no RKT target row
}


def test_puger_findings_include_its_documents_contradictions(puger_path):
    from tests.test_reader import PUGER_READING_PROBLEMS

    got = {(f.code, f.location) for f in check(puger_path).findings}
    assert got == PUGER_CHECKS | PUGER_READING_PROBLEMS


def test_deliberate_faults_yield_exactly_the_expected_findings(puger_path, tmp_path):
    base = {(f.code, f.location) for f in check(puger_path).findings}
    broken = tmp_path / "rusak.xlsx"
    shutil.copy(puger_path, broken)
    wb = openpyxl.load_workbook(broken)
    wb["PK"]["E4"] = 95  # sasaran 3 PK target changed from 100
    wb["Realisasi"]["H7"] = "Rp 5.000.000"  # pakaian dinas: realisasi above its 4.042.600 pagu
    rkt = wb["RKT"]
    for col, value in zip(
        "ABCDH", ("Sub Kegiatan", "P1.5.4", "P1.5", "Duplikat", 1000), strict=True
    ):
        rkt[f"{col}33"] = value  # a duplicated sub kegiatan code
    for col, value in zip(
        "ABCD", ("Kegiatan", "P9.1", "P9", "Kegiatan tanpa program"), strict=True
    ):
        rkt[f"{col}34"] = value  # a kegiatan whose program does not exist
    wb.save(broken)
    got = {(f.code, f.location) for f in check(broken).findings}
    assert got - base == {
        ("PK-001", "PK!E4"),  # PK 95 against Renstra 100
        ("PK-002", "RKT!G4"),  # RKT 100 against PK 95
        ("RA-001", "Rencana Aksi!F4"),  # the quarters (4 x 25 %) no longer reach the target
        ("ANG-003", "Realisasi!H7"),
        ("STR-005", "RKT!B33"),
        ("STR-006", "RKT!C34"),
    }
    assert base - got == set()


def test_not_assessed_without_a_realisasi_row_points_at_the_renstra_row(tmp_path):
    path = _build(tmp_path, _drop("Realisasi", 0))
    found = {(f.code, f.location) for f in check(path).findings}
    assert ("HIT-001", "Renstra!E3") in found
