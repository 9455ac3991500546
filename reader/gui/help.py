"""The Help menu's windows: the shortcut overview (built from the window's actions) and the edition's details."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from reader import __version__
from reader.core.edition import Edition

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


def shortcuts_text(menu_bar: QMenuBar, actions: Iterable[QAction]) -> str:
    """Every command that has a key, as an HTML table grouped by the menu it is in (in the menu bar's order) and
    sorted by name within a group; built from the actions, so it never goes stale."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[str] = set()
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            groups.append((_plain(menu.title()), _rows(_menu_actions(menu), seen)))
    other = _rows(actions, seen)
    other += [
        (QCoreApplication.translate("MainWindow", "Zoeken in alle pagina's"), "Ctrl+K, Ctrl+L"),
        (QCoreApplication.translate("MainWindow", "Volgend of vorig element"), "Tab, Shift+Tab"),
    ]
    groups.append((QCoreApplication.translate("MainWindow", "Overig"), other))
    html = []
    for title, rows in groups:
        if not rows:
            continue
        html.append(f"<tr><th colspan='2' align='left'>{escape(title)}</th></tr>")
        for text, keys in sorted(rows, key=lambda row: row[0].casefold()):
            html.append(f"<tr><td>{escape(text)}</td><td><b>{escape(keys)}</b></td></tr>")
    return "<table cellspacing='4'>" + "".join(html) + "</table>"


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += _menu_actions(submenu)
        elif not action.isSeparator():
            found.append(action)
    return found


def _rows(actions: Iterable[QAction], seen: set[str]) -> list[tuple[str, str]]:
    """(name, keys) of the actions with a key not listed yet."""
    rows = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        text = _plain(action.text())
        if not keys or text in seen:
            continue
        seen.add(text)
        rows.append((text, keys))
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def show_shortcuts(window: MainWindow) -> None:
    box = QMessageBox(window)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Sneltoetsen"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(window.shortcuts_text())
    box.setAccessibleName(QCoreApplication.translate("MainWindow", "Sneltoetsen"))
    box.exec()


def about_text(edition: Edition) -> str:
    m = edition.manifest
    lines = [
        f"<b>{escape(edition.title)}</b>",
        QCoreApplication.translate("MainWindow", "Versie van de lezer: %1").replace("%1", escape(__version__)),
        QCoreApplication.translate("MainWindow", "Editie van %1").replace("%1", escape(edition.built_at[:10] or "?")),
        QCoreApplication.translate("MainWindow", "%1 pagina's").replace("%1", str(len(edition.pages))),
        QCoreApplication.translate("MainWindow", "Bron: %1").replace("%1", escape(str(m.get("source", "")))),
    ]
    return "<br>".join(lines)


def show_about(parent: QWidget, edition: Edition) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("MainWindow", "Over deze editie"), about_text(edition))
