"""The review round trip: remarks written by Bappeda survive every re-fill, and gabung collects
them."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from click.testing import CliRunner

import sakip_xlsx
from sakip_xlsx.cli import main
from sakip_xlsx.lkip.findings import Finding, Severity
from sakip_xlsx.workbook import reviu
from sakip_xlsx.workbook.reviu import Catatan, Status
from tests.helpers import minimal_rows, write_workbook
from tests.lo import convert, requires_soffice


def _error(code: str, location: str) -> Finding:
    sheet, _, cell = location.partition("!")
    return Finding(code, Severity.ERROR, f"pesan {code}", "saran", sheet, cell)


def test_merge_keeps_every_row_and_follows_the_findings():
    rows = [
        Catatan("Realisasi!C2", "BACA-001", "pesan", "Bappeda", "05-02-2025", Status.BARU, ""),
        Catatan("Tabel 3.1", "", "catatan bebas", "Inspektorat", "", Status.BARU, ""),
        Catatan("RKT!G5", "BACA-001", "pesan", reviu.TOOL, "", Status.SELESAI, "ok"),
        Catatan("RKT!G6", "BACA-001", "pesan", reviu.TOOL, "", Status.DIPERBAIKI_TANYA, ""),
    ]
    now = [_error("BACA-001", "RKT!G6"), _error("PK-001", "PK!F3")]
    merged = reviu.merge(rows, now)
    assert [r.lokasi for r in merged] == ["Realisasi!C2", "Tabel 3.1", "RKT!G5", "RKT!G6", "PK!F3"]
    assert merged[0].status == Status.DIPERBAIKI_TANYA  # its finding has gone
    assert merged[0].catatan == "pesan" and merged[0].oleh == "Bappeda"  # a person's words stay
    assert merged[1] == rows[1]  # not about a finding: never touched
    assert merged[2].status == Status.SELESAI  # closed by a person: stays closed
    assert merged[3].status == Status.BARU  # the finding came back
    assert merged[4] == Catatan("PK!F3", "PK-001", "pesan PK-001", reviu.TOOL, "", Status.BARU, "")


def _opd(folder, name: str, realisasi: str):
    rows = minimal_rows()
    rows["Realisasi"][0]["realisasi"] = realisasi
    rows["RKT"][3]["target"] = "sekian"  # an error that stays
    return write_workbook(folder / f"{name}.xlsx", rows, identitas={"nama_instansi": name})


def _remarks(path) -> list[tuple]:
    ws = openpyxl.load_workbook(path)[reviu.SHEET]
    return [
        tuple(r[1:])
        for r in ws.iter_rows(min_row=reviu.HEADER_ROW + 1, values_only=True)
        if any(r[1:])
    ]


def _write_three_remarks(path) -> None:
    """What a Bappeda reviewer does in Excel: answers a pre-filled row, adds two of their own."""
    wb = openpyxl.load_workbook(path)
    ws = wb[reviu.SHEET]
    first = reviu.HEADER_ROW + 1
    for row in ws.iter_rows(min_row=first):
        if row[1].value and str(row[1].value).startswith("Realisasi!"):
            row[3].value = "Realisasi IS1 tidak terbaca; mohon ditulis sebagai angka."
            row[4].value = "Bappeda"
            row[5].value = "05-02-2025"
    last = ws.max_row
    ws.cell(last + 1, 2, "Tabel 3.1")
    ws.cell(last + 1, 4, "Target IS1 mohon dicocokkan dengan PK yang ditandatangani.")
    ws.cell(last + 1, 5, "Inspektorat")
    ws.cell(last + 1, 7, "Baru")
    ws.cell(last + 2, 2, "Realisasi")
    ws.cell(last + 2, 4, "Sumber data realisasi belum disebut.")
    ws.cell(last + 2, 5, "Bappeda")
    ws.cell(last + 2, 7, "Ditolak")
    ws.cell(last + 2, 8, "Sumber ada di kolom Sumber data.")
    wb.save(path)


def _fix_realisasi(path) -> None:
    """What the OPD does: types the realisasi as a number, in the completed workbook."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Realisasi"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "IS1":
            header = [c.value for c in ws[1]]
            row[header.index("Realisasi tahunan")].value = "72%"
    wb.save(path)


@pytest.mark.parametrize("through_libreoffice", [False, True])
def test_the_whole_review_loop(tmp_path, through_libreoffice):
    if through_libreoffice and not __import__("tests.lo").lo.soffice():
        pytest.skip("LibreOffice not installed")
    inputs = tmp_path / "kiriman"
    inputs.mkdir()
    a = sakip_xlsx.fill(_opd(tmp_path, "Dinas A", "tujuh puluh"), inputs / "A-LKIP.xlsx")
    sakip_xlsx.fill(_opd(tmp_path, "Dinas B", "72%"), inputs / "B-LKIP.xlsx")
    assert {c.status for c in map(lambda r: Catatan(*r[:7]), _remarks(a.output))} == {"Baru"}
    _write_three_remarks(a.output)
    if through_libreoffice:  # the reviewer saved it in LibreOffice Calc
        saved = convert(a.output, tmp_path / "lo", recalculate=False)
        shutil.copy(saved, a.output)
    before = _remarks(a.output)
    assert len(before) == 4  # two pre-filled error rows (one answered) and two new remarks
    _fix_realisasi(a.output)
    again = sakip_xlsx.fill(a.output, tmp_path / "A-LKIP-2.xlsx")
    after = _remarks(again.output)
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        if old[0].startswith("Realisasi!"):  # the fixed error: for the reviewer to confirm
            assert new[5] == "Diperbaiki?" and new[2:5] == old[2:5]
        else:
            assert new == old  # text, status and answer kept, in place
    # once more: nothing moves
    third = sakip_xlsx.fill(again.output, tmp_path / "A-LKIP-3.xlsx")
    assert _remarks(third.output) == after
    shutil.copy(again.output, inputs / "A-LKIP.xlsx")
    daftar = tmp_path / "opd.txt"
    daftar.write_text("Dinas A\nDinas B\n\nDinas C\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["gabung", str(tmp_path / "rekap.xlsx"), str(inputs), "--daftar", str(daftar)],
    )
    assert result.exit_code == 0, result.output
    assert "Belum mengirim            : 1 dari 3" in result.output and "Dinas C" in result.output
    wb = openpyxl.load_workbook(tmp_path / "rekap.xlsx")
    rekap = {r[1]: r for r in wb["Rekap"].iter_rows(min_row=6, values_only=True) if r[1]}
    # open: the two pre-filled error rows (one now Diperbaiki?) and the two new remarks
    assert rekap["Dinas A"][14] == 4 and rekap["Dinas A"][15] == 0
    assert rekap["Dinas B"][14] == 1  # its own pre-filled error row
    catatan = [r for r in wb["Catatan"].iter_rows(min_row=6, values_only=True) if r[0]]
    texts = [r[4] for r in catatan if r[0] == "Dinas A"]
    assert "Realisasi IS1 tidak terbaca; mohon ditulis sebagai angka." in texts
    assert "Target IS1 mohon dicocokkan dengan PK yang ditandatangani." in texts
    assert "Sumber data realisasi belum disebut." in texts
    status = {r[4]: r[7] for r in catatan}
    assert status["Realisasi IS1 tidak terbaca; mohon ditulis sebagai angka."] == "Diperbaiki?"
    lengkap = {r[0]: r[1] for r in wb["Kelengkapan"].iter_rows(min_row=6, values_only=True)}
    assert lengkap == {"Dinas A": "mengirim", "Dinas B": "mengirim", "Dinas C": "belum mengirim"}
    kode = {r[0]: r for r in wb["Temuan per kode"].iter_rows(min_row=6, values_only=True)}
    assert kode["BACA-001"][3] == 2  # both OPDs have an unreadable value
    link = wb["Rekap"]["B6"].hyperlink
    assert link is not None and link.location.startswith("'Rinci'!A")


@requires_soffice
@pytest.mark.libreoffice
def test_the_new_rekap_sheets_print_with_footer(tmp_path):
    from tests.lo import pdf_pages

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("Dinas A", "Dinas B"):
        sakip_xlsx.fill(_opd(tmp_path, name, "70%"), inputs / f"{name}-LKIP.xlsx")
    daftar = tmp_path / "opd.txt"
    daftar.write_text("Dinas A\nDinas C\n", encoding="utf-8")
    sakip_xlsx.gabung(tmp_path / "rekap.xlsx", [inputs], daftar=daftar)
    pages = pdf_pages(tmp_path / "rekap.xlsx", tmp_path / "pdf")
    text = " ".join(pages)
    for title in (
        "Capaian sasaran strategis setiap perangkat daerah",
        "Sebaran predikat perangkat daerah",
        "Catatan reviu setiap perangkat daerah",
        "Temuan per kode di semua perangkat daerah",
        "Kelengkapan kiriman perangkat daerah",
    ):
        assert title in text, title
    assert all("Halaman" in page for page in pages)


def test_filling_the_corrected_isian_over_the_reviewed_workbook_keeps_the_remarks(tmp_path):
    """The OPD corrects its isian and runs `fill isian.xlsx --force`, whose output is the
    workbook the reviewers wrote in: their remarks exist nowhere else and are kept."""
    isian = _opd(tmp_path, "Dinas A", "sekian")
    lengkap = tmp_path / "Dinas A-LKIP.xlsx"
    sakip_xlsx.fill(isian, lengkap)
    _write_three_remarks(lengkap)
    written = _remarks(lengkap)
    wb = openpyxl.load_workbook(isian)  # the correction, in the isian this time
    wb["Realisasi"]["G2"] = "72%"
    wb.save(isian)
    result = CliRunner().invoke(main, ["fill", str(isian), "-o", str(lengkap), "--force"])
    carried = len(written)
    assert f"Catatan reviu             : {carried} baris dibawa" in result.output, result.output
    kept = {r[2] for r in _remarks(lengkap)}
    assert {r[2] for r in written if r[3] in ("Bappeda", "Inspektorat")} <= kept
    # another OPD's workbook at that name is replaced as asked, nothing carried over
    other = _opd(tmp_path, "Dinas B", "80%")
    sakip_xlsx.fill(other, lengkap, force=True)
    assert not any(r[3] in ("Bappeda", "Inspektorat") for r in _remarks(lengkap))


def test_a_status_typed_in_lower_case_is_the_lists(tmp_path):
    grid_rows = {1: {1: "Catatan", 6: "Status"}, 2: {1: "Sudah", 6: "selesai"}}
    from sakip_xlsx.lkip.model import SheetGrid

    read = reviu.read_sheet(SheetGrid("Catatan Reviu", rows=grid_rows))
    assert read[0].status == Status.SELESAI and not read[0].open


def test_columns_a_reviewer_adds_are_kept_on_every_fill(tmp_path):
    """`Batas waktu` and `Paraf` added right of the sheet's columns stay, with their values."""
    isian = _opd(tmp_path, "Dinas A", "sekian")
    lengkap = sakip_xlsx.fill(isian, tmp_path / "a-LKIP.xlsx").output
    wb = openpyxl.load_workbook(lengkap)
    ws = wb[reviu.SHEET]
    extra = len(reviu.COLUMNS) + 1
    ws.cell(reviu.HEADER_ROW, extra, "Batas waktu")
    ws.cell(reviu.HEADER_ROW, extra + 1, "Paraf")
    ws.cell(reviu.HEADER_ROW + 1, extra, "15-02-2025")
    ws.cell(reviu.HEADER_ROW + 1, extra + 1, "AB")
    wb.save(lengkap)
    again = sakip_xlsx.fill(lengkap, tmp_path / "b-LKIP.xlsx").output
    ws = openpyxl.load_workbook(again)[reviu.SHEET]
    header = [c.value for c in ws[reviu.HEADER_ROW]]
    assert header[extra - 1 : extra + 1] == ["Batas waktu", "Paraf"]
    first = [c.value for c in ws[reviu.HEADER_ROW + 1]]
    assert first[extra - 1 : extra + 1] == ["15-02-2025", "AB"]


def test_refilling_over_a_workbook_nobody_reviewed_carries_nothing(tmp_path):
    """Only rows people wrote are carried: the rows fill pre-fills are made anew."""
    isian = _opd(tmp_path, "Dinas A", "sekian")
    out = tmp_path / "a-LKIP.xlsx"
    sakip_xlsx.fill(isian, out)
    again = sakip_xlsx.fill(isian, out, force=True)
    assert again.catatan_dibawa == 0
