"""Per-page work of a build spread over forked worker processes, in page order, with the serial result.

A build's pages are independent once the corpus is known: each is parsed, rendered and written on its own. On Linux
the workers are forked, so they start in a few ms with everything the parent has (the corpus, the Markdown
converter's imports, caches) and nothing has to be pickled but page keys and results. Forking is only done where it
is safe: never in a process with other threads running (a fork copies locks held by other threads; a Qt application
runs threads), and never where threads cannot be counted (there the work stays serial). The result is the serial result:
results come back in input order, and `progress` is called for every item in order, as the serial loop would
(in bursts, as results arrive). The first item is always done in the parent, before forking. A pool that cannot
start or loses a worker leaves the remaining items to the parent; an exception raised by the work itself
propagates as it would have serially.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

log = logging.getLogger("reader.parallel")

T = TypeVar("T")
R = TypeVar("R")
WORKERS_ENV = "RICHTLIJNENLEZER_BUILD_WORKERS"
MAX_WORKERS = 4
# Below this many pages a pool costs more than it saves (forking, warming up and sending results back cost
# 0.05-0.2 s of CPU on 25-40 pages, which gained nothing with other work on the machine; a page takes 3-30 ms).
MIN_ITEMS = 48

# What the forked workers run: set by `ordered_map` right before it forks, read by `_run_chunk` in the child.
_job: tuple[Callable[[Any, Any], Any], Any] | None = None


def fork_is_safe() -> bool:
    """Whether forking this process is safe: POSIX fork and no other thread running (Python's or native ones, such
    as a Qt application's: a fork copies the locks they hold, never the threads that would release them). Only
    where /proc counts a process's threads (Linux); elsewhere the work stays serial (macOS also forbids forking
    after some of its system frameworks have started)."""
    if not hasattr(os, "fork"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every thread of the process, native ones included
    except OSError:
        return False


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
    if workers > 1 and len(items) > 2:
        return _forked(work, context, items, workers, progress)
    out = []
    for index, item in enumerate(items):
        if progress is not None:
            progress(index, item)
        out.append(work(context, item))
    return out


def _chunks(count: int, workers: int, first: int = 0) -> list[range]:
    """Small contiguous chunks of range(first, count) (about 4 per worker, at most 16 items): pages differ a lot in
    cost, so small chunks keep the workers busy to the end, and a chunk's results travel back in one message."""
    size = max(1, min(16, -(-(count - first) // (workers * 4))))
    return [range(i, min(i + size, count)) for i in range(first, count, size)]


def _forked(
    work: Callable[[Any, T], R], context: Any, items: Sequence[T], workers: int,
    progress: Callable[[int, T], None] | None,
) -> list[R]:
    import multiprocessing  # here: a small corpus never starts a pool, and these cost ~10 ms to import
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # The first item is done here, before forking: what the work sets up on first use (the Markdown converter,
    # Pygments lexers, the corpus's lookup tables) is then made once and inherited, not once per worker.
    if progress is not None:
        progress(0, items[0])
    out: list[R] = [work(context, items[0])]
    global _job
    _job = (work, (context, items))
    chunks = _chunks(len(items), workers, first=1)
    log.debug("%d items in %d worker processes, %d chunks", len(items), min(workers, len(chunks)), len(chunks))
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork"))
    try:
        try:  # forking happens here
            futures = [pool.submit(_run_chunk, chunk.start, chunk.stop) for chunk in chunks]
        except (OSError, BrokenProcessPool) as exc:
            log.warning("cannot start build workers (%s); the pages are done in one process", exc)
            futures = []
        for chunk, future in zip(chunks, futures, strict=False):
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
