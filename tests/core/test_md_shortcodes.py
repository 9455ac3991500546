"""Material's `<!-- md:... -->` shortcodes: badges when the corpus declares a hook that defines them, comments
(invisible) otherwise; escaped text, no corpus markup, never in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.corpus import load_corpus, read_mkdocs_config
from reader.core.corpus.extensions import markdown_settings
from reader.core.model import INFO
from reader.core.render import SHORTCODES_EXTENSION, parse_fragment, sanitize_html, visible_text
from reader.core.render.markdown_setup import make_markdown, notes
from reader.core.render.shortcodes import render_shortcode

MATERIAL = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "material-docs-5b36f2a"

PAGE = """# Instellen

## Directe navigatie

<!-- md:version 4.2.1 -->
<!-- md:default `true` -->
<!-- md:flag experimental -->
<!-- md:plugin [search] -->

Tekst.

<!-- md:option mode:search -->

:   Zoekmodus.

#### <!-- md:setting config.site_name -->

### <!-- md:version --> – Versie { data-toc-label="Versie" }

### <!-- md:flag required --> – Verplicht { #verplicht }

``` html
<!-- md:version 1.0 -->
```

<!-- md:default <script>alert(1)</script> & meer -->
<!-- md:default `<!-- more -->` -->
<!-- md:default <code>&lt;!-- meer --&gt;</code> <b onclick="x">b</b> -->
<!-- md:nonsense x -->

[search]: https://example.org/search
"""

HOOK = 'import re\n\nPATTERN = r"<!-- md:(\\w+)(.*?) -->"\n'


def corpus_source(root: Path, hook_text: str | None) -> Path:
    hooks = "hooks:\n  - hooks/shortcodes.py\n" if hook_text is not None else ""
    (root / "mkdocs.yml").write_text(
        "site_name: S\nmarkdown_extensions:\n  - attr_list\n  - def_list\n  - pymdownx.superfences\n" + hooks,
        encoding="utf-8",
    )
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    if hook_text is not None:
        (root / "hooks").mkdir()
        (root / "hooks" / "shortcodes.py").write_text(hook_text, encoding="utf-8")
    return root


def render(root: Path) -> tuple[str, list[tuple[str, str, str]], list[tuple[str, str]]]:
    config = read_mkdocs_config(root)
    settings, problems = markdown_settings(config)
    md = make_markdown(settings)
    html = sanitize_html(md.convert(PAGE))
    return html, notes(md), [(p.severity, p.code) for p in problems]


def test_badges_when_the_hook_defines_them(tmp_path: Path) -> None:
    html, found, problems = render(corpus_source(tmp_path, HOOK))
    text = visible_text(parse_fragment(html))
    assert '<span class="rl-md-badge rl-md-badge-version"><span class="rl-md-badge-label">Version</span> 4.2.1' in html
    assert '<span class="rl-md-badge-label">Default</span> <code>true</code>' in html
    assert '<span class="rl-md-badge-label">Experimental</span>' in html
    assert '<span class="rl-md-badge-label">Plugin</span> <a href="https://example.org/search">search</a>' in html
    assert '<code class="rl-md-option" id="+mode:search">search</code>' in html
    assert "<dd>" in html and "Zoekmodus" in html  # the option still heads its definition
    assert "<h4" in html and "site_name</h4>" in html  # a heading of one comment: the comment-heading rule
    # A badge in a heading keeps the id the heading had without it (links use it): not `version-versie`.
    assert '<h3 id="versie"><span class="rl-md-badge rl-md-badge-version">' in html
    assert '<h3 id="verplicht"><span class="rl-md-badge rl-md-badge-flag">' in html
    assert "&lt;!-- md:version 1.0 --&gt;" in html  # code is never touched
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in html
    assert "Version 4.2.1" in text and "Default true" in text
    assert "<code>&lt;!-- more --&gt;</code></span>" in html  # a comment in a code span does not end the shortcode
    assert "<code>&lt;!-- meer --&gt;</code> &lt;b onclick=" in html  # bare inline tags and entities are kept
    assert [code for code, _, _ in found] == ["md-shortcode-unknown"]
    assert (INFO, "mkdocs-hook") in problems


def test_comments_stay_comments_without_the_hook(tmp_path: Path) -> None:
    for name, hook in (("none", None), ("other", "def on_page_markdown(markdown, **kw):\n    return markdown\n")):
        root = tmp_path / name
        root.mkdir()
        html, found, _ = render(corpus_source(root, hook))
        assert "rl-md-badge" not in html and "Version" not in html and "4.2.1" not in html
        assert found == []


def test_the_flag_reaches_the_built_page(tmp_path: Path) -> None:
    corpus = load_corpus(corpus_source(tmp_path, HOOK))
    assert any(name == SHORTCODES_EXTENSION for name, _ in corpus_settings(tmp_path))
    assert "index" in corpus.pages


def corpus_settings(root: Path) -> tuple[tuple[str, object], ...]:
    settings, _ = markdown_settings(read_mkdocs_config(root))
    return tuple(settings.extensions)


@pytest.mark.parametrize(("kind", "args", "label"), [
    ("version", "insiders-4.1.0", "Insiders"), ("default", "none", "Default"), ("default", "computed", "Default"),
    ("flag", "required", "Required"), ("flag", "multiple", "Multiple instances"), ("feature", "", "Optional feature"),
    ("extension", "[attr_list]", "Markdown extension"), ("utility", "[mike]", "Utility"),
    ("example", "tags", "Example"),
    ("demo", "repo", "Demo"), ("sponsors", "", "Sponsors"),
])
def test_every_kind_of_the_hook_has_a_label(kind: str, args: str, label: str) -> None:
    rendered = render_shortcode(kind, " " + args)
    assert rendered is not None and f'<span class="rl-md-badge-label">{label}</span>' in rendered


def test_unknown_flags_and_odd_option_names_stay_comments() -> None:
    assert render_shortcode("flag", " sparkly") is None
    assert render_shortcode("option", ' a"b') is None


@pytest.mark.slow
@pytest.mark.skipif(not MATERIAL.is_dir(), reason="the shared Material docs corpus is not here")
def test_material_docs_show_their_badges() -> None:
    settings, problems = markdown_settings(read_mkdocs_config(MATERIAL))
    assert any(name == SHORTCODES_EXTENSION for name, _ in settings.extensions)
    body = (MATERIAL / "docs" / "setup" / "setting-up-navigation.md").read_text(encoding="utf-8")
    md = make_markdown(settings)
    html = sanitize_html(md.convert(body))
    assert html.count("rl-md-badge-version") == body.count("<!-- md:version")
    assert "<!-- md:" not in html and notes(md) == []
