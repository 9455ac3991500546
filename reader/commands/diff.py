"""`richtlijnenlezer diff OLD NEW [--json] [--context N]`: what changed between two editions of a corpus.

Exit status: 0 when the comparison ran (with or without differences), 2 when an edition cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.diff import EditionDiff, FieldChange, Op, PageChange

FIELD_NAMES = {"title": "titel", "summary": "samenvatting", "relations": "relaties", "breadcrumb": "kruimelpad"}
KIND_NAMES = {"added": "nieuw", "removed": "verwijderd", "changed": "gewijzigd"}
RUN_WORDS = 40  # longest inserted or deleted run printed whole
MATCH_NAMES = {"id": "zelfde id", "content": "zelfde inhoud", "similar": "grotendeels zelfde inhoud"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="toon wat er veranderd is tussen twee edities van een corpus")
    p.add_argument("old", type=Path, help="the older edition directory")
    p.add_argument("new", type=Path, help="the newer edition directory")
    p.add_argument("--json", action="store_true", help="print one JSON object with every change, word by word")
    p.add_argument("--context", type=int, default=8, metavar="N",
                   help="unchanged words shown around a change (default 8)")


def run(args: argparse.Namespace) -> int:
    from reader.core.diff import diff_editions
    from reader.core.errors import ReaderError
    from reader.messages import describe

    try:
        result = diff_editions(args.old, args.new)
    except ReaderError as exc:
        print(f"richtlijnenlezer diff: {describe(exc)}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    if result.old.corpus_id and result.new.corpus_id and result.old.corpus_id != result.new.corpus_id:
        print(f"Let op: de edities horen bij verschillende corpora ({result.old.corpus_id}, {result.new.corpus_id}).",
              file=sys.stderr)
    print("\n".join(report_lines(result, max(0, args.context))))
    return 0


def report_lines(result: "EditionDiff", context: int) -> list[str]:
    old, new = result.old, result.new
    lines = [
        f"Van {old.title or old.root} ({_edition(old.edition_date, old.page_count)})",
        f"naar {new.title or new.root} ({_edition(new.edition_date, new.page_count)}):",
    ]
    counts = result.counts()
    lines.append(
        f"{_pages(counts['added'])} toegevoegd, {counts['removed']} verwijderd, {counts['moved']} verplaatst,"
        f" {counts['changed']} gewijzigd."
    )
    if result.empty:
        lines.append("Geen verschillen.")
        return lines
    if result.added:
        lines += ["", "Toegevoegd:"] + [f"  + {p.title}  [{p.page_id}]" for p in result.added]
    if result.removed:
        lines += ["", "Verwijderd:"] + [f"  - {p.title}  [{p.page_id}]" for p in result.removed]
    if result.moved:
        lines += ["", "Verplaatst:"]
        lines += [f"  {m.old_path} -> {m.new_path}  [{m.new_id}] ({MATCH_NAMES.get(m.match, m.match)})"
                  for m in result.moved]
    if result.changed:
        lines += ["", "Gewijzigd:"]
        for change in result.changed:
            lines += page_lines(change, context)
    return lines


def page_lines(change: "PageChange", context: int) -> list[str]:
    lines = ["", f"  {change.title_new}  [{change.page_id}]"]
    for f in change.fields:
        lines.append(f"    {FIELD_NAMES.get(f.name, f.name)}: {_field(f)}")
    for s in change.sections:
        name = f"{s.heading} (#{s.anchor})" if s.anchor else "inleiding"
        if s.old_anchor or s.old_heading:
            name += f", eerder {s.old_heading or s.heading} (#{s.old_anchor or s.anchor})"
        lines.append(f"    {KIND_NAMES.get(s.kind, s.kind)}: {name}")
        if any(op != "=" for op, _text in s.words):
            lines.append(f"      {_words(s.words, context)}")
    return lines


def _words(ops: "list[Op]", context: int) -> str:
    """wdiff style: [-deleted-] {+inserted+}, long unchanged runs cut to `context` words either side."""
    out: list[str] = []
    for n, (op, text) in enumerate(ops):
        if op in ("+", "-"):
            words = text.split()
            if len(words) > RUN_WORDS:  # a whole new or removed passage: its start says enough in a terminal
                text = " ".join(words[:RUN_WORDS]) + f" … ({len(words)} woorden)"
            out.append("{+" + text + "+}" if op == "+" else "[-" + text + "-]")
        else:
            words = text.split()
            head = [] if n == 0 else words[:context]
            tail = [] if n == len(ops) - 1 else words[max(len(words) - context, 0):]
            if len(head) + len(tail) < len(words):
                out.append(" ".join(head + ["…"] + tail))
            else:
                out.append(text)
    return " ".join(out)


def _field(f: "FieldChange") -> str:
    if isinstance(f.old, str) and isinstance(f.new, str):
        return f"'{f.old}' -> '{f.new}'"
    sep = " › " if f.name == "breadcrumb" else ", "
    return f"{sep.join(f.old) or '(geen)'} -> {sep.join(f.new) or '(geen)'}"


def _edition(date: str, pages: int) -> str:
    return f"editie {date}, {_pages(pages)}" if date else _pages(pages)


def _pages(n: int) -> str:
    return "1 pagina" if n == 1 else f"{n} pagina's"
