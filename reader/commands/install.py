"""`richtlijnenlezer install PACK|FOLDER [--machine]`: add a pack, an edition folder or an MkDocs folder (built
first) to the library. `--progress-json` reports to the window that runs it as a separate process, one JSON object
per line on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reader.commands.build import _corpus_id, _edition_date


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("install", help="voeg richtlijnen toe aan de bibliotheek (pakket, editiemap of MkDocs-map)")
    p.add_argument("source", type=Path, help="a pack (.rlpack), an edition folder or an MkDocs folder")
    p.add_argument("--machine", action="store_true", help="install for every user of this computer")
    p.add_argument("--yes", action="store_true",
                   help="install a pack that no trusted key signed without asking")
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="PUBKEY",
                   help="also trust this public key (besides the per-machine trusted keys)")
    p.add_argument("--corpus-id", type=_corpus_id, help="for an MkDocs folder: the corpus id (see build)")
    p.add_argument("--edition-date", type=_edition_date, help="for an MkDocs folder: the edition date (see build)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--progress-json", action="store_true", help="report progress as JSON lines (for the window)")


def _emit(event: str, **data: Any) -> None:
    print(json.dumps({"event": event} | data, ensure_ascii=False), flush=True)


class JsonProgress:
    """Build progress as JSON lines: phase "read" then "write", each counting pages from 0 to its total."""

    def __init__(self) -> None:
        self.phase = -1
        self.done = -1

    def __call__(self, done: int, total: int, current: str) -> None:
        if self.phase < 0 or done <= self.done:
            self.phase += 1
        self.done = done
        _emit("progress", phase=("read", "write")[min(self.phase, 1)], done=done, total=total, current=current)


def _status_words(verdict: Any) -> str:
    if verdict.status == "unsigned":
        return "Het pakket is niet ondertekend."
    return f"Het pakket is ondertekend met een sleutel die deze computer niet vertrouwt ({verdict.signer})."


def run(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.core.edition import BuildRefused
    from reader.core.errors import ReaderError
    from reader.core.library import MACHINE, USER, install
    from reader.library import default_library, trusted_keys
    from reader.messages import describe

    def confirm(verdict: Any) -> bool:
        words = _status_words(verdict)
        if args.yes:
            return True
        if args.progress_json or not sys.stdin.isatty():
            print(f"richtlijnenlezer install: {words} Installeer toch met --yes.", file=sys.stderr)
            return False
        answer = input(f"{words} Toch installeren? [j/N] ")
        return answer.strip().lower() in ("j", "ja", "y", "yes")

    try:
        report = install(
            default_library(), args.source, kind=MACHINE if args.machine else USER,
            trusted_keys=[*trusted_keys(), *args.trust], confirm=confirm,
            progress=JsonProgress() if args.progress_json else None, icons_dir=paths.icons_dir(),
            corpus_id=args.corpus_id, edition_date=args.edition_date,
        )
    except BuildRefused as exc:
        problems = [str(p) for p in exc.errors]
        if args.progress_json:
            _emit("error", code="build-refused", message="Er kon geen enkele pagina worden gebouwd.", problems=problems)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"richtlijnenlezer install: uit {args.source} kon geen enkele pagina worden gebouwd; "
              "er is niets geïnstalleerd.", file=sys.stderr)
        return 1
    except ReaderError as exc:
        if args.progress_json:
            _emit("error", code=exc.code, message=describe(exc), problems=[])
        print(f"richtlijnenlezer install: {describe(exc)} Er is niets geïnstalleerd.", file=sys.stderr)
        return 1
    except OSError as exc:
        if args.progress_json:
            _emit("error", code="os-error", message=str(exc), problems=[])
        print(f"richtlijnenlezer install: {exc}. Er is niets geïnstalleerd.", file=sys.stderr)
        return 1
    edition = report.edition
    summary = {
        "corpus_id": edition.corpus_id,
        "title": edition.title,
        "edition_date": edition.edition_date,
        "key": edition.key,
        "path": str(edition.path),
        "source": report.kind,
        "already_installed": report.already_installed,
        "problems": [str(p) for p in report.problems],
    }
    if args.progress_json:
        _emit("done", **summary)
    elif args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for found in report.problems:
            print(found, file=sys.stderr)
        state = "was al geïnstalleerd" if report.already_installed else "is geïnstalleerd"
        print(f"{edition.title}, editie {edition.edition_date} ({edition.page_count} pagina's), {state} in "
              f"{edition.path}")
    return 0
