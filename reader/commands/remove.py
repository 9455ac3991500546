"""`richtlijnenlezer remove CORPUS [--edition DATE]`: remove a corpus (or one edition of it) from the library.

Your bookmarks, history and checklists for it stay in your profile: installing it again brings them back.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remove", help="verwijder richtlijnen (of één editie ervan) uit de bibliotheek")
    p.add_argument("corpus", help="corpus id (see `richtlijnenlezer library`)")
    p.add_argument("--edition", help="only this edition (its date, YYYY-MM-DD, or its key)")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError
    from reader.core.library import remove
    from reader.library import default_library
    from reader.messages import describe

    try:
        removed = remove(default_library(), args.corpus, args.edition)
    except ReaderError as exc:
        print(f"richtlijnenlezer remove: {describe(exc)}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"removed": [{"corpus_id": e.corpus_id, "key": e.key, "edition_date": e.edition_date,
                                       "path": str(e.path)} for e in removed]}, ensure_ascii=False))
        return 0
    for edition in removed:
        print(f"Verwijderd: {edition.title}, editie {edition.edition_date} ({edition.path})")
    return 0
