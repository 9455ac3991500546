"""Print and export to PDF. Every printout carries a footer: page title, corpus edition and date, page id.

The app's page script (resources/js/outline.js, `rlReader.setFooter`) puts the footer into a CSS page-margin box
(`@page { @bottom-left }`) just before printing and removes it afterwards: it repeats on every sheet and, living in
the margin, never covers text (the document's own `.rl-print-footer` element stays empty).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from reader.core.edition import Edition

log = logging.getLogger("reader.print")

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld


def footer_text(edition: Edition, page_id: str) -> str:
    info = edition.pages.get(page_id)
    title = info.title if info is not None else page_id
    date = edition.built_at[:10]
    corpus = edition.title
    if date:
        corpus = QCoreApplication.translate("Printing", "%1, editie van %2").replace("%1", corpus).replace("%2", date)
    return f"{title} \u00b7 {corpus} \u00b7 {page_id}"


# Left, top, right, bottom in millimetres, as page.css's @page rule: Chromium takes the margins Qt passes.
MARGINS_MM = (16.0, 18.0, 16.0, 20.0)


def default_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter
    )


def _footer_js(text: str) -> str:
    return f"(window.rlReader ? window.rlReader.setFooter({json.dumps(text)}) : false)"


class PdfExport(QObject):
    """One PDF export: fill the footer, print to `path`, empty the footer, then call `done(path, ok)`."""

    def __init__(self, page: QWebEnginePage, footer: str, path: Path, done: Callable[[str, bool], None]) -> None:
        super().__init__(page)
        self.page = page
        self.footer = footer
        self.path = Path(path)
        self.done = done

    def start(self) -> None:
        self.page.runJavaScript(_footer_js(self.footer), WORLD, self._print)

    def _print(self, _result: object = None) -> None:
        self.page.pdfPrintingFinished.connect(self._finished)
        self.page.printToPdf(str(self.path), default_layout())

    def _finished(self, path: str, ok: bool) -> None:
        self.page.pdfPrintingFinished.disconnect(self._finished)
        self.page.runJavaScript(_footer_js(""), WORLD)
        if not ok:
            log.warning("PDF export to %s failed", path)
        try:
            self.done(path, ok)
        finally:
            self.deleteLater()


def export_pdf(page: QWebEnginePage, footer: str, path: Path, done: Callable[[str, bool], None]) -> PdfExport:
    job = PdfExport(page, footer, path, done)
    job.start()
    return job


class PrintJob(QObject):
    """Print on a QPrinter the user chose; the printer must live until the view reports the job finished."""

    def __init__(self, view, printer, footer: str, done: Callable[[bool], None]) -> None:  # noqa: ANN001
        super().__init__(view)
        self.view = view
        self.printer = printer
        self.footer = footer
        self.done = done

    def start(self) -> None:
        self.view.page().runJavaScript(_footer_js(self.footer), WORLD, self._print)

    def _print(self, _result: object = None) -> None:
        self.view.printFinished.connect(self._finished)
        self.view.print(self.printer)

    def _finished(self, ok: bool) -> None:
        self.view.printFinished.disconnect(self._finished)
        self.view.page().runJavaScript(_footer_js(""), WORLD)
        try:
            self.done(ok)
        finally:
            self.printer = None
            self.deleteLater()
