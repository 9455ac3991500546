"""Editions: a corpus built once into rendered HTML, assets, a search index and a manifest; choosing which one to
open; serving its files to the window.

Public: building (`build_edition`, `cached_edition`, `choose_edition`; `asset_problems` for `check`), reading
(`Edition`, `PageInfo`), choosing (`select_edition`, `find_editions`, `read_edition`, `override_dirs`) and serving
(`resolve_url`, `safe_join`; attachments: `attachment_file`, `opens_in_view`, `ATTACHMENT_TYPES`).
"""

from typing import TYPE_CHECKING

from reader.core.edition.identity import (
    ManifestFields,
    corpus_id_for,
    corpus_id_of,
    edition_date_of,
    edition_order,
    valid_corpus_id,
    valid_edition_date,
)
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
from reader.core.lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.edition.build import (
        BuildRefused,
        BuildReport,
        asset_problems,
        build_edition,
        cached_edition,
        check_problems,
        choose_edition,
        edition_key,
        source_hash,
    )

# The builder is imported on first use: the reader opens an edition and never builds one at start-up.
__getattr__ = lazy_exports(__name__, "reader.core.edition.build", (
    "BuildRefused", "BuildReport", "asset_problems", "build_edition", "cached_edition", "check_problems",
    "choose_edition", "edition_key", "source_hash",
))

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
    "ManifestFields",
    "PageInfo",
    "asset_problems",
    "attachment_file",
    "build_edition",
    "cached_edition",
    "check_problems",
    "choose_edition",
    "corpus_id_for",
    "corpus_id_of",
    "edition_date_of",
    "edition_order",
    "valid_corpus_id",
    "valid_edition_date",
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
