"""`sakip-xlsx gabung`: the kabupaten rollup Bappeda needs from fifty OPD workbooks.

Each workbook (input or completed; both are valid input) is read and computed exactly as
`check` does, reduced to a small picklable summary, and the summaries are written as one
workbook: a recap row per OPD with totals, a ranking, a chart, per-OPD detail and the files
that could not be read. Reading runs in a process pool with `-j`; the order of the rows comes
from the sorted file list, never from which worker finishes first, so `-j 4` writes the same
bytes as `-j 1`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .errors import OutputFileError, SakipError
from .findings import Severity, counts

SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class SasaranRingkas:
    kode: str
    uraian: str
    rata_rata: float | None
    predikat: str
    efisien: str


@dataclass(frozen=True)
class ProgramRingkas:
    kode: str
    uraian: str
    pagu: float
    realisasi: float
    serapan: float | None


@dataclass(frozen=True)
class Ringkas:
    """What the rollup keeps of one OPD workbook."""

    file: str
    instansi: str
    tahun: int | None
    indikator: int
    dinilai: int
    rata_rata: float | None
    predikat: str
    pagu: float
    realisasi: float
    serapan: float | None
    error: int
    peringatan: int
    info: int
    sasaran: tuple[SasaranRingkas, ...] = ()
    program: tuple[ProgramRingkas, ...] = ()


@dataclass(frozen=True)
class Gagal:
    file: str
    reason: str


@dataclass
class Rekap:
    opd: list[Ringkas] = field(default_factory=list)
    gagal: list[Gagal] = field(default_factory=list)

    @property
    def total_pagu(self) -> float:
        return sum(o.pagu for o in self.opd)

    @property
    def total_realisasi(self) -> float:
        return sum(o.realisasi for o in self.opd)

    @property
    def total_serapan(self) -> float | None:
        """Kabupaten serapan: total realisasi / total pagu, never a mean of percentages."""
        return rules.ratio_percent(self.total_realisasi, self.total_pagu)

    @property
    def rata_rata(self) -> float | None:
        """Mean of the OPD averages that could be assessed."""
        return rules.mean([o.rata_rata for o in self.opd])


def ranking(opd: list[Ringkas]) -> list[Ringkas]:
    """Highest rata-rata first; ties by name; OPD without an assessed capaian last."""
    return sorted(
        opd,
        key=lambda o: (o.rata_rata is None, -(o.rata_rata or 0.0), o.instansi.lower(), o.file),
    )


def collect(inputs: Iterable[str | Path], exclude: Path | None = None) -> list[Path]:
    """The workbooks named, folders searched recursively, sorted, each once."""
    found: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for candidate in path.rglob("*"):
                if candidate.suffix.lower() in SUFFIXES and candidate.is_file():
                    found.add(candidate)
        else:
            found.add(path)  # a missing or odd file is reported, not dropped
    skip = exclude.resolve() if exclude is not None else None
    out = []
    for path in found:
        name = path.name
        if name.startswith(("~$", ".")):  # Excel lock files and our own temporary files
            continue
        if skip is not None and path.exists() and path.resolve() == skip:
            continue
        out.append(path)
    return sorted(out, key=lambda p: str(p))


def ringkas(path: Path) -> Ringkas | Gagal:
    """Read one workbook into its summary; any problem that stops reading becomes a Gagal."""
    from .fill import check

    try:
        result = check(path)
    except SakipError as error:
        return Gagal(str(path), error.message)
    except Exception as error:  # a bug must not stop the other forty-nine files
        return Gagal(str(path), f"galat internal: {type(error).__name__}: {str(error)[:200]}")
    h = result.hasil
    c = counts(result.findings)
    ident = h.laporan.identitas
    indicators = [i for i in h.indikator.values() if i.indikator.jenis == "Sasaran"]
    return Ringkas(
        file=str(path),
        instansi=ident.nama_instansi or path.stem,
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
            for p in h.laporan.programs()
        ),
    )


def read_all(
    paths: list[Path], jobs: int = 1, progress: Callable[[int], None] | None = None
) -> Rekap:
    rekap = Rekap()
    for item in _map(paths, jobs):
        if isinstance(item, Gagal):
            rekap.gagal.append(item)
        else:
            rekap.opd.append(item)
        if progress is not None:
            progress(1)
    return rekap


def _map(paths: list[Path], jobs: int) -> Iterator[Ringkas | Gagal]:
    if jobs <= 1 or len(paths) <= 1:
        yield from map(ringkas, paths)
        return
    workers = min(jobs, len(paths), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(ringkas, paths, chunksize=1)


def gabung(
    output: Path,
    inputs: Iterable[str | Path],
    jobs: int = 1,
    force: bool = False,
    progress_factory=None,
) -> Rekap:
    """Read every workbook and write the rollup to `output` (atomically)."""
    from .atomic import atomic_target
    from .rollup_writer import write_rekap

    output = Path(output)
    if output.exists() and not force:
        raise OutputFileError(
            f"File {output} sudah ada. Gunakan --force untuk menimpanya atau pilih nama lain."
        )
    paths = collect(inputs, exclude=output)
    if not paths:
        raise SakipError("Tidak ada workbook .xlsx di masukan yang disebutkan.")
    if progress_factory is None:
        rekap = read_all(paths, jobs)
    else:
        with progress_factory(len(paths)) as bar:
            rekap = read_all(paths, jobs, bar.update)
    with atomic_target(output, force=force) as tmp:
        write_rekap(tmp, rekap)
    return rekap
