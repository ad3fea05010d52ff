"""Command line: parses options and calls the library, nothing more.

`main()` is the entry point. It owns what every command shares: Indonesian text for click's own
messages, signals that end a run cleanly, output streams that never crash on a character the
terminal cannot show, and the one place where an error becomes a message and an exit code
(SPEC §7). Library imports happen inside the commands so that `sakip-xlsx --help` answers at
once.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from sakip_xlsx import cli_text
from sakip_xlsx.safety.errors import (
    EXIT_CANNOT_RUN,
    EXIT_DATA_ERRORS,
    EXIT_OK,
    SakipError,
    os_error_message,
    os_reason,
)
from sakip_xlsx.safety.interrupt import Interrupted

cli_text.install()  # before the decorators below: some of click's texts are fixed by them

FATAL = "Galat"
"""The one word for an error that stops the run; findings use error/peringatan/info."""

COMMAND = {"options_metavar": cli_text.OPTIONS_METAVAR}


class _Count(click.IntRange):
    name = "bilangan bulat"


class _Year(click.IntRange):
    name = "tahun"


class _Main(click.Group):
    """The `sakip-xlsx` group; its `main` is the one place where errors become messages."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        run(self, args, complete_var=complete_var, **extra)


@click.group(
    cls=_Main,
    context_settings={"help_option_names": ["-h", "--help"]},
    subcommand_metavar=cli_text.SUBCOMMAND_METAVAR,
    **COMMAND,
)
@click.version_option(package_name="sakip-xlsx", message="sakip-xlsx %(version)s")
def main() -> None:
    """sakip-xlsx: LKIP perangkat daerah dalam satu perintah.

    \b
    1. sakip-xlsx template isian.xlsx   workbook isian kosong
    2. isi workbook di Excel/LibreOffice
    3. sakip-xlsx fill isian.xlsx       workbook lengkap: semua tabel LKIP
       sakip-xlsx check isian.xlsx      temuan saja, di terminal
    Bappeda: sakip-xlsx gabung rekap.xlsx folder-opd/ -j 2
    """


def _periode(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    parts = value.replace("–", "-").split("-")
    try:
        awal, akhir = int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        raise click.BadParameter("tulis sebagai TAHUN-TAHUN, mis. 2021-2026") from None
    if not (1990 <= awal < akhir <= 2100 and akhir - awal <= 10):
        raise click.BadParameter("periode harus TAHUN_AWAL-TAHUN_AKHIR, paling lama 10 tahun")
    return awal, akhir


PATH = click.Path(path_type=Path)
OUTPUT = click.Path(dir_okay=False, path_type=Path)


FORCE = click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada.")


def _output(help_text: str):
    """`-o/--output`: where the command writes, with its default in the help."""
    return click.option(
        "-o", "--output", type=OUTPUT, default=None, metavar="KELUARAN", help=help_text
    )


def _pdf(help_text: str):
    return click.option("--pdf", is_flag=True, help=help_text)


def _templat(help_text: str):
    return click.option(
        "--templat-dokumen", type=PATH, default=None, metavar="KOP.docx", help=help_text
    )


@main.command(**COMMAND)
@click.argument("keluaran", type=OUTPUT, default="isian-sakip.xlsx", metavar="[KELUARAN]")
@click.option(
    "--tahun",
    type=_Year(1990, 2100),
    default=None,
    metavar="TAHUN",
    help="Tahun laporan (bawaan: 2025; dengan --periode: tahun lalu, di dalam periode).",
)
@click.option(
    "--periode",
    default=None,
    metavar="AWAL-AKHIR",
    help="Periode Renstra, mis. 2021-2026 (bawaan: periode lima tahunan RPJMN yang memuat "
    "--tahun, mis. 2025-2029).",
)
@click.option(
    "--instansi", default="", metavar="NAMA", help="Nama instansi, mis. 'Kecamatan Puger'."
)
@FORCE
@click.option(
    "--dari",
    type=PATH,
    default=None,
    metavar="TAHUN_LALU.xlsx",
    help="Buat isian tahun berikutnya dari workbook tahun lalu (isian atau lengkap): Renstra, "
    "kode dan target dibawa, realisasi dikosongkan.",
)
def template(
    keluaran: Path,
    tahun: int | None,
    periode: str | None,
    instansi: str,
    force: bool,
    dari: Path | None,
) -> None:
    """Tulis workbook isian standar yang masih kosong ke KELUARAN."""
    from sakip_xlsx.api import template as run_template

    try:
        span = _periode(periode)
    except click.BadParameter as error:
        error.param_hint = "--periode"
        raise
    if dari is not None:
        from sakip_xlsx.api import template_dari
        from sakip_xlsx.report import isian_baru_summary

        if tahun is not None or span is not None or instansi:
            run_template(keluaran, tahun, span, instansi, force=force, dari=dari)  # refuses
        click.echo(isian_baru_summary(template_dari(dari, keluaran, force=force)))
        return
    path = run_template(keluaran, tahun, span, instansi, force=force)
    click.echo(f"Template ditulis: {path}")


@main.command(**COMMAND)
@click.argument("masukan", type=PATH, metavar="MASUKAN")
@_output("File keluaran .xlsx (bawaan: <nama masukan>-LKIP.xlsx di folder yang sama).")
@FORCE
@click.option(
    "--dokumen",
    "with_document",
    is_flag=True,
    help="Tulis juga dokumen LKIP (.docx) di samping workbook lengkap.",
)
@_pdf("Dengan --dokumen: buat juga PDF-nya (LibreOffice).")
@_templat("Dengan --dokumen: dokumen Word yang gaya, margin dan kop suratnya dipakai.")
def fill(
    masukan: Path,
    output: Path | None,
    force: bool,
    with_document: bool,
    pdf: bool,
    templat_dokumen: Path | None,
) -> None:
    """Hitung semua kolom turunan dan tulis workbook LKIP lengkap dari MASUKAN."""
    from sakip_xlsx.api import fill as run_fill
    from sakip_xlsx.report import document_summary, fill_summary

    if (pdf or templat_dokumen) and not with_document:
        raise click.UsageError("--pdf dan --templat-dokumen hanya berlaku bersama --dokumen.")
    result = run_fill(
        masukan, output, force=force, dokumen=with_document, pdf=pdf, templat=templat_dokumen
    )
    click.echo(fill_summary(result))
    if result.dokumen is not None:
        click.echo(document_summary(result.dokumen, header=False))
    sys.exit(EXIT_DATA_ERRORS if result.has_errors else EXIT_OK)


@main.command(**COMMAND)
@click.argument("masukan", type=PATH, metavar="MASUKAN")
@_output("File keluaran .docx (bawaan: <nama masukan>-LKIP.docx di folder yang sama).")
@_pdf("Buat juga PDF-nya (perlu LibreOffice).")
@_templat("Dokumen Word yang gaya, margin dan kop suratnya dipakai (bawaan: gaya polos).")
@FORCE
def dokumen(
    masukan: Path, output: Path | None, pdf: bool, templat_dokumen: Path | None, force: bool
) -> None:
    """Tulis dokumen LKIP (DOCX, dan PDF) dari MASUKAN: isian atau workbook lengkap."""
    from sakip_xlsx.api import dokumen as run_dokumen
    from sakip_xlsx.report import document_summary

    result = run_dokumen(masukan, output, pdf=pdf, templat=templat_dokumen, force=force)
    click.echo(document_summary(result))
    unfinished = result.has_errors or bool(result.belum_diisi)
    sys.exit(EXIT_DATA_ERRORS if unfinished else EXIT_OK)


@main.command(**COMMAND)
@click.argument("masukan", type=PATH, metavar="MASUKAN")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["teks", "json"]),
    default="teks",
    help="Bentuk keluaran: teks (bawaan) atau json (satu objek JSON di stdout, juga saat galat).",
)
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
def check(masukan: Path, fmt: str, strict: bool) -> None:
    """Periksa MASUKAN dan tampilkan temuan saja (tanpa menulis file)."""
    from sakip_xlsx.api import check as run_check
    from sakip_xlsx.report import findings_json, findings_text

    result = run_check(masukan)
    if fmt == "json":
        click.echo(findings_json(result, ascii_only=not _can_encode(sys.stdout, "–")))
    else:
        click.echo(findings_text(result, masukan))
    failed = result.has_errors or (strict and result.has_warnings)
    sys.exit(EXIT_DATA_ERRORS if failed else EXIT_OK)


@main.command(**COMMAND)
@click.argument("keluaran", type=OUTPUT, metavar="KELUARAN")
@click.argument("masukan", nargs=-1, required=True, type=PATH, metavar="MASUKAN...")
@click.option(
    "-j",
    "--jobs",
    type=_Count(1, 64),
    default=1,
    metavar="N",
    help="Jumlah proses baca paralel (hasil sama dengan -j 1).",
)
@click.option(
    "--tahun",
    type=_Year(1990, 2100),
    default=None,
    metavar="TAHUN",
    help="Tahun laporan yang dijumlahkan (bawaan: tahun kebanyakan workbook).",
)
@FORCE
@click.option(
    "--daftar",
    type=PATH,
    default=None,
    metavar="OPD.txt",
    help="Daftar instansi (satu per baris): yang tidak mengirim disebut 'belum mengirim'.",
)
def gabung(
    keluaran: Path,
    masukan: tuple[Path, ...],
    jobs: int,
    tahun: int | None,
    force: bool,
    daftar: Path | None,
) -> None:
    """Gabungkan workbook banyak perangkat daerah (file atau folder) menjadi rekap KELUARAN."""
    from sakip_xlsx.api import gabung as run_gabung
    from sakip_xlsx.report import gabung_summary

    def progress(length: int):
        return click.progressbar(length=length, label="Membaca workbook", file=sys.stderr)

    rekap = run_gabung(
        keluaran, masukan, jobs=jobs, tahun=tahun, force=force, progress=progress, daftar=daftar
    )
    click.echo(gabung_summary(rekap, keluaran))
    sys.exit(EXIT_DATA_ERRORS if rekap.tidak_dihitung else EXIT_OK)


@main.command("impor-sipd", **COMMAND)
@click.argument("isian", type=PATH, metavar="ISIAN")
@click.argument("sipd", type=PATH, metavar="SIPD")
@_output("Isian baru .xlsx (bawaan: <nama isian>-sipd.xlsx di folder yang sama).")
@FORCE
def impor_sipd(isian: Path, sipd: Path, output: Path | None, force: bool) -> None:
    """Isi realisasi anggaran sub kegiatan ISIAN dari ekspor Laporan Realisasi SIPD."""
    from sakip_xlsx.api import impor_sipd as run_impor
    from sakip_xlsx.report import sipd_summary

    result = run_impor(isian, sipd, output, force=force)
    click.echo(sipd_summary(result))
    sys.exit(EXIT_DATA_ERRORS if result.selisih else EXIT_OK)


# --- the entry point ----------------------------------------------------------------------


def _can_encode(stream, text: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _tolerant_streams() -> None:
    """A cp1252 console or PYTHONIOENCODING=ascii cannot show every character of an
    Indonesian message (`–`, `≥`, a name with `é`): replace those instead of crashing. A
    stream closed by the caller (`>&-`, a scheduler without a console) becomes the null
    device: the files are still written, only the report has nowhere to go."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")


def _quiet_unraisable(info) -> None:
    """After a failed write (a full disk), objects of the libraries below still try to flush
    as they are collected; the user was already told, so that second failure stays silent
    instead of an English traceback at interpreter shutdown."""
    if isinstance(info.exc_value, OSError):
        return
    sys.__unraisablehook__(info)


def _wants_json(args: Sequence[str]) -> bool:
    """`check --format json` promises one JSON object on stdout, also when it cannot run."""
    if "check" not in args:
        return False
    for i, arg in enumerate(args):
        if arg == "--format" and i + 1 < len(args) and args[i + 1] == "json":
            return True
        if arg == "--format=json":
            return True
    return False


def _say(message: str, as_json: bool, prefix: str = f"{FATAL}: ") -> None:
    if as_json:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.write(json.dumps({"galat": message}, ensure_ascii=True) + "\n")
            sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):
        click.echo(f"{prefix}{message}", err=True)


def _silence_stdout() -> None:
    """After stdout failed (a closed pipe, a full disk), point it at the null device so that
    the interpreter's final flush does not fail again with an English traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run(group: click.Group, argv: Sequence[str] | None, **extra) -> NoReturn:
    """Run one command and exit with the code of SPEC §7, whatever happens on the way."""
    from sakip_xlsx.safety import interrupt

    previous = interrupt.install()
    _tolerant_streams()
    sys.unraisablehook = _quiet_unraisable
    args = list(sys.argv[1:] if argv is None else argv) or ["--help"]
    as_json = _wants_json(args)
    code = EXIT_CANNOT_RUN
    try:
        result = click.Group.main(
            group, args, prog_name="sakip-xlsx", standalone_mode=False, **extra
        )
        code = result if isinstance(result, int) else EXIT_OK
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else EXIT_CANNOT_RUN
    except click.exceptions.Exit as done:
        code = done.exit_code
    except click.UsageError as error:
        if as_json:
            _say(error.format_message(), as_json=True)
        else:
            with contextlib.suppress(OSError, ValueError):
                error.show()
        code = EXIT_CANNOT_RUN
    except click.ClickException as error:
        _say(error.format_message(), as_json)
        code = EXIT_CANNOT_RUN
    except click.exceptions.Abort:
        _say("Dibatalkan.", as_json, prefix="")
        code = 130
    except Interrupted as stop:
        written = interrupt.written()
        done = (
            f" {', '.join(str(p) for p in written)} sudah selesai ditulis utuh sebelumnya."
            if written
            else " Tidak ada file keluaran yang ditulis."
        )
        _say(
            f"Dibatalkan oleh {stop.label}.{done} File masukan tidak diubah.",
            as_json,
            prefix="",
        )
        code = stop.exit_code
    except SakipError as error:
        _say(error.message, as_json)
        code = error.exit_code
    except BrokenPipeError:
        _silence_stdout()  # `sakip-xlsx check x | head`: the reader has all it wanted
        code = EXIT_CANNOT_RUN
    except OSError as error:
        message = (
            os_error_message(error)
            if error.filename
            else f"Galat sistem saat menulis laporan ke terminal: {os_reason(error)}."
        )
        _say(message, as_json)
        code = EXIT_CANNOT_RUN
    except MemoryError:
        _say("Memori tidak cukup untuk menyelesaikan perintah ini.", as_json)
        code = EXIT_CANNOT_RUN
    except Exception as error:  # a bug in this tool: say so plainly, never a traceback
        if os.environ.get("SAKIP_DEBUG"):
            raise
        _say(
            "Galat internal sakip-xlsx (bukan kesalahan Anda): "
            f"{type(error).__name__}: {str(error)[:200]}. File masukan tidak diubah. "
            "Laporkan ke pengembang; jalankan dengan SAKIP_DEBUG=1 untuk rinciannya.",
            as_json,
        )
        code = EXIT_CANNOT_RUN
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError) as error:
        _silence_stdout()
        with contextlib.suppress(OSError, ValueError):
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            click.echo(f"{FATAL}: keluaran standar tidak dapat ditulis: {reason}.", err=True)
        code = EXIT_CANNOT_RUN
    if argv is not None:  # called from Python (tests, embedding): give the handlers back
        interrupt.restore(previous)
    else:  # the work is done and its exit code decided: a late signal changes neither
        interrupt.ignore_from_now_on()
    sys.exit(code)
