"""The words for the core's errors: one Dutch template per error code, with `{name}` placeholders for its params.

The core raises `ReaderError`s that carry only a code and parameters (reader/core/errors.py); this catalogue is the
one place that says them in words. The command line speaks Dutch and uses `describe` as it is; the GUI passes each
template through `QCoreApplication.translate("CoreMessage", ...)` first (reader/gui/messages.py), so the English
interface shows English. Each template is marked with QT_TRANSLATE_NOOP so pyside6-lupdate puts it in the .ts files.
No Qt here: the command line must not import PySide6.
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

from reader.core.errors import Param, ReaderError

CONTEXT = "CoreMessage"


def _translate_noop(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


QT_TRANSLATE_NOOP = _translate_noop  # the name pyside6-lupdate looks for in the calls below


# For a code this catalogue does not know (an error from a newer core, or a test's own).
UNKNOWN = QT_TRANSLATE_NOOP("CoreMessage", "Er ging iets mis (foutcode {code}).")

# Params named `detail` carry the system's own words (an OS or parser message); they are shown as they are.
MESSAGES: dict[str, str] = {
    # --- user data (reader/core/userdata)
    "userdata-bad-page-id": QT_TRANSLATE_NOOP("CoreMessage", "Ongeldige pagina-id: {page_id}"),
    "userdata-bad-anchor": QT_TRANSLATE_NOOP("CoreMessage", "Ongeldig anker: {anchor}"),
    "userdata-no-bookmark": QT_TRANSLATE_NOOP("CoreMessage", "Bladwijzer {id} bestaat niet (meer)."),
    "userdata-bookmark-gone": QT_TRANSLATE_NOOP("CoreMessage", "De bladwijzer bestaat niet meer."),
    "userdata-folder-needs-name": QT_TRANSLATE_NOOP("CoreMessage", "Een map heeft een naam nodig."),
    "userdata-bad-checklist-key": QT_TRANSLATE_NOOP("CoreMessage", "Ongeldige sleutel voor een checklistitem."),
    "userdata-no-corpus": QT_TRANSLATE_NOOP(
        "CoreMessage", "Er is geen corpus gekozen; bladwijzers, geschiedenis en checklists horen bij een corpus."),
    "userdata-bad-corpus-id": QT_TRANSLATE_NOOP("CoreMessage", "Ongeldige corpus-id: {corpus_id}"),
    "userdata-other-corpus": QT_TRANSLATE_NOOP(
        "CoreMessage", "Deze bladwijzer hoort bij andere richtlijnen ({corpus}) en wordt hier niet teruggezet."),
    "userdata-bad-edition-key": QT_TRANSLATE_NOOP("CoreMessage", "Ongeldige aanduiding van een editie."),
    "userdata-bad-text": QT_TRANSLATE_NOOP(
        "CoreMessage", "De wijziging is niet opgeslagen: ongeldige tekens ({detail})."),
    "userdata-read-only": QT_TRANSLATE_NOOP(
        "CoreMessage", "De gebruikersgegevens kunnen niet worden opgeslagen: {detail}"),
    "userdata-disk-full": QT_TRANSLATE_NOOP("CoreMessage", "De schijf is vol; de wijziging is niet opgeslagen."),
    "userdata-busy": QT_TRANSLATE_NOOP(
        "CoreMessage", "De gebruikersgegevens zijn bezet door een ander programma; probeer het opnieuw."),
    "userdata-not-saved": QT_TRANSLATE_NOOP("CoreMessage", "De wijziging is niet opgeslagen: {detail}"),
    "userdata-profile-unwritable": QT_TRANSLATE_NOOP(
        "CoreMessage", "De profielmap {path} kan niet worden beschreven ({detail})."),
    "userdata-file-read-only": QT_TRANSLATE_NOOP("CoreMessage", "Het bestand {path} is alleen-lezen."),
    "userdata-newer-schema": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "De gebruikersgegevens zijn gemaakt door een nieuwere versie van de lezer; deze versie wijzigt ze niet."),
    "userdata-corrupt-stuck": QT_TRANSLATE_NOOP(
        "CoreMessage", "De gebruikersgegevens in {path} zijn beschadigd en kunnen niet opzij worden gezet ({detail})."),
    "userdata-busy-read-only": QT_TRANSLATE_NOOP(
        "CoreMessage", "De gebruikersgegevens zijn bezet door een ander programma; er wordt nu niets opgeslagen."),
    "userdata-cannot-open": QT_TRANSLATE_NOOP(
        "CoreMessage", "De gebruikersgegevens in {path} kunnen niet worden geopend om te schrijven ({detail})."),
    "userdata-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage", "De gebruikersgegevens in {path} kunnen niet worden gelezen ({detail})."),
    # --- bookmark files (import and export)
    "bookmark-file-export-format": QT_TRANSLATE_NOOP("CoreMessage", "Onbekend formaat {format}: kies json of html."),
    "bookmark-file-field-type": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' moet tekst zijn."),
    "bookmark-file-field-length": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' is langer dan {limit} tekens."),
    "bookmark-file-field-control": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' bevat stuurtekens."),
    "bookmark-file-field-chars": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' bevat ongeldige tekens."),
    "bookmark-file-field-missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' ontbreekt."),
    "bookmark-file-field-time": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' is geen geldige tijd."),
    "bookmark-file-field-range": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onderdeel {item} van het bestand: '{field}' ligt buiten het bereik."),
    "bookmark-file-not-object": QT_TRANSLATE_NOOP("CoreMessage", "Onderdeel {item} van het bestand is geen object."),
    "bookmark-file-json": QT_TRANSLATE_NOOP("CoreMessage", "Dit is geen geldig JSON-bestand ({detail})."),
    "bookmark-file-not-ours": QT_TRANSLATE_NOOP(
        "CoreMessage", "Dit is geen bladwijzerbestand van de Richtlijnenlezer."),
    "bookmark-file-bad-version": QT_TRANSLATE_NOOP("CoreMessage", "Het bladwijzerbestand heeft geen geldige versie."),
    "bookmark-file-bad-corpus": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het bladwijzerbestand noemt een ongeldige corpus-id."),
    "bookmark-file-other-corpus": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "Deze bladwijzers horen bij de richtlijnen {file_corpus}, niet bij {corpus}: daar wijzen ze naar andere "
        "pagina's. Er is niets geïmporteerd."),
    "bookmark-file-newer-version": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "Het bladwijzerbestand heeft versie {version}; deze lezer kent versie {known}. Werk de lezer bij."),
    "bookmark-file-not-lists": QT_TRANSLATE_NOOP("CoreMessage", "'bookmarks' en 'folders' moeten lijsten zijn."),
    "bookmark-file-too-many": QT_TRANSLATE_NOOP(
        "CoreMessage", "Meer dan {limit} bladwijzers: dit bestand wordt niet ingelezen."),
    "bookmark-file-too-deep": QT_TRANSLATE_NOOP("CoreMessage", "De mappen in dit bestand zijn te diep genest."),
    "bookmark-file-text-too-long": QT_TRANSLATE_NOOP("CoreMessage", "Een tekst in dit bestand is onredelijk lang."),
    "bookmark-file-not-netscape": QT_TRANSLATE_NOOP(
        "CoreMessage", "Dit is geen bladwijzerbestand (Netscape-HTML) zoals browsers dat exporteren."),
    "bookmark-file-html": QT_TRANSLATE_NOOP("CoreMessage", "Het HTML-bestand kan niet worden gelezen ({detail})."),
    "bookmark-file-too-large": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het bestand is te groot ({size_mb} MB; hoogstens {limit_mb} MB)."),
    "bookmark-file-grew": QT_TRANSLATE_NOOP("CoreMessage", "Het bestand is te groot."),
    "bookmark-file-unreadable": QT_TRANSLATE_NOOP("CoreMessage", "Kan {path} niet lezen: {detail}."),
    "bookmark-file-not-regular": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); kies een bestand."),
    "bookmark-file-not-utf8": QT_TRANSLATE_NOOP("CoreMessage", "Het bestand is geen UTF-8-tekst."),
    "bookmark-file-binary": QT_TRANSLATE_NOOP("CoreMessage", "Het bestand bevat binaire gegevens."),
    "bookmark-file-unknown-type": QT_TRANSLATE_NOOP(
        "CoreMessage", "Onbekend bestandsformaat: verwacht JSON of Netscape-HTML."),
    # --- the search index (reader/core/search)
    "index-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage", "Geen leesbare zoekindex in {path} ({detail})."),
    "index-format": QT_TRANSLATE_NOOP(
        "CoreMessage", "De zoekindex heeft formaat {found}, deze lezer leest formaat {expected}."),
    "index-incomplete": QT_TRANSLATE_NOOP(
        "CoreMessage", "De zoekindex in {path} is onvolledig."),
    "index-corrupt": QT_TRANSLATE_NOOP(
        "CoreMessage", "De zoekindex in {path} is beschadigd ({detail})."),
    "index-corrupt-postings": QT_TRANSLATE_NOOP(
        "CoreMessage", "De zoekindex is beschadigd: termen en postings passen niet bij elkaar."),
    "index-corrupt-lengths": QT_TRANSLATE_NOOP(
        "CoreMessage", "De zoekindex is beschadigd: veldlengtes passen niet bij de secties."),
    # --- editions (reader/core/edition); `folder` is the edition folder
    "edition-not-directory": QT_TRANSLATE_NOOP("CoreMessage", "{folder}: geen bruikbare editie: dit is geen map."),
    "edition-no-manifest": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: manifest.json ontbreekt."),
    "edition-manifest-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: manifest.json kan niet worden gelezen ({detail})."),
    "edition-manifest-json": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: manifest.json is geen geldige JSON (regel {line}: {detail})."),
    "edition-manifest-not-object": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: manifest.json is geen JSON-object."),
    "edition-manifest-missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: manifest.json mist {keys}."),
    "edition-manifest-type": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: in manifest.json heeft {key} het verkeerde type ({type})."),
    "edition-format": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "{folder}: geen bruikbare editie: editieformaat {found}, deze lezer leest formaat {expected} "
        "(bouw haar opnieuw)."),
    "edition-index-format": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "{folder}: geen bruikbare editie: zoekindexformaat {found}, deze lezer leest formaat {expected} "
        "(bouw haar opnieuw)."),
    "edition-built-at": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: built_at {value} in manifest.json is geen ISO 8601-tijd."),
    "edition-page-count": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: page_count in manifest.json is negatief."),
    "edition-no-pages": QT_TRANSLATE_NOOP("CoreMessage", "{folder}: geen bruikbare editie: de map pages/ ontbreekt."),
    "edition-no-index": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie: de map index/ (de zoekindex) ontbreekt."),
    "edition-data-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "{folder}: de gegevens van de editie zijn onleesbaar ({detail}); "
        "bouw haar opnieuw met 'richtlijnenlezer build'."),
    "edition-none-usable": QT_TRANSLATE_NOOP(
        "CoreMessage", "{folder}: geen bruikbare editie; bouw haar opnieuw met 'richtlijnenlezer build'."),
    "build-refused": QT_TRANSLATE_NOOP("CoreMessage", "De bron heeft {count} fout(en); de editie is niet gebouwd."),
    # --- edition packs (reader/core/pack): `name` is a file in the pack, `path` a file on this computer
    "pack-missing": QT_TRANSLATE_NOOP("CoreMessage", "Het pakket {path} bestaat niet."),
    "pack-unreadable": QT_TRANSLATE_NOOP("CoreMessage", "{path} kan niet worden gelezen ({detail})."),
    "pack-not-file": QT_TRANSLATE_NOOP("CoreMessage", "{path} is geen bestand; kies een pakket (.rlpack)."),
    "pack-not-zip": QT_TRANSLATE_NOOP("CoreMessage", "{path} is geen editiepakket (geen zip-bestand)."),
    "pack-truncated": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket {path} is onvolledig (afgebroken bij kopiëren of downloaden?)."),
    "pack-corrupt": QT_TRANSLATE_NOOP("CoreMessage", "Het pakket {path} is beschadigd ({detail})."),
    "pack-too-many-files": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat {count} bestanden; meer dan {limit} wordt niet uitgepakt."),
    "pack-too-large": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket zou {size_mb} MB uitpakken; meer dan {limit_mb} MB wordt niet uitgepakt."),
    "pack-file-too-large": QT_TRANSLATE_NOOP(
        "CoreMessage", "{name} in het pakket is {size_mb} MB; meer dan {limit_mb} MB wordt niet uitgepakt."),
    "pack-ratio": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "{name} in het pakket is {ratio} keer zo groot als zijn gecomprimeerde vorm (hoogstens {limit}): "
        "een zip-bom?"),
    "pack-encrypted": QT_TRANSLATE_NOOP("CoreMessage", "{name} in het pakket is versleuteld; dat kan niet."),
    "pack-compression": QT_TRANSLATE_NOOP(
        "CoreMessage", "{name} in het pakket gebruikt een onbekende compressie (methode {method})."),
    "pack-symlink": QT_TRANSLATE_NOOP(
        "CoreMessage", "{name} in het pakket is een symbolische koppeling; een pakket mag alleen bestanden bevatten."),
    "pack-special-file": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "{name} in het pakket is een apparaat, pipe of socket; een pakket mag alleen bestanden bevatten."),
    "pack-path-backslash": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat een pad met een backslash ({name}); dat wordt niet uitgepakt."),
    "pack-path-absolute": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat een absoluut pad ({name}); dat wordt niet uitgepakt."),
    "pack-path-drive": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat een pad met een stationsletter ({name}); dat wordt niet uitgepakt."),
    "pack-path-parent": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat een pad dat buiten de editie wijst ({name}); dat wordt niet uitgepakt."),
    "pack-path-invalid": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat een ongeldige bestandsnaam ({name}); dat wordt niet uitgepakt."),
    "pack-duplicate": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "Het pakket bevat {name} en {other}: op Windows of macOS is dat hetzelfde bestand. Het wordt niet uitgepakt."),
    "pack-path-conflict": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat {name} als bestand en als map (voor {other}); het wordt niet uitgepakt."),
    "pack-extra-file": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket bevat {name}, dat niet in het manifest staat; het is geknoeid of beschadigd."),
    "pack-missing-file": QT_TRANSLATE_NOOP(
        "CoreMessage", "{name} staat in het manifest maar ontbreekt in het pakket."),
    "pack-size-mismatch": QT_TRANSLATE_NOOP(
        "CoreMessage", "{name} in het pakket is niet {expected} bytes groot zoals opgegeven; het is geknoeid of "
        "beschadigd."),
    "pack-hash-mismatch": QT_TRANSLATE_NOOP(
        "CoreMessage", "{name} in het pakket is gewijzigd: de SHA-256 klopt niet met het manifest."),
    "pack-no-manifest": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} heeft geen pakketmanifest (rlpack.json); het is geen editiepakket."),
    "pack-manifest-invalid": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakketmanifest (rlpack.json) is ongeldig ({detail})."),
    "pack-version": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "Het pakket heeft formaatversie {found}; deze lezer leest versie {expected}. Werk de lezer bij."),
    "pack-signature-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage", "De ondertekening in {path} is onleesbaar; het pakket wordt geweigerd."),
    "pack-bad-signature": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "De ondertekening klopt niet (sleutel {signer}): het pakket is na ondertekening gewijzigd."),
    "pack-unsigned": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is niet ondertekend; alleen pakketten van een vertrouwde sleutel worden aanvaard."),
    "pack-untrusted-signer": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "Het pakket is ondertekend met een onbekende sleutel ({signer}); alleen vertrouwde sleutels worden aanvaard."),
    "pack-dest-invalid": QT_TRANSLATE_NOOP("CoreMessage", "{path} is geen map om een pakket in uit te pakken."),
    "pack-dest-not-empty": QT_TRANSLATE_NOOP(
        "CoreMessage", "De map {path} is niet leeg; een pakket wordt alleen in een lege map uitgepakt."),
    "pack-cannot-write": QT_TRANSLATE_NOOP("CoreMessage", "{path} kan niet worden geschreven ({detail})."),
    "pack-source-unsafe": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is een koppeling of speciaal bestand; een editie om te verpakken bevat alleen "
        "bestanden en mappen."),
    "pack-source-name": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path}: deze bestandsnaam kan niet in een pakket (niet op elk systeem bruikbaar)."),
    "pack-source-too-large": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is te groot voor een pakket (te veel of te grote bestanden)."),
    "pack-out-inside": QT_TRANSLATE_NOOP(
        "CoreMessage", "Het pakket {path} zou in de editie zelf komen; kies een plek buiten de editiemap."),
    "key-unreadable": QT_TRANSLATE_NOOP("CoreMessage", "De sleutel {path} kan niet worden gelezen ({detail})."),
    "key-invalid": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is geen bruikbare Ed25519-sleutel van de Richtlijnenlezer."),
    "key-exists": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} bestaat al; een bestaande sleutel wordt niet overschreven."),
    "key-cannot-write": QT_TRANSLATE_NOOP("CoreMessage", "De sleutel {path} kan niet worden geschreven ({detail})."),
    # --- the corpus source (reader/core/corpus): the source as a whole cannot be read
    "source-missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "{source} bestaat niet; geef de map van een MkDocs-project of van Markdown-bestanden."),
    "source-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage", "{source} kan niet worden gelezen ({detail}); controleer de rechten."),
    "source-no-access": QT_TRANSLATE_NOOP("CoreMessage", "{source} kan niet worden gelezen; controleer de rechten."),
    "source-not-directory": QT_TRANSLATE_NOOP(
        "CoreMessage", "{source} is geen map; geef de map met mkdocs.yml of met de Markdown-bestanden."),
    "docs-dir-outside": QT_TRANSLATE_NOOP(
        "CoreMessage", "docs_dir '{docs_dir}' ligt buiten het project; zet de pagina's erbinnen."),
    "docs-dir-missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "De map '{docs_dir}' bestaat niet; maak haar aan of zet docs_dir in {file}."),
    "mkdocs-inherit-too-deep": QT_TRANSLATE_NOOP(
        "CoreMessage", "INHERIT in mkdocs.yml gaat meer dan 5 configuraties diep; maak dat platter."),
    "mkdocs-inherit-outside": QT_TRANSLATE_NOOP(
        "CoreMessage", "INHERIT in mkdocs.yml wijst naar '{target}', buiten de bron; kopieer die configuratie erin."),
    "mkdocs-inherit-missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "INHERIT in mkdocs.yml wijst naar '{target}', dat niet bestaat; verbeter het pad."),
    "mkdocs-too-large": QT_TRANSLATE_NOOP(
        "CoreMessage", "mkdocs.yml is groter dan 1 MB; controleer of het het goede bestand is."),
    "mkdocs-unreadable": QT_TRANSLATE_NOOP(
        "CoreMessage", "mkdocs.yml kan niet worden gelezen ({detail}); controleer de rechten."),
    "mkdocs-encoding": QT_TRANSLATE_NOOP("CoreMessage", "mkdocs.yml is geen UTF-8-tekst; sla het op als UTF-8."),
    "mkdocs-yaml": QT_TRANSLATE_NOOP("CoreMessage", "{file} is geen geldige YAML ({detail}); verbeter de syntaxis."),
    "mkdocs-too-deep": QT_TRANSLATE_NOOP("CoreMessage", "mkdocs.yml is te diep genest om te lezen; vereenvoudig het."),
    "mkdocs-not-mapping": QT_TRANSLATE_NOOP(
        "CoreMessage", "mkdocs.yml moet instellingen bevatten (sleutel: waarde), geen lijst of losse waarde."),
    # --- the library (reader/core/library)
    "library-source-missing": QT_TRANSLATE_NOOP("CoreMessage", "{path} bestaat niet."),
    "library-source-unknown": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is geen richtlijnenpakket (.rlpack), editiemap of MkDocs-map."),
    "library-not-writable": QT_TRANSLATE_NOOP(
        "CoreMessage", "In de bibliotheekmap {folder} kan niet worden geschreven ({detail})."),
    "library-install-declined": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "{path} is niet geïnstalleerd: het pakket is niet ondertekend met een vertrouwde sleutel en niemand heeft de "
        "installatie bevestigd."),
    "library-no-corpus": QT_TRANSLATE_NOOP("CoreMessage", "De bibliotheek bevat geen richtlijnen met id {corpus}."),
    "library-no-edition": QT_TRANSLATE_NOOP("CoreMessage", "Van {corpus} is geen editie {edition} geïnstalleerd."),
    "library-remove-bundled": QT_TRANSLATE_NOOP(
        "CoreMessage", "De meegeleverde editie van {corpus} hoort bij het programma en kan niet worden verwijderd."),
    "library-remove-failed": QT_TRANSLATE_NOOP("CoreMessage", "{path} kan niet worden verwijderd ({detail})."),
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(template: str) -> set[str]:
    """The `{name}`s a template uses."""
    return set(_PLACEHOLDER.findall(template))


def fill(template: str, params: Mapping[str, Param]) -> str:
    """`template` with each `{name}` replaced by its param. Never raises: a translation with a stray brace or a
    placeholder the error does not give keeps that text as it is."""
    return _PLACEHOLDER.sub(lambda m: str(params[m[1]]) if m[1] in params else m[0], template)


def describe(error: ReaderError, translate: Callable[[str], str] | None = None) -> str:
    """The error in words: its template (through `translate`, else Dutch) filled with its params."""
    template = MESSAGES.get(error.code)
    if template is None:
        return fill(translate(UNKNOWN) if translate else UNKNOWN, {"code": error.code})
    return fill(translate(template) if translate else template, error.params)


def explain(error: BaseException) -> str:
    """`describe` for the core's errors; anything else (an OSError ...) as Python words it."""
    return describe(error) if isinstance(error, ReaderError) else str(error)
