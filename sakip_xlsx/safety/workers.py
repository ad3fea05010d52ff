"""Reading many files in worker processes, where one file that kills its worker costs only
that file.

`concurrent.futures.ProcessPoolExecutor` breaks as a whole when one worker dies (out of memory,
a crash in a library): every pending file fails with it, and which file was being read cannot
be told. Here each worker reads one file at a time over its own pipe, so the parent always knows
which file a dead worker held: that file is reported through `on_death`, a fresh worker takes
its place, and every other file is read as usual.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import TypeVar

from sakip_xlsx.safety import interrupt

T = TypeVar("T")
R = TypeVar("R")


def _serve(conn: Connection, func: Callable) -> None:
    interrupt.ignore_from_now_on()  # the parent decides when to stop
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        conn.send((index, func(item)))


class _Worker:
    def __init__(self, context, func: Callable) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, func), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, object] | None = None

    def give(self, index: int, item: object) -> None:
        self.task = (index, item)
        self.conn.send(self.task)

    def stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def isolated_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    on_death: Callable[[T], R],
) -> Iterator[tuple[int, R]]:
    """`(index, func(item))` for every item, in completion order, using `jobs` processes."""
    context = multiprocessing.get_context()
    queue: deque[tuple[int, T]] = deque(enumerate(items))
    workers = [_Worker(context, func) for _ in range(min(jobs, len(items)))]
    finished = False
    try:
        while queue or any(w.task for w in workers):
            for worker in workers:
                if worker.task is None and queue:
                    worker.give(*queue.popleft())
            busy = [w for w in workers if w.task is not None]
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn in ready or worker.conn.poll():
                    try:
                        index, result = worker.conn.recv()
                    except (EOFError, OSError):
                        pass  # died while answering: handled as a death below
                    else:
                        worker.task = None
                        yield index, result
                        continue
                if worker.process.sentinel in ready or not worker.process.is_alive():
                    index, item = worker.task  # type: ignore[misc]
                    worker.task = None
                    worker.stop(kill=True)
                    workers[workers.index(worker)] = _Worker(context, func)
                    yield index, on_death(item)  # type: ignore[arg-type]
        finished = True
    finally:
        for worker in workers:  # on an error or a signal: stop at once, do not wait
            worker.stop(kill=not finished)
