"""End to end on the Puger 2023 example. Expected numbers come from the reference document
(LKIP 2023 Kecamatan Puger) and its own inputs, as SPEC §6 states them - not from our output."""

from __future__ import annotations

import openpyxl
import pytest

from sakip_xlsx.commands.pipeline import fill

# Tabel 3.1 (capaian per sasaran indicator), SPEC §6: rata-rata 97,75 (document prints 97,25)
CAPAIAN = {"IS1": 100.0, "IS2": 91.0, "IS3": 100.0, "IS4": 100.0}
RATA_RATA = 97.75
# Tabel 3.8 and Bab III.C
TOTAL_PAGU = 4_060_244_146
TOTAL_REALISASI = 3_648_593_974
SERAPAN = 89.86
SERAPAN_PROGRAM = {"P1": 84.61, "P2": 99.83, "P3": 78.22, "P4": 97.51}
SERAPAN_2022 = 97.35
PERUBAHAN = -7.49
# Tabel 3.6 prints 83,24 % for "18 orang -> 16 orang"; the output capaian is 88,89 %
OUTPUT_GAJI = 88.89
# Tabel 3.7 prints "Efisien" for all four; IKM 91 % against serapan 99,83 % is not
EFISIEN = {"S1": "Efisien", "S2": "Tidak efisien", "S3": "Efisien", "S4": "Efisien"}
# Tabel 1.1-1.3: 14 ASN, 32 pegawai
ASN, PEGAWAI = 14, 32


@pytest.fixture(scope="module")
def completed(tmp_path_factory, puger_path):
    out = tmp_path_factory.mktemp("e2e") / "puger-LKIP.xlsx"
    result = fill(puger_path, out)
    wb = openpyxl.load_workbook(out, data_only=True)
    return result, wb


def last_row(ws) -> int:
    """The table's last row: above the blank row and the *Sumber data* line under it."""
    for row in range(ws.max_row, 0, -1):
        values = [c.value for c in ws[row]]
        if any(v not in (None, "") for v in values) and not str(values[0] or "").startswith(
            "Sumber data:"
        ):
            return row
    return 0


def rows_by_code(ws, code_col: str, first: int = 7):
    out = {}
    for row in range(first, ws.max_row + 1):
        value = ws[f"{code_col}{row}"].value
        if value:
            out[str(value)] = row
    return out


def test_capaian_and_rata_rata_in_tabel_31(completed):
    _, wb = completed
    ws = wb["Tabel 3.1"]
    rows = rows_by_code(ws, "C")
    for kode, expected in CAPAIAN.items():
        assert ws[f"H{rows[kode]}"].value == pytest.approx(expected)
    last = max(rows.values()) + 1
    assert ws[f"I{last}"].value == pytest.approx(RATA_RATA)
    assert ws[f"J{last}"].value.startswith("AA")


def test_budget_figures_in_tabel_38_and_ringkasan(completed):
    result, wb = completed
    ws = wb["Tabel 3.8"]
    rows = rows_by_code(ws, "B")
    for kode, expected in SERAPAN_PROGRAM.items():
        assert round(ws[f"G{rows[kode]}"].value, 2) == expected
    total = last_row(ws)
    assert ws[f"D{total}"].value == "JUMLAH"
    assert ws[f"E{total}"].value == TOTAL_PAGU
    assert ws[f"F{total}"].value == TOTAL_REALISASI
    assert round(ws[f"G{total}"].value, 2) == SERAPAN
    h = result.hasil
    assert round(h.serapan_lalu, 2) == SERAPAN_2022
    assert round(h.perubahan_serapan, 2) == PERUBAHAN
    ring = {r[0].value: r[1].value for r in wb["Ringkasan"].iter_rows(min_row=4) if r[0].value}
    assert round(ring["Serapan tahun lalu (%)"], 2) == SERAPAN_2022
    assert round(ring["Perubahan serapan (poin persen)"], 2) == PERUBAHAN
    assert ring["Total pagu (Rp)"] == TOTAL_PAGU


def test_output_capaian_of_gaji_in_tabel_36(completed):
    _, wb = completed
    ws = wb["Tabel 3.6"]
    rows = rows_by_code(ws, "B")
    row = rows["P1.1.1"]  # columns: ... serapan G, indikator H, satuan I, target J, realisasi K
    assert (ws[f"I{row}"].value, ws[f"J{row}"].value, ws[f"K{row}"].value) == (
        "Orang/bulan",
        18,
        16,
    )
    assert round(ws[f"L{row}"].value, 2) == OUTPUT_GAJI
    assert round(ws[f"G{row}"].value, 2) == 83.24  # the budget figure, separately
    program = rows["P1"]  # a program's own target as a number, never the typed text "100%"
    # and "-" where a figure does not apply (a program has no output realisasi of its own)
    assert ws[f"J{program}"].value == 100 and ws[f"K{program}"].value == "-"


def test_efisiensi_in_tabel_37(completed):
    result, wb = completed
    ws = wb["Tabel 3.7"]
    got = {}
    for row in range(7, 11):
        got[ws[f"C{row}"].value] = ws[f"I{row}"].value
    assert got == {"P1": "Efisien", "P2": "Tidak efisien", "P3": "Efisien", "P4": "Efisien"}
    assert {k: s.efisien for k, s in result.hasil.sasaran.items()} == EFISIEN


def test_sdm_tables(completed):
    _, wb = completed
    t11 = wb["Tabel 1.1"]
    last = last_row(t11)
    assert (t11[f"C{last}"].value, t11[f"D{last}"].value, t11[f"E{last}"].value) == (ASN, 18, 32)
    t12 = wb["Tabel 1.2"]  # No, Golongan, Pangkat, ASN, Jumlah
    assert t12[f"D{last_row(t12)}"].value == ASN
    t13 = wb["Tabel 1.3"]
    assert t13[f"E{last_row(t13)}"].value == PEGAWAI
    assert str(t13[f"A{last_row(t13) + 2}"].value).startswith("Sumber data: data kepegawaian")
    # the reference document's Tabel 1.3: SMA/STM 6 ASN + 14 Non ASN, S1 6 + 1, SD 1 + 1
    counts = {r[1].value: (r[2].value, r[3].value) for r in t13.iter_rows(min_row=7)}
    assert counts["SMA/SMK"] == (6, 14) and counts["S1"] == (6, 1) and counts["SD"] == (1, 1)


def test_every_lkip_sheet_is_there(completed):
    _, wb = completed
    for name in (
        "Ringkasan",
        "Temuan",
        "Tabel 3.1",
        "Tabel 3.2",
        "Tabel 3.3",
        "Tabel 3.4",
        "Tabel 3.5",
        "Tabel 3.6",
        "Tabel 3.7",
        "Tabel 3.8",
        "Tabel 1.1",
        "Tabel 1.2",
        "Tabel 1.3",
        "Pemantauan Rencana Aksi",
        "Grafik",
        "Identitas",
        "Renstra",
        "RKT",
        "Rencana Aksi",
        "PK",
        "Realisasi",
        "SDM",
    ):
        assert name in wb.sheetnames


def test_trend_and_renstra_progress(completed):
    result, _ = completed
    h = result.hasil.indikator
    assert h["IS1"].tren == "Membaik"  # 80 % (2022) -> 90 %
    assert h["IS2"].tren == "Memburuk"  # 82,5 -> 81,9
    assert h["IS2"].capaian_akhir == pytest.approx(91.0)  # Tabel 3.3: 81,9 against 90


def test_rencana_aksi_quarters(completed):
    result, _ = completed
    ra = result.hasil.rencana_aksi
    assert ra["P1.1.1"].target_tahunan == 14  # 3+4+4+3, while the annual target is 18
    assert ra["P1.1.1"].target_acuan.number == 18
    assert ra["P1.5.1"].target_tahunan == 1  # metode Akhir
    assert ra["IS1"].target_sd == [25, 50, 75, 100]
