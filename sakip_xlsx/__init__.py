"""sakip-xlsx: the yearly LKIP of an Indonesian perangkat daerah in one command.

The public API (`template`, `check`, `fill`, `dokumen`, `gabung` and their result types) is
loaded on first use, so that `sakip-xlsx --help` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "DokumenResult",
    "FillResult",
    "Gagal",
    "ImporSipd",
    "IsianBaru",
    "Pemeriksaan",
    "Rekap",
    "Ringkas",
    "SakipError",
    "check",
    "dokumen",
    "fill",
    "gabung",
    "impor_sipd",
    "template",
    "template_dari",
]

if TYPE_CHECKING:
    from sakip_xlsx.api import (
        DokumenResult,
        FillResult,
        Gagal,
        ImporSipd,
        IsianBaru,
        Pemeriksaan,
        Rekap,
        Ringkas,
        SakipError,
        check,
        dokumen,
        fill,
        gabung,
        impor_sipd,
        template,
        template_dari,
    )


def __getattr__(name: str):
    if name in __all__:
        from sakip_xlsx import api

        return getattr(api, name)
    raise AttributeError(f"module 'sakip_xlsx' has no attribute {name!r}")
