"""The user's reading preferences, kept in the profile as JSON (QSettings holds only window geometry).

Pure Python, no Qt: tested without a display. A missing, unreadable or partly invalid file never stops the
reader; each unusable value falls back to its default, and saving replaces the file atomically.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader.core.fileio import atomic_write_text

log = logging.getLogger("reader.settings")

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1

THEMES = ("system", "light", "dark", "contrast")
LANGUAGES = ("", "nl", "en")  # "" follows the system language
ZOOM_MIN = 0.25
ZOOM_MAX = 5.0
# The zoom steps a desktop browser offers; Ctrl++ and Ctrl+- move along them.
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0)


@dataclass(frozen=True)
class Preferences:
    zoom: float = 1.0
    theme: str = "system"
    language: str = ""
    last_page: str = ""
    last_anchor: str = ""
    sidebar_visible: bool = True
    sidebar_tab: str = ""  # object name of the tab, so that adding a tab does not shift the choice
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # keys of newer versions, kept on save

    def with_changes(self, **changes: Any) -> "Preferences":
        return replace(self, **changes)


def clamp_zoom(value: float) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        return 1.0
    return round(min(ZOOM_MAX, max(ZOOM_MIN, float(value))), 2)


def zoom_in(current: float) -> float:
    return next((s for s in ZOOM_STEPS if s > current + 1e-6), ZOOM_STEPS[-1])


def zoom_out(current: float) -> float:
    return next((s for s in reversed(ZOOM_STEPS) if s < current - 1e-6), ZOOM_STEPS[0])


def _validated(data: dict[str, Any]) -> Preferences:
    defaults = Preferences()
    known = {f.name for f in fields(Preferences)} - {"extra"}
    values: dict[str, Any] = {}
    zoom = data.get("zoom", defaults.zoom)
    values["zoom"] = clamp_zoom(zoom)
    theme = data.get("theme")
    values["theme"] = theme if theme in THEMES else defaults.theme
    language = data.get("language")
    values["language"] = language if language in LANGUAGES else defaults.language
    for name in ("last_page", "last_anchor", "sidebar_tab"):
        value = data.get(name)
        values[name] = value if isinstance(value, str) and len(value) < 1000 and "\0" not in value else ""
    visible = data.get("sidebar_visible")
    values["sidebar_visible"] = visible if isinstance(visible, bool) else defaults.sidebar_visible
    values["extra"] = {k: v for k, v in data.items() if k not in known and k != "version"}
    return Preferences(**values)


def load_preferences(profile_dir: str | os.PathLike[str]) -> Preferences:
    path = Path(profile_dir) / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s (%s); using the default preferences", path, exc)
        return Preferences()
    if not isinstance(data, dict):
        log.warning("%s is not a JSON object; using the default preferences", path)
        return Preferences()
    return _validated(data)


def save_preferences(profile_dir: str | os.PathLike[str], prefs: Preferences) -> bool:
    """Write the preferences; False (and a log line) when the profile is not writable: the reader carries on."""
    directory = Path(profile_dir)
    data = dict(prefs.extra)
    data.update({k: v for k, v in asdict(prefs).items() if k != "extra"})
    data["version"] = SETTINGS_VERSION
    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write_text(directory / SETTINGS_FILE, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    except OSError as exc:
        log.warning("cannot save the preferences in %s: %s", directory, exc)
        return False
    return True


class PreferenceStore:
    """The preferences of one profile: read once, every change written through at once (it is tiny)."""

    def __init__(self, profile_dir: str | os.PathLike[str]) -> None:
        self.profile_dir = Path(profile_dir)
        self.current = load_preferences(self.profile_dir)

    def update(self, **changes: Any) -> Preferences:
        new = self.current.with_changes(**changes)
        new = _validated({**new.extra, **{k: v for k, v in asdict(new).items() if k != "extra"}})
        if new != self.current or new.extra != self.current.extra:
            self.current = new
            save_preferences(self.profile_dir, new)
        return self.current
