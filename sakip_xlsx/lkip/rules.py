"""The computation rules of SPEC §3, one small function each, over plain numbers.

Each function is the single Python statement of a rule; the completed workbook's formulas
(`formulas.py`) state the same rule for the spreadsheet, and the LibreOffice recalculation test
checks that the two agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sakip_xlsx.lkip.schema import Metode, Polaritas, Skala
from sakip_xlsx.lkip.values import Parsed, spreadsheet_round

PERMENPANRB = Skala.PERMENPANRB
PERMENDAGRI = Skala.PERMENDAGRI

# (exclusive lower bound, code, label), highest first; D takes everything else (0-30).
PREDIKAT_PERMENPANRB = (
    (90.0, "AA", "Sangat Memuaskan"),
    (80.0, "A", "Memuaskan"),
    (70.0, "BB", "Sangat Baik"),
    (60.0, "B", "Baik"),
    (50.0, "CC", "Cukup (Memadai)"),
    (30.0, "C", "Kurang"),
)
PREDIKAT_PERMENPANRB_LOWEST = ("D", "Sangat Kurang")
# (inclusive lower bound, label), highest first.
PREDIKAT_PERMENDAGRI = (
    (91.0, "Sangat Tinggi"),
    (76.0, "Tinggi"),
    (66.0, "Sedang"),
    (51.0, "Rendah"),
)
PREDIKAT_PERMENDAGRI_LOWEST = "Sangat Rendah"

ROUND_DIGITS = 6
"""Comparisons with band bounds use the value rounded to 6 decimals, in Python and in the
formulas alike, so 90 computed as 89.99999999999999 is still 90 (A) on both sides."""


JUDGE_DIGITS = 2
"""Two values compared for a trend (Membaik/Tetap) are compared as the tables print them:
75,50 against 75,50 is Tetap, whatever lies in the third decimal."""


def capaian(polaritas: str, target: Parsed, realisasi: Parsed) -> tuple[float | None, str | None]:
    """Capaian in percent units, or None with the reason it is *tidak dinilai* (naming which
    value is missing or unreadable: the target, the realisasi, or both).

    Positif R/T x 100; Negatif (2T - R)/T x 100. A range target: 100 inside it; outside, the
    nearest bound is the target and the polarity applies — positive (Rentang, or Positif)
    R/bound x 100, negative (Negatif: less is better) (2 - R/bound) x 100.
    """
    t_bad, r_bad = target.problem is not None, realisasi.problem is not None
    t_none = not t_bad and target.number is None and not target.is_range
    r_none = not r_bad and realisasi.number is None
    if t_bad and r_bad:
        return None, "target dan realisasi tidak dapat dibaca"
    if t_none and r_none:
        return None, "target dan realisasi belum diisi"
    if t_bad:
        return None, "target tidak dapat dibaca" + (", realisasi belum diisi" if r_none else "")
    if r_bad:
        return None, "realisasi tidak dapat dibaca" + (", target belum diisi" if t_none else "")
    if r_none:
        return None, "realisasi belum diisi"
    r = realisasi.number
    assert r is not None
    if target.is_range:
        low, high = target.lower, target.upper
        if low <= r <= high:
            return 100.0, None
        bound = low if r < low else high
        if not bound:
            return None, "batas target 0 tidak dapat dibagi"
        if polaritas == Polaritas.NEGATIF:
            return (2 - r / bound) * 100.0, None
        return r / bound * 100.0, None
    if polaritas == Polaritas.RENTANG:
        return None, "polaritas Rentang tetapi target bukan rentang (mis. 80-90)"
    if t_none:
        return None, "target belum diisi"
    t = target.number
    assert t is not None
    if t == 0:
        return None, "target 0 tidak dapat dibagi"
    if polaritas == Polaritas.NEGATIF:
        return (2 * t - r) / t * 100.0, None
    return r / t * 100.0, None


STATE_UNITS = ("%", "persen", "indeks", "index", "rasio", "nilai", "predikat", "skor")
"""Satuan of a state measured at a moment (a percentage, an index, a grade): its quarters are
not added up, the last one is the year's value."""


def metode_menurut_satuan(satuan: str) -> str:
    """The metode akumulasi an indicator of this satuan follows when none is given: Akhir for
    a state (%, indeks, rasio, nilai, predikat, skor), Jumlah for a count (laporan, kegiatan,
    orang). An Indeks with quarters 80, 81, 82, 83 is 83 for the year, never 326."""
    words = satuan.casefold().replace("%", " % ").split()
    return Metode.AKHIR if any(w.startswith(STATE_UNITS) for w in words) else Metode.JUMLAH


def ratio_percent(part: float | None, whole: float | None) -> float | None:
    """part / whole x 100, None when either is missing or whole is 0 (output capaian, serapan)."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * 100.0


def difference(a: float | None, b: float | None) -> float | None:
    """a - b when both are known (selisih against the national figure, against the target)."""
    return None if a is None or b is None else a - b


def dibatasi(value: float | None, cap: float | None) -> float | None:
    """Capaian used for predikat and averages: below 0 counts as 0, above the cap as the cap."""
    if value is None:
        return None
    value = max(0.0, value)
    return value if cap is None else min(cap, value)


def predikat_labels() -> list[str]:
    """Every predikat a capaian can get, best first: PermenPANRB's, then Permendagri's."""
    panrb = [f"{code} ({label})" for _, code, label in PREDIKAT_PERMENPANRB]
    panrb.append("{} ({})".format(*PREDIKAT_PERMENPANRB_LOWEST))
    dagri = [label for _, label in PREDIKAT_PERMENDAGRI] + [PREDIKAT_PERMENDAGRI_LOWEST]
    return panrb + dagri


def predikat(value: float | None, skala: str = PERMENPANRB) -> str:
    """The predikat of a capaian (capped) on the chosen scale; '' when not assessed."""
    if value is None:
        return ""
    v = spreadsheet_round(value, ROUND_DIGITS)
    if skala == PERMENDAGRI:
        for bound, label in PREDIKAT_PERMENDAGRI:
            if v >= bound:
                return label
        return PREDIKAT_PERMENDAGRI_LOWEST
    for bound, code, label in PREDIKAT_PERMENPANRB:
        if v > bound:
            return f"{code} ({label})"
    code, label = PREDIKAT_PERMENPANRB_LOWEST
    return f"{code} ({label})"


def mean(values: Sequence[float | None]) -> float | None:
    """Arithmetic mean of the assessed values; None when nothing was assessed."""
    numbers = [v for v in values if v is not None]
    if not numbers:
        return None
    return math.fsum(numbers) / len(numbers)


def total(values: Sequence[float | None]) -> float | None:
    """Sum of the values given; None when none is given (a running sum with nothing yet)."""
    numbers = [v for v in values if v is not None]
    return math.fsum(numbers) if numbers else None


SEN = 0.005
"""Half a sen: two rupiah amounts closer than this are the same amount to the sen. Money is
compared absolutely, never relatively: on a pagu of Rp 11.086.045.405 a relative tolerance of
1e-9 would swallow a difference of Rp 10 that a reviewer must see."""


def sama_rupiah(a: float, b: float) -> bool:
    """Two amounts are equal to the sen (float sums are exact-rounded by `math.fsum`)."""
    return abs(a - b) < SEN


def sen(amount: float) -> float:
    """Rupiah to the sen, without a float sum's last-digit noise or a negative zero."""
    return round(amount, 2) + 0.0


def selisih_rupiah(a: float, b: float) -> float:
    """`a − b` to the sen."""
    return sen(a - b)


def melebihi_rupiah(a: float, b: float) -> bool:
    """`a` exceeds `b` by at least a sen."""
    return a - b >= SEN


def jumlah(values: Sequence[float | None]) -> float:
    """Budget rollup: the sum of what is filled in, 0 when nothing is (as SUM does)."""
    return math.fsum(v for v in values if v is not None)


def rollup(own: float | None, children: Sequence[float | None]) -> float | None:
    """The budget figure of a program or kegiatan: the sum of its children's figures when any
    child has one; otherwise its own (a report that knows only program totals); None when
    neither exists."""
    given = [v for v in children if v is not None]
    if given:
        return math.fsum(given)
    return own


def sampai_dengan(values: Sequence[float | None], metode: str) -> list[float | None]:
    """Values s.d. TW1..TWn from per-quarter values, by metode akumulasi.

    Jumlah: running sum; Akhir: the quarter's own value; Rata-rata: running mean. Missing
    quarters add nothing; a quarter with nothing so far is None.
    """
    out: list[float | None] = []
    for k in range(len(values)):
        upto = values[: k + 1]
        if metode == Metode.AKHIR:
            out.append(values[k])
        elif metode == Metode.RATA_RATA:
            out.append(mean(upto))
        else:
            out.append(total(upto))
    return out


def target_tahunan(quarters: Sequence[float | None], metode: str) -> float | None:
    """The annual target the quarters imply: the value s.d. TW4."""
    return sampai_dengan(quarters, metode)[-1] if quarters else None


def realisasi_sd_tahun(values: Sequence[float | None], metode: str) -> float | None:
    """Realisasi s.d. the report year over the Renstra period (values in year order).

    Jumlah: sum of the yearly realisasi; Rata-rata: their mean; Akhir: the latest value given.
    """
    if metode == Metode.JUMLAH:
        return total(values)
    if metode == Metode.RATA_RATA:
        return mean(values)
    for value in reversed(values):
        if value is not None:
            return value
    return None


TREN = ("Tetap", "Membaik", "Memburuk")
BANDING = ("Sama", "Lebih baik", "Lebih buruk")
EFISIEN, TIDAK_EFISIEN = "Efisien", "Tidak efisien"


def judge(own: float | None, other: float | None, polaritas: str, words: tuple) -> str:
    """Own value against another, judged with the polarity: (same, better, worse) words."""
    if own is None or other is None:
        return ""
    same, better, worse = words
    if spreadsheet_round(own, JUDGE_DIGITS) == spreadsheet_round(other, JUDGE_DIGITS):
        return same
    is_better = own > other if polaritas != Polaritas.NEGATIF else own < other
    return better if is_better else worse


def tren(now: float | None, previous: float | None, polaritas: str) -> str:
    """Membaik / Memburuk / Tetap against last year."""
    return judge(now, previous, polaritas, TREN)


def efisiensi_rasio(capaian_kinerja: float | None, serapan: float | None) -> float | None:
    """Default rule: capaian kinerja / serapan anggaran x 100; Efisien when >= 100."""
    return ratio_percent(capaian_kinerja, serapan)


def efisien_rasio(value: float | None) -> str:
    if value is None:
        return ""
    return EFISIEN if spreadsheet_round(value, ROUND_DIGITS) >= 100 else TIDAK_EFISIEN


def nilai_output(
    pagu: float | None, realisasi: float | None, capaian_output: float | None
) -> float | None:
    """PMK 214/2017 term of one sub kegiatan: pagu x CK (CK capped at 100 %, as a fraction);
    None unless pagu, realisasi and CK are all known (then it counts in E)."""
    if pagu is None or realisasi is None or capaian_output is None:
        return None
    return pagu * min(max(capaian_output, 0.0), 100.0) / 100.0


def efisiensi_pmk(items: Sequence[tuple[float | None, float | None, float | None]]) -> float | None:
    """PMK 214/2017: E = sum(pagu x CK - realisasi) / sum(pagu x CK), CK = capaian output
    (capped at 100 %, as a fraction), over (pagu, realisasi, capaian output) of sub kegiatan.
    Efisien when E > 0. Sub kegiatan without all three values are left out."""
    nilai = 0.0
    belanja = 0.0
    used = False
    for pagu, realisasi, ck in items:
        term = nilai_output(pagu, realisasi, ck)
        if term is None:
            continue
        used = True
        nilai += term
        belanja += realisasi
    if not used or nilai == 0:
        return None
    return (nilai - belanja) / nilai


def efisien_pmk(value: float | None) -> str:
    if value is None:
        return ""
    return EFISIEN if spreadsheet_round(value, ROUND_DIGITS) > 0 else TIDAK_EFISIEN


def banding(own: float | None, other: float | None, polaritas: str) -> str:
    """Own realisasi against the national figure."""
    return judge(own, other, polaritas, BANDING)
