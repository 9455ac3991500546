"""The Relaties tab on the real engine: related guidelines with summaries, links, backlinks, unavailable ones."""

from __future__ import annotations

import pytest

from reader.gui.sidebar.relations import BACKLINKS, LINKS, RELATED

pytestmark = pytest.mark.gui


def test_guideline_8_lists_3_9_and_13_as_related_with_summaries(open_reader, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    related = window.relations.entries(RELATED)
    assert [page for page, _text, _state in related] == [
        "richtlijnen/open-source",
        "richtlijnen/integratie",
        "richtlijnen/duurzaamheid",
    ]
    assert all(state == "available" for _p, _t, state in related)
    texts = [text for _p, text, _s in related]
    assert texts[0].startswith("3. ") and texts[1].startswith("9. ") and texts[2].startswith("13. ")
    # Title on the first line, the guideline's own summary (from pages.json) on the second.
    summary = window.edition.pages["richtlijnen/integratie"].summary
    assert summary and texts[1].split("\n", 1)[1] == " ".join(summary.split())[: len(texts[1].split("\n", 1)[1])]
    groups = [window.relations.topLevelItem(i).text(0) for i in range(window.relations.topLevelItemCount())]
    assert groups[0].startswith("Gerelateerde richtlijnen (3)")
    assert len(groups) == 3


def test_backlinks_and_links_groups_follow_the_edition(open_reader, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/integratie")
    window = reader.window
    info = window.edition.pages["richtlijnen/integratie"]
    backlinks = [p for p, _t, _s in window.relations.entries(BACKLINKS)]
    assert "richtlijnen/samenwerking" in backlinks  # 8 relates to 9
    assert backlinks == list(info.backlinks)
    related_ids = {t for _r, t in info.relations if t}
    assert [p for p, _t, _s in window.relations.entries(LINKS)] == [p for p in info.links if p not in related_ids]


def test_clicking_a_relation_opens_that_page_and_the_tab_follows(open_reader, qtbot, nerds_edition):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    group = window.relations.group(RELATED)
    item = group.child(2)
    with qtbot.waitSignal(window.page_loaded, timeout=10000):
        window.relations.itemClicked.emit(item, 0)
    assert window.current_page_id() == "richtlijnen/duurzaamheid"
    assert "richtlijnen/samenwerking" in [p for p, _t, _s in window.relations.entries(BACKLINKS)]


def test_relations_missing_from_the_edition_are_shown_as_not_available(open_reader, qtbot, content_edition):
    # The bundled user guide's sample guideline relates to guidelines that are not part of it.
    reader = open_reader(content_edition, "richtlijnen/samenwerking")
    window = reader.window
    related = window.relations.entries(RELATED)
    assert [(p, s) for p, _t, s in related] == [(None, "missing")] * 3
    assert all("niet beschikbaar" in text for _p, text, _s in related)
    assert related[0][1].startswith("open-source")
    # Clicking one does nothing (no navigation, no crash).
    item = window.relations.group(RELATED).child(0)
    with qtbot.assertNotEmitted(window.page_loaded, wait=300):
        window.relations.itemClicked.emit(item, 0)
    assert window.current_page_id() == "richtlijnen/samenwerking"


def test_links_that_are_all_relations_are_explained_not_denied(open_reader, nerds_edition):
    # Guideline 8 links only to the three guidelines it relates to: listed once, and the links group says so.
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    window.relations.show_page("richtlijnen/samenwerking")
    group = window.relations.group("links")
    assert group.childCount() == 1
    assert group.child(0).text(0) == "Alleen naar de gerelateerde richtlijnen hierboven"
