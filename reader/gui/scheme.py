"""Serves the edition through the reader's own URL scheme (no HTTP server, no port anyone else can reach)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from reader.core.edition import resolve_url

log = logging.getLogger("reader.scheme")


class EditionSchemeHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, edition_root: Path, resources_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edition_root = Path(edition_root)
        self.resources_root = Path(resources_root)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl().toString()
        if bytes(job.requestMethod().data()) != b"GET":
            log.warning("refused %s %s", bytes(job.requestMethod().data()).decode(errors="replace"), url)
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        served = resolve_url(url, self.edition_root, self.resources_root)
        if served is None:
            log.info("not found: %s", url)
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        try:
            data = served.path.read_bytes()
        except OSError as exc:
            log.warning("cannot read %s: %s", served.path, exc)
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        buffer = QBuffer(job)  # parented to the job: freed with it
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(served.mime.encode(), buffer)
