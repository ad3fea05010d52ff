"""Small workbooks for tests, written through the same schema as the real template."""

from __future__ import annotations

from pathlib import Path

from sakip_xlsx.template_writer import template_bytes

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
