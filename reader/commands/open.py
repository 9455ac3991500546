"""`richtlijnenlezer open [--edition DIR | --corpus ID] [--profile DIR] [PAGE]` and its `--smoke-test` self-check.

Without a page, and with more than one corpus in the library, the window starts on its library page."""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no Qt at run time until a window is really wanted
    from PySide6.QtWidgets import QApplication

    from reader.core.library import Library
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.open")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open de lezer (standaard)")
    p.add_argument("page", nargs="?", help="page id to open, optionally with #anchor")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--edition", type=Path, help="edition directory (default: the bundled corpus)")
    which.add_argument("--corpus", metavar="ID", help="open deze richtlijnen uit de bibliotheek (zie 'library')")
    p.add_argument("--profile", type=Path, help="profile directory for user data (default: the platform's)")
    p.add_argument("--smoke-test", action="store_true", help="load page(s) headless and print one JSON line each")
    p.add_argument("--all", action="store_true", help="with --smoke-test: every page of the edition")


# A parent that measures our start-up (a benchmark) puts its `time.time()` from right before spawning us here.
SPAWN_TIME_ENV = "RICHTLIJNENLEZER_SPAWN_TIME"
# A spawn time further back than this before the start /proc gives was inherited from some earlier process: ignored.
STALE_SPAWN_S = 10.0


def process_start_time() -> float:
    """Wall-clock time at which this process started (for start-up measurements), the best source first.

    1. `RICHTLIJNENLEZER_SPAWN_TIME`: the spawning parent's clock, so the parent and we measure on one clock;
    2. /proc: `time.time() - (uptime - starttime / SC_CLK_TCK)`, good to 10 ms (not /proc/stat's `btime`, which is
       whole seconds and puts the start up to a second too early);
    3. the time this module was imported.
    """
    from_proc = proc_start_time()
    spawned = _spawn_time(os.environ.get(SPAWN_TIME_ENV), from_proc)
    if spawned is not None:
        return spawned
    return from_proc if from_proc is not None else _IMPORT_TIME


def proc_start_time() -> float | None:
    """This process's start from /proc/self/stat and /proc/uptime (both count from boot), or None without /proc."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5), counted after the command name
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        now = time.time()
        return now - (uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def _spawn_time(value: str | None, from_proc: float | None) -> float | None:
    """The parent's spawn time from the environment, when it is a number that can belong to this process."""
    if not value:
        return None
    try:
        spawned = float(value)
    except ValueError:
        return None
    if not math.isfinite(spawned) or spawned > time.time():
        return None
    if from_proc is not None and from_proc - spawned > STALE_SPAWN_S:
        return None
    return spawned


_IMPORT_TIME = time.time()


def resolve_edition(args: argparse.Namespace) -> Path:
    from reader.editions import default_edition

    if args.edition:
        return args.edition
    if args.corpus:
        from reader.core.library import LibraryError
        from reader.library import default_library

        shelf = default_library().shelf(args.corpus)
        if shelf is None:
            raise LibraryError("library-no-corpus", corpus=args.corpus)
        return shelf.current.path
    return default_edition()


def start_library(args: argparse.Namespace) -> Library | None:
    """The library, when the window starts on its library page (see reader.gui.library.rows.start_view); else
    None. Lists the manifests of the installed editions, nothing more."""
    if args.smoke_test or args.edition:
        return None
    from reader.gui.library.rows import LIBRARY, start_view
    from reader.library import default_library

    library = default_library()
    if start_view(len(library.corpora()), bool(args.page), bool(args.corpus)) != LIBRARY:
        return None
    return library


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
    from reader.core.library import LibraryError
    from reader.messages import describe

    try:
        edition_dir = resolve_edition(args)
        library = start_library(args)
    except (EditionError, LibraryError) as exc:
        print(f"richtlijnenlezer: {describe(exc)}", file=sys.stderr)
        return 2
    from reader.gui.app import create_application, create_reader

    app = create_application([sys.argv[0]], offscreen=args.smoke_test and not has_display())
    # A normal start loads its first page (the one asked for, else the last one read) while the window is built;
    # one on the library page loads none.
    start_page = None if args.smoke_test or library is not None else (args.page or "")
    try:
        reader = create_reader(edition_dir, paths.profile_dir(args.profile), app=app, start_page=start_page)
    except EditionError as exc:
        print(f"richtlijnenlezer: {describe(exc)}", file=sys.stderr)
        return 2
    window = reader.window
    page = (args.page or "").partition("#")[0]

    try:
        if args.smoke_test:
            return _smoke(app, window, page, args.all, started)
        if library is not None:
            window.corpora.library = library
            window.corpora.show_library(fill_soon=True)  # listed once the window is up
        window.show_first()
        return app.exec()
    finally:
        reader.close()


def _smoke(app: QApplication, window: MainWindow, page: str, all_pages: bool, started: float) -> int:
    from reader.gui.smoke import SmokeRunner

    pages = list(window.edition.pages) if all_pages else [page or window.edition.home_page]
    if not window.edition.pages:
        # Nothing to load: the runner would be done before app.exec() starts, and exec would then wait forever.
        print("richtlijnenlezer: this edition has no pages; nothing to test", file=sys.stderr)
        return 1
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
