"""The "Wat is er veranderd" document and the user's marked items, from a hand-made EditionDiff (no display)."""

from __future__ import annotations

from reader.core.diff import (
    CHANGED,
    DELETE,
    INSERT,
    KEEP,
    EditionDiff,
    EditionSide,
    PageChange,
    PageRef,
    SectionChange,
)
from reader.gui.library.changes_html import (
    BOOKMARK,
    CHECKLIST,
    PageLabels,
    change_anchor,
    changes_document,
    marked_items,
)


def _diff() -> EditionDiff:
    side = EditionSide("/old", "Proef <b>", "proef", "2025-01-01", 3)
    new = EditionSide("/new", "Proef <b>", "proef", "2025-06-01", 3)
    section = SectionChange("eerste", "Eerste <kop>", CHANGED,
                            [(KEEP, "De"), (DELETE, "oude"), (INSERT, "nieuwe <script>x()</script>"),
                             (KEEP, "tekst met Lees de regel erin")])
    change = PageChange("a", "a-oud", "a-oud.md", "a.md", "A", "A <i>nieuw</i>", [], [section])
    return EditionDiff(side, new, added=[PageRef("n", "n.md", "Nieuw & anders")],
                       removed=[PageRef("weg", "weg.md", "Weg")], changed=[change])


def test_everything_from_the_corpus_is_escaped() -> None:
    html = changes_document(_diff())
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<i>nieuw</i>" not in html and "A &lt;i&gt;nieuw&lt;/i&gt;" in html
    assert "Nieuw &amp; anders" in html and "<kop>" not in html
    assert html.count("<script") == 0
    assert f'id="{change_anchor("a")}"' in html


def test_marked_items_on_changed_sections_moved_and_removed_pages() -> None:
    diff = _diff()
    marked = marked_items(
        diff,
        [("a-oud", "eerste", "op de oude id"), ("a", "tweede", "ander deel"), ("a", "", "hele pagina"),
         ("weg", "", "weg ermee"), ("b", "", "niets veranderd")],
        {"a": ["Lees de regel", "Niet in de tekst"], "b": ["Lees de regel"]},
    )
    assert [(m.kind, m.page_id, m.anchor, m.text, m.removed) for m in marked] == [
        (BOOKMARK, "a", "eerste", "op de oude id", False),
        (BOOKMARK, "a", "", "hele pagina", False),
        (BOOKMARK, "weg", "", "weg ermee", True),
        (CHECKLIST, "a", "eerste", "Lees de regel", False),
    ]
    html = changes_document(diff, marked, PageLabels(title="What changed"), lang="en")
    assert '<html lang="en">' in html and "<h1>What changed</h1>" in html
    assert html.index('id="rl-changes-yours"') < html.index('id="rl-changes-added"')


def test_an_empty_diff_says_so() -> None:
    diff = EditionDiff(EditionSide("/a", "T", "c", "2025-01-01", 1), EditionSide("/b", "T", "c", "2025-02-01", 1))
    html = changes_document(diff)
    assert "Tussen deze twee edities is niets veranderd." in html
    assert "rl-changes-changed" not in html


def test_new_pages_of_one_title_are_told_apart_by_their_file() -> None:
    side = EditionSide("/old", "Proef", "proef", "2025-01-01", 1)
    diff = EditionDiff(side, side, added=[PageRef("a/register", "a/register.md", "Register"),
                                          PageRef("b/register", "b/register.md", "Register"),
                                          PageRef("uniek", "uniek.md", "Uniek")])
    html = changes_document(diff)
    assert "<code>a/register.md</code>" in html and "<code>b/register.md</code>" in html
    assert "uniek.md" not in html
