"""Accessible names for the widgets Qt makes without one: the clear button inside a line edit (its action has no
text, so a screen reader says "button") and the menu bar. The window calls `name_widgets` after each page load: the
late panels (bookmark filter) exist by then, and it only touches what is still unnamed.

tests/gui/test_accessibility_tree.py walks every interactive widget and checks its name and role.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenuBar, QWidget

CLEAR_ACTION = "_q_qlineeditclearaction"  # Qt's name for the action behind QLineEdit.setClearButtonEnabled


def name_widgets(root: QWidget) -> None:
    """Give the unnamed clear buttons and menu bars under `root` (and `root` itself) a name."""
    clear = QCoreApplication.translate("Accessibility", "Veld leegmaken")
    for field in root.findChildren(QLineEdit):
        action = field.findChild(QAction, CLEAR_ACTION)
        if action is not None and not action.text():
            action.setText(clear)  # the button takes its name (and tooltip) from its action
            action.setToolTip(clear)
    bars = root.findChildren(QMenuBar) + ([root] if isinstance(root, QMenuBar) else [])
    for bar in bars:
        if not bar.accessibleName():
            bar.setAccessibleName(QCoreApplication.translate("Accessibility", "Menubalk"))
