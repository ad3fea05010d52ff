"""The fair floor of `fill`: the same reading and the same writing, without the computation.

`capture` runs `fill` in this process with xlsxwriter's Workbook replaced by a recorder: every
format, sheet, chart and cell call it makes is logged with its arguments (formula texts with
their cached values, strings, numbers, row heights, page setup, validations). `replay` then
reads the same input the way the reader does (the streaming grid of every sheet) and makes the
logged calls on a fresh Workbook with the same options and the same worksheet class, writing
the same cells, so the floor's XML equals fill's. What is left out is exactly the work being
judged: parsing values, computing, checking, building the document model, laying it out.

    python benchmarks/floor.py capture INPUT.xlsx OUT.xlsx LOG.pickle
    python benchmarks/floor.py replay INPUT.xlsx LOG.pickle OUT.xlsx
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format

_real_workbook = xlsxwriter.Workbook


class _Recorded:
    """A worksheet or chart whose method calls are logged, then made on the real object."""

    def __init__(self, real, ident: int, log: list) -> None:
        self._real = real
        self._ident = ident
        self._log = log

    def __getattr__(self, name):
        value = getattr(self._real, name)
        if not callable(value):
            return value

        def call(*args, **kwargs):
            self._log.append(("call", self._ident, name, _refs(args), _refs(kwargs)))
            return value(*_reals(args), **_reals(kwargs))

        return call


def _refs(value):
    """Arguments as the log keeps them: formats and charts by their number."""
    if isinstance(value, Format):
        return ("__format__", value._recorded_id)
    if isinstance(value, _Recorded):
        return ("__object__", value._ident)
    if isinstance(value, tuple):
        return tuple(_refs(v) for v in value)
    if isinstance(value, list):
        return [_refs(v) for v in value]
    if isinstance(value, dict):
        return {k: _refs(v) for k, v in value.items()}
    return value


def _reals(value):
    if isinstance(value, _Recorded):
        return value._real
    if isinstance(value, tuple):
        return tuple(_reals(v) for v in value)
    if isinstance(value, list):
        return [_reals(v) for v in value]
    if isinstance(value, dict):
        return {k: _reals(v) for k, v in value.items()}
    return value


def recording_workbook(log: list):
    class RecordingWorkbook(_real_workbook):
        def __init__(self, filename, options=None):
            kept = {k: v for k, v in (options or {}).items() if k != "tmpdir"}
            log.append(("workbook", kept))
            self._objects = 0
            self._starting = True  # the formats xlsxwriter makes for itself are made again
            super().__init__(filename, options)
            self._starting = False

        def _next(self) -> int:
            self._objects += 1
            return self._objects

        def add_format(self, properties=None):
            fmt = super().add_format(properties)
            fmt._recorded_id = self._next()
            if self._starting:
                log.append(("builtin", fmt._recorded_id, len(self.formats) - 1))
            else:
                log.append(("format", fmt._recorded_id, dict(properties or {})))
            return fmt

        def add_worksheet(self, name=None, worksheet_class=None):
            ws = super().add_worksheet(name, worksheet_class)
            ident = self._next()
            log.append(("sheet", ident, name, worksheet_class))
            return _Recorded(ws, ident, log)

        def add_chart(self, options):
            chart = super().add_chart(options)
            ident = self._next()
            log.append(("chart", ident, dict(options)))
            return _Recorded(chart, ident, log)

        def set_properties(self, properties):
            log.append(("wb", "set_properties", (dict(properties),)))
            return super().set_properties(properties)

        def set_custom_property(self, *args):
            log.append(("wb", "set_custom_property", args))
            return super().set_custom_property(*args)

    return RecordingWorkbook


def capture(source: Path, out: Path, log_path: Path) -> None:
    from sakip_xlsx.commands.pipeline import fill

    log: list = []
    xlsxwriter.Workbook = recording_workbook(log)
    try:
        fill(source, out, force=True)
    finally:
        xlsxwriter.Workbook = _real_workbook
    log_path.write_bytes(pickle.dumps(log, protocol=pickle.HIGHEST_PROTOCOL))


def read_like_the_reader(source: Path) -> int:
    """Every sheet of the input through the reader's own streaming grid; returns the cells."""
    from sakip_xlsx.workbook import grid

    cells = 0
    with grid.open_workbook(source) as book:
        for title in book.titles:
            cells += book.sheet(title).cell_count
    return cells


def _compiled(log: list) -> tuple[list, int]:
    """The log as replay steps: each call names a slot for its bound method (one per object and
    method name) and the positions of the format references in its arguments, found once, so
    that replaying costs little beyond the calls themselves. Returns the steps and the number
    of slots."""
    steps = []
    slots: dict[tuple[int, str], int] = {}
    for entry in log:
        if entry[0] != "call":
            steps.append(entry)
            continue
        _, ident, name, args, kwargs = entry
        slot = slots.setdefault((ident, name), len(slots))
        refs = tuple(i for i, a in enumerate(args) if _is_ref(a))
        nested = bool(kwargs) or any(
            isinstance(a, (list, dict)) or (isinstance(a, tuple) and not _is_ref(a)) for a in args
        )
        if nested:
            steps.append(("nested", slot, ident, name, args, kwargs))
        elif refs:
            steps.append(("refs", slot, ident, name, args, refs))
        else:
            steps.append(("plain", slot, ident, name, args))
    return steps, len(slots)


def _is_ref(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and value[0] in ("__format__", "__object__")


def replay(source: Path, log_path: Path, out: Path) -> None:
    import gc
    import time

    gc.disable()  # the same setting fill runs with (pipeline.collector_paused)
    started = time.perf_counter()
    steps, slots = _compiled(pickle.loads(log_path.read_bytes()))
    # loading the log is the floor's own cost, not writing: reported so the caller subtracts it
    print(f"LOAD_S {time.perf_counter() - started:.4f}", file=sys.stderr)
    read_like_the_reader(source)
    objects: dict[int, object] = {}
    bound: list = [None] * slots
    wb = None

    def real(value):
        if _is_ref(value):
            return objects[value[1]]
        if isinstance(value, tuple):
            return tuple(real(v) for v in value)
        if isinstance(value, list):
            return [real(v) for v in value]
        if isinstance(value, dict):
            return {k: real(v) for k, v in value.items()}
        return value

    for step in steps:
        kind = step[0]
        if kind == "plain" or kind == "refs" or kind == "nested":
            method = bound[step[1]]
            if method is None:
                method = bound[step[1]] = getattr(objects[step[2]], step[3])
            if kind == "plain":
                method(*step[4])
            elif kind == "refs":
                args = list(step[4])
                for i in step[5]:
                    args[i] = objects[args[i][1]]
                method(*args)
            else:
                method(*real(step[4]), **real(step[5]))
        elif kind == "workbook":
            wb = _real_workbook(str(out), {**step[1], "tmpdir": str(out.parent)})
        elif kind == "builtin":
            objects[step[1]] = wb.formats[step[2]]
        elif kind == "format":
            objects[step[1]] = wb.add_format(step[2])
        elif kind == "sheet":
            objects[step[1]] = wb.add_worksheet(step[2], worksheet_class=step[3])
        elif kind == "chart":
            objects[step[1]] = wb.add_chart(step[2])
        elif kind == "wb":
            getattr(wb, step[1])(*step[2])
    wb.close()


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "capture":
        capture(Path(rest[0]), Path(rest[1]), Path(rest[2]))
    else:
        replay(Path(rest[0]), Path(rest[1]), Path(rest[2]))
