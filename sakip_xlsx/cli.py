"""Command line: parses options and calls the library, nothing more.

Library imports happen inside the commands so that `sakip-xlsx --help` answers at once.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import click

from .errors import EXIT_CANNOT_RUN, EXIT_DATA_ERRORS, EXIT_OK, SakipError


def _fail(error: SakipError) -> None:
    click.echo(f"Galat: {error.message}", err=True)
    sys.exit(error.exit_code)


class _Group(click.Group):
    """Turns every user-caused error into an Indonesian message and its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SakipError as error:
            _fail(error)
        except click.UsageError as error:
            click.echo(f"Galat pemakaian: {error.format_message()}", err=True)
            sys.exit(EXIT_CANNOT_RUN)
        except (click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as error:  # a bug in this tool: say so plainly, never a traceback
            if os.environ.get("SAKIP_DEBUG"):
                raise
            click.echo(
                "Galat internal sakip-xlsx (bukan kesalahan Anda): "
                f"{type(error).__name__}: {str(error)[:200]}. File masukan tidak diubah. "
                "Laporkan ke pengembang; jalankan dengan SAKIP_DEBUG=1 untuk rinciannya.",
                err=True,
            )
            sys.exit(EXIT_CANNOT_RUN)


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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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


@main.command()
@click.argument(
    "output", type=click.Path(dir_okay=False, path_type=Path), default="isian-sakip.xlsx"
)
@click.option(
    "--tahun",
    type=int,
    default=None,
    help="Tahun laporan (bawaan: 2025; dengan --periode: tahun lalu, di dalam periode).",
)
@click.option(
    "--periode", default=None, help="Periode Renstra, mis. 2021-2026 (bawaan: 2025-2029)."
)
@click.option("--instansi", default="", help="Nama instansi, mis. 'Kecamatan Puger'.")
@click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada.")
def template(
    output: Path, tahun: int | None, periode: str | None, instansi: str, force: bool
) -> None:
    """Tulis workbook isian standar yang masih kosong ke OUTPUT."""
    from .schema import DEFAULT_PERIODE, DEFAULT_TAHUN
    from .template import write_template

    span = _periode(periode) or DEFAULT_PERIODE
    if tahun is not None:
        year = tahun
    elif periode is None:
        year = DEFAULT_TAHUN
    else:  # the year most likely being reported: last year, kept inside the period
        year = min(max(datetime.date.today().year - 1, span[0]), span[1])
    if not span[0] <= year <= span[1]:
        raise click.BadParameter(
            f"tahun {year} di luar periode {span[0]}-{span[1]}", param_hint="--tahun"
        )
    path = write_template(output, year, span, instansi, force=force)
    click.echo(f"Template ditulis: {path}")


@main.command()
@click.argument("input", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File keluaran (bawaan: <nama masukan>-LKIP.xlsx di folder yang sama).",
)
@click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada.")
def fill(input: Path, output: Path | None, force: bool) -> None:
    """Hitung semua kolom turunan dan tulis workbook LKIP lengkap dari INPUT."""
    from .fill import fill as run_fill
    from .report import fill_summary

    result = run_fill(input, output, force=force)
    click.echo(fill_summary(result))
    sys.exit(EXIT_DATA_ERRORS if result.has_errors else EXIT_OK)


@main.command()
@click.argument("input", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["teks", "json"]),
    default="teks",
    help="Bentuk keluaran: teks (bawaan) atau json.",
)
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
def check(input: Path, fmt: str, strict: bool) -> None:
    """Periksa INPUT dan tampilkan temuan saja (tanpa menulis file)."""
    from .fill import check as run_check
    from .report import findings_json, findings_text

    result = run_check(input)
    click.echo(findings_json(result) if fmt == "json" else findings_text(result, input))
    failed = result.has_errors or (strict and result.has_warnings)
    sys.exit(EXIT_DATA_ERRORS if failed else EXIT_OK)


@main.command()
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    help="Jumlah proses baca paralel (hasil sama dengan -j 1).",
)
@click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada.")
def gabung(output: Path, inputs: tuple[Path, ...], jobs: int, force: bool) -> None:
    """Gabungkan workbook banyak perangkat daerah (file atau folder) menjadi rekap OUTPUT."""
    from .gabung import gabung as run_gabung
    from .report import gabung_summary

    def progress(length: int):
        return click.progressbar(length=length, label="Membaca workbook", file=sys.stderr)

    rekap = run_gabung(output, inputs, jobs=jobs, force=force, progress_factory=progress)
    click.echo(gabung_summary(rekap, output))
    sys.exit(EXIT_DATA_ERRORS if rekap.gagal else EXIT_OK)
