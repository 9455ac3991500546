"""Material for MkDocs' blog plugin: posts under `<blog_dir>/posts/`, by their `date:`, newest first.

MkDocs shows the posts on the blog's index page rather than in the navigation; the reader has no generated index,
so it lists them as the children of the blog section. `draft: true` posts are not published, so they are left out
(unless the plugin's `draft` option says to render them).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, replace
from typing import Any, Iterable

from reader.core.corpus.awesome import plugin_config
from reader.core.corpus.errors import _problem
from reader.core.corpus.mkdocs import MkDocsConfig
from reader.core.corpus.pages import _Draft
from reader.core.model import WARNING, NavItem, Problem

PLUGIN_NAMES = ("blog", "material/blog")


@dataclass(frozen=True)
class BlogConfig:
    blog_dir: str  # docs-relative, "" when the docs root is the blog
    post_dir: str  # docs-relative
    render_drafts: bool


def blog_config(config: MkDocsConfig) -> BlogConfig | None:
    options = plugin_config(config, PLUGIN_NAMES)
    if options is None:
        return None
    blog_dir = str(options.get("blog_dir") or "blog").strip("/")
    blog_dir = "" if blog_dir == "." else blog_dir
    post_dir = str(options.get("post_dir") or "{blog}/posts").replace("{blog}", blog_dir).strip("/")
    return BlogConfig(blog_dir, posixpath.normpath(post_dir) if post_dir else "", options.get("draft") is True)


def post_date(value: Any) -> dt.datetime | None:
    """A post's `date:` as Material accepts it: a date, a datetime, ISO text, or a mapping with `created`."""
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
        except ValueError:
            return None
    return None


@dataclass
class Blog:
    config: BlogConfig
    index: _Draft | None  # the blog's index page
    posts: list[_Draft]  # published posts, newest first
    drafts: list[_Draft]  # unpublished posts (`draft: true`): left out of the corpus


def find_blog(cfg: BlogConfig, drafts: Iterable[_Draft], problems: list[Problem]) -> Blog:
    index_path = posixpath.join(cfg.blog_dir, "index.md") if cfg.blog_dir else "index.md"
    start = cfg.post_dir + "/" if cfg.post_dir else ""
    index: _Draft | None = None
    dated: list[tuple[dt.datetime, _Draft]] = []
    undated: list[_Draft] = []
    unpublished: list[_Draft] = []
    for draft in drafts:
        if draft.path == index_path:
            index = draft
            continue
        if not draft.path.startswith(start):
            continue
        if draft.meta.get("draft") is True and not cfg.render_drafts:
            unpublished.append(draft)
            continue
        when = post_date(draft.meta.get("date"))
        if when is None:
            problems.append(_problem(
                WARNING, "blog-date", draft.file, draft.fm_line("date") or 1,
                "This blog post has no valid `date:` (like 2024-01-31); it is listed after the dated posts.",
            ))
            undated.append(draft)
        else:
            dated.append((when, draft))
    dated.sort(key=lambda item: (item[0], item[1].path), reverse=True)
    return Blog(cfg, index, [d for _, d in dated] + sorted(undated, key=lambda d: d.path), unpublished)


def attach_blog(nav: list[NavItem], blog: Blog, listed: set[str]) -> list[NavItem]:
    """`nav` with the published posts (those not already in it) under the blog's section, newest first.

    The blog section is the nav entry of the blog index (made a section when it is a single entry); without one a
    section titled from the blog index is added at the end.
    """
    posts = tuple(NavItem(d.title, page=d.page_id) for d in blog.posts if d.page_id not in listed)
    if not posts:
        return nav
    index_id = blog.index.page_id if blog.index is not None else None
    done = False

    def visit(items: Iterable[NavItem]) -> list[NavItem]:
        nonlocal done
        out: list[NavItem] = []
        for item in items:
            if not done and index_id is not None and item.page == index_id:
                done = True
                out.append(replace(item, children=item.children + posts))
            elif not done and item.children and item.page is None and item.children[0].page == index_id:
                # A section whose first entry is the blog index (no navigation.indexes): the posts follow it.
                done = True
                out.append(replace(item, children=item.children + posts))
            else:
                out.append(replace(item, children=tuple(visit(item.children))))
        return out

    result = visit(nav)
    if not done:
        title = blog.index.title if blog.index is not None else "Blog"
        result.append(NavItem(title, page=index_id, children=posts))
    return result
