"""The contents tree shows the importer's section of pages outside the site's navigation under a title in the
interface language (the nav stores a role, not words), and re-titles it when the language changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.model import NavItem
from reader.gui.sidebar.contents import ContentsTree

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("back_to_dutch")]

NAV = (
    NavItem("Start", page="index"),
    NavItem("Overige pagina's", role="unlisted", children=(
        NavItem("Bijlagen", page="bijlagen", children=(NavItem("Tabel", page="bijlagen/tabel"),)),
    )),
)


def test_unlisted_section_follows_the_interface_language(qtbot: QtBot, reader_context, english_qm: Path) -> None:
    tree = ContentsTree(NAV)
    qtbot.addWidget(tree)
    section = tree.topLevelItem(1)
    assert section is not None and section.text(0) == "Overige pagina's"
    assert section.child(0).text(0) == "Bijlagen"  # the corpus's own titles are never translated
    reader_context.translations.apply("en")
    qtbot.waitUntil(lambda: section.text(0) == "Other pages")  # LanguageChange arrives as a posted event
    reader_context.translations.apply("nl")
    qtbot.waitUntil(lambda: section.text(0) == "Overige pagina's")
    tree.select_page("bijlagen/tabel")
    assert section.isExpanded()
