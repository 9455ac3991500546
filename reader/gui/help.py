"""The Help menu's windows: the shortcut overview (built from the window's actions) and the edition's details."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.edition import Edition

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


def shortcuts_text(actions: Iterable[QAction]) -> str:
    """Every command that has a key, as an HTML table (built from the actions, so it never goes stale)."""
    rows = []
    seen: set[str] = set()
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        text = action.text().replace("&", "")
        if not keys or text in seen:
            continue
        seen.add(text)
        rows.append(f"<tr><td>{escape(text)}</td><td><b>{escape(keys)}</b></td></tr>")
    extra = [
        (QCoreApplication.translate("MainWindow", "Zoeken in alle pagina's"), "Ctrl+K, Ctrl+L"),
        (QCoreApplication.translate("MainWindow", "Volgend of vorig element"), "Tab, Shift+Tab"),
    ]
    rows += [f"<tr><td>{escape(t)}</td><td><b>{escape(k)}</b></td></tr>" for t, k in extra]
    return "<table cellspacing='4'>" + "".join(rows) + "</table>"


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
        QCoreApplication.translate("MainWindow", "Editie van %1").replace("%1", escape(edition.built_at[:10] or "?")),
        QCoreApplication.translate("MainWindow", "%1 pagina's").replace("%1", str(len(edition.pages))),
        QCoreApplication.translate("MainWindow", "Bron: %1").replace("%1", escape(str(m.get("source", "")))),
    ]
    return "<br>".join(lines)


def show_about(parent: QWidget, edition: Edition) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("MainWindow", "Over deze editie"), about_text(edition))
