"""The user's library: reader.core.library fed with the folders from reader.paths (the bundled edition, the per-user
folder, the per-machine folders). The core never looks paths up itself; this is the one place that joins the two.
"""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.core.edition import MANIFEST, override_dirs
from reader.core.library import BUNDLED, MACHINE, USER, Library, LibraryFolder


def bundled_edition() -> Path:
    """The edition that ships with the reader: prebuilt in a frozen bundle, else `content/` built into the cache."""
    bundled = paths.bundled_edition_dir()
    if (bundled / MANIFEST).exists():
        return bundled
    # Imported here: the builder (and the search index writer, Whoosh) is needed only when the cache is stale, and
    # the window reads the library folders after every page (the changed-page banner).
    from reader.core.edition import cached_edition

    return cached_edition(paths.content_dir(), paths.cache_dir(), paths.icons_dir())


def library_folders(*, with_bundled: bool = True) -> list[LibraryFolder]:
    folders = [LibraryFolder(bundled_edition(), BUNDLED)] if with_bundled else []
    user, *machine = override_dirs(paths.user_editions_dir(), paths.machine_editions_dir())
    folders.append(LibraryFolder(user, USER))
    # The per-machine folder first (install --machine writes there), then the documented Linux ones.
    folders.extend(LibraryFolder(folder, MACHINE) for folder in machine)
    return folders


def default_library(*, with_bundled: bool = True) -> Library:
    return Library(library_folders(with_bundled=with_bundled))


def trusted_keys() -> list[Path]:
    """The public keys whose packs install without asking: `trusted-keys/*.pub` beside each per-machine editions
    folder (an administrator decides; on Linux the documented /usr/local/share and /usr/share folders count too)."""
    from reader.core.pack import read_public_keys

    folders = [paths.trusted_keys_dir()]
    _user, *machine = override_dirs(paths.user_editions_dir(), paths.machine_editions_dir())
    folders += [editions.parent / "trusted-keys" for editions in machine]
    keys: list[Path] = []
    for folder in dict.fromkeys(folders):
        keys += [key for key in read_public_keys(folder) if key not in keys]
    return keys
