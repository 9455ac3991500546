"""Which corpus an edition belongs to, who publishes it, and which edition of it it is.

The library groups editions by a stable corpus id, so a new edition of NeRDS replaces the one read while an
edition of another corpus sits next to it. The id is given at build time (`build --corpus-id`) or derived from
`mkdocs.yml`: its `site_url` (host and path survive renaming the site) or else its `site_name`. Editions built before
the id existed fall back to their title, which is what `site_name` gave them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Mapping
from urllib.parse import urlsplit

from reader.core.edition.selection import parse_built_at

_ID_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_ID_LENGTH = 80
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _ID_UNSAFE.sub("-", ascii_text.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")


def corpus_id_for(site_url: str | None, title: str) -> str:
    """A file-name-safe id: `minbzk-github-io-nerds` for https://minbzk.github.io/NeRDS/, else the title's slug."""
    if site_url:
        parts = urlsplit(site_url.strip())
        if parts.netloc:
            slug = _slug(f"{parts.netloc}/{parts.path}")
            if slug:
                return slug
    return _slug(title) or "corpus"


def valid_corpus_id(value: str) -> bool:
    """An id given by hand must already be a slug: it names folders and user-data rows."""
    return bool(value) and len(value) <= MAX_ID_LENGTH and _slug(value) == value


def valid_edition_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def corpus_id_of(manifest: Mapping[str, Any]) -> str:
    value = manifest.get("corpus_id")
    if isinstance(value, str) and valid_corpus_id(value):
        return value
    return _slug(str(manifest.get("corpus_title", ""))) or "corpus"


def edition_date_of(manifest: Mapping[str, Any]) -> str:
    """The edition's date (YYYY-MM-DD): as given at build time, else the day it was built."""
    value = manifest.get("edition_date")
    if isinstance(value, str) and valid_edition_date(value):
        return value
    try:
        return parse_built_at(str(manifest.get("built_at", ""))).date().isoformat()
    except ValueError:
        return ""


def edition_order(manifest: Mapping[str, Any]) -> tuple[str, str]:
    """Sort key, newest last: the edition date, then the build time (two builds of one day)."""
    try:
        built = parse_built_at(str(manifest.get("built_at", ""))).isoformat()
    except ValueError:
        built = ""
    return edition_date_of(manifest), built


class ManifestFields:
    """What a manifest says about its edition, for classes that hold one as `manifest` (an opened `Edition`, an
    installed edition in the library)."""

    manifest: Mapping[str, Any]

    @property
    def title(self) -> str:
        return str(self.manifest.get("corpus_title", ""))

    @property
    def organisation(self) -> str:
        return str(self.manifest.get("organisation", ""))

    @property
    def corpus_id(self) -> str:
        return corpus_id_of(self.manifest)

    @property
    def edition_date(self) -> str:
        return edition_date_of(self.manifest)

    @property
    def built_at(self) -> str:
        return str(self.manifest.get("built_at", ""))

    @property
    def page_count(self) -> int:
        count = self.manifest.get("page_count", 0)
        return count if isinstance(count, int) else 0

    @property
    def content_hash(self) -> str:
        return str(self.manifest.get("content_hash", ""))
