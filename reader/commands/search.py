"""`richtlijnenlezer search QUERY [--edition DIR] [--limit N] [--json]`: the reader's search engine in a terminal."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

INDEX_DIR = "index"  # inside an edition (see reader.core.edition)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="zoek in een editie (zelfde zoekmachine als in het venster)")
    p.add_argument("query", help='zoekvraag, bv. toegankelijkheid, "open source", cloud -kosten, titel:privacy')
    p.add_argument("--edition", type=Path, help="edition directory (default: the bundled edition)")
    p.add_argument("--limit", type=int, default=20, help="maximum number of results (default 20)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--no-correction", action="store_true",
                   help="search the words exactly as typed (no typo correction)")


def _plain(snippet_html: str) -> str:
    """Terminal rendering of a snippet: marks become [brackets]."""
    text = re.sub(r"</?mark>", lambda m: "]" if m.group(0) == "</mark>" else "[", snippet_html)
    return html.unescape(text)


def run(args: argparse.Namespace) -> int:
    from reader.core.search import IndexFormatError, SearchIndex
    from reader.messages import describe, explain

    if args.edition is not None:
        edition = Path(args.edition)
    else:
        from reader.editions import default_edition

        try:
            edition = default_edition()
        except Exception as exc:  # no edition at all: say so, do not crash
            print(f"richtlijnenlezer search: geen editie gevonden: {explain(exc)}", file=sys.stderr)
            return 2
    index_dir = edition / INDEX_DIR if (edition / INDEX_DIR).is_dir() else edition
    try:
        index = SearchIndex.open(index_dir)
    except IndexFormatError as exc:
        print(f"richtlijnenlezer search: {describe(exc)} Bouw de editie opnieuw met 'richtlijnenlezer build'.",
              file=sys.stderr)
        return 2
    with index:
        result = index.search(args.query, limit=max(1, args.limit), correct=not args.no_correction)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    if result.corrected_query:
        print(f"Resultaten voor {result.corrected_query}; zoek in plaats daarvan naar {result.query}"
              " (--no-correction)")
    if result.suggestion:
        print(f"Bedoelde je: {result.suggestion}?")
    if result.partial:
        print("Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten.")
    if not result.hits:
        print(result.message or "Niets gevonden.")
        return 0
    last_page = None
    for hit in result.hits:
        if hit.page != last_page:
            crumbs = " › ".join(hit.breadcrumb)
            print(f"\n{hit.title}" + (f"   ({crumbs})" if crumbs else ""))
            last_page = hit.page
        where = f"{hit.page}#{hit.anchor}" if hit.anchor else hit.page
        print(f"  {hit.section or '(inleiding)'}  [{where}]")
        snippet = _plain(hit.snippet_html)
        if snippet:
            print(f"    {snippet}")
    print(f"\n{len(result.hits)} resultaten in {result.ms:.1f} ms")
    return 0
