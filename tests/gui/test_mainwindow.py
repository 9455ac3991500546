"""The window around the page: zoom and last page remembered, mouse back/forward, external links, copy link, status."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl

pytestmark = pytest.mark.gui


def test_zoom_keys_change_the_zoom_and_it_persists_across_a_restart(open_reader, qtbot, content_edition, tmp_path):
    profile = tmp_path / "p"
    window = open_reader(content_edition, profile=profile).window
    window.activateWindow()
    window.view.setFocus()
    assert window.view.zoomFactor() == pytest.approx(1.0)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoomFactor() == pytest.approx(1.25)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoomFactor() == pytest.approx(1.1)
    assert json.loads((profile / "settings.json").read_text())["zoom"] == pytest.approx(1.1)
    window.close()
    again = open_reader(content_edition, profile=profile).window
    assert again.view.zoomFactor() == pytest.approx(1.1)
    with qtbot.waitSignal(again.page_loaded, timeout=10000):
        again.open_page("handleiding/zoeken")
    assert again.view.zoomFactor() == pytest.approx(1.1)
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.view.zoomFactor() == pytest.approx(1.0)


def test_last_page_sidebar_and_geometry_are_restored(open_reader, qtbot, reader_context, content_edition, tmp_path):
    profile = tmp_path / "p"
    window = open_reader(content_edition, "handleiding/zoeken", profile=profile).window
    window.sidebar_tabs.show(window.relations)
    window.splitter.setSizes([420, 780])
    sizes = window.splitter.sizes()
    window.close()
    prefs = json.loads((profile / "settings.json").read_text())
    assert prefs["last_page"] == "handleiding/zoeken"
    assert prefs["sidebar_tab"] == "relationsTree"

    from reader.gui.app import create_reader

    reader = create_reader(content_edition, profile, context=reader_context)
    try:
        again = reader.window
        again.show()
        with qtbot.waitSignal(again.page_loaded, timeout=20000):
            assert again.open_start_page() == "handleiding/zoeken"
        assert again.current_page_id() == "handleiding/zoeken"
        assert again.sidebar.currentWidget() is again.relations
        assert again.splitter.sizes()[0] == sizes[0]
        # An explicit page wins over the remembered one; a remembered page missing from the edition falls back home.
        again.preferences.update(last_page="bestaat/niet")
        with qtbot.waitSignal(again.page_loaded, timeout=20000):
            assert again.open_start_page() == again.edition.home_page
    finally:
        reader.close()  # page before profile, as QtWebEngine needs


def test_mouse_back_and_forward_buttons(open_reader, qtbot, content_edition):
    window = open_reader(content_edition).window
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("handleiding/zoeken")
    target = window.view.focusProxy()
    assert target is not None
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.mouseRelease(target, Qt.MouseButton.BackButton, pos=QPoint(50, 50))
    assert window.current_page_id() == "index"
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.mouseRelease(target, Qt.MouseButton.ForwardButton, pos=QPoint(50, 50))
    assert window.current_page_id() == "handleiding/zoeken"
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_id() == "index"
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.home_action.trigger()


def test_external_link_from_the_context_menu_opens_only_after_confirmation(
    open_reader, run_js, qtbot, nerds_edition, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    href = run_js(window.page, "(document.querySelector('a[href^=\"https:\"]') || {}).href || ''")
    assert href.startswith("https://")
    rect = run_js(
        window.page,
        "(function(){var a=document.querySelector('a[href^=\"https:\"]'); a.scrollIntoView({block:'center'});"
        "var r=a.getBoundingClientRect(); return JSON.stringify([r.left + r.width/2, r.top + r.height/2]);})()",
    )
    zoom = window.view.zoomFactor()
    point = QPoint(int(rect[0] * zoom), int(rect[1] * zoom))
    requests = []
    monkeypatch.setattr(
        window, "_show_context_menu", lambda request, pos: requests.append(window.build_context_menu(request))
    )
    # A real right-click on the link: Chromium reports what is under the cursor.
    qtbot.mouseClick(window.view.focusProxy(), Qt.MouseButton.RightButton, pos=point)
    qtbot.waitUntil(lambda: bool(requests), timeout=5000)
    menu = requests[-1]
    names = [a.objectName() for a in menu.actions()]
    assert "openExternal" in names
    assert all("source" not in n.lower() for n in names)  # our own menu, not Chromium's
    opened, asked = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    monkeypatch.setattr(window, "ask_open_external", lambda url: asked.append(url.toString()) or False)
    open_external = next(a for a in menu.actions() if a.objectName() == "openExternal")
    open_external.trigger()
    assert asked == [href] and opened == []  # refused: nothing opened
    monkeypatch.setattr(window, "ask_open_external", lambda url: asked.append(url.toString()) or True)
    open_external.trigger()
    assert opened == [href]
    assert window.current_page_id() == "richtlijnen/samenwerking"  # the reader itself never went there
    assert not window.confirm_external_link(QUrl("file:///etc/passwd"))  # only web links leave the reader


def test_copy_link_to_the_current_section(open_reader, run_js, qtbot, nerds_edition, qapp):
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    target = "hoe-pas-je-het-toe"
    with qtbot.waitSignal(window.heading_changed, timeout=5000, check_params_cb=lambda a: a == target):
        run_js(window.page, f"window.scrollTo(0, document.getElementById({target!r}).offsetTop + 5); 1")
    window.copy_link_action.trigger()
    clipboard = qapp.clipboard()
    assert clipboard.text() == f"rl://edition.invalid/page/richtlijnen/samenwerking#{target}"
    assert "Hoe pas je het toe?" in clipboard.mimeData().html()
    # At the top of the page the link is to the page itself.
    with qtbot.waitSignal(window.heading_changed, timeout=5000):
        run_js(window.page, "window.scrollTo(0, 0); 1")
    assert window.copy_section_link() == "rl://edition.invalid/page/richtlijnen/samenwerking"
    # The copied link opens that section again.
    from reader.core.links import parse_reader_url

    link = parse_reader_url(f"rl://edition.invalid/page/richtlijnen/samenwerking#{target}")
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page("index")
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.open_page(link.path, link.anchor)
    qtbot.waitUntil(lambda: run_js(window.page, "window.scrollY") > 100, timeout=5000)


def test_status_bar_title_breadcrumb_and_summary(open_reader, run_js, nerds_edition):
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    date = window.edition.built_at[:10]
    assert window._edition_label.text() == f"{window.edition.title} \u00b7 editie {date}"
    assert window.windowTitle().startswith("8. Deel, hergebruik en werk samen")
    # The renderer puts breadcrumb and summary into the page; the window does not add a second copy.
    crumbs = run_js(
        window.page,
        "JSON.stringify(Array.from(document.querySelectorAll('.rl-breadcrumb li')).map(l => l.textContent))",
    )
    assert crumbs == list(window.edition.pages["richtlijnen/samenwerking"].breadcrumb)
    summary = run_js(window.page, "document.querySelectorAll('.rl-summary').length")
    assert summary == 1
    assert window.contents.currentItem().data(0, Qt.ItemDataRole.UserRole) == "richtlijnen/samenwerking"


def test_every_action_has_an_accessible_name_and_widgets_are_named(open_reader, content_edition):
    window = open_reader(content_edition).window
    # Every command is added to the window (that is what makes its shortcut work); themes and languages sit in menus.
    actions = window.actions() + list(window.theme_actions.values()) + list(window.language_actions.values())
    assert len(actions) >= 25
    for action in actions:
        if action.isSeparator() or action.menu() is not None:
            continue
        assert action.text().strip(), action.objectName()
        assert action.toolTip().strip(), action.objectName()
    for widget in (window.sidebar, window.contents, window.outline, window.relations, window.view, window.findbar.field,
                   window.findbar.next_button, window.findbar.previous_button, window.findbar.close_button):
        assert widget.accessibleName(), widget.objectName()


def test_start_page_loads_while_the_window_is_built_and_is_not_loaded_twice(
    reader_context, qtbot, content_edition, tmp_path
):
    from reader.gui.app import create_reader

    profile = tmp_path / "p"
    loads = []
    reader = create_reader(content_edition, profile, context=reader_context, start_page="handleiding/zoeken#zoeken")
    try:
        window = reader.window
        window.page.loadStarted.connect(lambda: loads.append(window.page.requestedUrl().toString()))
        window.show()
        window.open_page("handleiding/zoeken", "zoeken")  # what the open command does next: no second load
        with qtbot.waitSignal(window.page_loaded, timeout=20000) as blocker:
            pass
        assert blocker.args == ["handleiding/zoeken", True]
        assert window.contents.currentItem().data(0, Qt.ItemDataRole.UserRole) == "handleiding/zoeken"
        assert window.outline.anchors()  # the sidebar caught up with the page that was already loading
        # A second load would have started before the page answers a script sent after the first one finished.
        with qtbot.waitCallback(timeout=10000) as done:
            window.page.runJavaScript("1", 0, done)
        assert len(loads) <= 1
    finally:
        reader.close()
    # "" means: the last page read.
    reader = create_reader(content_edition, profile, context=reader_context, start_page="")
    try:
        again = reader.window
        again.show()
        with qtbot.waitSignal(again.page_loaded, timeout=20000) as blocker:
            pass
        assert blocker.args[0] == "handleiding/zoeken"
    finally:
        reader.close()


def test_help_lists_the_shortcuts_and_the_edition(open_reader, content_edition):
    window = open_reader(content_edition).window
    table = window.shortcuts_text()
    for needle in (
        "Zoeken op pagina", "Ctrl+F", "Inzoomen", "Afdrukken", "Ctrl+P", "Inhoud tonen", "Ctrl+1", "Alt+Home"
    ):
        assert needle in table
    assert window.shortcuts_action.shortcut().toString() == "F1"
    about = window.about_text()
    assert window.edition.title in about and window.edition.built_at[:10] in about
    assert f"{len(window.edition.pages)} pagina's" in about


def test_ctrl_wheel_zooms_in_steps_and_is_remembered(open_reader, qtbot, content_edition, tmp_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    profile = tmp_path / "p"
    window = open_reader(content_edition, profile=profile).window
    target = window.view.focusProxy()

    def wheel(delta: int) -> None:
        event = QWheelEvent(
            QPointF(50, 50), QPointF(target.mapToGlobal(QPoint(50, 50))), QPoint(0, 0), QPoint(0, delta),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )
        QApplication.sendEvent(target, event)

    wheel(120)
    assert window.view.zoomFactor() == pytest.approx(1.1)
    wheel(120)
    wheel(-120)
    assert window.view.zoomFactor() == pytest.approx(1.1)
    assert json.loads((profile / "settings.json").read_text())["zoom"] == pytest.approx(1.1)
