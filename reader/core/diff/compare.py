"""`diff_editions`: what changed from one edition of a corpus to the next.

Lazy by design: a page whose section hashes, headings and page data are equal on both sides is unchanged without
its HTML being read, so the cost grows with the pages that changed, not with the size of the corpus. Only when a
section hash differs are both pages' HTML files read and split into sections; a section whose words are the same
(only white space or markup moved) is then not reported.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.diff.matching import match_pages
from reader.core.diff.report import (
    ADDED,
    CHANGED,
    REMOVED,
    EditionDiff,
    EditionSide,
    FieldChange,
    PageChange,
    PageMove,
    PageRef,
    SectionChange,
)
from reader.core.diff.text import SectionText, page_sections
from reader.core.diff.words import DELETE, INSERT, similarity, word_diff, words
from reader.core.edition import Edition, EditionError, PageInfo

SECTION_SIMILAR = 0.6  # a section under another heading is the same section when this much of its text is kept


def diff_editions(old: Path | Edition, new: Path | Edition) -> EditionDiff:
    """Compare two editions (folders or opened). Raises EditionError when one cannot be opened or a page file of
    a changed page cannot be read."""
    a = old if isinstance(old, Edition) else Edition.open(Path(old))
    b = new if isinstance(new, Edition) else Edition.open(Path(new))
    matching = match_pages(a.pages, b.pages)
    result = EditionDiff(old=_side(a), new=_side(b))
    result.removed = [PageRef(i, a.pages[i].path, a.pages[i].title) for i in matching.removed]
    result.added = [PageRef(i, b.pages[i].path, b.pages[i].title) for i in matching.added]
    new_order = {page_id: n for n, page_id in enumerate(b.pages)}
    for pair in sorted(matching.pairs, key=lambda p: new_order[p.new_id]):
        before, after = a.pages[pair.old_id], b.pages[pair.new_id]
        if pair.old_id != pair.new_id or before.path != after.path:
            result.moved.append(
                PageMove(pair.old_id, pair.new_id, before.path, after.path, after.title, pair.match))
        change = page_change(a, b, pair.old_id, pair.new_id)
        if change is not None:
            result.changed.append(change)
    return result


def page_change(old: Edition, new: Edition, old_id: str, new_id: str) -> PageChange | None:
    """What changed in one page (None: nothing a reader would notice)."""
    before, after = old.pages[old_id], new.pages[new_id]
    fields = field_changes(before, after)
    sections: list[SectionChange] = []
    if before.section_hashes != after.section_hashes or _headings(before) != _headings(after):
        sections = section_changes(_read_sections(old, old_id), _read_sections(new, new_id))
    if not fields and not sections:
        return None
    return PageChange(new_id, old_id, before.path, after.path, before.title, after.title, fields, sections)


def field_changes(before: PageInfo, after: PageInfo) -> list[FieldChange]:
    out: list[FieldChange] = []
    for name in ("title", "summary"):
        old_value, new_value = getattr(before, name), getattr(after, name)
        if words(old_value) != words(new_value):
            out.append(FieldChange(name, old_value, new_value))
    relations = (tuple(r for r, _target in before.relations), tuple(r for r, _target in after.relations))
    if relations[0] != relations[1]:
        out.append(FieldChange("relations", *relations))
    if before.breadcrumb != after.breadcrumb:
        out.append(FieldChange("breadcrumb", before.breadcrumb, after.breadcrumb))
    return out


def section_changes(old: dict[str, SectionText], new: dict[str, SectionText]) -> list[SectionChange]:
    """Sections added, removed and changed, in the order of the new page (removed ones after the section that
    preceded them in the old page)."""
    changes: dict[str, SectionChange] = {}
    gone = [a for a in old if a not in new]
    fresh = [a for a in new if a not in old]
    for anchor in new:
        if anchor in old:
            before, after = old[anchor], new[anchor]
            if words(before.text) != words(after.text) or before.heading != after.heading:
                changes[anchor] = SectionChange(
                    anchor, after.heading, CHANGED, word_diff(before.text, after.text),
                    old_heading=before.heading if before.heading != after.heading else "")
    # A section under a new heading (so a new anchor) is the same section, changed, when its words are the same,
    # or when it stands where the old one stood (after the same kept section) and most of its words are kept.
    # Best pairs first.
    old_slot, new_slot = _slots(old, new), _slots(new, old)
    scored = sorted(
        ((similarity(words(old[g].text), words(new[f].text)), g, f) for g in gone for f in fresh
         if g and f and (old[g].text or new[f].text)),  # the intro ("") has no heading to rename
        key=lambda s: (-s[0], s[1], s[2]),
    )
    scored = [(score, g, f) for score, g, f in scored
              if score == 1.0 or (score >= SECTION_SIMILAR and old_slot[g] == new_slot[f])]
    paired_old: set[str] = set()
    for score, g, f in scored:
        if score >= SECTION_SIMILAR and g not in paired_old and f not in changes:
            changes[f] = SectionChange(f, new[f].heading, CHANGED, word_diff(old[g].text, new[f].text),
                                       old_anchor=g, old_heading=old[g].heading)
            paired_old.add(g)
    for f in fresh:
        if f not in changes:
            changes[f] = SectionChange(f, new[f].heading, ADDED, _whole(INSERT, new[f].text))
    removed = {g: SectionChange(g, old[g].heading, REMOVED, _whole(DELETE, old[g].text)) for g in gone
               if g not in paired_old}
    # One order for both pages: the new page's, each section that left placed after the one before it in the old.
    order: list[tuple[bool, str]] = [(False, a) for a in new]
    renamed = {c.old_anchor: a for a, c in changes.items() if c.old_anchor}
    previous: tuple[bool, str] | None = None
    for anchor in old:
        key = (False, anchor) if anchor in new else (False, renamed[anchor]) if anchor in renamed else None
        if key is None:
            key = (True, anchor)
            order.insert(order.index(previous) + 1 if previous else 0, key)
        previous = key
    return [removed[a] if gone_side else changes[a] for gone_side, a in order
            if (removed if gone_side else changes).get(a) is not None]


def _slots(mine: dict[str, SectionText], other: dict[str, SectionText]) -> dict[str, str | None]:
    """For each section of `mine` that `other` lacks: the nearest section before it that both have (None: none)."""
    slots: dict[str, str | None] = {}
    last: str | None = None
    for anchor in mine:
        if anchor in other:
            last = anchor
        else:
            slots[anchor] = last
    return slots


def _whole(op: str, text: str) -> list[tuple[str, str]]:
    joined = " ".join(words(text))
    return [(op, joined)] if joined else []


def _headings(page: PageInfo) -> dict[str, str]:
    return {anchor: text for _level, text, anchor in page.headings}


def _read_sections(edition: Edition, page_id: str) -> dict[str, SectionText]:
    path = edition.page_file(page_id)
    try:
        html = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EditionError("edition-data-unreadable", folder=str(edition.root), detail=str(exc)) from exc
    return page_sections(html)


def _side(edition: Edition) -> EditionSide:
    return EditionSide(str(edition.root), edition.title, edition.corpus_id, edition.edition_date,
                       len(edition.pages))

