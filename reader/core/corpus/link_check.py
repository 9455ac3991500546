"""Checking links and relations between pages, with suggestions for near misses."""

from __future__ import annotations

import posixpath
from typing import Any

from reader.core import links
from reader.core.corpus.errors import _problem
from reader.core.corpus.headings import slugify_heading
from reader.core.corpus.pages import _Draft
from reader.core.corpus.relations import RelationIndex
from reader.core.model import (
    LINK,
    WARNING,
    Edge,
    Problem,
)


def _resolve(href: str, from_path: str, pages_by_path: dict[str, str], assets: frozenset[str]) -> links.LinkTarget:
    """`links.resolve_href`, with a shortcut for the common plain `other/page.md#anchor` link that hits a page.

    The shortcut computes exactly resolve_href's first candidate for a file link; anything else goes the long way.
    """
    path, _, anchor = href.partition("#")
    if path.endswith(".md") and not path.startswith("/") and not any(c in href for c in ":%?\\ ") and "//" not in path:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), path))
        page = pages_by_path.get(joined)
        if page is not None and not joined.startswith("../"):
            return links.LinkTarget("page", page=page, anchor=anchor or None)
    return links.resolve_href(href, from_path, pages_by_path, assets)


def _suggest_relation(ref: str, index: RelationIndex) -> str:
    from difflib import get_close_matches

    close = get_close_matches(ref.strip().lower(), sorted(index.by_slug), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _suggest(anchor: str, anchors: frozenset[str]) -> str:
    """` (did you mean 'x'?)` when the anchor differs from an existing id only in case or spelling."""
    from difflib import get_close_matches

    wanted = slugify_heading(anchor)
    if wanted in anchors:
        return f" (ids are lower case: did you mean {wanted!r}?)"
    close = get_close_matches(anchor.lower(), sorted(anchors), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_links(
    draft: _Draft,
    by_id: dict[str, _Draft],
    pages_by_path: dict[str, str],
    assets: frozenset[str],
    problems: list[Problem],
    add_edge: Any,
    fallback: str | None = None,
) -> None:
    """`fallback`: i18n folder layout, where a translation's link that finds nothing is resolved from instead (the
    page's place in the default language's folder: render.fallback_source)."""
    own_anchors = draft.anchors
    for raw in draft.raw_links:
        href = raw.href
        if not href or href.startswith(("{{", "{%")):
            continue
        target = _resolve(href, draft.path, pages_by_path, assets)
        if target.kind == "missing" and fallback is not None:
            found = _resolve(href, fallback, pages_by_path, assets)
            target = found if found.kind in ("page", "asset") else target
        # A link the parse made itself (a footnote's, a permalink) was not written in the source: no line.
        file, line = draft.origin(raw.offset) if raw.offset >= 0 else (draft.file, None)
        if target.kind == "page" and target.page is not None:
            if target.anchor:
                other = by_id[target.page]
                if target.anchor not in other.anchors:
                    problems.append(_problem(
                        WARNING, "anchor-missing", file, line,
                        f"Link {href!r}: page {other.file} has no heading with id {target.anchor!r}; "
                        f"fix the #anchor{_suggest(target.anchor, other.anchors)}.",
                    ))
            if target.page != draft.page_id:
                add_edge(Edge(draft.page_id, target.page, LINK, target.anchor))
        elif target.kind == "anchor":
            if target.anchor and target.anchor not in own_anchors:
                problems.append(_problem(
                    WARNING, "anchor-missing", file, line,
                    f"Link {href!r}: this page has no heading with id {target.anchor!r}; "
                    f"fix the #anchor{_suggest(target.anchor, own_anchors)}.",
                ))
        elif target.kind == "missing":
            what = "Image" if raw.image else "Link"
            code = "image-missing" if raw.image else "link-missing"
            problems.append(_problem(
                WARNING, code, file, line,
                f"{what} {href!r} points at {target.path or '(nothing)'}, which is not in the docs folder; "
                "fix the path.",
            ))
        elif target.kind == "unsafe":
            problems.append(_problem(
                WARNING, "link-unsafe", file, line,
                f"Link {href!r} uses a scheme the reader will not open; use an http(s) or relative link.",
            ))
