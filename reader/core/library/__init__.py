"""The library: every installed edition, grouped by corpus; installing (pack, edition folder or MkDocs folder) and
removing editions atomically.

Public: `Library`, `LibraryFolder`, `CorpusShelf`, `InstalledEdition` (listing); `install`, `remove`,
`source_kind`, `clean_leftovers`, `InstallReport`, `LibraryError` (changing it); the folder kinds `BUNDLED`, `USER`,
`MACHINE` and source kinds `PACK`, `EDITION`, `MKDOCS`.
"""

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
