"""Searching every corpus of the user's library: reader.library's corpora fed to reader.core.search.LibrarySearch.

The one place that joins the two, for `search --all` and the window's all-corpora search scope:

    search = LibrarySearch(library_corpora())        # opens nothing yet
    result = search.search("toegankelijkheid")        # opens each corpus's index on first use, keeps it
    search.set_corpora(library_corpora())             # after install/remove: unchanged indexes stay open
"""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.library import default_library


def library_corpora(library: Library | None = None) -> list[tuple[str, str, Path]]:
    """(corpus id, title, current edition folder) of every corpus in `library` (default: the user's library), in
    the library's order (by title)."""
    lib = default_library() if library is None else library
    return [(shelf.corpus_id, shelf.title or shelf.corpus_id, shelf.current.path) for shelf in lib.corpora()]
