"""Cite what you read, in the real window: a selection from the page's context menu and a section from the outline's
go to the clipboard as text and HTML with their source and public address; "Open op de website" asks first.

No corpus text is written here: what a citation must hold is read from the edition and from the page itself.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

pytestmark = pytest.mark.gui

PAGE = "richtlijnen/samenwerking"
SITE = "https://minbzk.github.io/NeRDS/"


def _heading(window, anchor: str) -> str:
    return next(text for _level, text, a in window.edition.pages[PAGE].headings if a == anchor)


def _second_heading(window) -> str:
    return next(a for level, _text, a in window.edition.pages[PAGE].headings if level == 2)


def _right_click(qtbot, window, run_js, selector: str, monkeypatch):
    """A real right-click on `selector`; returns the menu the window built for Chromium's request."""
    rect = run_js(
        window.page,
        "(function(){var e=document.querySelector(%r); e.scrollIntoView({block:'center'});"
        "var r=e.getClientRects()[0]; return JSON.stringify([r.left + 4, r.top + r.height/2]);})()" % selector,
    )
    menus = []
    monkeypatch.setattr(
        window, "_show_context_menu", lambda request, pos: menus.append(window.build_context_menu(request))
    )
    zoom = window.view.zoomFactor()
    qtbot.mouseClick(
        window.view.focusProxy(), Qt.MouseButton.RightButton, pos=QPoint(int(rect[0] * zoom), int(rect[1] * zoom))
    )
    qtbot.waitUntil(lambda: bool(menus), timeout=5000)
    return {a.objectName(): a for a in menus[-1].actions() if a.objectName()}


def test_cite_a_selection_from_the_page_menu(open_reader, run_js, qtbot, qapp, nerds_edition, monkeypatch):
    window = open_reader(nerds_edition, PAGE).window
    anchor = _second_heading(window)
    # Select the first list item under the page's first section heading, as a user dragging over it would.
    selector = f"#{anchor} ~ ul li"
    selected = run_js(
        window.page,
        "(function(){var li=document.querySelector(%r); var r=document.createRange(); r.selectNodeContents(li);"
        "var s=window.getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString();})()" % selector,
    )
    assert len(selected) > 20
    actions = _right_click(qtbot, window, run_js, selector, monkeypatch)
    assert {"citeSelection", "openOnWebsite"} <= actions.keys() and "citeSection" not in actions
    qapp.clipboard().clear()
    actions["citeSelection"].trigger()
    qtbot.waitUntil(lambda: bool(qapp.clipboard().text()), timeout=5000)
    data = qapp.clipboard().mimeData()
    text, html = data.text(), data.html()
    url = f"{SITE}{PAGE}/#{anchor}"
    edition = window.edition
    assert text.startswith("\u201c" + " ".join(selected.split()) + "\u201d\n\n")
    assert text.endswith("\n" + url)
    source_line = text.splitlines()[-2]
    for part in (edition.pages[PAGE].title, _heading(window, anchor), edition.title, edition.edition_date):
        assert part in source_line
    assert html.startswith("<blockquote><p>") and f'<a href="{url}">' in html
    assert window.feedback.currentMessage().startswith("Citaat gekopieerd: ")


def test_cite_a_section_from_the_outline(open_reader, run_js, qtbot, qapp, nerds_edition):
    from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator

    window = open_reader(nerds_edition, PAGE).window
    headings = [(level, a) for level, _t, a in window.edition.pages[PAGE].headings]
    anchor = _second_heading(window)
    following = next(a for level, a in headings[headings.index((2, anchor)) + 1:] if level <= 2)
    window.sidebar_tabs.show(window.outline)
    outline = window.outline
    iterator = QTreeWidgetItemIterator(outline)
    item = None
    while iterator.value() is not None and item is None:
        if iterator.value().data(0, Qt.ItemDataRole.UserRole) == anchor:
            item = iterator.value()
        iterator += 1
    assert item is not None
    outline.scrollToItem(item)
    window._outline_context_menu(outline.visualItemRect(item).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
    menu = QApplication.activePopupWidget()
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    menu.close()
    assert actions["openOnWebsite"].isEnabled() and actions["openOnWebsite"].toolTip() == f"{SITE}{PAGE}/#{anchor}"
    qapp.clipboard().clear()
    actions["citeSection"].trigger()
    qtbot.waitUntil(lambda: bool(qapp.clipboard().text()), timeout=5000)
    text = qapp.clipboard().text()
    # The section's own blocks, up to the next heading of its level: its first block in, the next section's out.
    first_block = run_js(window.page, f"document.getElementById({anchor!r}).nextElementSibling.innerText")
    next_block = run_js(window.page, f"document.getElementById({following!r}).nextElementSibling.innerText")
    passage = text.split("\u201d\n\n")[0]
    assert " ".join(first_block.split()[:6]) in passage
    assert " ".join(next_block.split()[:6]) not in passage
    assert _heading(window, following) not in passage
    assert text.endswith(f"\n{SITE}{PAGE}/#{anchor}")


def test_cite_the_page_opening_and_open_it_on_the_website(
    open_reader, run_js, qtbot, qapp, nerds_edition, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from reader.gui import cite

    window = open_reader(nerds_edition, PAGE).window
    assert window.current_anchor in (None, window.edition.pages[PAGE].headings[0][2])  # opened at the top
    actions = _right_click(qtbot, window, run_js, "article h1", monkeypatch)
    assert "citeSection" in actions and "citeSelection" not in actions
    qapp.clipboard().clear()
    actions["citeSection"].trigger()
    qtbot.waitUntil(lambda: bool(qapp.clipboard().text()), timeout=5000)
    text = qapp.clipboard().text()
    summary = run_js(window.page, "document.querySelector('.rl-summary').innerText")
    assert " ".join(summary.split()) in text
    assert text.endswith(f"\n{SITE}{PAGE}/")  # the page itself: no anchor
    assert "\u2014" not in text.splitlines()[-2]  # no section after the page title
    asked, opened = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    monkeypatch.setattr(window, "ask_open_external", lambda url: asked.append(url.toString()) or False)
    actions["openOnWebsite"].trigger()
    assert asked == [f"{SITE}{PAGE}/"] and opened == []  # the user said no
    monkeypatch.setattr(window, "ask_open_external", lambda url: asked.append(url.toString()) or True)
    assert cite.open_on_website(window, "hoe-pas-je-het-toe")
    assert opened == [f"{SITE}{PAGE}/#hoe-pas-je-het-toe"]


def test_a_corpus_without_a_public_site(open_reader, qtbot, qapp, content_edition):
    from reader.gui import cite

    window = open_reader(content_edition).window
    assert "site_url" not in window.edition.manifest
    assert cite.public_url(window) == ""
    assert not cite.open_on_website(window)
    qapp.clipboard().clear()
    cite.cite_section(window, "")
    qtbot.waitUntil(lambda: bool(qapp.clipboard().text()), timeout=5000)
    data = qapp.clipboard().mimeData()
    assert "http" not in data.text().splitlines()[-1] and "<a " not in data.html()
    assert window.edition.title in data.text()

