"""The two real NeRDS editions import with 0 errors; every warning is a known upstream defect."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.corpus import load_corpus
from reader.core.model import LINK, RELATION

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
EDITIONS = ("nerds-2026-03", "nerds-2025-12")

# The real defects of the upstream text (code, file, line). If upstream fixes one, remove it here.
KNOWN_WARNINGS = {
    "nerds-2026-03": {
        ("title-missing", "docs/action-registry/README.md", 1),
        ("summary-missing", "docs/action-registry/README.md", 1),
        ("title-missing", "docs/action-registry/index.md", 1),
        ("summary-missing", "docs/action-registry/index.md", 1),
        ("title-missing", "docs/version.md", 1),
        ("summary-missing", "docs/version.md", 1),
        ("summary-missing", "docs/Over-NeRDS/CONTRIBUTING.md", 1),
        ("summary-missing", "docs/Over-NeRDS/cookies.md", 1),
        ("summary-missing", "docs/Over-NeRDS/copyright.md", 1),
        ("summary-missing", "docs/Over-NeRDS/kwetsbaarheid-melden.md", 1),
        ("summary-missing", "docs/Over-NeRDS/privacy.md", 1),
        ("summary-missing", "docs/Over-NeRDS/toegankelijkheid.md", 1),
        ("action-duplicate", "docs/action-registry/actions.yaml", 271),
        ("action-duplicate", "docs/action-registry/actions.yaml", 563),
        ("relation-missing", "docs/richtlijnen/algoritmen/index.md", 8),
        ("relation-missing", "docs/richtlijnen/gebruikersbehoeften/fases.md", 5),
        ("actions-none", "docs/richtlijnen/cloud/fases.md", 108),
        ("anchor-missing", "docs/richtlijnen/cloud/fases.md", 122),
        # Hooks and plugins in mkdocs.yml the reader does not run (warning: hooks; info: plugins it replaces).
        ("mkdocs-hook", "mkdocs.yml", 147), ("mkdocs-hook", "mkdocs.yml", 148),
        *{("mkdocs-plugin", "mkdocs.yml", line) for line in (127, 128, 129, 133, 135)},
    },
    "nerds-2025-12": {
        ("title-missing", "docs/version.md", 1),
        ("summary-missing", "docs/version.md", 1),
        ("summary-missing", "docs/Over-NeRDS/CONTRIBUTING.md", 1),
        ("summary-missing", "docs/Over-NeRDS/cookies.md", 1),
        ("summary-missing", "docs/Over-NeRDS/copyright.md", 1),
        ("summary-missing", "docs/Over-NeRDS/kwetsbaarheid-melden.md", 1),
        ("summary-missing", "docs/Over-NeRDS/privacy.md", 1),
        ("summary-missing", "docs/Over-NeRDS/toegankelijkheid.md", 1),
        ("link-missing", "docs/Over-NeRDS/CONTRIBUTING.md", 132),
        ("relation-missing", "docs/richtlijnen/algoritmen/index.md", 8),
        ("mkdocs-hook", "mkdocs.yml", 136),
        *{("mkdocs-plugin", "mkdocs.yml", line) for line in (116, 117, 118, 122, 124)},
    },
}


def _corpus_path(name: str) -> Path:
    path = CORPORA / name
    if not path.is_dir():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="module", params=EDITIONS)
def nerds(request):
    return request.param, load_corpus(_corpus_path(request.param))


def test_no_errors_and_only_known_warnings(nerds):
    name, corpus = nerds
    assert corpus.errors == []
    found = {(p.code, p.file, p.line) for p in corpus.warnings + corpus.infos}
    assert found == KNOWN_WARNINGS[name]
    # A missing title or summary is only information (the reader fills it in), never a warning.
    assert not {p.code for p in corpus.warnings} & {"title-missing", "summary-missing"}


def test_pages_ids_titles_and_order(nerds):
    name, corpus = nerds
    ids = list(corpus.pages)
    assert ids[0] == "index"
    assert ids[1] == "richtlijnen"
    assert ids[2] == "richtlijnen/gebruikersbehoeften"
    assert corpus.title.startswith("NeRDS")
    page = corpus.pages["richtlijnen/open-source"]
    assert page.path == "richtlijnen/open-source/index.md"
    assert page.title == "3. Werk transparant en gebruik open source"
    assert page.summary.startswith("Publiceer je code")
    assert page.relations == ("open-standaarden", "samenwerking", "veiligheid")
    assert page.body_line == 9
    assert not page.body.startswith("---")
    assert page.headings[0].anchor == "3-werk-transparant-en-gebruik-open-source"
    assert page.headings[0].line == 10
    assert "waarom-is-het-belangrijk" in page.anchors
    # every page reachable from the nav, the unlisted ones in the trailing section
    def walk(items):
        for item in items:
            if item.page:
                yield item.page
            yield from walk(item.children)
    assert sorted(set(walk(corpus.nav))) == sorted(ids)
    # the git-symlink stub is followed inside the project
    assert corpus.pages["Over-NeRDS/CONTRIBUTING"].title == "Bijdragen aan NeRDS"


def test_relations_and_links_are_typed_edges(nerds):
    _, corpus = nerds
    rel = {(e.source, e.target) for e in corpus.edges if e.kind == RELATION}
    assert ("richtlijnen/open-source", "richtlijnen/samenwerking") in rel
    assert ("richtlijnen/cloud/fases", "richtlijnen/cloud") in rel or "richtlijnen/cloud/fases" not in corpus.pages
    linked = [e for e in corpus.edges if e.kind == LINK]
    assert linked and all(e.target in corpus.pages and e.source in corpus.pages for e in corpus.edges)
    assert len(linked) == len({(e.source, e.target, e.anchor) for e in linked})
    assert corpus.backlinks("richtlijnen/privacy")


def test_breadcrumb_and_section_index(nerds):
    _, corpus = nerds
    richtlijnen = next(item for item in corpus.nav if item.title == "Richtlijnen")
    assert richtlijnen.page == "richtlijnen"  # navigation.indexes: the section opens its index page
    assert corpus.breadcrumb("richtlijnen/privacy") == ("Richtlijnen",)


def test_actions_2026_03():
    corpus = load_corpus(_corpus_path("nerds-2026-03"))
    assert len(corpus.actions) > 20
    assert corpus.actions_for("open-source", "verkenning")
    assert "action-registry/actions.yaml" in corpus.assets
    # the same tool listed under one id for two guidelines: both cards are kept
    assert "gebruikersonderzoeken-nl" in {a.id for a in corpus.actions_for("toegankelijkheid", None)}
    assert "gebruikersonderzoeken-nl" in {a.id for a in corpus.actions_for("gebruikersbehoeften", None)}
