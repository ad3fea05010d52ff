"""`impor-sipd`: a new isian with SIPD's realisasi anggaran, both inputs untouched."""

from __future__ import annotations

import datetime as dt
import hashlib

from click.testing import CliRunner

import sakip_xlsx
from sakip_xlsx.cli import main
from sakip_xlsx.commands.pipeline import check
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import minimal_rows, write_workbook
from tests.sipd_fixtures import SHAPES, write_sipd

SUB_A, SUB_B = "7.01.01.2.02.01", "7.01.01.2.02.02"


def _isian(tmp_path):
    rows = minimal_rows()  # SUB_A: pagu 1.000.000, realisasi anggaran Rp 900.000 typed
    rows["RKT"].append(
        {
            "jenis": "Sub Kegiatan",
            "kode": SUB_B,
            "kode_induk": "7.01.01.2.02",
            "uraian": "Sub B",
            "pagu": 2_000_000,
        }
    )
    rows["RKT"].append(  # a sub kegiatan SIPD does not know
        {
            "jenis": "Sub Kegiatan",
            "kode": "7.01.01.2.02.03",
            "kode_induk": "7.01.01.2.02",
            "uraian": "Sub C",
            "pagu": 10_000,
        }
    )
    return write_workbook(tmp_path / "isian.xlsx", rows)


def _doc(kode, nomor, tanggal, realisasi, setoran=None):
    return {
        "kode_sub": kode,
        "nama": "Sub",
        "nomor": nomor,
        "tanggal": tanggal,
        "realisasi": realisasi,
        "setoran": setoran,
        "jenis_dokumen": "SPP",
        "rekening": "5.1.02.01.01.0024",
    }


DOCS = [
    # SUB_A (4-digit in SIPD): 400.000 (TW1) + 500.000 (TW3) - 50.000 setoran (TW3) = 850.000
    _doc("7.01.01.2.02.0001", "SPP-1", dt.date(2024, 2, 10), 400_000),
    _doc("7.01.01.2.02.0001", "SPP-2", dt.date(2024, 8, 1), 500_000, 50_000),
    # SUB_B: 1.500.000 in TW4; it has no Realisasi row in the isian yet
    _doc("7.01.01.2.02.0002", "SPP-3", dt.date(2024, 11, 30), 1_500_000),
    # not in the RKT, and a document of 2023: listed, not counted
    _doc("7.01.01.2.02.0009", "SPP-4", dt.date(2024, 3, 1), 77_000),
    _doc("7.01.01.2.02.0001", "SPP-0", dt.date(2023, 12, 30), 999_000),
]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_realisasi_anggaran_comes_from_sipd(tmp_path):
    isian = _isian(tmp_path)
    export = write_sipd(tmp_path / "sipd.xlsx", DOCS)
    before = _digest(isian), _digest(export)
    result = sakip_xlsx.impor_sipd(isian, export)
    assert (_digest(isian), _digest(export)) == before  # neither input is modified
    assert result.output == tmp_path / "isian-sipd.xlsx"
    assert result.applied == {SUB_A: 850_000, SUB_B: 1_500_000}
    assert result.quarters[SUB_A] == [400_000, 0, 450_000, 0]
    laporan = read_workbook(result.output)
    assert laporan.realisasi[SUB_A].anggaran.number == 850_000  # replaces the typed 900.000
    assert laporan.realisasi[SUB_B].anggaran.number == 1_500_000  # a row added
    assert laporan.realisasi["IS1"].realisasi.number == 72  # everything else carried
    assert laporan.rkt[SUB_B].pagu.number == 2_000_000
    kinds = {(s.kind, s.kode) for s in result.selisih}
    assert ("tidak_di_rkt", "7.01.01.2.02.0009") in kinds
    assert ("tanpa_sipd", "7.01.01.2.02.03") in kinds
    assert any(kind == "tahun_lain" for kind, _ in kinds)
    hasil = check(result.output).hasil
    assert hasil.anggaran["7.01.01.2.02"].realisasi == 2_350_000


def test_every_shape_of_the_export_gives_the_same_isian(tmp_path):
    isian = _isian(tmp_path)
    results = []
    for shape in SHAPES:
        export = write_sipd(tmp_path / f"{shape}.xlsx", DOCS, shape=shape)
        results.append(sakip_xlsx.impor_sipd(isian, export, tmp_path / f"out-{shape}.xlsx"))
    assert all(r.applied == results[0].applied for r in results)
    assert all(r.quarters == results[0].quarters for r in results)
    written = [
        {k: v.anggaran.number for k, v in read_workbook(r.output).realisasi.items()}
        for r in results
    ]
    assert all(w == written[0] for w in written)  # (the Catatan names each file and row)


def test_cli_lists_what_does_not_fit_and_exits_1(tmp_path):
    isian = _isian(tmp_path)
    export = write_sipd(tmp_path / "sipd.xlsx", DOCS)
    out = tmp_path / "baru.xlsx"
    result = CliRunner().invoke(main, ["impor-sipd", str(isian), str(export), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "Sub kegiatan diisi        : 2" in result.output
    assert "7.01.01.2.02.0009" in result.output and out.exists()
    again = CliRunner().invoke(main, ["impor-sipd", str(isian), str(export), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    same = CliRunner().invoke(main, ["impor-sipd", str(isian), str(export), "-o", str(isian)])
    assert same.exit_code == 2 and "tidak pernah ditimpa" in same.output


def test_an_export_without_the_sheet_is_refused_clearly(tmp_path):
    isian = _isian(tmp_path)
    not_sipd = write_workbook(tmp_path / "bukan.xlsx", minimal_rows())
    result = CliRunner().invoke(main, ["impor-sipd", str(isian), str(not_sipd)])
    assert result.exit_code == 2 and "bukan.xlsx" in result.output
    assert "Traceback" not in result.output


def test_an_isian_without_tahun_laporan_is_refused_not_guessed(tmp_path):
    """The export's documents are counted by their year: with Tahun laporan empty the year is
    not guessed from the Renstra (every document would be listed as another year's)."""
    isian = write_workbook(tmp_path / "isian.xlsx", minimal_rows(), identitas={"tahun_laporan": ""})
    export = write_sipd(tmp_path / "sipd.xlsx", DOCS)
    out = tmp_path / "baru.xlsx"
    result = CliRunner().invoke(main, ["impor-sipd", str(isian), str(export), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "Tahun laporan" in result.output and "sel B" in result.output
    assert not out.exists()
