"""Print and export to PDF: the dialogs, the jobs and what the reader is told afterwards. Every printout carries a
footer: page title, corpus edition and date, page id; and page numbers ("Pagina 2 van 5") bottom right.

The app's page script (resources/js/outline.js, `rlReader.setFooter`) puts the footer into a CSS page-margin box
(`@page { @bottom-left }`) just before printing and removes it afterwards: it repeats on every sheet and, living in
the margin, never covers text (the document's own `.rl-print-footer` element stays empty).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from reader.core.edition import Edition
from reader.gui.feedback import MessageSink

# QtPrintSupport, the page-layout classes and the dialogs are imported when the reader first prints, not at start-up:
# PySide makes a Python enum type of each of their enums when the class is first imported (QPageSize.PageSizeId
# alone has 125 members), ~10 ms before the first page.
if TYPE_CHECKING:
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

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
    from PySide6.QtGui import QPageLayout, QPageSize

    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(*MARGINS_MM),
        QPageLayout.Unit.Millimeter,
    )


def page_number_content(template: str) -> str:
    """CSS `content` for a page-margin box from "Pagina %1 van %2": %1 the sheet's number, %2 the number of sheets."""
    parts = []
    for piece in re.split(r"(%1|%2)", template):
        if piece == "%1":
            parts.append("counter(page)")
        elif piece == "%2":
            parts.append("counter(pages)")
        elif piece:
            escaped = piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
            parts.append(f'"{escaped}"')
    return " ".join(parts) or '""'


def page_numbers_css() -> str:
    """The bottom-right page-margin box with "Pagina X van Y", beside the footer (bottom-left, outline.js); its fixed
    width leaves the rest of the margin to the footer (without one Chromium halves it and cuts the footer short)."""
    content = page_number_content(QCoreApplication.translate("Printing", "Pagina %1 van %2"))
    return (
        f"@page {{ @bottom-right {{ content: {content}; font-family: sans-serif; font-size: 8pt; color: #333333;"
        " vertical-align: top; padding-top: 4mm; text-align: right; white-space: nowrap; width: 28mm; } }"
    )


# Page numbers in their own style element, put in just before printing and taken out afterwards (as the footer).
_PAGES_JS = """(function (css) {
  var style = document.getElementById("rl-print-pages-style");
  if (!css) { if (style) style.remove(); return true; }
  if (!style) {
    style = document.createElement("style");
    style.id = "rl-print-pages-style";
    (document.head || document.documentElement).appendChild(style);
  }
  style.textContent = css;
  return true;
})(%s)"""


def _footer_js(text: str) -> str:
    """Footer and page numbers on (`text`) or off ("")."""
    pages = _PAGES_JS % json.dumps(page_numbers_css() if text else "")
    return f"{pages}; (window.rlReader ? window.rlReader.setFooter({json.dumps(text)}) : false)"


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

    def __init__(self, view: QWebEngineView, printer: QPrinter, footer: str, done: Callable[[bool], None]) -> None:
        super().__init__(view)
        self.view = view
        self.printer: QPrinter | None = printer
        self.footer = footer
        self.done = done

    def start(self) -> None:
        self.view.page().runJavaScript(_footer_js(self.footer), WORLD, self._print)

    def _print(self, _result: object = None) -> None:
        if self.printer is None:  # finished already
            return
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


class PrintCommands(QObject):
    """File > Print and File > Export as PDF for the page the window shows, with the dialogs and the status bar.

    The strings keep the "MainWindow" context they had when the window printed itself.
    """

    pdf_exported = Signal(str, bool)  # path, ok

    def __init__(
        self,
        window: QWidget,
        view: QWebEngineView,
        page: QWebEnginePage,
        status: MessageSink,
        edition: Edition,
        current_page_id: Callable[[], str | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self._page = page
        self._status = status
        self._edition = edition
        self._current_page_id = current_page_id
        self._print_job: PrintJob | None = None  # keeps the printer alive until the view is done

    def set_edition(self, edition: Edition) -> None:
        """The window switched corpus (or edition): footers name the new one."""
        self._edition = edition

    def footer_text(self) -> str:
        return footer_text(self._edition, self._current_page_id() or "")

    def export_pdf(self, path: Path) -> None:
        """Write the current page as PDF to `path`; `pdf_exported(path, ok)` follows."""
        def done(written: str, ok: bool) -> None:
            if ok:
                text = QCoreApplication.translate("MainWindow", "PDF opgeslagen: %1")
                self._status.showMessage(text.replace("%1", written), 5000)
            else:
                title = QCoreApplication.translate("MainWindow", "Exporteren mislukt")
                text = QCoreApplication.translate("MainWindow", "De PDF kon niet worden opgeslagen: %1")
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self._window, title, text.replace("%1", written))
            self.pdf_exported.emit(written, ok)

        export_pdf(self._page, self.footer_text(), Path(path), done)

    def export_pdf_dialog(self) -> None:
        page_id = self._current_page_id() or "pagina"
        suggestion = str(Path.home() / (page_id.replace("/", "-") + ".pdf"))
        title = QCoreApplication.translate("MainWindow", "Exporteren als PDF")
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self._window, title, suggestion, QCoreApplication.translate("MainWindow", "PDF-bestanden (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.export_pdf(Path(path))

    def print_page(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(default_layout())  # the margins hold the footer
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Afdrukken"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return

        def done(ok: bool) -> None:
            self._status.showMessage(
                QCoreApplication.translate("MainWindow", "Afgedrukt")
                if ok
                else QCoreApplication.translate("MainWindow", "Afdrukken mislukt"),
                4000,
            )

        self._print_job = PrintJob(self._view, printer, self.footer_text(), done)
        self._print_job.start()
