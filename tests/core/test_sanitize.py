"""The allowlist (sanitize.py) and the whole render pipeline against hostile input."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import paths
from reader.core.render import icon_set, page_document, parse_fragment, render_page, sanitize_html

ICONS = icon_set(paths.icons_dir())
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "render"
_spec = importlib.util.spec_from_file_location("rl_fixture_corpus", FIXTURES / "fixture_corpus.py")
assert _spec and _spec.loader
fc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fc)

TRIPWIRE = "http://127.0.0.1:9"


def attrs_of(html: str):
    for el in parse_fragment(html).iter():
        for name, value in el.attrs.items():
            yield el.tag, name, value


@pytest.mark.parametrize(
    "payload, gone",
    [
        ("<script>alert(1)</script>ok", "alert"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<a href="  JAVASCRIPT:alert(1)">x</a>', "alert"),
        ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "svg+xml"),
        ("<svg onload=alert(1)><script>alert(2)</script></svg>", "alert"),
        ('<p style="background:url(http://evil/x.png)">x</p>', "url("),
        ("<style>@import 'http://evil/x.css';</style>", "@import"),
        ('<meta http-equiv="refresh" content="0;url=http://evil/">', "refresh"),
        ('<base href="http://evil/">', "base"),
        ('<link rel="stylesheet" href="http://evil/x.css">', "stylesheet"),
        ('<iframe src="http://evil/"></iframe>', "iframe"),
        ('<object data="http://evil/x"></object><embed src="http://evil/y">', "evil"),
        ('<form action="http://evil/"><input name=q></form>', "evil"),
        ('<img srcset="http://evil/x.png 2x" src="a.png">', "srcset"),
        ('<video src="http://evil/v.mp4"></video><audio src="http://evil/a.mp3"></audio>', "evil"),
        ("<details ontoggle=alert(1) open><summary>s</summary></details>", "ontoggle"),
        ('<a href="https://example.org/" target="_blank">x</a>', "target"),
        ("<template><img src=x onerror=alert(1)></template>", "onerror"),
        ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', "onerror"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', "onerror"),
    ],
)
def test_sanitizer_removes(payload, gone):
    out = sanitize_html(payload)
    assert gone.lower() not in out.lower(), out


def test_sanitizer_keeps_document_markup():
    html = (
        '<h2 id="a">Kop</h2><p class="x" title="t"><strong>vet</strong> <em>schuin</em> <code>code</code></p>'
        '<details open><summary>s</summary><p>t</p></details><table><tr><td colspan="2">c</td></tr></table>'
        '<img src="plaatje.png" alt="alt" width="10"><a href="https://example.org/">e</a>'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="png">'
    )
    out = sanitize_html(html)
    for kept in ('id="a"', "<strong>", "<details open", "<summary>", 'colspan="2"', 'src="plaatje.png"',
                 'href="https://example.org/"', "data:image/png;base64,"):
        assert kept in out, kept


def test_style_survives_only_as_the_hidden_marker():
    assert sanitize_html('<p style="color: red">x</p>') == "<p>x</p>"
    assert 'style="display: none"' in sanitize_html('<div style="margin:0; display:none !important">x</div>')


def test_inputs_only_checkbox_and_radio():
    out = sanitize_html('<input type="checkbox" checked><input type="radio" name="r"><input type="text" value="v">'
                        '<input type="image" src="http://evil/">')
    types = [v for t, n, v in attrs_of(out) if t == "input" and n == "type"]
    assert types == ["checkbox", "radio"]
    assert "evil" not in out and "value" not in out


@pytest.fixture(scope="module")
def xss_rendered():
    text = (FIXTURES / "xss.md").read_text(encoding="utf-8").replace("TRIPWIRE", TRIPWIRE)
    corpus = fc.make_corpus({"xss.md": text})
    page = corpus.pages["xss"]
    rendered = render_page(page, corpus, ICONS)
    return rendered, page_document(rendered, page, corpus)


def test_xss_page_keeps_its_text(xss_rendered):
    rendered, doc = xss_rendered
    for text in ("Gewone tekst blijft staan.", "Alinea met handlers", "Laatste regel blijft ook staan.",
                 "Openklapper", "extern met target", "raster data mag"):
        assert text in doc, text


def test_xss_page_has_no_active_content(xss_rendered):
    rendered, doc = xss_rendered
    lowered = doc.lower()
    assert "pwned" not in lowered  # every sentinel is gone, even as inert text
    for needle in ("<script", "<iframe", "<object", "<embed", "<form", "<base", "<video", "<audio", "<template",
                   "<mglyph", "<noscript", "<style", "http-equiv", "srcset", "javascript:", "vbscript:",
                   "data:text", "svg+xml", "url(", "@import", "expression("):
        assert needle not in lowered, needle
    assert lowered.count("<link") == 1 and lowered.count("<meta") == 1  # our stylesheet and charset only
    for tag, name, _value in attrs_of(rendered.html):
        assert not name.startswith("on"), (tag, name)
        assert name not in ("style", "target", "srcset", "poster", "action", "formaction", "background")


def test_xss_page_fetches_nothing(xss_rendered):
    rendered, doc = xss_rendered
    # The tripwire URL may only remain as a placeholder's title (text for the reader), never as src/href.
    for tag, name, value in attrs_of(doc[doc.index("<body"):]):
        if TRIPWIRE in value:
            assert name in ("title", "aria-label"), (tag, name, value)
    assert set(rendered.remote_images) == {f"{TRIPWIRE}/plain.png", f"{TRIPWIRE}/md-image.png",
                                           f"{TRIPWIRE}/linked.png"}
    assert not re.search(r'\s(src|href)="https?://127\.0\.0\.1', doc)
    # a raster data: image is allowed and kept
    assert 'src="data:image/png;base64,' in doc


def test_xss_links_external_lose_target_and_gain_marker(xss_rendered):
    rendered, _ = xss_rendered
    ext = [
        el for el in parse_fragment(rendered.html).iter() if el.tag == "a" and el.text_content() == "extern met target"
    ]
    assert len(ext) == 1
    assert ext[0].attrs["rel"] == "noopener noreferrer" and ext[0].has_class("rl-external")
    # javascript: links are plain text now
    holders = [el for el in parse_fragment(rendered.html).iter() if el.text_content() == "javascript-link"]
    assert "span" in {el.tag for el in holders} and "a" not in {el.tag for el in holders}


_TOKENS = st.sampled_from([
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>", "</a>", "<svg>", "<style>",
    "[l](javascript:x)", "![i](http://evil/x.png)", "!!! note", "    ", "\n", "<div markdown>", "</div>", "`",
    "```", "<!--", "-->", "<![CDATA[", "]]>", "&lt;script&gt;", "<p onclick=x>", "=== \"t\"", "??? n", "{: onclick=x }",
    "{ onmouseover=alert(1) }", "<iframe>", "<", ">", "\"", "'", "text", "<base href=//evil>", ":smile:",
    ":material-cloud:", "<div class=\"action-cards\" data-richtlijn=\"proef\"></div>", "[^1]", "[^1]: n",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKENS, max_size=40).map("".join))
def test_random_hostile_markdown_never_yields_active_content(body):
    corpus = fc.make_corpus({"p.md": body})
    page = corpus.pages["p"]
    doc = page_document(render_page(page, corpus, ICONS), page, corpus)
    lowered = doc.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<base" not in lowered
    for tag, name, value in attrs_of(doc):
        assert not name.startswith("on"), (tag, name)
        assert "javascript:" not in value.lower(), (tag, name, value)  # as escaped text it is harmless
        if name in ("src", "href"):
            assert value.startswith(("rl://edition.invalid/", "#", "https:", "http:", "mailto:", "tel:",
                                     "data:image/")), (tag, name, value)
            if tag == "img" or (tag == "link"):
                assert value.startswith(("rl://edition.invalid/", "data:image/")), (tag, value)
