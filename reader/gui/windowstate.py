"""The window's geometry and splitter, kept in the profile's window.ini (QSettings holds nothing else)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


class WindowState:
    """Restores the window's size and place and the sidebar's width; saves them when the window closes."""

    def __init__(self, profile_dir: Path) -> None:
        self.settings = QSettings(str(Path(profile_dir) / "window.ini"), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow, splitter: QSplitter) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        state = self.settings.value("splitter")
        if state is not None:
            splitter.restoreState(state)

    def save(self, window: QMainWindow, splitter: QSplitter) -> None:
        self.settings.setValue("geometry", window.saveGeometry())
        self.settings.setValue("splitter", splitter.saveState())
        self.settings.sync()
