"""Indonesian text for everything click itself prints.

Click routes its user-facing strings ("Usage:", "Options", "Error: ...", "Missing argument",
"No such option ...", type conversion errors, "Aborted!", ...) through the stdlib ``gettext``
functions, imported per module as ``from gettext import gettext as _`` and
``from gettext import ngettext``. Click ships no message catalogues at all, so there is no
Indonesian ``.mo`` file to load, and installing a global ``gettext`` translation would affect
every other library in the process.

Instead, :func:`install` replaces the module-level ``_`` / ``ngettext`` names inside click's own
submodules with thin wrappers that look the English msgid up in :data:`MESSAGES` and fall back
to the original gettext function for anything unknown. That keeps the CLI module thin: no
subclassing of every click class and no copies of click's formatting code, just one call.

Call :func:`install` *before* the click commands are defined (i.e. at import time, above the
decorators): some texts are translated when a decorator runs, not when the command runs —
the help text of ``--help`` / ``--version`` and the name of ``click.Path`` ("berkas",
"folder", "jalur"), which is also its metavar in the help page.

A few pieces of click output never pass through gettext (metavars such as ``[OPTIONS]`` and
``COMMAND [ARGS]...``, type names such as ``INTEGER``); pass :data:`OPTIONS_METAVAR` and
:data:`SUBCOMMAND_METAVAR` (and explicit ``metavar=`` values) to click for those.
"""

from __future__ import annotations

import gettext
import importlib
import sys
from collections.abc import Callable

__all__ = ["MESSAGES", "OPTIONS_METAVAR", "SUBCOMMAND_METAVAR", "install"]

#: Replacement for click's hard-coded ``options_metavar="[OPTIONS]"``.
OPTIONS_METAVAR = "[OPSI]"
#: Replacement for click's hard-coded ``subcommand_metavar="COMMAND [ARGS]..."``.
SUBCOMMAND_METAVAR = "PERINTAH [ARG]..."

# Click's gettext msgids (exact source strings) -> Indonesian. Format fields ("{name!r}",
# "%(prog)s", ...) must stay identical: click calls .format(...) / % on the result.
# Plural pairs used with ngettext are both listed; the wrapper picks by count like English
# does, because click's singular and plural strings sometimes use different fields.
# Entries marked "(8.1-8.4)" are msgids of older click releases still allowed by pyproject.
MESSAGES: dict[str, str] = {
    # --- click.core ---
    "Aborted!": "Dibatalkan.",
    "deprecated": "usang",
    "Missing command.": "Perintah belum diberikan.",
    "Options": "Opsi",
    "Positional arguments": "Argumen",
    "Commands": "Perintah",
    "Got unexpected extra argument ({args})": "Ada argumen tambahan yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen tambahan yang tidak dikenal ({args})",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Peringatan: perintah {name!r} sudah usang.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Peringatan: {param_type} {name!r} sudah usang.{extra_message}"
    ),
    "Value must be an iterable.": "Nilai harus berupa deretan nilai.",
    "Takes {nargs} values but 1 was given.": (
        "Memerlukan {nargs} nilai, tetapi hanya 1 yang diberikan."
    ),
    "Takes {nargs} values but {len} were given.": (
        "Memerlukan {nargs} nilai, tetapi {len} yang diberikan."
    ),
    "Could not determine name for option with declarations {decls!r}": (
        "Nama opsi tidak dapat ditentukan dari deklarasi {decls!r}"
    ),
    "No options defined but a name was passed ({name}). Did you mean to declare an argument"
    " instead? Did you mean to pass '--{name}'?": (
        "Tidak ada opsi yang dideklarasikan, tetapi sebuah nama diberikan ({name})."
        " Apakah maksudnya mendeklarasikan argumen? Atau maksudnya '--{name}'?"
    ),
    "env var: {var}": "variabel lingkungan: {var}",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "(dynamic)": "(dinamis)",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Argumen harus punya tepat satu deklarasi parameter, diberikan {length}: {decls}."
    ),
    "Name '{name}' defined twice": "Nama '{name}' dideklarasikan dua kali",
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "Opsi boolean {decl!r} tidak boleh memakai penanda yang sama untuk ya/tidak."
    ),
    "(Deprecated) {text}": "(Usang) {text}",  # (8.1)
    "DeprecationWarning: The command {name!r} is deprecated.": (  # (8.1)
        "Peringatan: perintah {name!r} sudah usang."
    ),
    "{text} {deprecated_message}": "{text} {deprecated_message}",  # (8.2-8.3)
    # --- click.decorators ---
    "Do you want to continue?": "Lanjutkan?",
    "Confirm the action without prompting.": "Setujui tindakan tanpa ditanya.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    # --- click.exceptions ---
    "Did you mean {possibility}?": "Mungkin maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": (
        "(Mungkin maksud Anda salah satu dari: {possibilities}?)"
    ),
    "(Possible options: {possibilities})": "(Opsi yang mungkin: {possibilities})",  # (8.1-8.3)
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Missing argument": "Kurang argumen",
    "Missing option": "Kurang opsi",
    "Missing parameter": "Kurang parameter",
    "Missing {param_type}": "Kurang {param_type}",
    "Missing parameter: {param_name}": "Kurang parameter: {param_name}",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "No such option: {name}": "Opsi tidak dikenal: {name}",  # (8.1-8.3)
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "unknown error": "galat tidak dikenal",
    "Could not open file {filename!r}: {message}": (
        "Berkas {filename!r} tidak dapat dibuka: {message}"
    ),
    # --- click.formatting ---
    "Usage:": "Pemakaian:",
    # --- click.parser ---
    "Invalid start character for option ({option})": "Karakter awal opsi tidak sah ({option})",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan argumen.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} argumen.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    # --- click.shell_completion ---
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Versi Bash tidak terdeteksi; pelengkapan otomatis di shell tidak didukung."
    ),
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Pelengkapan otomatis di shell tidak didukung untuk Bash sebelum versi 4.4."
    ),
    # --- click.termui / click._termui_impl / click._winconsole ---
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Error: The two entered values do not match.": "Galat: kedua isian tidak sama.",
    "Error: invalid input": "Galat: isian tidak sah",
    # (8.1-8.3)
    "Error: The value you entered was invalid.": "Galat: nilai yang diisikan tidak sah.",
    "Error: {e.message}": "Galat: {e.message}",  # (8.1-8.3)
    "Press any key to continue...": "Tekan sembarang tombol untuk melanjutkan...",
    "Unknown color {colour!r}": "Warna {colour!r} tidak dikenal",
    "d": "h",  # day suffix in a progress bar's remaining time ("2h 01:02:03")
    "{editor}: Editing failed": "{editor}: penyuntingan gagal",
    "{editor}: Editing failed: {e}": "{editor}: penyuntingan gagal: {e}",
    "Windows error: {error}": "Galat Windows: {error}",
    # --- click.types ---
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Choice({choices})": "Pilihan({choices})",
    "{value!r} does not match the format {format}.": "{value!r} tidak sesuai format {format}.",
    "{value!r} does not match the formats {formats}.": (
        "{value!r} tidak sesuai satu pun format {formats}."
    ),
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan nilai ya/tidak yang sah. Nilai yang dikenali: {states}"
    ),
    "{value!r} is not a valid boolean.": "{value!r} bukan nilai ya/tidak yang sah.",  # (8.1-8.2)
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID yang sah.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ditemukan.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} '{filename}' is a directory.": "{name} '{filename}' adalah folder.",  # (8.1.0)
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "{len_type} values are required, but {len_value} was given.": (
        "Diperlukan {len_type} nilai, tetapi {len_value} yang diberikan."
    ),
    "{len_type} values are required, but {len_value} were given.": (
        "Diperlukan {len_type} nilai, tetapi {len_value} yang diberikan."
    ),
    # --- click.utils ---
    "Unknown standard stream '{name}'": "Aliran standar '{name}' tidak dikenal",
}

# Click submodules that are imported lazily (only when a feature is first used) but hold
# translatable text; imported up front so install() can patch them. Names missing from a
# given click release are skipped. click._winconsole asserts it runs on Windows.
_LAZY_SUBMODULES = (
    "click.core",
    "click.exceptions",
    "click.decorators",
    "click.formatting",
    "click.types",
    "click.termui",
    "click.utils",
    "click.parser",
    "click._optparse",
    "click.shell_completion",
    "click._termui_impl",
    *(("click._winconsole",) if sys.platform == "win32" else ()),
)

_ORIGINAL = "_sakip_original"


def _translating_gettext(original: Callable[[str], str]) -> Callable[[str], str]:
    def gettext_id(message: str) -> str:
        text = MESSAGES.get(message)
        return original(message) if text is None else text

    setattr(gettext_id, _ORIGINAL, original)
    return gettext_id


def _translating_ngettext(
    original: Callable[[str, str, int], str],
) -> Callable[[str, str, int], str]:
    def ngettext_id(singular: str, plural: str, n: int) -> str:
        text = MESSAGES.get(singular if n == 1 else plural)
        return original(singular, plural, n) if text is None else text

    setattr(ngettext_id, _ORIGINAL, original)
    return ngettext_id


def install() -> None:
    """Make click print Indonesian. Safe to call more than once.

    Imports click's text-bearing submodules, then scans every loaded ``click`` /
    ``click.*`` module for a module-level ``_`` or ``ngettext`` that is still the stdlib
    ``gettext.gettext`` / ``gettext.ngettext`` and swaps in a translating wrapper.
    """
    for name in _LAZY_SUBMODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "click" or name.startswith("click.")):
            continue
        namespace = vars(module)
        if namespace.get("_") is gettext.gettext:
            module._ = _translating_gettext(gettext.gettext)  # type: ignore[attr-defined]
        if namespace.get("ngettext") is gettext.ngettext:
            module.ngettext = _translating_ngettext(gettext.ngettext)  # type: ignore[attr-defined]
