"""Where in the Markdown source a heading found by the Markdown pass was written (Python-Markdown keeps no lines).

Best effort, linear: the lines that look like ATX or setext headings outside fences, matched in order to the
headings the parse found, by text, by explicit id or by slug; a heading no candidate matches takes the next
unclaimed candidate of its level.
"""

from __future__ import annotations

import re

from markdown.extensions import toc as _toc

_ATX = re.compile(r"^(#{1,6})(?!#)(.*)$")  # the closing #s are stripped in Python: no backtracking on long lines
_MAX_MATCH_TEXT = 1000  # heading text compared; longer headings are cut (patterns stay cheap)
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ATTR = re.compile(r"\{[^}]*\}\s*$")
_CONTAINER_PREFIX = re.compile(r"^(?:\s*>)*\s*")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]{0,100}\]")
_MD_LINK = re.compile(r"!?\[([^\]]{0,500})\]\([^)]{0,1000}\)")
_NUMBERED = re.compile(r"_\d+$")


def _slug(text: str) -> str:
    return _toc.slugify(text, "-")


def _plain(text: str) -> str:
    """Heading source text without attr_list, footnote references and link targets (for matching only)."""
    return _MD_LINK.sub(r"\1", _FOOTNOTE_REF.sub("", _ATTR.sub("", text)))


def _candidates(lines: list[str]) -> list[tuple[int, int, str]]:
    """(0-based line, level, raw text) of lines that look like ATX or setext headings, outside fences."""
    out: list[tuple[int, int, str]] = []
    fence: str | None = None
    for number, raw in enumerate(lines):
        stripped = _CONTAINER_PREFIX.sub("", raw, count=1)
        match = _FENCE.match(raw)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        atx = _ATX.match(stripped)
        if atx:
            out.append((number, len(atx.group(1)), atx.group(2)[:_MAX_MATCH_TEXT].rstrip().rstrip("#").strip()))
            continue
        if stripped.strip() and number + 1 < len(lines) and _SETEXT.match(lines[number + 1]):
            level = 1 if lines[number + 1].strip()[0] == "=" else 2
            out.append((number, level, stripped.strip()[:_MAX_MATCH_TEXT]))
    return out


def heading_lines(body: str, headings: list[tuple[int, str, str]]) -> list[int]:
    """For each (level, id, text) found by the parse, in order, its 0-based line in `body` (-1 when unknown).

    Each candidate's slug is computed once (slugify is the costly part), so a page whose headings the parse and the
    candidates see differently (raw HTML, md_in_html) costs comparisons, not slugs.
    """
    if not headings:
        return []
    candidates = _candidates(body.split("\n"))
    slugs: list[str | None] = [None] * len(candidates)
    result: list[int] = []
    pos = 0
    for level, anchor, text in headings:
        line = -1
        base = anchor.rsplit("_", 1)[0] if _NUMBERED.search(anchor) else anchor
        wanted = text[:_MAX_MATCH_TEXT].strip()
        text_slug: str | None = None
        for index in range(pos, len(candidates)):
            number, cand_level, cand_text = candidates[index]
            if cand_level != level:
                continue
            if cand_text == wanted or "#" + anchor in cand_text:  # the common case: plain heading text
                line, pos = number, index + 1
                break
            slug = slugs[index]
            if slug is None:
                slug = slugs[index] = _slug(_plain(cand_text))
            if text_slug is None:
                text_slug = _slug(text)
            if slug in (anchor, base, text_slug):
                line, pos = number, index + 1
                break
        else:
            # Markup the quick normalisation does not undo: take the next unclaimed heading line of this level.
            for index in range(pos, len(candidates)):
                if candidates[index][1] == level:
                    line, pos = candidates[index][0], index + 1
                    break
        result.append(line)
    return result
