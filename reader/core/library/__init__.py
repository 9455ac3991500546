"""The library: every installed edition, grouped by corpus; installing (pack, edition folder or MkDocs folder) and
removing editions atomically.

Public: `Library`, `LibraryFolder`, `CorpusShelf`, `InstalledEdition`, `edition_folders` (listing); `install`,
`remove`, `source_kind`, `clean_leftovers`, `InstallReport`, `LibraryError` (changing it); the folder kinds
`BUNDLED`, `USER`, `MACHINE` and source kinds `PACK`, `EDITION`, `MKDOCS`.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_exports
from reader.core.library.shelves import (
    BUNDLED,
    MACHINE,
    USER,
    CorpusShelf,
    InstalledEdition,
    Library,
    LibraryFolder,
    edition_folders,
)

if TYPE_CHECKING:
    from reader.core.library.installing import (
        EDITION,
        MKDOCS,
        PACK,
        InstallReport,
        LibraryError,
        clean_leftovers,
        install,
        remove,
        source_kind,
    )

# Changing the library is imported on first use: choosing the edition to open at start-up only lists it.
__getattr__ = lazy_exports(__name__, "reader.core.library.installing", (
    "EDITION", "MKDOCS", "PACK", "InstallReport", "LibraryError", "clean_leftovers", "install", "remove",
    "source_kind",
))

__all__ = [
    "BUNDLED",
    "EDITION",
    "MACHINE",
    "MKDOCS",
    "PACK",
    "USER",
    "CorpusShelf",
    "InstallReport",
    "InstalledEdition",
    "Library",
    "LibraryError",
    "LibraryFolder",
    "clean_leftovers",
    "edition_folders",
    "install",
    "remove",
    "source_kind",
]
