"""The "Wat is er veranderd" page as one HTML document, from an EditionDiff (no Qt: tested without a display).

Every string from a corpus or the profile (titles, paths, section words, bookmark titles, checklist texts) is
escaped here or in reader.core.diff's `change_html`; the only markup is ours and the page has no script, so nothing
from a corpus can run. The words are parameters (`PageLabels`, Dutch by default) so the window passes its
translation. Each changed page gets a stable id (`change_anchor`) that the banner on that page links to.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from reader.core.diff import DELETE, DUTCH, INSERT, DiffLabels, EditionDiff, PageChange, change_html, side
from reader.core.links import app_url, page_url

STYLESHEET = app_url("css/page.css")
BOOKMARK, CHECKLIST = "bookmark", "checklist"


@dataclass(frozen=True)
class PageLabels:
    title: str = "Wat is er veranderd"
    from_to: str = "Van editie %1 naar editie %2 van %3."
    counts: str = "%1 nieuw, %2 verwijderd, %3 verplaatst, %4 gewijzigd."
    nothing: str = "Tussen deze twee edities is niets veranderd."
    yours: str = "Uw bladwijzers en checklistitems bij wijzigingen"
    bookmark: str = "Bladwijzer"
    checklist: str = "Checklistitem"
    page_removed: str = "pagina verwijderd"
    added: str = "Nieuwe pagina's"
    removed: str = "Verwijderde pagina's"
    moved: str = "Verplaatste pagina's"
    changed: str = "Gewijzigde pagina's"
    moved_from: str = "van %1 naar %2"
    diff: DiffLabels = field(default=DUTCH)


DEFAULT_LABELS = PageLabels()


@dataclass(frozen=True)
class Marked:
    """A bookmark or ticked checklist item of the user on something that changed."""

    kind: str  # BOOKMARK or CHECKLIST
    page_id: str  # in the new edition (the old id when the page was removed)
    anchor: str  # the section ("" the page or intro)
    text: str  # the bookmark's title or the item's text
    page_title: str
    removed: bool = False  # the page is gone


def change_anchor(page_id: str) -> str:
    """The id of a changed page's part of the page (an id any page id can have: hex of its hash)."""
    return "rl-change-" + hashlib.sha256(page_id.encode("utf-8")).hexdigest()[:16]


def _changed_by_any_id(diff: EditionDiff) -> dict[str, PageChange]:
    out: dict[str, PageChange] = {}
    for change in diff.changed:
        out.setdefault(change.old_id, change)
        out[change.page_id] = change
    return out


def marked_items(
    diff: EditionDiff,
    bookmarks: Iterable[tuple[str, str, str]],
    checklist: Mapping[str, Sequence[str]],
) -> list[Marked]:
    """The user's bookmarks (page id, anchor, title) on a changed section, a changed page (anchor "") or a removed
    page, and ticked checklist items (page id -> texts) whose words are in a changed section (old or new text)."""
    changed = _changed_by_any_id(diff)
    removed = {ref.page_id: ref for ref in diff.removed}
    found: list[Marked] = []
    for page_id, anchor, title in bookmarks:
        change = changed.get(page_id)
        if change is not None:
            anchors = diff.changed_anchors(change.page_id)
            if anchor == "" or anchor in anchors:
                found.append(Marked(BOOKMARK, change.page_id, anchor, title, change.title_new))
        elif page_id in removed:
            found.append(Marked(BOOKMARK, page_id, anchor, title, removed[page_id].title, removed=True))
    for page_id, texts in checklist.items():
        change = changed.get(page_id)
        if change is None:
            continue
        for text in texts:
            wanted = " ".join(text.split())
            if not wanted:
                continue
            for section in change.sections:
                sides = (side(section.words, DELETE), side(section.words, INSERT))
                if any(_has_words(s, wanted) for s in sides):
                    found.append(Marked(CHECKLIST, change.page_id, section.anchor, text, change.title_new))
                    break
    return found


def _has_words(text: str, wanted: str) -> bool:
    return f" {wanted} " in f" {text} "


def _link(page_id: str, anchor: str, text: str) -> str:
    return f'<a href="{escape(page_url(page_id, anchor or None), quote=True)}">{escape(text)}</a>'


def _fill(template: str, *values: str) -> str:
    for n, value in enumerate(values, start=1):
        template = template.replace(f"%{n}", value)
    return template


def changes_document(
    diff: EditionDiff, marked: Sequence[Marked] = (), labels: PageLabels = DEFAULT_LABELS, lang: str = "nl",
    context: int | None = 12,
) -> str:
    """The whole page: summary, the user's marked items, then pages added, removed, moved and changed."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang, quote=True)}">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(labels.title)}</title>",
        f'<link rel="stylesheet" href="{escape(STYLESHEET, quote=True)}">',
        "</head>",
        '<body class="rl-page rl-changes"><main class="rl-content" id="rl-content"><article class="rl-article">',
        f"<h1>{escape(labels.title)}</h1>",
    ]
    old, new = diff.old, diff.new
    editions = _fill(labels.from_to, old.edition_date, new.edition_date, new.title)
    out.append(f'<p class="rl-changes-editions">{escape(editions)}</p>')
    counts = diff.counts()
    if diff.empty:
        out.append(f'<p class="rl-changes-counts">{escape(labels.nothing)}</p>')
    else:
        text = _fill(labels.counts, *(str(counts[k]) for k in ("added", "removed", "moved", "changed")))
        out.append(f'<p class="rl-changes-counts">{escape(text)}</p>')
    if marked:
        out.append(f'<section id="rl-changes-yours"><h2>{escape(labels.yours)}</h2><ul>')
        for item in marked:
            kind = labels.bookmark if item.kind == BOOKMARK else labels.checklist
            where = f"{item.page_title} \u2014 {labels.page_removed}" if item.removed else item.page_title
            target = (escape(where) if item.removed else
                      f'<a href="#{change_anchor(item.page_id)}">{escape(where)}</a>')
            out.append(f"<li><strong>{escape(kind)}:</strong> {escape(item.text)} ({target})</li>")
        out.append("</ul></section>")
    if diff.added:
        out.append(f'<section id="rl-changes-added"><h2>{escape(labels.added)}</h2><ul>')
        titles = Counter(ref.title for ref in diff.added)
        # Two new pages of the same title are told apart by their file, as removed pages always are.
        out.extend(f"<li>{_link(ref.page_id, '', ref.title or ref.page_id)}"
                   + (f" (<code>{escape(ref.path)}</code>)" if titles[ref.title] > 1 else "") + "</li>"
                   for ref in diff.added)
        out.append("</ul></section>")
    if diff.removed:
        out.append(f'<section id="rl-changes-removed"><h2>{escape(labels.removed)}</h2><ul>')
        out.extend(f"<li>{escape(ref.title or ref.page_id)} (<code>{escape(ref.path)}</code>)</li>"
                   for ref in diff.removed)
        out.append("</ul></section>")
    if diff.moved:
        out.append(f'<section id="rl-changes-moved"><h2>{escape(labels.moved)}</h2><ul>')
        for move in diff.moved:
            where = escape(labels.moved_from).replace("%1", f"<code>{escape(move.old_path)}</code>").replace(
                "%2", f"<code>{escape(move.new_path)}</code>")
            out.append(f"<li>{_link(move.new_id, '', move.title or move.new_id)} {where}</li>")
        out.append("</ul></section>")
    if diff.changed:
        out.append(f'<section id="rl-changes-changed"><h2>{escape(labels.changed)}</h2>')
        for change in diff.changed:
            out.append(f'<section class="rl-changes-page" id="{change_anchor(change.page_id)}">')
            out.append(f"<h2>{_link(change.page_id, '', change.title_new or change.page_id)}</h2>")
            out.append(change_html(change, labels.diff, context))
            out.append("</section>")
        out.append("</section>")
    out.append("</article></main></body></html>")
    return "\n".join(out)
