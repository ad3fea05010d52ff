"""The schema drives the template; the template is deterministic and committed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.lkip.schema import (
    DEFAULT_PERIODE,
    DEFAULT_TAHUN,
    INPUT_SHEETS,
    PETUNJUK_SHEET,
    Kind,
    expanded_headers,
    sheet,
)
from sakip_xlsx.render.xlsx.template import header_text, template_bytes

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "workbook_templates" / "sakip-isian-template.xlsx"


def test_template_is_deterministic():
    assert template_bytes() == template_bytes()


def test_committed_template_equals_generated():
    assert COMMITTED.read_bytes() == template_bytes(marked=True), (
        "workbook_templates/ is stale: run `sakip-xlsx template "
        "workbook_templates/sakip-isian-template.xlsx --force`"
    )


def test_cli_writes_identical_files(tmp_path):
    runner = CliRunner()
    for name in ("a.xlsx", "b.xlsx"):
        result = runner.invoke(main, ["template", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    assert (tmp_path / "a.xlsx").read_bytes() == COMMITTED.read_bytes()


def test_cli_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"keep")
    result = CliRunner().invoke(main, ["template", str(out)])
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_bytes() == b"keep"


def test_cli_rejects_year_outside_period(tmp_path):
    result = CliRunner().invoke(
        main, ["template", str(tmp_path / "t.xlsx"), "--tahun", "2030", "--periode", "2021-2026"]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "t.xlsx").exists()


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    path = tmp_path_factory.mktemp("tpl") / "t.xlsx"
    path.write_bytes(template_bytes(2023, (2021, 2026), "Kecamatan Puger"))
    return openpyxl.load_workbook(path)


def test_sheets_in_order(blank):
    assert blank.sheetnames == [PETUNJUK_SHEET] + [s.name for s in INPUT_SHEETS]


def test_headers_come_from_schema_and_years_follow_period(blank):
    for spec in INPUT_SHEETS:
        if spec.key_value:
            continue
        ws = blank[spec.name]
        got = [c.value for c in ws[1] if c.value is not None]
        want = [header_text(col, year) for col, year in expanded_headers(spec, 2023, (2021, 2026))]
        assert got == want
    renstra = [c.value for c in blank["Renstra"][1]]
    assert [h for h in renstra if h and h.startswith("Target 20")] == [
        f"Target {y}" for y in range(2021, 2027)
    ]
    realisasi = [c.value for c in blank["Realisasi"][1]]
    assert "Realisasi 2021" in realisasi and "Realisasi 2022" in realisasi
    assert "Realisasi 2023" not in realisasi  # the report year is "Realisasi tahunan"


def test_identitas_fields_and_prefill(blank):
    ws = blank["Identitas"]
    labels = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert labels == [header_text(c) for c in sheet("Identitas").columns]
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(2, 30)}
    assert values["Nama instansi *"] == "Kecamatan Puger"
    assert values["Tahun laporan *"] == 2023
    assert values["Batas atas capaian (%)"] == "100"


def test_list_validations_cover_every_choice_column(blank):
    for spec in INPUT_SHEETS:
        ws = blank[spec.name]
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        choice_cols = [c for c in spec.columns if c.kind in (Kind.CHOICE, Kind.SUGGEST)]
        assert len(lists) == len(choice_cols), spec.name
        for col in choice_cols:
            assert any(all(ch in (dv.formula1 or "") for ch in col.choices[:2]) for dv in lists)


def test_frozen_headers_print_setup_and_comments(blank):
    for spec in INPUT_SHEETS:
        ws = blank[spec.name]
        assert ws.freeze_panes in ("B2", "A2")
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9
    assert blank["Renstra"]["A1"].comment is not None


def test_input_cells_are_visibly_distinct(blank):
    # the input area is styled per column (no empty cells in the file), the header per cell
    ws = blank["RKT"]
    header_fill = ws["A1"].fill.fgColor.rgb
    covered = set()
    for dim in list(ws.column_dimensions.values()):
        if dim.min and dim.fill.fgColor.rgb.endswith("FFF2CC"):
            covered.update(range(dim.min, dim.max + 1))
    assert covered >= set(range(1, 9))
    assert not header_fill.endswith("FFF2CC")


def test_petunjuk_documents_every_column(blank):
    ws = blank[PETUNJUK_SHEET]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for spec in INPUT_SHEETS:
        assert f"Sheet {spec.name}" in text
        for col in spec.columns:
            assert col.header.replace("{year}", "<tahun>") in text


def test_default_template_period():
    assert DEFAULT_PERIODE[0] <= DEFAULT_TAHUN <= DEFAULT_PERIODE[1]


def test_template_year_follows_the_period_when_only_the_period_is_given(tmp_path):
    out = tmp_path / "t.xlsx"
    assert CliRunner().invoke(main, ["template", str(out), "--periode", "2021-2026"]).exit_code == 0
    ws = openpyxl.load_workbook(out)["Identitas"]
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(2, 8)}
    assert 2021 <= values["Tahun laporan *"] <= 2026
    assert "Target 2021" in [c.value for c in openpyxl.load_workbook(out)["Renstra"][1]]


def test_identitas_rows_are_as_tall_as_their_keterangan(tmp_path):
    """The Keterangan of a setting (the cap, the scale) runs over three lines; printed in a
    one-line row it lay over the rows below."""
    import io

    import openpyxl

    from sakip_xlsx.render.xlsx.template import template_bytes

    ws = openpyxl.load_workbook(io.BytesIO(template_bytes(2024, (2021, 2026))))["Identitas"]
    for row in ws.iter_rows(min_row=2):
        help_text = str(row[2].value or "")
        if len(help_text) > 140:  # more than two lines of the 70-wide column
            height = ws.row_dimensions[row[0].row].height
            assert height is not None and height >= 45, (row[0].value, height)
