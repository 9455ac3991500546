"""Glossaries once: an auto_append file of abbreviation definitions becomes the abbr extension's `glossary`.

The tooltips must be exactly those of appending the file to every page (the old way), which is what
`SnippetConfig.with_glossary` replaced; the old way is recreated here by making `with_glossary` a no-op.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from reader.core import render
from reader.core.corpus import load_corpus
from reader.core.corpus.snippets import SnippetConfig, glossary_definitions

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "corpora" / "glossary"
_ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def tooltips(corpus) -> dict[str, list[tuple[str, str]]]:
    """(text, title) of every `<abbr>` of every rendered page, in order."""
    return {
        pid: [(text, title) for title, text in _ABBR.findall(render.render_page(page, corpus).html)]
        for pid, page in corpus.pages.items()
    }


def load_the_old_way(source: Path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(SnippetConfig, "with_glossary", lambda self, root: self)
        return load_corpus(source, workers=1)


def test_fixture_tooltips_are_identical_to_appending(monkeypatch):
    new = load_corpus(FIXTURE, workers=1)
    old = load_the_old_way(FIXTURE, monkeypatch)
    assert old.glossary == {}
    assert new.glossary == {
        "API": "Application Programming Interface",
        "AVG": "Algemene verordening gegevensbescherming (EU)",  # the later definition wins, as when appended
        "WCAG": "Web Content Accessibility Guidelines (versie 2.2)",  # the tab expanded to its stop, as Markdown does
        "HTML": 'HyperText Markup Language & "opmaak"',
        "a]b": "Een sleutel met een haak",
    }
    new_tips, old_tips = tooltips(new), tooltips(old)
    assert new_tips == old_tips
    assert ("API", "Application Programming Interface") in new_tips["index"]
    assert ("a]b", "Een sleutel met een haak") in new_tips["index"]
    # The page's own definitions still work; where one collides with the glossary the glossary wins, as before.
    assert ("NeRDS", "Nederlandse Richtlijn Digitale Systemen") in new_tips["eigen"]
    assert ("API", "Application Programming Interface") in new_tips["eigen"]
    assert new.pages["eigen"].abbreviations["NeRDS"] == "Nederlandse Richtlijn Digitale Systemen"
    # The other auto_append file is still appended to every page, and mentions a glossary term.
    assert ("AVG", "Algemene verordening gegevensbescherming (EU)") in new_tips["zonder"]
    for page in new.pages.values():
        assert "Deze tekst staat onder elke pagina" in page.body
        assert "*[API]" not in page.body or page.id == "eigen"
    assert [p for p in new.problems if p.code.startswith("include")] == []


def test_generated_glossary_corpus_tooltips_are_identical(tmp_path, monkeypatch):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from gen_corpus import generate
    finally:
        sys.path.pop(0)
    source = generate(tmp_path / "gen", 6, seed=1, glossary=100)
    new = load_corpus(source, workers=1)
    old = load_the_old_way(source, monkeypatch)
    assert len(new.glossary) == 100
    new_tips = tooltips(new)
    assert new_tips == tooltips(old)
    assert all(len(tips) >= 4 for tips in new_tips.values())  # every page uses glossary terms and API


@pytest.mark.parametrize(
    "lines",
    [
        ["*[X]:", "de volgende regel is de uitleg"],  # abbr reads an empty title from the next line
        ["*[X]: ''"],  # deletes an abbreviation
        ["*[X]: uitleg", "Gewone tekst."],
        ["*[X]: uitleg", "--8<-- \"ander.md\""],
        ["    *[X]: ingesprongen"],
        ["<!-- nooit gesloten", "*[X]: uitleg"],
        ["", "<!-- alleen commentaar -->"],
    ],
)
def test_anything_but_definitions_is_appended_as_before(lines):
    assert glossary_definitions(lines) is None


def test_a_glossary_that_is_not_only_definitions_is_appended(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n\nDe API.\n", encoding="utf-8")
    (tmp_path / "extra.md").write_text("*[API]: Application Programming Interface\n\nEen zin.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n      auto_append: [extra.md]\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.glossary == {}
    assert "Een zin." in corpus.pages["index"].body
    assert _ABBR.findall(render.render_page(corpus.pages["index"], corpus).html) == [
        ("Application Programming Interface", "API")
    ]


def test_glossary_file_missing_is_still_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.snippets:\n      auto_append: [weg.md]\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    assert [(p.code, p.file) for p in corpus.problems if p.code.startswith("include")] == [
        ("include-missing", "mkdocs.yml")
    ]
