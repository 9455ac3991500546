"""`richtlijnenlezer library [--json]`: the installed corpora and their editions (the newest of each is read)."""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("library", help="toon de geïnstalleerde richtlijnen en hun edities")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",")


def run(args: argparse.Namespace) -> int:
    from reader.library import default_library

    shelves = default_library().corpora()
    if args.json:
        print(json.dumps({"corpora": [shelf_json(shelf) for shelf in shelves]}, ensure_ascii=False))
        return 0
    if not shelves:
        print("De bibliotheek is leeg.")
        return 0
    for shelf in shelves:
        by = f" ({shelf.organisation})" if shelf.organisation else ""
        print(f"{shelf.title}{by}   [{shelf.corpus_id}]")
        for n, edition in enumerate(shelf.editions):
            mark = "gelezen" if n == 0 else "ouder"
            print(f"  {edition.edition_date}  {edition.page_count} pagina's  {_size(edition.size_bytes())}  "
                  f"{FOLDER_WORDS.get(edition.folder.kind, edition.folder.kind)}  {mark}  {edition.path}")
    return 0


FOLDER_WORDS = {"bundled": "meegeleverd", "user": "eigen", "machine": "deze computer"}


def shelf_json(shelf: Any) -> dict[str, Any]:
    return {
        "corpus_id": shelf.corpus_id,
        "title": shelf.title,
        "organisation": shelf.organisation,
        "current": shelf.current.key,
        "editions": [edition_json(e) for e in shelf.editions],
    }


def edition_json(edition: Any) -> dict[str, Any]:
    return {
        "key": edition.key,
        "edition_date": edition.edition_date,
        "built_at": edition.built_at,
        "page_count": edition.page_count,
        "size_bytes": edition.size_bytes(),
        "folder": edition.folder.kind,
        "removable": edition.removable,
        "path": str(edition.path),
    }
