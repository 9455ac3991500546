"""Hostile corpus content through the build pipeline, with no display: whatever a page says, the stored edition
holds only allowlisted, inert markup; every corpus string placed into HTML is escaped; the serving and navigation
rules refuse anything that could turn a corpus file into an active document.

The fixture text below is written for these tests (no corpus text is copied). The GUI counterpart, which loads
the same kind of edition in the real engine with a tripwire server, is tests/gui/test_hostile_corpus.py.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader import paths
from reader.core import navigation as nav
from reader.core.edition import build_edition, resolve_url
from reader.core.links import asset_url
from reader.core.navigation import Decision, NavigationRequest, decide
from reader.core.render.sanitize import ATTRIBUTES, GENERIC_ATTRIBUTES, MATHML_TAGS, TAGS, sanitize_html
from reader.core.search import make_snippet
from reader.core.userdata import to_netscape_html

WIRE = "http://127.0.0.1:9"  # a port nothing listens on; the GUI test uses a live tripwire instead

# Raw HTML an author might put in a Markdown page, each line one attempt to run script or fetch something.
HOSTILE_LINES = [
    f'<img srcset="{WIRE}/srcset 1x" src="ok.png" alt="s">',
    f'<picture><source srcset="{WIRE}/source"><img src="ok.png" alt="p"></picture>',
    f'<video poster="{WIRE}/poster"><source src="{WIRE}/vsrc"></video>',
    f'<input type="image" src="{WIRE}/inputimage">',
    f'<link rel="preload" href="{WIRE}/preload"><link rel="prefetch" href="{WIRE}/prefetch">',
    f'<link rel="dns-prefetch" href="{WIRE}"><link rel="preconnect" href="{WIRE}">',
    f'<a ping="{WIRE}/ping" href="https://example.org/">ping</a>',
    f'<meta http-equiv="refresh" content="0;url={WIRE}/refresh">',
    f'<base href="{WIRE}/">',
    f'<svg><image href="{WIRE}/svgimage"/><use xlink:href="{WIRE}/use#x"/>'
    f'<foreignObject><img src="{WIRE}/fo"></foreignObject></svg>',
    f'<object data="{WIRE}/object"></object><embed src="{WIRE}/embed">',
    "<iframe srcdoc=\"<script>parent.document.title='PWN'</script>\"></iframe>",
    "<a href=\"jav&#x09;ascript:document.title='PWN'\">j1</a> <a href=\"JaVaScRiPt:document.title='PWN'\">j2</a>",
    "<a href=\"&#106;avascript:document.title='PWN'\">j3</a> <a href=\" javascript:document.title='PWN'\">j4</a>",
    "<a href=\"java\nscript:document.title='PWN'\">j5</a> <a href=\"&#x6A;&#x61;vascript&colon;x\">j6</a>",
    '<a href="data:text/html,<script>document.title=1</script>">d1</a> <a href="blob:rl://edition.invalid/x">b</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+" alt="svgdata">',
    '<img src="data:image/png;base64,AAAA" onerror="document.title=1" alt="pngdata">',
    f'<button formaction="{WIRE}/formaction" onclick="x">knop</button>',
    '<div OnClick="x" oNmOuSeOvEr="y" ONFOCUS="z">handlers</div>',
    "<!-- <img src=x onerror=alert(1)> --> <![CDATA[ <script>document.title='PWN'</script> ]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><img src=x onerror=alert(1)></template>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>",
    '<a href="rl://other.host/page/x">rl-other</a> <a href="rl://edition.invalid/app/../../x">rl-app</a>',
    f'<div style="background:url({WIRE}/styleurl)">s1</div>',
    f'<p style="display:none;background-image:url({WIRE}/hiddenurl)">s2</p>',
    f'<span style="background-image:image-set(url({WIRE}/imageset) 1x)">s3</span>',
    f'<style>@import url("{WIRE}/import.css");</style>',
    "<details open ontoggle=\"document.title='PWN'\"><summary>det</summary>inhoud</details>",
    '<img src="ok.png" usemap="#m" alt="map"><map name="m"><area href="javascript:x"></map>',
    '<a href="ok.png" download target="_blank">dl</a>',
    "<isindex action=\"javascript:x\"><keygen autofocus onfocus=\"x\">",
    '<img src="ok.png" alt="&quot; onerror=&quot;x">',
    f'<table background="{WIRE}/tablebg"><tr><td background="{WIRE}/tdbg">t</td></tr></table>',
    f'<body background="{WIRE}/bodybg"><div data-x="{WIRE}/datax" data-src="{WIRE}/datasrc">dd</div>',
    '<div data-richtlijn="&quot;><script>x</script>" data-tabs="x">dt</div>',
    '<span data-icon="material-../../../etc/passwd">i1</span> <span data-emoji="../../x">e1</span>',
    "<input type=\"checkbox\" onclick=\"x\" formaction=\"javascript:x\"> <input type=\"text\" value=\"v\">",
    f'<img src="ok.png" alt="a{"x" * 19_000}">',  # just under the importer's line limit
]

# What a sanitized edition may contain: the sanitizer's allowlist plus what rendering adds itself.
RENDER_ADDED_ATTRS = {"class", "rel", "title", "role", "aria-label", "tabindex", "data-rl-check", "loading"}
ICON_SVG_TAGS = {"svg", "path", "g", "circle", "rect", "ellipse", "line", "polyline", "polygon"}
DOCUMENT_TAGS = {"html", "head", "meta", "title", "link", "body", "main", "article", "footer", "nav", "ol", "li", "h1",
                 "p"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def collect(html: str) -> _Collect:
    c = _Collect()
    c.feed(html)
    c.close()
    return c


def assert_inert(html: str) -> None:
    """Every element and attribute is allowlisted; every URL is ours, a page-local anchor, or a clicked-only web
    link; no style, no handler, nothing that fetches."""
    got = collect(html)
    assert not got.comments
    for tag, attrs in got.elements:
        in_icon = tag in ICON_SVG_TAGS
        assert tag in TAGS or tag in MATHML_TAGS or in_icon or tag in DOCUMENT_TAGS, tag
        for name, value in attrs.items():
            value = value or ""
            assert not name.startswith("on"), (tag, name)
            assert name not in ("style", "srcset", "ping", "formaction", "poster", "background", "data", "action",
                                "xlink:href", "srcdoc", "usemap", "download", "target", "http-equiv"), (tag, name)
            if in_icon:
                continue
            allowed = GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, set()) | RENDER_ADDED_ATTRS
            if tag in DOCUMENT_TAGS and tag not in TAGS:
                allowed |= {"lang", "charset", "rel", "href", "data-page"}
            assert name in allowed, (tag, name)
            if name == "src":
                assert value.startswith("rl://edition.invalid/asset/") or (
                    value.startswith("data:image/") and ";base64," in value and "svg" not in value.lower()
                ), value
            if name == "href":
                if tag == "link":
                    assert value == "rl://edition.invalid/app/css/page.css", value
                else:
                    assert value.startswith(("rl://edition.invalid/", "#", "https://", "http://", "mailto:")), value


def write_hostile_source(dest: Path, wire: str = WIRE) -> Path:
    """A small MkDocs project of hostile pages (and hostile assets: an HTML page and an SVG document)."""
    docs = dest / "docs"
    (docs / "sub").mkdir(parents=True)
    title = "Titel <script>document.title='PWN'</script> \"dubbel\" 'enkel' & <b>vet</b>"
    (dest / "mkdocs.yml").write_text(
        "site_name: \"Vijandig <b>vet</b> <img src='/etc/x.png'>\"\nnav:\n  - Start: index.md\n"
        f"  - {json.dumps(title)}:\n      - Kwaad: kwaad.md\n      - Sub: sub/index.md\n",
        encoding="utf-8",
    )
    (docs / "index.md").write_text(
        "---\n"
        f"title: {json.dumps(title)}\n"
        "summary: \"Samenvatting <img src=x onerror=document.title='PWN'> </p><script>x</script> & meer\"\n"
        "---\n\n"
        "Geen kop op deze pagina, dus de titel wordt gegenereerd.\n\n"
        "[kwaad](kwaad.md) [html-bestand](bestand.html) [svg-bestand](tekening.svg)\n\n"
        f"[weblink]({wire}/klik) <{wire}/auto>\n",
        encoding="utf-8",
    )
    body = "\n\n".join(line.replace(WIRE, wire) for line in HOSTILE_LINES)
    (docs / "kwaad.md").write_text(
        ("---\ntitle: Kwaad\nsummary: Elke regel probeert iets.\n---\n\n# Kwaad\n\n"
        "## Kop &lt;b&gt;vet&lt;/b&gt; &lt;img src='/etc/x.png'&gt;\n\n"
        "Een HTML-woord en een *[nadruk]*{: onclick=\"x\" style=\"background:url(WIRE/attr)\" }\n\n"
        "Alinea\n{: onclick=\"document.title='PWN'\" style=\"background:url(WIRE/attrlist)\""
        " href=\"javascript:x\" }\n\n"
        '!!! note "<img src=x onerror=alert(1)> notitel"\n    Inhoud.\n\n'
        '=== "<script>x</script> tab"\n    Tab-inhoud.\n\n'
        "Voetnoot[^1].\n\n[^1]: <img src=x onerror=alert(1)> voetnoottekst\n\n"
        "```mermaid\ngraph TD; A-->B; click A \"javascript:alert(1)\"\n</code></pre><script>x</script>\n```\n\n"
        "*[HTML]: Hyper\"Text\" <script>document.title='PWN'</script>\n\n"
        '<div class="action-cards" data-richtlijn="kwaad"></div>\n\n'
        f"[proto-relatief](//127.0.0.1:9/x) ![omhoog](../../../../etc/passwd) ![abs](/etc/passwd)\n\n"
        ":material-../../etc/passwd: :fontawesome-../x:\n\n"
        f"{body}\n\n"
        "Laatste regel blijft staan.\n").replace("WIRE", wire),
        encoding="utf-8",
    )
    # A line far above the importer's limit: the page is refused (left out), not half-rendered.
    (docs / "groot.md").write_text(f'# Groot\n\n<img src="ok.png" alt="{"x" * 300_000}">\n', encoding="utf-8")
    (docs / "sub" / "index.md").write_text(
        "---\ntitle: \"Sub </title><script>x</script>\"\nsummary: Gewoon.\n---\n\n"
        "# Sub <img src=x onerror=alert(1)>\n\nTekst met `<code>` en &lt;script&gt;.\n",
        encoding="utf-8",
    )
    (docs / "ok.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360f8cf000000030101001826dd8b0000000049454e44ae426082"
        )
    )
    (docs / "actions.yaml").write_text(
        "actions:\n"
        + "".join(
            f"  - id: k{i}\n    name: \"Kaart <script>x</script> {i}\"\n    source: {json.dumps(url)}\n"
            "    description: \"<img src=x onerror=alert(1)>\"\n    richtlijn: kwaad\n    fase: [bouw]\n"
            "    type: \"<b>t</b>\"\n    action: \"<i>Open</i>\"\n    status: \"<u>s</u>\"\n"
            for i, url in enumerate(["javascript:document.title='PWN'", "data:text/html,<script>x</script>",
                                     "rl://edition.invalid/asset/tekening.svg", "tekening.svg", wire + "/kaart"])
        ),
        encoding="utf-8",
    )
    (docs / "bestand.html").write_text(
        "<!DOCTYPE html><html><head><title>bestand</title>"
        f'<link rel="preconnect" href="{wire}"><link rel="dns-prefetch" href="{wire}">'
        f'<link rel="stylesheet" href="{wire}/css"><meta http-equiv="refresh" content="0;url={wire}/refresh">'
        "</head><body><script>document.title='PWN'</script>"
        f'<img src="{wire}/img">HTML-BESTAND</body></html>',
        encoding="utf-8",
    )
    (docs / "tekening.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="10" height="10"'
        " onload=\"document.title='PWN'\"><script>document.title='PWN'</script>"
        f'<foreignObject width="10" height="10"><h:link rel="preconnect" href="{wire}"/></foreignObject>'
        f'<image href="{wire}/svgimage"/><rect width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    return dest


@pytest.fixture(scope="module")
def hostile_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    source = write_hostile_source(root / "src")
    report = build_edition(source, root / "edition", keep_going=True, icons_dir=paths.icons_dir())
    assert [(p.file, p.code) for p in report.left_out] == [("docs/groot.md", "line-too-long")]
    return root / "edition"


# --- the sanitizer on its own ---------------------------------------------------------------------------------
@pytest.mark.parametrize("line", HOSTILE_LINES, ids=range(len(HOSTILE_LINES)))
def test_each_hostile_line_sanitizes_to_inert_markup(line: str) -> None:
    out = sanitize_html(line)
    got = collect(out)
    for tag, attrs in got.elements:
        assert tag in TAGS | MATHML_TAGS, tag  # MathML: the reader typesets math (render/math.py)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name in GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, set()), (tag, name)
            if name == "style":
                assert value == "display: none"
            if name in ("href", "src"):
                low = (value or "").strip().lower()
                assert not low.startswith(
                    ("javascript", "data:text", "data:image/svg", "blob:", "rl:", "vbscript")
                ), value
    assert "127.0.0.1" not in "".join(str(a.get("src", "")) + str(a.get("srcset", "")) for _, a in got.elements)


def test_sanitizing_is_stable() -> None:
    """mXSS guard: what the sanitizer emits, parsed and sanitized again, is the same markup (no re-parse surprise)."""
    for line in HOSTILE_LINES:
        once = sanitize_html(line)
        assert sanitize_html(once) == once, line


# --- the stored edition ----------------------------------------------------------------------------------------
def test_every_stored_page_is_inert(hostile_edition: Path) -> None:
    pages = sorted((hostile_edition / "pages").rglob("*.html"))
    assert len(pages) == 3
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert_inert(html)
        # The tripwire address may appear as text, or as a web link that only a click (and a question) opens.
        for tag, attrs in collect(html).elements:
            for name, value in attrs.items():
                if "127.0.0.1" in (value or ""):
                    assert tag == "a" and name in ("href", "title"), (tag, name)
                    assert value.removeprefix("Externe link: ") in (WIRE + "/klik", WIRE + "/auto", WIRE + "/kaart",
                                                                   "https://127.0.0.1:9/x"), value
    kwaad = (hostile_edition / "pages" / "kwaad.html").read_text(encoding="utf-8")
    assert "Laatste regel blijft staan." in kwaad


def test_front_matter_strings_are_escaped_everywhere(hostile_edition: Path) -> None:
    index = (hostile_edition / "pages" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "<b>" not in index and "onerror=" not in index.replace("onerror=document", "")
    head_title = index.split("<title>", 1)[1].split("</title>", 1)[0]
    assert head_title == (
        "Titel &lt;script&gt;document.title=&#x27;PWN&#x27;&lt;/script&gt; &quot;dubbel&quot; &#x27;enkel&#x27; "
        "&amp; &lt;b&gt;vet&lt;/b&gt;"
    )
    assert '<h1 class="rl-generated-title">Titel &lt;script&gt;' in index
    assert '<p class="rl-summary">Samenvatting &lt;img src=x onerror=' in index
    # The nav section named after the hostile title is the breadcrumb of kwaad and sub.
    kwaad = (hostile_edition / "pages" / "kwaad.html").read_text(encoding="utf-8")
    assert "<li>Titel &lt;script&gt;document.title=&#x27;PWN&#x27;&lt;/script&gt;" in kwaad
    sub = (hostile_edition / "pages" / "sub.html").read_text(encoding="utf-8")
    assert sub.count("</title>") == 1 and "<script" not in sub
    assert "&lt;code&gt;" in sub and "&lt;script&gt;" in sub


def test_markdown_extensions_keep_hostile_text_as_text(hostile_edition: Path) -> None:
    kwaad = (hostile_edition / "pages" / "kwaad.html").read_text(encoding="utf-8")
    assert "notitel" in kwaad and "Tab-inhoud." in kwaad and "voetnoottekst" in kwaad
    assert 'title="Hyper&quot;Text&quot; &lt;script&gt;' in kwaad  # the abbreviation, escaped
    assert 'click A "javascript:alert(1)"' in kwaad  # mermaid source shown as text
    assert "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;" in kwaad
    cards = [a for t, a in collect(kwaad).elements if t == "article" and "rl-action-card" in (a.get("class") or "")]
    assert len(cards) == 5
    assert "Kaart &lt;script&gt;x&lt;/script&gt; 0" in kwaad and "&lt;i&gt;Open&lt;/i&gt;" in kwaad
    links = [a.get("href") for t, a in collect(kwaad.split('rl-action-cards"', 1)[1]).elements if t == "a"]
    # javascript:, data: and rl: give no link; the SVG file is an asset link (which the view will not open as a
    # document, see below); the web address is a link that only a click, and a question, opens.
    assert links[:2] == ["rl://edition.invalid/asset/tekening.svg", WIRE + "/kaart"], links


def test_bundled_icons_hold_only_shapes() -> None:
    """Icon markup is inserted unescaped (trusted): it must hold nothing that runs, fetches or links."""
    import re

    from reader.core.render import icon_set

    icons = icon_set(paths.icons_dir())
    bad = re.compile(r"(?i)\son\w+\s*=|href|url\(|<\s*(script|style|foreignobject|image|use|a|iframe)\b|javascript:")
    entries = list(icons.icons.items()) + list(icons.emoji.items())
    assert len(entries) > 1000
    assert [k for k, v in entries if bad.search(v)] == []
    assert icons.icon_svg("material-../../etc/passwd") is None and icons.emoji_svg("../../x") is None


def test_hostile_links_become_inert_text(hostile_edition: Path) -> None:
    kwaad = (hostile_edition / "pages" / "kwaad.html").read_text(encoding="utf-8")
    got = collect(kwaad)
    hrefs = [a.get("href") for t, a in got.elements if t == "a"]
    assert all(h and h.startswith(("rl://edition.invalid/", "https://", "http://127.0.0.1:9/", "#")) for h in hrefs)
    texts = ["j1", "j2", "j3", "j4", "j5", "j6", "d1", "rl-other", "rl-app"]
    for text in texts:  # the link text stays readable, the link is gone
        assert f">{text}</a>" not in kwaad, text
    assert "/etc/passwd" not in "".join(str(a.get("src")) for t, a in got.elements if t == "img")


def test_snippets_and_bookmark_export_escape_corpus_text() -> None:
    from reader.core.userdata import Bookmark

    snippet = make_snippet("begin <script>alert('x')</script> & <img src=x onerror=y> zoekwoord eind", ["zoekwoord"])
    assert "<script" not in snippet and "<img" not in snippet
    assert "&lt;script&gt;" in snippet and "<mark>zoekwoord</mark>" in snippet
    assert [t for t, _ in collect(snippet).elements] == ["mark"]

    bookmark = Bookmark(id=1, page_id='p"><script>z</script>', anchor="a'><b>", title='T "><script>x</script>',
                        note="</DD><script>y</script>", folder="<h3>F</h3>", created=0.0, updated=0.0)
    exported = to_netscape_html([bookmark], ["<h3>F</h3>"])
    assert "<script" not in exported.lower()
    assert "<h3>F" not in exported


# --- serving and navigation: a corpus file is never an active document ---------------------------------------
@pytest.mark.parametrize("name", ["bestand.html", "page.htm", "doc.xhtml", "data.xml", "feed.rss", "x.shtml",
                                  "arch.mht", "arch.mhtml", "s.xsl", "t.xht"])
def test_document_like_assets_are_served_inert(tmp_path: Path, name: str) -> None:
    edition = tmp_path / "edition"
    (edition / "assets").mkdir(parents=True)
    (edition / "assets" / name).write_text("<html><link rel=preconnect href=http://127.0.0.1:9></html>")
    served = resolve_url(asset_url(name), edition, tmp_path / "resources")
    assert served is not None
    assert served.mime.split(";")[0] in ("text/plain", "application/octet-stream"), served.mime


def test_safe_assets_keep_their_types(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    (edition / "assets").mkdir(parents=True)
    want = {"a.png": "image/png", "b.jpg": "image/jpeg", "c.svg": "image/svg+xml", "d.pdf": "application/pdf",
            "e.gif": "image/gif", "f.webp": "image/webp", "g.ico": "image/x-icon"}
    for name in want:
        (edition / "assets" / name).write_bytes(b"x")
    for name, mime in want.items():
        assert resolve_url(asset_url(name), edition, tmp_path / "resources").mime == mime


@pytest.mark.parametrize("kind", [nav.LINK_CLICKED, nav.TYPED, nav.BACK_FORWARD, nav.RELOAD, nav.OTHER])
def test_svg_assets_are_never_opened_as_documents(kind: str) -> None:
    """An SVG shown by <img> is a sandboxed image; opened as a document it may preconnect to any host (Chromium
    does that without asking the request interceptor), so the view never navigates to one."""
    for url in ("rl://edition.invalid/asset/tekening.svg", "rl://edition.invalid/asset/a/B.SVG#x",
                "rl://edition.invalid/asset/t.svgz", "rl://edition.invalid/asset/t%2Esvg",
                "rl://edition.invalid/asset/t.svg/", "rl://edition.invalid/asset/t.svg/.",
                "rl://edition.invalid/asset/t.svg//", "rl://edition.invalid/asset/t.svg?x=1"):
        assert decide(NavigationRequest(url, kind)) is Decision.REFUSE, url
    assert decide(NavigationRequest("rl://edition.invalid/asset/foto.png", kind)) is Decision.SHOW
    assert decide(NavigationRequest("rl://edition.invalid/page/index", kind)) is Decision.SHOW


@pytest.mark.parametrize(
    "url",
    [
        "rl://edition.invalid/asset/" + "a/" * 3000 + "x.png",
        "rl://edition.invalid/asset/" + "x" * 5000 + ".png",
        "rl://edition.invalid/asset/..%5c..%5cmanifest.json",
        "rl://edition.invalid/asset/%252e%252e/manifest.json",
        "rl://edition.invalid/asset/ok.png%00.html",
        "rl://edition.invalid/asset/ok.png/..",
        "rl://edition.invalid:80/asset/ok.png",
        "rl://user@edition.invalid/asset/../manifest.json",
        "rl://EDITION.INVALID/asset/..%2F..%2Fmanifest.json",
        "rl://edition.invalid./asset/ok.png",
        "rl://edition.invalid/page/..%2Fmanifest",
        "rl://edition.invalid/page/%2e%2e%2f%2e%2e%2fedition%2fmanifest",
        "rl://edition.invalid/asset/%C0%AE%C0%AE/manifest.json",
        "rl://edition.invalid/asset/\uff0e\uff0e/manifest.json",
    ],
)
def test_odd_reader_urls_serve_nothing_outside(tmp_path: Path, url: str) -> None:
    edition = tmp_path / "edition"
    (edition / "assets").mkdir(parents=True)
    (edition / "pages").mkdir()
    (edition / "assets" / "ok.png").write_bytes(b"x")
    (edition / "manifest.json").write_text("{}")
    served = resolve_url(url, edition, tmp_path / "resources")
    assert served is None or served.path == (edition / "assets" / "ok.png").resolve(), (url, served)


def test_symlinked_assets_are_not_copied_out(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    source = write_hostile_source(tmp_path / "src")
    (source / "docs" / "link.txt").symlink_to(secret)
    (source / "docs" / "map").symlink_to(tmp_path, target_is_directory=True)
    build_edition(source, tmp_path / "edition", keep_going=True)
    for path in (tmp_path / "edition").rglob("*"):
        if path.is_file():
            assert b"GEHEIM" not in path.read_bytes(), path


def test_the_readers_own_ids_are_reserved() -> None:
    """The reader's page script finds its print-footer style by id (and the page frame is #rl-content): a corpus
    element carrying such an id would receive the footer's CSS as its text, and the printout no footer."""
    out = sanitize_html('<p id="rl-print-footer-style">a</p><div id="rl-content">b</div><p id="rl-contents">c</p>')
    assert 'id="rl-print-footer-style"' not in out and 'id="rl-content"' not in out
    assert 'id="rl-contents"' in out  # only the exact reserved ids
