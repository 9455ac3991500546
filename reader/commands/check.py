"""`richtlijnenlezer check SOURCE [--json]`: validate a corpus source and report what is wrong with it.

Every problem has a severity: `error` (the page is left out of an edition, or the source cannot be used),
`warning` (the page is built, but something in it will not work as written: a broken link, an unsupported
extension) or `info` (nothing is broken; the reader filled something in, such as a missing title or summary).
The report ends with a summary by code. `check` renders every page the way `build` does, so it reports exactly
the problems `build --json` counts.

Exit status: 0 no errors (warnings and infos do not fail the check: those pages are still built and shown; a
pipeline that wants none can read `summary.by_severity` from `--json`), 1 errors found, 2 the source cannot be
read at all. Never imports PySide6: this runs in CI and on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from reader.core.model import Corpus, Problem

log = logging.getLogger("reader.check")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="controleer een corpusbron (MkDocs-project of map met .md) en meld fouten",
        description="Exit status: 0 no errors (warnings and infos do not fail), 1 errors, 2 source unreadable.",
    )
    p.add_argument("source", type=Path, help="MkDocs project directory or folder of .md files")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a readable report")


def corpus_problems(corpus: Corpus) -> list[Problem]:
    """What a build of `corpus` would report (reader.core.edition.check_problems), errors first, then warnings,
    then infos; source order within one severity."""
    from reader import paths
    from reader.core import render
    from reader.core.edition import check_problems
    from reader.core.model import SEVERITIES

    problems = check_problems(corpus, render, render.icon_set(paths.icons_dir(), paths.icons_cache_dir()))
    rank = {severity: i for i, severity in enumerate(SEVERITIES)}
    return sorted(problems, key=lambda p: rank.get(p.severity, len(rank)))


def report(source: Path, as_json: bool, out: TextIO) -> int:
    """Check `source`, write the report to `out`, return the exit status."""
    from reader.core.corpus import CorpusError, load_corpus
    from reader.core.model import ERROR, INFO, WARNING, problem_counts

    try:
        corpus = load_corpus(source)
    except CorpusError as exc:
        if as_json:
            _dump({
                "source": str(source), "pages": 0, "errors": [exc.problem.to_json()], "warnings": [], "infos": [],
                "summary": problem_counts([exc.problem]),
            }, out)
        else:
            out.write(f"{_format(exc.problem, source)}\n")
            out.write(f"{source}: cannot be read as a corpus.\n")
        return 2
    problems = corpus_problems(corpus)
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity == WARNING]
    infos = [p for p in problems if p.severity == INFO]
    summary = problem_counts(problems)
    if as_json:
        _dump(
            {
                "source": str(source),
                "pages": len(corpus.pages),
                "errors": [p.to_json() for p in errors],
                "warnings": [p.to_json() for p in warnings],
                "infos": [p.to_json() for p in infos],
                "summary": summary,
            },
            out,
        )
    else:
        for problem in problems:
            out.write(f"{_format(problem, source)}\n")
        if problems:
            out.write("\n" + _summary_table(summary))
        verdict = "OK" if not errors else "errors found: fix them, or build with --keep-going to leave those pages out"
        out.write(
            f"{source}: {len(corpus.pages)} pages, {len(errors)} error(s), {len(warnings)} warning(s), "
            f"{len(infos)} info: {verdict}.\n"
        )
    return 1 if errors else 0


def _summary_table(summary: dict[str, Any]) -> str:
    """One line per code, most severe and most frequent first: `  warning  link-missing  12`."""
    rows = [(entry["severity"], code, entry["count"]) for code, entry in summary["by_code"].items()]
    code_width = max(len(code) for _, code, _ in rows)
    lines = ["Summary by code:"]
    lines += [f"  {severity:<8} {code:<{code_width}} {count:>5}" for severity, code, count in rows]
    return "\n".join(lines) + "\n"


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
            error = {"severity": "error", "file": "", "line": None, "code": "internal-error", "message": message}
            _dump({
                "source": str(args.source), "pages": 0, "errors": [error], "warnings": [], "infos": [],
                "summary": {"by_severity": {"error": 1, "warning": 0, "info": 0},
                            "by_code": {"internal-error": {"severity": "error", "count": 1}}},
            }, sys.stdout)
        else:
            print(message, file=sys.stderr)
        return 2
