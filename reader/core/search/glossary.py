"""A glossary page is a search result for its terms.

A page defines a term when it has an abbreviation definition of its own (`*[AVG]: Algemene Verordening ...`, which
Markdown's `abbr` takes out of the text) or a definition list entry (`<dt>`). A page that defines at least
MIN_TERMS terms is a glossary (a page that explains one abbreviation in passing is not): each of its terms is
indexed with the section that defines it as a weighted part of its own (GLOSSARY_BOOST, in analysis.py), so a
query for the term lists that section even when the page is long and the term is one line of it. Abbreviation
definitions are also added to the text of the page's first section ("AVG: Algemene Verordening ..."): the reader
shows them as tooltips, so without this the page's text would not have them for snippets and phrase checks.
An auto-appended glossary file (the corpus's `glossary`, not a page) is no result: its pairs are synonyms
(synonyms.py).
"""

from __future__ import annotations

import html
import re

from reader.core.model import Page, RenderedPage

MIN_TERMS = 5
MAX_TERM_CHARS = 80

_DT = re.compile(r"<dt\b[^>]*>(.*?)</dt>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def defined_terms(page: Page, rendered: RenderedPage) -> dict[str, list[str]]:
    """Anchor of a section -> the terms it defines, for a page that defines at least MIN_TERMS; else {}."""
    by_anchor: dict[str, list[str]] = {}
    anchors = [s.anchor for s in rendered.sections]
    first = anchors[0] if anchors else ""
    starts: list[tuple[int, str]] | None = None
    count = 0
    for m in _DT.finditer(rendered.html):
        if starts is None:  # only a page with a <dt> needs them
            starts = _section_starts(rendered.html, anchors)
        term = _plain(m.group(1))
        if not term or len(term) > MAX_TERM_CHARS:
            continue
        anchor = first
        for pos, a in starts:
            if pos > m.start():
                break
            anchor = a
        by_anchor.setdefault(anchor, []).append(term)
        count += 1
    for short, long in page.abbreviations.items():
        if short.strip():
            by_anchor.setdefault(first, []).append(f"{short} {long}".strip())
            count += 1
    return by_anchor if count >= MIN_TERMS else {}


def _section_starts(markup: str, anchors: list[str]) -> list[tuple[int, str]]:
    """Where each section starts in the HTML (its heading's `id="..."`, not `xid=`), to place a <dt> in its
    section: (offset, anchor), sorted. A plain search (a regex starting with \\b found no literal to skip to: 1 s
    on Material's docs)."""
    starts = []
    for a in anchors:
        if not a:
            continue
        needle = f'id="{a}"'
        at = markup.find(needle)
        while at > 0 and (markup[at - 1].isalnum() or markup[at - 1] == "_"):  # what \b before `id` excludes
            at = markup.find(needle, at + 1)
        if at >= 0:
            starts.append((at, a))
    return sorted(starts)


def definitions_text(page: Page) -> str:
    """The page's own abbreviation definitions as text lines ("AVG: Algemene Verordening Gegevensbescherming")."""
    return "\n".join(f"{short}: {long}" for short, long in page.abbreviations.items() if short.strip() and long)
