"""The document model: tables by key, so the place of a column or a table cannot change a
figure or break a formula."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest

from sakip_xlsx import document
from sakip_xlsx.commands.pipeline import check
from sakip_xlsx.document.spec import Call, Filled, Here, Input, InputSpan, Ref, Span, Table
from sakip_xlsx.lkip.values import shorten
from sakip_xlsx.render.xlsx.completed import completed_workbook
from sakip_xlsx.render.xlsx.completed.render import FIRST_DATA, HEADER_ROW
from tests.helpers import variant_workbook
from tests.lo import recalculated_mismatches, requires_soffice


def permuted(seed: int) -> document.Arrangement:
    """Every table's columns and the tables themselves in a shuffled order (never the
    declared one), the same for the same seed."""

    def order(names: list[str]) -> list[str]:
        rng = random.Random(f"{seed}:order")
        shuffled = list(names)
        while shuffled == names:
            rng.shuffle(shuffled)
        return shuffled

    def columns(table: Table):
        rng = random.Random(f"{seed}:{table.name}")
        shuffled = list(table.columns)
        while len(shuffled) > 1 and shuffled == table.columns:
            rng.shuffle(shuffled)
        return shuffled

    return document.Arrangement(order=order, columns=columns)


def _write(source: Path, out: Path, arrangement=None) -> Path:
    result = check(source)
    data, _ = completed_workbook(result.hasil, result.findings, arrangement)
    out.write_bytes(data)
    return out


def _by_heading(path: Path) -> dict[tuple[str, str, int], object]:
    """Every cached value of the LKIP tables by (sheet, column heading, row)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for name in wb.sheetnames:
        if not name.startswith(("Tabel", "Pemantauan", "Grafik")):
            continue
        ws = wb[name]
        headings = {c.column: c.value for c in ws[HEADER_ROW + 1]}
        for row in ws.iter_rows(min_row=FIRST_DATA + 1):
            for c in row:
                closing = isinstance(c.value, str) and c.value.startswith("Sumber data:")
                if c.column in headings and c.value is not None and not closing:
                    out[(name, headings[c.column], c.row)] = c.value
    return out


@pytest.fixture(scope="module")
def variant(tmp_path_factory) -> Path:
    return variant_workbook(tmp_path_factory.mktemp("variant") / "v.xlsx")


@pytest.mark.parametrize("which", ["puger", "variant"])
def test_permuted_columns_and_tables_keep_every_figure(which, puger_path, variant, tmp_path):
    source = puger_path if which == "puger" else variant
    plain = _write(source, tmp_path / "plain.xlsx")
    shuffled = _write(source, tmp_path / "shuffled.xlsx", permuted(7))
    a, b = openpyxl.load_workbook(plain), openpyxl.load_workbook(shuffled)
    assert a.sheetnames != b.sheetnames and sorted(a.sheetnames) == sorted(b.sheetnames)
    header = HEADER_ROW + 1
    assert [c.value for c in a["Tabel 3.1"][header]] != [c.value for c in b["Tabel 3.1"][header]]
    expected = _by_heading(plain)
    assert len(expected) > 200
    assert _by_heading(shuffled) == expected


@requires_soffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("which", ["puger", "variant"])
def test_permuted_workbook_recalculates_to_the_same_values(which, puger_path, variant, tmp_path):
    source = puger_path if which == "puger" else variant
    for seed in (7, 11):
        out = _write(source, tmp_path / f"shuffled-{seed}.xlsx", permuted(seed))
        compared, mismatches = recalculated_mismatches(out, tmp_path / f"recalc-{seed}")
        assert compared >= 100
        assert mismatches == []


def _references(expr) -> list:
    if isinstance(expr, Filled):
        return _references(expr.expr)
    if isinstance(expr, Call):
        found = []
        for arg in expr.args:
            for item in arg if isinstance(arg, tuple) else (arg,):
                found += _references(item)
        return found
    return [expr] if isinstance(expr, (Ref, Span, Input, InputSpan, Here)) else []


def test_every_reference_names_a_table_row_and_column_that_exist(puger_path):
    """A reference by key that names nothing would only fail at writing; here every one of
    the Puger document is checked against the tables built before it."""
    hasil = check(puger_path).hasil
    seen: dict[str, Table] = {}
    count = 0
    for table in [*document.tables(hasil), document.summary(hasil, [])]:
        seen[table.name] = table
        keys = {c.key for c in table.columns}
        for row in table.rows:
            assert set(row.cells) <= keys, (table.name, row.key, set(row.cells) - keys)
            for cell in row.cells.values():
                for ref in _references(cell.expr) if cell.expr is not None else []:
                    if isinstance(ref, Ref):
                        target = seen[ref.table]
                        assert ref.col in {c.key for c in target.columns}, ref
                        assert ref.row in {r.key for r in target.rows}, ref
                        count += 1
                    elif isinstance(ref, Span):
                        assert ref.col in {c.key for c in seen[ref.table].columns}, ref
                    elif isinstance(ref, Here):
                        assert ref.col in keys, (table.name, ref)
                        count += 1
    assert count > 500


def test_document_names_no_column_letter():
    """Table builders hold keys only: no A1 address is written in the document package."""
    import re

    root = Path(__file__).resolve().parent.parent / "sakip_xlsx" / "document"
    address = re.compile(r"\$[A-Z]{1,3}\$\d|xl_col_to_name|xl_rowcol")
    for path in root.glob("*.py"):
        assert not address.search(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Persentase layanan", 40, "Persentase layanan"),
        ("Program Penunjang Urusan Pemerintahan Daerah", 25, "Program Penunjang Urusan…"),
        ("Indeks   Kepuasan  Masyarakat", 16, "Indeks Kepuasan…"),
        ("Supercalifragilistic", 10, "Supercali…"),
    ],
)
def test_shorten_cuts_at_a_word_boundary(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_a_chart_holds_at_most_25_bars_and_labels_only_a_few():
    """300 indicators in one chart printed as a smear of labels: each chart takes 25 bars,
    and only a chart of up to 12 bars labels its values."""
    from sakip_xlsx.document.summary import CHART_BARS, _parts
    from sakip_xlsx.render.xlsx.styles import value_labels

    rows = [(f"IS{i}", "x") for i in range(1, 61)]
    parts = _parts("Capaian per indikator sasaran", rows)
    assert CHART_BARS == 25 and len(parts) == 3
    assert parts[0] == ("Capaian per indikator sasaran (1 dari 3)", "IS1", "IS25")
    assert parts[-1] == ("Capaian per indikator sasaran (3 dari 3)", "IS51", "IS60")
    assert _parts("Serapan", rows[:4]) == [("Serapan", "IS1", "IS4")]
    assert value_labels(12)["value"] and not value_labels(13)["value"]
