"""`sakip-xlsx gabung`: the kabupaten rollup Bappeda needs from fifty OPD workbooks.

Each workbook (input or completed; both are valid input) is read and computed exactly as
`check` does, reduced to a small picklable summary, and the summaries are written as one
workbook: a recap row per OPD with totals, a ranking, a chart, per-OPD detail and every file
that was not counted, with its reason. A folder of submissions is never clean, so the rules of
what counts are explicit:

- the same file reached twice (a folder and a file in it, a symlink, a hard link) counts once;
- the output is never one of the inputs (exit 2 before any work), except last run's rekap
  found in the folder, which is skipped and overwritten only with --force;
- one instansi/pemda/tahun counts once: the completed workbook that is the fill of the isian
  beside it, otherwise the latest modified; the others are listed;
- workbooks of another tahun than `--tahun` (default: the most common) are listed, not summed;
- files that are not SAKIP workbooks, blank templates, `.xls`/`.ods`/`.csv` files and a file
  whose reader process died are listed, never silently skipped.

Reading runs in a process pool with `-j`; the order of the rows comes from the sorted file
list, never from which worker finishes first, so `-j 4` writes the same bytes as `-j 1`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sakip_xlsx.commands.outputs import Keluaran, guard, rule, written_as
from sakip_xlsx.lkip.findings import Severity, counts
from sakip_xlsx.lkip.results import (
    Alasan,
    Gagal,
    ProgramRingkas,
    Rekap,
    Ringkas,
    SasaranRingkas,
    fold,
    ranking,
    shown,
)
from sakip_xlsx.lkip.schema import Jenis
from sakip_xlsx.safety.atomic import TEMP_PREFIX, atomic_target, require_xlsx_name, same_file
from sakip_xlsx.safety.errors import InputFileError, OutputFileError, SakipError, os_reason
from sakip_xlsx.safety.workers import isolated_map
from sakip_xlsx.workbook import reviu

__all__ = ["Alasan", "Gagal", "Rekap", "Ringkas", "collect", "gabung", "ranking", "ringkas"]

SUFFIXES = (".xlsx", ".xlsm")


OTHER_FORMATS = {
    ".xls": "workbook Excel lama (.xls); simpan sebagai Excel Workbook (.xlsx)",
    ".xlsb": "workbook biner (.xlsb); simpan sebagai Excel Workbook (.xlsx)",
    ".xltx": "templat Excel (.xltx); simpan sebagai Excel Workbook (.xlsx)",
    ".xltm": "templat Excel (.xltm); simpan sebagai Excel Workbook (.xlsx)",
    ".xlt": "templat Excel lama (.xlt); simpan sebagai Excel Workbook (.xlsx)",
    ".et": "workbook WPS Spreadsheets (.et); simpan sebagai Excel Workbook (.xlsx)",
    ".ett": "templat WPS Spreadsheets (.ett); simpan sebagai Excel Workbook (.xlsx)",
    ".ods": "spreadsheet OpenDocument (.ods); simpan sebagai Excel Workbook (.xlsx)",
    ".fods": "spreadsheet OpenDocument (.fods); simpan sebagai Excel Workbook (.xlsx)",
    ".csv": "file CSV, bukan workbook isian; gunakan workbook dari `sakip-xlsx template`",
    ".tsv": "file teks bertab, bukan workbook isian",
    ".numbers": "spreadsheet Numbers; ekspor sebagai Excel Workbook (.xlsx)",
}
"""Spreadsheet-like files found in a folder: listed with what to do, never skipped unseen."""


def _skipped_name(name: str) -> bool:
    """Excel's lock files (`~$x.xlsx`) and our own temporary files are not submissions."""
    return name.startswith(("~$", TEMP_PREFIX))


@dataclass
class Koleksi:
    """What was found: the workbooks to read (each file once) and the files listed as they
    are (other formats)."""

    paths: list[Path] = field(default_factory=list)
    listed: list[Gagal] = field(default_factory=list)


def _identity(path: Path) -> tuple[int, int] | None:
    """The file a path reaches (device, inode); a broken link is its own identity."""
    try:
        info = path.stat()
    except OSError:
        try:
            info = path.lstat()
        except OSError:
            return None
    return (info.st_dev, info.st_ino)


def collect(inputs: Iterable[str | Path]) -> list[Path]:
    """The workbooks named, folders searched recursively, sorted, each file once."""
    return gather(inputs).paths


def gather(inputs: Iterable[str | Path]) -> Koleksi:
    found: list[Path] = []
    listed: list[tuple[Path, Gagal]] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for candidate in sorted(path.rglob("*"), key=str):
                if _skipped_name(candidate.name):
                    continue
                suffix = candidate.suffix.lower()
                if candidate.is_symlink() and not candidate.exists():
                    if suffix in SUFFIXES or suffix in OTHER_FORMATS:
                        listed.append((candidate, Gagal(str(candidate), BROKEN_LINK)))
                    continue
                if not candidate.is_file():
                    continue
                if suffix in SUFFIXES:
                    found.append(candidate)
                elif suffix in OTHER_FORMATS:
                    why = OTHER_FORMATS[suffix]
                    listed.append((candidate, Gagal(str(candidate), why, Alasan.FORMAT_LAIN)))
        elif _skipped_name(path.name):
            continue
        elif path.suffix.lower() in OTHER_FORMATS and path.is_file():
            why = OTHER_FORMATS[path.suffix.lower()]
            listed.append((path, Gagal(str(path), why, Alasan.FORMAT_LAIN)))
        else:
            found.append(path)  # a missing or odd file is reported, not dropped
    seen: set[object] = set()
    out: list[Path] = []
    for path in sorted(found, key=str):
        ident = _identity(path) or ("missing", str(path))
        if ident in seen:
            continue  # the same file reached twice counts once
        seen.add(ident)
        out.append(path)
    others: list[Gagal] = []
    for path, gagal in sorted(listed, key=lambda pair: str(pair[0])):
        ident = _identity(path) or ("missing", str(path))
        if ident not in seen:  # and is listed once
            seen.add(ident)
            others.append(gagal)
    return Koleksi(out, others)


BROKEN_LINK = "tautan (symlink/shortcut) yang tujuannya tidak ada"


def is_rekap(titles: list[str]) -> bool:
    from sakip_xlsx.render.xlsx.rekap import REKAP_SHEETS

    return set(titles) >= REKAP_SHEETS


def ringkas(path: Path) -> Ringkas | Gagal:
    """Read one workbook into its summary; any problem that stops reading becomes a Gagal."""
    from sakip_xlsx.commands.pipeline import check
    from sakip_xlsx.workbook.reader import NotSakipWorkbook

    try:
        result = check(path)
    except NotSakipWorkbook as error:
        if is_rekap(error.titles):
            return Gagal(
                str(path),
                "rekap hasil `sakip-xlsx gabung`, bukan workbook perangkat daerah",
                Alasan.REKAP,
            )
        return Gagal(str(path), error.message, Alasan.BUKAN_SAKIP)
    except SakipError as error:
        return Gagal(str(path), error.message)
    except Exception as error:  # a bug must not stop the other forty-nine files
        return Gagal(str(path), f"galat internal: {type(error).__name__}: {str(error)[:200]}")
    h = result.hasil
    laporan = h.laporan
    c = counts(result.findings)
    ident = laporan.identitas
    indicators = [i for i in h.indikator.values() if i.indikator.jenis == Jenis.SASARAN]
    kosong = not laporan.indikator and not laporan.rkt and not laporan.realisasi
    if kosong:
        return Gagal(
            str(path),
            "workbook isian masih kosong (belum ada indikator, RKT maupun realisasi)",
            Alasan.KOSONG,
        )
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return Ringkas(
        file=shown(str(path)),
        instansi=ident.nama_instansi or shown(path.stem),
        tahun=ident.tahun_laporan,
        indikator=len(indicators),
        dinilai=sum(1 for i in indicators if i.dibatasi is not None),
        rata_rata=h.rata_rata,
        predikat=h.predikat,
        pagu=h.total_pagu,
        realisasi=h.total_realisasi,
        serapan=h.total_serapan,
        error=c[Severity.ERROR],
        peringatan=c[Severity.WARNING],
        info=c[Severity.INFO],
        sasaran=tuple(
            SasaranRingkas(k, s.sasaran.uraian, s.rata_rata, s.predikat, s.efisien)
            for k, s in h.sasaran.items()
        ),
        program=tuple(
            ProgramRingkas(
                p.kode,
                p.uraian,
                h.anggaran[p.kode].pagu,
                h.anggaran[p.kode].realisasi,
                h.anggaran[p.kode].serapan,
            )
            for p in laporan.programs()
        ),
        pemda=ident.pemerintah_daerah,
        catatan=tuple(reviu.merge(laporan.catatan_reviu, result.findings)),
        kode_temuan=tuple(sorted(Counter(f.code for f in result.findings).items())),
        lengkap=laporan.lengkap,
        sha256=laporan.sha256,
        sumber_sha256=laporan.sumber_sha256,
        mtime=mtime,
    )


def read_all(
    paths: list[Path], jobs: int = 1, progress: Callable[[int], None] | None = None
) -> list[Ringkas | Gagal]:
    """Every file's summary, in the order of `paths` whatever the order of completion."""
    results: dict[int, Ringkas | Gagal] = {}
    for index, item in _map(paths, jobs):
        results[index] = item
        if progress is not None:
            progress(1)
    return [results[i] for i in range(len(paths))]


DIED = (
    "proses pembaca berhenti mendadak saat membaca file ini (kehabisan memori atau file "
    "yang merusak pembaca); file lain tetap dihitung"
)


def _map(paths: list[Path], jobs: int) -> Iterator[tuple[int, Ringkas | Gagal]]:
    if jobs <= 1 or len(paths) <= 1:
        for index, path in enumerate(paths):
            yield index, ringkas(path)
        return
    workers = min(jobs, len(paths), os.cpu_count() or 1)
    yield from isolated_map(_ringkas_in_worker, paths, workers, _died)


def _ringkas_in_worker(path: Path) -> Ringkas | Gagal:
    """Looked up at call time, so a test can stand in for the reader in the workers."""
    return ringkas(path)


def _died(path: Path) -> Gagal:
    return Gagal(str(path), DIED, Alasan.PROSES_BERHENTI)


def choose(items: list[Ringkas | Gagal], tahun: int | None = None) -> Rekap:
    """Decide what counts: one workbook per OPD report, of one tahun; list the rest."""
    rekap = Rekap()
    readable: list[Ringkas] = []
    for item in items:
        if isinstance(item, Gagal):
            rekap.tidak_dihitung.append(item)
        else:
            readable.append(item)
    # an isian beside the completed workbook filled from it is that workbook, whatever the
    # two are named (with no instansi typed, each is known by its file name)
    filled = {o.sumber_sha256: o for o in readable if o.lengkap and o.sumber_sha256}
    groups: dict[tuple[str, str, int | None], list[Ringkas]] = {}
    for item in readable:
        done = filled.get(item.sha256)
        key = done.key if done is not None and done is not item else item.key
        groups.setdefault(key, []).append(item)
    kept: list[Ringkas] = []
    for group in groups.values():
        chosen = _preferred(group)
        kept.append(chosen)
        for other in group:
            if other is chosen:
                continue
            why = (
                "isian yang sudah diolah menjadi workbook lengkap"
                if chosen.lengkap and chosen.sumber_sha256 == other.sha256
                else "versi lain (lebih lama)"
            )
            rekap.tidak_dihitung.append(
                Gagal(
                    other.file,
                    f"ganda: {why} dari {other.instansi} ({other.pemda or '-'}, tahun "
                    f"{other.tahun or '-'}); yang dihitung: {Path(chosen.file).name}",
                    Alasan.GANDA,
                )
            )
    years = [o.tahun for o in kept if o.tahun is not None]
    if tahun is None and years:
        tally = Counter(years)
        tahun = max(tally, key=lambda y: (tally[y], y))
    rekap.tahun = tahun
    for item in sorted(kept, key=lambda o: o.file):
        if tahun is not None and item.tahun != tahun:
            rekap.tidak_dihitung.append(
                Gagal(
                    item.file,
                    f"tahun laporan {item.tahun or '(kosong)'}, bukan {tahun}; tidak dijumlahkan",
                    Alasan.TAHUN_LAIN,
                )
            )
        else:
            rekap.opd.append(item)
    rekap.tidak_dihitung.sort(key=lambda g: g.file)
    return rekap


def _preferred(group: list[Ringkas]) -> Ringkas:
    """The completed workbook filled from another member of the group (same figures, plus
    the tables), otherwise the latest modified; ties by file name."""
    digests = {o.sha256 for o in group}
    fills = [o for o in group if o.lengkap and o.sumber_sha256 and o.sumber_sha256 in digests]
    pool = fills or group
    return max(pool, key=lambda o: (o.mtime, o.lengkap, o.file))


def gabung(
    output: Path,
    inputs: Iterable[str | Path],
    jobs: int = 1,
    force: bool = False,
    tahun: int | None = None,
    progress_factory=None,
    daftar: str | Path | None = None,
) -> Rekap:
    """Read every workbook and write the rollup to `output` (atomically); with `daftar` (one
    instansi per line), the OPDs that sent nothing are listed as *belum mengirim*."""
    from sakip_xlsx.render.xlsx.rekap import write_rekap

    output = Path(output)
    require_xlsx_name(output)
    inputs = list(inputs)
    named = [("masukan", Path(item)) for item in inputs if not Path(item).is_dir()]
    if daftar is not None:
        named.append(("daftar OPD (--daftar)", Path(daftar)))
    gone = [str(item) for item in inputs if not Path(item).exists() and not Path(item).is_symlink()]
    if gone and len(gone) == len(inputs):  # a mistyped folder: nothing to roll up, no empty rekap
        raise SakipError(
            f"Masukan tidak ditemukan: {', '.join(gone)}. Periksa nama file atau folder."
        )
    guard([(output, REKAP_RULE)], named, force)
    found = gather(inputs)
    paths = []
    previous: list[Gagal] = []
    for path in found.paths:
        if same_file(path, output):
            if not written_as(path, Keluaran.REKAP):
                raise OutputFileError(
                    f"File keluaran {output} adalah salah satu workbook masukan ({path}); file "
                    "masukan tidak pernah ditimpa. Pilih nama rekap lain atau di luar folder "
                    "masukan."
                )
            previous.append(
                Gagal(str(path), "rekap sebelumnya; ditimpa oleh rekap ini", Alasan.REKAP)
            )
            continue
        paths.append(path)
    if not paths and not found.listed:
        raise SakipError("Tidak ada workbook .xlsx di masukan yang disebutkan.")
    if progress_factory is None:
        items = read_all(paths, jobs)
    else:
        with progress_factory(len(paths)) as bar:
            items = read_all(paths, jobs, bar.update)
    rekap = choose([*items, *found.listed, *previous], tahun)
    if daftar is not None:
        rekap.daftar = read_daftar(Path(daftar))
        sent = {fold(o.instansi) for o in rekap.opd}
        rekap.belum_mengirim = [name for name in rekap.daftar if fold(name) not in sent]
    with atomic_target(output, force=force, rule=REKAP_RULE) as tmp:
        write_rekap(tmp, rekap)
    return rekap


REKAP_RULE = rule(Keluaran.REKAP, "KELUARAN (argumen pertama gabung, sebelum MASUKAN...)")
"""The rekap replaces only a rekap: `gabung --force *.xlsx` names an OPD's workbook first."""


def read_daftar(path: Path) -> list[str]:
    """The instansi a Bappeda expects, one per line (blank lines and `#` comments skipped,
    each name once)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"Daftar OPD {path} tidak dapat dibaca: {os_reason(exc)}.") from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    names: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and not name.startswith("#") and fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    if not names:
        raise InputFileError(f"Daftar OPD {path} kosong: tulis satu nama instansi per baris.")
    return names
