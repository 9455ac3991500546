"""`richtlijnenlezer remove CORPUS [--edition DATE]`: remove a corpus (or one edition of it) from the library.

Your bookmarks, history and checklists for it stay in your profile (installing it again brings them back), unless
you say `--forget`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remove", help="verwijder richtlijnen (of één editie ervan) uit de bibliotheek")
    p.add_argument("corpus", help="corpus id (see `richtlijnenlezer library`)")
    p.add_argument("--edition", help="only this edition (its date, YYYY-MM-DD, or its key)")
    p.add_argument("--forget", action="store_true",
                   help="also delete your bookmarks, history and checklists of this corpus (only without --edition)")
    p.add_argument("--profile", type=Path, help="the profile whose data --forget deletes (default: yours)")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError
    from reader.core.library import remove
    from reader.library import default_library
    from reader.messages import describe

    if args.forget and args.edition:
        print("richtlijnenlezer remove: --forget geldt voor het hele corpus, niet voor één editie.", file=sys.stderr)
        return 2
    try:
        removed = remove(default_library(), args.corpus, args.edition)
        forgotten = _forget(args.corpus, args.profile) if args.forget else None
    except ReaderError as exc:
        print(f"richtlijnenlezer remove: {describe(exc)}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"removed": [{"corpus_id": e.corpus_id, "key": e.key, "edition_date": e.edition_date,
                                       "path": str(e.path)} for e in removed],
                          "forgotten": forgotten}, ensure_ascii=False))
        return 0
    for edition in removed:
        print(f"Verwijderd: {edition.title}, editie {edition.edition_date} ({edition.path})")
    if forgotten is not None:
        print(f"Ook verwijderd: {forgotten['bookmarks']} bladwijzers, {forgotten['visits']} bezoeken en "
              f"{forgotten['checklist_items']} afgevinkte checklistitems.")
    elif args.edition is None:
        print("Je bladwijzers, geschiedenis en checklists blijven bewaard (--forget verwijdert ze).")
    return 0


def _forget(corpus_id: str, profile: Path | None) -> dict[str, int]:
    from reader import paths
    from reader.core.userdata import UserData

    store = UserData.open(paths.profile_dir(profile), corpus_id=None)
    try:
        result = store.forget_corpus(corpus_id)
    finally:
        store.close()
    return {"bookmarks": result.bookmarks, "folders": result.folders, "visits": result.visits,
            "checklist_items": result.checklist_items}
