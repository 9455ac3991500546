"""Summaries never repeat the page, derived summaries come from rendered text, and a page without content of its
own shows an overview of its section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.corpus import load_corpus
from reader.core.render import page_document, parse_fragment, render_page, visible_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpora"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _document(source: Path, page_id: str) -> str:
    corpus = load_corpus(source)
    page = corpus.pages[page_id]
    return page_document(render_page(page, corpus), page, corpus)


def _summary(document: str) -> str | None:
    match = re.search(r'<p class="rl-summary">(.*?)</p>', document)
    return match.group(1) if match else None


OPENING = "Dit is de **eerste** alinea van de pagina, met [een link](b.md) erin."


@pytest.mark.parametrize(
    ("front_matter", "shown"),
    [
        ("summary: Dit is de eerste alinea van de pagina, met een link erin.", None),  # the same words
        ("summary: dit is DE eerste alinea van de pagina met een link erin", None),  # normalised: still the same
        ("summary: Dit is de eerste alinea", None),  # the opening begins with it
        ("description: Dit is de eerste alinea van de pagina, met een link erin.", None),
        ("summary: Een eigen samenvatting.", "Een eigen samenvatting."),
        ("description: Een beschrijving voor zoekmachines.", "Een beschrijving voor zoekmachines."),
        ("", None),  # derived from the opening: never shown under the title
    ],
)
def test_summary_shown_only_when_it_adds_something(tmp_path, front_matter, shown):
    source = _write(tmp_path, {
        "a.md": f"---\ntitle: A\n{front_matter}\n---\n# A\n\n{OPENING}\n\nTweede alinea.\n",
        "b.md": "---\ntitle: B\nsummary: b\n---\n# B\n",
    })
    assert _summary(_document(source, "a")) == shown


def test_derived_summary_is_rendered_text(tmp_path):
    source = _write(tmp_path, {
        "a.md": (
            "# Wiskunde\n\n!!! note\n    Geen alinea van de pagina zelf.\n\n"
            "[MathJax] and [KaTeX] are two *popular* `libraries`[^1] :tada:.\n\n"
            "[MathJax]: https://www.mathjax.org/\n[KaTeX]: https://katex.org/\n[^1]: Voetnoot.\n"
        ),
    })
    corpus = load_corpus(source)
    page = corpus.pages["a"]
    assert page.summary_derived
    assert page.summary == "MathJax and KaTeX are two popular libraries 🎉."
    assert _summary(page_document(render_page(page, corpus), page, corpus)) is None


def test_long_derived_summary_is_cut_at_a_word(tmp_path):
    source = _write(tmp_path, {"a.md": "# A\n\n" + "woord " * 200 + "\n"})
    summary = load_corpus(source).pages["a"].summary
    assert len(summary) <= 300 and summary.endswith("woord…")


SECTION = {
    "mkdocs.yml": (
        "site_name: S\nnav:\n  - Start: index.md\n  - Hoofdstuk:\n    - hoofdstuk/index.md\n"
        "    - Eerste: hoofdstuk/een.md\n    - hoofdstuk/twee.md\n  - Los: los.md\n"
    ),
    "docs/index.md": "---\ntitle: Welkom\ntemplate: home.html\n---\n",
    "docs/hoofdstuk/index.md": "---\ntitle: Hoofdstuk\nsummary: Alles over het hoofdstuk.\n---\n# Hoofdstuk\n",
    "docs/hoofdstuk/een.md": "---\ntitle: Een\nsummary: De eerste <stap>.\n---\n# Een\n\nTekst.\n",
    "docs/hoofdstuk/twee.md": "# Twee\n\nDe tweede stap, afgeleid.\n",
    "docs/los.md": "---\ntitle: Los\nsummary: Een losse pagina.\n---\nInhoud.\n",
}


def _overview(document: str) -> list[tuple[str, str, str]]:
    nav = re.search(r'<nav class="rl-overview".*?</nav>', document, re.DOTALL)
    if nav is None:
        return []
    root = parse_fragment(nav.group(0))
    rows = []
    for li in (el for el in root.iter() if el.tag == "li"):
        link = next(el for el in li.iter() if el.tag == "a")
        summary = next((visible_text(el) for el in li.iter() if el.tag == "p"), "")
        rows.append((link.attrs["href"].rsplit("/", 1)[-1], visible_text(link), summary))
    return rows


def test_template_page_without_body_shows_its_section(tmp_path):
    source = _write(tmp_path, SECTION)
    rows = _overview(_document(source, "index"))
    assert rows == [("hoofdstuk", "Hoofdstuk", "Alles over het hoofdstuk."), ("los", "Los", "Een losse pagina.")]


def test_section_index_with_only_a_title_lists_its_pages(tmp_path):
    source = _write(tmp_path, SECTION)
    document = _document(source, "hoofdstuk")
    assert _overview(document) == [
        ("een", "Eerste", "De eerste <stap>."), ("twee", "Twee", "De tweede stap, afgeleid.")
    ]
    assert "&lt;stap&gt;" in document  # corpus text is escaped


def test_a_page_with_content_gets_no_overview(tmp_path):
    source = _write(tmp_path, SECTION)
    assert _overview(_document(source, "los")) == []
    assert _overview(_document(source, "hoofdstuk/een")) == []


def _smoke_defects(text: str) -> list[str]:
    """smoke_check's two rules that concern this work: an empty page, an opening paragraph shown twice."""
    if not text.strip():
        return ["empty text"]
    opening = [line.strip() for line in text[:700].splitlines() if len(line.strip()) >= 60][:4]
    lines = [line.strip() for line in text[:4000].splitlines() if len(line.strip()) >= 60]
    for line in opening:
        if sum(line[:60] in other for other in lines) > 1:
            return [f"opening paragraph repeated: {line[:60]!r}"]
    return []


@pytest.mark.parametrize("name", ["material-docs-5b36f2a", "ai-validation-ea0c2e3"])
def test_real_corpora_never_repeat_the_opening_and_have_no_empty_page(name):
    """smoke_check's rules on the text of every page. A page whose own body says the same long sentence twice near
    its top (Material's "For a list of all settings..." per plugin) trips the rule by itself: the summary under the
    title must never add a repetition, so the rule is applied with and without it."""
    source = SHARED / name
    if not source.is_dir():
        pytest.skip(f"{source} missing")
    corpus = load_corpus(source)
    defects = []
    for page in corpus.pages.values():
        document = page_document(render_page(page, corpus), page, corpus)
        article = re.search(r"<article[^>]*>(.*)</article>", document, re.DOTALL)
        assert article is not None
        text = visible_text(parse_fragment(article.group(1)))
        without_summary = visible_text(parse_fragment(re.sub(r'<p class="rl-summary">.*?</p>', "", article.group(1))))
        added = set(_smoke_defects(text)) - set(_smoke_defects(without_summary))
        defects += [f"{page.id}: {d}" for d in sorted(added)]
        if "empty text" in _smoke_defects(text) or text.strip() == page.title.strip():
            defects.append(f"{page.id}: no content")
    assert defects == []
