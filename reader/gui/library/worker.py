"""Work off the GUI thread (verifying a pack, diffing two editions): the window's event loop never waits for it.

A `Worker` is a QThread without a parent, kept alive by this module until it has finished, so that closing a window
while it runs never destroys a running thread; its result arrives through `succeeded(result)` or `failed(exception)`
in the GUI thread. Connect those to methods of QObjects (not lambdas) so a receiver that is gone is simply skipped.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QThread, Signal

log = logging.getLogger("reader.library.worker")

_running: set[Worker] = set()


class Worker(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__(None)
        self._job = job
        self.finished.connect(self._done)

    def start_job(self) -> Worker:
        _running.add(self)
        self.start()
        return self

    def run(self) -> None:  # Qt's name
        try:
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
