"""render_page / page_document on fixture pages written for these tests (no corpus text)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from reader import paths
from reader.core.model import Page
from reader.core.render import IconSet, icon_set, page_document, parse_fragment, render_page, visible_text

ICONS = icon_set(paths.icons_dir())
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "render"
_spec = importlib.util.spec_from_file_location("rl_fixture_corpus", FIXTURES / "fixture_corpus.py")
assert _spec and _spec.loader
fc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fc)

ARTIFACTS = ("!!!", "???", "{:", ":material-", "](", "[ ]", "[x]", "<div", "&lt;", "===")


@pytest.fixture(scope="module")
def corpus():
    return fc.fixture_corpus()


@pytest.fixture(scope="module")
def rendered(corpus):
    return render_page(corpus.pages["constructs"], corpus, ICONS)


@pytest.fixture(scope="module")
def tree(rendered):
    return parse_fragment(rendered.html)


def els(tree, tag, cls=None):
    return [e for e in tree.iter() if e.tag == tag and (cls is None or e.has_class(cls))]


def one(tree, tag, cls=None):
    found = els(tree, tag, cls)
    assert len(found) == 1, (tag, cls, len(found))
    return found[0]


def test_no_markdown_artifacts_in_visible_text(tree):
    text = visible_text(tree)
    for artifact in ARTIFACTS:
        assert artifact not in text, artifact
    assert "print(\"hallo <wereld>\")" in text  # code keeps its characters, escaped in HTML only


def test_admonitions_with_types_and_dutch_default_title(tree):
    kinds = {tuple(sorted(set(e.classes()) - {"admonition"})) for e in els(tree, "div", "admonition")}
    assert {("note",), ("warning",), ("danger",), ("example",)} <= kinds
    titles = [e.text_content() for e in els(tree, "p", "admonition-title")]
    assert titles == ["Let op", "Waarschuwing", "Gevaar", "Voorbeeld"]


def test_details_closed_and_open(tree):
    details = els(tree, "details")
    assert [d.attrs.get("open") for d in details] == [None, ""]
    assert [one_summary.text_content() for d in details for one_summary in els(d, "summary")] == [
        "Inklapbaar", "Open inklapbaar"]


def test_tabs_are_radio_inputs_with_labels(tree):
    tabset = one(tree, "div", "tabbed-set")
    radios = [e for e in tabset.iter() if e.tag == "input"]
    assert [r.attrs["type"] for r in radios] == ["radio", "radio"]
    assert "checked" in radios[0].attrs
    labels = [e for e in tabset.iter() if e.tag == "label"]
    assert [lab.attrs["for"] for lab in labels] == [r.attrs["id"] for r in radios]
    assert len(els(tabset, "div", "tabbed-block")) == 2


def test_task_list_checkboxes_numbered_and_listed(rendered, tree):
    assert rendered.checklist == ("Eerste taak met link", "Tweede taak, al gedaan")
    boxes = [e for e in tree.iter() if e.tag == "input" and e.attrs.get("type") == "checkbox"]
    assert [b.attrs["data-rl-check"] for b in boxes] == ["0", "1"]
    assert "checked" in boxes[1].attrs and "checked" not in boxes[0].attrs
    assert all("disabled" not in b.attrs for b in boxes)  # the reader saves ticks


def test_links_internal_anchor_external_missing(rendered, tree):
    hrefs = {a.text_content(): a.attrs.get("href") for a in els(tree, "a")}
    assert hrefs["interne link"] == "rl://edition.invalid/page/andere#tweede-kop"
    assert hrefs["map-link"] == "rl://edition.invalid/page/sub"
    assert hrefs["anker"] == "#tabellen"
    ext = next(a for a in els(tree, "a") if a.text_content() == "externe link")
    assert ext.attrs["href"] == "https://example.org/pad"
    assert ext.has_class("rl-external") and "target" not in ext.attrs
    missing = one(tree, "span", "rl-link-missing")
    assert missing.text_content() == "kapotte link"
    assert "bestaat-niet.md" in missing.attrs["title"]
    assert [(p.code, p.line) for p in rendered.problems] == [("link-missing", 4)]


def test_tables_scroll(tree):
    wrapper = one(tree, "div", "rl-table-scroll")
    assert wrapper.children[0].tag == "table"


def test_code_and_mermaid(tree):
    codes = [c.attrs.get("class") for c in els(tree, "code")]
    blocks = [d.attrs.get("class") for d in els(tree, "div")]
    assert "language-python highlight" in blocks and "language-mermaid" in codes  # Pygments on the block
    fig = one(tree, "figure", "rl-diagram")
    assert "Mermaid" in fig.text_content() and "A-->B" in fig.text_content()


def test_card_grid_and_icons(tree):
    grid = one(tree, "div", "grid")
    assert grid.has_class("cards")
    items = [li for li in grid.iter() if li.tag == "li"]
    assert len(items) == 2
    # A known icon becomes inline SVG (when the bundle is present); an unknown one leaves no trace.
    assert ":material" not in visible_text(grid)
    assert "dit-icoon-bestaat-niet" not in serialize_children(grid)
    icon = one(grid, "span", "rl-icon")  # only the known one is left
    assert icon.has_class("lg") and icon.has_class("middle")  # attr_list classes kept
    svg = one(icon, "svg")
    assert svg.attrs["viewbox"] == "0 0 24 24"  # html.parser lower-cases; the HTML parser restores it
    assert svg.attrs["aria-hidden"] == "true"


def serialize_children(el):
    from reader.core.render import serialize

    return serialize(el)


def test_emoji_is_a_bundled_svg_not_a_remote_image(tree):
    emoji = one(tree, "span", "rl-emoji")
    assert emoji.attrs["aria-label"] == "smile" and emoji.attrs["role"] == "img"
    svg = one(emoji, "svg")
    assert any(e.tag == "path" for e in svg.iter())
    assert all("twemoji" not in i.attrs.get("src", "") for i in els(tree, "img"))


def test_emoji_missing_from_bundle_falls_back_to_the_character(tmp_path):
    corpus = fc.make_corpus({"a.md": "# A\n\nBlij :smile:\n"})
    tree = parse_fragment(render_page(corpus.pages["a"], corpus, IconSet(tmp_path)).html)  # a folder without a bundle
    assert one(tree, "span", "rl-emoji").text_content() == "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}"


def test_action_cards_filled_escaped_and_empty_placeholder_removed(rendered, tree):
    cards = els(tree, "article", "rl-action-card")
    assert [one(c, "p", "rl-action-name").text_content() for c in cards] == ["Proefkaart", "Conceptkaart <b>vet</b>"]
    assert "&lt;b&gt;vet&lt;/b&gt;" in rendered.html and "<b>vet" not in rendered.html
    badges = [e.text_content() for e in els(tree, "span", "rl-badge")]
    assert badges == ["beschikbaar", "concept"]
    link = one(cards[0], "a")
    assert link.attrs["href"] == "https://example.org/start" and link.has_class("rl-external")
    # the placeholder for "niets" matched no action: it and its "Direct aan de slag" wrapper are gone
    assert len(els(tree, "div", "direct-aan-de-slag")) == 1
    assert 'data-richtlijn="niets"' not in rendered.html


def test_images_local_and_remote(rendered, tree):
    img = one(tree, "img")
    assert img.attrs["src"] == "rl://edition.invalid/asset/plaatje.png"
    ph = one(tree, "span", "rl-image-placeholder")
    assert "Plaatje op internet" in ph.text_content()
    assert rendered.remote_images == ("https://example.org/foto.png",)
    assert "https://example.org/foto.png" not in re.findall(r'src="([^"]*)"', rendered.html)


def test_footnotes_and_abbreviations(tree):
    assert one(tree, "abbr").attrs["title"] == "HyperText Markup Language"
    ref = one(tree, "a", "footnote-ref")
    target = ref.attrs["href"][1:]
    assert any(e.attrs.get("id") == target for e in tree.iter())


def test_headings_match_the_importer_and_sections_split(rendered, corpus):
    page = corpus.pages["constructs"]
    assert [h.anchor for h in rendered.headings] == [h.anchor for h in page.headings]
    anchors = [s.anchor for s in rendered.sections]
    assert anchors[0] == ""
    assert anchors[1:] == [h.anchor for h in page.headings if h.level in (2, 3)]
    by_anchor = {s.anchor: s for s in rendered.sections}
    assert "Inhoud van tab twee." in by_anchor["tabbladen"].text
    assert "Een inleiding met een interne link" in by_anchor[""].text
    assert "Tabbladen" not in by_anchor["mededelingen"].text


def test_page_abbreviations_from_the_importer():
    corpus = fc.make_corpus({"a.md": "# A\n\nDe WCAG geldt.\n"})
    page = corpus.pages["a"]
    # A page built by hand, without the importer's Markdown pass (html ""): rendering parses it with its abbreviations.
    page = Page(**{**page.__dict__, "abbreviations": {"WCAG": "Web Content Accessibility Guidelines"}, "html": ""})
    corpus.pages["a"] = page
    html = render_page(page, corpus, ICONS).html
    assert '<abbr title="Web Content Accessibility Guidelines">WCAG</abbr>' in html


def test_anchor_case_is_repaired_for_internal_links():
    corpus = fc.make_corpus({"a.md": "# A\n\n[naar b](b.md#Communities)\n", "b.md": "# B\n\n## Communities\n"})
    rendered = render_page(corpus.pages["a"], corpus, ICONS)
    assert 'href="rl://edition.invalid/page/b#communities"' in rendered.html
    assert rendered.problems == ()


def test_anchor_to_unknown_heading_is_a_warning():
    corpus = fc.make_corpus({"a.md": "# A\n\n[naar b](b.md#nergens)\n", "b.md": "# B\n\n## Iets\n"})
    rendered = render_page(corpus.pages["a"], corpus, ICONS)
    assert [p.code for p in rendered.problems] == ["anchor-missing"]


def test_page_document_shell(rendered, corpus):
    page = corpus.pages["constructs"]
    page = Page(**{**page.__dict__, "title": 'Titel <met> "tekens" & meer', "summary": "Korte <i>samenvatting</i>"})
    doc = page_document(rendered, page, corpus)
    assert doc.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in doc
    assert "<title>Titel &lt;met&gt; &quot;tekens&quot; &amp; meer</title>" in doc
    assert '<link rel="stylesheet" href="rl://edition.invalid/app/css/page.css">' in doc
    assert "<script" not in doc.lower()
    assert not re.search(r"""(src|href)=["']?https?:""", doc.replace('href="https://example.org/pad"', "")
                         .replace('href="https://example.org/start"', ""))
    # breadcrumb above the content, summary right under the first h1
    assert doc.index('class="rl-breadcrumb"') < doc.index("<h1")
    h1_end = doc.index("</h1>")
    assert doc.index('class="rl-summary"') == h1_end + len("</h1>") + len("<p ")
    assert "Korte &lt;i&gt;samenvatting&lt;/i&gt;" in doc


def test_page_document_generates_h1_when_body_has_none():
    corpus = fc.make_corpus({"a.md": "---\ntitle: Zonder kop\nsummary: Samenvatting hier\n---\n\nAlleen tekst.\n"})
    page = corpus.pages["a"]
    doc = page_document(render_page(page, corpus, ICONS), page, corpus)
    tree = parse_fragment(doc[doc.index("<article"):])
    h1 = one(tree, "h1")
    assert h1.text_content() == "Zonder kop"
    assert "Samenvatting hier" in doc and doc.index("Samenvatting hier") < doc.index("Alleen tekst.")


def test_rendering_is_deterministic(corpus):
    page = corpus.pages["constructs"]
    assert render_page(page, corpus, ICONS) == render_page(page, corpus, ICONS)


def test_corpus_lookups_follow_a_corpus_that_grows():
    corpus = fc.make_corpus({"a.md": "# A\n\n[naar b](b.md)\n"})
    assert "rl-link-missing" in render_page(corpus.pages["a"], corpus, ICONS).html
    b = fc.make_page("b.md", "# B\n")
    corpus.pages[b.id] = b
    assert 'href="rl://edition.invalid/page/b"' in render_page(corpus.pages["a"], corpus, ICONS).html


def test_heading_ids_follow_the_importer_even_with_icons_in_headings():
    body = "# T\n\n[naar wolk](#wolk)\n\n## :material-cloud: Wolk\n\n## Blij :smile: hier\n\n## Wolk\n"
    corpus = fc.make_corpus({"a.md": body})
    page = corpus.pages["a"]
    rendered = render_page(page, corpus, ICONS)
    assert [h.anchor for h in rendered.headings] == [h.anchor for h in page.headings]
    ids = re.findall(r'<h2 id="([^"]+)"', rendered.html)
    assert ids == [h.anchor for h in page.headings if h.level == 2]
    assert "rl-icon" in rendered.html and ":material" not in rendered.html
    assert 'href="#wolk"' in rendered.html and rendered.problems == ()  # the link lands on the importer's "wolk"


def test_hidden_and_script_only_parts_are_dropped_but_similar_names_kept():
    body = (
        '# A\n\n<div class="cluster-modal"><p>Dialoog</p></div>\n\n<div class="modal-overlay">Overlay</div>\n\n'
        '<div class="modality-info"><p>Modaliteit blijft</p></div>\n\n<p style="display:none">Verborgen</p>\n\n'
        '<p hidden>Ook verborgen</p>\n\n<p style="color:red">Zichtbaar zonder stijl</p>\n\n'
        '<button class="x" onclick="go()">Knop</button>\n\n<input type="text" value="weg">\n'
    )
    corpus = fc.make_corpus({"a.md": body})
    html = render_page(corpus.pages["a"], corpus, ICONS).html
    for gone in ("Dialoog", "Overlay", "Verborgen", "Ook verborgen", "weg", "style=", "onclick", "<button"):
        assert gone not in html, gone
    assert "Modaliteit blijft" in html and "Zichtbaar zonder stijl" in html
    assert '<span class="rl-button">Knop</span>' in html


def test_nothing_leaks_from_one_page_into_the_next():
    corpus = fc.make_corpus({
        "a.md": "# A\n\nHTML hier[^1].\n\n[^1]: noot\n\n*[HTML]: HyperText\n\n=== \"t\"\n\n    x\n",
        "b.md": "# B\n\nHTML daar.\n\n=== \"u\"\n\n    y\n",
    })
    render_page(corpus.pages["a"], corpus, ICONS)
    b = render_page(corpus.pages["b"], corpus, ICONS).html
    assert "<abbr" not in b and "footnote" not in b
    assert 'id="__tabbed_1_1"' in b  # tab ids restart per page: documents are separate
