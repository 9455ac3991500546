"""Issue 15, first slice: the window fits the screen, every command answers in the message bar above the page (an
error with a way out), the title is the page's heading, Qt's own dialogs speak Dutch, menu mnemonics are unique."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu

from reader.gui.windowstate import SIDEBAR_WIDTH, first_geometry, first_sidebar_width, fitted_geometry

pytestmark = pytest.mark.gui


# -- fits the screen (pure: a fake available area, no display) ----------------------------------------------------
@pytest.mark.parametrize("available", [QRect(0, 0, 1366, 728), QRect(0, 32, 1280, 688), QRect(0, 0, 1920, 768)])
def test_a_laptop_screen_starts_maximised(available):
    rect, maximised = first_geometry(available)
    assert maximised and rect == available


def test_a_big_screen_gets_a_comfortable_centred_window():
    available = QRect(0, 0, 1920, 1040)  # 1920x1080 less a panel
    rect, maximised = first_geometry(available)
    assert not maximised
    assert available.contains(rect)
    assert (rect.width(), rect.height()) == (1400, 884)
    assert rect.center() == available.center()
    small = QRect(100, 0, 1440, 870)
    rect, maximised = first_geometry(small)
    assert not maximised and small.contains(rect) and rect.width() < small.width()


def test_the_first_sidebar_width_grows_with_the_window_within_bounds():
    assert first_sidebar_width(800) == SIDEBAR_WIDTH[0]
    assert first_sidebar_width(1366) == SIDEBAR_WIDTH[0]
    assert SIDEBAR_WIDTH[0] < first_sidebar_width(1600) < SIDEBAR_WIDTH[1]
    assert first_sidebar_width(1920) == first_sidebar_width(3840) == SIDEBAR_WIDTH[1]


def test_saved_geometry_that_no_longer_fits_is_moved_and_shrunk():
    laptop = QRect(0, 0, 1366, 728)
    assert fitted_geometry(QRect(10, 10, 1200, 700), [laptop]) is None  # fits: left alone
    # Left on a monitor that is gone: back on the laptop, whole.
    fixed = fitted_geometry(QRect(2000, 100, 1200, 800), [laptop])
    assert fixed is not None and laptop.contains(fixed) and fixed.size().width() == 1200
    # The default 1200x800 on a 768 px screen: shrunk to the available height.
    fixed = fitted_geometry(QRect(50, 40, 1200, 800), [laptop])
    assert fixed == QRect(50, 0, 1200, 728)
    # Two screens: it goes to the one it overlaps most.
    right = QRect(1366, 0, 1920, 1040)
    fixed = fitted_geometry(QRect(1300, 500, 1000, 800), [laptop, right])
    assert fixed is not None and right.contains(fixed)


def test_first_start_fills_the_offscreen_screen_and_a_too_big_saved_window_is_corrected(
    reader_context, qtbot, content_edition, tmp_path
):
    from reader.gui.app import create_reader

    available = QGuiApplication.primaryScreen().availableGeometry()
    profile = tmp_path / "p"
    reader = create_reader(content_edition, profile, context=reader_context)
    try:
        window = reader.window
        assert window.window_state.start_maximised == (available.width() <= 1366 or available.height() <= 768)
        assert available.contains(window.geometry())
        first_width = window.width()
        window.show_first()
        qtbot.waitUntil(lambda: window.isVisible())
        assert window.isMaximized() == window.window_state.start_maximised
        assert window.splitter.sizes()[0] == first_sidebar_width(first_width)
        window.showNormal()
        window.setGeometry(available.x() + 40, available.y() + 40, available.width() + 600, available.height() + 400)
        window.close()
    finally:
        reader.close()
    reader = create_reader(content_edition, profile, context=reader_context)
    try:
        window = reader.window
        assert not window.window_state.start_maximised  # a saved geometry is no first start
        assert available.contains(window.geometry())
    finally:
        reader.close()


# -- every command answers in the message bar ------------------------------------------------------------------
def test_commands_answer_in_the_message_bar(open_reader, qtbot, content_edition, tmp_path):
    window = open_reader(content_edition, "handleiding/zoeken").window
    bar = window.feedback
    assert bar.isHidden() and bar.accessibleName() == "Melding"
    assert bar.parent() is window.page_frame  # above the page, where the reader looks
    window.bookmark_action.trigger()  # Ctrl+D
    assert bar.isVisible() and bar.currentMessage().startswith("Bladwijzer bewaard: ")
    assert bar.accessibleDescription() == bar.currentMessage()  # what a screen reader is told
    window.bookmark_action.trigger()
    assert bar.currentMessage().startswith("Bladwijzer verwijderd: ")
    window.copy_section_link()
    assert bar.currentMessage().startswith("Link gekopieerd: ")
    window.zoom.zoom_in()
    assert bar.currentMessage() == "Zoom: 110%"
    window.zoom.reset()
    target = tmp_path / "pagina.pdf"
    with qtbot.waitSignal(window.pdf_exported, timeout=30000):
        window.export_pdf(target)
    assert bar.currentMessage() == f"PDF opgeslagen: {target}"
    window.open_page("bestaat/niet")
    assert "bestaat/niet" in bar.currentMessage()
    bar.close_button.click()
    assert bar.isHidden() and bar.currentMessage() == ""
    window._on_checklist_progress(window.current_page_id(), 1, 3)
    assert bar.currentMessage() == "Checklist: 1 van 3 gedaan"
    qtbot.waitUntil(bar.isHidden, timeout=10000)  # a confirmation hides itself
    assert not window.statusBar().currentMessage()  # nothing went to the status bar any more


def test_no_browser_shows_the_address_with_a_copy_button(open_reader, qtbot, content_edition, monkeypatch):
    window = open_reader(content_edition, "handleiding/zoeken").window
    address = "https://example.org/pagina?x=1"
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    monkeypatch.setattr(window, "ask_open_external", lambda url: True)
    assert not window.confirm_external_link(QUrl(address))
    bar = window.feedback
    assert bar.isVisible() and address in bar.currentMessage()
    assert bar.action_button.isVisible() and bar.action_button.text() == "Link kopi\u00ebren"
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == address
    assert bar.currentMessage() == f"Link gekopieerd: {address}" and not bar.action_button.isVisible()


# -- title --------------------------------------------------------------------------------------------------------
def test_the_window_title_is_the_page_heading(open_reader, nerds_edition):
    window = open_reader(nerds_edition, "richtlijnen").window
    info = window.edition.pages["richtlijnen"]
    heading = next(text for level, text, _ in info.headings if level == 1)
    assert info.title == "richtlijnen" and heading != info.title  # front matter gives an id-like title
    assert window.windowTitle() == f"{heading} \u2014 Richtlijnenlezer"


# -- language -----------------------------------------------------------------------------------------------------
@pytest.mark.usefixtures("back_to_dutch")
def test_qt_file_dialog_speaks_the_interface_language(reader_context):
    def labels() -> list[str]:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        try:
            return [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        finally:
            dialog.deleteLater()

    reader_context.translations.apply("nl")
    dutch = labels()
    assert "&Zoeken in:" in dutch and "&Bestanden van type:" in dutch
    assert not any("Look in" in text or "Files of" in text for text in dutch)
    reader_context.translations.apply("en")
    english = labels()
    assert "&Look in:" in english and "Files of &type:" in english


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text)
    return match.group(1).lower() if match else None


@pytest.mark.usefixtures("back_to_dutch")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_mnemonics_are_unique_per_menu(open_reader, content_edition, english_qm, language):
    window = open_reader(content_edition).window
    window.appearance.set_language(language)
    assert window.file_menu.title() == ("&Bestand" if language == "nl" else "&File")
    window._ensure_panels()

    def check(titles: list[str], where: str) -> None:
        keys = [key for key in map(_mnemonic, titles) if key]
        assert len(keys) == len(set(keys)), f"{where}: {titles}"

    bar_titles = [action.text() for action in window.menuBar().actions()]
    assert all(_mnemonic(title) for title in bar_titles)
    check(bar_titles, "menu bar")
    for menu in window.menuBar().findChildren(QMenu):
        check([action.text() for action in menu.actions() if not action.isSeparator()], menu.title())
