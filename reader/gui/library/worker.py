"""Work off the GUI thread (verifying a pack, diffing two editions): the window's event loop never waits for it.

A `Worker` is a QThread without a parent, kept alive by this module until it has finished, so that closing a window
while it runs never destroys a running thread; its result arrives through `succeeded(result)` or `failed(exception)`
in the GUI thread. Connect those to methods of QObjects (not lambdas) so a receiver that is gone is simply skipped.

The cyclic garbage collector is paused while a job runs. Measured: a diff allocates enough to start a full
collection in the worker thread, which walks the whole app's heap (QtWebEngine window included) holding the GIL,
41 ms here, and the event loop waits for it (the only gap over 25 ms while a diff ran). A job's temporary objects
are freed by reference counting anyway; the collector resumes when the last job ends.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

from PySide6.QtCore import QCoreApplication, QThread, Signal

log = logging.getLogger("reader.library.worker")

_running: set[Worker] = set()
_waits_at_quit = False
_gc_lock = threading.Lock()
_gc_paused = 0  # jobs running with the collector paused
_gc_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection while any job inside this runs (nests across threads)."""
    global _gc_paused, _gc_was_enabled
    with _gc_lock:
        if _gc_paused == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_paused += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_paused -= 1
            if _gc_paused == 0 and _gc_was_enabled:
                gc.enable()


class Worker(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__(None)
        self._job = job
        self.finished.connect(self._done)

    def start_job(self) -> Worker:
        global _waits_at_quit
        if not _waits_at_quit:
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(wait_for_workers)  # a thread still running at exit would abort the app
                _waits_at_quit = True
        _running.add(self)
        self.start()
        return self

    def run(self) -> None:  # Qt's name
        try:
            with collector_paused():
                result = self._job()
        except Exception as exc:  # handed to the GUI thread, which says what went wrong
            log.info("background job failed: %r", exc)
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)

    def _done(self) -> None:
        _running.discard(self)
        self.deleteLater()


def wait_for_workers(timeout_ms: int = 30000) -> None:
    """Let every running job end (at exit, and in tests before a window goes)."""
    for worker in list(_running):
        worker.wait(timeout_ms)
