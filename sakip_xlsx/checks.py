"""Consistency checks across the documents (SPEC §5). Filled in by the findings registry."""

from __future__ import annotations

from .compute import Hasil
from .findings import Finding


def run_checks(hasil: Hasil) -> list[Finding]:
    return []
