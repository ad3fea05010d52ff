"""What `fill` and `check` print in the terminal (Indonesian), and the JSON of `check`."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from string import Formatter

from sakip_xlsx.lkip.findings import REGISTRY, Severity, counts
from sakip_xlsx.lkip.results import DokumenResult, FillResult, ImporSipd, IsianBaru, Pemeriksaan
from sakip_xlsx.lkip.values import format_id


def _pct(value: float | None) -> str:
    return "-" if value is None else format_id(value) + " %"


def _counts_line(result: Pemeriksaan) -> str:
    c = counts(result.findings)
    return f"{c[Severity.ERROR]} error, {c[Severity.WARNING]} peringatan, {c[Severity.INFO]} info"


ERRORS_SHOWN = 10


def _head(result: FillResult | DokumenResult) -> list[str]:
    """The lines every writing command starts with: input, rata-rata, findings."""
    h = result.hasil
    return [
        f"Masukan                   : {result.source}",
        f"Rata-rata capaian kinerja : {_pct(h.rata_rata)}  {h.predikat or '(tidak dinilai)'}",
        f"Temuan                    : {_counts_line(result)}",
    ]


def fill_summary(result: FillResult) -> str:
    h = result.hasil
    head = _head(result)
    lines = [
        *head[:2],
        f"Serapan anggaran          : {_pct(h.total_serapan)}  "
        + (
            f"(Rp {format_id(h.total_realisasi, 0)} dari Rp {format_id(h.total_pagu, 0)})"
            if h.total_realisasi is not None
            else f"(realisasi anggaran belum diisi; pagu Rp {format_id(h.total_pagu, 0)})"
        ),
        head[2],
        f"Workbook lengkap ditulis  : {result.output}",
    ]
    if result.catatan_dibawa:
        lines.append(
            f"Catatan reviu             : {result.catatan_dibawa} baris dibawa dari workbook "
            "lengkap yang ditimpa"
        )
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors:
        lines.append("")
        lines.append("Error di data (lengkapnya di sheet Temuan atau `sakip-xlsx check`):")
        for item in errors[:ERRORS_SHOWN]:
            lines.append(f"  {item.location or '-':<22} {item.code:<8} {item.message}")
        if len(errors) > ERRORS_SHOWN:
            lines.append(f"  ... dan {len(errors) - ERRORS_SHOWN} error lainnya")
    return "\n".join(lines)


def document_summary(result: DokumenResult, header: bool = True) -> str:
    """What `dokumen` (or `fill --dokumen`) prints: where the LKIP went."""
    lines = _head(result) if header else []
    lines.append(f"Dokumen LKIP ditulis      : {result.output}")
    if result.pdf is not None:
        lines.append(f"PDF ditulis               : {result.pdf}")
    if result.belum_diisi:
        lines.append(
            f"Bagian dokumen yang belum diisi ({len(result.belum_diisi)}; isi di sheet Identitas "
            "lalu jalankan lagi):"
        )
        lines += [f"  {item}" for item in result.belum_diisi]
    if result.templat_dibuang:
        lines.append(
            f"Dari templat dokumen tidak diambil ({len(result.templat_dibuang)}; hanya gaya, "
            "penomoran, font, kop/kaki halaman dan ukuran halaman yang dipakai):"
        )
        lines += [f"  {item}" for item in result.templat_dibuang]
    return "\n".join(lines)


def _not_carried(lines: list[str]) -> list[str]:
    if not lines:
        return []
    return [
        f"Tidak dibawa dari isian asal ({len(lines)}; juga di sheet Catatan):",
        *(f"  {line}" for line in lines),
    ]


def isian_baru_summary(result: IsianBaru) -> str:
    """What `template --dari` prints: the new isian, and what of last year's it left."""
    lines = [f"Isian tahun berikutnya ditulis: {result.output} (lihat sheet Catatan)"]
    return "\n".join(lines + _not_carried(result.tidak_dibawa))


def sipd_summary(result: ImporSipd) -> str:
    """What `impor-sipd` prints: what was taken from SIPD and what does not fit."""
    total = sum(result.applied.values())
    lines = [
        f"Isian                     : {result.source}",
        f"Ekspor SIPD               : {result.sipd} (tahun {result.tahun})",
        f"Sub kegiatan diisi        : {len(result.applied)} (jumlah Rp {format_id(total, 0)})",
        f"Isian baru ditulis        : {result.output}",
    ]
    if result.selisih:
        lines.append(f"Perlu diperiksa ({len(result.selisih)}):")
        lines += [f"  {line.message}" for line in result.selisih]
    return "\n".join(lines + _not_carried(result.tidak_dibawa))


def findings_text(result: Pemeriksaan, path: Path) -> str:
    if not result.findings:
        return f"{path.name}: tidak ada temuan."
    lines = [f"{path.name}: {_counts_line(result)}"]
    # as the workbook reads: sheet by sheet in its order, each by row (errors first in a row)
    by_sheet = sorted(result.findings, key=lambda f: (*f.place_key(), f.severity.rank, f.code))
    for sheet, items in groupby(by_sheet, key=lambda f: f.sheet or "(umum)"):
        lines.append("")
        lines.append(f"[{sheet}]")
        for item in items:
            where = item.cell or "-"
            lines.append(f"  {where:<7} {item.code:<8} {item.severity.value:<10} {item.message}")
            lines.append(f"  {'':<7} {'':<8} {'':<10} Saran: {item.suggestion}")
    return "\n".join(lines)


def findings_json(result: Pemeriksaan, ascii_only: bool = False) -> str:
    """One JSON object; `ascii_only` escapes every non-ASCII character (for a console that
    cannot show them), which any JSON reader turns back into the same text."""
    c = counts(result.findings)
    payload = {
        "ringkasan": {sev.value: c[sev] for sev in Severity},
        "temuan": [f.as_dict() for f in result.findings],
    }
    return json.dumps(payload, ensure_ascii=ascii_only, indent=2)


README_START = "<!-- kode-temuan:mulai -->"
README_END = "<!-- kode-temuan:akhir -->"


def rules_markdown() -> str:
    """The table of every finding code, generated from the catalogue (kept in the README):
    its sentence templates one under another, `{name}` standing for a parameter."""
    lines = ["| kode | tingkat | arti | pesan | saran |", "|---|---|---|---|---|"]
    for code in sorted(REGISTRY, key=_code_order):
        info = REGISTRY[code]
        cells = (
            code,
            info.severity.value,
            info.title,
            "<br>".join(_readable(text) for text in info.templates()),
            info.suggestion,
        )
        lines.append("| " + " | ".join(_cell(text) for text in cells) + " |")
    return "\n".join(lines)


def _readable(template: str) -> str:
    """A template as the README shows it: `{capaian}` for `{capaian:,.2f}`."""
    parts = Formatter().parse(template)
    return "".join(text + ("" if name is None else f"{{{name}}}") for text, name, _, _ in parts)


def _cell(text: str) -> str:
    """Text in a Markdown table cell: a `|` would end the cell."""
    return text.replace("|", "\\|")


def _code_order(code: str) -> tuple[str, int]:
    prefix, _, number = code.partition("-")
    return prefix, int(number or 0)


def update_readme(path: Path) -> bool:
    """Rewrite the generated block of the README; True when it changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END)
    new = text[: start + len(README_START)] + "\n" + rules_markdown() + "\n" + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # python -m sakip_xlsx.report README.md
    import sys

    changed = update_readme(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
    print("README diperbarui" if changed else "README sudah sesuai")


def gabung_summary(rekap, output: Path) -> str:
    serapan = rekap.total_serapan
    lines = [
        f"Workbook dihitung         : {len(rekap.opd)}"
        + (f" (tahun {rekap.tahun})" if rekap.tahun else ""),
        f"Total pagu                : Rp {format_id(rekap.total_pagu, 0)}",
        f"Total realisasi           : Rp {format_id(rekap.total_realisasi, 0)} ({_pct(serapan)})",
        f"Rekap ditulis             : {output}",
    ]
    terbuka = sum(o.catatan_terbuka for o in rekap.opd)
    lines.append(f"Catatan reviu terbuka     : {terbuka}")
    if rekap.daftar:
        lines.append(
            f"Belum mengirim            : {len(rekap.belum_mengirim)} dari {len(rekap.daftar)}"
        )
        lines += [f"  {name}" for name in rekap.belum_mengirim]
    if rekap.tidak_dihitung:
        lines.append(f"Tidak dihitung ({len(rekap.tidak_dihitung)}):")
        for item in rekap.tidak_dihitung:
            lines.append(f"  {item.file} [{item.alasan.value}]: {item.reason}")
    return "\n".join(lines)
