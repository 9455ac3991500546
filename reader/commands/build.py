"""`richtlijnenlezer build SOURCE --out DIR [--keep-going]`: turn a corpus source into an edition."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="bouw een editie uit een corpusbron (MkDocs-project of map met .md)")
    p.add_argument("source", type=Path, help="MkDocs project directory or folder of .md files")
    p.add_argument("--out", type=Path, required=True, help="edition directory to write (replaced atomically)")
    p.add_argument("--keep-going", action="store_true", help="leave broken pages out instead of refusing")
    p.add_argument("--json", action="store_true", help="print a JSON summary")


def run(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.core.corpus import CorpusError
    from reader.core.edition import BuildRefused, build_edition
    from reader.core.model import problem_counts

    try:
        report = build_edition(args.source, args.out, keep_going=args.keep_going, icons_dir=paths.icons_dir())
    except CorpusError as exc:
        print(f"richtlijnenlezer build: {exc.problem}", file=sys.stderr)
        return 2
    except BuildRefused as exc:
        for problem in exc.errors:
            print(problem, file=sys.stderr)
        print(
            f"richtlijnenlezer build: {len(exc.errors)} error(s); "
            "fix them, or use --keep-going to leave those pages out",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"richtlijnenlezer build: cannot write the edition: {exc}", file=sys.stderr)
        return 2
    for problem in report.left_out:
        print(f"left out: {problem}", file=sys.stderr)
    summary = {
        "edition": str(report.edition),
        "pages": report.pages,
        "left_out": [p.file for p in report.left_out],
        "warnings": len(report.warnings),
        "seconds": round(report.seconds, 3),
        # The same counts as `check --json`'s "summary" (by severity, by code), from the same problems.
        "problems": problem_counts(report.problems),
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"{report.pages} pages built into {report.edition} in {report.seconds:.2f} s"
              f" ({len(report.warnings)} warnings, {len(report.left_out)} pages left out)")
    return 0
