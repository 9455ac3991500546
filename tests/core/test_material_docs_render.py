"""Material for MkDocs' own documentation (../shared/corpora, MIT) rendered with the extensions its mkdocs.yml
declares: every fenced block with a language comes out highlighted, and no extension's markup is left as text
outside code (`++ctrl`, `^^`, `{==`, `$$`, `#!python`, a fence line, `:::`, `[!NOTE]`, `{%`, `!!!`...)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.corpus import load_corpus, read_mkdocs_config
from reader.core.corpus.extensions import markdown_settings
from reader.core.render import Element, parse_fragment, remove, sanitize_html, visible_text
from reader.core.render.markdown_setup import make_markdown, notes

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "material-docs-5b36f2a"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SOURCE.is_dir(), reason="the shared Material docs corpus is not here"),
]

RAW = ["\n:   ", "++ctrl", "++alt", "^^", "{==", "{++", "$$", "#!python", "\n```", "[!NOTE]", "\n:::", "{%", "!!!",
       "???", "{{"]
_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
_LANG = re.compile(r"\{?\s*\.?([A-Za-z][\w+#.-]*)")
_HIGHLIGHTED = re.compile(r'<div[^>]*\bclass="language-([\w+#.-]+)[^"]*\bhighlight\b')
NOT_CODE = {"mermaid", "text", "txt"}  # a diagram's labelled source; plain text has nothing to colour


def fence_languages(body: str) -> list[str]:
    """The language of every fence opener (a fence inside another fence is its content)."""
    found: list[str] = []
    open_fence: str | None = None
    for line in body.split("\n"):
        m = _OPEN.match(line)
        if open_fence is None:
            if m:
                info = m.group("info").strip()
                lang = _LANG.match(info)
                named = lang is not None and not info[lang.end():].lstrip().startswith("=")
                found.append(lang.group(1) if lang is not None and named else "")
                open_fence = m.group("fence")
        elif (m and m.group("fence")[0] == open_fence[0] and len(m.group("fence")) >= len(open_fence)
              and not m.group("info").strip()):
            open_fence = None
    return found


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[str, str, list]]:
    settings, _ = markdown_settings(read_mkdocs_config(SOURCE))
    corpus = load_corpus(SOURCE)
    md = make_markdown(settings)
    out = {}
    for page in corpus.pages.values():
        md.reset()
        out[page.id] = (page.body, sanitize_html(md.convert(page.body)), notes(md))
    return out


def test_every_fence_with_a_language_is_highlighted(rendered):
    wanted = highlighted = 0
    short = []
    for page_id, (body, html, _) in rendered.items():
        langs = [lang for lang in fence_languages(body) if lang and lang not in NOT_CODE]
        got = [lang for lang in _HIGHLIGHTED.findall(html) if lang not in NOT_CODE]
        wanted += len(langs)
        highlighted += min(len(langs), len(got))
        if len(got) < len(langs):
            short.append(page_id)
    assert wanted > 800  # the corpus is what this test thinks it is
    assert short == [] and highlighted == wanted


def test_no_extension_markup_is_left_as_text(rendered):
    left = []
    for page_id, (_, html, _) in rendered.items():
        root = parse_fragment(html)
        for el in [e for e in root.iter() if isinstance(e, Element) and e.tag in ("pre", "code")]:
            if el.parent is not None:
                remove(el)  # what the source itself shows as code
        text = "\n" + visible_text(root)
        left += [(page_id, raw, text[max(0, text.index(raw) - 40):text.index(raw) + 40]) for raw in RAW if raw in text]
    assert left == []


def test_no_heading_is_empty_and_math_is_mathml(rendered):
    empty = [(page_id, m) for page_id, (_, html, _) in rendered.items()
             for m in re.findall(r"<h[1-6][^>]*>\s*</h[1-6]>", html)]
    assert empty == []
    assert any("<math" in html for _, html, _ in rendered.values())
