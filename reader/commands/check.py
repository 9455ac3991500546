"""`richtlijnenlezer check SOURCE [--json]`: validate a corpus source and report what is wrong with it.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the source cannot be read at all.
Never imports PySide6: this runs in CI and on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

log = logging.getLogger("reader.check")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="controleer een corpusbron (MkDocs-project of map met .md) en meld fouten")
    p.add_argument("source", type=Path, help="MkDocs project directory or folder of .md files")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a readable report")


def report(source: Path, as_json: bool, out: TextIO) -> int:
    """Check `source`, write the report to `out`, return the exit status."""
    from reader.core.corpus import CorpusError, load_corpus

    try:
        corpus = load_corpus(source)
    except CorpusError as exc:
        if as_json:
            _dump({"source": str(source), "pages": 0, "errors": [exc.problem.to_json()], "warnings": []}, out)
        else:
            out.write(f"{_format(exc.problem, source)}\n")
            out.write(f"{source}: cannot be read as a corpus.\n")
        return 2
    errors, warnings = corpus.errors, corpus.warnings
    if as_json:
        _dump(
            {
                "source": str(source),
                "pages": len(corpus.pages),
                "errors": [p.to_json() for p in errors],
                "warnings": [p.to_json() for p in warnings],
            },
            out,
        )
    else:
        for problem in errors + warnings:
            out.write(f"{_format(problem, source)}\n")
        verdict = "OK" if not errors else "errors found: fix them, or build with --keep-going to leave those pages out"
        out.write(
            f"{source}: {len(corpus.pages)} pages, {len(errors)} error(s), {len(warnings)} warning(s): {verdict}.\n"
        )
    return 1 if errors else 0


def _format(problem: Any, source: Path) -> str:
    """`file:line: severity [code] message`, with the source itself named when the problem has no file."""
    text = str(problem)
    return f"{source}{text}" if not problem.file else text


def _dump(data: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=None) + "\n")


def run(args: argparse.Namespace) -> int:
    try:
        return report(args.source, args.json, sys.stdout)
    except Exception as exc:  # any failure: no traceback reaches the user; -v logs it
        log.debug("check failed", exc_info=True)
        message = (
            f"richtlijnenlezer check: internal error while checking {args.source} ({type(exc).__name__}: {exc}); "
            "please report this with the source attached."
        )
        if args.json:
            error = {"file": "", "line": None, "code": "internal-error", "message": message}
            _dump({"source": str(args.source), "pages": 0, "errors": [error], "warnings": []}, sys.stdout)
        else:
            print(message, file=sys.stderr)
        return 2
