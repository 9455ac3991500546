"""`richtlijnenlezer open [--edition DIR] [--profile DIR] [PAGE]` and its `--smoke-test` self-check."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger("reader.open")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open de lezer (standaard)")
    p.add_argument("page", nargs="?", help="page id to open, optionally with #anchor")
    p.add_argument("--edition", type=Path, help="edition directory (default: the bundled corpus)")
    p.add_argument("--profile", type=Path, help="profile directory for user data (default: the platform's)")
    p.add_argument("--smoke-test", action="store_true", help="load page(s) headless and print one JSON line each")
    p.add_argument("--all", action="store_true", help="with --smoke-test: every page of the edition")


def process_start_time() -> float:
    """Wall-clock time at which this process started (for start-up measurements)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5), counted after the command name
        with open("/proc/stat", encoding="ascii") as f:
            btime = next(int(line.split()[1]) for line in f if line.startswith("btime"))
        return btime + start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return _IMPORT_TIME


_IMPORT_TIME = time.time()


def resolve_edition(args: argparse.Namespace) -> Path:
    from reader.core.edition import default_edition

    if args.edition:
        return args.edition
    return default_edition()


def run(args: argparse.Namespace) -> int:
    started = process_start_time()
    from reader.gui.environment import has_display

    if not args.smoke_test and not has_display():
        print(
            "richtlijnenlezer: er is geen beeldscherm beschikbaar (DISPLAY/WAYLAND_DISPLAY ontbreekt); "
            "start de lezer in een grafische sessie, of gebruik 'open --smoke-test' voor een test zonder scherm.",
            file=sys.stderr,
        )
        return 2
    from reader import paths
    from reader.core.edition import EditionError

    try:
        edition_dir = resolve_edition(args)
    except EditionError as exc:
        print(f"richtlijnenlezer: {exc}", file=sys.stderr)
        return 2
    from reader.gui.app import create_application, create_reader

    app = create_application([sys.argv[0]], offscreen=args.smoke_test and not has_display())
    # A normal start loads its first page (the one asked for, else the last one read) while the window is built.
    start_page = None if args.smoke_test else (args.page or "")
    try:
        reader = create_reader(edition_dir, paths.profile_dir(args.profile), app=app, start_page=start_page)
    except EditionError as exc:
        print(f"richtlijnenlezer: {exc}", file=sys.stderr)
        return 2
    window = reader.window
    page = (args.page or "").partition("#")[0]

    try:
        if args.smoke_test:
            return _smoke(app, window, page, args.all, started)
        window.show()
        return app.exec()
    finally:
        reader.close()


def _smoke(app, window, page: str, all_pages: bool, started: float) -> int:  # noqa: ANN001
    from reader.gui.smoke import SmokeRunner

    pages = list(window.edition.pages) if all_pages else [page or window.edition.home_page]
    missing = [p for p in pages if p not in window.edition.pages]
    if missing:
        print(f"richtlijnenlezer: no page {missing[0]!r} in this edition", file=sys.stderr)
        return 2
    result: dict[str, bool] = {}

    def done(ok: bool) -> None:
        result["ok"] = ok
        app.quit()

    window.resize(1200, 800)
    window.show()
    runner = SmokeRunner(window, pages, sys.stdout, started, done)
    runner.start()
    app.exec()
    return 0 if result.get("ok") else 1
