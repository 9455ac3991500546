"""The sidebar's tabs as a rail down its left edge: each tab an icon over its name (wrapped to two lines, elided
beyond), as a navigation rail. Six tabs side by side did not fit 340 px (Bladwijzers and Geschiedenis hid behind
scroll arrows even at 1920 px); stacked, they fit at every window width and need arrows only on a window too short
for them.

The widget stays a QTabWidget (the window and its tests use that API); only the bar lays out and paints otherwise.
The tab text stays the full name, so the accessible name and tooltips need nothing special.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHoverEvent, QIcon, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from reader.gui.themes import mix

ICON = 20  # px, the icon above each name
PAD = 6  # px around a tab's content
MIN_WIDTH, MAX_WIDTH = 64, 96  # the rail's width follows its longest word within these
MAX_LINES = 2
ACCENT = 3  # px, the bar that marks the current tab

R = QPalette.ColorRole


class RailTabBar(QTabBar):
    """A vertical tab bar whose tabs show an icon over a wrapped, horizontal name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebarTabBar")
        self.setDrawBase(False)
        self.setExpanding(False)
        self.setUsesScrollButtons(True)  # only a window shorter than the tabs needs them
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setIconSize(QSize(ICON, ICON))
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._hovered = -1
        self._width: tuple[tuple[str, tuple[str, ...]], int] | None = None  # (font, names) -> rail width

    # -- layout -------------------------------------------------------------------------------------------------
    def rail_width(self) -> int:
        # Qt asks every tab's size hint many times a layout; each needs the widest word of all names: kept.
        key = (self.font().key(), tuple(self.tabText(i) for i in range(self.count())))
        if self._width is None or self._width[0] != key:
            metrics = self.fontMetrics()
            widest = max((metrics.horizontalAdvance(word) for name in key[1] for word in name.split()),
                         default=MIN_WIDTH)
            self._width = (key, max(MIN_WIDTH, min(MAX_WIDTH, widest + 2 * PAD + ACCENT)))
        return self._width[1]

    def label_lines(self, index: int, width: int | None = None) -> list[str]:
        """The tab's name wrapped at spaces into at most MAX_LINES lines of `width` px; what does not fit is elided."""
        metrics = self.fontMetrics()
        width = width if width is not None else self.rail_width() - 2 * PAD - ACCENT
        lines: list[str] = []
        for word in self.tabText(index).split():
            joined = f"{lines[-1]} {word}" if lines else word
            if lines and metrics.horizontalAdvance(joined) <= width:
                lines[-1] = joined
            else:
                lines.append(word)
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], " ".join(lines[MAX_LINES - 1:])]
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]

    def tabSizeHint(self, index: int) -> QSize:  # Qt's name
        lines = len(self.label_lines(index))
        return QSize(self.rail_width(), PAD + ICON + 2 + lines * self.fontMetrics().height() + PAD)

    def minimumTabSizeHint(self, index: int) -> QSize:  # Qt's name: never squeezed (the names would be cut)
        return self.tabSizeHint(index)

    # -- painting -----------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        for index in range(self.count()):
            rect = self.tabRect(index)
            if not self.isTabVisible(index) or not rect.intersects(event.rect()):
                continue
            selected = index == self.currentIndex()
            # The current tab takes the panel's colour, so that it reads as joined to it; a hovered one is tinted.
            if selected:
                painter.fillRect(rect, palette.color(R.Base))
                painter.fillRect(QRect(rect.left(), rect.top(), ACCENT, rect.height()), palette.color(R.Highlight))
            elif index == self._hovered:
                painter.fillRect(rect, mix(palette.color(R.WindowText), palette.color(R.Window), 0.08))
            ink = palette.color(R.Text if selected else R.WindowText)
            if not self.isTabEnabled(index):
                ink = palette.color(QPalette.ColorGroup.Disabled, R.WindowText)
            icon = self.tabIcon(index)
            left = rect.left() + ACCENT
            inner = rect.width() - ACCENT
            if not icon.isNull():
                mode = QIcon.Mode.Normal if self.isTabEnabled(index) else QIcon.Mode.Disabled
                icon.paint(painter, QRect(left + (inner - ICON) // 2, rect.top() + PAD, ICON, ICON),
                           Qt.AlignmentFlag.AlignCenter, mode)
            painter.setPen(ink)
            top = rect.top() + PAD + ICON + 2
            for line in self.label_lines(index):
                painter.drawText(QRect(left, top, inner, metrics.height()), Qt.AlignmentFlag.AlignHCenter, line)
                top += metrics.height()
            if selected and self.hasFocus():
                self._paint_focus(painter, rect.adjusted(ACCENT + 2, 2, -2, -2), palette)
        painter.end()

    @staticmethod
    def _paint_focus(painter: QPainter, rect: QRect, palette: QPalette) -> None:
        """The keyboard focus: a ring in the highlight colour (the style's dotted rectangle was too faint)."""
        pen = QPen(QColor(palette.color(R.Highlight)))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    # -- input --------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        # QTabBar moves only on Left and Right; down a vertical rail, Up and Down are the keys one tries first.
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        index = self.currentIndex() + step
        while 0 <= index < self.count() and not (self.isTabVisible(index) and self.isTabEnabled(index)):
            index += step
        if 0 <= index < self.count():
            self.setCurrentIndex(index)
        event.accept()

    def event(self, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if isinstance(event, QHoverEvent):
            position = event.position().toPoint() if kind != QEvent.Type.HoverLeave else QPoint(-1, -1)
            hovered = self.tabAt(position)
            if hovered != self._hovered:
                self._hovered = hovered
                self.update()
        return super().event(event)


class SidebarTabWidget(QTabWidget):
    """The sidebar: a QTabWidget with its tabs on a rail at the left (RailTabBar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(RailTabBar(self))
        self.setTabPosition(QTabWidget.TabPosition.West)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)

    def rail(self) -> RailTabBar:
        bar = self.tabBar()
        assert isinstance(bar, RailTabBar)
        return bar
