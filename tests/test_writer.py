"""The completed workbook: live formulas whose cached values LibreOffice agrees with."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from sakip_xlsx.commands.pipeline import check, fill
from sakip_xlsx.lkip.compute import compute
from sakip_xlsx.render.xlsx.completed import completed_workbook
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import minimal_rows, variant_workbook, write_workbook
from tests.lo import formula_cells, recalculated_mismatches, requires_soffice

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "examples" / "puger-2023-LKIP.xlsx"


@pytest.fixture(scope="module")
def puger_out(tmp_path_factory, puger_path) -> Path:
    out = tmp_path_factory.mktemp("w") / "puger-2023-LKIP.xlsx"
    fill(puger_path, out)
    return out


def test_committed_completed_example_is_current(puger_out):
    assert COMMITTED.read_bytes() == puger_out.read_bytes(), (
        "examples/puger-2023-LKIP.xlsx is stale: run "
        "`sakip-xlsx fill examples/puger-2023.xlsx --force`"
    )


def test_output_is_deterministic(puger_path, tmp_path):
    a = fill(puger_path, tmp_path / "a.xlsx").output.read_bytes()
    b = fill(puger_path, tmp_path / "b.xlsx").output.read_bytes()
    assert a == b


@requires_soffice
@pytest.mark.libreoffice
def test_libreoffice_recalculation_agrees_with_every_cached_value(puger_out, tmp_path):
    compared, mismatches = recalculated_mismatches(puger_out, tmp_path / "recalc")
    assert compared >= 100
    assert mismatches == []


@requires_soffice
@pytest.mark.libreoffice
def test_recalculation_really_happens(tmp_path):
    # a sentinel with a deliberately wrong cached value must come back corrected
    path = tmp_path / "sentinel.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("S")
    ws.write_formula("A1", "=1+1", None, 5)
    wb.close()
    compared, mismatches = recalculated_mismatches(path, tmp_path / "out")
    assert compared == 1
    assert mismatches == ["S!A1: cached 5, LibreOffice 2"]


@requires_soffice
@pytest.mark.libreoffice
def test_recalculation_of_a_workbook_with_every_rule_variant(tmp_path):
    # Negatif and Rentang polarity, cap 120, Permendagri scale, PMK efisiensi, a missing
    # realisasi, an unreadable target, a zero target: all formulas must still agree.
    path = variant_workbook(tmp_path / "v.xlsx")
    result = fill(path, tmp_path / "v-LKIP.xlsx")
    assert result.hasil.indikator["IS6"].realisasi.number == 32  # 12 + 9 + 11, no TW4
    assert result.hasil.anggaran["7.01.01.2.02.02"].output_capaian == pytest.approx(87.5)
    out = result.output
    compared, mismatches = recalculated_mismatches(out, tmp_path / "recalc")
    assert compared >= 100
    assert mismatches == []


def test_every_derived_table_cell_is_a_formula(puger_out):
    cells = formula_cells(puger_out)
    per_sheet = {}
    for sheet, _ in cells:
        per_sheet[sheet] = per_sheet.get(sheet, 0) + 1
    for sheet in (
        "Tabel 3.1",
        "Tabel 3.6",
        "Tabel 3.7",
        "Tabel 3.8",
        "Realisasi",
        "Pemantauan Rencana Aksi",
        "Tabel 1.1",
        "Ringkasan",
    ):
        assert per_sheet.get(sheet, 0) > 0, sheet
    wb = openpyxl.load_workbook(puger_out)
    assert wb["Tabel 3.1"]["H7"].value.startswith("=IF(")
    assert "Realisasi" in wb["Tabel 3.1"]["G7"].value


def test_input_sheets_are_normalised_with_notes(puger_out):
    wb = openpyxl.load_workbook(puger_out)
    rea = wb["Realisasi"]
    # "81,9" typed as text becomes the number 81.9; shown the same, so no note is needed
    cell = next(c for c in rea["G"] if c.value == pytest.approx(81.9))
    assert cell.comment is None
    # "25,00 %" is shown as 25 %: the typed text stays visible in a note
    ra = wb["Rencana Aksi"]["C2"]
    assert ra.value == 25 and "25,00 %" in ra.comment.text
    # an unreadable value keeps the user's text and is marked with the finding code
    rkt = wb["RKT"]
    assert rkt["G32"].value == "Laporan"
    assert "BACA-001" in rkt["G32"].comment.text
    assert rkt["G32"].fill.fgColor.rgb.endswith("F8CBAD")


def test_completed_workbook_is_valid_input_with_the_same_figures(puger_out, puger_path, tmp_path):
    first = check(puger_path)
    again = fill(puger_out, tmp_path / "again.xlsx")
    a, b = first.hasil, again.hasil
    assert b.rata_rata == pytest.approx(a.rata_rata)
    assert (b.total_pagu, b.total_realisasi) == (a.total_pagu, a.total_realisasi)
    assert {k: v.capaian for k, v in b.indikator.items()} == {
        k: v.capaian for k, v in a.indikator.items()
    }
    assert {k: v.serapan for k, v in b.anggaran.items()} == {
        k: v.serapan for k, v in a.anggaran.items()
    }
    assert [(f.code, f.location) for f in again.findings] == [
        (f.code, f.location) for f in first.findings
    ]


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    rows = minimal_rows()
    rows["RKT"][3]["uraian"] = '=HYPERLINK("http://x","klik")'
    rows["SDM"][0]["keterangan"] = "+62 812 3456"
    rows["Realisasi"][0]["sumber"] = "@SUM(A1)"
    path = write_workbook(tmp_path / "f.xlsx", rows)
    out = fill(path, tmp_path / "f-LKIP.xlsx").output
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and "HYPERLINK" in c.value:
                    assert c.data_type == "s"
    assert wb["SDM"]["F2"].data_type == "s"


def test_unassessed_values_are_blank_not_errors(tmp_path):
    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi"] = "tidak ada"
    path = write_workbook(tmp_path / "u.xlsx", rows)
    laporan = read_workbook(path)
    data, _ = completed_workbook(compute(laporan), laporan.findings)
    out = tmp_path / "u-LKIP.xlsx"
    out.write_bytes(data)
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb["Tabel 3.1"]["H7"].value in (None, "")


def test_temuan_sheet_links_every_finding_errors_first(puger_out, puger_path):
    findings = check(puger_path).findings
    wb = openpyxl.load_workbook(puger_out)
    ws = wb["Temuan"]
    rows = list(ws.iter_rows(min_row=5, values_only=False))
    assert len(rows) == len(findings)
    severities = [r[2].value for r in rows]
    assert severities == sorted(severities, key=["error", "peringatan", "info"].index)
    for row, item in zip(rows, findings, strict=True):
        assert row[1].value == item.code
        if item.cell:
            link = row[3].hyperlink
            assert link is not None and link.location == f"'{item.sheet}'!{item.cell}"
            # the offending input cell is marked and names the code
            marked = wb[item.sheet][item.cell]
            assert marked.comment is not None and item.code in marked.comment.text
    ring = {r[0].value: r[1].value for r in wb["Ringkasan"].iter_rows() if r[0].value}
    assert ring["Temuan error"] == sum(f.severity.value == "error" for f in findings)
    assert ring["Temuan peringatan"] == sum(f.severity.value == "peringatan" for f in findings)


def test_formulas_use_no_function_that_needs_an_xlfn_prefix():
    import re

    from sakip_xlsx.render.xlsx.completed.fast_sheet import DYNAMIC_ARRAY_FUNCTIONS

    source = (ROOT / "sakip_xlsx" / "render" / "xlsx" / "formulas.py").read_text(encoding="utf-8")
    used = set(re.findall(r"\b([A-Z][A-Z.]+)\(", source))
    assert used.isdisjoint(DYNAMIC_ARRAY_FUNCTIONS), used & set(DYNAMIC_ARRAY_FUNCTIONS)
    assert used <= {
        "IF",
        "AND",
        "OR",
        "ISNUMBER",
        "ROUND",
        "MIN",
        "MAX",
        "SUM",
        "AVERAGE",
        "COUNT",
        "COUNTIFS",  # Excel 2007, as SUMIFS: no prefix; criteria read as SUMIFS reads them
        "IFERROR",
        "N",
        "SUMIFS",
        "SUMPRODUCT",
    }, used


def test_formula_text_is_written_in_one_module():
    """Every spreadsheet function call in the package's source is in `formulas.py`: tables
    and writers hold expressions, never formula text of their own."""
    import re

    call = re.compile(r"\b(?:IF|SUM|SUMIFS|SUMPRODUCT|AVERAGE|COUNT|ISNUMBER|IFERROR|ROUND)\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "sakip_xlsx").rglob("*.py"))
        if path.name != "formulas.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if call.search(line)
    ]
    assert offenders == []


@requires_soffice
@pytest.mark.libreoffice
def test_sdm_counts_survive_wildcards_case_and_long_labels(tmp_path):
    rows = minimal_rows()
    long_name = "Pengelola " + "data " * 60  # longer than a formula text may be
    rows["SDM"] = [
        {"jabatan": "Staf*", "status": "ASN", "golongan": "III/a", "pendidikan": "S1"},
        {"jabatan": "Staf umum", "status": "ASN", "golongan": "III/a", "pendidikan": "S1"},
        {"jabatan": "staf*", "status": "Non ASN", "pendidikan": "SMA/SMK"},
        {"jabatan": long_name, "status": "ASN", "golongan": "II/a", "pendidikan": "D3"},
        {"jabatan": "=Kepala", "status": "ASN", "golongan": "IV/a", "pendidikan": "S2"},
    ]
    out = fill(write_workbook(tmp_path / "s.xlsx", rows), tmp_path / "s-LKIP.xlsx")
    table = {label: counts for label, counts in out.hasil.sdm_jabatan.rows}
    assert table["Staf*"] == [1, 1] and table["Staf umum"] == [1, 0]
    compared, mismatches = recalculated_mismatches(out.output, tmp_path / "recalc")
    assert compared >= 100
    assert mismatches == []


def test_formula_limits_are_recognised():
    from sakip_xlsx.render.xlsx.formulas import limit_problem

    assert limit_problem("SUM('Tabel 3.8'!$E$6:$E$20)") is None
    assert "8192" in limit_problem("=" + "A1+" * 3000 + "1")
    assert "255" in limit_problem('IF(A1="' + "x" * 256 + '",1,0)')
    assert limit_problem('IF(A1="' + 'x""' * 100 + '",1,0)') is None  # "" is one character
    assert "argumen" in limit_problem("SUM(" + ",".join(["A1"] * 256) + ")")
    assert limit_problem("SUM(" + ",".join(["A1"] * 255) + ")") is None
    assert "64" in limit_problem("(" * 65 + "1" + ")" * 65)
    assert limit_problem("SUM('a,b(c'!A1,1)") is None  # commas in a sheet name are not arguments


def test_every_printed_page_names_the_document_and_its_number():
    import zipfile

    with zipfile.ZipFile(COMMITTED) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        for name in sheets:
            xml = z.read(name).decode("utf-8")
            assert "Halaman &amp;P dari &amp;N" in xml, name
            assert "LKIP Kecamatan Puger – 2023" in xml, name
            assert 'orientation="landscape"' in xml and 'paperSize="9"' in xml, name


def test_number_formats_carry_no_literal_separators():
    """Excel and LibreOffice show 97,75 in Indonesian settings and 97.75 in English ones only
    when the format has no quoted digits or separators (zero included)."""
    import re
    import zipfile

    with zipfile.ZipFile(COMMITTED) as z:
        styles = z.read("xl/styles.xml").decode("utf-8")
    codes = re.findall(r'formatCode="([^"]*)"', styles)
    assert codes
    for code in codes:
        quoted = re.findall(r"&quot;(.*?)&quot;", code)
        assert not any(re.search(r"[0-9.,]", q) for q in quoted), code


def test_sdm_tables_keep_every_list_value_and_read_common_spellings(tmp_path):
    from sakip_xlsx.commands.pipeline import fill

    rows = minimal_rows()
    rows["SDM"] = [
        {"jabatan": "Kasi", "status": "ASN", "golongan": "III a", "pendidikan": "SMA/STM"},
        {"jabatan": "Staf", "status": "ASN", "golongan": "iii/a", "pendidikan": "D-III"},
        {"jabatan": "Staf", "status": "Non ASN", "pendidikan": "Pesantren"},
    ]
    out = tmp_path / "sdm-LKIP.xlsx"
    result = fill(write_workbook(tmp_path / "sdm.xlsx", rows), out)
    assert [(f.code, f.cell) for f in result.findings if f.code == "SDM-002"] == [("SDM-002", "D4")]
    wb = openpyxl.load_workbook(out, data_only=True)
    golongan = {r[1].value: (r[2].value, r[3].value) for r in wb["Tabel 1.2"].iter_rows(min_row=7)}
    assert golongan["III/a"] == ("Penata Muda", 2)
    assert golongan["IV/e"] == ("Pembina Utama", 0)  # zero rows are kept, as LKIP tables print
    pendidikan = [
        r[1].value for r in wb["Tabel 1.3"].iter_rows(min_row=7) if isinstance(r[0].value, int)
    ]
    assert pendidikan == ["SD", "SLTP", "SMA/SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
    counts = {r[1].value: r[4].value for r in wb["Tabel 1.3"].iter_rows(min_row=7)}
    assert counts["SMA/SMK"] == 1 and counts["D3"] == 1 and counts["Jumlah"] == 2
    assert wb["SDM"]["D2"].value == "SMA/SMK"  # written as counted, the typed text in a note


def test_caches_of_the_writer_change_no_byte(puger_path, tmp_path, monkeypatch):
    """The renderer's input-reference cache (emptied at 4,096 entries) and the memoised
    meaning of a typed value are pure speed: with the cache emptied at every entry and the
    memo off, the completed workbooks are the same, byte for byte."""
    from sakip_xlsx.render.xlsx.completed import render
    from sakip_xlsx.workbook import reader

    paths = (puger_path, variant_workbook(tmp_path / "v.xlsx"))

    def written(path: Path) -> bytes:
        checked = check(path)
        return completed_workbook(checked.hasil, checked.findings)[0]

    usual = [written(path) for path in paths]
    monkeypatch.setattr(render, "INPUT_CACHE", 1)
    monkeypatch.setattr(reader, "_understood", reader._understood.__wrapped__)
    assert [written(path) for path in paths] == usual


def test_a_memoised_value_keeps_1_1_0_and_true_apart():
    from sakip_xlsx.lkip.values import Problem
    from sakip_xlsx.workbook.reader import _understood

    assert _understood(True, "", None, False).problem is Problem.BOOLEAN
    assert _understood(1, "", None, False).number == 1.0
    assert _understood(1.0, "0%", None, False).number == 100.0  # a percent cell
    assert _understood(1, "", None, False).problem is None


def test_rows_may_make_their_cells_when_read():
    from sakip_xlsx.document.spec import Cell, Row

    made = []

    def cells():
        made.append(1)
        return {"a": Cell(len(made))}

    row = Row("k", cells)
    assert row.cells["a"].value == 1 and row.cells["a"].value == 2  # made anew on each access
    assert Row("k", {"a": Cell(5)}).cells["a"].value == 5


def test_fill_lets_the_grids_go_and_a_second_writing_refuses(puger_path, tmp_path):
    """`fill` writes the model once and lets each input sheet's grid go once written; writing
    that model again must fail loudly, never leave the input sheets out."""
    done = fill(puger_path, tmp_path / "out.xlsx")
    laporan = done.hasil.laporan
    assert laporan.grids == {} and laporan.grids_released
    with pytest.raises(RuntimeError, match="grids"):
        completed_workbook(done.hasil, done.findings)
    again = check(puger_path)  # a model that was only checked keeps them for any writing
    assert completed_workbook(again.hasil, again.findings) == completed_workbook(
        again.hasil, again.findings
    )


def _renderer_on(table):
    import io

    from sakip_xlsx.render.xlsx.completed.book import Book
    from sakip_xlsx.render.xlsx.completed.render import Renderer

    render = Renderer(Book(xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})))
    render.place(table, table.columns)
    render.begin(table.name)
    return render


def test_a_shape_gives_each_row_the_formula_of_its_filled_expression():
    """A shape is turned into text once and filled per row; the text must be what the whole
    expression would give, braces in constants and slot values included."""
    from sakip_xlsx.document.spec import (
        Column,
        Filled,
        Here,
        Input,
        Ref,
        Row,
        Shape,
        Slot,
        Table,
        Text,
        call,
    )

    columns = [Column("t", "T", 5), Column("r", "R", 5), Column("c", "C", 5)]
    table = Table("Tabel X", "x", "", columns, [Row(1, {}), Row(2, {}), Row(3, {})])
    render = _renderer_on(table)
    shape = Shape(
        call("capaian", Here("t"), Slot(0), Slot(1), rentang_blank=False)
    )  # the braces of a constant stay braces
    braces = Shape(call("when_number", Slot(0), Text("{0} {x}")))
    for key, number in ((1, 7), (2, 8), (3, 9)):
        values = (Input("Realisasi", f"F{number + 4}"), Text(f"Neg{{{key}}}"))
        whole = call("capaian", Ref("Tabel X", key, "t"), *values, rentang_blank=False)
        assert render.formula(Filled(shape, values), number) == render.formula(whole)
        assert render.formula(Filled(braces, values), number) == render.formula(
            call("when_number", values[0], Text("{0} {x}"))
        )
    same = (Input("PK", "C3"), Text("Positif"))
    first = render.formula(Filled(shape, same), 7)
    assert render.formula(Filled(shape, same), 9) == first.replace("$A$7", "$A$9")


def test_a_shape_refuses_what_it_cannot_place():
    from sakip_xlsx.document.spec import Column, Filled, Here, Row, Shape, Slot, Span, Table, call

    table = Table("Tabel Y", "y", "", [Column("a", "A", 5)], [Row(1, {}), Row(2, {})])
    render = _renderer_on(table)
    nothing = (Span("Tabel Y", "a", 2, 1),)  # an area over no row: not a cell
    with pytest.raises(ValueError, match="slot value"):
        render.formula(Filled(Shape(call("number_or_blank", Slot(0))), nothing), 7)
    with pytest.raises(ValueError, match="needs the row"):
        render.formula(Filled(Shape(call("number_or_blank", Here("a"))), ()))
    render.begin(None)  # an input sheet: no table row to name
    with pytest.raises(ValueError, match="outside a table"):
        render.formula(Filled(Shape(call("number_or_blank", Here("a"))), ()), 7)


def test_input_sheets_show_their_headings_and_text_whole(puger_out, puger_path):
    """Print shows only what fits a row: the heading row of an input sheet is as high as its
    longest heading needs (it once stayed one line high, cutting `Target tahunan menurut
    metode` and `Metode akumulasi` in print), and text cells wrap as in the template."""
    from sakip_xlsx.lkip.schema import REALISASI, RENCANA_AKSI

    laporan = check(puger_path).hasil.laporan
    book = openpyxl.load_workbook(puger_out)
    for spec in (RENCANA_AKSI, REALISASI):
        ws = book[spec.name]
        row = laporan.header_rows[spec.name]
        assert (ws.row_dimensions[row].height or 15) >= 30, spec.name
        texts = [
            cell
            for line in ws.iter_rows(min_row=row + 1, max_col=ws.max_column)
            for cell in line
            if isinstance(cell.value, str) and cell.fill.fgColor.rgb in ("FFFFF2CC", "FFF8CBAD")
        ]
        assert len(texts) > 10 and all(cell.alignment.wrap_text for cell in texts), spec.name


def test_rows_grow_to_the_lines_their_text_needs():
    """Not every viewer grows a row for wrapped text, so the writer sets the height: the
    most lines any cell of the row needs at its column's width (a line break counts), never
    above Excel's limit, and only from the sheet's first measured row on."""
    from sakip_xlsx.render.xlsx.completed.book import OrderedSheet

    heights: dict[int, float] = {}

    class Sink:
        name = "s"

        def set_row(self, row, height):
            heights[row] = height

        def set_column(self, *args):
            pass

        def _write_string(self, *args):
            pass

    ws = OrderedSheet(Sink(), first_row=1)
    ws.set_column(0, 0, 10)
    ws.write_string(0, 0, "x" * 50)  # above the first measured row: not measured
    ws.write_string(1, 0, "x" * 25)  # 3 lines of 10
    ws.write_string(1, 1, "y" * 9)  # default width 8.43: 2 lines
    ws.write_string(2, 0, "a\nb\n" + "c" * 11)  # 1 + 1 + 2 lines
    ws.set_column(0, 0, 30)  # a new width counts from then on
    ws.write_string(3, 0, "x" * 25)
    ws.write_string(4, 0, "z" * 30 * 40)
    ws.finish()
    assert heights == {1: 45.0, 2: 60.0, 4: OrderedSheet.MAX_HEIGHT}


@requires_soffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("cap", ["", "110", 1.2])  # blank, off the list, 120% typed in Excel
def test_a_setting_not_used_from_its_cell_is_a_constant_in_the_formulas(tmp_path, cap):
    """Python uses the default cap (100) when the cell is blank or off the list (BACA-007);
    the formulas must too, not read the cell as "no cap" or as a cap of 1,2."""
    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi"] = "90%"  # above the target: the cap matters
    path = write_workbook(tmp_path / "c.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    ws = wb["Identitas"]
    row = next(r for r in range(1, 40) if str(ws[f"A{r}"].value).startswith("Batas atas"))
    ws[f"B{row}"] = cap if cap != "" else None
    wb.save(path)
    result = fill(path, tmp_path / "c-LKIP.xlsx")
    assert result.hasil.pengaturan.cap == 100
    compared, mismatches = recalculated_mismatches(result.output, tmp_path / "recalc")
    assert compared >= 50
    assert mismatches == []


def test_sdm_groups_as_a_spreadsheet_compares(tmp_path):
    """`=` in a spreadsheet ignores case letter by letter: `Straße` and `straße` are one
    jabatan, `STRASSE` another (as the SUMPRODUCT of Tabel 1.1 counts them)."""
    rows = minimal_rows()
    rows["SDM"] = [
        {"jabatan": "Straße", "status": "ASN"},
        {"jabatan": "STRASSE", "status": "ASN"},
        {"jabatan": "straße", "status": "ASN"},
    ]
    table = check(write_workbook(tmp_path / "s.xlsx", rows)).hasil.sdm_jabatan
    assert sorted(sum(counts) for _, counts in table.rows) == [1, 2]
