"""The one module that knows where things are.

Bundled content and resources come from the source tree, or from the PyInstaller bundle when frozen
(`sys._MEIPASS`). User data lives in the profile directory (platformdirs unless `--profile DIR`), derived data
in the cache directory. Nothing else in the reader builds these paths itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "richtlijnenlezer"
APP_AUTHOR = "Richtlijnenlezer"
# Environment overrides, used by tests and administrators.
ENV_CACHE = "RICHTLIJNENLEZER_CACHE"
ENV_PROFILE = "RICHTLIJNENLEZER_PROFILE"
ENV_USER_EDITIONS = "RICHTLIJNENLEZER_USER_EDITIONS"  # the per-user library folder
ENV_MACHINE_DIR = "RICHTLIJNENLEZER_MACHINE_DIR"  # the per-machine folder: editions/ and trusted-keys/


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """Where `content/`, `resources/` (and, when frozen, the bundled edition) are."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """The corpus source that ships with the reader (an MkDocs project)."""
    return bundle_root() / "content"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def css_dir() -> Path:
    return resources_dir() / "css"


def js_dir() -> Path:
    return resources_dir() / "js"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def bundled_edition_dir() -> Path:
    """A prebuilt edition of `content/` placed in the frozen bundle by packaging/build.py."""
    return bundle_root() / "edition"


def profile_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data: bookmarks, history, checklists, settings. Created on demand by its users."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(ENV_PROFILE):
        return Path(os.environ[ENV_PROFILE]).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    """Derived data that can be rebuilt at any time (editions built from content/)."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE]).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def icons_cache_dir() -> Path:
    """The icon and emoji tables decoded from the bundle (reader.core.render.icons), so builds skip the ~150 ms of
    decompressing them; the same folder `cached_edition` uses inside cache_dir()."""
    return cache_dir() / "icons"


def user_editions_dir() -> Path:
    """The per-user library: editions the user installed (or an administrator, per user, dropped in)."""
    if os.environ.get(ENV_USER_EDITIONS):
        return Path(os.environ[ENV_USER_EDITIONS]).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "editions"


def machine_dir() -> Path:
    """The per-machine folder that administrators control (editions, trusted pack keys)."""
    if os.environ.get(ENV_MACHINE_DIR):
        return Path(os.environ[ENV_MACHINE_DIR]).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.site_data_dir(APP_NAME, APP_AUTHOR))


def machine_editions_dir() -> Path:
    """The per-machine library folder for editions, for administrators."""
    return machine_dir() / "editions"


def trusted_keys_dir() -> Path:
    """Public keys (`*.pub`) whose signed packs install without asking; per machine, so an administrator decides."""
    return machine_dir() / "trusted-keys"
