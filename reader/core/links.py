"""The internal URL contract and the resolution of links written in a corpus.

Reader URLs look like ``rl://edition.invalid/page/<page id>#<anchor>``. The host is reserved (``.invalid``
never resolves), so a reader URL can never reach a network. Everything here is pure string work.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Collection, Mapping
from urllib.parse import quote, unquote, urlsplit

SCHEME = "rl"
HOST = "edition.invalid"
ORIGIN = f"{SCHEME}://{HOST}"
PAGE_PREFIX = "/page/"
ASSET_PREFIX = "/asset/"
APP_PREFIX = "/app/"  # the reader's own resources (stylesheets, icons)

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def page_url(page_id: str, anchor: str | None = None) -> str:
    # parse_reader_url drops one ".html" (links may name the page file); an id that itself ends in ".html"
    # gets one more, so that every id comes back as it went in.
    suffix = ".html" if page_id.endswith(".html") else ""
    url = ORIGIN + PAGE_PREFIX + quote(page_id, safe="/-_.~") + suffix
    return url + ("#" + quote(anchor, safe="-_.~") if anchor else "")


def asset_url(path: str) -> str:
    return ORIGIN + ASSET_PREFIX + quote(path, safe="/-_.~")


def app_url(path: str) -> str:
    return ORIGIN + APP_PREFIX + quote(path, safe="/-_.~")


@dataclass(frozen=True)
class ReaderTarget:
    kind: str  # "page", "asset" or "app"
    path: str  # page id, or the asset/app path
    anchor: str | None = None


def parse_reader_url(url: str) -> ReaderTarget | None:
    """Inverse of page_url/asset_url/app_url; None for anything that is not a well-formed reader URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != SCHEME or parts.hostname != HOST or parts.port is not None:
        return None
    path = unquote(parts.path)
    anchor = unquote(parts.fragment) or None
    for kind, prefix in (("page", PAGE_PREFIX), ("asset", ASSET_PREFIX), ("app", APP_PREFIX)):
        if path.startswith(prefix):
            rest = path[len(prefix):]
            if kind == "page" and rest.endswith(".html"):
                rest = rest[: -len(".html")]
            return ReaderTarget(kind, rest, anchor)
    return None


@dataclass(frozen=True)
class LinkTarget:
    """What a link written in a corpus page points at."""

    kind: str  # "page", "anchor" (same page), "asset", "external", "missing", "unsafe"
    page: str | None = None  # page id for "page"/"anchor"
    anchor: str | None = None
    path: str | None = None  # docs-relative path for "asset"/"missing"
    url: str | None = None  # for "external"


def page_id_for_path(path: str) -> str:
    """`richtlijnen/samenwerking/index.md` -> `richtlijnen/samenwerking`; root `index.md` -> `index`."""
    stem = path[:-3] if path.lower().endswith(".md") else path
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem


def resolve_href(
    href: str,
    from_path: str,
    pages_by_path: Mapping[str, str],
    assets: Collection[str] = (),
) -> LinkTarget:
    """Resolve `href` as written in the page at docs-relative `from_path`.

    Markdown links to files are relative to the source file; directory-style links (`../cloud/`) as MkDocs
    writes them are also tried relative to the page's URL (`foo/bar.md` is served at `foo/bar/`).
    """
    href = href.strip()
    if not href:
        return LinkTarget("missing", path="")
    try:
        parts = urlsplit(href)
    except ValueError:
        return LinkTarget("unsafe", url=href)
    scheme = parts.scheme.lower()
    if scheme in EXTERNAL_SCHEMES:
        return LinkTarget("external", url=href)
    if scheme or parts.netloc:
        if not scheme and parts.netloc:  # protocol-relative //host/...
            return LinkTarget("external", url="https:" + href)
        return LinkTarget("unsafe", url=href)
    anchor = unquote(parts.fragment) or None
    target = unquote(parts.path)
    from_page = pages_by_path.get(from_path)
    if not target:
        return LinkTarget("anchor", page=from_page, anchor=anchor)

    bases = [posixpath.dirname(from_path)]
    if not from_path.endswith("index.md") and from_path.endswith(".md"):
        # MkDocs serves foo/bar.md at foo/bar/: links to .md files are file-relative, other links are
        # relative to that URL, so try that base first for them.
        url_base = from_path[:-3]
        bases = bases + [url_base] if target.lower().endswith(".md") else [url_base] + bases
    if target.startswith("/"):
        bases, target = [""], target.lstrip("/")

    for base in bases:
        joined = posixpath.normpath(posixpath.join(base, target)) if base else posixpath.normpath(target)
        if joined == "." or joined.startswith("../") or joined == "..":
            if joined != ".":
                continue
            joined = ""
        for candidate in _candidates(joined, target.endswith("/")):
            if candidate in pages_by_path:
                return LinkTarget("page", page=pages_by_path[candidate], anchor=anchor)
        if joined in assets:
            return LinkTarget("asset", path=joined, anchor=anchor)
    first = posixpath.normpath(posixpath.join(bases[0], target)) if bases[0] else posixpath.normpath(target)
    return LinkTarget("missing", path=first, anchor=anchor)


def _candidates(joined: str, is_dir: bool) -> list[str]:
    if joined.lower().endswith(".md"):
        return [joined]
    if joined.lower().endswith((".html", ".htm")):
        stem = joined.rsplit(".", 1)[0]
        return [stem + ".md", stem.removesuffix("/index") + "/index.md"]
    prefix = joined + "/" if joined else ""
    if is_dir or not posixpath.splitext(joined)[1]:
        return [prefix + "index.md", joined + ".md"] if joined else ["index.md"]
    return []
