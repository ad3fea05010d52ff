"""The LKIP's sentences, written from the results: deterministic, Indonesian, and never a
number that the tables do not show.

Every figure in a sentence is a value of the model (a target, a realisasi, a capaian, a year, a
count), printed the Indonesian way; a value that is missing is said to be missing, never
guessed. Sentences follow the data — an indicator above its target reads differently from one
below it or one that cannot be assessed — and the polarity: for a negative indicator a fall is
an improvement.
"""

from __future__ import annotations

from sakip_xlsx.lkip.findings import Finding, Severity
from sakip_xlsx.lkip.model import Cell, Indikator, Laporan
from sakip_xlsx.lkip.results import Hasil, HasilIndikator, HasilSasaran
from sakip_xlsx.lkip.rules import EFISIEN
from sakip_xlsx.lkip.schema import Jenis, MetodeEfisiensi, Polaritas
from sakip_xlsx.lkip.values import format_id, spreadsheet_round
from sakip_xlsx.lkip.values import format_rupiah as rupiah

PLACEHOLDER = "[diisi instansi: {}]"
"""Text the instansi still has to write: marked so that it is found and never printed as if
the tool had written it."""

ANGKA_TERBILANG = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def placeholder(what: str) -> str:
    return PLACEHOLDER.format(what)


def angka(value: float) -> str:
    """A measured value: up to two decimals, none when whole (81,9; 90; 1.500)."""
    text = format_id(value, 2)
    return text[:-3] if text.endswith(",00") else text.rstrip("0") if "," in text else text


def persen(value: float) -> str:
    """A percentage as the tables print it: 97,75 %."""
    return f"{format_id(value, 2)} %"


def jumlah(n: int) -> str:
    """4 (empat): a count as Indonesian reports write it."""
    return f"{n} ({ANGKA_TERBILANG[n]})" if 0 <= n < len(ANGKA_TERBILANG) else str(n)


def _with_unit(value: float, satuan: str) -> str:
    unit = satuan.strip()
    if unit in ("%", "persen", "Persen"):
        return f"{angka(value)} %"
    return f"{angka(value)} {unit}".strip()


def _target_text(h: HasilIndikator) -> str | None:
    value = h.target.value
    if value.is_range:
        return f"rentang {value.raw}"
    if h.target.number is None:
        return None
    return _with_unit(h.target.number, h.indikator.satuan)


def _round(value: float | None) -> float | None:
    """A figure as the sentence and the tables print it (two decimals): every verdict is
    drawn from what the reader sees, so the words never contradict the number."""
    return None if value is None else spreadsheet_round(value, PRINTED_DIGITS)


PRINTED_DIGITS = 2


# --- one indicator ----------------------------------------------------------------------------


def indikator_sentences(hasil: Hasil, kode: str) -> list[str]:
    """What an LKIP says of one indicator: the year's result, last year, the Renstra target,
    the national figure where given, and the causes the instansi wrote."""
    h = hasil.indikator[kode]
    sentences = [_result(h, hasil.pengaturan.cap)]
    sentences += _compared_with_last_year(hasil, h)
    sentences += _towards_renstra(hasil, h)
    sentences += _national(h)
    return sentences


def _result(h: HasilIndikator, cap: float | None) -> str:
    ind = h.indikator
    name = f"Indikator {ind.kode} ({ind.indikator})"
    target = _target_text(h)
    real = h.realisasi.number
    if h.capaian is None:
        known = []
        if target is not None:
            known.append(f"targetnya {target}")
        if real is not None:
            known.append(f"realisasinya {_with_unit(real, ind.satuan)}")
        detail = f" ({' dan '.join(known)})" if known else ""
        return f"{name} belum dapat dinilai karena {h.alasan or 'datanya belum lengkap'}{detail}."
    assert real is not None
    realisasi = _with_unit(real, ind.satuan)
    capaian = _round(h.capaian)
    if h.target.value.is_range:
        inside = capaian == 100
        where = "berada di dalam" if inside else "berada di luar"
        text = (
            f"{name} bertarget {target}; realisasi {realisasi} {where} rentang itu, "
            f"sehingga capaiannya {persen(h.capaian)} dengan predikat {h.predikat}."
        )
    else:
        negatif = ind.polaritas == Polaritas.NEGATIF
        how = " (makin kecil makin baik)" if negatif else ""
        if capaian is not None and capaian > 100:
            verdict = f"melampaui target{how}: realisasi {realisasi} terhadap target {target}"
        elif capaian == 100:
            verdict = f"tepat mencapai target{how}: realisasi {realisasi} sama dengan target"
        else:
            verdict = f"belum mencapai target{how}: realisasi {realisasi} dari target {target}"
        text = f"{name} {verdict}, capaian {persen(h.capaian)} dengan predikat {h.predikat}."
    if h.dibatasi is not None and _round(h.dibatasi) != capaian:
        text += f" Untuk predikat dan rata-rata, capaian itu dihitung {persen(h.dibatasi)}" + (
            f" (batas atas {angka(cap)} %)." if cap is not None else "."
        )
    return text


def _compared_with_last_year(hasil: Hasil, h: HasilIndikator) -> list[str]:
    tahun = hasil.pengaturan.tahun
    now = h.realisasi.number
    before: Cell | None = h.realisasi_per_tahun.get(tahun - 1)
    if now is None:
        return []
    if before is None or before.number is None:
        return [f"Realisasi {tahun - 1} belum diisi, sehingga belum dapat dibandingkan."]
    satuan = h.indikator.satuan
    a, b = before.number, now
    if _round(a) == _round(b) or _with_unit(a, satuan) == _with_unit(b, satuan):
        return [f"Realisasi sama dengan tahun {tahun - 1} ({_with_unit(a, satuan)})."]
    direction = "naik" if b > a else "turun"
    better = (b > a) != (h.indikator.polaritas == Polaritas.NEGATIF)
    meaning = "kinerjanya membaik" if better else "kinerjanya menurun"
    return [
        f"Dibanding tahun {tahun - 1}, realisasi {direction} dari {_with_unit(a, satuan)} menjadi "
        f"{_with_unit(b, satuan)}; untuk indikator ini artinya {meaning}."
    ]


def _towards_renstra(hasil: Hasil, h: HasilIndikator) -> list[str]:
    akhir_tahun = hasil.laporan.identitas.periode_akhir
    target = h.indikator.target_akhir
    when = f" ({akhir_tahun})" if akhir_tahun else ""
    if target.value.is_range:
        return [f"Target akhir Renstra{when} berupa rentang {target.value.raw}."]
    if target.number is None:
        return [f"Target akhir periode Renstra{when} belum diisi."]
    satuan = h.indikator.satuan
    if h.capaian_akhir is None or h.realisasi_sd is None:
        return [
            f"Target akhir periode Renstra{when} sebesar {_with_unit(target.number, satuan)}; "
            "kemajuannya belum dapat dihitung."
        ]
    lead = (
        f"Terhadap target akhir periode Renstra{when} sebesar "
        f"{_with_unit(target.number, satuan)}, realisasi s.d. {hasil.pengaturan.tahun} "
        f"({_with_unit(h.realisasi_sd, satuan)})"
    )
    raw, capped = h.capaian_akhir, h.capaian_akhir_dibatasi
    negatif = " (polaritas negatif: makin rendah makin baik)" if _negatif(h) else ""
    if capped is not None and raw < capped:
        return [
            f"{lead} masih jauh dari target{negatif}: capaiannya dihitung "
            f"{persen(raw)}, dibatasi menjadi {persen(capped)}."
        ]
    if capped is not None and raw > capped:
        return [
            f"{lead} melampaui target{negatif}: capaian {persen(raw)}, "
            f"dibatasi menjadi {persen(capped)}."
        ]
    return [f"{lead} setara capaian {persen(raw)}{negatif}."]


def _negatif(h: HasilIndikator) -> bool:
    return h.indikator.polaritas == Polaritas.NEGATIF


def _national(h: HasilIndikator) -> list[str]:
    n = h.nasional.number
    if n is None or h.realisasi.number is None:
        return []
    satuan = h.indikator.satuan
    verdict = {"Lebih baik": "lebih baik dari", "Lebih buruk": "di bawah", "Sama": "sama dengan"}
    return [
        f"Realisasi nasional {_with_unit(n, satuan)}: realisasi instansi "
        f"{verdict.get(h.banding_nasional, 'dibandingkan dengan')} angka nasional."
    ]


def causes(laporan: Laporan, kode: str) -> list[tuple[str, str]]:
    """The instansi's own words on an indicator, (label, text): the analysis per sasaran is
    optional, so a factor nobody wrote is left out rather than shown as a gap."""
    rea = laporan.realisasi.get(kode)
    out = []
    for label, attr in (
        ("Faktor pendorong", "faktor_pendorong"),
        ("Faktor penghambat", "faktor_penghambat"),
        ("Upaya / rencana tindak lanjut", "upaya"),
    ):
        text: str = getattr(rea, attr) if rea is not None else ""
        if text.strip():
            out.append((label, text.strip()))
    return out


# --- one sasaran ------------------------------------------------------------------------------


def sasaran_sentences(hasil: Hasil, kode: str) -> list[str]:
    """The verdict of a sasaran: its average and predikat, then its efisiensi."""
    hs = hasil.sasaran[kode]
    n = len(hs.indikator)
    out = []
    if hs.rata_rata is None:
        out.append(
            f"Sasaran ini diukur dengan {jumlah(n)} indikator, belum satu pun dapat dinilai, "
            "sehingga sasaran ini belum berpredikat."
        )
    elif n == 1:
        out.append(
            f"Sasaran ini diukur dengan satu indikator; capaiannya {persen(hs.rata_rata)}, "
            f"predikat {hs.predikat}."
        )
    else:
        dinilai = "" if hs.dinilai == n else f" ({hs.dinilai} di antaranya dapat dinilai)"
        out.append(
            f"Sasaran ini diukur dengan {jumlah(n)} indikator{dinilai}; rata-rata capaiannya "
            f"{persen(hs.rata_rata)}, predikat {hs.predikat}."
        )
    out.append(efisiensi_sentence(hasil, hs))
    return out


def program_sentences(hasil: Hasil, kode_sasaran: str) -> list[str]:
    """The outcome indicator of each program supporting the sasaran and the output indicator of
    each of its kegiatan, as Tabel 3.6 measures them: target, realisasi and capaian; those
    with a target but no realisasi are named together as not yet measured."""
    laporan = hasil.laporan
    out: list[str] = []
    pending: list[str] = []
    for program in laporan.programs_of(kode_sasaran):
        for item in [program, *laporan.descendants(program.kode, Jenis.KEGIATAN)]:
            a = hasil.anggaran.get(item.kode)
            if not item.indikator or a is None:
                continue
            target, real = item.target.number, a.output_realisasi.number
            name = _item_name(item)
            if real is None:
                if target is not None:
                    pending.append(f"{name} (target {_with_unit(target, item.satuan)})")
                continue
            what = "outcome" if item.jenis == Jenis.PROGRAM else "output"
            lead = f"Indikator {what} {name} ({item.indikator})"
            done = f"terealisasi {_with_unit(real, item.satuan)}"
            if target is None or a.output_capaian is None:
                out.append(f"{lead} {done}.")
            else:
                out.append(
                    f"{lead} bertarget {_with_unit(target, item.satuan)}, {done} (capaian "
                    f"{persen(a.output_capaian)})."
                )
    if pending:
        out.append(
            "Realisasi indikator outcome/output berikut belum diisi, sehingga belum dapat "
            f"dinilai: {'; '.join(pending)}."
        )
    return out


def _item_name(item) -> str:
    """`Program Penyelenggaraan ...` as the RKT names it, its level said once."""
    level = item.jenis.split()[-1].lower()
    return item.uraian if item.uraian.lower().startswith(level) else f"{level} {item.uraian}"


def efisiensi_sentence(hasil: Hasil, hs: HasilSasaran) -> str:
    if not hs.programs:
        return (
            "Tidak ada program yang tercatat mendukung sasaran ini, sehingga efisiensinya "
            "tidak dinilai."
        )
    programs = ", ".join(
        hasil.anggaran[p].item.uraian if p in hasil.anggaran else p for p in hs.programs
    )
    given = any(hasil.anggaran[p].realisasi is not None for p in hs.programs if p in hasil.anggaran)
    budget = (
        f"Program pendukungnya ({programs}) merealisasikan {rupiah(hs.realisasi)} dari pagu "
        f"{rupiah(hs.pagu)} (serapan {persen(hs.serapan)})."
        if hs.pagu and hs.realisasi is not None and hs.serapan is not None and given
        else f"Pagu atau realisasi anggaran program pendukungnya ({programs}) belum diisi lengkap."
    )
    verdict = "efisien" if hs.efisien == EFISIEN else "tidak efisien"
    if hs.efisiensi is None or not given:
        why = (
            " (capaian kinerja sasaran atau serapan anggarannya belum ada)"
            if hasil.pengaturan.metode_efisiensi != MetodeEfisiensi.PMK
            else " (PMK 214/2017 memerlukan pagu, realisasi dan capaian output sub kegiatan)"
        )
        return budget + f" Efisiensinya belum dapat dihitung{why}."
    if hasil.pengaturan.metode_efisiensi == MetodeEfisiensi.PMK:
        return (
            f"{budget} Menurut PMK 214/2017, nilai efisiensi E = {persen(hs.efisiensi * 100)}, "
            f"sehingga sasaran ini {verdict} (efisien bila E lebih dari 0)."
        )
    return (
        f"{budget} Tingkat efisiensi (capaian kinerja dibagi serapan anggaran, dikali 100) "
        f"{persen(hs.efisiensi)}, sehingga sasaran ini {verdict} (efisien bila sekurang-kurangnya "
        "100 %)."
    )


def per_sasaran(hasil: Hasil) -> list[tuple[str, list[tuple[str, str]]]]:
    """Bab III's analysis, sasaran by sasaran: (heading, [(label, text)]) where an empty label
    marks a paragraph and a label the instansi's own words (Faktor penghambat: ...)."""
    by_sasaran: dict[str, list[str]] = {}
    for ind in hasil.laporan.sasaran_indikator():
        by_sasaran.setdefault(ind.kode_sasaran, []).append(ind.kode)
    out = []
    for number, (kode, hs) in enumerate(hasil.sasaran.items(), start=1):
        parts: list[tuple[str, str]] = []
        for k in by_sasaran.get(kode, []):
            if k not in hasil.indikator:
                continue
            parts.append(("", " ".join(indikator_sentences(hasil, k))))
            parts.extend(causes(hasil.laporan, k))
        program_text = " ".join(program_sentences(hasil, kode))
        if program_text:
            parts.append(("", program_text))
        parts.append(("", " ".join(sasaran_sentences(hasil, kode))))
        out.append((f"Sasaran Strategis {number}: {hs.sasaran.uraian}", parts))
    return out


# --- the whole report -------------------------------------------------------------------------


def bands(hasil: Hasil) -> dict[str, int]:
    """Sasaran indicators per capaian band: above, at, below target, not assessed."""
    out = {"melampaui": 0, "mencapai": 0, "di bawah": 0, "tidak dinilai": 0}
    for ind in hasil.laporan.sasaran_indikator():
        h = hasil.indikator.get(ind.kode)
        c = None if h is None else _round(h.capaian)
        if c is None:
            out["tidak dinilai"] += 1
        elif c > 100:
            out["melampaui"] += 1
        elif c == 100:
            out["mencapai"] += 1
        else:
            out["di bawah"] += 1
    return out


def rata_rata_sentence(hasil: Hasil) -> str:
    if hasil.rata_rata is None:
        return "Belum ada indikator sasaran yang dapat dinilai, sehingga belum ada predikat."
    return (
        f"Rata-rata capaian kinerja {persen(hasil.rata_rata)}, dengan predikat "
        f"{hasil.predikat} menurut {hasil.pengaturan.skala}."
    )


def bands_sentence(hasil: Hasil) -> str:
    b = bands(hasil)
    total = sum(b.values())
    if total == 0:
        return "Belum ada indikator sasaran di Renstra."
    if b["tidak dinilai"] == total:
        return "Belum ada indikator sasaran yang dapat dinilai (target atau realisasinya kosong)."
    counted = [
        (b["melampaui"], "melampaui target"),
        (b["mencapai"], "tepat mencapai target"),
        (b["di bawah"], "di bawah target"),
        (b["tidak dinilai"], "belum dapat dinilai"),
    ]
    parts = [f"{jumlah(n)} {what}" for n, what in counted if n]  # never "0 melampaui target"
    said = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} dan {parts[-1]}"
    return f"Dari indikator sasaran itu, {said}."


def serapan_sentence(hasil: Hasil) -> str:
    if not hasil.pagu_diisi:
        return "Pagu anggaran belum diisi, sehingga serapan belum dapat dihitung."
    if not hasil.total_pagu:  # typed, and 0: no budget to absorb
        return "Pagu anggaran Rp 0, sehingga serapan tidak dapat dihitung."
    if hasil.total_serapan is None or not hasil.realisasi_anggaran_diisi:
        return (
            f"Pagu anggaran {rupiah(hasil.total_pagu)}; realisasi anggaran belum diisi, "
            "sehingga serapan belum dapat dihitung."
        )
    return (
        f"Realisasi anggaran {rupiah(hasil.total_realisasi)} dari pagu "
        f"{rupiah(hasil.total_pagu)}, serapan {persen(hasil.total_serapan)}."
    )


def efisiensi_summary(hasil: Hasil) -> str | None:
    """How many sasaran are efisien, naming those that are not."""
    judged = [s for s in hasil.sasaran.values() if s.efisien]
    if not judged:
        return None
    efisien = [s for s in judged if s.efisien == EFISIEN]
    text = f"Sebanyak {len(efisien)} dari {len(judged)} sasaran yang dinilai efisien"
    others = [s for s in judged if s.efisien != EFISIEN]
    if others:
        pmk = hasil.pengaturan.metode_efisiensi == MetodeEfisiensi.PMK
        names = "; ".join(
            f"{s.sasaran.uraian or s.sasaran.kode} "
            f"({persen(s.efisiensi * 100 if pmk else s.efisiensi)})"
            for s in others
            if s.efisiensi is not None
        )
        text += f"; yang tidak efisien: {names}"
    return text + "."


def pk_title(hasil: Hasil) -> str:
    """`Perjanjian Kinerja Perubahan Tahun 2023` when the PK in force is a PK Perubahan."""
    perubahan = hasil.laporan.identitas.pk_perubahan == "Ya"
    return f"Perjanjian Kinerja{' Perubahan' if perubahan else ''} Tahun {hasil.pengaturan.tahun}"


def paragraphs(text: str) -> list[str]:
    """The instansi's own text as paragraphs: one per line typed (Alt+Enter in Excel)."""
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]


def ikhtisar(hasil: Hasil, findings: list[Finding]) -> list[str]:
    """The Ikhtisar Eksekutif: the year in a few sentences."""
    laporan = hasil.laporan
    ident = laporan.identitas
    instansi = ident.nama_instansi or placeholder("nama instansi")
    out = [
        f"Pada tahun {hasil.pengaturan.tahun}, {instansi} mengukur kinerjanya dengan "
        f"{jumlah(len(hasil.sasaran))} sasaran strategis dan "
        f"{jumlah(len(laporan.sasaran_indikator()))} indikator sasaran.",
        rata_rata_sentence(hasil),
        bands_sentence(hasil),
        serapan_sentence(hasil),
    ]
    efisiensi = efisiensi_summary(hasil)
    if efisiensi:
        out.append(efisiensi)
    return out


def checks_sentence(findings: list[Finding]) -> str:
    """For the workbook's Narasi only (an official document speaks of no data check)."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    if errors or warnings:
        return (
            f"Pemeriksaan konsistensi data masih mencatat {errors} error dan {warnings} "
            "peringatan yang perlu ditindaklanjuti (sheet Temuan)."
        )
    return "Pemeriksaan konsistensi data tidak menemukan error maupun peringatan."


def penutup(hasil: Hasil) -> list[str]:
    """Bab IV: the conclusion the data allow; the instansi adds its own."""
    out = []
    if hasil.rata_rata is not None:
        out.append(
            f"Secara umum kinerja {hasil.laporan.identitas.nama_instansi} tahun "
            f"{hasil.pengaturan.tahun} berpredikat {hasil.predikat} dengan rata-rata capaian "
            f"{persen(hasil.rata_rata)}."
        )
    below = [
        hasil.indikator[i.kode]
        for i in hasil.laporan.sasaran_indikator()
        if i.kode in hasil.indikator
        and hasil.indikator[i.kode].capaian is not None
        and _round(hasil.indikator[i.kode].capaian) < 100
    ]
    assessed = bands(hasil)
    if below:
        names = "; ".join(
            f"{h.indikator.indikator or h.indikator.kode} ({persen(h.capaian)})" for h in below
        )
        out.append(f"Indikator yang belum mencapai target dan perlu perhatian: {names}.")
    elif assessed["melampaui"] + assessed["mencapai"]:
        out.append("Semua indikator sasaran yang dapat dinilai mencapai atau melampaui target.")
    else:
        out.append("Belum ada indikator sasaran yang dapat dinilai.")
    if hasil.total_serapan is not None and hasil.realisasi_anggaran_diisi:
        out.append(f"Serapan anggaran mencapai {persen(hasil.total_serapan)}.")
    return out


def uraian_indikator(ind: Indikator) -> str:
    return f"{ind.kode} {ind.indikator}".strip()
