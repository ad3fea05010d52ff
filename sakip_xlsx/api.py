"""The public Python API: what the command line does, as functions that return results.

    import sakip_xlsx

    sakip_xlsx.template("isian.xlsx", tahun=2024, periode=(2021, 2026))
    hasil = sakip_xlsx.check("isian.xlsx")          # Pemeriksaan: figures and findings
    lengkap = sakip_xlsx.fill("isian.xlsx")         # FillResult: the same, plus the output
    lkip = sakip_xlsx.dokumen("isian.xlsx", pdf=True)   # DokumenResult: the LKIP .docx/.pdf
    rekap = sakip_xlsx.gabung("rekap.xlsx", ["kiriman-opd/"])   # Rekap of many workbooks

Errors a user can cause raise `SakipError` (with an Indonesian `message` and the `exit_code`
of SPEC §7); nothing here prints, exits or installs signal handlers — that is the CLI's part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sakip_xlsx import __all__ as _PUBLIC  # the one list of public names, in the package
from sakip_xlsx.lkip.results import (
    DokumenResult,
    FillResult,
    ImporSipd,
    IsianBaru,
    Pemeriksaan,
    Rekap,
)
from sakip_xlsx.safety.errors import SakipError

__all__ = list(_PUBLIC)


def template(
    path: str | Path,
    tahun: int | None = None,
    periode: tuple[int, int] | None = None,
    instansi: str = "",
    force: bool = False,
    dari: str | Path | None = None,
) -> Path:
    """Write the blank input workbook; returns its path.

    Without `periode` the five-year RPJMN period that holds `tahun` is used (2024 ->
    2020-2024); without either, the defaults of the committed template. With `dari` (last
    year's isian or completed workbook), next year's isian of the same Renstra period with
    everything that carries over (see `rollover.py`)."""
    from sakip_xlsx.commands.pipeline import write_template
    from sakip_xlsx.lkip.schema import DEFAULT_PERIODE, DEFAULT_TAHUN, periode_for
    from sakip_xlsx.safety.atomic import require_xlsx_name

    require_xlsx_name(Path(path))
    if dari is not None:
        if tahun is not None or periode is not None or instansi:
            raise SakipError(
                "Dengan --dari, tahun, periode dan instansi diambil dari workbook tahun lalu; "
                "jangan sebutkan --tahun, --periode atau --instansi."
            )
        return template_dari(dari, path, force=force).output
    span = periode or (DEFAULT_PERIODE if tahun is None else periode_for(tahun))
    year = DEFAULT_TAHUN if tahun is None and periode is None else tahun
    if year is None:  # a period alone: the year most likely reported, kept inside it
        import datetime

        year = min(max(datetime.date.today().year - 1, span[0]), span[1])
    if not span[0] <= year <= span[1]:
        raise SakipError(f"Tahun {year} di luar periode Renstra {span[0]}-{span[1]}.")
    return write_template(path, year, span, instansi, force=force)


def template_dari(dari: str | Path, path: str | Path, force: bool = False) -> IsianBaru:
    """Next year's isian at `path` from last year's workbook `dari`, with the values of `dari`
    it does not carry (named cell by cell; also on its Catatan sheet)."""
    from sakip_xlsx.commands.pipeline import rollover
    from sakip_xlsx.safety.atomic import require_xlsx_name

    require_xlsx_name(Path(path))
    return rollover(dari, path, force=force)


def check(path: str | Path) -> Pemeriksaan:
    """Read a filled (or completed) workbook: every figure and every finding, nothing written."""
    from sakip_xlsx.commands.pipeline import check as run

    return run(path)


def fill(
    path: str | Path,
    output: str | Path | None = None,
    force: bool = False,
    dokumen: bool = False,
    pdf: bool = False,
    templat: str | Path | None = None,
) -> FillResult:
    """Write the completed workbook (default `<input>-LKIP.xlsx` beside the input); with
    `dokumen=True` also the LKIP document beside it (`FillResult.dokumen`)."""
    from sakip_xlsx.commands.pipeline import fill as run

    return run(path, output, force=force, dokumen=dokumen, pdf=pdf, templat=templat)


def dokumen(
    path: str | Path,
    output: str | Path | None = None,
    pdf: bool = False,
    templat: str | Path | None = None,
    force: bool = False,
) -> DokumenResult:
    """Write the LKIP document (.docx; default `<input>-LKIP.docx` beside the input) from an
    isian or a completed workbook; `pdf=True` also converts it with LibreOffice (missing
    LibreOffice raises `SakipError` after the .docx is written); `templat` is a .docx whose
    styles, margins and kop surat are used."""
    from sakip_xlsx.commands.pipeline import dokumen as run

    return run(path, output, pdf=pdf, templat=templat, force=force)


def gabung(
    output: str | Path,
    inputs: Sequence[str | Path] | Iterable[str | Path],
    jobs: int = 1,
    tahun: int | None = None,
    force: bool = False,
    progress: Callable[[int], object] | None = None,
    daftar: str | Path | None = None,
) -> Rekap:
    """Roll many OPD workbooks (files or folders) up into one rekap workbook at `output`.

        `progress`, when given, is called with the number of files about to be read and returns a
        context manager with an `update(n)` method (click's progress bar is one). `daftar` is a text
    file of the instansi expected, one per line: those that sent nothing are *belum mengirim*."""
    from sakip_xlsx.commands.gabung import gabung as run

    return run(
        Path(output),
        inputs,
        jobs=jobs,
        force=force,
        tahun=tahun,
        progress_factory=progress,
        daftar=daftar,
    )


def impor_sipd(
    isian: str | Path, sipd: str | Path, output: str | Path | None = None, force: bool = False
) -> ImporSipd:
    """Write a new isian (default `<isian>-sipd.xlsx`) whose *Realisasi anggaran (Rp)* of every
    sub kegiatan comes from SIPD's *Laporan Realisasi* export (sheet "Data Realisasi
    Dokumen"); `ImporSipd.selisih` lists what does not fit the RKT. Neither input is
    modified."""
    from sakip_xlsx.commands.pipeline import impor_sipd as run

    return run(isian, sipd, output, force=force)
