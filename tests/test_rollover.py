"""`template --dari`: next year's isian from last year's workbook, carried cell by cell."""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner

import sakip_xlsx
from sakip_xlsx.cli import main
from sakip_xlsx.commands.pipeline import check
from sakip_xlsx.workbook.reader import read_workbook
from tests.helpers import minimal_rows, write_workbook


@pytest.fixture(scope="module")
def rolled(tmp_path_factory, puger_path):
    folder = tmp_path_factory.mktemp("roll")
    out = sakip_xlsx.template(folder / "puger-2024.xlsx", dari=puger_path)
    return read_workbook(puger_path), read_workbook(out), out


def test_identitas_moves_one_year_and_carries_last_years_budget(rolled):
    old, new, _ = rolled
    a, b = old.identitas, new.identitas
    assert (b.tahun_laporan, b.periode_awal, b.periode_akhir) == (2024, 2021, 2026)
    for key in ("nama_instansi", "pemerintah_daerah", "kepala_nama", "kepala_nip", "atasan_nama"):
        assert getattr(b, key) == getattr(a, key), key
    assert b.tugas_fungsi == a.tugas_fungsi and b.skala_predikat == a.skala_predikat
    # last year's totals (Tabel 3.8 of 2023), not last year's own "tahun lalu" figures
    assert b.pagu_tahun_lalu.number == 4_060_244_146
    assert b.realisasi_tahun_lalu.number == 3_648_593_974
    assert b.tanggal in (None, "") and b.belanja_operasi.number is None


def test_renstra_is_carried_as_typed(rolled):
    old, new, _ = rolled
    assert list(new.indikator) == list(old.indikator)
    for kode, ind in old.indikator.items():
        other = new.indikator[kode]
        for year, cell in ind.targets.items():
            assert other.targets[year].value.raw == cell.value.raw, (kode, year)
            assert other.targets[year].number == cell.number, (kode, year)
        assert other.target_akhir.number == ind.target_akhir.number
        assert (other.polaritas, other.satuan, other.iku) == (ind.polaritas, ind.satuan, ind.iku)


def test_rkt_pk_and_rencana_aksi_keep_codes_with_next_years_targets(rolled):
    old, new, _ = rolled
    assert list(new.rkt) == list(old.rkt) and list(new.rkt_target) == list(old.rkt_target)
    for kode, t in new.rkt_target.items():  # the Renstra target of 2024
        assert t.target.number == new.indikator[kode].targets[2024].number, kode
    assert all(item.pagu.number is None for item in new.rkt.values())  # from next year's DPA
    for kode, item in old.rkt.items():
        assert new.rkt[kode].target.value.raw == item.target.value.raw, kode
    assert [p.kode for p in new.pk] == [p.kode for p in old.pk]
    for p in new.pk:
        if p.kode in new.indikator:
            assert p.target.number == new.indikator[p.kode].targets[2024].number, p.kode
        assert p.anggaran.number is None
    assert list(new.rencana_aksi) == list(old.rencana_aksi)
    for kode, ra in new.rencana_aksi.items():
        assert all(c.value.missing for c in ra.targets), kode
        assert ra.metode == old.rencana_aksi[kode].metode


def test_realisasi_is_emptied_and_last_year_moves_into_its_column(rolled, puger_path):
    old, new, path = rolled
    hasil = check(puger_path).hasil
    assert list(new.realisasi) == list(old.realisasi)
    for kode, rea in new.realisasi.items():
        assert rea.realisasi.value.missing and rea.anggaran.value.missing, kode
        assert all(c.value.missing for c in rea.triwulan), kode
        if kode in hasil.indikator and hasil.indikator[kode].indikator.jenis == "Sasaran":
            assert rea.tahun_lalu[2023].number == hasil.indikator[kode].realisasi.number, kode
    assert new.realisasi["IS1"].tahun_lalu[2022].number == 80  # earlier years stay
    assert new.realisasi["IS2"].tahun_lalu[2023].value.raw == "81,9"  # as typed in 2023
    # and the comparison of Tabel 3.2 sees it
    assert check(path).hasil.indikator["IS2"].realisasi_per_tahun[2023].number == 81.9


def test_sdm_and_a_note_of_what_was_carried(rolled):
    old, new, path = rolled
    assert [(p.jabatan, p.status, p.golongan) for p in new.sdm] == [
        (p.jabatan, p.status, p.golongan) for p in old.sdm
    ]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Catatan"
    text = " ".join(str(r[0]) for r in wb["Catatan"].iter_rows(values_only=True) if r[0])
    assert "Dikosongkan dan harus diisi" in text and "Rp 4.060.244.146" in text


def test_a_completed_workbook_rolls_over_too(tmp_path, puger_path):
    filled = sakip_xlsx.fill(puger_path, tmp_path / "p-LKIP.xlsx").output
    out = sakip_xlsx.template(tmp_path / "p-2024.xlsx", dari=filled)
    assert read_workbook(out).identitas.tahun_laporan == 2024


def test_an_ended_period_is_refused(tmp_path):
    path = write_workbook(
        tmp_path / "a.xlsx",
        minimal_rows(),
        identitas={"tahun_laporan": 2026, "periode_awal": 2021, "periode_akhir": 2026},
    )
    result = CliRunner().invoke(main, ["template", str(tmp_path / "b.xlsx"), "--dari", str(path)])
    assert result.exit_code == 2 and "berakhir" in result.output
    assert not (tmp_path / "b.xlsx").exists()


def test_dari_excludes_tahun_and_periode(tmp_path, puger_path):
    result = CliRunner().invoke(
        main, ["template", str(tmp_path / "b.xlsx"), "--dari", str(puger_path), "--tahun", "2024"]
    )
    assert result.exit_code == 2 and "--dari" in result.output


def test_a_workbook_written_back_from_its_model_reads_the_same(tmp_path, puger_path):
    """`isian.rows_of` is faithful: what SIPD import and rollover rewrite keeps every value."""
    from sakip_xlsx.render.xlsx.template import template_bytes
    from sakip_xlsx.workbook.isian import identitas_values, rows_of

    old = check(puger_path)
    laporan = old.hasil.laporan
    data = template_bytes(
        laporan.identitas.tahun_laporan,
        (laporan.identitas.periode_awal, laporan.identitas.periode_akhir),
        identitas=identitas_values(laporan),
        rows=rows_of(laporan),
    )
    (tmp_path / "again.xlsx").write_bytes(data)
    new = check(tmp_path / "again.xlsx")
    a, b = old.hasil, new.hasil
    assert (b.rata_rata, b.total_pagu, b.total_realisasi) == (
        a.rata_rata,
        a.total_pagu,
        a.total_realisasi,
    )
    for kode, h in a.indikator.items():
        assert b.indikator[kode].capaian == h.capaian and b.indikator[kode].tren == h.tren
    assert {k: v.serapan for k, v in b.anggaran.items()} == {
        k: v.serapan for k, v in a.anggaran.items()
    }
    assert sorted((f.code, f.location) for f in new.findings) == sorted(
        (f.code, f.location) for f in old.findings
    )


def test_a_year_without_budget_rolls_over_without_an_invented_rp_0(tmp_path):
    rows = minimal_rows()
    for row in rows["RKT"]:
        row.pop("pagu", None)
    rows["Realisasi"][1].pop("realisasi_anggaran")
    source = write_workbook(tmp_path / "a.xlsx", rows)
    out = sakip_xlsx.template(tmp_path / "b.xlsx", dari=source)
    ident = read_workbook(out).identitas
    assert ident.pagu_tahun_lalu.number is None and ident.realisasi_tahun_lalu.number is None
    wb = openpyxl.load_workbook(out)
    text = " ".join(str(r[0]) for r in wb["Catatan"].iter_rows(values_only=True) if r[0])
    assert "Rp 0" not in text and "tidak memuat pagu maupun realisasi" in text


def _with_rows_the_model_does_not_hold(tmp_path):
    """An isian with a second RKT row of one code, an RKT row of a mistyped jenis and a
    Realisasi row without a code: each is named by a finding, none is in the model."""
    rows = minimal_rows()
    sub = rows["RKT"][-1]
    rows["RKT"].append({**sub, "uraian": "Baris kedua berkode sama", "pagu": 9_999_999})
    rows["RKT"].append({**sub, "jenis": "Sub Kegitan", "kode": "7.01.01.2.02.09"})
    rows["Realisasi"].append({"uraian": "Baris tanpa kode", "realisasi_anggaran": 4_000_000})
    return write_workbook(tmp_path / "isian.xlsx", rows)


def _uraian(path, sheet: str) -> list:
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(header) if str(h).startswith("Uraian"))
    return [r[col] for r in ws.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("command", ["template", "impor-sipd"])
def test_rows_the_model_does_not_hold_are_carried_as_typed(tmp_path, command):
    """A new isian (next year's, or with SIPD's realisasi) loses no typed row: the rows the
    reader could not take are carried as typed and named again by its check."""
    from tests.sipd_fixtures import write_sipd

    source = _with_rows_the_model_does_not_hold(tmp_path)
    before = {f.code for f in check(source).findings}
    out = tmp_path / "baru.xlsx"
    if command == "template":
        args = ["template", str(out), "--dari", str(source)]
    else:
        export = write_sipd(tmp_path / "sipd.xlsx", [])
        args = ["impor-sipd", str(source), str(export), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert out.exists(), result.output
    assert "Baris kedua berkode sama" in _uraian(out, "RKT")
    assert "Baris tanpa kode" in _uraian(out, "Realisasi")
    after = {f.code for f in check(out).findings}
    assert {"STR-004", "STR-005"} <= before and {"STR-004", "STR-005"} <= after


def test_from_a_completed_workbook_grades_percent_and_units_are_kept(tmp_path, puger_path):
    """A completed workbook shows `B (62)`, `90 %` and `3 Kali` through number formats over
    plain numbers; next year's isian made from it has them as typed, as from the isian."""
    lengkap = tmp_path / "lengkap.xlsx"
    sakip_xlsx.fill(puger_path, lengkap)
    from_isian, from_lengkap = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for source, out in ((puger_path, from_isian), (lengkap, from_lengkap)):
        CliRunner().invoke(main, ["template", str(out), "--dari", str(source)])

    def targets(path):
        model = read_workbook(path)
        return {
            (k, year): (c.value.number, c.value.grade, c.value.percent, c.value.unit)
            for k, ind in model.indikator.items()
            for year, c in ind.targets.items()
        }

    assert targets(from_lengkap) == targets(from_isian)
    grades = [v for v in targets(from_lengkap).values() if v[1]]
    assert grades and all(v[1] == "B" for v in grades)
