"""SIPD "Laporan Realisasi" exports for tests, written the way SIPD and the staff who re-save
them write them: 45 columns, title rows, columns moved, amounts and dates as text."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import xlsxwriter

SHEET = "Data Realisasi Dokumen"

HEADERS = (
    "Kode SKPD",
    "Nama SKPD",
    "Kode Sub SKPD",
    "Nama Sub SKPD",
    "Kode Urusan",
    "Nama Urusan",
    "Kode Bidang Urusan",
    "Nama Bidang Urusan",
    "Kode Program",
    "Nama Program",
    "Kode Kegiatan",
    "Nama Kegiatan",
    "Kode Sub Kegiatan",
    "Nama Sub Kegiatan",
    "Kode Sumber Dana",
    "Nama Sumber Dana",
    "Kode Rekening",
    "Nama Rekening",
    "Nomor Dokumen",
    "Jenis Dokumen",
    "Jenis Transaksi",
    "Tanggal Dokumen",
    "Keterangan",
    "Nilai Realisasi",
    "Nilai Setoran",
    "Nomor SPP",
    "Tanggal SPP",
    "Nomor SPM",
    "Tanggal SPM",
    "Nomor SP2D",
    "Tanggal SP2D",
    "Nilai SP2D",
    "Tanggal Transfer",
    "Nama Penerima",
    "NPWP",
    "Bank",
    "Nomor Rekening Bank",
    "Nilai PPN",
    "Nilai PPh 21",
    "Nilai PPh 22",
    "Nilai PPh 23",
    "Nilai PPh Final",
    "Status Dokumen",
    "Tahapan",
    "Dibuat Oleh",
)
assert len(HEADERS) == 45

SHAPES = ("plain", "titles", "reordered", "text_numbers", "other_sheet_first")

# How the `reordered` shape spells some headers: other case, spacing and a line break.
RESPELLED = {
    "Kode Sub Kegiatan": "KODE SUB\nKEGIATAN",
    "Nilai Realisasi": "nilai   realisasi",
    "Tanggal Dokumen": "  TANGGAL DOKUMEN ",
    "Nomor Dokumen": "Nomor dokumen",
    "Nilai Setoran": "NILAI SETORAN",
    "Kode Rekening": "kode  rekening",
}

AMOUNTS = {"Nilai Realisasi", "Nilai Setoran", "Nilai SP2D", "Nilai PPN"} | {
    h for h in HEADERS if h.startswith("Nilai PPh")
}
DATES = {"Tanggal Dokumen", "Tanggal SPP", "Tanggal SPM", "Tanggal SP2D", "Tanggal Transfer"}


def _id_number(number: float, decimals: bool) -> str:
    """`1.250.000` or `1.250.000,00`: how SIPD's text export writes an amount."""
    text = f"{number:,.2f}" if decimals else f"{round(number):,}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def _values(row: dict[str, object], index: int) -> dict[str, object]:
    """Every one of the 45 columns of one document row; `row` gives the ones tests vary."""
    kode = str(row.get("kode_sub", ""))
    parts = kode.split(".")
    nomor = row.get("nomor", f"{index:05d}/SPP-LS/1.01.0.00.0.00.01.0000/M/2024")
    tanggal = row.get("tanggal")
    realisasi = row.get("realisasi", 0)
    sp2d_date = row.get("tanggal_sp2d", tanggal)
    values: dict[str, object] = {
        "Kode SKPD": "1.01.0.00.0.00.01.0000",
        "Nama SKPD": "Dinas Pendidikan",
        "Kode Sub SKPD": "1.01.0.00.0.00.01.0000",
        "Nama Sub SKPD": "Dinas Pendidikan",
        "Kode Urusan": parts[0] if parts else "",
        "Nama Urusan": "Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar",
        "Kode Bidang Urusan": ".".join(parts[:2]),
        "Nama Bidang Urusan": "Pendidikan",
        "Kode Program": ".".join(parts[:3]),
        "Nama Program": "Program Penunjang Urusan Pemerintahan Daerah",
        "Kode Kegiatan": ".".join(parts[:5]),
        "Nama Kegiatan": "Administrasi Keuangan Perangkat Daerah",
        "Kode Sub Kegiatan": kode,
        "Nama Sub Kegiatan": row.get("nama", "Penyediaan Gaji dan Tunjangan ASN"),
        "Kode Sumber Dana": "1.2.01.01.01.0001",
        "Nama Sumber Dana": "DAU",
        "Kode Rekening": row.get("rekening", "5.1.02.01.01.0024"),
        "Nama Rekening": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
        "Nomor Dokumen": nomor,
        "Jenis Dokumen": row.get("jenis_dokumen", "SPP"),
        "Jenis Transaksi": row.get("jenis_transaksi", "LS"),
        "Tanggal Dokumen": tanggal,
        "Keterangan": row.get("keterangan", "Belanja ATK"),
        "Nilai Realisasi": realisasi,
        "Nilai Setoran": row.get("setoran"),
        "Nomor SPP": nomor,
        "Tanggal SPP": tanggal,
        "Nomor SPM": str(nomor).replace("SPP", "SPM"),
        "Tanggal SPM": tanggal,
        "Nomor SP2D": str(nomor).replace("SPP", "SP2D"),
        "Tanggal SP2D": sp2d_date,
        "Nilai SP2D": realisasi,
        "Tanggal Transfer": sp2d_date,
        "Nama Penerima": "CV Maju Jaya",
        "NPWP": "01.234.567.8-901.000",
        "Bank": "Bank Jatim",
        "Nomor Rekening Bank": "0011223344",
        "Nilai PPN": 0,
        "Nilai PPh 21": 0,
        "Nilai PPh 22": 0,
        "Nilai PPh 23": 0,
        "Nilai PPh Final": 0,
        "Status Dokumen": "Sudah SP2D",
        "Tahapan": "Realisasi",
        "Dibuat Oleh": "bendahara",
    }
    return values


def write_sipd(
    path: Path,
    rows: list[dict[str, object]],
    *,
    shape: str = "plain",
    sheet: str = SHEET,
    headers: tuple[str, ...] = HEADERS,
    total: bool | None = None,
) -> Path:
    """Write a SIPD export holding `rows` in one of `SHAPES`.

    A row is a dict with `kode_sub`, `nama`, `rekening`, `nomor`, `jenis_dokumen`,
    `jenis_transaksi`, `tanggal` (a date, None or text written as it is), `tanggal_sp2d`,
    `realisasi`, `setoran` (numbers, None or text written as it is), `keterangan`. `headers`
    drops or renames columns for the header-not-found cases; `total` adds SIPD's total row
    under the data (default: only in the `titles` shape).
    """
    if shape not in SHAPES:
        raise ValueError(shape)
    total = shape == "titles" if total is None else total
    book = xlsxwriter.Workbook(str(path))
    bold = book.add_format({"bold": True, "text_wrap": True})
    money = book.add_format({"num_format": "#,##0.00"})
    date = book.add_format({"num_format": "dd-mm-yyyy"})
    if shape == "other_sheet_first":
        other = book.add_worksheet("Rekap SKPD")
        other.write_row(0, 0, ["REKAPITULASI REALISASI PER SKPD"])
        other.write_row(2, 0, ["Kode SKPD", "Nama SKPD", "Pagu", "Realisasi"], bold)
        other.write_row(3, 0, ["1.01.0.00.0.00.01.0000", "Dinas Pendidikan", 9_000_000, 1])
    ws = book.add_worksheet(sheet)
    order = list(headers)
    if shape == "reordered":
        order = order[::2][::-1] + order[1::2]
    start = 0
    if shape == "titles":
        ws.write(0, 0, "LAPORAN REALISASI")
        ws.write(1, 0, "PEMERINTAH KABUPATEN CONTOH")
        ws.write(2, 0, "Tahun Anggaran 2024")
        start = 4  # row 4 (1-based) left blank
    for col, name in enumerate(order):
        shown = RESPELLED.get(name, name) if shape == "reordered" else name
        ws.write_string(start, col, shown, bold)
    line = start + 1
    for index, row in enumerate(rows, start=1):
        values = _values(row, index)
        for col, name in enumerate(order):
            _write(ws, line, col, name, values.get(name), shape, index, money, date)
        line += 1
        if shape == "titles" and index == 1:
            ws.write_string(line, 0, "   ")  # a row that only looks filled
            line += 1
    if total:
        ws.write_string(line, order.index("Nama Sub Kegiatan"), "JUMLAH")
        numbers = (r.get("realisasi") for r in rows)
        sums = sum(v for v in numbers if isinstance(v, (int, float)))
        ws.write_number(line, order.index("Nilai Realisasi"), sums, money)
    book.close()
    return path


def _write(ws, line, col, name, value, shape, index, money, date) -> None:
    if value is None or value == "":
        return
    text_numbers = shape == "text_numbers"
    if isinstance(value, _dt.date):
        if text_numbers:
            ws.write_string(line, col, value.strftime("%d-%m-%Y"))
        else:
            ws.write_datetime(line, col, _dt.datetime.combine(value, _dt.time()), date)
    elif isinstance(value, (int, float)) and name in AMOUNTS:
        if text_numbers:
            shown = _id_number(value, decimals=index % 2 == 0)
            ws.write_string(line, col, f"Rp {shown}" if index % 3 == 0 else shown)
        else:
            ws.write_number(line, col, value, money)
    elif isinstance(value, (int, float)):
        ws.write_number(line, col, value)
    else:
        ws.write_string(line, col, str(value))
