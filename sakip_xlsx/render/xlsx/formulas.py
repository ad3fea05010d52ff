"""The rules of SPEC §3 restated as spreadsheet formulas.

Each function returns formula text (without the leading `=`) over cell references, using only
functions that Excel, LibreOffice and Google Sheets all have (IF, AND, OR, ISNUMBER, ROUND, MIN,
MAX, SUM, AVERAGE, COUNT, COUNTIFS, SUMIFS, SUMPRODUCT, IFERROR, N). A blank or unreadable input
makes the result blank (""), never an error value. `rules.py` states the same rules in Python; the
LibreOffice recalculation test holds the two to each other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.schema import Metode, Polaritas

BLANK = '""'


@functools.lru_cache(maxsize=256)
def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def cell_ref(sheet: str, col_letter: str, row: int) -> str:
    """`'Sheet'!$C$5` from parts (row 1-based): the fast path for generated references."""
    return f"{quote_sheet(sheet)}!${col_letter}${row}"


def local_ref(col_letter: str, row: int) -> str:
    """`$C$5`: a cell of the sheet the formula stands on (no sheet name needed)."""
    return f"${col_letter}${row}"


def local_area(col_letter: str, first_row: int, last_row: int) -> str:
    return f"${col_letter}${first_row}:${col_letter}${last_row}"


def ref(sheet: str, cell: str, absolute: bool = True) -> str:
    """`'Sheet'!$C$5` from a sheet name and an A1 reference."""
    col = cell.rstrip("0123456789")
    row = cell[len(col) :]
    if not (col.isalpha() and col.isupper() and row.isdigit()):
        raise ValueError(cell)
    a1 = f"${col}${row}" if absolute else cell
    return f"{quote_sheet(sheet)}!{a1}"


def area(sheet: str, first: str, last: str) -> str:
    """`'Sheet'!$C$5:$C$9` from two A1 references."""
    return ref(sheet, first) + ":" + ref(sheet, last).split("!", 1)[1]


def column_area(sheet: str, column: str, first_row: int, last_row: int) -> str:
    """A column range by letter and 1-based rows."""
    return area(sheet, f"{column}{first_row}", f"{column}{last_row}")


def text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def number(value: float) -> str:
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


def capaian(t: str, r: str, polaritas: str, *, rentang_blank: bool = True) -> str:
    """Positif R/T*100, Negatif (2T-R)/T*100; blank for T=0 and (optionally) for a Rentang
    polaritas whose target is not a range."""
    blank_if = f"OR({t}=0,{polaritas}={text(Polaritas.RENTANG)})" if rentang_blank else f"{t}=0"
    return (
        f"IF(AND(ISNUMBER({t}),ISNUMBER({r})),IF({blank_if},{BLANK},"
        f"IF({polaritas}={text(Polaritas.NEGATIF)},(2*{t}-{r})/{t}*100,{r}/{t}*100)),{BLANK})"
    )


def capaian_rentang(low: float, high: float, r: str, polaritas: str) -> str:
    """A range target: 100 inside [low, high]; outside, the nearest bound is the target —
    R/bound*100, or (2 - R/bound)*100 for a Negatif indicator. The bounds come from a target
    typed as text (`80-90`), so they are written into the formula."""
    lo, hi = number(low), number(high)
    negatif = f"{polaritas}={text(Polaritas.NEGATIF)}"

    def outside(bound: str, value: float) -> str:
        if not value:
            return BLANK
        return f"IF({negatif},(2-{r}/{bound})*100,{r}/{bound}*100)"

    return (
        f"IF(ISNUMBER({r}),IF({r}<{lo},{outside(lo, low)},IF({r}>{hi},{outside(hi, high)},100)),"
        f"{BLANK})"
    )


def ratio(part: str, whole: str) -> str:
    """part / whole * 100: output capaian and serapan."""
    return (
        f"IF(AND(ISNUMBER({part}),ISNUMBER({whole})),IF({whole}=0,{BLANK},{part}/{whole}*100),"
        f"{BLANK})"
    )


def dibatasi(value: str, cap: str) -> str:
    """Clamp to [0, cap]; no upper clamp when the cap cell is not a number (Tanpa batas)."""
    return (
        f"IF(ISNUMBER({value}),IF(ISNUMBER({cap}),MIN({cap},MAX(0,{value})),MAX(0,{value})),"
        f"{BLANK})"
    )


def predikat(value: str, skala: str) -> str:
    v = f"ROUND({value},{rules.ROUND_DIGITS})"
    dagri = text(rules.PREDIKAT_PERMENDAGRI_LOWEST)
    for bound, label in reversed(rules.PREDIKAT_PERMENDAGRI):
        dagri = f"IF({v}>={number(bound)},{text(label)},{dagri})"
    code, label = rules.PREDIKAT_PERMENPANRB_LOWEST
    panrb = text(f"{code} ({label})")
    for bound, code, label in reversed(rules.PREDIKAT_PERMENPANRB):
        panrb = f"IF({v}>{number(bound)},{text(f'{code} ({label})')},{panrb})"
    return f"IF(ISNUMBER({value}),IF({skala}={text(rules.PERMENDAGRI)},{dagri},{panrb}),{BLANK})"


def mean(cells: Sequence[str]) -> str:
    if not cells:
        return BLANK
    return f"IFERROR(AVERAGE({','.join(cells)}),{BLANK})"


def sampai_dengan(cells: Sequence[str], metode: str, own_missing: bool = False) -> str:
    """Value s.d. the last of `cells` (quarters so far) by the metode cell/constant.

    `own_missing`: the quarter itself has no cell (its column is absent), so Akhir is blank
    while Jumlah and Rata-rata still use the quarters that exist."""
    if not cells:
        return BLANK
    last = cells[-1]
    joined = ",".join(cells)
    akhir = BLANK if own_missing else f"IF(ISNUMBER({last}),{last},{BLANK})"
    return (
        f"IF({metode}={text(Metode.AKHIR)},{akhir},"
        f"IF(COUNT({joined})=0,{BLANK},IF({metode}={text(Metode.RATA_RATA)},AVERAGE({joined}),"
        f"SUM({joined}))))"
    )


def realisasi_sd_tahun(cells: Sequence[str], metode: str) -> str:
    """Renstra progress: Jumlah sums the years, Rata-rata averages them, otherwise (Akhir) the
    latest year that has a value."""
    if not cells:
        return BLANK
    latest = BLANK
    for cell in cells:
        latest = f"IF(ISNUMBER({cell}),{cell},{latest})"
    joined = ",".join(cells)
    return (
        f"IF({metode}={text(Metode.JUMLAH)},IF(COUNT({joined})=0,{BLANK},SUM({joined})),"
        f"IF({metode}={text(Metode.RATA_RATA)},IF(COUNT({joined})=0,{BLANK},AVERAGE({joined})),"
        f"{latest}))"
    )


def judge(own: str, other: str, polaritas: str, words: tuple) -> str:
    """Spreadsheet form of `rules.judge`."""
    d = rules.JUDGE_DIGITS
    same, better, worse = (text(w) for w in words)
    return (
        f"IF(AND(ISNUMBER({own}),ISNUMBER({other})),"
        f"IF(ROUND({own},{d})=ROUND({other},{d}),{same},"
        f"IF(({own}>{other})=({polaritas}<>{text(Polaritas.NEGATIF)}),{better},{worse})),{BLANK})"
    )


def tren(now: str, previous: str, polaritas: str) -> str:
    return judge(now, previous, polaritas, rules.TREN)


def difference(a: str, b: str) -> str:
    return f"IF(AND(ISNUMBER({a}),ISNUMBER({b})),{a}-{b},{BLANK})"


def sisa(pagu: str, realisasi: str) -> str:
    return f"IF(ISNUMBER({pagu}),{pagu}-N({realisasi}),{BLANK})"


def number_or_blank(cell: str) -> str:
    return f"IF(ISNUMBER({cell}),{cell},{BLANK})"


def number_or(cell: str, otherwise: str) -> str:
    """The cell when it holds a number, else `otherwise` (the annual realisasi, else the
    quarters accumulated)."""
    return f"IF(ISNUMBER({cell}),{cell},{otherwise})"


def when_number(test: str, then: str) -> str:
    """`then` where `test` holds a number, blank elsewhere."""
    return f"IF(ISNUMBER({test}),{then},{BLANK})"


def as_text(cell: str) -> str:
    return f'{cell}&""'


def count(cells: Sequence[str]) -> str:
    """How many of `cells` hold a number (0 for none)."""
    return f"COUNT({','.join(cells)})" if cells else "0"


def total(cells: Sequence[str]) -> str:
    """The sum of `cells` or areas (0 for none)."""
    return f"SUM({','.join(cells)})" if cells else "0"


def if_any_number(area: str, then: str) -> str:
    """`then` when `area` holds any number, blank when it holds none (a total of nothing
    typed is no total: `rules.total`)."""
    return f"IF(COUNT({area})=0,{BLANK},{then})"


def sumifs_or_blank(values: str | None, *pairs: str | None) -> str:
    """`sumifs`, blank where no matching cell holds a number (`rules.total`)."""
    if values is None or any(p is None for p in pairs):
        return BLANK
    joined = ",".join(pairs)  # type: ignore[arg-type]
    numbers = f'COUNTIFS({values},">=0",{joined})+COUNTIFS({values},"<0",{joined})'
    return f"IF({numbers}=0,{BLANK},SUMIFS({values},{joined}))"


def sumifs(values: str | None, *pairs: str | None) -> str:
    """Sum of `values` where each (range, criterion) pair matches; 0 over an empty table."""
    if values is None or any(p is None for p in pairs):
        return "0"
    return f"SUMIFS({values},{','.join(pairs)})"  # type: ignore[arg-type]


def rollup(values: str | None, kinds: str | None, child: str, own: str) -> str:
    """A program's or kegiatan's figure (`rules.rollup`): the sum of its children's figures
    when any child has a number, otherwise its own figure."""
    if values is None or kinds is None:
        return own
    has_figures = f"SUMPRODUCT(({kinds}={child})*ISNUMBER({values}))"
    return f"IF({has_figures}=0,{own},SUMIFS({values},{kinds},{child}))"


def count_matches(labels: str | None, label: str, statuses: str | None, status: str) -> str:
    """How many rows have exactly this label and this status: exact comparison, so no
    wildcards and no 255-character limit on the label; case-insensitive like the Python
    count. 0 when a column is absent."""
    if labels is None or statuses is None:
        return "0"
    return f"SUMPRODUCT(({labels}={label})*({statuses}={status}))"


def efisien_rasio(value: str) -> str:
    return (
        f"IF(ISNUMBER({value}),IF(ROUND({value},{rules.ROUND_DIGITS})>=100,"
        f"{text(rules.EFISIEN)},{text(rules.TIDAK_EFISIEN)}),{BLANK})"
    )


def efisien_pmk(value: str) -> str:
    return (
        f"IF(ISNUMBER({value}),IF(ROUND({value},{rules.ROUND_DIGITS})>0,"
        f"{text(rules.EFISIEN)},{text(rules.TIDAK_EFISIEN)}),{BLANK})"
    )


def criteria(value: str) -> str:
    """A COUNTIFS criterion matching `value` exactly: wildcards escaped, `=` in front so text
    starting with `<`, `>` or `=` is not read as an operator."""
    escaped = value.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return text("=" + escaped)


def banding(own: str, other: str, polaritas: str) -> str:
    return judge(own, other, polaritas, rules.BANDING)


def nilai_output(pagu: str, realisasi: str, capaian_output: str) -> str:
    """PMK 214/2017 term: pagu x CK (capped at 100 %), when pagu, realisasi and CK all exist."""
    return (
        f"IF(AND(ISNUMBER({pagu}),ISNUMBER({realisasi}),ISNUMBER({capaian_output})),"
        f"{pagu}*MIN(MAX({capaian_output},0),100)/100,{BLANK})"
    )


def efisiensi_pmk(nilai_total: str, realisasi_total: str) -> str:
    return f"IF({nilai_total}=0,{BLANK},({nilai_total}-{realisasi_total})/{nilai_total})"


# --- Excel's limits -----------------------------------------------------------------------

MAX_FORMULA_CHARS = 8192
MAX_STRING_LITERAL = 255
MAX_ARGUMENTS = 255
MAX_NESTING = 64
MAX_NUMBER_FORMAT = 255
MAX_LINKS_PER_SHEET = 65_530
SHORT_FORMULA = 2 * MAX_NESTING
"""A formula of at most this many characters breaks no limit: it cannot hold a longer string
literal, more arguments or a deeper nesting."""
_LITERAL = re.compile(r'"((?:[^"]|"")*)"')


def limit_problem(formula: str) -> str | None:
    """Why Excel would refuse (or "repair" away) this formula text, or None when it is
    within every limit: its length, the length of each string literal, the arguments of each
    function call and the nesting depth. The writer writes the value instead and says so."""
    text = formula[1:] if formula.startswith("=") else formula
    if len(text) <= SHORT_FORMULA:
        return None
    if len(text) > MAX_FORMULA_CHARS:
        return f"rumus {len(text)} karakter (batas Excel {MAX_FORMULA_CHARS})"
    # fast paths for the quarter of a million ordinary formulas of a kabupaten workbook: no
    # limit can be broken without that many characters, commas or parentheses
    if text.count("(") <= MAX_NESTING and text.count(",") < MAX_ARGUMENTS:
        if len(text) <= MAX_STRING_LITERAL or '"' not in text:
            return None
        if all(len(m) <= MAX_STRING_LITERAL for m in _LITERAL.findall(text)):
            return None  # (sheet names here never hold a double quote)
    depth = 0
    args: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            j = i + 1
            length = 0
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        j += 2
                        length += 1
                        continue
                    break
                j += 1
                length += 1
            if length > MAX_STRING_LITERAL:
                return f"teks di dalam rumus {length} karakter (batas Excel {MAX_STRING_LITERAL})"
            i = j + 1
            continue
        if ch == "'":  # a quoted sheet name: skip it whole
            j = i + 1
            while j < n and not (text[j] == "'" and (j + 1 >= n or text[j + 1] != "'")):
                j += 2 if text[j] == "'" else 1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
            if depth > MAX_NESTING:
                return f"rumus bersarang {depth} tingkat (batas Excel {MAX_NESTING})"
            args.append(1)
        elif ch == ")":
            depth -= 1
            if args:
                args.pop()
        elif ch == "," and args:
            args[-1] += 1
            if args[-1] > MAX_ARGUMENTS:
                return f"fungsi dengan lebih dari {MAX_ARGUMENTS} argumen (batas Excel)"
        i += 1
    return None
