"""Editions: a corpus built once into rendered HTML, assets, a search index and a manifest; choosing which one to
open; serving its files to the window.

Public: building (`build_edition`, `cached_edition`, `choose_edition`; `asset_problems` for `check`), reading
(`Edition`, `PageInfo`), choosing (`select_edition`, `find_editions`, `read_edition`, `override_dirs`) and serving
(`resolve_url`, `safe_join`; attachments: `attachment_file`, `opens_in_view`, `ATTACHMENT_TYPES`).
"""

import importlib
from typing import TYPE_CHECKING, Any

from reader.core.edition.manifest import (
    ASSETS_DIR,
    INDEX_DIR,
    MANIFEST,
    NAV_JSON,
    PAGES_DIR,
    PAGES_JSON,
    Edition,
    EditionError,
    PageInfo,
    nav_from_json,
    nav_to_json,
    read_manifest,
)
from reader.core.edition.selection import (
    EditionInfo,
    InvalidEdition,
    find_editions,
    override_dirs,
    read_edition,
    select_edition,
)
from reader.core.edition.serving import ATTACHMENT_TYPES, attachment_file, opens_in_view, resolve_url, safe_join
from reader.core.formats import EDITION_FORMAT_VERSION

if TYPE_CHECKING:
    from reader.core.edition.build import (
        BuildRefused,
        BuildReport,
        asset_problems,
        build_edition,
        cached_edition,
        choose_edition,
        edition_key,
        source_hash,
    )

# The builder is imported on first use (PEP 562): the reader opens an edition and never builds one at start-up.
_LAZY = {
    name: "reader.core.edition.build"
    for name in (
        "BuildRefused", "BuildReport", "asset_problems", "build_edition", "cached_edition", "choose_edition",
        "edition_key", "source_hash",
    )
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "EDITION_FORMAT_VERSION",
    "ASSETS_DIR",
    "ATTACHMENT_TYPES",
    "INDEX_DIR",
    "MANIFEST",
    "NAV_JSON",
    "PAGES_DIR",
    "PAGES_JSON",
    "BuildRefused",
    "BuildReport",
    "Edition",
    "EditionError",
    "EditionInfo",
    "InvalidEdition",
    "PageInfo",
    "asset_problems",
    "attachment_file",
    "build_edition",
    "cached_edition",
    "choose_edition",
    "edition_key",
    "find_editions",
    "nav_from_json",
    "nav_to_json",
    "opens_in_view",
    "override_dirs",
    "read_edition",
    "read_manifest",
    "resolve_url",
    "safe_join",
    "select_edition",
    "source_hash",
]
