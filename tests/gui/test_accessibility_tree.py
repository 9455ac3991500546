"""The Qt accessibility tree: every interactive widget of the window (toolbar, menu bar, sidebar panels, find bar,
message bar, library page) and of the dialogs it opens has an accessible name and a role that says what it is, as a
screen reader gets them through QAccessible.

Interactive: what a user operates (buttons, fields, lists and trees, tab bars, the menu bar, check boxes, combo
boxes), visible or not (a hidden panel is shown later). Left out on purpose: scroll bars and header views (they take
no focus; the tree's table interface presents its columns) and Qt's own overflow buttons (`qt_*`).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

pytestmark = pytest.mark.gui

INTERACTIVE = (
    QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QTextEdit,
    QPlainTextEdit, QMenuBar,
)
GENERIC_ROLES = {QAccessible.Role.NoRole, QAccessible.Role.Client, QAccessible.Role.Pane, QAccessible.Role.Grouping}


def _describe(widget: QWidget) -> str:
    chain, parent = [], widget
    while parent is not None and len(chain) < 4:
        chain.append(f"{type(parent).__name__}#{parent.objectName()}")
        parent = parent.parentWidget()
    return " < ".join(chain)


def _problems(root: QWidget) -> tuple[list[str], int]:
    """(what lacks a name or a role, how many widgets were checked) under `root`."""
    problems, checked = [], 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, (QScrollBar, QHeaderView)):
            continue
        if widget.objectName().startswith("qt_") and isinstance(widget, QAbstractButton):
            continue  # Qt's own extension buttons of a menu bar or toolbar
        checked += 1
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or not iface.isValid():
            problems.append(f"no accessible interface: {_describe(widget)}")
            continue
        if not iface.text(QAccessible.Text.Name).strip():
            problems.append(f"no name: {_describe(widget)} (role {iface.role().name})")
        if iface.role() in GENERIC_ROLES:
            problems.append(f"generic role {iface.role().name}: {_describe(widget)}")
    return problems, checked


def _in_dialog(qtbot, open_it) -> tuple[list[str], int, str]:
    """Run `open_it` (which may block in exec()), check the dialog it shows, close it."""
    found: list[tuple[list[str], int, str]] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
        if dialog is None:
            QTimer.singleShot(50, inspect)
            return
        found.append((*_problems(dialog), dialog.windowTitle()))
        dialog.close()

    QTimer.singleShot(100, inspect)
    open_it()
    qtbot.waitUntil(lambda: bool(found), timeout=5000)
    return found[0]


def test_every_interactive_widget_has_a_name_and_a_role(open_reader, qtbot, nerds_edition):
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    qtbot.waitUntil(lambda: window.late_panels() is not None, timeout=5000)
    # What shows only now and then: the find bar, a message with its button, the tab bar, every sidebar tab, the
    # library page.
    window.open_find_bar()
    window.feedback.show_message("Proef", 60000, action_text="Actie", on_action=lambda: None)
    window.tabs.open_page(window.edition.home_page, None)  # two tabs: the tab bar, its close buttons
    assert window.tabs.bar.isVisible()
    for index in range(window.sidebar.count()):
        window.sidebar.setCurrentIndex(index)
    window.corpora.show_library()
    problems, checked = _problems(window)
    assert checked >= 30  # toolbar, menu bar, the sidebar panels, find bar, message bar, library page (38 today)
    assert problems == [], "\n".join(problems)
    # The page itself: the view is named, and Chromium's document hangs under it.
    view = QAccessible.queryAccessibleInterface(window.view)
    assert view.text(QAccessible.Text.Name)
    # Every menu entry says what it does.
    empty = [
        f"{menu.title()}: {action.objectName()}"
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if not action.isSeparator() and not action.text().replace("&", "").strip()
    ]
    assert empty == []


def test_dialogs_have_names_and_roles(open_reader, qtbot, nerds_edition):
    from reader.gui import help as reader_help
    from reader.gui.library.add_dialog import dialog_for

    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    seen = [
        _in_dialog(qtbot, lambda: reader_help.show_shortcuts(window)),
        _in_dialog(qtbot, lambda: reader_help.show_about(window, window.edition)),
        _in_dialog(qtbot, lambda: window.ask_open_external(QUrl("https://example.org/"))),
    ]
    add = dialog_for(window)
    add.show()
    seen.append((*_problems(add), add.windowTitle()))
    add.close()
    for problems, checked, title in seen:
        assert title and checked >= 1
        assert problems == [], title


def test_the_check_finds_an_unnamed_widget(qtbot):
    """The walk itself: an icon-only button without text or name is reported, and naming it clears the report."""
    from PySide6.QtWidgets import QToolButton, QVBoxLayout

    from reader.gui.accessibility import name_widgets

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    button = QToolButton(root)
    field = QLineEdit(root)
    field.setClearButtonEnabled(True)
    field.setAccessibleName("Veld")
    layout.addWidget(button)
    layout.addWidget(field)
    problems, _checked = _problems(root)
    assert len(problems) == 2  # the button, and the field's clear button
    button.setAccessibleName("Knop")
    name_widgets(root)
    assert _problems(root)[0] == []


@pytest.mark.usefixtures("back_to_dutch")
def test_names_follow_the_interface_language(open_reader, nerds_edition, english_qm):
    from PySide6.QtGui import QAction

    from reader.gui.accessibility import CLEAR_ACTION

    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    clear = window.search_field.findChild(QAction, CLEAR_ACTION)
    assert clear.text() == "Veld leegmaken"
    assert QAccessible.queryAccessibleInterface(window.menuBar()).text(QAccessible.Text.Name) == "Menubalk"
    window.language_actions["en"].trigger()
    assert clear.text() == "Clear field"
    assert window.menuBar().accessibleName() == "Menu bar"
    window.language_actions["nl"].trigger()
    assert clear.text() == "Veld leegmaken"
