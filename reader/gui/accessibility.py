"""Accessible names for the widgets Qt makes without one: the clear button inside a line edit (its action has no
text, so a screen reader says "button") and the menu bar. The window calls `name_widgets` after each page load: the
late panels (bookmark filter) exist by then, and only what is still unnamed (or was named here) is touched. A switch
of interface language renames them (the helper is a child of the window, so Qt's LanguageChange reaches it).

tests/gui/test_accessibility_tree.py walks every interactive widget and checks its name and role.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenuBar, QWidget

log = logging.getLogger("reader.gui")

CLEAR_ACTION = "_q_qlineeditclearaction"  # Qt's name for the action behind QLineEdit.setClearButtonEnabled


class AccessibleNames(QObject):
    """Names the unnamed clear buttons and menu bars under `root`, and names them again in a new language."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        self._named: list[QObject] = []  # what this helper named (others' names are left alone)

    def apply(self) -> None:
        clear = QCoreApplication.translate("Accessibility", "Veld leegmaken")
        for field in self._root.findChildren(QLineEdit):
            action = field.findChild(QAction, CLEAR_ACTION)
            if action is not None and (not action.text() or action in self._named):
                action.setText(clear)  # the button takes its name (and tooltip) from its action
                action.setToolTip(clear)
                self._remember(action)
        bars = self._root.findChildren(QMenuBar) + ([self._root] if isinstance(self._root, QMenuBar) else [])
        for bar in bars:
            if not bar.accessibleName() or bar in self._named:
                bar.setAccessibleName(QCoreApplication.translate("Accessibility", "Menubalk"))
                self._remember(bar)

    def _remember(self, obj: QObject) -> None:
        if obj not in self._named:
            self._named.append(obj)
            obj.destroyed.connect(lambda _obj=None, o=obj: self._forget(o))

    def _forget(self, obj: QObject) -> None:
        self._named = [o for o in self._named if o is not obj]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            try:
                self.apply()
            except Exception:  # an exception escaping a Qt virtual takes the process down (PySide 6.12)
                log.exception("accessible names not retranslated")
        return super().event(event)


def name_widgets(root: QWidget) -> None:
    """Give the unnamed clear buttons and menu bars under `root` (and `root` itself) a name, in the current
    language, and keep them in the interface language from now on."""
    helper = root.findChild(AccessibleNames, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if not isinstance(helper, AccessibleNames):
        helper = AccessibleNames(root)
    helper.apply()
