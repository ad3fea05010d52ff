"""Kabupaten-scale benchmark of `sakip-xlsx fill` against the I/O floor.

Generates a synthetic input workbook through the project's own schema (the same writer as the
template), then measures in one run:

- fill end to end: `python -m sakip_xlsx fill` as a process, median of --runs runs;
- the I/O floor: an openpyxl read-only read of every cell of the same input plus an xlsxwriter
  write of as many cells as the completed workbook has (formulas with cached values for the
  formula cells), also as a process, median of --runs runs;
- peak RSS of the fill processes.

The last line is machine-readable:
RATIO fill/floor=X.XX fill_s=... floor_s=... rss_mb=... subkegiatan=... indikator=...

    python benchmarks/run.py                 # defaults: 5,000 sub kegiatan, 1,000 indicators
    python benchmarks/run.py --sasaran 20 --indikator 5 --program 20 --kegiatan 5 --sub 5
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TAHUN, PERIODE = 2024, (2021, 2026)


def generate(
    path: Path, sasaran: int, indikator: int, program: int, kegiatan: int, sub: int, sdm: int
) -> tuple[int, int]:
    """A filled input workbook; returns (sub kegiatan, sasaran indicators)."""
    from sakip_xlsx.template_writer import template_bytes

    renstra, rkt, pk, ra, rea = [], [], [], [], []
    renstra.append(
        {
            "jenis": "Tujuan",
            "kode": "T1",
            "uraian": "Tujuan daerah",
            "kode_indikator": "IT1",
            "indikator": "Indeks tujuan",
            "satuan": "Indeks",
            "polaritas": "Positif",
        }
    )
    indicator_codes = []
    for s in range(1, sasaran + 1):
        for i in range(1, indikator + 1):
            kode = f"IS{s}.{i}"
            indicator_codes.append(kode)
            polaritas = "Negatif" if i % 7 == 0 else "Positif"
            row = {
                "jenis": "Sasaran",
                "kode": f"S{s}",
                "kode_induk": "T1",
                "uraian": f"Meningkatnya kualitas layanan bidang {s}",
                "kode_indikator": kode,
                "indikator": f"Persentase capaian layanan {s}.{i}",
                "satuan": "%",
                "polaritas": polaritas,
                "target_akhir": "90%",
                "iku": "Ya",
            }
            for year in range(PERIODE[0], PERIODE[1] + 1):
                row[f"target:{year}"] = f"{80 + (i % 10)}%"
            renstra.append(row)
            target = f"{80 + (i % 10)}%"
            rkt.append(
                {
                    "jenis": "Indikator Sasaran",
                    "kode": kode,
                    "uraian": f"Sasaran {s}",
                    "satuan": "%",
                    "target": target,
                }
            )
            pk.append(
                {
                    "kode": kode,
                    "uraian": f"Sasaran {s}",
                    "indikator": "Persentase",
                    "target": target,
                }
            )
            q = (80 + (i % 10)) / 4
            ra.append(
                {
                    "kode": kode,
                    "target_tw1": q,
                    "target_tw2": q,
                    "target_tw3": q,
                    "target_tw4": q,
                    "metode": "Jumlah",
                }
            )
            rea.append(
                {
                    "kode": kode,
                    "realisasi": f"{75 + (i * 3) % 20},5%",
                    "realisasi_lalu:2022": f"{70 + i % 15}%",
                    "realisasi_lalu:2023": f"{72 + i % 15}%",
                }
            )
    subs = 0
    for p in range(1, program + 1):
        pk_code = f"P{p}"
        rkt.append(
            {
                "jenis": "Program",
                "kode": pk_code,
                "kode_induk": f"S{(p - 1) % sasaran + 1}",
                "uraian": f"Program pembangunan bidang {p}",
            }
        )
        total = 0
        for k in range(1, kegiatan + 1):
            keg = f"{pk_code}.{k}"
            rkt.append(
                {
                    "jenis": "Kegiatan",
                    "kode": keg,
                    "kode_induk": pk_code,
                    "uraian": f"Kegiatan {k} program {p}",
                }
            )
            for j in range(1, sub + 1):
                code = f"{keg}.{j}"
                pagu = 10_000_000 + 137_531 * ((p * 31 + k * 7 + j) % 97)
                total += pagu
                subs += 1
                rkt.append(
                    {
                        "jenis": "Sub Kegiatan",
                        "kode": code,
                        "kode_induk": keg,
                        "uraian": f"Sub kegiatan {j} kegiatan {k} program {p}",
                        "indikator": "Jumlah laporan",
                        "satuan": "Laporan",
                        "target": "12 Laporan",
                        "pagu": f"Rp {pagu:,}".replace(",", "."),
                    }
                )
                ra.append(
                    {
                        "kode": code,
                        "target_tw1": 3,
                        "target_tw2": 3,
                        "target_tw3": 3,
                        "target_tw4": 3,
                        "metode": "Jumlah",
                    }
                )
                rea.append(
                    {
                        "kode": code,
                        "realisasi_tw1": 3,
                        "realisasi_tw2": 3,
                        "realisasi_tw3": 2,
                        "realisasi_tw4": 3,
                        "realisasi": f"{10 + (j % 3)} Laporan",
                        "realisasi_anggaran": int(pagu * (0.7 + (j % 4) / 10)),
                    }
                )
        pk.append({"kode": pk_code, "uraian": f"Program {p}", "anggaran": total})
    people = [
        {
            "jabatan": f"Jabatan {n % 30}",
            "status": "ASN" if n % 4 else "Non ASN",
            "golongan": ("III/a", "III/b", "II/c", "IV/a")[n % 4] if n % 4 else None,
            "pendidikan": ("S1", "SMA/SMK", "D3", "S2")[n % 4],
        }
        for n in range(sdm)
    ]
    data = template_bytes(
        TAHUN,
        PERIODE,
        identitas={
            "nama_instansi": "Dinas Sintetis",
            "pemerintah_daerah": "Kabupaten Contoh",
            "kepala_nama": "Kepala",
            "kepala_jabatan": "Kepala Dinas",
            "pagu_tahun_lalu": 10**10,
            "realisasi_tahun_lalu": 9 * 10**9,
        },
        rows={
            "Renstra": renstra,
            "RKT": rkt,
            "PK": pk,
            "Rencana Aksi": ra,
            "Realisasi": rea,
            "SDM": people,
        },
    )
    path.write_bytes(data)
    return subs, len(indicator_codes)


def count_cells(path: Path) -> tuple[int, int]:
    """(cells, formula cells) of a workbook, counted in its sheet XML."""
    cells = formulas = 0
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                data = zf.read(name)
                cells += len(re.findall(rb"<c ", data))
                formulas += data.count(b"<f>")
    return cells, formulas


def floor(path: Path, cells: int, formulas: int, out: Path) -> None:
    """The I/O floor: read every cell of the input, write as many cells as the output has."""
    import openpyxl
    import xlsxwriter

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                _ = (c.value, c.number_format)
                seen += 1
    wb.close()
    book = xlsxwriter.Workbook(out, {"strings_to_formulas": False})
    ws = book.add_worksheet("S")
    width = 20
    for n in range(cells):
        r, c = divmod(n, width)
        if n < formulas:
            ws.write_formula(r, c, f'=IF(ISNUMBER(A{r + 1}),A{r + 1}*2,"")', None, n * 2)
        elif n % 2:
            ws.write_number(r, c, n * 1.5)
        else:
            ws.write_string(r, c, f"teks {n}")
    book.close()


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sasaran", type=int, default=100)
    parser.add_argument("--indikator", type=int, default=10, help="indicators per sasaran")
    parser.add_argument("--program", type=int, default=100)
    parser.add_argument("--kegiatan", type=int, default=10, help="kegiatan per program")
    parser.add_argument("--sub", type=int, default=5, help="sub kegiatan per kegiatan")
    parser.add_argument("--sdm", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--floor", nargs=4, metavar=("INPUT", "CELLS", "FORMULAS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.floor:
        floor(Path(args.floor[0]), int(args.floor[1]), int(args.floor[2]), Path(args.floor[3]))
        return

    with tempfile.TemporaryDirectory(prefix="sakip-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "kabupaten.xlsx"
        start = time.perf_counter()
        subs, indicators = generate(
            source, args.sasaran, args.indikator, args.program, args.kegiatan, args.sub, args.sdm
        )
        print(
            f"input: {source.stat().st_size / 1e6:.1f} MB, {subs} sub kegiatan, "
            f"{indicators} indikator sasaran (generated in {time.perf_counter() - start:.1f} s)"
        )
        out = folder / "kabupaten-LKIP.xlsx"
        fill_cmd = [
            sys.executable,
            "-m",
            "sakip_xlsx",
            "fill",
            str(source),
            "-o",
            str(out),
            "--force",
        ]
        fill_times = [timed(fill_cmd) for _ in range(args.runs)]
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        cells, formulas = count_cells(out)
        print(f"output: {out.stat().st_size / 1e6:.1f} MB, {cells} cells, {formulas} formulas")
        floor_cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--floor",
            str(source),
            str(cells),
            str(formulas),
            str(folder / "floor.xlsx"),
        ]
        floor_times = [timed(floor_cmd) for _ in range(args.runs)]
        fill_s, floor_s = statistics.median(fill_times), statistics.median(floor_times)
        print("fill runs: " + ", ".join(f"{t:.2f}" for t in fill_times) + " s")
        print("floor runs: " + ", ".join(f"{t:.2f}" for t in floor_times) + " s")
        print(
            f"RATIO fill/floor={fill_s / floor_s:.2f} fill_s={fill_s:.2f} floor_s={floor_s:.2f} "
            f"rss_mb={rss_mb:.0f} subkegiatan={subs} indikator={indicators}"
        )


if __name__ == "__main__":
    main()
