"""Where a page sits in the corpus navigation: the breadcrumb above the page (reader/gui/breadcrumb.py).

The page's first entry in the nav, depth first, as `Corpus.breadcrumb` and the renderer find it, so that the crumbs
agree with the contents tree and with what search shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import NavItem


@dataclass(frozen=True)
class Crumb:
    title: str
    page: str | None  # the page it opens (a section's overview page, home); None: text only (the page itself too)
    role: str = ""  # the nav entry's role: "unlisted" is the reader's own section, its title translated


def nav_trail(nav: tuple[NavItem, ...], page_id: str) -> tuple[NavItem, ...]:
    """The nav entries from the top down to the first entry that opens `page_id` (itself last); () when none does."""
    stack: list[tuple[tuple[NavItem, ...], int]] = [(nav, 0)]
    path: list[NavItem] = []
    # Iterative depth-first walk: a hostile nav may nest deeper than Python's recursion allows.
    while stack:
        items, index = stack.pop()
        if index >= len(items):
            if path:
                path.pop()
            continue
        item = items[index]
        stack.append((items, index + 1))
        if item.page == page_id:
            return (*path, item)
        if item.children:
            path.append(item)
            stack.append((item.children, 0))
    return ()


def breadcrumb(nav: tuple[NavItem, ...], page_id: str, home_page: str, home_title: str) -> tuple[Crumb, ...]:
    """The crumbs above `page_id`: home, each section on the way there (with the page it opens, if any), then the
    page itself as text. Empty on the home page and for a page the navigation does not hold."""
    if page_id == home_page:
        return ()
    trail = nav_trail(nav, page_id)
    if not trail:
        return ()
    *sections, current = trail
    crumbs = [Crumb(s.title, s.page, s.role) for s in sections]
    if not any(c.page == home_page for c in crumbs):
        home = nav_trail(nav, home_page)
        crumbs.insert(0, Crumb(home[-1].title if home else home_title, home_page))
    crumbs.append(Crumb(current.title, None, current.role))
    return tuple(crumbs)
