"""The walking skeleton on the real engine: open, read, follow links, go back, stay offline."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.gui


def test_window_opens_on_the_home_page_with_visible_text(open_reader, run_js, content_edition):
    reader = open_reader(content_edition)
    window = reader.window
    assert window.current_page_id() == "index"
    text = run_js(window.page, "document.body.innerText")
    assert "Richtlijnenlezer" in text
    assert window.contents.currentItem() is not None
    assert window.contents.currentItem().text(0)


def test_clicking_an_internal_link_navigates_and_back_returns(
    open_reader, run_js, click_element, qtbot, content_edition
):
    reader = open_reader(content_edition)
    window = reader.window
    href = run_js(window.page, "(document.querySelector('a[href*=\"/page/handleiding/zoeken\"]') || {}).href || ''")
    assert href.startswith("rl://edition.invalid/page/handleiding/zoeken")
    # A real click (not load()): the navigation arrives as LinkClicked and passes the policy.
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        click_element(window.view, "a[href*='/page/handleiding/zoeken']")
    assert window.current_page_id() == "handleiding/zoeken"
    assert window.back_action.isEnabled()
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.back_action.trigger()
    assert window.current_page_id() == "index"
    assert window.forward_action.isEnabled()


def test_contents_tree_opens_pages(open_reader, qtbot, content_edition):
    reader = open_reader(content_edition)
    window = reader.window
    item = window.contents._items["richtlijnen/samenwerking"]
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.contents.itemClicked.emit(item, 0)
    assert window.current_page_id() == "richtlijnen/samenwerking"
    assert window.contents.currentItem() is item


def test_remote_requests_are_blocked_recorded_and_never_arrive(open_reader, run_js, qtbot, content_edition, tmp_path,
                                                               tripwire):
    # A hand-made edition page that references the tripwire as image, stylesheet, iframe and prefetch.
    edition = tmp_path / "edition"
    shutil.copytree(content_edition, edition)
    url = tripwire.url
    (edition / "pages" / "index.html").write_text(
        f"""<!doctype html><html><head><title>t</title><link rel="stylesheet" href="{url}/style.css">
        <link rel="prefetch" href="{url}/prefetch"></head><body><p>tripwire</p><img src="{url}/img.png" alt="x">
        <iframe src="{url}/frame"></iframe><script src="{url}/script.js"></script></body></html>""",
        encoding="utf-8",
    )
    reader = open_reader(edition)
    guard = reader.profile.guard
    qtbot.waitUntil(lambda: any("/img.png" in u for u in guard.blocked), timeout=5000)
    # The document completes only after every subresource request (stylesheet, image, frame, script) has ended.
    qtbot.waitUntil(lambda: run_js(reader.window.page, "document.readyState") == "complete", timeout=10000)
    assert any(u.startswith(url) for u in guard.blocked)
    assert tripwire.connections == [], f"the tripwire received {tripwire.connections}"


@pytest.mark.parametrize(
    "url",
    [
        "rl://edition.invalid/asset/%2e%2e/manifest.json",
        "rl://edition.invalid/asset/..%2fmanifest.json",
        "rl://edition.invalid/asset/%2fetc%2fpasswd",
        "rl://edition.invalid/app/..%2f..%2fpyproject.toml",
        "rl://edition.invalid/page/nope",
    ],
)
def test_scheme_handler_refuses_escaping_paths(open_reader, qtbot, content_edition, url):
    from PySide6.QtCore import QUrl

    reader = open_reader(content_edition)
    page = reader.window.page
    with qtbot.waitSignal(page.loadFinished, timeout=10000) as blocker:
        page.load(QUrl(url))
    assert blocker.args == [False], url
