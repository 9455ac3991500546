"""An edition on disk: its layout, its manifest and page list, and `Edition`, the read-only view the app opens.

The window only ever reads an edition; it never parses Markdown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from reader.core.edition.identity import ManifestFields
from reader.core.edition.selection import InvalidEdition, read_edition
from reader.core.errors import ReaderError
from reader.core.formats import EDITION_FORMAT_VERSION
from reader.core.model import NavItem

MANIFEST = "manifest.json"
PAGES_JSON = "pages.json"
NAV_JSON = "nav.json"
PAGES_DIR = "pages"
ASSETS_DIR = "assets"
INDEX_DIR = "index"


class EditionError(ReaderError):
    """An edition cannot be opened: missing, broken or of another format version. `code` says which; a broken
    folder gives the code of its InvalidEdition (edition-no-manifest, edition-format ...)."""



@dataclass(frozen=True)
class PageInfo:
    """What the window needs to know about a page without opening its HTML."""

    id: str
    title: str
    summary: str
    path: str
    breadcrumb: tuple[str, ...] = ()
    headings: tuple[tuple[int, str, str], ...] = ()  # (level, text, anchor)
    relations: tuple[tuple[str, str | None], ...] = ()  # (reference as written, page id or None)
    links: tuple[str, ...] = ()  # page ids this page links to
    backlinks: tuple[str, ...] = ()  # page ids that link or relate to this page
    section_hashes: dict[str, str] = field(default_factory=dict, compare=False)  # anchor -> sha256 of its text
    checklist: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "path": self.path,
            "breadcrumb": list(self.breadcrumb),
            "headings": [list(h) for h in self.headings],
            "relations": [list(r) for r in self.relations],
            "links": list(self.links),
            "backlinks": list(self.backlinks),
            "section_hashes": self.section_hashes,
            "checklist": list(self.checklist),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PageInfo":
        return cls(
            id=str(data["id"]),
            title=str(data.get("title", "")),
            summary=str(data.get("summary", "")),
            path=str(data.get("path", "")),
            breadcrumb=tuple(data.get("breadcrumb", ())),
            headings=tuple((int(h[0]), str(h[1]), str(h[2])) for h in data.get("headings", ())),
            relations=tuple((str(r[0]), r[1]) for r in data.get("relations", ())),
            links=tuple(data.get("links", ())),
            backlinks=tuple(data.get("backlinks", ())),
            section_hashes=dict(data.get("section_hashes", {})),
            checklist=tuple(data.get("checklist", ())),
        )


def nav_to_json(items: Iterable[NavItem]) -> list[dict[str, Any]]:
    return [
        {"title": i.title, "page": i.page, "url": i.url, "children": nav_to_json(i.children)}
        | ({"role": i.role} if i.role else {})  # only when set: editions without roles stay byte-identical
        for i in items
    ]


def nav_from_json(data: Iterable[dict[str, Any]]) -> tuple[NavItem, ...]:
    return tuple(
        NavItem(
            title=str(d.get("title", "")),
            page=d.get("page"),
            url=d.get("url"),
            children=nav_from_json(d.get("children", ())),
            role=str(d.get("role") or ""),
        )
        for d in data
    )


@dataclass
class Edition(ManifestFields):
    """An opened edition (read-only); `title`, `corpus_id`, `edition_date`... come from its manifest."""

    root: Path
    manifest: dict[str, Any]
    pages: dict[str, PageInfo]
    nav: tuple[NavItem, ...]

    @classmethod
    def open(cls, root: Path) -> "Edition":
        root = Path(root)
        manifest = read_manifest(root)
        try:
            pages_data = json.loads((root / PAGES_JSON).read_text(encoding="utf-8"))
            nav_data = json.loads((root / NAV_JSON).read_text(encoding="utf-8"))
            pages = {p["id"]: PageInfo.from_json(p) for p in pages_data}
            nav = nav_from_json(nav_data)
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise EditionError("edition-data-unreadable", folder=str(root), detail=str(exc)) from exc
        return cls(root=root, manifest=manifest, pages=pages, nav=nav)

    @property
    def index_dir(self) -> Path:
        return self.root / INDEX_DIR

    @property
    def home_page(self) -> str:
        if "index" in self.pages:
            return "index"
        return next(iter(self.pages), "")

    def page_file(self, page_id: str) -> Path:
        return self.root / PAGES_DIR / (page_id + ".html")


def read_manifest(root: Path) -> dict[str, Any]:
    """The validated manifest of the edition at `root`: the same checks as choosing an edition to open."""
    try:
        return read_edition(Path(root), EDITION_FORMAT_VERSION, require_index=False).manifest
    except InvalidEdition as exc:
        raise EditionError(exc.code, **exc.params) from None
