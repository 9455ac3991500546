"""What the axe-core test (tests/gui/test_axe.py) found in the reader's own markup, pinned where it is made: the
footnote's way back names its number, a code line's empty self-link is a target and no link, a code block can take
the keyboard's focus (a long line scrolls sideways)."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

from reader import paths
from reader.core.markdown_settings import MATERIAL_DEFAULTS
from reader.core.render import icon_set, markdown_pass, parse_fragment, render_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "render"
_spec = importlib.util.spec_from_file_location("rl_fixture_corpus_wcag", FIXTURES / "fixture_corpus.py")
assert _spec and _spec.loader
fc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fc)


def test_footnote_backlink_title_names_the_number():
    corpus = fc.fixture_corpus()
    tree = parse_fragment(render_page(corpus.pages["constructs"], corpus, icon_set(paths.icons_dir())).html)
    titles = [e.attrs.get("title", "") for e in tree.iter() if e.tag == "a" and e.has_class("footnote-backref")]
    assert titles and all(t.startswith("Terug naar de tekst (") and "%" not in t for t in titles), titles
    assert "Terug naar de tekst (1)" in titles


def test_code_line_anchors_are_targets_and_code_blocks_take_focus():
    corpus = fc.fixture_corpus()
    settings = MATERIAL_DEFAULTS
    html = markdown_pass("```python\nx = 1\ny = 2\n```\n\n```python linenums=\"1\"\nz = 3\n```\n", settings).html
    assert 'href="#__codelineno-0-1"' in html  # what the Markdown pass makes, before rendering
    page = fc.fixture_corpus().pages["constructs"]
    rendered = render_page(dataclasses.replace(page, html=html), corpus, icon_set(paths.icons_dir()))
    tree = parse_fragment(rendered.html)
    links = [e for e in tree.iter() if e.tag == "a"]
    assert not [e.attrs for e in links if e.attrs.get("href", "").startswith("#__codelineno-")]
    targets = [e for e in tree.iter() if e.attrs.get("id", "").startswith("__codelineno-")]
    assert [e.attrs["id"] for e in targets] == ["__codelineno-0-1", "__codelineno-0-2", "__codelineno-1-1"]
    pres = [e for e in tree.iter() if e.tag == "pre"]
    assert len(pres) == 2 and all(e.attrs.get("tabindex") == "0" for e in pres)
