"""Build examples/puger-2023.xlsx: the 2023 data of Kecamatan Puger (Kabupaten Jember).

Every value is typed the way the source document prints it (LKIP 2023 of Kecamatan Puger with
its Renstra Perubahan, RKT, Rencana Aksi, Perjanjian Kinerja Perubahan and SK IKU), so the
workbook shows what staff really type and carries the documents' own contradictions. Choices
the documents leave open are listed in examples/README.md.

The workbook is written through the project's schema (`template_bytes`), so re-running this
script after a schema change regenerates a valid example:

    python examples/build_puger.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sakip_xlsx.render.xlsx.template import template_bytes
from sakip_xlsx.safety.atomic import write_atomically

TAHUN = 2023
PERIODE = (2021, 2026)


def logo_png(width: int = 120, height: int = 140) -> bytes:
    """A logo made for this example (a green shield with a gold band and a white disc): the
    real Kabupaten Jember emblem is not ours to ship. Built pixel by pixel, deterministic."""
    import struct
    import zlib

    rows = []
    for y in range(height):
        half = (
            width
            / 2
            * (1.0 if y < height * 0.6 else max(0.0, 1 - (y - height * 0.6) / (height * 0.42)))
        )
        line = bytearray([0])  # filter type None
        for x in range(width):
            inside = abs(x + 0.5 - width / 2) < half - 2
            if not inside or (x - width / 2) ** 2 + (y - height * 0.38) ** 2 < (width * 0.2) ** 2:
                line += b"\xff\xff\xff"
            elif height * 0.66 < y < height * 0.74:
                line += b"\xd4\xaf\x37"
            else:
                line += b"\x1b\x6b\x3a"
        rows.append(bytes(line))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


IDENTITAS = {
    "nama_instansi": "Kecamatan Puger",
    "pemerintah_daerah": "Kabupaten Jember",
    "kepala_nama": "HERU WIDAGDO, SP, M.Si",
    "kepala_nip": "19660105 199803 1 004",
    "kepala_pangkat": "Pembina Tingkat I (IV/b)",
    "kepala_jabatan": "Camat Puger",
    "atasan_nama": "Ir. H. HENDY SISWANTO, ST, IPU.",
    "atasan_jabatan": "Bupati Jember",
    "tempat": "Jember",
    "tanggal": dt.datetime(2024, 1, 29),
    "belanja_operasi": "Rp. 4.007.018.160,00",
    "belanja_modal": "Rp. 53.225.986,00",
    "pagu_tahun_lalu": "Rp. 3.810.244.147,00",
    "realisasi_tahun_lalu": "Rp. 3.709.209.303,00",
    "tugas_fungsi": (
        "Kecamatan Puger merupakan unsur pelaksana Pemerintah Daerah yang dipimpin oleh Camat "
        "sebagai koordinator penyelenggaraan pemerintahan di wilayah kerjanya (Peraturan Bupati "
        "Jember Nomor 29 Tahun 2021). Fungsinya antara lain: penyelenggaraan urusan "
        "pemerintahan umum; koordinasi kegiatan pemberdayaan masyarakat; koordinasi upaya "
        "penyelenggaraan ketenteraman dan ketertiban umum; koordinasi penerapan dan penegakan "
        "Peraturan Daerah dan Peraturan Bupati; koordinasi pemeliharaan prasarana dan sarana "
        "pelayanan umum; pembinaan dan pengawasan penyelenggaraan kegiatan desa; dan "
        "penyelesaian permasalahan pelayanan pemerintahan di wilayah kecamatan."
    ),
    "struktur_organisasi": (
        "Susunan organisasi Kecamatan Puger terdiri dari Camat; Sekretaris Kecamatan dengan "
        "Subbag Perencanaan, Pelaporan dan Keuangan serta Subbag Umum dan Kepegawaian; Seksi "
        "Pemerintahan; Seksi Ketentraman dan Ketertiban Umum; Seksi Pemberdayaan Masyarakat dan "
        "Kesejahteraan Sosial; Seksi Pelayanan Umum; dan Kelompok Jabatan Fungsional."
    ),
    "isu_strategis": (
        "Pola pikir dan budaya kerja belum sejalan dengan alur pikir dan alur tindak Reformasi "
        "Birokrasi; SDM pelaksana layanan masih terbatas dalam jumlah dan kompetensi; "
        "profesionalisme petugas administrasi kependudukan dan pencatatan sipil belum optimal; "
        "program pemberdayaan ekonomi masyarakat desa belum fokus pada potensi desa; dan "
        "pemahaman SDM perencana terhadap kaidah perencanaan masih kurang."
    ),
    "batas_capaian": "100",
    "skala_predikat": "PermenPANRB 88/2021",
    "metode_efisiensi": "Rasio capaian/serapan",
    # the LKIP's own texts (Bab I.A, I.B, I.E, Bab IV), shortened; a line is a paragraph
    "latar_belakang": (
        "Terselenggaranya Good Governance merupakan persyaratan bagi setiap pemerintahan untuk "
        "mewujudkan aspirasi masyarakat dalam mencapai tujuan serta cita-cita bangsa bernegara. "
        "Dalam rangka itu diperlukan pengembangan dan penerapan sistem pertanggungjawaban yang "
        "tepat, jelas, dan terukur sehingga penyelenggaraan pemerintah dan pembangunan dapat "
        "berlangsung secara berdaya guna, berhasil guna, bersih dan bertanggung jawab serta "
        "bebas dari korupsi, kolusi dan nepotisme.\n"
        "Berdasarkan Peraturan Presiden Nomor 29 tahun 2014 tentang Sistem Akuntabilitas "
        "Kinerja Instansi Pemerintah, Laporan Kinerja merupakan bentuk akuntabilitas dari "
        "pelaksanaan tugas yang berfungsi antara lain sebagai alat penilaian kinerja, wujud "
        "akuntabilitas pelaksanaan tugas dan fungsi Kecamatan Puger dan wujud transparansi serta "
        "pertanggungjawaban kepada masyarakat.\n"
        "Kinerja Kecamatan Puger diukur atas dasar penilaian Indikator Kinerja Utama (IKU) yang "
        "merupakan indikator keberhasilan pencapaian sasaran strategis sebagaimana telah "
        "ditetapkan dalam perjanjian kinerja Kecamatan Puger tahun 2023."
    ),
    "maksud_tujuan": (
        "Penyusunan Laporan Kinerja Kecamatan Puger dimaksudkan untuk menyampaikan capaian "
        "kinerja Kecamatan Puger dalam satu tahun anggaran yang dikaitkan dengan proses "
        "pencapaian indikator sasaran yang telah ditetapkan.\n"
        "Tujuannya: (a) sebagai sarana pertanggungjawaban kinerja kepada seluruh stakeholder atas "
        "pelaksanaan tugas, fungsi dan wewenang pengelolaan sumber daya yang menjadi kewenangan "
        "Kecamatan Puger; (b) sebagai bahan evaluasi akuntabilitas kinerja Kecamatan Puger dalam "
        "rangka meningkatkan kinerja dan penyelenggaraan pelayanan publik yang lebih baik."
    ),
    "profil": (
        "Kecamatan Puger terletak di wilayah Kabupaten Jember bagian Selatan dengan luas wilayah "
        "29,11 km2, berbatasan dengan Kecamatan Balung di utara, Kecamatan Wuluhan di timur, "
        "Samudera Indonesia di selatan dan Kecamatan Umbulsari di barat.\n"
        "Secara administratif Kecamatan Puger membawahi 12 desa (Mojomulyo, Mojosari, Puger "
        "Kulon, Puger Wetan, Grenden, Mlokorejo, Kasiyan, Kasiyan Timur, Wonosari, Jambearum, "
        "Bagon dan Wringintelu) yang terbagi atas 37 dusun dan 887 RT, dengan jumlah penduduk "
        "125.331 jiwa (63.388 laki-laki dan 61.943 perempuan) yang bermata pencaharian di "
        "bidang perikanan, pertanian, perkebunan dan perdagangan."
    ),
    "simpulan": (
        "Laporan Kinerja Kecamatan Puger merupakan bentuk pertanggungjawaban pelaksanaan "
        "kegiatan pembangunan, penyelenggaraan pemerintahan dan pelayanan masyarakat yang "
        "menjadi tugas dan wewenang Kecamatan Puger pada tahun 2023, sekaligus bahan evaluasi "
        "dan umpan balik untuk perbaikan kinerja pada tahun-tahun mendatang."
    ),
    "kendala": (
        "Kurangnya pemahaman mengenai proses pemerintahan, pelayanan publik dan tata kelola "
        "yang baik; sumber daya manusia yang terampil dan berkompetensi tinggi masih terbatas; "
        "sarana dan prasarana penunjang kegiatan pemerintahan masih terbatas."
    ),
    "langkah": (
        "Memberikan dukungan dan pemahaman kepada pemangku kepentingan lokal dengan "
        "memfasilitasi proses pemerintahan, pelayanan publik dan tata kelola yang baik; "
        "mencukupi dan meningkatkan sumber daya manusia yang terampil dan berkompetensi; "
        "mencukupi kekurangan sarana dan prasarana penunjang kegiatan pemerintahan."
    ),
    # Lampiran 3: the PK Perubahan, signed Jember, 21 November 2023
    "pk_tanggal": dt.datetime(2023, 11, 21),
    "pk_perubahan": "Ya",
    "logo_gambar": logo_png(),
}

T1 = (
    "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, "
    "dan efisien."
)
T2 = (
    "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan "
    "pemerintahan dan pelayanan publik."
)
S1 = "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah"
S2 = (
    "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas "
    "di Kecamatan"
)
S3 = "Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan"
S4 = (
    "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan dan Pelayanan Publik "
    "yang Merata dan Berkualitas di Kecamatan"
)
IND = {
    "IT1": "Nilai SAKIP OPD",
    "IT2": "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah",
    "IS1": "Persentase Indikator Program yang tercapai",
    "IS2": "Indeks Kepuasan Masyarakat",
    "IS3": "Persentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan",
    "IS4": (
        "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta "
        "Ketentraman Masyarakat"
    ),
}


def renstra_row(jenis, kode, induk, uraian, kode_ind, satuan, targets, akhir):
    """Renstra Perubahan 2021-2026, 'Sesudah Pemutakhiran' (Bab II.A); no 2021 targets given."""
    row = {
        "jenis": jenis,
        "kode": kode,
        "kode_induk": induk,
        "uraian": uraian,
        "kode_indikator": kode_ind,
        "indikator": IND[kode_ind],
        "satuan": satuan,
        "polaritas": "Positif",
        "metode_tahunan": "Akhir",
        "target_akhir": akhir,
        "iku": "Ya",
    }
    for year, value in zip(range(2022, 2027), targets, strict=True):
        row[f"target:{year}"] = value
    return row


RENSTRA = [
    renstra_row(
        "Tujuan",
        "T1",
        "",
        T1,
        "IT1",
        "Nilai",
        ["B (62)", "B (63)", "B (64)", "B (65)", "B (70)"],
        "B (70)",
    ),
    renstra_row("Sasaran", "S1", "T1", S1, "IS1", "%", ["90%"] * 4 + ["90%"], "90%"),
    renstra_row("Tujuan", "T2", "", T2, "IT2", "Dokumen", ["4 Dok"] * 5, "4 Dok"),
    renstra_row("Sasaran", "S2", "T2", S2, "IS2", "Indeks", [90] * 5, 90),
    renstra_row("Sasaran", "S3", "T2", S3, "IS3", "%", [100] * 5, 100),
    renstra_row("Sasaran", "S4", "T2", S4, "IS4", "%", ["100%"] * 5, "100%"),
]
RENSTRA[1]["target:2024"] = "90 %"  # printed with a space, as in the document


def sub(kode, induk, uraian, indikator, satuan, target, pagu):
    return {
        "jenis": "Sub Kegiatan",
        "kode": kode,
        "kode_induk": induk,
        "uraian": uraian,
        "indikator": indikator,
        "satuan": satuan,
        "target": target,
        "pagu": pagu,
    }


def keg(kode, induk, uraian, indikator=""):
    return {
        "jenis": "Kegiatan",
        "kode": kode,
        "kode_induk": induk,
        "uraian": uraian,
        "indikator": indikator,
    }


def prog(kode, induk, uraian, indikator, target):
    return {
        "jenis": "Program",
        "kode": kode,
        "kode_induk": induk,
        "uraian": uraian,
        "indikator": indikator,
        "target": target,
    }


EFEKTIF = "Meningkatnya Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"
KOORD_PD = (
    "Koordinasi/Sinergi dengan Perangkat Daerah dan/atau Instansi Vertikal yang Terkait dalam "
    "Pemeliharaan Sarana dan Prasarana Pelayanan Umum"
)
TRANTIB_SUB = (
    "Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan "
    "Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia"
)

RKT = [
    # Sasaran targets of the year as the RKT states them (its sasaran 4 block is not in the
    # document).
    {
        "jenis": "Indikator Sasaran",
        "kode": "IS1",
        "uraian": S1,
        "indikator": IND["IS1"],
        "satuan": "%",
        "target": "90%",
    },
    {
        "jenis": "Indikator Sasaran",
        "kode": "IS2",
        "uraian": S2,
        "indikator": IND["IS2"],
        "satuan": "Indeks",
        "target": 90,
    },
    {
        "jenis": "Indikator Sasaran",
        "kode": "IS3",
        "uraian": S3,
        "indikator": IND["IS3"],
        "satuan": "%",
        "target": 100,
    },
    prog("P1", "S1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "", "100%"),
    keg(
        "P1.1",
        "P1",
        "Administrasi Keuangan Perangkat Daerah",
        "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
    ),
    sub(
        "P1.1.1",
        "P1.1",
        "Penyediaan Gaji dan Tunjangan ASN",
        "Jumlah orang penerima Gaji dan Tunjangan ASN",
        "Orang/bulan",
        "18 Orang /bulan",
        "1.961.144.146",
    ),
    keg(
        "P1.2",
        "P1",
        "Administrasi Kepegawaian Perangkat Daerah",
        "Jumlah paket pakaian Dinas beserta atributnya",
    ),
    sub(
        "P1.2.1",
        "P1.2",
        "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
        EFEKTIF,
        "Paket",
        "1 Paket",
        "4.042.600",
    ),
    keg(
        "P1.3",
        "P1",
        "Administrasi Umum Perangkat Daerah",
        "Jumlah paket peralatan dan perlengkapan kantor yang disediakan",
    ),
    sub(
        "P1.3.1",
        "P1.3",
        "Penyediaan Peralatan dan Perlengkapan Kantor",
        EFEKTIF,
        "Paket",
        "7 Paket",
        "113.824.807",
    ),
    keg(
        "P1.4",
        "P1",
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        "Jumlah tersedianya laporan penyediaan jasa pelayanan umum kantor",
    ),
    sub(
        "P1.4.1",
        "P1.4",
        "Penyediaan Jasa Pelayanan Umum Kantor",
        "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan",
        "Laporan",
        "12 Laporan",
        "180.480.000",
    ),
    keg(
        "P1.5",
        "P1",
        "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        "Jumlah Pemeliharaan barang milik daerah penunjang urusan Pemerintahan daerah",
    ),
    sub(
        "P1.5.1",
        "P1.5",
        "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas "
        "atau Kendaraan Dinas Jabatan",
        "Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan "
        "dibayarkan Pajaknya",
        "Unit",
        "1 Unit",
        "42.696.960",
    ),
    sub(
        "P1.5.2",
        "P1.5",
        "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
        "Operasional atau Lapangan",
        "Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan dibayarkan Pajak "
        "dan Perizinannya",
        "Unit",
        "1 Unit",
        "36.151.812",
    ),
    sub(
        "P1.5.3",
        "P1.5",
        "Pemeliharaan Peralatan dan Mesin Lainnya",
        "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara",
        "Unit",
        "35 Unit",
        "10.000.000",
    ),
    sub(
        "P1.5.4",
        "P1.5",
        "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
        "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi",
        "Unit",
        "3 Unit",
        "60.910.921",
    ),
    prog(
        "P2",
        "S2",
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "Presentase Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        "100%",
    ),
    keg(
        "P2.1",
        "P2",
        "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
        "Presentase Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
    ),
    sub(
        "P2.1.1",
        "P2.1",
        "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        "Jumlah rakor pembinaan dibidang Pemerintahan dan penyaluran honor RT RW",
        "Kali",
        "12 Kali",
        "1.086.960.000",
    ),
    keg(
        "P2.2",
        "P2",
        "Koordinasi Pemeliharaan Prasarana dan Sarana Pelayanan Umum",
        "Jumlah Dokumen " + KOORD_PD,
    ),
    sub(
        "P2.2.1",
        "P2.2",
        KOORD_PD,
        "Jumlah Dokumen " + KOORD_PD,
        "Dokumen",
        "12 Dokumen",
        "4.150.000",
    ),
    prog(
        "P3",
        "S3",
        "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        "Jumlah desa yang mengikuti koordinasi kegiatan pemberdayaan masyarakat desa",
        "100%",
    ),
    keg(
        "P3.1",
        "P3",
        "Koordinasi Kegiatan Pemberdayaan Desa",
        "Jumlah desa yang mengikuti koordinasi kegiatan pemberdayaan masyarakat desa",
    ),
    sub(
        "P3.1.1",
        "P3.1",
        "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
        "Jumlah desa yang mengikuti koordinasi kegiatan pemberdayaan masyarakat desa",
        "Desa",
        "12 desa",
        "13.120.000",
    ),
    # Not in the RKT text: indicator and target from the Rencana Aksi, pagu from Tabel 3.8.
    sub(
        "P3.1.2",
        "P3.1",
        "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
        "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah "
        "Kecamatan",
        "Laporan",
        "12 Laporan",
        "117.500.300",
    ),
    # Program 4 and its first kegiatan are not in the RKT text: from the PK, Rencana Aksi and
    # Tabel 3.8.
    prog("P4", "S4", "Program Koordinasi Ketentraman dan Ketertiban Umum", "", ""),
    keg(
        "P4.1",
        "P4",
        "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
    ),
    sub(
        "P4.1.1",
        "P4.1",
        TRANTIB_SUB,
        "Jumlah Laporan " + TRANTIB_SUB,
        "Laporan",
        "12 Laporan",
        "422.222.600",
    ),
    keg(
        "P4.2",
        "P4",
        "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
        "Jumlah Laporan hasil pelaksanaan menjalin harmonisasi hubungan dengan Tokoh Agama dan "
        "Tokoh Masyarakat",
    ),
    sub(
        "P4.2.1",
        "P4.2",
        "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
        "Jumlah Laporan Pelaksanaan Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
        "Laporan",
        "Laporan",
        "7.040.000",
    ),
]


def ra(kode, uraian, tw, metode="Jumlah"):
    row = {"kode": kode, "uraian": uraian, "metode": metode}
    for q, value in enumerate(tw, start=1):
        row[f"target_tw{q}"] = value
    return row


RENCANA_AKSI = [
    ra("IS1", IND["IS1"], ["25,00 %"] * 4),
    ra("IS2", IND["IS2"], ["25,00 %"] * 4),
    ra("IS3", IND["IS3"], ["25,00 %"] * 4),
    ra("IS4", IND["IS4"], [None] * 4),
    ra("P1.1.1", "Penyediaan gaji dan tunjangan ASN", [3, 4, 4, 3]),
    ra("P1.2.1", "Penyediaan pakaian dinas beserta atribut kelengkapannya", ["-", "-", "-", 1]),
    ra("P1.3.1", "Penyediaan peralatan dan perlengkapan kantor", [1, 4, 1, 1]),
    ra("P1.4.1", "Penyediaan jasa pelayanan umum kantor", [2, 4, 3, 3]),
    ra("P1.5.1", "Pemeliharaan kendaraan perorangan dinas / dinas jabatan", [1, 1, 1, 1], "Akhir"),
    ra("P1.5.2", "Pemeliharaan kendaraan dinas operasional / lapangan", [1, 1, 1, 1], "Akhir"),
    ra("P1.5.3", "Pemeliharaan Peralatan dan Mesin Lainnya", [2, 3, 25, 5]),
    ra(
        "P1.5.4", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", ["-", "-", "-", 3]
    ),
    ra(
        "P2.1.1",
        "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        ["3 Kali", "3 Kali", "3 Kali", "3 Kali"],
    ),
    ra("P2.2.1", KOORD_PD, ["3 Kali", "3 Kali", "3 Kali", "3Kali"]),
    ra(
        "P3.1.1",
        "Peningkatan Partisipasi Masyarakat dalam Forum Musrenbang di Desa",
        ["12 desa", "-", "-", "-"],
    ),
    ra(
        "P3.1.2",
        "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
        ["2 Kali", "8 Kali", "2 Kali", "- Kali"],
    ),
    ra("P4.1.1", TRANTIB_SUB, ["Kali", "Kali", "Kali", "Kali"]),
    ra(
        "P4.2.1",
        "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
        ["Tw 1. Kali", "Tw 4. Kali", "Tw 5. Kali", "Tw 2. Kali"],
    ),
]

PK = [
    {
        "kode": "IS1",
        "uraian": S1,
        "indikator": "Presentase Indikator Program yang Tercapai",
        "target": "90%",
    },
    {"kode": "IS2", "uraian": S2, "indikator": "Indeks Kepuasan Masyarakat", "target": 90},
    {
        "kode": "IS3",
        "uraian": S3,
        "indikator": "Presentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan",
        "target": 100,
    },
    {
        "kode": "IS4",
        "uraian": "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
        "indikator": (
            "Presentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta "
            "Ketentraman Masyarakat"
        ),
        "target": "100 %",
    },
    {
        "kode": "P1",
        "uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "anggaran": "Rp 2.409.251.246",
        "keterangan": "P - APBD",
    },
    {
        "kode": "P2",
        "uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "anggaran": "Rp 1.091.110.000",
        "keterangan": "P - APBD",
    },
    {
        "kode": "P3",
        "uraian": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        "anggaran": "Rp 130.620.300",
        "keterangan": "P - APBD",
    },
    {
        "kode": "P4",
        "uraian": "Program Koordinasi Ketentraman dan Ketertiban Umum",
        "anggaran": "Rp. 429.262.600",
        "keterangan": "P - APBD",
    },
]

SUMBER = "Data Kinerja Kecamatan Puger"
REALISASI = [
    {
        "kode": "IS1",
        "uraian": IND["IS1"],
        "realisasi": "90%",
        "realisasi_lalu:2022": "80%",
        "realisasi_nasional": "-",
        "faktor_penghambat": (
            "Kendala dalam implementasi program dan kegiatan akibat perubahan regulasi dan "
            "kebijakan; permasalahan koordinasi antar perangkat daerah dalam program lintas "
            "sektoral."
        ),
        "upaya": (
            "Evaluasi dan penyesuaian target kinerja agar lebih realistis dan terukur; "
            "peningkatan koordinasi antar seksi; pemantauan dan evaluasi kinerja secara berkala."
        ),
        "sumber": SUMBER,
    },
    {
        "kode": "IS2",
        "uraian": IND["IS2"],
        "realisasi": "81,9",
        "realisasi_lalu:2022": "82,5%",
        "realisasi_nasional": "-",
        "faktor_penghambat": (
            "Kualitas pelayanan publik belum optimal (sikap dan kemampuan petugas); sarana dan "
            "prasarana terbatas, terutama jaringan internet dan perangkat komputer; kapasitas "
            "SDM penyelenggara pelayanan masih perlu ditingkatkan."
        ),
        "upaya": (
            "Memantau penerapan SOP dan standar pelayanan; menambah jaringan internet dan "
            "memutakhirkan perangkat komputer; pelatihan berkala bagi petugas; memperluas "
            "layanan digital; survei kepuasan masyarakat secara manual dan E-Sukma secara "
            "berkala."
        ),
        "sumber": "Indeks Kepuasan Masyarakat (Manual)",
    },
    {
        "kode": "IS3",
        "uraian": IND["IS3"],
        "realisasi": "100%",
        "realisasi_nasional": "-",
        "faktor_pendorong": (
            "Sinergi antar pemangku kepentingan di Kecamatan Puger (Koramil dan Babinsa, kader "
            "posyandu, tokoh masyarakat): komunikasi dan koordinasi, pembagian tugas dan "
            "pemanfaatan sumber daya bersama."
        ),
        "upaya": (
            "Mengevaluasi program yang kurang efektif; mengatasi keterbatasan anggaran dan "
            "fasilitas; meningkatkan partisipasi masyarakat dan pengawasan internal."
        ),
        "sumber": SUMBER,
    },
    {
        "kode": "IS4",
        "uraian": IND["IS4"],
        "realisasi": "100 %",
        "realisasi_nasional": "-",
        "faktor_pendorong": (
            "Patroli rutin serta identifikasi potensi kerja sama di bidang ketertiban umum dan "
            "ketentraman masyarakat."
        ),
        "upaya": (
            "Mengevaluasi program yang kurang efektif; koordinasi dengan Pemerintah Daerah dan "
            "masyarakat; meningkatkan transparansi dan akuntabilitas pelaporan."
        ),
        "sumber": SUMBER,
    },
]
for kode, output, anggaran in (
    ("P1.1.1", "16 orang", "Rp.1.632.385.030"),
    ("P1.2.1", "1 Paket", "Rp. 3.978.000"),
    ("P1.3.1", "1 Paket", "Rp. 87.988.409"),
    ("P1.4.1", "12 Laporan", "Rp. 171.480.000"),
    ("P1.5.1", "1 Unit", "Rp. 39.809.235"),
    ("P1.5.2", "1 Unit", "Rp. 32.770.000"),
    ("P1.5.3", "70 Unit", "Rp.9.980.000"),
    ("P1.5.4", "3 Unit", "Rp.60.153.000"),
    ("P2.1.1", "12 Kali", "Rp. 1.086.960.000"),
    ("P2.2.1", "12 Dokumen", "Rp.2.325.000"),
    ("P3.1.1", "12 Desa", "Rp.6.220.000"),
    ("P3.1.2", "12 Laporan", "Rp.95.955.300"),
    ("P4.1.1", "12 Laporan", "Rp.411.550.000"),
    ("P4.2.1", "12 Laporan", "Rp.7.040.000"),
):
    uraian = next(r["uraian"] for r in RKT if r["kode"] == kode)
    REALISASI.append(
        {
            "kode": kode,
            "uraian": uraian,
            "realisasi": output,
            "realisasi_anggaran": anggaran,
            "sumber": "Tabel 3.6 LKIP 2023",
        }
    )

SEKRETARIAT = "Sekretariat"
ASN = [
    # jabatan (Tabel 1.1), golongan (Tabel 1.2), pendidikan (Tabel 1.3), unit kerja
    ("Camat", "IV/b", "S2", "Pimpinan"),
    ("Sekretaris Camat", "III/d", "S1", SEKRETARIAT),
    ("Kepala Sub Bagian Umum dan Kepegawaian", "III/d", "S1", SEKRETARIAT),
    ("Pengadministrasi Umum", "II/c", "SMA/STM", SEKRETARIAT),
    ("Kepala Sub Bagian Perencanaan, Pelaporan dan Keuangan", "III/c", "S1", SEKRETARIAT),
    ("Bendahara", "III/a", "SMA/STM", SEKRETARIAT),
    ("Pengadministrasi Perencanaan dan Program", "II/d", "SMA/STM", SEKRETARIAT),
    ("Kepala Seksi Pemerintahan", "III/c", "S1", "Seksi Pemerintahan"),
    ("Pengadministrasi Pemerintahan", "II/a", "SMA/STM", "Seksi Pemerintahan"),
    ("Kepala Seksi Ketentraman dan Ketertiban Umum", "III/c", "S1", "Seksi Trantib"),
    ("Pengadministrasi Umum", "II/a", "SMA/STM", "Seksi Pemberdayaan Masyarakat dan Kesos"),
    ("Kepala Seksi Pelayanan Umum", "III/b", "S1", "Seksi Pelayanan Umum"),
    ("Pengadministrasi Kependudukan", "II/a", "SMA/STM", "Seksi Pelayanan Umum"),
    ("Pengadministrasi Kependudukan", "I/d", "SD", "Seksi Pelayanan Umum"),
]
NON_ASN_PENDIDIKAN = ["SD", "SLTP"] + ["SMA/STM"] * 14 + ["D2", "S1"]
SDM = [
    {"jabatan": j, "status": "ASN", "golongan": g, "pendidikan": p, "unit_kerja": u}
    for j, g, p, u in ASN
] + [
    {
        "jabatan": "Tenaga Pendukung Non ASN",
        "status": "Non ASN",
        "pendidikan": p,
        "keterangan": "Banpol, operator, full timer, sopir, kebersihan",
    }
    for p in NON_ASN_PENDIDIKAN
]


def build() -> bytes:
    return template_bytes(
        TAHUN,
        PERIODE,
        identitas=IDENTITAS,
        rows={
            "Renstra": RENSTRA,
            "RKT": RKT,
            "Rencana Aksi": RENCANA_AKSI,
            "PK": PK,
            "Realisasi": REALISASI,
            "SDM": SDM,
        },
    )


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("puger-2023.xlsx")
    write_atomically(out, build(), force=True)
    print(f"ditulis: {out}")


if __name__ == "__main__":
    main(sys.argv)
