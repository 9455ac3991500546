"""The diff of the real NeRDS editions (2025-12 -> 2026-03, ../shared/corpora) against a list of changes checked
by hand: `diff -r` of the two docs folders (and the CONTRIBUTING.md the Over-NeRDS page includes), each changed
Markdown file split at its ##/### headings and compared section by section, and the words of the smaller edits
counted from the source lines. Identifiers and counts only: no corpus text here."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import paths
from reader.core.diff import DELETE, INSERT, EditionDiff, diff_editions
from reader.core.edition import build_edition

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
OLD, NEW = CORPORA / "nerds-2025-12", CORPORA / "nerds-2026-03"

ADDED = {
    "richtlijnen/gebruikersbehoeften/fases", "richtlijnen/toegankelijkheid/fases", "richtlijnen/open-source/fases",
    "richtlijnen/cloud/fases", "action-registry", "action-registry/README",
}
REMOVED = {"richtlijnen/servicestandaard"}

# Guideline pages that gained the two closing sections and changed their "how" section (the action cards became
# a registry placeholder, filled from the new action registry).
_CLOSING = [("changed", "hoe-pas-je-het-toe"), ("added", "gerelateerde-hulpmiddelen"),
            ("added", "gerelateerde-richtlijnen")]
# Guideline pages rewritten to the new layout: proven practices per step and a link to their phases page.
_REWRITTEN = [
    ("changed", "waarom-is-het-belangrijk"), ("changed", "hoe-pas-je-het-toe"), ("added", "bewezen-praktijken"),
    ("added", "1-begrijpen"), ("added", "2-ontwikkelen-ontwerpen-en-inkopen"),
    ("added", "3-testen-meten-en-verbeteren"), ("added", "implementatie-per-fase"),
    ("added", "gerelateerde-hulpmiddelen"), ("added", "gerelateerde-richtlijnen"),
]
# page id -> (changed page data, [(kind, anchor)] in page order; "" is the intro)
CHANGED: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "index": ([], [("changed", "")]),
    "richtlijnen": ([], [("changed", "")]),  # one word, and the removed guideline's card
    "richtlijnen/gebruikersbehoeften": (["relations"], [("changed", "")] + _REWRITTEN),
    "richtlijnen/toegankelijkheid": (["relations"], [("changed", "")] + _REWRITTEN),
    "richtlijnen/open-source": ([], _REWRITTEN),
    "richtlijnen/cloud": ([], _REWRITTEN),
    "richtlijnen/open-standaarden": ([], [("changed", "hoe-pas-je-het-toe"), ("added", "gerelateerde-standaarden"),
                                          ("added", "gerelateerde-richtlijnen")]),
    "richtlijnen/veiligheid": ([], _CLOSING),
    "richtlijnen/privacy": ([], _CLOSING),
    "richtlijnen/samenwerking": ([], _CLOSING),
    "richtlijnen/data": ([], _CLOSING),
    "richtlijnen/algoritmen": ([], _CLOSING),
    "richtlijnen/inkoop": ([], _CLOSING),
    "richtlijnen/integratie": (["relations"], [
        ("changed", "hoe-pas-je-het-toe"), ("added", "integratie-aanpak"),
        ("added", "integratiepatronen-en-technologieen"), ("added", "uitdagingen-en-oplossingen"),
        ("added", "best-practices-voor-succesvolle-integratie"), ("added", "overwegingen-voor-toekomstbestendigheid"),
        ("added", "gerelateerde-standaarden"), ("added", "gerelateerde-richtlijnen")]),
    "richtlijnen/duurzaamheid": ([], [
        ("changed", "hoe-pas-je-het-toe"), ("added", "strategieen-voor-duurzame-technologie"),
        ("added", "meten-en-verbeteren-van-duurzaamheid"), ("added", "uitdagingen-en-oplossingen"),
        ("added", "best-practices"), ("added", "gerelateerde-hulpmiddelen"), ("added", "gerelateerde-richtlijnen")]),
    "Over-NeRDS": ([], [("changed", ""), ("changed", "informatie-van-de-overheid"),
                        ("added", "onze-werkwijze-opinionated-en-disagree-and-commit"),
                        ("added", "fases-van-digitale-ontwikkeling")]),
    "Over-NeRDS/CONTRIBUTING": ([], [
        ("changed", "een-pull-request-maken"), ("changed", "versioning"),
        ("removed", "automatische-patch-versie-bumps"), ("changed", "versioning-schema"),
        ("added", "handmatige-versioning"), ("changed", "voor-contributors")]),
    "Over-NeRDS/privacy": ([], [("changed", "welke-gegevens-verzamelen-wij"),
                                ("changed", "waarom-verzamelen-wij-je-gegevens"),
                                ("changed", "hoe-beschermen-wij-je-gegevens")]),
}
# Source files that changed only in a link's target (the same words): no change for a reader.
LINK_TARGET_ONLY = {"Over-NeRDS/cookies", "Over-NeRDS/copyright", "Over-NeRDS/kwetsbaarheid-melden"}
# (page, anchor) -> (words inserted, words deleted), counted by hand from the source lines.
WORD_COUNTS = {
    ("richtlijnen", ""): (1, 1 + 5 + 19),  # one word replaced; the card's title and sentence gone
    ("Over-NeRDS", ""): (4, 4),  # a four-word phrase reordered and reworded: one replacement (the one word both
    # versions share in the middle is folded into it, see words.SHORT_KEEP)
    ("Over-NeRDS", "informatie-van-de-overheid"): (2, 2),
    ("Over-NeRDS/CONTRIBUTING", "versioning"): (1, 1),
    ("Over-NeRDS/CONTRIBUTING", "versioning-schema"): (0, 1),
    ("Over-NeRDS/privacy", "welke-gegevens-verzamelen-wij"): (4, 0),
    ("Over-NeRDS/privacy", "waarom-verzamelen-wij-je-gegevens"): (4, 1 + 5),
    ("Over-NeRDS/privacy", "hoe-beschermen-wij-je-gegevens"): (4, 1),
}


@pytest.fixture(scope="session")
def nerds_editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not (OLD.is_dir() and NEW.is_dir()):
        pytest.skip(f"the NeRDS corpora are not at {CORPORA}")
    out = tmp_path_factory.mktemp("nerds-diff")
    for source in (OLD, NEW):
        build_edition(source, out / source.name, icons_dir=paths.icons_dir())
    return out / OLD.name, out / NEW.name


@pytest.fixture(scope="module")
def result(nerds_editions: tuple[Path, Path]) -> EditionDiff:
    return diff_editions(*nerds_editions)


def test_pages_added_removed_moved(result: EditionDiff) -> None:
    assert {p.page_id for p in result.added} == ADDED
    assert {p.page_id for p in result.removed} == REMOVED
    assert result.moved == []
    assert result.counts() == {"added": 6, "removed": 1, "moved": 0, "changed": 18}


def test_changed_pages_fields_and_sections_as_checked_by_hand(result: EditionDiff) -> None:
    found = {c.page_id: ([f.name for f in c.fields], [(s.kind, s.anchor) for s in c.sections])
             for c in result.changed}
    assert found == CHANGED
    assert not LINK_TARGET_ONLY & set(found)
    # The relations lost the removed guideline, and nothing else.
    for change in result.changed:
        for f in change.fields:
            assert set(f.old) - set(f.new) == {"servicestandaard"} and set(f.new) <= set(f.old)


def test_word_counts_of_small_edits(result: EditionDiff) -> None:
    counted = {}
    for change in result.changed:
        for s in change.sections:
            if (change.page_id, s.anchor) in WORD_COUNTS:
                counted[(change.page_id, s.anchor)] = (
                    sum(len(t.split()) for op, t in s.words if op == INSERT),
                    sum(len(t.split()) for op, t in s.words if op == DELETE),
                )
    assert counted == WORD_COUNTS


def test_changed_anchors_name_the_sections_to_flag(result: EditionDiff) -> None:
    assert result.changed_anchors("Over-NeRDS/CONTRIBUTING") == {
        "een-pull-request-maken", "versioning", "automatische-patch-versie-bumps", "versioning-schema",
        "handmatige-versioning", "voor-contributors"}
    assert result.changed_anchors("Over-NeRDS/cookies") == set()
