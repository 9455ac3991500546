"""`richtlijnenlezer bookmarks list|add|remove|export|import|corpora`: the user's bookmarks without opening a window.

Bookmarks belong to a corpus: every action works on one (`--corpus ID`; by default the corpus of the edition given
with `add --edition`, else of the edition the reader opens), `corpora` lists what each corpus holds.

No PySide6 here (checked by a test): this runs on machines without a display, in scripts and over ssh.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.commands.common import shared_options
from reader.messages import describe, explain

if TYPE_CHECKING:
    from reader.core.edition import Edition
    from reader.core.userdata import UserData

PROG = "richtlijnenlezer bookmarks"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bookmarks", help="bladwijzers tonen, toevoegen, verwijderen, exporteren en importeren")
    _common_options(p, False)
    # The same options after the action too: `bookmarks add PAGE --profile DIR` as well as
    # `bookmarks --profile DIR add PAGE`.
    common = [shared_options(_common_options)]
    actions = p.add_subparsers(dest="action", metavar="ACTIE", required=True)

    ls = actions.add_parser("list", parents=common, help="toon de bladwijzers")
    ls.add_argument("--json", action="store_true", help="als JSON (een lijst van objecten)")
    ls.add_argument("--folder", default=None, help="alleen deze map ('' = zonder map)")
    ls.add_argument("--filter", default="", help="alleen bladwijzers met deze woorden")

    add = actions.add_parser("add", parents=common, help="voeg een bladwijzer toe: PAGINA of PAGINA#ANKER")
    add.add_argument("page", metavar="PAGE[#ANCHOR]")
    add.add_argument("--title", default=None, help="titel (standaard: de titel van de pagina)")
    add.add_argument("--note", default=None, help="notitie")
    add.add_argument("--folder", default=None, help="map")
    add.add_argument("--edition", type=Path, default=None,
                     help="controleer de pagina in deze editie (standaard: de meegeleverde editie, als die er is)")
    add.add_argument("--no-check", action="store_true", help="controleer de pagina niet tegen een editie")

    rm = actions.add_parser("remove", parents=common, help="verwijder een bladwijzer (ID uit 'list')")
    rm.add_argument("id", type=int)

    ex = actions.add_parser("export", parents=common, help="schrijf alle bladwijzers naar een bestand")
    ex.add_argument("file", type=Path)
    ex.add_argument("--format", choices=("json", "html"), default=None,
                    help="json (compleet) of html (voor browsers); standaard naar de extensie")

    im = actions.add_parser("import", parents=common,
                            help="voeg bladwijzers uit een JSON- of HTML-bestand toe (zonder dubbele)")
    im.add_argument("file", type=Path)
    im.add_argument("--force", action="store_true",
                    help="importeer ook een bestand dat van andere richtlijnen (een ander corpus) komt")

    co = actions.add_parser("corpora", parents=common,
                            help="toon per corpus het aantal bladwijzers en afgevinkte checklistpunten")
    co.add_argument("--json", action="store_true", help="als JSON (een object per corpus-id)")


def _common_options(parser: argparse.ArgumentParser, below: bool) -> None:
    """Options of `bookmarks` itself, accepted before and after the action (see reader.commands.common)."""
    parser.add_argument("--profile", type=Path, default=argparse.SUPPRESS if below else None,
                        help="profielmap (standaard: de map van de gebruiker)")
    parser.add_argument("--corpus", metavar="ID", default=argparse.SUPPRESS if below else None,
                        help="de richtlijnen (corpus-id) waarvan de bladwijzers zijn (standaard: die van de editie "
                             "die de lezer opent)")


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


class _NoCorpus(Exception):
    """No --corpus given and no edition to take it from."""


def _corpus(args: argparse.Namespace) -> str | None:
    """The corpus to work on: --corpus, else that of `add --edition`, else that of the edition the reader opens.
    None for `corpora`, which looks at every corpus."""
    from reader.core.edition import EditionError, corpus_id_of, read_manifest
    from reader.editions import default_edition

    if args.action == "corpora":
        return None
    if args.corpus is not None:
        return str(args.corpus)
    edition = getattr(args, "edition", None)
    try:
        return corpus_id_of(read_manifest(edition if edition is not None else default_edition()))
    except (EditionError, OSError, ValueError) as exc:
        raise _NoCorpus(explain(exc)) from None


def _open(args: argparse.Namespace) -> UserData:
    from reader import paths
    from reader.core.userdata import UserData

    data = UserData.open(paths.profile_dir(args.profile), corpus_id=_corpus(args))
    if data.recovered_from is not None:
        _err(f"de gebruikersgegevens waren beschadigd; het oude bestand staat in {data.recovered_from}")
    return data


def run(args: argparse.Namespace) -> int:
    from reader.core.userdata import BookmarkFileError, ReadOnlyError, UserDataError

    try:
        data = _open(args)
    except UserDataError as exc:
        _err(describe(exc))
        return 2
    except _NoCorpus as exc:
        _err(f"welke richtlijnen? Geef --corpus ID (geen editie om het corpus van te nemen: {exc})")
        return 2
    try:
        return _ACTIONS[args.action](data, args)
    except ReadOnlyError as exc:
        _err(f"kan niet opslaan: {describe(exc)}")
        return 2
    except (UserDataError, BookmarkFileError) as exc:
        hint = " (--force importeert ze toch)" if exc.code == "bookmark-file-other-corpus" else ""
        _err(describe(exc) + hint)
        return 1
    except OSError as exc:
        _err(f"{getattr(exc, 'filename', '') or ''} {exc.strerror or exc}".strip())
        return 2
    finally:
        data.close()


def _as_json(b: Any) -> dict[str, Any]:
    from reader.core.userdata import bookmark_record

    return {"id": b.id, **bookmark_record(b)}


def _list(data: UserData, args: argparse.Namespace) -> int:
    bookmarks = data.bookmarks(folder=args.folder, filter_text=args.filter)
    if args.json:
        json.dump([_as_json(b) for b in bookmarks], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not bookmarks:
        print("Geen bladwijzers.")
        return 0
    width = max(len(str(b.id)) for b in bookmarks)
    for b in bookmarks:
        target = b.page_id + (f"#{b.anchor}" if b.anchor else "")
        folder = f"[{b.folder}] " if b.folder else ""
        print(f"{b.id:>{width}}  {folder}{b.title}  ({target})")
        if b.note:
            for line in b.note.splitlines():
                print(f"{'':>{width}}    {line}")
    if data.read_only_error is not None:
        _err(f"alleen lezen: {describe(data.read_only_error)}")
    return 0


def _edition_for(args: argparse.Namespace, corpus_id: str | None) -> Edition | None:
    """The edition to check a page against, or None when there is none (checking is a help, not a must)."""
    from reader.core.edition import Edition, EditionError
    from reader.editions import default_edition

    if args.no_check:
        return None
    if args.edition is not None:
        return Edition.open(args.edition)  # an explicit edition must be readable
    try:
        edition = Edition.open(default_edition())
    except (EditionError, OSError, ValueError) as exc:
        _err(f"geen editie om de pagina tegen te controleren ({explain(exc)}); de bladwijzer wordt niet gecontroleerd")
        return None
    if edition.corpus_id != corpus_id:
        _err(f"de editie die de lezer opent hoort bij {edition.corpus_id}, niet bij {corpus_id}; "
             "de bladwijzer wordt niet gecontroleerd")
        return None
    return edition


def _add(data: UserData, args: argparse.Namespace) -> int:
    page_id, _, anchor = args.page.partition("#")
    page_id = page_id.strip().strip("/")
    title = args.title
    section_hash = None
    edition = _edition_for(args, data.corpus_id)
    if edition is not None and edition.corpus_id != data.corpus_id:
        _err(f"de editie {edition.root} hoort bij {edition.corpus_id}, niet bij {data.corpus_id}")
        return 1
    if edition is not None:
        info = edition.pages.get(page_id)
        if info is None:
            _err(f"de pagina '{page_id}' staat niet in de editie {edition.root}")
            return 1
        anchors = {h[2] for h in info.headings}
        if anchor and anchor not in anchors:
            _err(f"de pagina '{page_id}' heeft geen kop met anker '#{anchor}'")
            return 1
        if title is None:
            heading = next((h[1] for h in info.headings if h[2] == anchor), None) if anchor else None
            title = f"{info.title} \u2014 {heading}" if heading else info.title
        section_hash = info.section_hashes.get(anchor)
    bookmark = data.add_bookmark(page_id, anchor, title=title, note=args.note, folder=args.folder,
                                 section_hash=section_hash)
    print(f"{bookmark.id}\t{bookmark.title}\t{bookmark.url}")
    return 0


def _remove(data: UserData, args: argparse.Namespace) -> int:
    bookmark = data.get_bookmark(args.id)
    if bookmark is None:
        _err(f"geen bladwijzer met ID {args.id}")
        return 1
    data.delete_bookmark(args.id)
    print(f"Verwijderd: {bookmark.title} ({bookmark.url})")
    return 0


def _export(data: UserData, args: argparse.Namespace) -> int:
    from reader.core.userdata import export_file

    count = export_file(data, args.file, args.format)
    print(f"{count} bladwijzer(s) van {data.corpus_id} geschreven naar {args.file}")
    return 0


def _import(data: UserData, args: argparse.Namespace) -> int:
    from reader.core.userdata import import_file

    result, skipped = import_file(data, args.file, force=args.force)
    print(f"{result.added} toegevoegd, {result.duplicates} al aanwezig"
          + (f", {skipped} links overgeslagen die geen pagina van de lezer zijn" if skipped else ""))
    return 0


def _corpora(data: UserData, args: argparse.Namespace) -> int:
    counts = data.corpus_counts()
    ids = sorted(set(data.known_corpora()) | set(counts))
    if args.json:
        json.dump({cid: {"bookmarks": counts[cid].bookmarks if cid in counts else 0,
                         "checked_items": counts[cid].checked_items if cid in counts else 0,
                         "last_opened_edition": data.last_opened_edition(cid)} for cid in ids},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not ids:
        print("Nog geen gegevens van richtlijnen.")
        return 0
    width = max(len(cid) for cid in ids)
    for cid in ids:
        found = counts.get(cid)
        print(f"{cid:<{width}}  {found.bookmarks if found else 0} bladwijzer(s), "
              f"{found.checked_items if found else 0} afgevinkt(e) checklistpunt(en)")
    return 0


_ACTIONS = {"list": _list, "add": _add, "remove": _remove, "export": _export, "import": _import,
            "corpora": _corpora}
