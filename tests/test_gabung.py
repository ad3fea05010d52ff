"""`gabung`: the kabupaten rollup of many OPD workbooks."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from click.testing import CliRunner

from sakip_xlsx.cli import main
from sakip_xlsx.commands.gabung import Gagal, collect, ranking, ringkas
from sakip_xlsx.commands.pipeline import check, fill
from tests.helpers import minimal_rows, write_workbook
from tests.lo import recalculated_mismatches, requires_soffice


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory, puger_path):
    """50 OPD workbooks in nested folders (inputs and one completed workbook) plus one
    unreadable file."""
    root = tmp_path_factory.mktemp("kab")
    (root / "dinas").mkdir()
    (root / "kecamatan").mkdir()
    for i in range(48):
        rows = minimal_rows()
        rows["RKT"][3]["pagu"] = 1_000_000 + 10_000 * i
        rows["PK"][1]["anggaran"] = 1_000_000 + 10_000 * i
        rows["Realisasi"][0]["realisasi"] = f"{60 + (i % 30)}%"
        rows["Realisasi"][1]["realisasi_anggaran"] = 900_000 + 5_000 * i
        write_workbook(
            root / "dinas" / f"dinas-{i:02d}.xlsx",
            rows,
            identitas={"nama_instansi": f"Dinas {i:02d}"},
        )
    shutil.copy(puger_path, root / "kecamatan" / "puger.xlsx")
    fill(puger_path, root / "kecamatan" / "puger-lengkap.xlsx")
    (root / "kecamatan" / "rusak.xlsx").write_text("bukan workbook")
    (root / "kecamatan" / "~$puger.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    return root


def test_collect_finds_workbooks_recursively_sorted(kabupaten):
    paths = collect([kabupaten])
    assert len(paths) == 51
    assert paths == sorted(paths, key=str)
    assert not any(p.name.startswith("~$") for p in paths)


def test_totals_equal_the_sum_of_the_inputs(kabupaten, tmp_path):
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(main, ["gabung", str(out), str(kabupaten), "-j", "2"])
    assert result.exit_code == 1  # files not counted: listed, rekap still written
    assert "rusak.xlsx" in result.output
    expected_pagu = expected_real = 0.0
    counted = collect([kabupaten / "dinas"])  # 48 OPD of 2024; Puger reports 2023
    for path in counted:
        h = check(path).hasil
        expected_pagu += h.total_pagu
        expected_real += h.total_realisasi
    wb = openpyxl.load_workbook(out, data_only=True)
    ws = wb["Rekap"]
    total = next(r for r in ws.iter_rows(min_row=6) if r[1].value and "JUMLAH" in r[1].value)
    assert total[8].value == pytest.approx(expected_pagu)
    assert total[9].value == pytest.approx(expected_real)
    assert total[10].value == pytest.approx(expected_real / expected_pagu * 100)
    names = [r[1].value for r in ws.iter_rows(min_row=6) if r[0].value]
    assert len(names) == 48 and "Kecamatan Puger" not in names
    listed = {
        r[1].value.rsplit("/", 1)[-1]: r[2].value for r in wb["Tidak dihitung"].iter_rows(min_row=4)
    }
    assert listed == {
        "puger-lengkap.xlsx": "tahun lain",  # counted once (the fill), but 2023 among 2024
        "puger.xlsx": "ganda",
        "rusak.xlsx": "tidak terbaca",
    }
    assert {"Rekap", "Peringkat", "Grafik", "Rinci", "Tidak dihitung"} <= set(wb.sheetnames)


def test_parallel_output_is_identical(kabupaten, tmp_path):
    one, two = tmp_path / "j1.xlsx", tmp_path / "j2.xlsx"
    runner = CliRunner()
    runner.invoke(main, ["gabung", str(one), str(kabupaten), "-j", "1"])
    runner.invoke(main, ["gabung", str(two), str(kabupaten), "-j", "2"])
    assert one.read_bytes() == two.read_bytes()


def test_completed_and_input_workbooks_give_the_same_summary(kabupaten):
    a = ringkas(kabupaten / "kecamatan" / "puger.xlsx")
    b = ringkas(kabupaten / "kecamatan" / "puger-lengkap.xlsx")
    assert (a.rata_rata, a.pagu, a.realisasi, a.error) == (
        b.rata_rata,
        b.pagu,
        b.realisasi,
        b.error,
    )
    assert a.rata_rata == pytest.approx(97.75)


def test_unreadable_file_is_a_reason_not_a_crash(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"")
    result = ringkas(bad)
    assert isinstance(result, Gagal)
    assert "kosong" in result.reason


def test_ranking_highest_first_unassessed_last(kabupaten):
    summaries = [ringkas(p) for p in collect([kabupaten / "dinas"])[:5]]
    ordered = ranking(summaries)
    values = [o.rata_rata for o in ordered]
    assert values == sorted(values, reverse=True)


def test_output_is_not_overwritten_without_force(kabupaten, tmp_path):
    out = tmp_path / "rekap.xlsx"
    out.write_bytes(b"lama")
    result = CliRunner().invoke(main, ["gabung", str(out), str(kabupaten / "dinas")])
    assert result.exit_code == 2
    assert out.read_bytes() == b"lama"


def test_no_workbooks_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["gabung", str(tmp_path / "r.xlsx"), str(tmp_path)])
    assert result.exit_code == 2
    assert "Tidak ada workbook" in result.output


@pytest.mark.libreoffice
@requires_soffice
def test_rollup_formulas_agree_with_libreoffice(kabupaten, tmp_path):
    out = tmp_path / "rekap.xlsx"
    CliRunner().invoke(main, ["gabung", str(out), str(kabupaten / "dinas")])
    compared, mismatches = recalculated_mismatches(out, tmp_path / "recalc")
    assert compared >= 50
    assert mismatches == []


def test_a_mistyped_folder_is_refused_not_rolled_up_empty(tmp_path):
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(main, ["gabung", str(out), str(tmp_path / "kirimann")])
    assert result.exit_code == 2, result.output
    assert "Masukan tidak ditemukan" in result.output and "kirimann" in result.output
    assert not out.exists()


def test_an_isian_beside_its_completed_workbook_counts_once_even_without_a_name(tmp_path):
    """With no instansi typed each file is known by its name (dinas-x, dinas-x-LKIP); the
    completed workbook's digest of its isian still pairs them, so the OPD is summed once."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    isian = write_workbook(folder / "dinas-x.xlsx", minimal_rows(), identitas={"nama_instansi": ""})
    fill(isian, folder / "dinas-x-LKIP.xlsx")
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(main, ["gabung", str(out), str(folder)])
    assert "Workbook dihitung         : 1" in result.output, result.output
    assert "dinas-x.xlsx [ganda]" in result.output


def test_equal_capaian_share_a_rank():
    """Four OPD at 97,75 % are all ranked 1; the next is ranked 5 (not 1, 2, 3, 4, 5)."""
    from types import SimpleNamespace

    from sakip_xlsx.lkip.results import ranks

    rows = [SimpleNamespace(rata_rata=v) for v in (97.75, 97.75, 97.75, 97.75, 90.0, None)]
    assert ranks(rows) == [1, 1, 1, 1, 5, 6]
    assert ranks([SimpleNamespace(rata_rata=90.001), SimpleNamespace(rata_rata=90.0)]) == [1, 1]
