"""`richtlijnenlezer build SOURCE --out DIR [--keep-going]`: turn a corpus source into an edition."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="bouw een editie uit een corpusbron (MkDocs-project of map met .md)")
    p.add_argument("source", type=Path, help="MkDocs project directory or folder of .md files")
    p.add_argument("--out", type=Path, required=True, help="edition directory to write (replaced atomically)")
    p.add_argument("--keep-going", action="store_true", help="leave broken pages out instead of refusing")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.add_argument("--corpus-id", type=_corpus_id, help="the corpus this edition belongs to in the library "
                   "(default: from mkdocs.yml's site_url or site_name)")
    p.add_argument("--edition-date", type=_edition_date, help="the edition's date, YYYY-MM-DD (default: today)")


def _corpus_id(value: str) -> str:
    from reader.core.edition import valid_corpus_id

    if not valid_corpus_id(value):
        raise argparse.ArgumentTypeError(f"{value!r} is geen corpus-id (kleine letters, cijfers en '-')")
    return value


def _edition_date(value: str) -> str:
    from reader.core.edition import valid_edition_date

    if not valid_edition_date(value):
        raise argparse.ArgumentTypeError(f"{value!r} is geen datum (JJJJ-MM-DD)")
    return value


def run(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.core.corpus import CorpusError
    from reader.core.edition import BuildRefused, build_edition
    from reader.core.model import problem_counts

    progress = Progress(sys.stderr)
    try:
        report = build_edition(
            args.source, args.out, keep_going=args.keep_going, icons_dir=paths.icons_dir(),
            icons_cache=paths.icons_cache_dir(), progress=progress, corpus_id=args.corpus_id,
            edition_date=args.edition_date,
        )
    except CorpusError as exc:
        print(f"richtlijnenlezer build: {exc.problem}", file=sys.stderr)
        return 2
    except BuildRefused as exc:
        progress.close()
        for problem in exc.errors:
            print(problem, file=sys.stderr)
        if args.keep_going:  # refused with --keep-going: not one page could be built
            print(
                f"richtlijnenlezer build: no page could be built from {args.source}; "
                f"nothing was written ({args.out} is unchanged)",
                file=sys.stderr,
            )
        else:
            print(
                f"richtlijnenlezer build: {len(exc.errors)} error(s); "
                "fix them, or use --keep-going to leave those pages out",
                file=sys.stderr,
            )
        return 1
    except OSError as exc:
        progress.close()
        print(f"richtlijnenlezer build: cannot write the edition: {exc}", file=sys.stderr)
        return 2
    finally:
        progress.close()
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


class Progress:
    """`build_edition`'s progress: pages read, then pages written, each phase from 0 to its total.

    On a terminal a tqdm bar per phase with the current page; otherwise (a log, CI) a plain line at the start of a
    phase, every PLAIN_EVERY pages and at its end, so a log shows the build advancing without a line per page.
    """

    PHASES = ("reading pages", "writing pages")
    PLAIN_EVERY = 100

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.phase = -1
        self.done = -1
        self.total = 0
        self.bar: tqdm[Any] | None = None

    def __call__(self, done: int, total: int, current: str) -> None:
        if self.phase < 0 or done <= self.done:
            self._finish_phase()
            self.phase += 1
            self.total = total
            if self.tty:
                from tqdm import tqdm

                self.bar = tqdm(total=total, desc=self._name(), unit=" p", file=self.stream, dynamic_ncols=True)
            else:
                self._line(done)
        self.done = done
        if self.bar is not None:
            self.bar.set_postfix_str(current, refresh=False)
            self.bar.update(done - self.bar.n)
        elif done and (done % self.PLAIN_EVERY == 0 or done == total):
            self._line(done)

    def _name(self) -> str:
        return self.PHASES[min(self.phase, len(self.PHASES) - 1)]

    def _line(self, done: int) -> None:
        print(f"{self._name()}: {done}/{self.total}", file=self.stream, flush=True)

    def _finish_phase(self) -> None:
        if self.bar is not None:
            self.bar.update(self.total - self.bar.n)
            self.bar.set_postfix_str("", refresh=False)
            self.bar.close()
            self.bar = None
        elif self.phase >= 0 and self.done != self.total:
            self._line(self.total)

    def close(self) -> None:
        """End the display where it stands (idempotent): a failed build's bar is not shown as full."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
