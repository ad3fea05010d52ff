"""The LKIP as a sequence of format-neutral blocks, in the order of PermenPANRB 53/2014's
systematics: cover, Kata Pengantar, Daftar Isi, Ikhtisar Eksekutif, Bab I-IV, Lampiran.

Tables are the same `Table` objects the workbook is written from (a document shows some of
their columns, chosen by key); sentences come from `narrative`. A renderer (DOCX) only lays the
blocks out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sakip_xlsx.document import narrative as N
from sakip_xlsx.document.spec import Table
from sakip_xlsx.document.summary import tanggal
from sakip_xlsx.document.tables import (
    T11,
    T12,
    T13,
    T21,
    T22,
    T31,
    T32,
    T33,
    T34,
    T35,
    T36,
    T37,
    T38,
    TRA,
    rule_note,
)
from sakip_xlsx.lkip.findings import Finding
from sakip_xlsx.lkip.results import Hasil
from sakip_xlsx.lkip.schema import Jenis


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    """0 the cover title, 1 a chapter (Bab), 2 a section, 3 a sub-section."""
    toc: bool = True


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"
    """body, center, strong_center, placeholder (text the instansi still writes), small."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Labelled:
    """A label and its text (Faktor penghambat: ...)."""

    label: str
    text: str


@dataclass
class TableBlock:
    table: Table
    columns: tuple[str, ...]
    """The table's columns this document shows, by key, in this order."""
    caption: str = ""
    rows: tuple[object, ...] | None = None
    """Only these row keys (None: every row)."""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """A table of contents the word processor fills in (updated on opening)."""


@dataclass(frozen=True)
class Signer:
    role: str  # "PIHAK PERTAMA" or ""
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True)
class Signatures:
    """Signature block: one signer (Kata Pengantar) or two side by side (PK)."""

    signers: tuple[Signer, ...]
    place_date: str = ""


@dataclass(frozen=True)
class Logo:
    """Where the pemda's logo goes on the cover: the picture of the Identitas sheet."""

    image: bytes = b""


Block = Heading | Para | Bullets | Labelled | TableBlock | PageBreak | Contents | Signatures | Logo


@dataclass
class LkipDocument:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def paragraphs(self) -> list[str]:
        """Every sentence-bearing text of the document, in order (for tests and the Narasi
        sheet)."""
        out = []
        for block in self.blocks:
            if isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, Bullets):
                out.extend(block.items)
            elif isinstance(block, Labelled):
                out.append(f"{block.label}: {block.text}")
        return out


def _or_placeholder(text: str, what: str) -> list[Para]:
    """The instansi's own paragraphs, or the placeholder that says what is still to write."""
    given = N.paragraphs(text)
    return [Para(p) for p in given] if given else [Para(N.placeholder(what), "placeholder")]


def _or_default(text: str, default: list[str]) -> list[Para]:
    """The instansi's own paragraphs, or the generated ones they replace."""
    return [Para(p) for p in (N.paragraphs(text) or default)]


def _place_date(hasil: Hasil) -> str:
    ident = hasil.laporan.identitas
    parts = [ident.tempat.strip(), tanggal(ident.tanggal)]
    return ", ".join(p for p in parts if p) or N.placeholder("tempat, tanggal")


def _signer(hasil: Hasil, who: str, role: str = "") -> Signer:
    """The kepala or the atasan (`who`) as Identitas names them; a placeholder where empty."""
    ident = hasil.laporan.identitas

    def field(name: str) -> str:
        return getattr(ident, f"{who}_{name}")

    return Signer(
        role,
        field("jabatan") or N.placeholder(f"jabatan {who}"),
        field("nama") or N.placeholder(f"nama {who}"),
        field("pangkat"),
        field("nip"),
    )


def build(hasil: Hasil, findings: list[Finding], tables: dict[str, Table]) -> LkipDocument:
    """The LKIP of `hasil`; `tables` are the document's tables by name (document.tables())."""
    ident = hasil.laporan.identitas
    tahun = hasil.pengaturan.tahun
    doc = LkipDocument(f"LKIP {ident.nama_instansi} {tahun}".strip())
    _cover(doc, hasil)
    _kata_pengantar(doc, hasil)
    doc.add(Heading("DAFTAR ISI", 1, toc=False), Contents(), PageBreak())
    doc.add(Heading("IKHTISAR EKSEKUTIF", 1))
    doc.add(*(Para(s) for s in N.ikhtisar(hasil, findings)))
    doc.add(PageBreak())
    _bab_1(doc, hasil, tables)
    _bab_2(doc, hasil, tables)
    _bab_3(doc, hasil, tables)
    _bab_4(doc, hasil)
    _lampiran(doc, hasil, tables)
    return doc


def _cover(doc: LkipDocument, hasil: Hasil) -> None:
    ident = hasil.laporan.identitas
    doc.add(
        Heading("LAPORAN KINERJA INSTANSI PEMERINTAH", 0, toc=False),
        Para(f"(LKIP) TAHUN {hasil.pengaturan.tahun}", "strong_center"),
        Logo(ident.logo_gambar),
        Para((ident.nama_instansi or N.placeholder("nama instansi")).upper(), "strong_center"),
        Para((ident.pemerintah_daerah or N.placeholder("pemerintah daerah")).upper(), "center"),
        Para(str(hasil.pengaturan.tahun), "strong_center"),
        PageBreak(),
    )


def _kata_pengantar(doc: LkipDocument, hasil: Hasil) -> None:
    ident = hasil.laporan.identitas
    tahun = hasil.pengaturan.tahun
    default = [
        f"Laporan Kinerja Instansi Pemerintah (LKIP) {ident.nama_instansi} Tahun {tahun} "
        "disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas pokok dan fungsi "
        "serta pencapaian sasaran strategis yang ditetapkan dalam Rencana Strategis dan "
        f"{N.pk_title(hasil)}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 "
        "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri "
        "PANRB Nomor 53 Tahun 2014.",
        "Laporan ini menyajikan pengukuran capaian kinerja, perbandingannya dengan tahun "
        "sebelumnya dan dengan target jangka menengah, serta realisasi anggaran yang "
        "mendukungnya. Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan "
        "kinerja pada tahun-tahun berikutnya.",
    ]
    doc.add(
        Heading("KATA PENGANTAR", 1),
        *_or_default(ident.kata_pengantar, default),
        Signatures((_signer(hasil, "kepala"),), _place_date(hasil)),
        PageBreak(),
    )


def _bab_1(doc: LkipDocument, hasil: Hasil, tables: dict[str, Table]) -> None:
    ident = hasil.laporan.identitas
    instansi = ident.nama_instansi or N.placeholder("nama instansi")
    tahun = hasil.pengaturan.tahun
    doc.add(
        Heading("BAB I PENDAHULUAN", 1),
        Heading("A. Latar Belakang", 2),
        *_or_default(
            ident.latar_belakang,
            [
                f"{instansi} menyusun LKIP Tahun {tahun} untuk mempertanggungjawabkan "
                "keberhasilan dan kegagalan pelaksanaan misi organisasi dalam mencapai sasaran "
                "strategis yang telah ditetapkan."
            ],
        ),
        Heading("B. Maksud dan Tujuan", 2),
        *_or_default(
            ident.maksud_tujuan,
            [
                f"Maksud penyusunan LKIP ini adalah menyajikan pertanggungjawaban kinerja "
                f"{instansi} Tahun {tahun} kepada pemberi amanah. Tujuannya memberikan "
                "informasi kinerja yang terukur atas kinerja yang telah dan seharusnya dicapai, "
                "serta menjadi bahan perbaikan berkelanjutan untuk meningkatkan kinerja."
            ],
        ),
        Heading("C. Profil Organisasi", 2),
        *_or_placeholder(ident.profil, "profil organisasi (wilayah, penduduk, layanan)"),
        Heading("D. Tugas Pokok dan Fungsi", 2),
        *_or_placeholder(ident.tugas_fungsi, "tugas pokok dan fungsi"),
        Heading("E. Struktur Organisasi", 2),
        *_or_placeholder(ident.struktur_organisasi, "struktur organisasi"),
        Heading("F. Sumber Daya Manusia", 2),
    )
    if not hasil.laporan.sdm:
        doc.add(
            Para(
                N.placeholder("data pegawai menurut jabatan, golongan dan pendidikan"),
                "placeholder",
            )
        )
    else:
        for name in (T11, T12, T13):
            table = tables[name]
            keys = tuple(c.key for c in table.columns)
            doc.add(TableBlock(table, keys, table.title))
    doc.add(
        Heading("G. Isu Strategis", 2),
        *_or_placeholder(ident.isu_strategis, "isu strategis"),
        PageBreak(),
    )


def _bab_2(doc: LkipDocument, hasil: Hasil, tables: dict[str, Table]) -> None:
    t21 = tables[T21]
    doc.add(
        Heading("BAB II PERENCANAAN KINERJA", 1),
        Heading("A. Rencana Strategis", 2),
        Para(
            "Tujuan dan sasaran strategis beserta indikator dan targetnya ditetapkan dalam "
            "Rencana Strategis sebagai berikut."
        ),
        _whole(t21),  # the targets of every year of the period
        Heading(f"B. {N.pk_title(hasil)}", 2),
    )
    if hasil.laporan.pk:
        doc.add(
            Para(
                "Perjanjian Kinerja memuat sasaran strategis, indikator dan target yang "
                "diperjanjikan kepala instansi dengan atasannya, serta program dan anggarannya; "
                "naskahnya dilampirkan."
            ),
            _whole(tables[T22]),
        )
    else:
        doc.add(
            Para(N.placeholder("sasaran, indikator dan target Perjanjian Kinerja"), "placeholder")
        )
    doc.add(PageBreak())


PRINTED_COLUMNS = {
    T21: (
        "kode_indikator",
        "uraian",
        "indikator",
        "satuan",
        "kondisi_awal",
        "target_*",
        "target_akhir",
    ),
    T36: (
        "kode",
        "uraian",
        "pagu",
        "realisasi",
        "serapan",
        "indikator",
        "target",
        "real_output",
        "capaian",
    ),
    TRA: (
        "kode",
        "uraian",
        "metode",
        "target_1",
        "target_2",
        "target_3",
        "target_4",
        "realisasi_1",
        "realisasi_2",
        "realisasi_3",
        "realisasi_4",
        "capaian_4",
    ),
}
"""The columns a page can hold of the workbook's widest tables (19 to 21 columns there): every
row and figure, under the same number; the workbook keeps the rest (codes of the parents,
settings, PMK values, each quarter's capaian)."""


def _whole(table: Table) -> TableBlock:
    """A table as the workbook prints it: every row, under its own number, with every column
    a page can hold."""
    keys = [c.key for c in table.columns]
    wanted = PRINTED_COLUMNS.get(table.name)
    if wanted is not None:
        keys = [
            k
            for k in keys
            if k in wanted or any(w.endswith("*") and k.startswith(w[:-1]) for w in wanted)
        ]
    return TableBlock(table, tuple(keys), table.title)


def _bab_3(doc: LkipDocument, hasil: Hasil, tables: dict[str, Table]) -> None:
    doc.add(
        Heading("BAB III AKUNTABILITAS KINERJA", 1),
        Heading("A. Kerangka Pengukuran Kinerja", 2),
        Para(rule_note(hasil)),
        Heading("B. Capaian Kinerja", 2),
        _whole(tables[T31]),
        Para(N.rata_rata_sentence(hasil) + " " + N.bands_sentence(hasil)),
        _whole(tables[T32]),
        _whole(tables[T33]),
        _whole(tables[T34]),
        _whole(tables[T35]),
        Heading("C. Analisis Capaian per Sasaran", 2),
    )
    for heading, parts in N.per_sasaran(hasil):
        doc.add(Heading(heading, 3))
        for label, text in parts:
            doc.add(Labelled(label, text) if label else Para(text))
    doc.add(
        Heading("D. Realisasi Anggaran dan Efisiensi", 2),
        Para(N.serapan_sentence(hasil)),
        _whole(tables[T36]),
        _whole(tables[T37]),
        *((Para(text),) if (text := N.efisiensi_summary(hasil)) else ()),
        _whole(tables[T38]),
        PageBreak(),
    )


def _program_or_total(row) -> bool:
    jenis = row.cells.get("jenis")
    return row.total or (jenis is not None and jenis.value == Jenis.PROGRAM)


def _bab_4(doc: LkipDocument, hasil: Hasil) -> None:
    ident = hasil.laporan.identitas
    doc.add(
        Heading("BAB IV PENUTUP", 1),
        Heading("A. Simpulan", 2),
        *(Para(s) for s in N.penutup(hasil)),
        *_or_placeholder(ident.simpulan, "simpulan atas capaian kinerja"),
        Heading("B. Kendala Umum", 2),
        *_or_placeholder(ident.kendala, "kendala umum yang dihadapi"),
        Heading("C. Langkah ke Depan", 2),
        *_or_placeholder(ident.langkah, "langkah perbaikan ke depan"),
        PageBreak(),
    )


def _lampiran(doc: LkipDocument, hasil: Hasil, tables: dict[str, Table]) -> None:
    ident = hasil.laporan.identitas
    laporan = hasil.laporan
    kepala = _signer(hasil, "kepala", "PIHAK PERTAMA")
    atasan = _signer(hasil, "atasan", "PIHAK KEDUA")
    pk_date = ", ".join(
        p for p in (ident.tempat.strip(), tanggal(ident.pk_tanggal or ident.tanggal)) if p
    ) or N.placeholder("tempat, tanggal Perjanjian Kinerja")
    doc.add(
        Heading(f"LAMPIRAN I {N.pk_title(hasil).upper()}", 1),
        Para(N.pk_title(hasil).upper(), "strong_center"),
        Para((ident.nama_instansi or "").upper(), "strong_center"),
        Para(
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
            "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
        ),
        Labelled("Nama", kepala.nama),
        Labelled("Jabatan", kepala.jabatan),
        Para("selanjutnya disebut pihak pertama;"),
        Labelled("Nama", atasan.nama),
        Labelled("Jabatan", atasan.jabatan),
        Para("selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
        Para(
            "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
            "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah "
            "seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
            "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
        ),
        Para(
            "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
            "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
            "dalam rangka pemberian penghargaan dan sanksi."
        ),
        Signatures((atasan, kepala), pk_date),
    )
    if not laporan.pk:
        doc.add(Para(N.placeholder("lampiran Perjanjian Kinerja"), "placeholder"))
    t22 = tables[T22]
    sasaran_rows = tuple(
        r.key
        for r in t22.rows
        if _pk_kode(r) in laporan.indikator or _pk_kode(r) in laporan.sasaran
    )
    program_rows = tuple(r.key for r in t22.rows if r.key not in sasaran_rows)
    if sasaran_rows:
        doc.add(
            TableBlock(
                t22,
                ("kode", "uraian", "indikator", "satuan", "target"),
                "Sasaran strategis, indikator kinerja dan target",
                rows=sasaran_rows,
            )
        )
    if program_rows:
        doc.add(
            TableBlock(
                t22,
                ("kode", "uraian", "anggaran", "keterangan"),
                "Program dan anggaran",
                rows=program_rows,
            )
        )
    doc.add(
        PageBreak(),
        Heading("LAMPIRAN II RENCANA AKSI DAN PEMANTAUANNYA", 1),
        _whole(tables[TRA]),
    )
    _penghargaan(doc, hasil, "III")
    _telah_direviu(doc, hasil)


def _penghargaan(doc: LkipDocument, hasil: Hasil, number: str) -> None:
    """Lampiran Penghargaan: the awards the instansi lists, one a line; none, no lampiran."""
    items = N.paragraphs(hasil.laporan.identitas.penghargaan)
    if items:
        doc.add(
            PageBreak(),
            Heading(f"LAMPIRAN {number} PENGHARGAAN", 1),
            Para(f"Penghargaan yang diterima sampai dengan tahun {hasil.pengaturan.tahun}:"),
            Bullets(tuple(items), numbered=True),
        )


def _telah_direviu(doc: LkipDocument, hasil: Hasil) -> None:
    """Pernyataan Telah Direviu of the APIP, only when the reviewer is named."""
    ident = hasil.laporan.identitas
    if not ident.apip_nama.strip():
        return
    tahun = hasil.pengaturan.tahun
    when = ", ".join(p for p in (ident.tempat.strip(), tanggal(ident.apip_tanggal)) if p)
    doc.add(
        PageBreak(),
        Heading("PERNYATAAN TELAH DIREVIU", 1),
        Para(
            f"Kami telah mereviu Laporan Kinerja {ident.nama_instansi} Tahun {tahun} sesuai "
            "Pedoman Reviu atas Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan "
            f"Kinerja menjadi tanggung jawab manajemen {ident.nama_instansi}."
        ),
        Para(
            "Reviu bertujuan memberikan keyakinan terbatas bahwa laporan kinerja telah disajikan "
            "secara akurat, andal dan valid. Berdasarkan reviu tersebut, tidak terdapat kondisi "
            "atau hal-hal yang menimbulkan perbedaan dalam meyakini keandalan informasi yang "
            "disajikan dalam Laporan Kinerja ini."
        ),
        Signatures(
            (
                Signer(
                    "",
                    ident.apip_jabatan or "Aparat Pengawasan Intern Pemerintah",
                    ident.apip_nama,
                    "",
                    ident.apip_nip,
                ),
            ),
            when,
        ),
    )


PLACEHOLDER_TEXT = re.compile(re.escape(N.PLACEHOLDER).replace(r"\{\}", r"([^\]]*)"))
"""What a placeholder (`narrative.PLACEHOLDER`) says is still to write."""


def placeholders(doc: LkipDocument) -> list[str]:
    """What the instansi has still to write: the text of every placeholder left in the
    document, once each, in order (`dokumen` lists them and exits 1)."""
    out: list[str] = []
    texts = [b.text for b in doc.blocks if isinstance(b, (Para, Labelled))]
    for block in doc.blocks:
        if isinstance(block, Logo) and not block.image:
            texts.append(N.placeholder("logo pemerintah daerah (gambar di Identitas)"))
        if isinstance(block, Signatures):
            for s in block.signers:
                texts += [s.jabatan, s.nama]
            texts.append(block.place_date)
    for text in texts:
        for what in PLACEHOLDER_TEXT.findall(text):
            if what not in out:
                out.append(what)
    return out


def _pk_kode(row) -> str:
    cell = row.cells.get("kode")
    return str(cell.value) if cell is not None and cell.value is not None else ""
