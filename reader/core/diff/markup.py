"""One page's change as HTML for the reader's "Wat is er veranderd" page: inserted words in `<ins>`, deleted ones in
`<del>`.

Every corpus string is escaped here (`html.escape`); the only markup is our own. Colour alone says nothing to a
screen reader, and most of them announce `<ins>`/`<del>` (or an `aria-label` on them) not at all, so each run carries
visually hidden words before and after it ("ingevoegd:" ... "einde ingevoegd"); the stylesheet hides the class
`rl-sr-only` from sight only (clip, 1px box), never with `display: none`, which would hide it from screen readers
too. The words are parameters (`DiffLabels`, Dutch by default) so the window can pass its translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from reader.core.diff.report import ADDED, REMOVED, EditionDiff, FieldChange, FieldValue, PageChange, SectionChange
from reader.core.diff.words import DELETE, INSERT, KEEP, Op
from reader.core.links import page_url

SR_ONLY = "rl-sr-only"


@dataclass(frozen=True)
class DiffLabels:
    inserted: str = "ingevoegd:"
    inserted_end: str = "einde ingevoegd"
    deleted: str = "verwijderd:"
    deleted_end: str = "einde verwijderd"
    intro: str = "Inleiding"
    kind_added: str = "nieuw"
    kind_removed: str = "verwijderd"
    kind_changed: str = "gewijzigd"
    was_heading: str = "eerder:"
    title: str = "Titel"
    summary: str = "Samenvatting"
    relations: str = "Relaties"
    breadcrumb: str = "Plaats in de inhoud"
    moved: str = "Verplaatst van"
    gap: str = "…"
    counts: str = "{added} toegevoegd, {removed} verwijderd, {moved} verplaatst, {changed} gewijzigd"
    pages_added: str = "Nieuwe pagina's"
    pages_removed: str = "Verwijderde pagina's"
    pages_moved: str = "Verplaatste pagina's"
    pages_changed: str = "Gewijzigde pagina's"
    no_changes: str = "Geen verschillen."


DUTCH = DiffLabels()


def diff_html(result: EditionDiff, labels: DiffLabels = DUTCH, context: int | None = 12) -> str:
    """The whole diff as the body of a page: the counts, the pages added, removed and moved, then each changed page
    (its title a link to it in the new edition) with `change_html`. A fragment, for the window's own document."""
    parts = ['<div class="rl-diff">',
             f'<p class="rl-diff-counts">{escape(labels.counts.format(**result.counts()))}</p>']
    if result.empty:
        parts.append(f"<p>{escape(labels.no_changes)}</p>")
    if result.added:
        parts.append(_list(labels.pages_added, [_page_link(p.page_id, p.title) for p in result.added]))
    if result.removed:
        parts.append(_list(labels.pages_removed,
                           [f"{escape(p.title)} <code>{escape(p.path)}</code>" for p in result.removed]))
    if result.moved:
        parts.append(_list(labels.pages_moved, [
            f"{_page_link(m.new_id, m.title)}: <code>{escape(m.old_path)}</code> → <code>{escape(m.new_path)}</code>"
            for m in result.moved]))
    if result.changed:
        parts.append(f'<section class="rl-diff-changed"><h2>{escape(labels.pages_changed)}</h2>')
        for change in result.changed:
            parts.append(f"<h3>{_page_link(change.page_id, change.title_new)}</h3>")
            parts.append(change_html(change, labels, context, level=4))
        parts.append("</section>")
    parts.append("</div>")
    return "\n".join(parts)


def change_html(change: PageChange, labels: DiffLabels = DUTCH, context: int | None = 12, level: int = 3) -> str:
    """The change of one page: its changed page data, then each changed section (a heading of `level`) with its
    words marked. Unchanged runs longer than 2 x `context` words are shortened to `context` words each side (None:
    keep everything)."""
    parts = [f'<div class="rl-diff-page" data-page="{escape(change.page_id, quote=True)}">']
    if change.old_path != change.new_path:
        parts.append(f'<p class="rl-diff-moved">{escape(labels.moved)} <code>{escape(change.old_path)}</code></p>')
    if change.fields:
        parts.append('<dl class="rl-diff-fields">')
        for f in change.fields:
            parts.append(f"<dt>{escape(_field_name(f, labels))}</dt><dd>{field_html(f, labels)}</dd>")
        parts.append("</dl>")
    for section in change.sections:
        parts.append(section_html(change.page_id, section, labels, context, level))
    parts.append("</div>")
    return "\n".join(parts)


def section_html(
    page_id: str, section: SectionChange, labels: DiffLabels = DUTCH, context: int | None = 12, level: int = 3
) -> str:
    kind = {ADDED: labels.kind_added, REMOVED: labels.kind_removed}.get(section.kind, labels.kind_changed)
    heading = escape(section.heading or labels.intro)
    if section.kind != REMOVED:
        heading = f'<a href="{escape(page_url(page_id, section.anchor or None), quote=True)}">{heading}</a>'
    was = ""
    if section.old_heading:
        was = f' <span class="rl-diff-was">({escape(labels.was_heading)} {escape(section.old_heading)})</span>'
    return (
        f'<section class="rl-diff-section rl-diff-{escape(section.kind, quote=True)}"'
        f' data-anchor="{escape(section.anchor, quote=True)}">'
        f'<h{level}>{heading} <span class="rl-diff-kind">({escape(kind)})</span>{was}</h{level}>'
        f'<p class="rl-diff-words">{words_html(section.words, labels, context)}</p></section>'
    )


def words_html(ops: list[Op], labels: DiffLabels = DUTCH, context: int | None = 12) -> str:
    out: list[str] = []
    for n, (op, text) in enumerate(ops):
        if op == KEEP:
            out.append(escape(_shorten(text, context, first=n == 0, last=n == len(ops) - 1, gap=labels.gap)))
        elif op == INSERT:
            out.append(_marked("ins", text, labels.inserted, labels.inserted_end))
        elif op == DELETE:
            out.append(_marked("del", text, labels.deleted, labels.deleted_end))
    return " ".join(out)


def field_html(f: FieldChange, labels: DiffLabels = DUTCH) -> str:
    if isinstance(f.old, str) and isinstance(f.new, str):
        parts = []
        if f.old:
            parts.append(_marked("del", f.old, labels.deleted, labels.deleted_end))
        if f.new:
            parts.append(_marked("ins", f.new, labels.inserted, labels.inserted_end))
        return " ".join(parts)
    old, new = _items(f.old), _items(f.new)
    if f.name == "breadcrumb":  # a path: shown whole on both sides
        return (_marked("del", " › ".join(old), labels.deleted, labels.deleted_end) + " "
                + _marked("ins", " › ".join(new), labels.inserted, labels.inserted_end))
    items = [_marked("del", item, labels.deleted, labels.deleted_end) for item in old if item not in new]
    items += [_marked("ins", item, labels.inserted, labels.inserted_end) for item in new if item not in old]
    return ", ".join(items)


def _page_link(page_id: str, title: str) -> str:
    return f'<a href="{escape(page_url(page_id), quote=True)}">{escape(title or page_id)}</a>'


def _list(heading: str, items: list[str]) -> str:
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f'<section class="rl-diff-list"><h2>{escape(heading)}</h2><ul>{rows}</ul></section>'


def _marked(tag: str, text: str, start: str, end: str) -> str:
    return (f'<{tag}><span class="{SR_ONLY}">{escape(start)} </span>{escape(text)}'
            f'<span class="{SR_ONLY}"> {escape(end)}</span></{tag}>')


def _shorten(text: str, context: int | None, first: bool, last: bool, gap: str) -> str:
    if context is None:
        return text
    w = text.split(" ")
    head = context if first and last else 0 if first else context  # words after the change before this run
    tail = 0 if last else context  # ... and before the change after it
    if len(w) <= head + tail + 1:
        return text
    kept_head, kept_tail = w[:head], w[len(w) - tail:] if tail else []
    return " ".join(kept_head + [gap] + kept_tail)


def _items(value: FieldValue) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def _field_name(f: FieldChange, labels: DiffLabels) -> str:
    return {"title": labels.title, "summary": labels.summary, "relations": labels.relations,
            "breadcrumb": labels.breadcrumb}.get(f.name, f.name)
