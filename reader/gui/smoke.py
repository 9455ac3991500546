"""`open --smoke-test`: load pages in the real window and report what the engine really shows, as JSON lines.

After the pages, one record per corpus file the pages link to (`"kind": "attachment"` or `"asset"`, `"page":
"asset/<path>"`): the file as the scheme handler would serve it, checked without loading it in the view (an
attachment never is). Its `load_ok` says whether the link works, so a link to it counts as a working link.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Callable, TextIO

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWebEngineCore import QWebEngineScript

from reader.core.edition import attachment_file, opens_in_view
from reader.core.links import page_url, parse_reader_url
from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.smoke")

# Runs in the ApplicationWorld (corpus JavaScript is off); runJavaScript returns only scalars, hence JSON.
PROBE_JS = """
JSON.stringify({
  title: document.title,
  text: document.body ? document.body.innerText : "",
  links: Array.from(document.querySelectorAll("a[href]")).map(a => a.href),
  images: Array.from(document.images).map(i => ({src: i.currentSrc || i.src, loaded: i.complete && i.naturalWidth > 0}))
})
"""

PAGE_TIMEOUT_MS = 20000


class SmokeRunner(QObject):
    """Opens each page in turn; after loadFinished probes the DOM and writes one JSON object per page."""

    def __init__(
        self,
        window: MainWindow,
        pages: list[str],
        out: TextIO,
        process_start: float,
        done: Callable[[bool], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.pages = list(pages)
        self.out = out
        self.process_start = process_start
        self.done = done
        self.all_ok = True
        self._index = -1
        self._assets: dict[str, None] = {}  # asset URLs the pages link to, in order, without fragments
        self._started = 0.0
        self._guard = window.locked_profile.guard
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        window.page.loadFinished.connect(self._loaded)

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        self._index += 1
        if self._index >= len(self.pages):
            self.window.page.loadFinished.disconnect(self._loaded)
            for url in self._assets:
                self._report_asset(url)
            self.done(self.all_ok)
            return
        page_id = self.pages[self._index]
        self.window.page.console.clear()
        self._guard.blocked.clear()
        self._started = self.process_start if self._index == 0 else time.time()
        self._timer.start(PAGE_TIMEOUT_MS)
        self.window.open_page(page_id)

    def _loaded(self, ok: bool) -> None:
        if not self._timer.isActive():
            return  # a late signal after a time-out
        self._timer.stop()
        ms = (time.time() - self._started) * 1000.0
        page_id = self.pages[self._index]
        self.window.page.runJavaScript(
            PROBE_JS,
            QWebEngineScript.ScriptWorldId.ApplicationWorld,
            lambda result: self._report(page_id, ok, ms, result),
        )

    def _timed_out(self) -> None:
        self._report(self.pages[self._index], False, float(PAGE_TIMEOUT_MS), None)

    def _report(self, page_id: str, ok: bool, ms: float, probe: object) -> None:
        try:
            data = json.loads(probe) if isinstance(probe, str) and probe else {}
        except ValueError:
            data = {}
        record = {
            "page": page_id,
            "url": page_url(page_id),
            "load_ok": bool(ok and data),
            "title": data.get("title", ""),
            "text": data.get("text", ""),
            "links": data.get("links", []),
            "images": data.get("images", []),
            "console": list(self.window.page.console),
            "blocked": list(self._guard.blocked),
            "ms": round(ms, 1),
        }
        self.all_ok = self.all_ok and record["load_ok"]
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        for href in record["links"]:
            target = parse_reader_url(href) if isinstance(href, str) else None
            if target is not None and target.kind == "asset":
                self._assets.setdefault(href.split("#", 1)[0], None)
        self._next()

    def _report_asset(self, url: str) -> None:
        """A linked corpus file: found in the edition as the scheme handler finds it, readable, with its type."""
        started = time.time()
        target = parse_reader_url(url)
        path = target.path if target is not None else url
        served = attachment_file(url, self.window.edition.root)
        size, ok = 0, False
        if served is not None:
            try:
                size = served.path.stat().st_size
                with served.path.open("rb") as handle:
                    handle.read(1)
                ok = True
            except OSError as exc:
                log.warning("cannot read %s: %s", served.path, exc)
        name = path.rsplit("/", 1)[-1]
        record: dict[str, object] = {
            "page": "asset/" + path,
            "url": url,
            "kind": "asset" if opens_in_view(path) else "attachment",
            "load_ok": ok,
            "title": name,
            "text": f"{name} ({size} bytes, {served.mime})" if ok and served is not None else "",
            "links": [],
            "images": [],
            "console": [],
            "blocked": [],
            "ms": round((time.time() - started) * 1000.0, 1),
        }
        self.all_ok = self.all_ok and ok
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
