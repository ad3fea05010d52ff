"""Everything click itself prints is Indonesian once sakip_xlsx.cli_text.install() has run."""

from __future__ import annotations

import ast
import gettext
import re
import string
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sakip_xlsx import cli_text

ENGLISH = (
    "Usage:",
    "Options",
    "Commands",
    "Show this message",
    "Show the version",
    "Error:",
    "Missing argument",
    "No such option",
    "No such command",
    "is not a valid",
    "is not one of",
    "is not in the range",
    "does not exist",
    "Try '",
    "Aborted!",
    "Got unexpected",
    "[OPTIONS]",
    "COMMAND [ARGS]",
)


def _click_msgids() -> set[str]:
    """Every string literal click's installed source passes to ``_()`` / ``ngettext()``."""
    msgids: set[str] = set()
    for source in sorted(Path(click.__file__).parent.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            count = {"_": 1, "ngettext": 2}.get(node.func.id, 0)
            for arg in node.args[:count]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    msgids.add(arg.value)
    return msgids


def _fields(text: str) -> set[tuple[str, ...]]:
    """The str.format replacement fields and %-style keys of a message."""
    fields = {
        ("{}", name, conversion or "", spec or "")
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }
    fields |= {("%", key, kind) for key, kind in re.findall(r"%\((\w+)\)([a-z])", text)}
    return fields


def test_click_finds_msgids():
    msgids = _click_msgids()
    assert "Usage:" in msgids and "Error: {message}" in msgids
    assert len(msgids) > 50


def test_every_click_msgid_is_translated():
    missing = sorted(_click_msgids() - cli_text.MESSAGES.keys())
    assert not missing, f"click msgids without Indonesian text: {missing}"


@pytest.mark.parametrize("msgid", sorted(cli_text.MESSAGES))
def test_translation_keeps_format_fields(msgid):
    assert _fields(cli_text.MESSAGES[msgid]) == _fields(msgid)


def test_install_is_idempotent_and_falls_back():
    cli_text.install()
    cli_text.install()
    import click.core

    assert click.core._("Usage:") == "Pemakaian:"
    assert click.core._("not a click msgid") == "not a click msgid"
    assert click.core._._sakip_original is gettext.gettext  # wrapped once, not twice
    assert click.core.ngettext("Did you mean {possibility}?", "x {possibilities}", 1) == (
        "Mungkin maksud Anda {possibility}?"
    )
    assert click.core.ngettext("one", "many", 2) == "many"
    patched = [
        name
        for name, module in sys.modules.items()
        if name.startswith("click.") and getattr(module, "_", None) is gettext.gettext
    ]
    assert not patched


def _build_cli() -> click.Group:
    """A small stand-in for sakip_xlsx.cli, defined after install() like the real one."""
    cli_text.install()

    @click.group(
        context_settings={"help_option_names": ["-h", "--help"]},
        options_metavar=cli_text.OPTIONS_METAVAR,
        subcommand_metavar=cli_text.SUBCOMMAND_METAVAR,
    )
    @click.version_option("9.9.9", message="contoh %(version)s")
    def cli() -> None:
        """Contoh CLI."""

    @cli.command(options_metavar=cli_text.OPTIONS_METAVAR)
    @click.argument("masukan", type=click.Path(exists=True, path_type=Path))
    @click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, help="Jumlah proses.")
    @click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks")
    @click.option("--tahun", type=int, default=2024, help="Tahun laporan.")
    def periksa(masukan: Path, jobs: int, fmt: str, tahun: int) -> None:
        """Periksa workbook."""
        click.echo(f"ok {masukan.name} {jobs} {fmt} {tahun}")

    @cli.command(options_metavar=cli_text.OPTIONS_METAVAR)
    def batal() -> None:
        """Selalu dibatalkan."""
        raise click.Abort()

    return cli


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    cli = _build_cli()
    existing = tmp_path_factory.mktemp("cli") / "isian.xlsx"
    existing.write_bytes(b"")

    def invoke(*args: str) -> str:
        args = tuple(str(existing) if a == "ADA" else a for a in args)
        result = CliRunner().invoke(cli, list(args), prog_name="contoh")
        assert not isinstance(result.exception, AssertionError | TypeError | AttributeError)
        return result.output

    return invoke


CASES = {
    "no args": ((), ["Pemakaian: contoh [OPSI] PERINTAH [ARG]...", "Opsi", "Perintah"]),
    "--help": (("--help",), ["Pemakaian:", "Tampilkan bantuan ini", "Tampilkan versi"]),
    "sub --help": (("periksa", "-h"), ["Pemakaian: contoh periksa [OPSI] MASUKAN", "Opsi"]),
    "missing argument": (("periksa",), ["Galat: Kurang argumen 'MASUKAN'."]),
    # click < 8.4 words it "Opsi tidak dikenal: --nope"
    "unknown option": (("periksa", "ADA", "--nope"), ["Galat: Opsi", "--nope", "tidak dikenal"]),
    "unknown command": (("periks",), ["Galat: Perintah 'periks' tidak dikenal.", "Coba '"]),
    "not an integer": (("periksa", "ADA", "-j", "x"), ["Galat: Nilai tidak sah", "'x' bukan"]),
    "int option": (("periksa", "ADA", "--tahun", "x"), ["Galat:", "'x' bukan"]),
    "out of range": (("periksa", "ADA", "-j", "999"), ["999 di luar rentang 1<=x<=64."]),
    "bad choice": (("periksa", "ADA", "--format", "xml"), ["'xml' bukan salah satu dari"]),
    "no such path": (("periksa", "tidak-ada.xlsx"), ["Jalur 'tidak-ada.xlsx' tidak ditemukan."]),
    "extra argument": (("periksa", "ADA", "lebih"), ["Ada argumen tambahan", "(lebih)"]),
    "abort": (("batal",), ["Dibatalkan."]),
    "version": (("--version",), ["contoh 9.9.9"]),
}


@pytest.mark.parametrize("case", CASES)
def test_click_output_is_indonesian(run, case):
    args, expected = CASES[case]
    output = run(*args)
    leaked = [word for word in ENGLISH if word in output]
    assert not leaked, f"English in {case!r} output:\n{output}"
    for fragment in expected:
        assert fragment in output, f"{fragment!r} missing from {case!r} output:\n{output}"
    if case not in ("version", "abort") and "--help" not in args and "-h" not in args:
        assert "Pemakaian:" in output
