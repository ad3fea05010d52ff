"""Every finding code: a minimal case that triggers it at the expected cell, and the clean
workbook that does not. A registered code without a case here fails the suite, and so does a
sentence (a variant of a code) that no case says, or says with a field left unfilled."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import check, fill
from sakip_xlsx.lkip import findings as F
from sakip_xlsx.lkip.checks import CHECKS
from sakip_xlsx.lkip.findings import REGISTRY
from sakip_xlsx.report import README_END, README_START, rules_markdown
from tests.helpers import minimal_rows, rewrite_sheet_xml, write_workbook

ROOT = Path(__file__).resolve().parent.parent


def _rows_of(sheet, keep):
    """Only the rows of `sheet` that `keep` accepts."""

    def change(rows, ident):
        rows[sheet] = [r for r in rows[sheet] if keep(r)]

    return change


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


def _duration(wb):
    """A realisasi cell formatted as a duration (`[h]:mm`), showing 26:00."""
    cell = wb["Realisasi"]["G2"]
    cell.value = dt.timedelta(hours=26)
    cell.number_format = "[h]:mm"


def _second_indicator(**row):
    """A further Renstra row, indicator IS2, under a sasaran given by `row`."""
    base = {"jenis": "Sasaran", "kode_induk": "T1", "kode_indikator": "IS2"}
    return _append("Renstra", **base, indikator="Indeks kedua", polaritas="Positif", **row)


def _copied_sheet(wb):
    copy = wb.copy_worksheet(wb["Realisasi"])
    copy.title = "Realisasi (2)"
    copy["G2"] = 99


def _long_other_sheet(wb):
    sheet = wb.create_sheet("Data SIPD")
    for row in range(1, 1_203):
        sheet.cell(row=row, column=1, value=row)


def _damaged_other_sheet(path: Path) -> None:
    """A further sheet whose XML is cut off (the workbook's own sheets stay whole)."""
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Catatan kerja")["A1"] = "catatan"
    wb.save(path)
    index = wb.sheetnames.index("Catatan kerja") + 1
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    parts[part] = parts[part][: len(parts[part]) // 2]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


_damaged_other_sheet.on_file = True


def _negative_shared_string(path: Path) -> None:
    """Realisasi G2 (72 %) points at shared string -1, which Python would read as the last."""
    rewrite_sheet_xml(path, "Realisasi", rb'(<c r="G2"[^>]*t="s"><v>)\d+', rb"\g<1>-1")


_negative_shared_string.on_file = True


def _typed_over_formula(path: Path) -> None:
    """The completed workbook of the case, a capaian typed over its formula, filled again."""
    done = path.with_name("lengkap-1.xlsx")
    fill(path, done)
    wb = openpyxl.load_workbook(done)
    wb["Realisasi"]["P2"] = 100  # Capaian (%)
    wb.save(path)


_typed_over_formula.on_file = True


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
        wb["Identitas"]["A60"] = label
        wb["Identitas"]["B60"] = value

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
    "STR-012": (_post(_identitas_row("Kode pos", "68164")), "Identitas!B60"),
    "STR-013": (_post(_identitas_row("Nama instansi", "Dinas Lain")), "Identitas!A60"),
    "STR-017": (_typed_over_formula, "Realisasi!P2"),
    "STR-018": (  # a second sasaran whose code differs from S1 only in case
        _second_indicator(kode="s1", uraian="Sasaran dua", satuan="%"),
        "Renstra!B4",
    ),
    # Excel's copy of a sheet, edited in the belief that it counts
    "STR-016": (_post(_copied_sheet), "Realisasi (2)"),
    "STR-014": (_set("Realisasi", 0, realisasi_anggaran=5), "Realisasi!H2"),
    "STR-015": (  # a second indicator row of S1 with another uraian
        _second_indicator(kode="S1", uraian="Sasaran lain", satuan="Indeks"),
        "Renstra!D4",
    ),
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
    "BACA-010": (_negative_shared_string, "Realisasi!G2"),
    "HIT-001": (_set("Realisasi", 0, realisasi=None), "Realisasi!G2"),
    "ISI-001": (_rows_of("Realisasi", keep=lambda r: r["kode"] != "IS1"), "Realisasi!A2"),
    "HIT-002": (  # the sub kegiatan has no Rencana Aksi row: how its quarters count is assumed
        _set("Realisasi", 1, realisasi=None, realisasi_tw1=5, realisasi_tw2=7),
        "Realisasi!C3",
    ),
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


def _both(*changes):
    """Changes made together (all before, or all after, saving the workbook)."""

    def change(*args):
        for fn in changes:
            fn(*args)

    change.post = any(getattr(fn, "post", False) for fn in changes)
    return change


def _cells(sheet, **values):
    def change(wb):
        for ref, value in values.items():
            wb[sheet][ref] = value

    return change


def _clear_header(wb):
    for cell in wb["Realisasi"][1]:
        cell.value = None


CASE_VARIANT = {"STR-004": "induk", "SDM-002": "pendidikan"}
"""The sentence a case of CASES says, where it is not the code's main one."""

# (code, variant) -> (change, expected location): the other sentences of a code
VARIANT_CASES = {
    ("STR-002", "isian"): (_post(lambda wb: wb["Identitas"].delete_rows(2)), "Identitas!A1"),
    ("STR-002", "tanpa_judul"): (_post(_clear_header), "Realisasi!A1"),
    ("STR-003", "berisi"): (_post(_cells("RKT", Z1="Catatan", Z3="x")), "RKT!Z1"),
    ("STR-004", "isian"): (_ident(nama_instansi=""), "Identitas!B2"),
    ("STR-004", None): (_set("RKT", 3, uraian=""), "RKT!D5"),
    ("STR-006", "tujuan"): (_set("Renstra", 1, kode_induk="T9"), "Renstra!C3"),
    ("STR-007", "target_rkt"): (_set("RKT", 0, kode="IS9"), "RKT!B2"),
    ("STR-010", "tanpa_judul"): (_post(_clear_header), "Realisasi!A2"),
    ("STR-010", "baris_judul"): (_post(_cells("Identitas", D1="Catatan")), "Identitas!D1"),
    ("STR-010", "samping_isian"): (_post(_cells("Identitas", D2="x")), "Identitas!D2"),
    ("STR-012", "tanpa_nilai"): (_post(_identitas_row("Kode pos", None)), "Identitas!A60"),
    ("STR-014", "pegawai"): (_set("SDM", 0, status="Non ASN"), "SDM!C2"),
    ("STR-016", "banyak"): (_post(_long_other_sheet), "Data SIPD"),
    ("STR-016", "rusak"): (_damaged_other_sheet, "Catatan kerja"),
    ("BACA-001", "koma_ribuan"): (
        _set("Realisasi", 1, realisasi_anggaran="Rp 87,988"),
        "Realisasi!H3",
    ),
    ("BACA-003", "waktu"): (_post(_duration), "Realisasi!G2"),
    ("STR-014", "tahun_laporan"): (
        _post(_cells("Realisasi", Z1="Realisasi 2024", Z2=5)),
        "Realisasi!Z2",
    ),
    ("STR-014", "luar_periode"): (
        _post(_cells("Realisasi", Z1="Realisasi 2019", Z2=5)),
        "Realisasi!Z2",
    ),
    ("BACA-001", "tahun"): (_ident(tahun_laporan="dua ribu"), "Identitas!B4"),
    # one cause in one row, one finding: four unreadable quarters, two quarters in another unit
    ("BACA-001", "baris"): (
        _set(
            "Rencana Aksi", 0, target_tw1="Kali", target_tw2="Kali", target_tw3="x", target_tw4="y"
        ),
        "Rencana Aksi!C2",
    ),
    ("BACA-008", "baris"): (
        _set("Rencana Aksi", 0, target_tw2="Tw 4. 5", target_tw3="Tw 5. 5"),
        "Rencana Aksi!D2",
    ),
    ("BACA-005", "baris"): (
        _set("Rencana Aksi", 0, target_tw1="20 Kali", target_tw2="20 Kali"),
        "Rencana Aksi!C2",
    ),
    ("PK-003", "sub_kegiatan"): (_append("PK", kode=SUB, uraian="Sub A", anggaran=5), "PK!F4"),
    ("RA-002", "tanpa_baris"): (_drop("Rencana Aksi", 0), "Renstra!E3"),
    ("ANG-004", "kosong"): (_set("Realisasi", 1, realisasi_anggaran=None), "Realisasi!H3"),
    ("EFI-001", "pmk"): (
        _both(_ident(metode_efisiensi="PMK 214/2017"), _set("Realisasi", 1, realisasi="6 Laporan")),
        "Renstra!D3",
    ),
    ("SDM-002", None): (_set("SDM", 0, golongan="IX/z"), "SDM!C2"),
}


def _build(tmp_path: Path, change) -> Path:
    rows, ident = minimal_rows(), {}
    late = getattr(change, "post", False) or getattr(change, "on_file", False)
    if change is not None and not late:
        change(rows, ident)
    path = write_workbook(tmp_path / "case.xlsx", rows, identitas=ident)
    if change is not None and getattr(change, "post", False):
        wb = openpyxl.load_workbook(path)
        change(wb)
        wb.save(path)
    if change is not None and getattr(change, "on_file", False):
        change(path)
    return path


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return check(_build(tmp_path_factory.mktemp("clean"), None)).findings


def test_clean_workbook_has_no_findings(clean):
    assert clean == []


def test_every_registered_code_has_a_case():
    assert set(REGISTRY) == set(CASES)


def test_every_sentence_of_every_code_has_a_case():
    templates = {(code, v) for code, info in REGISTRY.items() for v in (None, *dict(info.variants))}
    cased = {(code, CASE_VARIANT.get(code)) for code in CASES} | set(VARIANT_CASES)
    assert templates == cased


def test_every_check_is_catalogued_once():
    infos = [info for info, _ in CHECKS]
    assert len(set(infos)) == len(infos)
    assert all(REGISTRY[info.code] is info for info in infos)


def _findings(tmp_path: Path, change) -> list[F.Finding]:
    path = _build(tmp_path, change)
    if getattr(change, "on_fill", False):
        return fill(path, tmp_path / "lengkap.xlsx").findings
    return check(path).findings


def _assert_filled(item: F.Finding) -> None:
    """The sentence is its template filled from the finding's own parameters, every field of
    it among them: the JSON's `param` is enough to say the sentence again."""
    template = REGISTRY[item.code].template(item.variant)
    assert F.fields(template) <= set(item.param), (item.code, item.variant, item.param)
    assert "{" not in item.message and "}" not in item.message, item.message
    # the location too: a sentence that does not name its sheet is led by it
    again = F.finding(
        REGISTRY[item.code], item.sheet, item.cell, item.related, variant=item.variant, **item.param
    )
    assert again.message == item.message


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_triggers_at_its_cell(code, tmp_path, clean):
    change, location = CASES[code]
    findings = _findings(tmp_path, change)
    got = {(f.code, f.location) for f in findings}
    assert (code, location) in got, sorted(got)
    assert code not in {f.code for f in clean}
    here = [f for f in findings if (f.code, f.location) == (code, location)]
    assert CASE_VARIANT.get(code) in {f.variant for f in here}
    for item in findings:
        assert item.message and item.suggestion
        assert item.severity is REGISTRY[item.code].severity
        _assert_filled(item)


@pytest.mark.parametrize("key", sorted(VARIANT_CASES, key=str))
def test_each_variant_is_said_at_its_cell(key, tmp_path):
    code, variant = key
    change, location = VARIANT_CASES[key]
    findings = _findings(tmp_path, change)
    got = {(f.code, f.variant, f.location) for f in findings}
    assert (code, variant, location) in got, sorted(got, key=str)
    for item in findings:
        _assert_filled(item)


def test_shown_writes_parameters_the_indonesian_way():
    assert F.shown(14.285) == "14,29"
    assert F.shown(1500000.0) == "1.500.000"
    assert F.shown(80.0) == "80"
    assert F.shown(2023) == "2023"  # a year or a row number: no thousands separator
    assert F.shown(("a", "b")) == "a, b"
    assert F.shown([2025, 2026]) == "2025, 2026"
    assert F.shown("P1.3.1") == "P1.3.1"


def test_a_format_spec_fixes_the_decimals():
    info = F.CAPAIAN_FAR_ABOVE
    assert F.finding(info, kode="IS1", capaian=200.0).message == "Capaian IS1 = 200,00 %."
    assert F.finding(info, kode="IS1", capaian=1234.5).message == "Capaian IS1 = 1.234,50 %."
    frac = F.finding(
        F.FRACTION_PERCENT, sel="C2", sheet="Realisasi", nilai=0.125, kode="IS1", persen=12.5
    )
    assert frac.message == (
        "Sel C2 sheet Realisasi: nilai 0,125 untuk indikator persen IS1; maksudnya 12,5%?"
    )
    typed = F.finding(
        F.FRACTION_PERCENT, sel="C2", sheet="Realisasi", nilai="0,9", kode="IS1", persen=90.0
    )
    assert "nilai 0,9 untuk" in typed.message


def test_a_missing_parameter_is_a_bug():
    with pytest.raises(KeyError):
        F.finding(F.PK_VS_RENSTRA, "PK", "E2", kode="IS1", pk=85.0)


def test_a_sentence_may_name_a_sheet_beside_its_location():
    item = F.finding(F.MISSING_SHEET, "PK", None, sheet="PK", file="a.xlsx")
    assert (item.sheet, item.cell) == ("PK", None)
    assert item.message == "Sheet 'PK' tidak ditemukan di a.xlsx."
    assert item.as_dict()["param"] == {"sheet": "PK", "file": "a.xlsx"}


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


def test_one_finding_per_cause_names_the_cells_and_marks_each(tmp_path):
    from sakip_xlsx.render.xlsx.completed.input_sheets import marks
    from sakip_xlsx.workbook.reader import read_workbook

    rows = minimal_rows()
    rows["Rencana Aksi"][0].update(target_tw1="Kali", target_tw2="Kali", target_tw3="Kali")
    found = [
        f
        for f in read_workbook(write_workbook(tmp_path / "q.xlsx", rows)).findings
        if f.code == "BACA-001"
    ]
    assert len(found) == 1
    assert found[0].message.startswith("Sel C2:E2 (Target TW1, Target TW2, Target TW3)")
    assert found[0].covers == ("D2", "E2")
    assert {s: set(cells) for s, cells in marks(found).items()} == {
        "Rencana Aksi": {"C2", "D2", "E2"}
    }


def test_an_untouched_template_says_what_is_missing_sheet_by_sheet(tmp_path):
    import sakip_xlsx

    blank = sakip_xlsx.template(tmp_path / "kosong.xlsx", tahun=2024)
    found = {(f.code, f.location) for f in check(blank).findings}
    assert ("ISI-001", "Renstra!A2") in found and ("ISI-001", "RKT!A2") in found
    assert ("STR-004", "Identitas!B2") in found  # nama instansi
    assert sum(f.severity.value == "error" for f in check(blank).findings) >= 6


def test_a_half_filled_workbook_names_the_missing_budget_and_realisasi(tmp_path):
    rows = minimal_rows()
    for row in rows["RKT"]:
        row.pop("pagu", None)
    rows["Realisasi"] = []
    found = check(write_workbook(tmp_path / "h.xlsx", rows)).findings
    messages = [f.message for f in found if f.code == "ISI-001"]
    assert any("pagu anggaran" in m for m in messages)
    assert any("realisasi indikator sasaran" in m for m in messages)


def test_the_first_year_of_a_period_still_offers_last_years_realisasi(tmp_path):
    import sakip_xlsx
    from sakip_xlsx.commands.pipeline import check as run

    path = sakip_xlsx.template(tmp_path / "t.xlsx", tahun=2025, periode=(2025, 2029))
    header = [c.value for c in openpyxl.load_workbook(path)["Realisasi"][1]]
    assert "Realisasi 2024" in header
    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi_lalu:2024"] = "70%"
    rows["Realisasi"][0].pop("realisasi_lalu:2023", None)
    filled = write_workbook(
        tmp_path / "f.xlsx",
        rows,
        tahun=2025,
        periode=(2025, 2029),
    )
    result = run(filled)
    h = result.hasil.indikator["IS1"]
    assert h.realisasi_per_tahun[2024].number == 70 and h.tren
    assert not any(f.code == "STR-014" for f in result.findings)
