"""Catatan Reviu: the remarks of Bappeda and the Inspektorat, kept across every re-fill.

Every completed workbook carries a *Catatan Reviu* sheet, one row per remark: where (a cell or a
code), the finding code it is about, the remark, who wrote it, when, its status and the OPD's
answer. `fill` pre-fills a row for every error-level finding (status *Baru*, written by
sakip-xlsx) so that the reviewer starts from them. When a completed workbook is filled again,
every row a person wrote is kept as it is and where it is; a finding row whose finding has gone
turns *Diperbaiki?* for the reviewer to confirm (and back to *Baru* if it returns), and new
error findings are added at the end. Nothing here reads or writes a file format.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from sakip_xlsx.lkip.findings import Finding, Severity
from sakip_xlsx.lkip.model import SheetGrid
from sakip_xlsx.lkip.schema import canonical_choice


class Status(StrEnum):
    BARU = "Baru"
    DIPERBAIKI = "Diperbaiki"
    DIPERBAIKI_TANYA = "Diperbaiki?"
    """The finding behind the remark has gone: the reviewer confirms (Selesai) or not."""
    DITOLAK = "Ditolak"
    SELESAI = "Selesai"


CLOSED = frozenset({Status.SELESAI})
STATUSES = tuple(status.value for status in Status)
"""Statuses of a remark that needs nothing more; every other one is open."""
TOOL = "sakip-xlsx"
"""The writer of the pre-filled rows."""
SHEET = "Catatan Reviu"

COLUMNS = (
    ("no", "No", 5),
    ("lokasi", "Lokasi (sheet!sel) atau kode", 22),
    ("kode", "Kode temuan", 11),
    ("catatan", "Catatan", 60),
    ("oleh", "Oleh", 16),
    ("tanggal", "Tanggal", 12),
    ("status", "Status", 13),
    ("tanggapan", "Tanggapan OPD", 45),
)
"""The sheet's columns: key, heading, width."""
HEADER_ROW = 3
"""The 1-based row of the headings (a title and a note above)."""


@dataclass(frozen=True)
class Catatan:
    lokasi: str = ""
    kode: str = ""
    catatan: str = ""
    oleh: str = ""
    tanggal: str = ""
    status: str = Status.BARU
    tanggapan: str = ""
    lain: tuple[tuple[str, str], ...] = ()
    """Columns a reviewer added (`Batas waktu`, `Paraf`): (heading, value), kept as written."""

    @property
    def about_finding(self) -> bool:
        """A remark tied to a finding (its code and its location)."""
        return bool(self.kode and self.lokasi)

    @property
    def open(self) -> bool:
        return self.status not in CLOSED

    @property
    def written(self) -> bool:
        """Whether a person wrote in this row (not only the row `fill` pre-filled)."""
        untouched = self.oleh == TOOL and not (self.tanggal or self.tanggapan or self.lain)
        return not (untouched and self.status in (Status.BARU, Status.DIPERBAIKI_TANYA))


def from_finding(item: Finding) -> Catatan:
    return Catatan(item.location, item.code, item.message, TOOL, "", Status.BARU, "")


def merge(existing: list[Catatan], findings: list[Finding]) -> list[Catatan]:
    """The remarks of the new completed workbook: every existing row in its place (a finding
    row's status follows its finding while nobody has closed it), then a row for each error
    finding that has none yet."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    present = {(f.code, f.location) for f in errors}
    out: list[Catatan] = []
    covered: set[tuple[str, str]] = set()
    for row in existing:
        if row.about_finding:
            key = (row.kode, row.lokasi)
            covered.add(key)
            if key not in present and row.status in (Status.BARU, Status.DITOLAK):
                row = replace(row, status=Status.DIPERBAIKI_TANYA)
            elif key in present and row.status == Status.DIPERBAIKI_TANYA:
                row = replace(row, status=Status.BARU)
        out.append(row)
    for item in errors:
        if (item.code, item.location) not in covered:
            covered.add((item.code, item.location))
            out.append(from_finding(item))
    return out


def read_sheet(grid: SheetGrid) -> list[Catatan]:
    """The remarks of a *Catatan Reviu* sheet as a person left them (headings found by name
    in the first rows, so a row or column inserted above or before does not lose them)."""
    headings = {heading.casefold(): key for key, heading, _ in COLUMNS}
    header_row, columns = None, {}
    added: dict[int, str] = {}
    for number in grid.row_numbers()[:10]:
        line = grid.rows[number]
        found = {
            headings[str(v).strip().casefold()]: c
            for c, v in line.items()
            if isinstance(v, str) and v.strip().casefold() in headings
        }
        if "catatan" in found and "status" in found:
            header_row, columns = number, found
            known = set(found.values())
            added = {
                c: str(v).strip()
                for c, v in sorted(line.items())
                if c not in known and isinstance(v, str) and v.strip()
            }
            break
    if header_row is None:
        return []
    out = []
    for number in grid.row_numbers():
        if number <= header_row:
            continue
        line = grid.rows[number]
        values = {key: _text(line.get(col)) for key, col in columns.items() if key != "no"}
        extra = {heading: _text(line.get(c)) for c, heading in added.items()}
        lain = tuple((heading, value) for heading, value in extra.items() if value)
        if not any(values.values()) and not lain:
            continue
        typed = values.get("status", "")  # `selesai` as typed is the list's Selesai
        status = canonical_choice(typed, STATUSES) or typed or Status.BARU
        out.append(
            Catatan(
                values.get("lokasi", ""),
                values.get("kode", ""),
                values.get("catatan", ""),
                values.get("oleh", ""),
                values.get("tanggal", ""),
                status,
                values.get("tanggapan", ""),
                lain,
            )
        )
    return out


def _text(value: object) -> str:
    """A cell as the remark's text: dates as dd-mm-yyyy, whole numbers without decimals."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")  # type: ignore[union-attr]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
