"""Small workbooks for tests, written through the same schema as the real template."""

from __future__ import annotations

from pathlib import Path

from sakip_xlsx.render.xlsx.template import template_bytes

MINIMAL_IDENTITAS = {
    "nama_instansi": "Dinas Contoh",
    "pemerintah_daerah": "Kabupaten Contoh",
    "kepala_nama": "Nama Kepala",
    "kepala_jabatan": "Kepala Dinas",
}


def minimal_rows() -> dict[str, list[dict[str, object]]]:
    """One tujuan, one sasaran with one indicator, one program/kegiatan/sub kegiatan."""
    return {
        "Renstra": [
            {
                "jenis": "Tujuan",
                "kode": "T1",
                "uraian": "Tujuan",
                "kode_indikator": "IT1",
                "indikator": "Indeks tujuan",
                "satuan": "Indeks",
                "polaritas": "Positif",
            },
            {
                "jenis": "Sasaran",
                "kode": "S1",
                "kode_induk": "T1",
                "uraian": "Sasaran satu",
                "kode_indikator": "IS1",
                "indikator": "Persentase layanan",
                "satuan": "%",
                "polaritas": "Positif",
                "target:2024": "80%",
                "target:2025": "85%",
                "target_akhir": "85%",
                "iku": "Ya",
            },
        ],
        "RKT": [
            {"jenis": "Indikator Sasaran", "kode": "IS1", "uraian": "Sasaran satu", "target": 80},
            {"jenis": "Program", "kode": "7.01.01", "kode_induk": "S1", "uraian": "Program A"},
            {
                "jenis": "Kegiatan",
                "kode": "7.01.01.2.02",
                "kode_induk": "7.01.01",
                "uraian": "Kegiatan A",
            },
            {
                "jenis": "Sub Kegiatan",
                "kode": "7.01.01.2.02.01",
                "kode_induk": "7.01.01.2.02",
                "uraian": "Sub A",
                "indikator": "Jumlah laporan",
                "satuan": "Laporan",
                "target": "12 Laporan",
                "pagu": 1000000,
            },
        ],
        "PK": [
            {"kode": "IS1", "uraian": "Sasaran satu", "target": "80%"},
            {"kode": "7.01.01", "uraian": "Program A", "anggaran": 1000000},
        ],
        "Rencana Aksi": [
            {
                "kode": "IS1",
                "target_tw1": 20,
                "target_tw2": 20,
                "target_tw3": 20,
                "target_tw4": 20,
                "metode": "Jumlah",
            },
        ],
        "Realisasi": [
            {"kode": "IS1", "realisasi": "72%", "realisasi_lalu:2023": "70%"},
            {
                "kode": "7.01.01.2.02.01",
                "realisasi": "12 Laporan",
                "realisasi_anggaran": "Rp 900.000",
            },
        ],
        "SDM": [
            {"jabatan": "Kepala Dinas", "status": "ASN", "golongan": "IV/c", "pendidikan": "S2"}
        ],
    }


def sub_b(pagu: int = 500_000) -> dict[str, object]:
    """A second sub kegiatan under the minimal rows' kegiatan, with its own output target."""
    return {
        "jenis": "Sub Kegiatan",
        "kode": "7.01.01.2.02.02",
        "kode_induk": "7.01.01.2.02",
        "uraian": "Sub B",
        "indikator": "Jumlah kegiatan",
        "satuan": "Kegiatan",
        "target": 8,
        "pagu": pagu,
    }


def write_workbook(
    path: Path,
    rows: dict[str, list[dict[str, object]]] | None = None,
    identitas: dict[str, object] | None = None,
    tahun: int = 2024,
    periode: tuple[int, int] = (2023, 2026),
) -> Path:
    data = template_bytes(
        tahun,
        periode,
        identitas={**MINIMAL_IDENTITAS, **(identitas or {})},
        rows=minimal_rows() if rows is None else rows,
    )
    path.write_bytes(data)
    return path


def variant_workbook(path: Path) -> Path:
    """Every rule variant in one isian: Negatif and Rentang polarity, cap 120, the Permendagri
    scale, PMK efisiensi, a missing realisasi, an unreadable target, a zero target, realisasi
    only per quarter, Rencana Aksi metode Akhir and Rata-rata, last year's budget."""
    rows = minimal_rows()
    rows["Renstra"] += [
        {
            "jenis": "Sasaran",
            "kode": "S2",
            "kode_induk": "T1",
            "uraian": "Sasaran dua",
            "kode_indikator": "IS2",
            "indikator": "Angka kasus",
            "satuan": "Kasus",
            "polaritas": "Negatif",
            "target:2024": 10,
            "target_akhir": 8,
            "metode_tahunan": "Jumlah",
        },
        {
            "jenis": "Sasaran",
            "kode": "S2",
            "uraian": "",
            "kode_indikator": "IS3",
            "indikator": "Inflasi",
            "satuan": "%",
            "polaritas": "Rentang",
            "target:2024": "2-4",
            "target_akhir": "2-4",
        },
        {
            "jenis": "Sasaran",
            "kode": "S3",
            "kode_induk": "T1",
            "uraian": "Sasaran tiga",
            "kode_indikator": "IS4",
            "indikator": "Nol",
            "satuan": "%",
            "target:2024": 0,
        },
        {
            "jenis": "Sasaran",
            "kode": "S3",
            "kode_indikator": "IS5",
            "indikator": "Rusak",
            "satuan": "%",
            "target:2024": "banyak",
        },
        {
            "jenis": "Sasaran",
            "kode": "S3",
            "kode_indikator": "IS7",
            "indikator": "Angka pengaduan",
            "satuan": "Kasus",
            "polaritas": "Negatif",
            "target:2024": "10-12",
            "target_akhir": "10 s.d. 12",
        },
        {
            "jenis": "Sasaran",
            "kode": "S3",
            "kode_indikator": "IS8",
            "indikator": "Persentase rentang",
            "satuan": "%",
            "polaritas": "Positif",
            "target:2024": "60 – 70",
        },
        {
            "jenis": "Sasaran",
            "kode": "S3",
            "kode_indikator": "IS6",
            "indikator": "Triwulan",
            "satuan": "Kegiatan",
            "target:2024": 40,
            "target_akhir": 40,
        },
    ]
    rows["RKT"].append(sub_b())
    rows["PK"] = [{"kode": "IS1", "uraian": "Sasaran satu", "target": "80%"}]
    rows["Realisasi"] += [
        {"kode": "IS2", "realisasi": 7, "realisasi_lalu:2023": 12, "realisasi_nasional": 9},
        {"kode": "IS3", "realisasi": 5},
        {"kode": "IS4", "realisasi": 3},
        {"kode": "IS5", "realisasi": 3},
        {"kode": "IS7", "realisasi": 15},
        {"kode": "IS8", "realisasi": "77%"},
        # only quarterly realisasi: the year's value is accumulated by the metode
        {"kode": "IS6", "realisasi_tw1": 12, "realisasi_tw2": 9, "realisasi_tw3": 11},
        {
            "kode": "7.01.01.2.02.02",
            "realisasi_tw1": 2,
            "realisasi_tw2": 2,
            "realisasi_tw3": 2,
            "realisasi_tw4": 1,
            "realisasi_anggaran": 400_000,
        },
    ]
    rows["Rencana Aksi"] += [
        {"kode": "IS2", "target_tw1": 3, "target_tw2": 3, "target_tw4": 2, "metode": "Akhir"},
        {
            "kode": "7.01.01.2.02.01",
            "target_tw1": 3,
            "target_tw2": 3,
            "target_tw3": 3,
            "target_tw4": 3,
            "metode": "Rata-rata",
        },
    ]
    rows["Realisasi"][0].update({"realisasi_tw1": 20, "realisasi_tw2": 18})
    return write_workbook(
        path,
        rows,
        identitas={
            "batas_capaian": "120",
            "skala_predikat": "Permendagri 86/2017",
            "metode_efisiensi": "PMK 214/2017",
            "pagu_tahun_lalu": 900000,
            "realisasi_tahun_lalu": 850000,
        },
    )


def rewrite_sheet_xml(path: Path, title: str, pattern: bytes, new: bytes) -> Path:
    """`path` with one sheet's XML edited as a faulty program would have written it: the first
    match of the regular expression `pattern` (which must occur) replaced by `new`."""
    import re
    import zipfile

    from sakip_xlsx.workbook.grid import open_workbook

    with open_workbook(path) as book:
        part = book.parts[title]
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    edited, count = re.subn(pattern, new, parts[part], count=1)
    assert count == 1, (title, pattern)
    parts[part] = edited
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def png(width: int = 8, height: int = 8, rgb: bytes = b"\x1b\x6b\x3a") -> bytes:
    """A small one-colour PNG (a logo for a test), made without an imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + rgb * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
