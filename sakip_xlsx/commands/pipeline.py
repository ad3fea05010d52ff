"""`fill` and `check` as library calls: read, compute, check, write."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sakip_xlsx.commands.outputs import Keluaran, guard, rule
from sakip_xlsx.lkip.compute import compute
from sakip_xlsx.lkip.findings import Finding, sort_findings
from sakip_xlsx.lkip.results import DokumenResult, FillResult, ImporSipd, IsianBaru, Pemeriksaan
from sakip_xlsx.safety.atomic import (
    atomic_target,
    require_suffix,
    require_xlsx_name,
    write_atomically,
)
from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.workbook.reader import read_workbook, remarks_to_keep

if TYPE_CHECKING:
    from sakip_xlsx.render.docx.template import CleanTemplate


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a workbook is read, computed and written: the
    model, the tables and the cells are hundreds of thousands of small objects without
    cycles, and with the collector on, its full passes over them took most of the time (the
    kabupaten tables: 3.7 s to build, 0.4 s without). It is switched back on afterwards,
    and what it would have found is collected then."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def check(path: str | Path) -> Pemeriksaan:
    with collector_paused():
        laporan = read_workbook(path)
        hasil = compute(laporan)
        from sakip_xlsx.lkip.checks import run_checks

        findings = sort_findings([*laporan.findings, *hasil.findings, *run_checks(hasil)])
        return Pemeriksaan(hasil, findings)


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}-LKIP.xlsx")


def fill(
    path: str | Path,
    output: str | Path | None = None,
    force: bool = False,
    dokumen: bool = False,
    pdf: bool = False,
    templat: str | Path | None = None,
) -> FillResult:
    """Read the input workbook and write the completed one beside it (or at `output`); with
    `dokumen`, the LKIP document beside that (and its PDF with `pdf`)."""
    from sakip_xlsx.render.xlsx.completed import write_completed_workbook

    source = _source(path)
    target = Path(output) if output is not None else default_output(source)
    require_xlsx_name(target)
    workbook_rule = rule(
        Keluaran.LENGKAP, "keluaran -o" if output is not None else "keluaran bawaan"
    )
    document_target = default_document(target)
    outputs = [(target, workbook_rule)]
    if dokumen:
        outputs += _document_outputs(
            document_target, pdf, "dokumen keluaran (di samping workbook lengkap)"
        )
    # before any work: a refused output costs nothing
    guard(outputs, _inputs(source, templat), force)
    template = _template(templat) if dokumen else None
    with collector_paused():  # one pause over reading and writing: no full pass between
        result = check(source)
        laporan = result.hasil.laporan
        kept = 0
        if not laporan.catatan_reviu and target.exists():  # only with --force (checked above)
            ident = laporan.identitas
            laporan.catatan_reviu = remarks_to_keep(
                target, ident.nama_instansi, ident.tahun_laporan
            )
            kept = len(laporan.catatan_reviu)
        with atomic_target(target, force=force, rule=workbook_rule) as tmp:
            added: list[Finding] = []
            formulas = write_completed_workbook(
                tmp, result.hasil, result.findings, added, release=True
            )
    findings = sort_findings([*result.findings, *added]) if added else result.findings
    filled = FillResult(result.hasil, findings, source, target, formulas, catatan_dibawa=kept)
    if dokumen:
        checked = Pemeriksaan(result.hasil, findings)
        filled.dokumen = write_document(checked, source, document_target, pdf, template, force)
    return filled


def default_document(path: Path) -> Path:
    """`<input>-LKIP.docx` beside the input; a completed workbook `x-LKIP.xlsx` gives
    `x-LKIP.docx`."""
    stem = path.stem if path.stem.endswith("-LKIP") else f"{path.stem}-LKIP"
    return path.with_name(f"{stem}.docx")


def dokumen(
    path: str | Path,
    output: str | Path | None = None,
    pdf: bool = False,
    templat: str | Path | None = None,
    force: bool = False,
) -> DokumenResult:
    """Read the workbook (isian or completed) and write the LKIP document (and its PDF)."""
    source = _source(path)
    target = Path(output) if output is not None else default_document(source)
    require_suffix(target, ".docx")
    argument = "keluaran -o" if output is not None else "keluaran bawaan"
    guard(_document_outputs(target, pdf, argument), _inputs(source, templat), force)
    template = _template(templat)
    return write_document(check(source), source, target, pdf, template, force, argument)


def _source(path: str | Path) -> Path:
    source = Path(path)
    if not source.name or source.is_dir():
        raise InputFileError(f"{source} adalah folder, bukan file workbook (.xlsx).")
    return source


def _inputs(source: Path, templat: str | Path | None) -> list[tuple[str, Path | None]]:
    """What the user named as inputs of fill and dokumen, as a refusal names them."""
    return [
        ("file masukan", source),
        ("templat dokumen (--templat-dokumen)", Path(templat) if templat else None),
    ]


def _document_outputs(target: Path, pdf: bool, argument: str) -> list:
    """The document and its PDF, each with what `--force` may replace there."""
    require_suffix(target, ".docx")
    outputs = [(target, rule(Keluaran.DOKUMEN, argument))]
    if pdf:
        outputs.append((target.with_suffix(".pdf"), rule(Keluaran.PDF, "PDF keluaran")))
    return outputs


def _template(templat: str | Path | None):
    """The Word template reduced to what it is for, before any work: a missing, foreign or
    dangerous one is refused (`word.template`)."""
    if templat is None:
        return None
    from sakip_xlsx.render.docx.template import clean_template

    _require_templat(templat)
    return clean_template(Path(templat))


def _require_templat(templat: str | Path) -> None:
    template = Path(templat)
    if template.suffix.lower() != ".docx" or not template.is_file():
        raise InputFileError(
            f"Templat dokumen {template} tidak ada atau bukan file .docx (dokumen Word)."
        )


def write_document(
    result: Pemeriksaan,
    source: Path,
    target: Path,
    pdf: bool = False,
    template: CleanTemplate | None = None,
    force: bool = False,
    argument: str = "dokumen keluaran (di samping workbook lengkap)",
) -> DokumenResult:
    from sakip_xlsx import document
    from sakip_xlsx.document.lkip import placeholders
    from sakip_xlsx.render.docx.docx_writer import docx_bytes
    from sakip_xlsx.render.docx.pdf import PdfUnavailable, docx_to_pdf
    from sakip_xlsx.render.xlsx.styles import document_footer

    ident = result.hasil.laporan.identitas
    require_tahun(result.hasil.laporan, "dokumen LKIP")
    with collector_paused():
        lkip = document.lkip_document(result.hasil, result.findings)
        footer = document_footer(ident.nama_instansi, ident.tahun_laporan)
        data = docx_bytes(lkip, template, footer)
    write_atomically(target, data, force=force, rule=rule(Keluaran.DOKUMEN, argument))
    out = DokumenResult(result.hasil, result.findings, source, target)
    out.belum_diisi = placeholders(lkip)
    out.templat_dibuang = list(template.removed) if template is not None else []
    if pdf:
        try:
            pdf_rule = rule(Keluaran.PDF, "PDF keluaran")
            out.pdf = docx_to_pdf(data, target.with_suffix(".pdf"), force=force, rule=pdf_rule)
        except PdfUnavailable as exc:
            raise PdfUnavailable(f"Dokumen DOCX ditulis: {target}. {exc.message}") from exc
    return out


def carried_notes(left: list[str]) -> list[str]:
    """The Catatan sheet's lines on the values of the source a new isian does not hold."""
    if not left:
        return ["Semua nilai isian asal ada di salinan ini (atau dikosongkan seperti di atas)."]
    return [
        f"Nilai isian asal yang TIDAK dibawa ({len(left)}; di luar kolom dan sheet isian "
        "standar). Pindahkan yang masih diperlukan ke kolom isiannya:",
        *(f"  {line}" for line in left),
    ]


def rollover(source: str | Path, target: str | Path, force: bool = False) -> IsianBaru:
    """Next year's isian at `target` from last year's workbook `source`, and what of `source`
    it does not carry."""
    from sakip_xlsx.commands.carried import not_carried
    from sakip_xlsx.render.xlsx.template import template_bytes
    from sakip_xlsx.workbook.rollover import rolled

    source, target = _source(source), Path(target)
    require_xlsx_name(target)
    isian_rule = rule(Keluaran.ISIAN, "KELUARAN")
    guard([(target, isian_rule)], [("workbook tahun lalu (--dari)", source)], force)
    hasil = check(source).hasil
    require_tahun(hasil.laporan, "isian tahun berikutnya")
    tahun, periode, identitas, rows, notes = rolled(hasil)
    left = not_carried(hasil.laporan)
    notes += carried_notes(left)
    data = template_bytes(
        tahun, periode, identitas=identitas, rows=rows, catatan=notes, marked=True
    )
    write_atomically(target, data, force=force, rule=isian_rule)
    return IsianBaru(source, target, left)


def write_template(
    path: str | Path, tahun: int, periode: tuple[int, int], nama_instansi: str = "", force=False
) -> Path:
    """The blank isian at `path`, marked as the tool's own so `--force` may replace it while
    nobody has typed into it."""
    from sakip_xlsx.render.xlsx.template import template_bytes

    target = Path(path)
    isian_rule = rule(Keluaran.ISIAN, "KELUARAN")
    guard([(target, isian_rule)], [], force)  # before any work
    data = template_bytes(tahun, periode, nama_instansi, marked=True)
    return write_atomically(target, data, force=force, rule=isian_rule)


def default_sipd_output(isian: Path) -> Path:
    return isian.with_name(f"{isian.stem}-sipd.xlsx")


def impor_sipd(
    isian: str | Path, sipd: str | Path, output: str | Path | None = None, force: bool = False
) -> ImporSipd:
    """A new isian at `output` with *Realisasi anggaran (Rp)* of every sub kegiatan from
    SIPD's *Laporan Realisasi* export; neither input is modified."""
    from sakip_xlsx.commands.carried import not_carried
    from sakip_xlsx.lkip.schema import REALISASI
    from sakip_xlsx.lkip.values import format_id
    from sakip_xlsx.render.xlsx.template import template_bytes
    from sakip_xlsx.workbook.isian import identitas_values, rows_of
    from sakip_xlsx.workbook.sipd import canonical_code, read_sipd, reconcile

    source, export = _source(isian), _source(sipd)
    target = Path(output) if output is not None else default_sipd_output(source)
    require_xlsx_name(target)
    isian_rule = rule(Keluaran.ISIAN, "keluaran -o" if output is not None else "keluaran bawaan")
    guard([(target, isian_rule)], [("ISIAN", source), ("ekspor SIPD", export)], force)
    hasil = check(source).hasil
    laporan = hasil.laporan
    # the export's documents are taken by their year: never a year guessed from the Renstra
    tahun = require_tahun(laporan, "impor realisasi SIPD")
    data = read_sipd(export, tahun)
    selisih = reconcile(laporan, data)
    identitas, rows = identitas_values(laporan), rows_of(laporan)
    left = not_carried(laporan)
    subs = {canonical_code(i.kode): i.kode for i in laporan.sub_kegiatan()}
    # the row the model counts is the first of a code (a second one is carried as typed)
    records = {str(r["kode"]): r for r in reversed(rows[REALISASI.name])}
    applied: dict[str, float] = {}
    quarters: dict[str, list[float]] = {}
    for canon, amount in data.per_sub.items():
        kode = subs.get(canon)
        if kode is None:
            continue  # not in the RKT: a reconciliation line says so
        record = records.get(kode)
        if record is None:  # a sub kegiatan without a Realisasi row yet
            record = {"kode": kode, "uraian": laporan.rkt[kode].uraian}
            rows[REALISASI.name].append(record)
            records[kode] = record
        record["realisasi_anggaran"] = amount
        record["sumber"] = record.get("sumber") or "SIPD - Laporan Realisasi"
        applied[kode] = amount
        quarters[kode] = list(data.per_quarter.get(canon, [0.0] * 4))
    ident = laporan.identitas
    notes = [
        "Catatan: realisasi anggaran dari SIPD",
        f"Isian ini salinan {source.name} dengan Realisasi anggaran (Rp) {len(applied)} sub "
        f"kegiatan dari ekspor SIPD {export.name} (sheet '{data.sheet}', tahun {tahun}): jumlah "
        "Nilai Realisasi dikurangi jumlah Nilai Setoran per sub kegiatan.",
        "Realisasi anggaran per triwulan (TW1 | TW2 | TW3 | TW4), untuk dicocokkan:",
        *(
            f"  {kode}: " + " | ".join(f"Rp {format_id(v, 0)}" for v in quarters[kode])
            for kode in applied
        ),
        "Yang perlu diperiksa:" if selisih else "Semua sub kegiatan SIPD cocok dengan RKT.",
        *(f"  {line.message}" for line in selisih),
        "Baris yang tidak terbaca (kode ganda, jenis salah ketik, tanpa kode) dibawa apa adanya.",
        *carried_notes(left),
    ]
    data_bytes = template_bytes(
        tahun,
        (ident.periode_awal or tahun, ident.periode_akhir or tahun),
        identitas=identitas,
        rows=rows,
        catatan=notes,
        marked=True,
    )
    write_atomically(target, data_bytes, force=force, rule=isian_rule)
    return ImporSipd(source, export, target, tahun, applied, quarters, selisih, left)


def require_tahun(laporan, what: str) -> int:
    """The report year typed on Identitas, or a refusal naming its cell: a document or next
    year's isian is never made for a year guessed from the Renstra."""
    from sakip_xlsx.safety.errors import SakipError

    tahun = laporan.identitas.tahun_laporan
    if tahun is None:
        row = laporan.identitas.rows.get("tahun_laporan")
        where = f"sel B{row}" if row else "isian 'Tahun laporan'"
        raise SakipError(
            f"{laporan.source}: Tahun laporan di sheet Identitas ({where}) kosong atau tidak "
            f"terbaca; {what} memerlukannya. Isi tahun laporan lalu jalankan lagi."
        )
    return tahun
