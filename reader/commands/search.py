"""`richtlijnenlezer search QUERY [--edition DIR] [--all] [--limit N] [--json]`: the reader's search engine in a
terminal. `--all` searches the current edition of every corpus in the library (or the editions named by repeated
`--edition`), grouped per corpus (reader.core.search.search_many)."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

INDEX_DIR = "index"  # inside an edition (see reader.core.edition)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search",
                       help="zoek in een editie of in alle richtlijnen (zelfde zoekmachine als in het venster)")
    p.add_argument("query", help='zoekvraag, bv. toegankelijkheid, "open source", cloud -kosten, titel:privacy, '
                                 "of een filter uit de front matter zoals rol:projectleider")
    p.add_argument("--edition", type=Path, action="append",
                   help="edition directory (default: the bundled edition); with --all, may be repeated")
    p.add_argument("--all", action="store_true",
                   help="search every corpus in the library (its current edition), results grouped per corpus")
    p.add_argument("--limit", type=int, default=None,
                   help="maximum number of results (default 20; with --all: per corpus, default 10)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--no-correction", action="store_true",
                   help="search the words exactly as typed (no typo correction)")


def _plain(snippet_html: str) -> str:
    """Terminal rendering of a snippet: marks become [brackets]."""
    text = re.sub(r"</?mark>", lambda m: "]" if m.group(0) == "</mark>" else "[", snippet_html)
    return html.unescape(text)


def run(args: argparse.Namespace) -> int:
    editions: list[Path] = args.edition or []
    if args.all or len(editions) > 1:
        return _run_all(args, editions)
    from reader.core.search import IndexFormatError, SearchIndex
    from reader.messages import describe, explain

    if editions:
        edition = Path(editions[0])
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
        limit = 20 if args.limit is None else args.limit
        result = index.search(args.query, limit=max(1, limit), correct=not args.no_correction, facets=args.json)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    if result.filters:
        print("Gefilterd op " + ", ".join(f"{k}: {v}" for k, v in result.filters))
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
    _print_hits(result.hits, "")
    print(f"\n{len(result.hits)} resultaten in {result.ms:.1f} ms")
    return 0


def _print_hits(hits: list[Any], indent: str) -> None:
    last_page = None
    for hit in hits:
        if hit.page != last_page:
            crumbs = " › ".join(hit.breadcrumb)
            print(f"\n{indent}{hit.title}" + (f"   ({crumbs})" if crumbs else ""))
            last_page = hit.page
        where = f"{hit.page}#{hit.anchor}" if hit.anchor else hit.page
        print(f"{indent}  {hit.section or '(inleiding)'}  [{where}]")
        snippet = _plain(hit.snippet_html)
        if snippet:
            print(f"{indent}    {snippet}")


def _count(n: int) -> str:
    return "1 resultaat" if n == 1 else f"{n} resultaten"


def _corpora(editions: list[Path]) -> list[tuple[str, str, Path]] | str:
    """(corpus id, label, edition folder) to search: the named editions, else the library's current editions.
    A string says why there is nothing to search."""
    if editions:
        from reader.core.edition import EditionError, corpus_id_of, read_manifest

        out = []
        for folder in editions:
            try:
                manifest = read_manifest(folder)
            except EditionError:  # a bare index folder, or an edition too old to say its corpus: name it by folder
                manifest = {}
            cid = corpus_id_of(manifest) if manifest else folder.name
            out.append((cid, str(manifest.get("corpus_title") or cid), folder))
        return out
    from reader.librarysearch import library_corpora

    return library_corpora() or "De bibliotheek is leeg."


def _run_all(args: argparse.Namespace, editions: list[Path]) -> int:
    from reader.core.search import LibrarySearch
    from reader.messages import describe, explain

    try:
        corpora = _corpora(editions)
    except Exception as exc:  # an unreadable library folder: say so, do not crash
        print(f"richtlijnenlezer search: de bibliotheek is niet te lezen: {explain(exc)}", file=sys.stderr)
        return 2
    if isinstance(corpora, str):
        print(f"richtlijnenlezer search: {corpora}", file=sys.stderr)
        return 2
    limit = 10 if args.limit is None else args.limit
    with LibrarySearch(corpora) as library:
        result = library.search(args.query, limit_per_corpus=max(1, limit), correct=not args.no_correction)
    for problem in result.unavailable:
        print(f"richtlijnenlezer search: {problem.title} overgeslagen: {describe(problem.error)}"
              " Bouw de editie opnieuw met 'richtlijnenlezer build'.", file=sys.stderr)
    if len(result.unavailable) == len(corpora):
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    found = result.found
    if not found:
        if result.suggestion:
            print(f"Bedoelde je: {result.suggestion}?")
        print(result.message or "Niets gevonden.")
        return 0
    for group in found:
        r = group.result
        print(f"\n== {group.title}   [{group.corpus_id}]   {_count(len(r.hits))}")
        if r.corrected_query:
            print(f"   Resultaten voor {r.corrected_query}; zoek in plaats daarvan naar {r.query} (--no-correction)")
        if r.suggestion:
            print(f"   Bedoelde je: {r.suggestion}?")
        if r.partial:
            print("   Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten.")
        _print_hits(r.hits, "   ")
    rest = [g for g in result.groups if not g.hits]
    if rest:
        print("\nNiets gevonden in: " + ", ".join(g.title for g in rest))
        for g in rest:
            if g.result.suggestion:
                print(f"  {g.title}: bedoelde je {g.result.suggestion}?")
    total = sum(len(g.hits) for g in found)
    print(f"\n{_count(total)} in {len(found)} van {len(result.groups)} richtlijnen in {result.ms:.1f} ms")
    return 0
