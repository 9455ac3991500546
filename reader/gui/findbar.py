"""Find in page: Ctrl+F opens the bar, Enter/F3 next, Shift+Enter/Shift+F3 previous, Escape closes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWebEngineCore import QWebEngineFindTextResult, QWebEnginePage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, page: QWebEnginePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.page = page
        self.matches = 0
        self.active = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.close_button = QToolButton(self)
        self.close_button.setText("\u2715")
        for widget in (self.label, self.field, self.previous_button, self.next_button, self.count_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAutoRaise(True)
        self.field.textChanged.connect(lambda _text: self.find_text(forward=True, restart=True))
        self.field.returnPressed.connect(lambda: self.find_text(forward=True))
        self.next_button.clicked.connect(lambda: self.find_text(forward=True))
        self.previous_button.clicked.connect(lambda: self.find_text(forward=False))
        self.close_button.clicked.connect(self.close_bar)
        page.findTextFinished.connect(self._on_result)
        self.field.installEventFilter(self)
        self._retranslate()
        self.hide()

    def _retranslate(self) -> None:
        self.label.setText(self.tr("&Zoeken op pagina:"))
        self.field.setPlaceholderText(self.tr("Tekst op deze pagina"))
        self.field.setAccessibleName(self.tr("Zoeken op deze pagina"))
        self.previous_button.setText(self.tr("Vorige"))
        self.previous_button.setAccessibleName(self.tr("Vorige overeenkomst"))
        self.previous_button.setToolTip(self.tr("Vorige overeenkomst (Shift+F3)"))
        self.next_button.setText(self.tr("Volgende"))
        self.next_button.setAccessibleName(self.tr("Volgende overeenkomst"))
        self.next_button.setToolTip(self.tr("Volgende overeenkomst (F3)"))
        self.close_button.setAccessibleName(self.tr("Zoekbalk sluiten"))
        self.close_button.setToolTip(self.tr("Sluiten (Esc)"))
        self.count_label.setAccessibleName(self.tr("Aantal overeenkomsten"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def open_with_selection(self) -> None:
        """Ctrl+F: the selected text (one line of it) becomes the search text, as in a browser."""
        selected = self.page.selectedText().strip()
        if selected and "\n" not in selected and len(selected) <= 200:
            self.field.setText(selected)
        self.open_bar()

    def find_next(self, forward: bool = True) -> None:
        """F3 / Shift+F3: the next or previous match; the bar opens first when it is closed."""
        if not self.isVisible():
            self.open_bar()
        else:
            self.find_text(forward=forward)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.find_text(forward=True, restart=True)

    def close_bar(self) -> None:
        self.page.findText("")  # clears the highlights
        self.matches = self.active = 0
        self._show_count()
        self.hide()
        self.closed.emit()

    # Not `find`: that name is QWidget's (a static lookup by window id).
    def find_text(self, *, forward: bool = True, restart: bool = False) -> None:
        text = self.field.text()
        if not text:
            self.page.findText("")
            self.matches = self.active = 0
            self._show_count()
            return
        if restart:
            self.page.findText("")  # a new word starts at the top, not after the last match of the old one
        flags = QWebEnginePage.FindFlag(0) if forward else QWebEnginePage.FindFlag.FindBackward
        self.page.findText(text, flags)

    def _on_result(self, result: QWebEngineFindTextResult) -> None:
        if not self.isVisible() or not self.field.text():
            return
        self.matches = result.numberOfMatches()
        self.active = result.activeMatch()
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif self.matches == 0:
            self.count_label.setText(self.tr("Niet gevonden"))
        else:
            text = self.tr("%1 van %2").replace("%1", str(self.active)).replace("%2", str(self.matches))
            self.count_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                self.find_text(forward=False)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)


FIND_NEXT = QKeySequence.StandardKey.FindNext
FIND_PREVIOUS = QKeySequence.StandardKey.FindPrevious
