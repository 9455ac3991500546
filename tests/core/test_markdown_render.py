"""Each construct of the extensions a corpus declares, rendered with the corpus's settings and sanitized as a page is:
def_list, keys, mark/caret/tilde, critic, betterem, smartsymbols, magiclink, arithmatex (MathML), highlight with
fence options, inlinehilite, emoji, tabbed slugs, toc slugify, the native equivalents of common hooks (GitHub
alerts, ::: blocks, template tags, comment headings)."""

from __future__ import annotations

import re

import pytest

from reader.core.markdown_settings import MATERIAL_DEFAULTS, MarkdownSettings, ReaderRef
from reader.core.render import sanitize_html
from reader.core.render.markdown_setup import make_markdown, notes

# Material's documentation's own list (its options as it sets them), minus snippets.
MATERIAL_DOCS = MarkdownSettings((
    ("abbr", {}), ("admonition", {}), ("attr_list", {}), ("def_list", {}), ("footnotes", {}), ("md_in_html", {}),
    ("toc", {"permalink": True}),
    ("pymdownx.arithmatex", {"generic": True}),
    ("pymdownx.betterem", {"smart_enable": "all"}),
    ("pymdownx.caret", {}), ("pymdownx.details", {}),
    ("pymdownx.emoji", {"emoji_generator": ReaderRef("emoji-generator"), "emoji_index": ReaderRef("emoji-index")}),
    ("pymdownx.highlight", {"anchor_linenums": True, "line_spans": "__span", "pygments_lang_class": True}),
    ("pymdownx.inlinehilite", {}), ("pymdownx.keys", {}),
    ("pymdownx.magiclink", {"normalize_issue_symbols": True, "repo_url_shorthand": True, "user": "someone",
                            "repo": "something"}),
    ("pymdownx.mark", {}), ("pymdownx.smartsymbols", {}),
    ("pymdownx.superfences", {"custom_fences": [
        {"name": "mermaid", "class": "mermaid", "format": ReaderRef("fence-source")}]}),
    ("pymdownx.tabbed", {"alternate_style": True, "combine_header_slug": True,
                         "slugify": ReaderRef("slugify", (("case", "lower"),))}),
    ("pymdownx.tasklist", {"custom_checkbox": True}),
    ("pymdownx.tilde", {}),
    ("pymdownx.critic", {}),
))


def render(text: str, settings: MarkdownSettings = MATERIAL_DOCS) -> str:
    return sanitize_html(make_markdown(settings).convert(text))


def test_def_list_holds_blocks():
    out = render("Term\n:   Uitleg met **nadruk**\n\n    !!! note\n\n        binnen\n")
    assert "<dl>" in out and "<dt>Term</dt>" in out
    assert '<div class="admonition note">' in out and ":   " not in out


def test_keys():
    out = render("Druk ++ctrl+alt+del++.\n")
    assert '<kbd class="key-control">Ctrl</kbd>' in out and "++" not in out


@pytest.mark.parametrize("source, html", [
    ("^^ingevoegd^^", "<ins>ingevoegd</ins>"),
    ("==gemarkeerd==", "<mark>gemarkeerd</mark>"),
    ("~~weg~~", "<del>weg</del>"),
    ("H~2~O", "H<sub>2</sub>O"),
    ("x^2^", "x<sup>2</sup>"),
    ("{==gemarkeerd==}", '<mark class="critic">gemarkeerd</mark>'),
    ("{++erbij++}", '<ins class="critic">erbij</ins>'),
    ("{--eraf--}", '<del class="critic">eraf</del>'),
    ("(c) 1/2 -->", "© ½ →"),
])
def test_inline_marks(source, html):
    assert html in render(source + "\n")


def test_betterem_smart_emphasis():
    assert "<strong>vet</strong>" in render("__vet__ en snake_case_word\n")
    assert "snake_case_word" in render("__vet__ en snake_case_word\n")


def test_magiclink_makes_bare_urls_links():
    out = render("Zie https://example.org/pad voor meer.\n")
    assert '<a href="https://example.org/pad">https://example.org/pad</a>' in out


FENCE = '''\
``` yaml title="mkdocs.yml" hl_lines="2" linenums="1"
theme:
  name: material
```

Proza na het blok.

## Kop na het blok
'''


def test_a_fence_with_options_is_highlighted_and_keeps_the_prose_after_it():
    out = render(FENCE)
    assert '<span class="filename">mkdocs.yml</span>' in out
    assert '<span class="hll">' in out
    assert '<span class="linenos" data-linenos="1 "></span>' in out and "<table" not in out
    assert '<span class="nt">theme</span>' in out
    assert "<p>Proza na het blok.</p>" in out
    assert '<h2 id="kop-na-het-blok">Kop na het blok</h2>' in out


def test_highlighting_is_on_even_when_the_corpus_switches_pygments_off():
    settings = MarkdownSettings((("pymdownx.highlight", {"use_pygments": False}), ("pymdownx.superfences", {})))
    out = render(FENCE, settings)
    assert '<span class="hll">' in out and "<p>Proza na het blok.</p>" in out


def test_inlinehilite():
    out = render("Gebruik `#!python range(3)` hier en `{{ letterlijk }}`.\n")
    assert '<code class="language-python highlight"><span class="nb">range</span>' in out
    assert "#!python" not in out
    assert "<code>{{ letterlijk }}</code>" in out


def test_math_is_typeset_as_mathml():
    out = render("Inline $a < b$ en\n\n$$\n\\frac{1}{2}\n$$\n")
    assert '<span class="rl-math"><math display="inline">' in out
    assert '<mo>&lt;</mo>' in out or "<mo>&#x0003C;</mo>" in out or "<mo>&lt;</mo>" in out.replace("&#x0003C;", "&lt;")
    assert '<div class="rl-math rl-math-block"><math display="block"><mrow><mfrac>' in out
    assert "$$" not in out and "\\frac" not in out


def test_math_that_cannot_be_typeset_is_shown_as_labelled_source():
    out = render("$$\n\\undefinedcommand{x}\n$$\n")
    assert "<figcaption>Formule (TeX-broncode)</figcaption>" in out
    assert "\\undefinedcommand{x}" in out


def test_mermaid_stays_a_labelled_source_block():
    out = render("```mermaid\ngraph TD\n  A-->B\n```\n")
    assert "<figcaption>Diagram (Mermaid-broncode)</figcaption>" in out
    assert "A--&gt;B" in out


def test_emoji_and_icons_become_markers():
    out = render(":smile: :material-home:\n")
    assert 'class="rl-emoji"' in out and 'data-emoji="1f604"' in out
    assert 'data-icon="material-home"' in out


def test_toc_permalinks_are_left_out_and_tabs_get_slugs():
    out = render("## Een Kop\n\n=== \"Tab Een\"\n\n    inhoud\n")
    assert "headerlink" not in out and "¶" not in out
    assert 'id="een-kop-tab-een"' in out or 'id="__tabbed_1_1"' in out


def test_abbr_glossary_from_the_settings():
    settings = MarkdownSettings((("abbr", {}),), glossary={"API": "Application Programming Interface"})
    assert '<abbr title="Application Programming Interface">API</abbr>' in render("Een API.\n", settings)


# --- native equivalents of hooks --------------------------------------------------------------------------------
@pytest.mark.parametrize("marker, kind", [
    ("NOTE", "note"), ("TIP", "tip"), ("IMPORTANT", "important"), ("WARNING", "warning"), ("CAUTION", "caution"),
    ("Note", "note"),
])
def test_github_alerts_become_admonitions(marker, kind):
    out = render(f"> [!{marker}]\n> Let **hierop**.\n> Tweede regel.\n")
    assert f'<div class="admonition {kind}">' in out
    assert "<strong>hierop</strong>" in out and "[!" not in out and "<blockquote>" not in out


def test_a_plain_block_quote_stays_a_quote():
    assert "<blockquote>" in render("> Gewoon een citaat.\n")


@pytest.mark.parametrize("opening, kind, title", [
    (":::info", "info", "Info"),
    (":::note[Mijn titel]", "note", "Mijn titel"),
    (":::tip Goede raad", "tip", "Goede raad"),
    ("::::danger", "danger", "Danger"),
])
def test_colon_blocks_become_admonitions(opening, kind, title):
    fence = opening.split(kind)[0]
    out = render(f"{opening}\nEerste alinea.\n\nTweede alinea.\n{fence}\n\nDaarna.\n")
    assert f'<div class="admonition {kind}">\n<p class="admonition-title">{title}</p>' in out
    assert "<p>Tweede alinea.</p>\n</div>" in out
    assert "<p>Daarna.</p>" in out and ":::" not in out


def test_colon_blocks_nest():
    out = render(":::note\nBuiten\n\n:::tip\nBinnen\n:::\n\nNog buiten\n:::\n")
    assert out.count('<div class="admonition') == 2 and ":::" not in out
    assert out.index("Nog buiten") > out.index("Binnen")


def test_template_tags_are_left_out_with_a_warning():
    md = make_markdown(MATERIAL_DOCS)
    out = sanitize_html(md.convert(
        "Hallo {{ config.site_name }} daar.\n\n{% include 'x.html' %}\n\n```jinja\n{% if a %}\n```\n"
    ))
    assert "<p>Hallo  daar.</p>" in out
    assert "include" not in out.split("<pre")[0]
    assert '<span class="k">if</span>' in out  # shown as code by the author: kept
    found = notes(md)
    assert [code for code, _, _ in found] == ["template-tag", "template-tag"]
    assert found[1][2] == "{% include 'x.html' %}"
    md.reset()
    assert notes(md) == []


@pytest.mark.parametrize("heading, text, anchor", [
    ("#### <!-- md:setting config.site_name -->", "site_name", "config.site_name"),
    ("#### <!-- md:option type:note -->", "note", "type:note"),
    ("### <!-- md:feature -->", "Feature", "feature"),
    ("### <!-- Mijn eigen kop -->", "Mijn eigen kop", "mijn-eigen-kop"),
])
def test_headings_made_of_a_comment_never_come_out_empty(heading, text, anchor):
    out = render(f"{heading}\n\nTekst.\n")
    m = re.search(r"<h[1-6] id=\"([^\"]*)\">(.*?)</h[1-6]>", out)
    assert m is not None and m.groups() == (anchor, text)


def test_an_empty_comment_heading_takes_the_next_headings_text():
    out = render("### <!-- -->\n\nTekst.\n\n### Volgende kop\n")
    assert re.findall(r"<h3[^>]*>(.*?)</h3>", out) == ["Volgende kop", "Volgende kop"]


def test_a_heading_with_text_besides_a_comment_is_left_alone():
    out = render("### <!-- md:version --> Versie\n")
    assert re.search(r"<h3 id=\"versie\">\s*Versie</h3>", out)


def test_defaults_for_a_plain_folder_render_admonitions_tabs_and_tasks():
    out = render("!!! note\n    binnen\n\n- [x] klaar\n", MATERIAL_DEFAULTS)
    assert '<div class="admonition note">' in out and 'type="checkbox"' in out


def test_mkdocs_builtins_are_always_there():
    out = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n## Kop\n\n```python\nx = 1\n```\n", MarkdownSettings(()))
    assert "<table>" in out and '<h2 id="kop">' in out and '<span class="n">x</span>' in out


def test_the_one_pass_carries_the_notes_check_reports():
    from reader.core.render import markdown_pass

    parsed = markdown_pass("# Titel\n\nTekst {% include 'x' %} hier.\n", MATERIAL_DOCS)
    assert [(code, needle) for code, _, needle in parsed.notes] == [("template-tag", "{% include 'x' %}")]
    assert "include" not in parsed.html
    assert markdown_pass("# Titel\n\nSchoon.\n", MATERIAL_DOCS).notes == ()
