"""Reading preferences in the profile: defaults, validation, atomic saving, unknown keys kept, no Qt needed."""

from __future__ import annotations

import json
import os
import sys

import pytest

from reader.gui.settings import (
    SETTINGS_FILE,
    ZOOM_MAX,
    ZOOM_MIN,
    Preferences,
    PreferenceStore,
    clamp_zoom,
    load_preferences,
    save_preferences,
    zoom_in,
    zoom_out,
)


def test_settings_module_does_not_import_qt():
    # It is read by the start path and by core tests; Qt must not be dragged in.
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", "import sys, reader.gui.settings; print('PySide6' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "False"


def test_missing_file_gives_defaults(tmp_path):
    assert load_preferences(tmp_path) == Preferences()


def test_round_trip_and_unknown_keys_survive(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"zoom": 1.25, "theme": "dark", "future_key": [1, 2]}))
    store = PreferenceStore(tmp_path)
    assert store.current.zoom == 1.25 and store.current.theme == "dark"
    store.update(last_page="richtlijnen/cloud", last_anchor="waarom")
    data = json.loads((tmp_path / SETTINGS_FILE).read_text())
    assert data["future_key"] == [1, 2]
    assert data["last_page"] == "richtlijnen/cloud" and data["zoom"] == 1.25
    again = load_preferences(tmp_path)
    assert again.last_anchor == "waarom" and again.theme == "dark"


@pytest.mark.parametrize(
    "raw, field, expected",
    [
        ({"zoom": "big"}, "zoom", 1.0),
        ({"zoom": float("inf")}, "zoom", 1.0),
        ({"zoom": 100}, "zoom", ZOOM_MAX),
        ({"zoom": 0.01}, "zoom", ZOOM_MIN),
        ({"zoom": True}, "zoom", 1.0),
        ({"theme": "neon"}, "theme", "system"),
        ({"language": "fr"}, "language", ""),
        ({"language": "en"}, "language", "en"),
        ({"last_page": 12}, "last_page", ""),
        ({"sidebar_visible": "no"}, "sidebar_visible", True),
        ({"sidebar_visible": False}, "sidebar_visible", False),
    ],
)
def test_each_bad_value_falls_back_alone(tmp_path, raw, field, expected):
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"theme": "contrast", **raw}))
    prefs = load_preferences(tmp_path)
    assert getattr(prefs, field) == expected
    if field != "theme":
        assert prefs.theme == "contrast"  # the good values next to it are kept


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "", "\x00\x01"])
def test_unreadable_file_gives_defaults(tmp_path, content):
    (tmp_path / SETTINGS_FILE).write_text(content)
    assert load_preferences(tmp_path) == Preferences()


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    save_preferences(tmp_path, Preferences(zoom=1.5))
    save_preferences(tmp_path, Preferences(zoom=2.0))
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]
    assert load_preferences(tmp_path).zoom == 2.0


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_profile_does_not_raise(tmp_path):
    tmp_path.chmod(0o500)
    try:
        assert save_preferences(tmp_path, Preferences(zoom=1.5)) is False
    finally:
        tmp_path.chmod(0o700)


def test_unwritable_profile_does_not_raise(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert save_preferences(blocker / "profile", Preferences(zoom=1.5)) is False
    store = PreferenceStore(blocker / "profile")
    assert store.update(zoom=2.0).zoom == 2.0  # kept in memory for this session


def test_zoom_steps():
    assert zoom_in(1.0) == 1.1 and zoom_out(1.0) == 0.9
    assert zoom_in(1.05) == 1.1 and zoom_out(1.05) == 1.0
    assert zoom_in(ZOOM_MAX) == ZOOM_MAX and zoom_out(ZOOM_MIN) == ZOOM_MIN
    assert clamp_zoom(1.234) == 1.23
