"""The breadcrumb above the page: where the page sits in the corpus navigation (reader/core/navpath.py), each section
on the way a link when it has a page of its own, the page itself as text.

Hidden on the home page and for a page outside the navigation. The links are buttons: Tab reaches them right
before the page (focus.py), Enter or Space opens them, a screen reader hears "Kruimelpad" and each title. Long
trails are elided (the longest crumbs first), the full title stays in the tooltip. The page's own breadcrumb
(.rl-breadcrumb, rendered into the document) is hidden on screen and printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from reader.core.navpath import Crumb, breadcrumb
from reader.gui.sidebar.contents import UNLISTED
from reader.gui.text import plain_tip

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEnginePage

    from reader.core.edition import Edition
    from reader.gui.mainwindow import MainWindow

SEPARATOR = "\u203a"  # ›
MIN_CRUMB = 48  # px: an elided crumb keeps at least its first letters
INDENT = 8  # px before the first crumb, until the page says where its text column starts
PAD = 6  # px a link's border and padding take (SHEET), beside its text
# Where the page's text column starts (CSS px from the view's left edge): the crumbs line up with the heading.
COLUMN_SCRIPT = "(function () { var c = document.getElementById('rl-content');" \
    " return c ? c.getBoundingClientRect().left : -1; })()"
# Links in the theme's link colour, underlined on hover; the focus ring in the highlight colour.
SHEET = (
    "QToolButton#breadcrumbLink { color: palette(link); border: 1px solid transparent; border-radius: 2px;"
    " padding: 1px 2px; background: transparent; }"
    " QToolButton#breadcrumbLink:hover { text-decoration: underline; }"
    " QToolButton#breadcrumbLink:focus { border: 1px solid palette(highlight); }"
)


def fit_widths(widths: list[int], budget: int, floor: int = MIN_CRUMB) -> list[int]:
    """Shrink the widest of `widths` first until they add up to `budget` (none below `floor`, nor grown): the
    short crumbs stay whole, the long ones are elided to a common width."""
    if sum(widths) <= budget or not widths:
        return list(widths)
    low, high = floor, max(widths)
    while low < high:  # the largest cap that fits
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= budget:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in widths]


class Breadcrumb(QFrame):
    """The trail of one page: links for the crumbs that open a page, text for the rest."""

    open_requested = Signal(str)  # page id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breadcrumb")
        self.setStyleSheet(SHEET)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(INDENT, 2, INDENT, 2)
        self._layout.setSpacing(2)
        self.crumbs: tuple[Crumb, ...] = ()
        self.parts: list[QToolButton | QLabel] = []  # one per crumb, in order
        self._separators: list[QLabel] = []
        self._retranslate()
        self.hide()

    def set_crumbs(self, crumbs: tuple[Crumb, ...]) -> None:
        if crumbs == self.crumbs:
            return
        self.crumbs = crumbs
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.parts, self._separators = [], []
        for index, crumb in enumerate(crumbs):
            if index:
                separator = QLabel(SEPARATOR, self)
                separator.setContentsMargins(2, 0, 2, 0)
                self._separators.append(separator)
                self._layout.addWidget(separator)
            part = self._link(crumb) if crumb.page is not None and index < len(crumbs) - 1 else self._text(crumb)
            part.setMinimumWidth(MIN_CRUMB // 2)  # not its text's width: the window may be narrower than the trail
            self.parts.append(part)
            self._layout.addWidget(part)
        self._layout.addStretch(1)
        self._retitle()
        self.setVisible(bool(crumbs))

    def set_background(self, colour: QColor) -> None:
        """The page's background (the theme's), so that the crumbs read as the top of the page."""
        self.setStyleSheet(SHEET + f" QFrame#breadcrumb {{ background: {colour.name()}; border: none; }}")

    def set_indent(self, indent: int) -> None:
        """Start the crumbs `indent` px from the left (under the page's text column)."""
        margins = self._layout.contentsMargins()
        if margins.left() != indent:
            self._layout.setContentsMargins(indent, margins.top(), margins.right(), margins.bottom())
            self._retitle()

    def links(self) -> list[QToolButton]:
        return [part for part in self.parts if isinstance(part, QToolButton)]

    def _link(self, crumb: Crumb) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("breadcrumbLink")
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        page = crumb.page or ""
        button.clicked.connect(lambda _checked=False, p=page: self.open_requested.emit(p))
        return button

    def _text(self, crumb: Crumb) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # titles are the corpus's text, never markup
        label.setObjectName("breadcrumbCurrent" if crumb is self.crumbs[-1] else "breadcrumbSection")
        return label

    def _title(self, crumb: Crumb) -> str:
        if crumb.role == UNLISTED:
            return QCoreApplication.translate("ContentsTree", "Overige pagina's")  # as the contents tree names it
        return crumb.title

    def _retitle(self) -> None:
        """Each crumb's text, elided to the room there is; the full title in its tooltip and accessible name."""
        if not self.parts:
            return
        metrics = self.fontMetrics()
        titles = [self._title(crumb) for crumb in self.crumbs]
        pads = [PAD if isinstance(part, QToolButton) else 0 for part in self.parts]
        natural = [metrics.horizontalAdvance(t) + pad + 2 for t, pad in zip(titles, pads, strict=True)]  # 2: fractions
        margins = self._layout.contentsMargins()
        used = sum(s.sizeHint().width() for s in self._separators)
        used += self._layout.spacing() * (len(self.parts) + len(self._separators)) + margins.left() + margins.right()
        widths = fit_widths(natural, max(self.width() - used, MIN_CRUMB * len(titles)))
        for part, title, width, pad in zip(self.parts, titles, widths, pads, strict=True):
            part.setMaximumWidth(width)  # a tool button's own hint is wider than its text
            shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width - pad)
            part.setText(shown.replace("&", "&&") if isinstance(part, QToolButton) else shown)
            part.setToolTip(plain_tip(title) if shown != title or isinstance(part, QToolButton) else "")
            part.setAccessibleName(title)

    def _retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("Breadcrumb", "Kruimelpad"))
        self._retitle()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._retitle()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class PageBreadcrumb(QObject):
    """Keeps a window's breadcrumb on the page it shows, in the edition it reads, lined up with its text column."""

    def __init__(self, bar: Breadcrumb, edition: Callable[[], Edition], on_change: Callable[[list[QWidget]], None],
                 page: QWebEnginePage | None = None) -> None:
        super().__init__(bar)
        self.bar = bar
        self._edition = edition  # asked each time: the window may switch corpus
        self._on_change = on_change  # the links changed: the window's Tab order takes them
        self._page = page
        self._align_timer = QTimer(self)
        self._align_timer.setSingleShot(True)
        self._align_timer.setInterval(30)
        self._align_timer.timeout.connect(self.align)
        if page is not None:
            # A new page, a zoom, a narrower view: each changes the contents' size, and may move the column.
            page.contentsSizeChanged.connect(lambda _size: self._align_timer.start())

    def align(self) -> None:
        """Ask the page where its text column starts; the crumbs move there (a link's padding before its text)."""
        if self._page is None or self.bar.isHidden():
            return
        from reader.gui.view import WORLD

        self._page.runJavaScript(COLUMN_SCRIPT, WORLD, self._aligned)

    def _aligned(self, left: object) -> None:
        if self._page is None or not isinstance(left, (int, float)) or left < 0:
            return
        indent = round(float(left) * self._page.zoomFactor()) - PAD // 2
        self.bar.set_indent(max(INDENT, min(indent, self.bar.width() // 2)))

    def show_page(self, page_id: str | None) -> None:
        edition = self._edition()
        crumbs: tuple[Crumb, ...] = ()
        if page_id is not None and page_id in edition.pages:
            home = edition.pages.get(edition.home_page)
            crumbs = breadcrumb(edition.nav, page_id, edition.home_page, home.title if home else edition.home_page)
        before = self.bar.crumbs
        self.bar.set_crumbs(crumbs)
        if self.bar.crumbs != before:
            self._on_change(list(self.bar.links()))
        self._align_timer.start()


def attach_breadcrumb(window: MainWindow, layout: QBoxLayout) -> PageBreadcrumb:
    """The breadcrumb right above the page in `layout` (the page frame's), opening pages in `window`."""
    bar = Breadcrumb(window.page_frame)
    layout.insertWidget(layout.indexOf(window.view), bar)
    bar.open_requested.connect(window.open_page)
    return PageBreadcrumb(bar, lambda: window.edition, lambda links: window.pane_focus.set_around_page(before=links),
                          window.page)
