"""Reading SIPD's "Laporan Realisasi" export and reconciling it against the isian's RKT."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.workbook.reader import read_workbook
from sakip_xlsx.workbook.sipd import Selisih, canonical_code, read_sipd, reconcile
from tests.helpers import minimal_rows, sub_b, write_workbook
from tests.sipd_fixtures import HEADERS, SHAPES, write_sipd

D = _dt.date
SUB_A = "1.01.01.2.02.0001"
SUB_B = "1.01.01.2.02.0002"

ROWS = [
    # sub kegiatan A: two SPP LS in TW1, a TBP in TW2 with part of the money paid back
    {
        "kode_sub": SUB_A,
        "nama": "Penyediaan Gaji dan Tunjangan ASN",
        "nomor": "00001/SPP-LS/2024",
        "jenis_dokumen": "SPP",
        "jenis_transaksi": "LS",
        "tanggal": D(2024, 1, 15),
        "realisasi": 1_250_000,
    },
    {
        "kode_sub": SUB_A,
        "nama": "Penyediaan Gaji dan Tunjangan ASN",
        "nomor": "00002/SPP-LS/2024",
        "jenis_dokumen": "SPP",
        "jenis_transaksi": "LS",
        "tanggal": D(2024, 2, 20),
        "realisasi": 750_000,
    },
    {
        "kode_sub": SUB_A,
        "nama": "Penyediaan Gaji dan Tunjangan ASN",
        "nomor": "00003/TBP/2024",
        "jenis_dokumen": "TBP",
        "jenis_transaksi": "GU",
        "tanggal": D(2024, 5, 10),
        "realisasi": 500_000,
        "setoran": 100_000,
    },
    # sub kegiatan B: a KKPD payment in TW3, a GU in TW4 with a setoran
    {
        "kode_sub": SUB_B,
        "nama": "Penyediaan Administrasi Pelaksanaan Tugas ASN",
        "nomor": "00004/TBP-KKPD/2024",
        "jenis_dokumen": "TBP-KKPD",
        "jenis_transaksi": "GU-KKPD",
        "tanggal": D(2024, 8, 5),
        "realisasi": 300_000,
    },
    {
        "kode_sub": SUB_B,
        "nama": "Penyediaan Administrasi Pelaksanaan Tugas ASN",
        "nomor": "00005/SPP-GU/2024",
        "jenis_dokumen": "SPP",
        "jenis_transaksi": "GU",
        "tanggal": D(2024, 12, 12),
        "realisasi": 1_200_000,
        "setoran": 50_000,
    },
]

# Worked by hand:
#   A = 1.250.000 + 750.000 + 500.000 − 100.000 = 2.400.000
#       TW1 = 1.250.000 + 750.000 = 2.000.000; TW2 = 500.000 − 100.000 = 400.000
#   B = 300.000 + 1.200.000 − 50.000 = 1.450.000
#       TW3 = 300.000; TW4 = 1.200.000 − 50.000 = 1.150.000
EXPECTED_SUB = {SUB_A: 2_400_000.0, SUB_B: 1_450_000.0}
EXPECTED_QUARTER = {
    SUB_A: [2_000_000.0, 400_000.0, 0.0, 0.0],
    SUB_B: [0.0, 0.0, 300_000.0, 1_150_000.0],
}


def _row(**changes: object) -> dict[str, object]:
    base = dict(ROWS[0])
    base.update(changes)
    return base


# --- reading ------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_gives_the_same_sums(tmp_path, shape):
    path = write_sipd(tmp_path / f"sipd-{shape}.xlsx", ROWS, shape=shape)
    sipd = read_sipd(path, 2024)
    assert sipd.per_sub == EXPECTED_SUB
    assert sipd.per_quarter == EXPECTED_QUARTER
    assert sipd.nama[SUB_A] == "Penyediaan Gaji dan Tunjangan ASN"
    assert sipd.sheet == "Data Realisasi Dokumen"
    assert sipd.header_row == (5 if shape == "titles" else 1)
    assert sipd.tahun == 2024
    assert (sipd.unreadable, sipd.other_year, sipd.duplicates) == ([], [], [])


def test_quarters_add_up_to_the_year(tmp_path):
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", ROWS), 2024)
    for kode, quarters in sipd.per_quarter.items():
        assert sum(quarters) == sipd.per_sub[kode]


def test_rows_counted_per_sub_kegiatan(tmp_path):
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", ROWS), 2024)
    assert sipd.baris == {SUB_A: [2, 3, 4], SUB_B: [5, 6]}
    assert sipd.kode_sipd == {SUB_A: SUB_A, SUB_B: SUB_B}


def test_sen_are_kept(tmp_path):
    rows = [_row(realisasi=1_250_000.5), _row(nomor="2", realisasi="Rp 749.999,25")]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    # 1.250.000,50 + 749.999,25 = 1.999.999,75
    assert sipd.per_sub == {SUB_A: 1_999_999.75}


@pytest.mark.parametrize(
    "code", ["1.01.01.2.02.0001", "1.01.01.2.02.01", " 1.01.01.2.02.01 ", "1.01.01.2.02.1"]
)
def test_canonical_code_four_and_two_digit_suffix(code):
    assert canonical_code(code) == "1.01.01.2.02.0001"


@pytest.mark.parametrize("code", ["7.01.01", "7.01.01.2.02", "IS1", "1.01.01.2.02.00001"])
def test_canonical_code_other_shapes_unchanged(code):
    assert canonical_code(code) == code


def test_two_digit_suffix_in_sipd_sums_with_four_digit(tmp_path):
    rows = [
        _row(kode_sub="1.01.01.2.02.0001", nomor="1", realisasi=1_000_000),
        _row(kode_sub="1.01.01.2.02.01", nomor="2", realisasi=250_000),
    ]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    # 1.000.000 + 250.000 = 1.250.000 under one key
    assert sipd.per_sub == {SUB_A: 1_250_000.0}
    assert sipd.kode_sipd[SUB_A] == "1.01.01.2.02.0001"


def test_document_of_another_year_listed_not_counted(tmp_path):
    rows = [*ROWS, _row(nomor="00099/SPP-LS/2023", tanggal=D(2023, 12, 28), realisasi=999_000)]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_sub == EXPECTED_SUB
    assert [(d.row, d.nomor, d.tanggal, d.realisasi) for d in sipd.other_year] == [
        (7, "00099/SPP-LS/2023", D(2023, 12, 28), 999_000.0)
    ]


def test_duplicate_document_listed_and_counted_once(tmp_path):
    rows = [*ROWS, dict(ROWS[1])]  # 00002/SPP-LS/2024 again, row 7
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_sub == EXPECTED_SUB  # 750.000 counted once
    [(first, again)] = sipd.duplicates
    assert (first.row, again.row) == (3, 7)
    assert again.nomor == "00002/SPP-LS/2024"
    assert again.realisasi == 750_000.0


def test_same_number_on_another_rekening_is_not_a_duplicate(tmp_path):
    rows = [
        _row(rekening="5.1.02.01.01.0024", realisasi=100_000),
        _row(rekening="5.1.02.01.01.0026", realisasi=200_000),
        _row(rekening="5.1.02.01.01.0026", jenis_dokumen="TBP", realisasi=300_000),
    ]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.duplicates == []
    assert sipd.per_sub == {SUB_A: 600_000.0}  # 100.000 + 200.000 + 300.000


def test_unreadable_amount_listed_and_skipped(tmp_path):
    rows = [*ROWS, _row(nomor="00010/SPP-LS/2024", realisasi="seratus ribu")]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_sub == EXPECTED_SUB
    [(row, reason)] = sipd.unreadable
    assert row == 7
    assert "Nilai Realisasi" in reason and "seratus ribu" in reason and "bukan angka" in reason
    assert sipd.unreadable_kode == {7: SUB_A}


def test_unreadable_date_and_missing_code_listed(tmp_path):
    rows = [
        _row(nomor="1", tanggal="31-02-2024"),
        _row(nomor="2", kode_sub=""),
        _row(nomor="3", realisasi=100_000),
    ]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_sub == {SUB_A: 100_000.0}
    reasons = dict(sipd.unreadable)
    assert sorted(reasons) == [2, 3]
    assert "Tanggal Dokumen '31-02-2024' bukan tanggal" in reasons[2]
    assert "Kode Sub Kegiatan kosong" in reasons[3]


def test_text_dates_in_every_written_form(tmp_path):
    rows = [
        _row(nomor="1", tanggal="15-01-2024", realisasi=1),
        _row(nomor="2", tanggal="15/04/2024", realisasi=10),
        _row(nomor="3", tanggal="2024-07-15", realisasi=100),
        _row(nomor="4", tanggal="2024-10-15 00:00:00", realisasi=1000),
        _row(nomor="5", tanggal="3 Desember 2024", realisasi=10_000),
    ]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_quarter == {SUB_A: [1.0, 10.0, 100.0, 11_000.0]}
    assert sipd.unreadable == []


def test_falls_back_to_tanggal_sp2d(tmp_path):
    rows = [_row(tanggal=None, tanggal_sp2d=D(2024, 4, 2), realisasi=400_000)]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_quarter == {SUB_A: [0.0, 400_000.0, 0.0, 0.0]}


def test_only_tanggal_sp2d_column(tmp_path):
    headers = tuple(h for h in HEADERS if h != "Tanggal Dokumen")
    path = write_sipd(tmp_path / "s.xlsx", ROWS, headers=headers)
    sipd = read_sipd(path, 2024)
    assert sipd.per_quarter == EXPECTED_QUARTER


def test_no_date_at_all_is_unreadable(tmp_path):
    rows = [_row(tanggal=None, tanggal_sp2d=None)]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_sub == {}
    assert sipd.unreadable == [(2, "Tanggal Dokumen dan Tanggal SP2D kosong")]


def test_total_row_and_blank_rows_ignored(tmp_path):
    path = write_sipd(tmp_path / "s.xlsx", ROWS, shape="titles", total=True)
    sipd = read_sipd(path, 2024)
    assert sipd.per_sub == EXPECTED_SUB
    assert sipd.unreadable == []


def test_data_sheet_under_another_name_found_by_its_header(tmp_path):
    path = write_sipd(tmp_path / "s.xlsx", ROWS, shape="other_sheet_first", sheet="Sheet1")
    sipd = read_sipd(path, 2024)
    assert sipd.sheet == "Sheet1"
    assert sipd.per_sub == EXPECTED_SUB


def test_sheet_name_matched_loosely(tmp_path):
    path = write_sipd(tmp_path / "s.xlsx", ROWS, sheet="data realisasi  DOKUMEN")
    assert read_sipd(path, 2024).sheet == "data realisasi  DOKUMEN"


# --- files that cannot be read ------------------------------------------------------------


def test_header_not_found(tmp_path):
    headers = tuple(h for h in HEADERS if h != "Nilai Realisasi")
    path = write_sipd(tmp_path / "tanpa-kolom.xlsx", ROWS, headers=headers)
    with pytest.raises(InputFileError) as info:
        read_sipd(path, 2024)
    message = info.value.message
    assert "tanpa-kolom.xlsx" in message
    assert "sheet 'Data Realisasi Dokumen'" in message
    assert "kolom yang tidak ada: Nilai Realisasi." in message


def test_sheet_missing(tmp_path):
    path = write_sipd(
        tmp_path / "lain.xlsx", ROWS, sheet="Rekap", headers=("Kode SKPD", "Nama SKPD")
    )
    with pytest.raises(InputFileError) as info:
        read_sipd(path, 2024)
    message = info.value.message
    assert "lain.xlsx" in message
    assert "tidak memuat sheet 'Data Realisasi Dokumen'" in message
    assert "'Rekap'" in message


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "realisasi.xlsx"
    path.write_text("Kode Sub Kegiatan;Nilai Realisasi\n1.01.01.2.02.0001;1000\n")
    with pytest.raises(InputFileError) as info:
        read_sipd(path, 2024)
    assert "realisasi.xlsx" in info.value.message
    assert "bukan workbook .xlsx" in info.value.message


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError) as info:
        read_sipd(tmp_path / "tidak-ada.xlsx", 2024)
    assert "tidak ditemukan" in info.value.message
    assert "tidak-ada.xlsx" in info.value.message


def test_damaged_zip(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(InputFileError) as info:
        read_sipd(path, 2024)
    assert "rusak.xlsx" in info.value.message


# --- reconciliation -----------------------------------------------------------------------


def _isian(tmp_path: Path, second_pagu: int = 500_000):
    rows = minimal_rows()
    rows["RKT"].append(sub_b(second_pagu))
    return read_workbook(write_workbook(tmp_path / "isian.xlsx", rows))


def _doc(kode: str, nomor: str, tanggal: _dt.date, realisasi: object, **more: object) -> dict:
    return {
        "kode_sub": kode,
        "nama": more.pop("nama", "Sub A"),
        "nomor": nomor,
        "tanggal": tanggal,
        "realisasi": realisasi,
        **more,
    }


RECONCILE_ROWS = [
    # 7.01.01.2.02.01 (RKT, pagu 1.000.000): 1.250.000 + 750.000 − 100.000 = 1.900.000
    _doc("7.01.01.2.02.0001", "A1/SPP-LS", D(2024, 1, 10), 1_250_000),  # row 2
    _doc("7.01.01.2.02.0001", "A2/SPP-LS", D(2024, 3, 5), 750_000),  # row 3
    _doc("7.01.01.2.02.0001", "A3/TBP", D(2024, 6, 1), 0, setoran=100_000),  # row 4
    # not in the RKT: 300.000
    _doc("7.01.01.2.02.0003", "C1/SPP-GU", D(2024, 7, 1), 300_000, nama="Sub C"),  # row 5
    # another year
    _doc("7.01.01.2.02.0001", "A0/SPP-LS", D(2023, 12, 29), 400_000),  # row 6
    # A2/SPP-LS again
    _doc("7.01.01.2.02.0001", "A2/SPP-LS", D(2024, 3, 5), 750_000),  # row 7
    # unreadable amount
    _doc("7.01.01.2.02.0001", "A4/SPP-LS", D(2024, 9, 1), "sejuta"),  # row 8
]


def test_reconcile_lists_every_kind(tmp_path):
    laporan = _isian(tmp_path)
    sipd = read_sipd(write_sipd(tmp_path / "sipd.xlsx", RECONCILE_ROWS), 2024)
    assert sipd.per_sub == {"7.01.01.2.02.0001": 1_900_000.0, "7.01.01.2.02.0003": 300_000.0}
    lines = reconcile(laporan, sipd)
    assert [(s.kind, s.kode) for s in lines] == [
        ("tidak_di_rkt", "7.01.01.2.02.0003"),
        ("tanpa_sipd", "7.01.01.2.02.02"),
        ("tahun_lain", "7.01.01.2.02.0001"),
        ("ganda", "7.01.01.2.02.0001"),
        ("melebihi_pagu", "7.01.01.2.02.01"),
        ("tidak_terbaca", "7.01.01.2.02.0001"),
    ]
    by_kind = {s.kind: s.message for s in lines}
    assert by_kind["tidak_di_rkt"] == (
        "Sub kegiatan 7.01.01.2.02.0003 (Sub C) tercatat di SIPD dengan realisasi Rp 300.000 "
        "tahun 2024 (SIPD baris 5), tetapi tidak ada di sheet RKT isian."
    )
    assert "7.01.01.2.02.02 (Sub B)" in by_kind["tanpa_sipd"]
    assert "pagu Rp 500.000" in by_kind["tanpa_sipd"]
    assert "SIPD baris 6" in by_kind["tahun_lain"]
    assert "A0/SPP-LS" in by_kind["tahun_lain"] and "29-12-2023" in by_kind["tahun_lain"]
    assert "Rp 400.000 tidak dihitung" in by_kind["tahun_lain"]
    assert "A2/SPP-LS" in by_kind["ganda"] and "(baris 3 dan 7)" in by_kind["ganda"]
    assert "Rp 750.000" in by_kind["ganda"]
    # 1.900.000 − 1.000.000 = 900.000 above the pagu
    assert by_kind["melebihi_pagu"] == (
        "Realisasi SIPD sub kegiatan 7.01.01.2.02.01 (di SIPD: 7.01.01.2.02.0001) tahun 2024 "
        "sebesar Rp 1.900.000 (SIPD baris 2, 3, 4) melebihi pagu RKT Rp 1.000.000 "
        f"(RKT baris {laporan.rkt['7.01.01.2.02.01'].row}) sebesar Rp 900.000."
    )
    assert by_kind["tidak_terbaca"].startswith("SIPD baris 8 (sub kegiatan 7.01.01.2.02.0001)")
    assert "sejuta" in by_kind["tidak_terbaca"]


def test_reconcile_two_digit_rkt_matches_four_digit_sipd(tmp_path):
    laporan = _isian(tmp_path)
    rows = [
        _doc("7.01.01.2.02.0001", "1", D(2024, 2, 1), 900_000),
        _doc("7.01.01.2.02.0002", "2", D(2024, 5, 1), 500_000),  # exactly the pagu
    ]
    sipd = read_sipd(write_sipd(tmp_path / "sipd.xlsx", rows), 2024)
    assert reconcile(laporan, sipd) == []


def test_reconcile_is_deterministic(tmp_path):
    laporan = _isian(tmp_path)
    sipd = read_sipd(write_sipd(tmp_path / "sipd.xlsx", RECONCILE_ROWS), 2024)
    first = reconcile(laporan, sipd)
    assert all(isinstance(s, Selisih) for s in first)
    assert reconcile(laporan, sipd) == first


def test_money_under_the_table_without_a_code_is_never_dropped_silently(tmp_path):
    rows = [
        _doc("7.01.01.2.02.0001", "SPP-1", _dt.date(2024, 3, 1), 100_000),
        _doc("", "SPP-9", _dt.date(2024, 3, 2), 5_000_000),  # the last row, its code lost
    ]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    assert sipd.per_sub == {canonical_code("7.01.01.2.02.01"): 100_000}
    assert [reason for _, reason in sipd.unreadable] == ["baris tanpa Kode Sub Kegiatan"]
    # SIPD's own total row under the data is not a lost document
    total = read_sipd(write_sipd(tmp_path / "t.xlsx", rows[:1], shape="titles"), 2024)
    assert total.unreadable == []


def test_setoran_above_realisasi_is_listed(tmp_path):
    rows = [_doc("7.01.01.2.02.0001", "SPP-1", _dt.date(2024, 3, 1), 100_000, setoran=180_000)]
    sipd = read_sipd(write_sipd(tmp_path / "s.xlsx", rows), 2024)
    laporan = read_workbook(write_workbook(tmp_path / "isian.xlsx", minimal_rows()))
    lines = [line for line in reconcile(laporan, sipd) if line.kind == "negatif"]
    assert len(lines) == 1 and "Rp -80.000" in lines[0].message
