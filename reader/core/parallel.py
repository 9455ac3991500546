"""Per-page work of a build spread over forked worker processes, in page order, with the serial result.

A build's pages are independent once the corpus is known: each is parsed, rendered and written on its own. On POSIX
the workers are forked, so they start in a few ms with everything the parent has (the corpus, the Markdown
converter's imports, caches) and nothing has to be pickled but page keys and results. Forking is only done where it
is safe: never in a process with other threads running (a fork copies locks held by other threads; a Qt application
runs threads), and never on a platform without fork (there the work stays serial). The result is the serial result:
results come back in input order, and `progress` is called for every item in order, as the serial loop would
(in bursts, as results arrive). A pool that cannot start or loses a worker falls back to the serial loop; an
exception raised by the work itself propagates as it would have serially.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

log = logging.getLogger("reader.parallel")

T = TypeVar("T")
R = TypeVar("R")
WORKERS_ENV = "RICHTLIJNENLEZER_BUILD_WORKERS"
MAX_WORKERS = 4
# Below this many pages a pool costs more than it saves (forking and sending results back: ~15 ms a worker;
# a page takes 3-30 ms).
MIN_ITEMS = 12

# What the forked workers run: set by `ordered_map` right before it forks, read by `_run_chunk` in the child.
_job: tuple[Callable[[Any, Any], Any], Any] | None = None


def fork_is_safe() -> bool:
    """Whether forking this process is safe: POSIX fork and no other thread running (Python's or native ones, such
    as a Qt application's: a fork copies the locks they hold, never the threads that would release them)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every thread of the process, native ones included
    except OSError:  # no /proc (macOS): Python's threads, and no Qt application (it runs threads of its own)
        core = sys.modules.get("PySide6.QtCore")
        return threading.active_count() == 1 and (core is None or core.QCoreApplication.instance() is None)


def worker_count(items: int, min_items: int = MIN_ITEMS) -> int:
    """Processes for `items` pieces of work: one per usable CPU (at most MAX_WORKERS) when there are at least
    `min_items` and forking is safe, else 1 (serial). The environment variable RICHTLIJNENLEZER_BUILD_WORKERS
    overrides the CPU count (1: always serial)."""
    env = os.environ.get(WORKERS_ENV, "")
    if env.isdigit():
        wanted = max(1, int(env))
    else:
        if items < min_items:
            return 1
        try:
            cpus = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cpus = os.cpu_count() or 1
        wanted = min(cpus, MAX_WORKERS)
    return wanted if wanted > 1 and items > 1 and fork_is_safe() else 1


def ordered_map(
    work: Callable[[Any, T], R], context: Any, items: Sequence[T], *, workers: int,
    progress: Callable[[int, T], None] | None = None,
) -> list[R]:
    """[work(context, item) for item in items], in `workers` forked processes when workers > 1.

    `work` must be a module-level function and its results picklable; `context` is inherited by the fork, never
    pickled. `progress(index, item)` is called before each item's result is taken (serially: before its work).
    """
    if workers > 1 and len(items) > 1:
        done = _forked(work, context, items, workers, progress)
        if done is not None:
            return done
    out = []
    for index, item in enumerate(items):
        if progress is not None:
            progress(index, item)
        out.append(work(context, item))
    return out


def _chunks(count: int, workers: int) -> list[range]:
    """Small contiguous chunks (about 4 per worker, at most 16 items): pages differ a lot in cost, so small chunks
    keep both workers busy to the end, and a chunk's results travel back in one message."""
    size = max(1, min(16, -(-count // (workers * 4))))
    return [range(i, min(i + size, count)) for i in range(0, count, size)]


def _forked(
    work: Callable[[Any, T], R], context: Any, items: Sequence[T], workers: int,
    progress: Callable[[int, T], None] | None,
) -> list[R] | None:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _job
    _job = (work, (context, items))
    chunks = _chunks(len(items), workers)
    log.debug("%d items in %d worker processes, %d chunks", len(items), min(workers, len(chunks)), len(chunks))
    out: list[R] = []
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork"))
    try:
        try:  # forking happens here
            futures = [pool.submit(_run_chunk, chunk.start, chunk.stop) for chunk in chunks]
        except (OSError, BrokenProcessPool) as exc:
            log.warning("cannot start build workers (%s); the pages are done in one process", exc)
            return None
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                results = future.result()  # the work's own exception is raised here, as serially
            except BrokenProcessPool as exc:  # a worker died (killed): finish in this process
                log.warning("a build worker stopped (%s); the other pages are done in one process", exc)
                break
            for index, result in zip(chunk, results, strict=True):
                if progress is not None:
                    progress(index, items[index])
                out.append(result)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # after an error, the chunks not started are dropped
        _job = None
    for index in range(len(out), len(items)):
        if progress is not None:
            progress(index, items[index])
        out.append(work(context, items[index]))
    return out


def _run_chunk(start: int, stop: int) -> list[Any]:
    """In a worker: the work for items[start:stop] (work and items were inherited from the parent)."""
    if _job is None:  # not forked from ordered_map (a spawn start method): nothing was inherited
        raise RuntimeError("ordered_map's worker ran without the parent's job")
    work, (context, items) = _job
    return [work(context, items[i]) for i in range(start, stop)]
