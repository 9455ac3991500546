"""Every page of both real NeRDS editions, rendered: ids agree with the importer, nothing unsafe survives,
no Markdown artifacts are left in the text, and the pages the issue names are neutralised but still read well."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader import paths
from reader.core.corpus import load_corpus
from reader.core.render import icon_set, page_document, parse_fragment, remove, render_page, visible_text
from reader.core.render.overview import shown_summary

ICONS = icon_set(paths.icons_dir())
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
EDITIONS = ("nerds-2026-03", "nerds-2025-12")
ARTIFACTS = ("!!!", "???", "{:", ":material-", "](", "[ ]", "[x]", "<div", "&lt;")
FORBIDDEN_TAGS = ("script", "style", "iframe", "object", "embed", "form", "meta", "base", "link", "select",
                  "textarea", "svg")


@pytest.fixture(scope="module", params=EDITIONS)
def rendered_corpus(request):
    source = SHARED / request.param
    if not source.is_dir():
        pytest.fail(f"corpus missing at {source} (CI lays ../shared beside the clone)")
    corpus = load_corpus(source)
    return request.param, corpus, {pid: render_page(p, corpus, ICONS) for pid, p in corpus.pages.items()}


def test_heading_ids_equal_the_importers(rendered_corpus):
    _, corpus, rendered = rendered_corpus
    for pid, page in corpus.pages.items():
        expected = [(h.level, h.anchor) for h in page.headings]
        assert [(h.level, h.anchor) for h in rendered[pid].headings] == expected, pid
        ids = set(re.findall(r'\sid="([^"]*)"', rendered[pid].html))
        assert page.anchors <= ids, pid


def test_no_artifacts_and_nothing_unsafe(rendered_corpus):
    _, corpus, rendered = rendered_corpus
    for pid, r in rendered.items():
        tree = parse_fragment(r.html)
        prose = parse_fragment(r.html)
        for code in [e for e in prose.iter() if e.tag in ("code", "pre")]:
            remove(code)  # code samples may legitimately show markup (the action-registry README does)
        text = visible_text(prose)
        for artifact in ARTIFACTS:
            assert artifact not in text, (pid, artifact)
        tags = {e.tag for e in tree.iter()}
        # The only SVG is our own icon markup inside .rl-icon / .rl-emoji.
        for el in tree.iter():
            if el.tag == "svg":
                assert el.parent is not None and (el.parent.has_class("rl-icon") or el.parent.has_class("rl-emoji"))
        assert not (tags & set(FORBIDDEN_TAGS) - {"svg"}), (pid, tags & set(FORBIDDEN_TAGS))
        for el in tree.iter():
            for name in el.attrs:
                assert not name.startswith("on"), (pid, el.tag, name)
                assert name not in ("style", "target", "srcset"), (pid, el.tag, name)
            if el.tag == "img":
                assert el.attrs["src"].startswith("rl://edition.invalid/asset/"), (pid, el.attrs["src"])
            href = el.attrs.get("href", "")
            assert not re.match(r"\s*(javascript|vbscript|data):", href, re.I), (pid, href)
            if el.tag == "a" and href.startswith("http"):
                assert el.has_class("rl-external"), (pid, href)


def test_internal_links_point_at_pages_that_exist(rendered_corpus):
    _, corpus, rendered = rendered_corpus
    for pid, r in rendered.items():
        for href in re.findall(r'href="rl://edition.invalid/page/([^"#]*)', r.html):
            assert href in corpus.pages, (pid, href)


def test_documents_have_no_script_and_no_remote_resource(rendered_corpus):
    _, corpus, rendered = rendered_corpus
    for pid, r in rendered.items():
        doc = page_document(r, corpus.pages[pid], corpus)
        assert "<script" not in doc.lower(), pid
        assert not re.search(r'\ssrc="(?!rl://edition\.invalid/)', doc), pid
        assert not re.search(r'<link[^>]+href="(?!rl://edition\.invalid/app/)', doc), pid


def test_home_page_script_is_gone_and_page_still_reads(rendered_corpus):
    _, corpus, rendered = rendered_corpus
    r = rendered["index"]
    text = visible_text(parse_fragment(r.html))
    assert "initLandingPage" not in r.html and "addEventListener" not in text
    assert "Wat is de NeRDS?" in text
    # the card grid lists the guidelines with their icons from the bundle
    assert r.html.count('class="rl-icon lg middle"') >= 13


def test_remote_image_and_form_are_neutralised():
    corpus = load_corpus(SHARED / "nerds-2025-12")  # the form and the remote label are in this edition
    rendered = {
        pid: render_page(corpus.pages[pid], corpus, ICONS)
        for pid in ("Over-NeRDS/toegankelijkheid", "richtlijnen/cloud")
    }
    label = rendered["Over-NeRDS/toegankelijkheid"]
    assert len(label.remote_images) == 1 and label.remote_images[0].startswith("https://")
    assert "rl-image-placeholder" in label.html and "Status toegankelijkheidslabel" in label.html
    cloud = rendered["richtlijnen/cloud"]
    text = visible_text(parse_fragment(cloud.html))
    assert "Rijkscloud" in text and "Haven" in text  # the cards still read
    for gone in ("Selecteer een organisatie", "Amsterdam", "YubiKey", "Cluster succesvol aangemaakt"):
        assert gone not in text, gone  # the script-driven form/modal is not shown as loose text


def test_action_cards_filled_from_the_registry():
    corpus = load_corpus(SHARED / "nerds-2026-03")
    page = corpus.pages["richtlijnen/cloud/fases"]
    r = render_page(page, corpus, ICONS)
    expected = corpus.actions_for("cloud", "verkenning")
    assert expected
    first_section = r.html.split('data-fase="ontwerp"')[0]
    for action in expected:
        assert action.name.replace("&", "&amp;") in first_section
    # no action matches cloud/productie: that "Direct aan de slag" block is gone entirely
    assert 'data-fase="productie"' not in r.html
    assert r.html.count("Direct aan de slag") == 3


def test_breadcrumbs_in_documents_match_the_corpus(rendered_corpus):
    from html import escape

    _, corpus, rendered = rendered_corpus
    assert any(corpus.breadcrumb(pid) for pid in corpus.pages)
    for pid, r in rendered.items():
        doc = page_document(r, corpus.pages[pid], corpus)
        crumbs = corpus.breadcrumb(pid)
        if crumbs:
            assert "<ol>" + "".join(f"<li>{escape(c)}</li>" for c in crumbs) + "</ol>" in doc, pid
        else:
            assert "rl-breadcrumb" not in doc, pid
        assert doc.count("<h1") >= 1, pid
        # The summary is shown only when the front matter gives one that the page does not open with.
        assert ("rl-summary" in doc) == bool(shown_summary(corpus.pages[pid], r)), pid


def test_anchor_links_land_on_an_id_of_the_target_page(rendered_corpus):
    _, corpus, rendered = rendered_corpus
    ids = {pid: set(re.findall(r'\sid="([^"]*)"', r.html)) for pid, r in rendered.items()}
    checked = 0
    for pid, r in rendered.items():
        for target, anchor in re.findall(r'href="rl://edition.invalid/page/([^"#]*)#([^"]*)"', r.html):
            assert anchor in ids[target], (pid, target, anchor)
            checked += 1
        for anchor in re.findall(r'href="#([^"]*)"', r.html):
            assert anchor in ids[pid], (pid, anchor)
            checked += 1
    assert checked
