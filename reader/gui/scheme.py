"""Serves the edition through the reader's own URL scheme (no HTTP server, no port anyone else can reach)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from reader.core.edition import resolve_url
from reader.core.links import app_url, parse_reader_url

log = logging.getLogger("reader.scheme")

# App paths under this prefix are pages the window generates (e.g. "what changed"), served from memory, never files.
GENERATED_PREFIX = "generated/"


class EditionSchemeHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, edition_root: Path, resources_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edition_root = Path(edition_root)
        self.resources_root = Path(resources_root)
        self.generated: dict[str, bytes] = {}  # name -> a complete HTML document (UTF-8)

    def serve_generated(self, name: str, html: str) -> str:
        """Serve `html` (made by the window, every corpus string in it escaped) at app path generated/`name`, in
        place of what was there; returns its URL. No size limit (unlike setHtml)."""
        self.generated[name] = html.encode("utf-8")
        return app_url(GENERATED_PREFIX + name)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl().toString()
        if bytes(job.requestMethod().data()) != b"GET":
            log.warning("refused %s %s", bytes(job.requestMethod().data()).decode(errors="replace"), url)
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        target = parse_reader_url(url)
        if target is not None and target.kind == "app" and target.path.startswith(GENERATED_PREFIX):
            page = self.generated.get(target.path[len(GENERATED_PREFIX):])
            if page is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            self._reply(job, b"text/html;charset=utf-8", page)
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
        self._reply(job, served.mime.encode(), data)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        buffer = QBuffer(job)  # parented to the job: freed with it
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)
