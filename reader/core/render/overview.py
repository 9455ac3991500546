"""What the page frame adds around a rendered page: the summary under the title, only when it says something the
page does not say right below it, and, for a page without content of its own (a `template:` start page, a section
index with only a title), an overview of its section: the child pages with their summaries, as links."""

from __future__ import annotations

import os
import re
import unicodedata
from html import escape

from reader.core.links import page_url
from reader.core.model import Corpus, NavItem, Page, RenderedPage

_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_MEDIA = re.compile(r"<(?:img|table|pre|svg|iframe|video|input)\b")
_NOT_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    """Text compared as a reader reads it: case, accents, punctuation and spacing do not count."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_NOT_WORD.sub(" ", "".join(c for c in folded if not unicodedata.combining(c))).split())


SAME_START = 50  # normalised characters two texts share at the start to read as the same paragraph


def repeats(summary: str, opening: str) -> bool:
    """Whether the summary says what the opening paragraph says: the same text, one beginning with the other, or
    a shortened version that starts with the same words (a reader sees the same sentence twice)."""
    s, o = _norm(summary), _norm(opening.rstrip("…"))
    if not s or not o:
        return False
    if o.startswith(s) or s.startswith(o):
        return True
    return len(os.path.commonprefix([s, o])) >= SAME_START


def shown_summary(page: Page, rendered: RenderedPage) -> str:
    """The summary to show under the title: the front matter's, unless the page opens with the same words."""
    if page.summary_derived or not page.summary:
        return ""
    return "" if repeats(page.summary, rendered.opening) else page.summary


def has_content(html: str) -> bool:
    """Whether a rendered page body holds anything besides its headings (our own serialisation: regexes suffice)."""
    rest = _HEADING.sub("", html)
    return bool(_MEDIA.search(rest)) or bool(_TAG.sub("", rest).strip())


def _entries(page_id: str, items: tuple[NavItem, ...]) -> tuple[NavItem, ...] | None:
    """The nav entries a page without content stands for: its own children when it opens a section, else the
    entries beside it (a section's index page is listed among them, MkDocs style); None when it is not in the nav."""
    for item in items:
        if item.page == page_id:
            if item.children:
                return item.children
            return tuple(i for i in items if i is not item)
        if item.children:
            found = _entries(page_id, item.children)
            if found is not None:
                return found
    return None


def _first_page(item: NavItem) -> str | None:
    if item.page is not None:
        return item.page
    for child in item.children:
        found = _first_page(child)
        if found is not None:
            return found
    return None


def overview_html(page: Page, corpus: Corpus) -> str:
    """The generated overview of the page's section ("" when the nav gives it nothing to list)."""
    entries = _entries(page.id, corpus.nav)
    if not entries:
        return ""
    rows: list[str] = []
    for item in entries:
        target = _first_page(item)
        if target is None or target == page.id or target not in corpus.pages:
            continue
        child = corpus.pages[target]
        title = item.title or child.title
        summary = f'<p class="rl-overview-summary">{escape(child.summary)}</p>' if child.summary else ""
        rows.append(
            f'<li><a class="rl-internal" href="{escape(page_url(target), quote=True)}">{escape(title)}</a>'
            f"{summary}</li>"
        )
    if not rows:
        return ""
    return (
        '\n<nav class="rl-overview" aria-label="In dit onderdeel">'
        f'<ul class="rl-overview-list">{"".join(rows)}</ul></nav>'
    )
