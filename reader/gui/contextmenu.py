"""The reader's own context menus: the page's (instead of Chromium's) and the outline's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineCore import QWebEngineContextMenuRequest
from PySide6.QtWidgets import QMenu

from reader.core.edition import opens_in_view
from reader.core.links import EXTERNAL_SCHEMES, parse_reader_url

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


def build_page_menu(window: MainWindow, request: QWebEngineContextMenuRequest | None) -> QMenu:
    """Link commands (when over a link), Copy (when text is selected), then the window's page commands."""
    menu = QMenu(window)
    menu.setObjectName("pageContextMenu")
    link = QUrl(request.linkUrl()) if request is not None else QUrl()
    if link.isValid() and not link.isEmpty():
        target = parse_reader_url(link.toString())
        if target is not None and target.kind == "page":
            open_link = menu.addAction(QCoreApplication.translate("MainWindow", "Link openen"))
            open_link.setObjectName("openLink")
            open_link.triggered.connect(lambda: window.open_page(target.path, target.anchor))
            new_tab = menu.addAction(QCoreApplication.translate("MainWindow", "Openen in nieuw tabblad"))
            new_tab.setObjectName("openLinkInNewTab")
            new_tab.triggered.connect(lambda: window.tabs.open_page(target.path, target.anchor))
        elif target is not None and target.kind == "asset" and not opens_in_view(target.path):
            attachment = menu.addAction(QCoreApplication.translate("MainWindow", "Bijlage openen of opslaan\u2026"))
            attachment.setObjectName("openAttachment")
            attachment.triggered.connect(lambda: window.attachments.offer(link))
        elif link.scheme().lower() in EXTERNAL_SCHEMES:
            external = menu.addAction(QCoreApplication.translate("MainWindow", "Link openen in je browser\u2026"))
            external.setObjectName("openExternal")
            external.triggered.connect(lambda: window.confirm_external_link(link))
        copy_address = menu.addAction(QCoreApplication.translate("MainWindow", "Linkadres kopi\u00ebren"))
        copy_address.setObjectName("copyLinkAddress")
        copy_address.triggered.connect(lambda: QGuiApplication.clipboard().setText(link.toString()))
        menu.addSeparator()
    selected = request.selectedText() if request is not None else ""
    if selected:
        from reader.gui import cite

        menu.addAction(window.copy_action)
        cite_selection = menu.addAction(QCoreApplication.translate("Cite", "Citeer deze passage"))
        cite_selection.setObjectName("citeSelection")
        cite_selection.triggered.connect(lambda: cite.cite_selection(window, selected))
        menu.addSeparator()
    for action in (window.back_action, window.forward_action, window.home_action):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(window.copy_link_action)
    menu.addAction(window.bookmark_action)
    menu.addAction(window.bookmark_section_action)
    _add_cite_actions(window, menu, None, with_section=not selected)
    menu.addSeparator()
    menu.addAction(window.find_action)
    menu.addAction(window.print_action)
    return menu


def show_outline_menu(window: MainWindow, pos: QPoint) -> None:
    """Go to, copy a link to, or bookmark the heading under `pos` in the outline."""
    outline = window.outline
    item = outline.itemAt(pos)
    if item is None:
        return
    anchor = item.data(0, Qt.ItemDataRole.UserRole)
    menu = QMenu(window)
    go = menu.addAction(QCoreApplication.translate("MainWindow", "Naar deze kop"))
    go.triggered.connect(lambda: window.scroll_to_anchor(anchor))
    copy = menu.addAction(QCoreApplication.translate("MainWindow", "Link naar deze sectie kopi\u00ebren"))
    copy.triggered.connect(lambda: window.sections.copy_section_link(anchor))
    mark = menu.addAction(QCoreApplication.translate("MainWindow", "Bladwijzer voor deze sectie"))
    mark.triggered.connect(lambda: window.sections.bookmark_section(anchor))
    _add_cite_actions(window, menu, anchor)
    menu.popup(outline.viewport().mapToGlobal(pos))


def _add_cite_actions(window: MainWindow, menu: QMenu, anchor: str | None, *, with_section: bool = True) -> None:
    """Cite the section (`anchor`, default: the one being read) and open it on the corpus's public site."""
    from reader.gui import cite  # loaded with the first menu, not at start-up

    if with_section:
        cite_section = menu.addAction(QCoreApplication.translate("Cite", "Citeer deze sectie"))
        cite_section.setObjectName("citeSection")
        cite_section.triggered.connect(lambda: cite.cite_section(window, anchor))
    website = menu.addAction(QCoreApplication.translate("Cite", "Open op de website\u2026"))
    website.setObjectName("openOnWebsite")
    url = cite.public_url(window, anchor)
    website.setEnabled(bool(url))
    website.setToolTip(url or QCoreApplication.translate("Cite", "Deze bron heeft geen openbare website"))
    website.triggered.connect(lambda: cite.open_on_website(window, anchor))
