"""What the window tells the user where they look: a message bar above the page, and the window title.

Every command answers in the bar (bookmark saved, link copied, zoom, PDF saved, checklist progress): it sits on top
of the page, so it is seen on any screen, never covers what is read and hides itself after a few seconds. A screen
reader announces each message (QAccessibleAnnouncementEvent). An error can carry a way out as a button (no browser:
"Link kopiëren").
"""

from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QToolButton, QWidget

from reader.core.edition import PageInfo

SHORT = 5000  # ms a confirmation stays
LONG = 15000  # ms an error with a way out stays


class MessageSink(Protocol):
    """What the command helpers need to say something (QStatusBar's method, so either can stand in)."""

    def showMessage(self, text: str, timeout: int = 0) -> None: ...


class MessageBar(QFrame):
    """A one-line, non-modal message above the page, with an optional button; hides after its timeout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label = QLabel(self)
        self.label.setObjectName("messageText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # page titles and addresses are text, never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("messageAction")
        self.action_button.hide()
        self.action_button.clicked.connect(self._run_action)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("messageClose")
        self.close_button.setText("\u2715")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.clearMessage)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)
        self._action: Callable[[], object] | None = None
        self._retranslate()
        self.hide()

    def show_message(
        self,
        text: str,
        timeout: int = SHORT,
        *,
        action_text: str = "",
        on_action: Callable[[], object] | None = None,
        error: bool = False,
    ) -> None:
        """Show `text` (replacing any message) for `timeout` ms (0: until closed), announced to a screen reader."""
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self._action = on_action if action_text else None
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text))
        self.show()
        if timeout > 0:
            self._timer.start(timeout)
        else:
            self._timer.stop()
        # Imported on the first message, not at start-up (PySide makes the accessibility enums' types on import).
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        event = QAccessibleAnnouncementEvent(self, text)
        if error:
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # QStatusBar's name and meaning
        self.show_message(text, timeout if timeout > 0 else SHORT)

    def clearMessage(self) -> None:  # QStatusBar's name
        self._timer.stop()
        self._action = None
        self.label.clear()
        self.hide()

    def currentMessage(self) -> str:  # QStatusBar's name
        return "" if self.isHidden() else self.label.text()

    def _run_action(self) -> None:
        action = self._action
        self.clearMessage()
        if action is not None:
            action()

    def _retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("MessageBar", "Melding"))
        self.close_button.setAccessibleName(QCoreApplication.translate("MessageBar", "Melding sluiten"))
        self.close_button.setToolTip(QCoreApplication.translate("MessageBar", "Melding sluiten"))

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def ask_open_external(parent: QWidget, url: QUrl) -> bool:
    """Show the address and ask before a link leaves the reader."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Externe link openen"))
    box.setText(QCoreApplication.translate("MainWindow", "Deze link gaat naar internet en opent in je eigen browser:"))
    box.setInformativeText(url.toDisplayString())
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAccessibleName(QCoreApplication.translate("MainWindow", "Externe link openen"))
    return box.exec() == QMessageBox.StandardButton.Open


def open_in_browser(url: QUrl, bar: MessageBar) -> bool:
    """Hand `url` to the system browser; when none starts, say so and offer to copy the address."""
    if QDesktopServices.openUrl(url):
        return True
    address = url.toString()
    text = QCoreApplication.translate("MessageBar", "Er kon geen browser worden gestart voor %1").replace("%1", address)

    def copy() -> None:
        QGuiApplication.clipboard().setText(address)
        bar.show_message(QCoreApplication.translate("MessageBar", "Link gekopieerd: %1").replace("%1", address))

    bar.show_message(text, LONG, action_text=QCoreApplication.translate("MessageBar", "Link kopi\u00ebren"),
                     on_action=copy, error=True)
    return False


def window_title(info: PageInfo | None, app_name: str, edition_title: str) -> str:
    """The page's heading (its first level-1 heading, else its title), then the app; the edition before a page."""
    if info is None:
        return f"{app_name} \u2014 {edition_title}" if edition_title else app_name
    heading = next((text for level, text, _anchor in info.headings if level == 1 and text.strip()), "")
    return f"{(heading or info.title or info.id).strip()} \u2014 {app_name}"
