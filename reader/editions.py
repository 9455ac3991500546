"""The editions the reader opens by default: reader.core.edition's choice, fed with the folders from reader.paths.

The core never looks paths up itself; this is the one place that joins the two.
"""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.core.edition import choose_edition, override_dirs


def default_override_dirs() -> list[Path]:
    """The per-user editions folder, then the per-machine one(s)."""
    return override_dirs(paths.user_editions_dir(), paths.machine_editions_dir())


def default_edition() -> Path:
    """The edition the reader opens without `--edition` (see reader.core.edition.choose_edition)."""
    return choose_edition(
        paths.bundled_edition_dir(),
        paths.content_dir(),
        paths.cache_dir(),
        default_override_dirs(),
        icons_dir=paths.icons_dir(),
    )
