"""The editions the reader opens by default: reader.core.edition's choice, fed with the folders from reader.paths.

The core never looks paths up itself; this is the one place that joins the two.
"""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.core.edition import choose_edition, corpus_id_of, edition_order, override_dirs, read_manifest


def default_override_dirs() -> list[Path]:
    """The per-user editions folder, then the per-machine one(s)."""
    return override_dirs(paths.user_editions_dir(), paths.machine_editions_dir())


def default_edition() -> Path:
    """The edition the reader opens without `--edition`: the bundled one, or a newer one an administrator dropped in
    (see reader.core.edition.choose_edition), or the newest edition of that corpus installed in the library."""
    chosen = choose_edition(
        paths.bundled_edition_dir(),
        paths.content_dir(),
        paths.cache_dir(),
        default_override_dirs(),
        icons_dir=paths.icons_dir(),
    )
    from reader.library import default_library

    manifest = read_manifest(chosen)
    # Only the installed editions: the bundled one was just weighed by choose_edition (no second validation of it).
    shelf = default_library(with_bundled=False).shelf(corpus_id_of(manifest))
    if shelf is not None and edition_order(shelf.current.manifest) > edition_order(manifest):
        return shelf.current.path
    return chosen
