"""The window's geometry and splitter, kept in the profile's window.ini (QSettings holds nothing else).

The first start is sized to the screen's available area (maximised on a small laptop screen); a saved geometry
that no longer fits any screen (a monitor unplugged, a lower resolution) is moved and shrunk onto one. The choices
are pure functions of rectangles, so they are tested without a display.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

SMALL_SCREEN = (1366, 768)  # at this size and below the window starts maximised
COMFORTABLE = (1400, 960)  # the largest first size on a bigger screen
SHARE = 0.85  # of the available area, when that is smaller than COMFORTABLE
# The sidebar's first width: a fifth of the window, within these (its rail takes ~80 px of it; the contents' titles
# get room on a wide window, the page on a narrow one).
SIDEBAR_SHARE, SIDEBAR_WIDTH = 0.21, (300, 400)


def first_geometry(available: QRect) -> tuple[QRect, bool]:
    """The first start's geometry for a screen whose available area is `available`, and whether to maximise."""
    if available.width() <= SMALL_SCREEN[0] or available.height() <= SMALL_SCREEN[1]:
        return QRect(available), True
    width = min(COMFORTABLE[0], int(available.width() * SHARE))
    height = min(COMFORTABLE[1], int(available.height() * SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect, False


def first_sidebar_width(window_width: int) -> int:
    return max(SIDEBAR_WIDTH[0], min(SIDEBAR_WIDTH[1], round(window_width * SIDEBAR_SHARE)))


def fitted_geometry(saved: QRect, screens: list[QRect]) -> QRect | None:
    """`saved` moved and shrunk onto the screen it overlaps most (the first when none), or None when it fits one."""
    if not screens or any(screen.contains(saved) for screen in screens):
        return None
    screen = max(screens, key=lambda s: _area(s.intersected(saved)))
    if _area(screen.intersected(saved)) == 0:
        screen = screens[0]
    width, height = min(saved.width(), screen.width()), min(saved.height(), screen.height())
    left = min(max(saved.left(), screen.left()), screen.left() + screen.width() - width)
    top = min(max(saved.top(), screen.top()), screen.top() + screen.height() - height)
    return QRect(left, top, width, height)


def _area(rect: QRect) -> int:
    return max(rect.width(), 0) * max(rect.height(), 0) if rect.isValid() else 0


class WindowState:
    """Restores the window's size and place and the sidebar's width; saves them when the window closes."""

    def __init__(self, profile_dir: Path) -> None:
        self.settings = QSettings(str(Path(profile_dir) / "window.ini"), QSettings.Format.IniFormat)
        self.start_maximised = False  # the first start on a small screen: `MainWindow.show_first` maximises

    def restore(self, window: QMainWindow, splitter: QSplitter) -> None:
        geometry = self.settings.value("geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            screen = window.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                rect, self.start_maximised = first_geometry(screen.availableGeometry())
                window.setGeometry(rect)
        elif not window.isMaximized() and not window.isFullScreen():
            fitted = fitted_geometry(window.geometry(), [s.availableGeometry() for s in QGuiApplication.screens()])
            if fitted is not None:
                window.setGeometry(fitted)
        state = self.settings.value("splitter")
        if state is not None:
            splitter.restoreState(state)
        else:
            sidebar = first_sidebar_width(window.width())
            splitter.setSizes([sidebar, max(window.width() - sidebar, 1)])

    def save(self, window: QMainWindow, splitter: QSplitter) -> None:
        self.settings.setValue("geometry", window.saveGeometry())
        self.settings.setValue("splitter", splitter.saveState())
        self.settings.sync()
