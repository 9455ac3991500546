"""The main window: the page view, the sidebar and the commands around them."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel, QWidget, QMainWindow, QMessageBox, QSplitter, QTabWidget, QToolBar

from reader.core.edition import Edition
from reader.core.links import page_url, parse_reader_url
from reader.gui.page import ReaderPage
from reader.gui.sidebar.contents import ContentsTree

log = logging.getLogger("reader.window")


class ReaderView(QWebEngineView):
    """The page view; the mouse's back and forward buttons move through history.

    QWebEngineView hands input to a child widget it creates itself, so the view watches its children.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("pageView")

    def childEvent(self, event) -> None:  # noqa: N802, ANN001
        super().childEvent(event)
        if event.added() and isinstance(event.child(), QWidget):
            event.child().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease:
            button = event.button()
            if button == Qt.MouseButton.BackButton:
                self.back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)


class MainWindow(QMainWindow):
    page_loaded = Signal(str, bool)  # page id, ok

    def __init__(self, edition: Edition, web_profile: QWebEngineProfile, profile_dir: Path, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.edition = edition
        self.profile_dir = Path(profile_dir)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Richtlijnenlezer") + " \u2014 " + edition.title)

        self.view = ReaderView(self)
        self.page = ReaderPage(web_profile, self.view)
        self.view.setPage(self.page)
        self.page.external_link_requested.connect(self.confirm_external_link)
        self.page.loadFinished.connect(self._on_load_finished)
        self.page.urlChanged.connect(self._on_url_changed)

        self.sidebar = QTabWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Zijbalk"))
        self.contents = ContentsTree(edition.nav, self.sidebar)
        self.contents.open_requested.connect(self.open_page)
        self.contents.external_requested.connect(lambda url: self.confirm_external_link(QUrl(url)))
        self.sidebar.addTab(self.contents, self.tr("Inhoud"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._edition_label = QLabel(self._edition_text(), self)
        self._edition_label.setObjectName("editionLabel")
        self.statusBar().addPermanentWidget(self._edition_label)
        self.resize(1200, 800)
        self._settings = QSettings(str(self.profile_dir / "window.ini"), QSettings.Format.IniFormat)
        self._restore_geometry()

    # -- commands -------------------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self.tr("Navigatie"), self)
        self.toolbar.setObjectName("navigationToolbar")
        self.addToolBar(self.toolbar)
        style = self.style()
        from PySide6.QtWidgets import QStyle

        self.back_action = self._action(
            self.tr("Terug"), QKeySequence.StandardKey.Back, self.view.back, style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack)
        )
        self.forward_action = self._action(
            self.tr("Vooruit"),
            QKeySequence.StandardKey.Forward,
            self.view.forward,
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward),
        )
        self.home_action = self._action(
            self.tr("Startpagina"),
            QKeySequence("Alt+Home"),
            self.go_home,
            style.standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon),
        )
        for action in (self.back_action, self.forward_action, self.home_action):
            self.toolbar.addAction(action)
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)

        menu = self.menuBar().addMenu(self.tr("&Ga"))
        for action in (self.back_action, self.forward_action, self.home_action):
            menu.addAction(action)

    def _action(self, text: str, shortcut, slot, icon=None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(icon)
        action.setShortcut(shortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- navigation -----------------------------------------------------------------------------------------------
    def open_page(self, page_id: str, anchor: str | None = None) -> None:
        if page_id not in self.edition.pages:
            log.warning("no page %r in this edition", page_id)
            self.statusBar().showMessage(self.tr("Deze pagina staat niet in deze editie: %1").replace("%1", page_id), 5000)
            return
        self.view.load(QUrl(page_url(page_id, anchor)))

    def go_home(self) -> None:
        self.open_page(self.edition.home_page)

    def current_page_id(self) -> str | None:
        target = parse_reader_url(self.page.url().toString())
        return target.path if target and target.kind == "page" else None

    def _on_url_changed(self, url: QUrl) -> None:
        history = self.page.history()
        self.back_action.setEnabled(history.canGoBack())
        self.forward_action.setEnabled(history.canGoForward())
        page_id = self.current_page_id()
        if page_id is not None:
            self.contents.select_page(page_id)
            info = self.edition.pages.get(page_id)
            if info is not None:
                self.setWindowTitle(f"{info.title} \u2014 {self.tr('Richtlijnenlezer')}")

    def _on_load_finished(self, ok: bool) -> None:
        page_id = self.current_page_id() or ""
        self._on_url_changed(self.page.url())
        self.page_loaded.emit(page_id, ok)

    def confirm_external_link(self, url: QUrl) -> bool:
        """Open a web link in the system browser, only after the user saw the address and agreed."""
        text = url.toString()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Externe link openen"))
        box.setText(self.tr("Deze link gaat naar internet en opent in je eigen browser:"))
        box.setInformativeText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)
            return True
        return False

    # -- state ----------------------------------------------------------------------------------------------------
    def _edition_text(self) -> str:
        date = self.edition.built_at[:10]
        return f"{self.edition.title} \u00b7 {self.tr('editie')} {date}" if date else self.edition.title

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue("splitter", self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)
