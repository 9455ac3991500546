"""Languages: Dutch by default, English from the .qm built from our .ts, chosen by setting or system, switchable
live."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from reader import paths
from reader.gui.i18n import BASENAME, choose_language

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("back_to_dutch")]

TS = paths.translations_dir() / f"{BASENAME}_en.ts"


@pytest.mark.parametrize(
    "setting, system, expected",
    [("", "nl-NL", "nl"), ("", "en-GB", "en"), ("", "en_US", "en"), ("", "de-DE", "nl"), ("", "", "nl"),
     ("nl", "en-US", "nl"), ("en", "nl-NL", "en"), ("fr", "en-US", "en")],
)
def test_choose_language(setting, system, expected):
    assert choose_language(setting, system) == expected


def test_every_source_string_has_an_english_translation():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []


def test_english_from_the_setting_and_live_switching(open_reader, qtbot, content_edition, tmp_path, english_qm):
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "settings.json").write_text(json.dumps({"language": "en"}))
    window = open_reader(content_edition, "richtlijnen/samenwerking", profile=profile).window
    assert window.back_action.text() == "Back"
    assert window.sidebar.tabText(0) == "Contents"
    assert window.file_menu.title() == "&File"
    assert window.relations.topLevelItem(0).text(0).startswith("Related guidelines")
    assert "(not available in this edition)" in window.relations.entries("related")[0][1]
    assert window.language_actions["en"].isChecked()
    # Switch to Dutch while running: every label follows at once (Qt's LanguageChange).
    window.language_actions["nl"].trigger()
    assert window.back_action.text() == "Terug"
    assert window.sidebar.tabText(0) == "Inhoud"
    assert window.relations.topLevelItem(0).text(0).startswith("Gerelateerde richtlijnen")
    assert window.findbar.next_button.text() == "Volgende"
    assert json.loads((profile / "settings.json").read_text())["language"] == "nl"
    window.language_actions["en"].trigger()
    assert window.findbar.next_button.text() == "Next"
    assert window.outline.accessibleName() == "On this page"


def test_dutch_is_the_default(open_reader, content_edition, monkeypatch):
    from reader.gui import i18n

    monkeypatch.setattr(i18n, "system_locale_name", lambda: "nl-NL")
    window = open_reader(content_edition).window
    assert window.back_action.text() == "Terug"
    assert window.print_action.text() == "Afdrukken\u2026"
