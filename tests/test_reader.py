"""Reading filled workbooks into the model, with every problem collected at its cell."""

from __future__ import annotations

import dataclasses

import openpyxl
import pytest

from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import minimal_rows, write_workbook
from tests.lo import convert, requires_soffice

# The problems the Puger source documents themselves contain (examples/README.md lists them).
PUGER_READING_PROBLEMS = {
    ("BACA-001", "RKT!G32"),  # RKT target of Harmonisasi printed as just "Laporan"
    ("BACA-001", "Rencana Aksi!C18"),  # trantib quarters printed as "Tw n. Kali": C18:F18
    ("BACA-001", "Rencana Aksi!C19"),  # Harmonisasi "Tw 1. Kali": no number
    ("BACA-008", "Rencana Aksi!D19"),  # Harmonisasi quarters labelled Tw 4, Tw 5, Tw 2: D19:F19
    ("BACA-005", "Rencana Aksi!C15"),  # "3 Kali" for an indicator counted in Dokumen: C15:F15
    ("BACA-005", "Rencana Aksi!C17"),  # "2 Kali" for an indicator counted in Laporan: C17:E17
}


def test_puger_model_shape(puger):
    assert len(puger.sasaran_indikator()) == 4
    assert len(puger.programs()) == 4
    assert len(puger.kegiatan()) == 10
    assert len(puger.sub_kegiatan()) == 14
    assert sum(s.pagu.number for s in puger.sub_kegiatan()) == 4_060_244_146


def test_puger_values_as_typed(puger):
    ident = puger.identitas
    assert ident.nama_instansi == "Kecamatan Puger"
    assert ident.tahun_laporan == 2023
    assert (ident.periode_awal, ident.periode_akhir) == (2021, 2026)
    assert ident.belanja_operasi.number + ident.belanja_modal.number == 4_060_244_146
    assert ident.pagu_tahun_lalu.number == 3_810_244_147
    assert puger.years == list(range(2021, 2027))
    assert puger.years_lalu == [2021, 2022]
    is2 = puger.realisasi["IS2"]
    assert is2.realisasi.number == pytest.approx(81.9)
    assert is2.realisasi.value.raw == "81,9"
    it1 = puger.indikator["IT1"]
    assert it1.targets[2023].number == 63 and it1.targets[2023].value.grade == "B"
    assert puger.indikator["IS1"].targets[2023].value.percent
    gaji = puger.rkt["P1.1.1"]
    assert gaji.target.number == 18 and gaji.target.value.unit == "Orang /bulan"
    assert puger.realisasi["P1.4.1"].anggaran.number == 171_480_000
    assert puger.rencana_aksi["P1.5.1"].metode == "Akhir"
    assert [c.number for c in puger.rencana_aksi["P1.1.1"].targets] == [3, 4, 4, 3]
    assert len(puger.sdm) == 32
    assert sum(p.status == "ASN" for p in puger.sdm) == 14


def test_puger_cascade_links(puger):
    assert [p.kode_induk for p in puger.programs()] == ["S1", "S2", "S3", "S4"]
    assert [s.kode for s in puger.descendants("P3")] == ["P3.1.1", "P3.1.2"]
    assert len(puger.descendants("P1")) == 8
    assert puger.rkt["P1.5.3"].pagu.where == "RKT!H17"


def test_puger_reports_only_the_source_documents_problems(puger):
    got = {(f.code, f.location) for f in puger.findings}
    assert got == PUGER_READING_PROBLEMS


@requires_soffice
@pytest.mark.libreoffice
def test_libreoffice_saved_copy_reads_to_the_same_model(puger_path, puger, tmp_path):
    saved = convert(puger_path, tmp_path / "lo", recalculate=False)
    assert saved.read_bytes() != puger_path.read_bytes()
    again = read_workbook(saved)
    a, b = dataclasses.asdict(puger), dataclasses.asdict(again)
    for key in ("source", "sha256"):  # another file, so another name and digest
        a.pop(key)
        b.pop(key)
    # every cell value is the same; number format codes are spelled LibreOffice's way
    # (`dd\\-mm\\-yyyy` for `dd-mm-yyyy`), which the reader does not need to agree on
    grids_a, grids_b = a.pop("grids"), b.pop("grids")
    assert a == b
    assert grids_a.keys() == grids_b.keys()
    for name in grids_a:
        for part in ("rows", "no_cached_value", "merged"):
            assert grids_a[name][part] == grids_b[name][part], (name, part)


def test_minimal_workbook_reads_clean(tmp_path):
    laporan = read_workbook(write_workbook(tmp_path / "m.xlsx"))
    assert laporan.findings == []
    assert laporan.rkt["7.01.01.2.02.01"].kode_induk == "7.01.01.2.02"
    assert laporan.realisasi["7.01.01.2.02.01"].anggaran.number == 900_000


def _codes(laporan):
    return sorted((f.code, f.location) for f in laporan.findings)


def test_reordered_columns_title_row_and_blank_rows_are_fine(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["RKT"]
    ws.move_range("A1:A20", cols=20)  # move "Jenis" to the far right
    ws.insert_rows(1)
    ws["A1"] = "RENCANA KINERJA TAHUNAN 2024"
    ws.insert_rows(5, amount=3)  # blank rows in the middle
    wb.save(path)
    laporan = read_workbook(path)
    assert [f for f in laporan.findings if f.severity.value == "error"] == []
    assert len(laporan.rkt) == 3
    assert laporan.column("RKT", "jenis") == "U"


def test_missing_sheet_and_missing_required_column(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["PK"]
    wb["Renstra"]["F1"] = "Nama indikator (diubah)"
    wb.save(path)
    codes = _codes(read_workbook(path))
    assert ("STR-001", "PK") in codes
    assert ("STR-002", "Renstra!A1") in codes
    assert ("STR-003", "Renstra!F1") in codes


def test_duplicate_unknown_parent_and_wrong_level(tmp_path):
    rows = minimal_rows()
    rows["RKT"] += [
        {
            "jenis": "Sub Kegiatan",
            "kode": "7.01.01.2.02.01",
            "kode_induk": "7.01.01.2.02",
            "uraian": "Dup",
            "pagu": 1,
        },
        {"jenis": "Kegiatan", "kode": "7.01.09.2.01", "kode_induk": "7.01.09", "uraian": "X"},
        {
            "jenis": "Sub Kegiatan",
            "kode": "7.01.01.2.02.09",
            "kode_induk": "7.01.01",
            "uraian": "Y",
            "pagu": 1,
        },
        # looks like a prefix of an existing code but names no parent: still not a link
        {"jenis": "Kegiatan", "kode": "7.01.01.2.03", "uraian": "Z"},
    ]
    laporan = read_workbook(write_workbook(tmp_path / "m.xlsx", rows))
    codes = _codes(laporan)
    assert ("STR-005", "RKT!B6") in codes
    assert ("STR-006", "RKT!C7") in codes
    assert ("STR-008", "RKT!C8") in codes
    assert ("STR-004", "RKT!C9") in codes
    assert laporan.rkt["7.01.01.2.03"].kode_induk == ""


def test_unknown_codes_on_other_sheets(tmp_path):
    rows = minimal_rows()
    rows["Realisasi"].append({"kode": "IS9", "realisasi": 5})
    rows["PK"].append({"kode": "9.99", "uraian": "Program hantu", "anggaran": 5})
    codes = _codes(read_workbook(write_workbook(tmp_path / "m.xlsx", rows)))
    assert ("STR-007", "Realisasi!A4") in codes
    assert ("STR-007", "PK!A4") in codes


def test_bad_values_are_findings_at_their_cells(tmp_path):
    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi"] = "#DIV/0!"
    rows["Realisasi"][1]["realisasi_anggaran"] = "sekitar satu juta"
    rows["Rencana Aksi"][0]["target_tw1"] = 0.2
    rows["Renstra"][1]["polaritas"] = "Kadang-kadang"
    laporan = read_workbook(write_workbook(tmp_path / "m.xlsx", rows))
    codes = _codes(laporan)
    assert ("BACA-002", "Realisasi!G2") in codes
    assert ("BACA-001", "Realisasi!H3") in codes
    assert ("BACA-006", "Rencana Aksi!C2") in codes
    assert ("BACA-007", "Renstra!H3") in codes
    assert laporan.indikator["IS1"].polaritas == "Positif"  # the default stands in


def test_dates_and_codes_typed_as_numbers(tmp_path):
    import datetime as dt

    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi"] = dt.datetime(2024, 8, 1)
    rows["RKT"][1]["kode"] = 7.01  # Excel turned the code into a number
    rows["RKT"][2]["kode_induk"] = 7.01
    laporan = read_workbook(write_workbook(tmp_path / "m.xlsx", rows))
    assert ("BACA-003", "Realisasi!G2") in _codes(laporan)
    assert "7.01" in laporan.rkt


def test_formula_without_cached_value_is_reported(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Realisasi"]["G2"] = "=70+2"  # openpyxl stores no cached result
    wb.save(path)
    laporan = read_workbook(path)
    assert ("BACA-004", "Realisasi!G2") in _codes(laporan)


def test_formula_without_cached_value_is_reported_in_every_kind_of_column(tmp_path):
    """A setting, a metode or a code typed as a formula saved without its result is named at
    its cell (once: the formula is the cause, not an empty required field)."""
    path = write_workbook(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    label = "Batas atas capaian (%)"
    cap_row = next(r for r in range(1, 40) if wb["Identitas"][f"A{r}"].value == label)
    wb["Identitas"][f"B{cap_row}"] = "=120"
    wb["Rencana Aksi"]["G2"] = '="Akhir"'
    wb["RKT"]["B2"] = '="IS1"'
    wb.save(path)
    found = _codes(read_workbook(path))
    for where in (f"Identitas!B{cap_row}", "Rencana Aksi!G2", "RKT!B2"):
        assert ("BACA-004", where) in found, where
    assert not any(code == "STR-004" and where == "RKT!B2" for code, where in found)


def test_a_column_named_like_a_derived_one_is_the_users_in_an_isian(tmp_path):
    """Only a completed workbook's own derived columns are computed anew; in an isian a column
    headed `Capaian (%)` holds what the user typed, and is named when it is not read."""
    path = write_workbook(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Realisasi"]
    ws["Z1"], ws["Z2"] = "Capaian (%)", 95
    wb.save(path)
    assert ("STR-003", "Realisasi!Z1") in _codes(read_workbook(path))


def test_units_of_a_completed_workbook_saved_by_libreoffice_are_kept():
    from sakip_xlsx.lkip.values import Parsed
    from sakip_xlsx.workbook.reader import _decorations

    for fmt in ('#,##0 "Kali"', '#,##0" Kali"', '#,##0.0##" Orang /bulan"'):
        unit = _decorations(Parsed(number=3.0), fmt).unit
        assert unit in ("Kali", "Orang /bulan"), fmt
    assert _decorations(Parsed(number=63.0), '"B ("#,##0\\)').grade == "B"


def test_the_completed_workbook_has_no_sheet_the_reader_calls_foreign(tmp_path, puger_path):
    """Every sheet `fill` writes is an input sheet or one the reader knows as its own."""
    from sakip_xlsx.commands.pipeline import fill

    out = tmp_path / "lengkap.xlsx"
    fill(puger_path, out)
    assert not [f for f in read_workbook(out).findings if f.code == "STR-016"]
    # in an isian, a sheet of that name is the user's
    wb = openpyxl.load_workbook(puger_path)
    wb.create_sheet("Narasi")["B3"] = "catatan"
    isian = tmp_path / "isian.xlsx"
    wb.save(isian)
    # the Catatan sheet `template --dari` and `impor-sipd` put first is the tool's own
    wb.create_sheet("Catatan", 0)["A1"] = "Isian tahun 2024 dari isian tahun 2023"
    wb.save(isian)
    named = [f for f in read_workbook(isian).findings if f.code == "STR-016"]
    assert [(f.sheet, f.param["awal"]) for f in named] == [("Narasi", "B3")]


def test_input_file_is_not_modified(tmp_path, puger_path):
    before = puger_path.read_bytes()
    read_workbook(puger_path)
    assert puger_path.read_bytes() == before


def test_identitas_values_beside_the_heading_row_are_named(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Identitas"]["D1"] = "Kolom baru"
    wb["Identitas"]["E3"] = "catatan"
    wb.save(path)
    found = {(f.code, f.location) for f in read_workbook(path).findings}
    assert ("STR-010", "Identitas!D1") in found
    assert ("STR-010", "Identitas!E3") in found
    assert not any(code == "STR-012" for code, _ in found)  # the heading row is no field


@pytest.mark.parametrize(
    ("typed", "number", "warned"),
    [
        (0.35, 0.35, True),  # a number cell: Excel's percent confusion, 0.35 meant 35 %?
        ("0,35", 0.35, False),  # typed as text: taken as written
        ("0.35", 0.35, False),
        ("35%", 35.0, False),
    ],
)
def test_fraction_warning_only_for_number_cells(tmp_path, typed, number, warned):
    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi"] = typed
    laporan = read_workbook(write_workbook(tmp_path / "f.xlsx", rows))
    assert laporan.realisasi["IS1"].realisasi.number == pytest.approx(number)
    assert any(f.code == "BACA-006" for f in laporan.findings) is warned


def test_a_cell_makes_its_a1_reference_from_row_and_column():
    from xlsxwriter.utility import xl_col_to_name

    from sakip_xlsx.lkip.model import EMPTY, Cell
    from sakip_xlsx.lkip.values import MISSING

    for col in (0, 25, 26, 701, 702, 16_383):
        assert Cell(MISSING, "RKT", 18, col).ref == f"{xl_col_to_name(col)}18"
    assert Cell(MISSING, "RKT", 18, 2).where == "RKT!C18"
    assert EMPTY.ref is None and EMPTY.where == ""


def test_further_indicator_rows_of_a_sasaran_say_the_same_or_are_named(tmp_path):
    """Every indicator row of a sasaran repeats its jenis, uraian and kode induk; the first
    row's are used. The same text retyped with other case or spacing is the same; anything
    else typed on a further row is named at its cell, pointing at the row that is used."""
    rows = minimal_rows()
    base = rows["Renstra"][1]
    rows["Renstra"] += [
        {**base, "kode_indikator": "IS2", "uraian": "SASARAN   satu"},  # the same uraian
        {**base, "kode_indikator": "IS3", "uraian": "Sasaran dua", "kode_induk": "T9"},
        {**base, "kode_indikator": "IS4", "jenis": "Tujuan"},
        {**base, "kode_indikator": "IS5", "kode_induk": "t1"},  # codes are exact
    ]
    laporan = read_workbook(write_workbook(tmp_path / "w.xlsx", rows))
    named = {(f.cell, f.related) for f in laporan.findings if f.code == "STR-015"}
    assert named == {
        ("D5", ("Renstra!D3",)),
        ("C5", ("Renstra!C3",)),
        ("A6", ("Renstra!A3",)),
        ("C7", ("Renstra!C3",)),
    }
    assert laporan.sasaran["S1"].indikator == ["IS1", "IS2", "IS3", "IS4", "IS5"]
    assert {laporan.indikator[k].uraian for k in ("IS2", "IS3", "IS4")} == {"Sasaran satu"}
