"""Refresh `richtlijnenlezer_en.ts` from the sources and fill in the English translations kept below.

Run from the repository root:  .venv/bin/python resources/translations/update_translations.py
Then build the .qm:            .venv/bin/pyside6-lrelease resources/translations/richtlijnenlezer_en.ts
(The reader also builds a missing or stale .qm on first use when pyside6-lrelease is available.)

Dutch is the source language. A string without an English entry here stays "unfinished" in the .ts and shows in
Dutch; the script lists those so that they get translated.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "richtlijnenlezer_en.ts"

# Strings made with QCoreApplication.translate through a helper that lupdate cannot follow: (context, source).
MANUAL = [
    ("History", "vandaag %1"),
    ("History", "gisteren %1"),
    ("History", "Nog geen pagina\u2019s bekeken"),
    ("History", "Geschiedenis wissen\u2026"),
]

EN: dict[str, str] = {
    "Alleen naar de gerelateerde richtlijnen hierboven": "Only to the related guidelines above",
    # window
    "Terug": "Back",
    "Vooruit": "Forward",
    "Startpagina": "Home",
    "Afdrukken\u2026": "Print\u2026",
    "Exporteren als PDF\u2026": "Export as PDF\u2026",
    "Afsluiten": "Quit",
    "Kopi\u00ebren": "Copy",
    "Link naar deze sectie kopi\u00ebren": "Copy link to this section",
    "Zoeken op pagina\u2026": "Find in page\u2026",
    "Volgende overeenkomst": "Next match",
    "Vorige overeenkomst": "Previous match",
    "Inzoomen": "Zoom in",
    "Uitzoomen": "Zoom out",
    "Normale grootte": "Actual size",
    "Bladwijzer voor deze pagina": "Bookmark this page",
    "Bladwijzer voor deze sectie": "Bookmark this section",
    "Zijbalk tonen": "Show sidebar",
    "Naar volgend deelvenster": "Next pane",
    "Naar de pagina": "Go to the page",
    "Zoals het systeem": "Follow the system",
    "Licht": "Light",
    "Donker": "Dark",
    "Hoog contrast": "High contrast",
    "Taal van het systeem": "System language",
    "%1 tonen": "Show %1",
    "&Bestand": "&File",
    "Be&werken": "&Edit",
    "Beel&d": "&View",
    "&Thema": "&Theme",
    "T&aal": "&Language",
    "&Zijbalk": "&Sidebar",
    "&Ga": "&Go",
    "&Recent geopend": "&Recently opened",
    "Bla&dwijzers": "&Bookmarks",
    "Navigatie": "Navigation",
    "Zijbalk": "Sidebar",
    "Pagina": "Page",
    "Editie": "Edition",
    "Inhoud": "Contents",
    "Op deze pagina": "On this page",
    "Relaties": "Relations",
    "Bladwijzers": "Bookmarks",
    "Geschiedenis": "History",
    "Zoeken": "Search",
    "Deze pagina staat niet in deze editie: %1": "This page is not in this edition: %1",
    "Richtlijnenlezer": "Guideline Reader",
    "Externe link openen": "Open external link",
    "Deze link gaat naar internet en opent in je eigen browser:": "This link goes to the internet and opens in your own browser:",
    "Link openen": "Open link",
    "Link openen in je browser\u2026": "Open link in your browser\u2026",
    "Linkadres kopi\u00ebren": "Copy link address",
    "Naar deze kop": "Go to this heading",
    "Checklist: %1 van %2 gedaan": "Checklist: %1 of %2 done",
    "Bladwijzer bewaard: %1": "Bookmark saved: %1",
    "Link gekopieerd: %1": "Link copied: %1",
    "Zoom: %1%": "Zoom: %1%",
    "PDF opgeslagen: %1": "PDF saved: %1",
    "Exporteren mislukt": "Export failed",
    "De PDF kon niet worden opgeslagen: %1": "The PDF could not be saved: %1",
    "Exporteren als PDF": "Export as PDF",
    "PDF-bestanden (*.pdf)": "PDF files (*.pdf)",
    "Afdrukken": "Print",
    "Afgedrukt": "Printed",
    "Afdrukken mislukt": "Printing failed",
    "%1 \u00b7 editie %2": "%1 \u00b7 edition %2",
    "%1, editie van %2": "%1, edition of %2",
    "Sneltoetsen": "Keyboard shortcuts",
    "Over deze editie": "About this edition",
    "&Help": "&Help",
    "Zoeken in alle pagina's": "Search all pages",
    "Volgend of vorig element": "Next or previous element",
    "Editie van %1": "Edition of %1",
    "%1 pagina's": "%1 pages",
    "Bron: %1": "Source: %1",
    # find bar
    "&Zoeken op pagina:": "&Find in page:",
    "Tekst op deze pagina": "Text on this page",
    "Zoeken op deze pagina": "Find on this page",
    "Vorige": "Previous",
    "Vorige overeenkomst (Shift+F3)": "Previous match (Shift+F3)",
    "Volgende": "Next",
    "Volgende overeenkomst (F3)": "Next match (F3)",
    "Zoekbalk sluiten": "Close the find bar",
    "Sluiten (Esc)": "Close (Esc)",
    "Aantal overeenkomsten": "Number of matches",
    "Niet gevonden": "Not found",
    "%1 van %2": "%1 of %2",
    # sidebar
    "De koppen van de open pagina; kies er een om ernaartoe te gaan": "The headings of the open page; choose one to go there",
    "Gerelateerde richtlijnen": "Related guidelines",
    "Deze pagina verwijst naar": "This page links to",
    "Pagina's die hiernaar verwijzen": "Pages that link here",
    "Gerelateerde richtlijnen, links en verwijzingen van de open pagina": "Related guidelines, links and backlinks of the open page",
    "Geen": "None",
    "%1 (niet beschikbaar in deze editie)": "%1 (not available in this edition)",
    "Deze richtlijn staat niet in deze editie van het corpus.": "This guideline is not in this edition of the corpus.",
    # bookmarks
    "Filter bladwijzers": "Filter bookmarks",
    "Nieuwe map": "New folder",
    "Ongedaan maken": "Undo",
    "Melding sluiten": "Close message",
    "Opnieuw": "Redo",
    "Bladwijzers kunnen niet worden opgeslagen: %1": "Bookmarks cannot be saved: %1",
    "niet in deze editie": "not in this edition",
    "gewijzigd sinds je bladwijzer": "changed since you bookmarked it",
    "Nog geen bladwijzers. Gebruik Ctrl+D of de ster om deze pagina of een kop te bewaren.":
        "No bookmarks yet. Use Ctrl+D or the star to keep this page or a heading.",
    "Geen bladwijzers gevonden met \u2018%1\u2019.": "No bookmarks found with \u2018%1\u2019.",
    "Notitie: %1": "Note: %1",
    "Bewaard op %1": "Saved on %1",
    "Niet opgeslagen: %1": "Not saved: %1",
    "Bladwijzer toevoegen": "Add bookmark",
    "Naam wijzigen": "Rename",
    "Notitie bewerken": "Edit note",
    "Verplaatsen naar map": "Move to folder",
    "Verwijderen": "Delete",
    "Bladwijzer \u2018%1\u2019 verwijderd.": "Bookmark \u2018%1\u2019 deleted.",
    "%1 bladwijzers verwijderd.": "%1 bookmarks deleted.",
    "De bladwijzer bestaat niet meer.": "The bookmark no longer exists.",
    "Map hernoemen": "Rename folder",
    "Map verwijderen": "Delete folder",
    "Naam van de bladwijzer:": "Name of the bookmark:",
    "Notitie bij \u2018%1\u2019:": "Note for \u2018%1\u2019:",
    "Naam van de map:": "Name of the folder:",
    "Nieuwe naam van de map:": "New name of the folder:",
    "Nieuwe map\u2026": "New folder\u2026",
    "Map hernoemen\u2026": "Rename folder\u2026",
    "Map verwijderen (bladwijzers blijven)": "Delete folder (bookmarks stay)",
    "Openen": "Open",
    "Naam wijzigen\u2026": "Rename\u2026",
    "Notitie bewerken\u2026": "Edit note\u2026",
    "(geen map)": "(no folder)",
    "Map %1, %2 bladwijzers": "Folder %1, %2 bookmarks",
    # checklists
    "Deze checklist kan niet worden bewaard.": "This checklist cannot be saved.",
    "%1 van %2 gedaan": "%1 of %2 done",
    "(wordt niet bewaard: %1)": "(not saved: %1)",
    "Onbekend checklistitem.": "Unknown checklist item.",
    "Niet bewaard: %1": "Not saved: %1",
    "Niet bewaard (alleen lezen): %1": "Not saved (read-only): %1",
    # history
    "Nog geen pagina\u2019s bekeken.": "No pages viewed yet.",
    "Nog geen pagina\u2019s bekeken": "No pages viewed yet",
    "Geschiedenis wissen\u2026": "Clear history\u2026",
    "Geschiedenis wissen": "Clear history",
    "Alle bekeken pagina\u2019s uit de geschiedenis wissen? Bladwijzers en checklists blijven.":
        "Remove all viewed pages from the history? Bookmarks and checklists stay.",
    "Niet gewist: %1": "Not cleared: %1",
    "vandaag %1": "today %1",
    "gisteren %1": "yesterday %1",
    # bookmarks: export/import and recovery
    "Bladwijzers exporteren\u2026": "Export bookmarks\u2026",
    "Bladwijzers importeren\u2026": "Import bookmarks\u2026",
    "Exporteren en importeren": "Export and import",
    "Je gebruikersgegevens waren beschadigd. Het oude bestand is bewaard als %1; de lezer is met een nieuwe lijst begonnen.":
        "Your user data was damaged. The old file was kept as %1; the reader started a new list.",
    "Wijziging gezien": "Change seen",
    "Markeren als gezien (wijziging gelezen)": "Mark as seen (change read)",
    "Exporteren mislukt: %1": "Export failed: %1",
    "%1 bladwijzers ge\u00ebxporteerd naar %2": "%1 bookmarks exported to %2",
    "Importeren mislukt: %1": "Import failed: %1",
    "%1 bladwijzers ge\u00efmporteerd, %2 waren er al.": "%1 bookmarks imported, %2 were already there.",
    "%1 links die geen pagina van de lezer zijn, zijn overgeslagen.": "%1 links that are not pages of the reader were skipped.",
    "Richtlijnenlezer-bladwijzers (*.json)": "Guideline Reader bookmarks (*.json)",
    "Bladwijzers voor browsers (*.html)": "Bookmarks for browsers (*.html)",
    "Bladwijzers exporteren": "Export bookmarks",
    "Bladwijzers importeren": "Import bookmarks",
    "Bladwijzers (*.json *.html *.htm);;Alle bestanden (*)": "Bookmarks (*.json *.html *.htm);;All files (*)",
    "kop niet meer in deze editie": "heading no longer in this edition",
    "Markdown (*.md)": "Markdown (*.md)",
    "CSV voor spreadsheets (*.csv)": "CSV for spreadsheets (*.csv)",
    "Checklist exporteren": "Export checklist",
    "Het bestand kan niet worden geschreven: %1": "The file cannot be written: %1",
    # search
    "Zoeken (Ctrl+K)": "Search (Ctrl+K)",
    "Zoek in alle pagina's. Gebruik \"aanhalingstekens\" voor een zin, -woord om uit te sluiten, OF-zoeken met OR, titel: en sectie: om te beperken.":
        "Search all pages. Use \"quotes\" for a phrase, -word to exclude, OR for either word, title: and section: to narrow down.",
    "Zoekresultaten": "Search results",
    "Aantal resultaten": "Number of results",
    "Zoeken is niet beschikbaar: deze editie heeft geen zoekindex.": "Search is not available: this edition has no search index.",
    "Er ging iets mis bij het zoeken.": "Something went wrong while searching.",
    "Typ om te zoeken in alle pagina's.": "Type to search all pages.",
    "Inleiding": "Introduction",
    "1 resultaat": "1 result",
    "%1 resultaten": "%1 results",
    "op 1 pagina": "on 1 page",
    "op %1 pagina's": "on %1 pages",
    "Niets gevonden.": "Nothing found.",
    "Bedoelde je: %1?": "Did you mean: %1?",
    "Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten.":
        "No results with all words; these are the best partial results.",
}


def sources() -> list[str]:
    gui = ROOT / "reader" / "gui"
    return sorted(str(p.relative_to(ROOT)) for p in gui.rglob("*.py"))


def run_lupdate() -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(tool), *sources(), "-no-obsolete", "-locations", "none", "-source-language", "nl", "-target-language", "en", "-ts", str(TS)],
        cwd=ROOT, check=True,
    )


def fill() -> list[tuple[str, str]]:
    tree = ET.parse(TS)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for context, source in MANUAL:
        ctx = contexts.get(context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
            contexts[context] = ctx
        if not any(m.findtext("source") == source for m in ctx.iter("message")):
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", {"type": "unfinished"})
    missing = []
    for ctx in root.iter("context"):
        for message in ctx.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if source in EN:
                translation.text = EN[source]
                translation.attrib.pop("type", None)
            elif translation.attrib.get("type") == "unfinished" or not translation.text:
                missing.append((ctx.findtext("name") or "", source))
    ET.indent(tree, space="    ")
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )
    return missing


if __name__ == "__main__":
    if "--no-lupdate" not in sys.argv:
        run_lupdate()
    left = fill()
    for context, source in left:
        print(f"untranslated: [{context}] {source}")
    sys.exit(0)
