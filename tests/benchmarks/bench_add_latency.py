"""Add-from-the-window benchmark: how long the window's event loop is blocked while guidelines are installed.

    .venv/bin/python tests/benchmarks/bench_add_latency.py [--runs 3] [--pages 400] [--diff-pages 2000] [--out FILE]

Target (issue 14): event-loop latency under 100 ms throughout an install started from the window.
A 10 ms PreciseTimer records the gap between its ticks (a gap of g ms means the loop was blocked about g - 10 ms)
in the reader's real window (QtWebEngine, offscreen, the bundled edition shown), for each corpus (NeRDS 2026-03 from
../shared/corpora and a generated corpus) and, side by side in the same run, alternating:
- "idle": the window doing nothing for as long as an install took (the floor on this machine);
- "process": the add dialog's real install, a separate `richtlijnenlezer install --progress-json` process (what the
  window does);
- "thread": the same install called in a Python thread of the window's process (the design we did not take: the
  build holds the GIL, so the loop waits for it).
Prints one JSON object: per corpus and side the median over the runs of the max gap, p99 gap and install seconds.
Each install goes into a fresh library folder of its own (temporary), so every run builds the whole corpus.

The same gaps while "Wat is er veranderd" works out a diff (section "changes"): NeRDS 2025-12 -> 2026-03 and two
generated editions (`--diff-pages`, every 20th page's text changed), diffed and rendered to the page's HTML
- "worker": in the changes page's worker thread (what the window does), until the page has loaded;
- "gui_thread": diff_editions and the rendering called in the GUI thread (the baseline: the loop waits for all of it).

And while a pack is verified before it is installed (section "verify"; the packs of the new editions above, unsigned):
in the add dialog's worker thread against the same call in the GUI thread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
NERDS = REPO.parent / "shared" / "corpora" / "nerds-2026-03"
NERDS_OLD = REPO.parent / "shared" / "corpora" / "nerds-2025-12"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_corpus and event_loop_gaps live next to this file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
_TMP = Path(tempfile.mkdtemp(prefix="rl-bench-add-"))
os.environ["RICHTLIJNENLEZER_PROFILE"] = str(_TMP / "profile")
os.environ["RICHTLIJNENLEZER_CACHE"] = str(_TMP / "cache")
os.environ["RICHTLIJNENLEZER_MACHINE_DIR"] = str(_TMP / "machine")


def event_loop_gaps() -> Any:
    from event_loop_gaps import EventLoopGaps  # beside this file (sys.path above)

    return EventLoopGaps()


def _wait(app: Any, done: Any, timeout: float = 600.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() > end:
            raise TimeoutError


def run_process(app: Any, window: Any, source: Path, library: Path) -> dict[str, Any]:
    from reader.gui.library.add_dialog import AddDialog

    os.environ["RICHTLIJNENLEZER_USER_EDITIONS"] = str(library)
    dialog = AddDialog(window, library_folder=library)
    outcome: list[str] = []
    dialog.install_finished.connect(outcome.append)
    gaps = event_loop_gaps()
    gaps.start()
    start = time.perf_counter()
    dialog.add(source)
    _wait(app, lambda: bool(outcome))
    seconds = time.perf_counter() - start
    result = gaps.stop() | {"seconds": round(seconds, 2), "outcome": outcome[0]}
    dialog.deleteLater()
    return result


def run_thread(app: Any, source: Path, library: Path) -> dict[str, Any]:
    from reader import paths
    from reader.core.library import USER, Library, LibraryFolder, install

    done: list[str] = []

    def job() -> None:
        try:
            install(Library([LibraryFolder(library, USER)]), source, icons_dir=paths.icons_dir())
            done.append("done")
        except Exception as exc:  # reported in the JSON
            done.append(f"failed: {exc}")

    gaps = event_loop_gaps()
    gaps.start()
    start = time.perf_counter()
    thread = threading.Thread(target=job)
    thread.start()
    _wait(app, lambda: bool(done))
    thread.join()
    seconds = time.perf_counter() - start
    return gaps.stop() | {"seconds": round(seconds, 2), "outcome": done[0]}


def run_idle(app: Any, seconds: float) -> dict[str, Any]:
    gaps = event_loop_gaps()
    gaps.start()
    end = time.perf_counter() + seconds
    _wait(app, lambda: time.perf_counter() >= end)
    return gaps.stop() | {"seconds": round(seconds, 2), "outcome": "idle"}


def changed_copy(source: Path, out: Path) -> Path:
    """`source` with every 20th page's text changed (a word replaced in its body, one sentence appended)."""
    import shutil

    shutil.copytree(source, out)
    pages = sorted((out / "docs").rglob("*.md"))
    for n, page in enumerate(pages):
        if n % 20 == 7:
            text = page.read_text(encoding="utf-8")
            head, sep, body = text.partition("\n---\n")
            body = body.replace(" de ", " een ", 3) + "\n\nDeze zin is nieuw in de tweede editie.\n"
            page.write_text(head + sep + body, encoding="utf-8")
    return out


def run_changes_worker(app: Any, window: Any, old: Path, new: Path) -> dict[str, Any]:
    from reader.gui.library.changes_page import ChangesController

    controller = ChangesController(window)  # a fresh one: nothing cached
    loaded: list[bool] = []
    window.page.loadFinished.connect(loaded.append)
    gaps = event_loop_gaps()
    gaps.start()
    start = time.perf_counter()
    controller.show(old, new)
    _wait(app, lambda: bool(loaded))
    seconds = time.perf_counter() - start
    window.page.loadFinished.disconnect(loaded.append)
    controller.deleteLater()
    return gaps.stop() | {"seconds": round(seconds, 2), "outcome": "loaded" if loaded[0] else "failed"}


def run_changes_gui_thread(app: Any, old: Path, new: Path) -> dict[str, Any]:
    from reader.core.diff import diff_editions
    from reader.gui.library.changes_html import changes_document, marked_items

    gaps = event_loop_gaps()
    gaps.start()
    start = time.perf_counter()
    app.processEvents()
    diff = diff_editions(old, new)
    changes_document(diff, marked_items(diff, [], {}))
    app.processEvents()
    seconds = time.perf_counter() - start
    return gaps.stop() | {"seconds": round(seconds, 2), "outcome": f"{len(diff.changed)} changed"}


def run_verify(app: Any, pack: Path, in_worker: bool) -> dict[str, Any]:
    from reader.gui.library.add_dialog import verify_pack
    from reader.gui.library.worker import Worker

    done: list[object] = []
    gaps = event_loop_gaps()
    gaps.start()
    start = time.perf_counter()
    if in_worker:
        worker = Worker(lambda: verify_pack(pack))
        worker.succeeded.connect(done.append)
        worker.failed.connect(done.append)
        worker.start_job()
        _wait(app, lambda: bool(done))
    else:
        app.processEvents()
        done.append(verify_pack(pack))
        app.processEvents()
    seconds = time.perf_counter() - start
    return gaps.stop() | {"seconds": round(seconds, 3), "outcome": getattr(done[0], "status", repr(done[0]))}


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {key: statistics.median(r[key] for r in runs) for key in ("max_ms", "p99_ms", "seconds")} | {
        "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=400, help="pages of the generated corpus")
    parser.add_argument("--diff-pages", type=int, default=2000, help="pages of the generated pair for 'changes'")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    from gen_corpus import generate

    from reader import paths
    from reader.core.edition import build_edition
    from reader.gui.app import create_application, create_context, create_reader

    sources = {}
    if NERDS.is_dir():
        sources["nerds-2026-03"] = NERDS
    sources[f"generated-{args.pages}"] = generate(_TMP / "gen", args.pages, seed=3)
    edition = _TMP / "edition"
    build_edition(REPO / "content", edition, icons_dir=paths.icons_dir())

    app = create_application(["bench"], offscreen=True)
    context = create_context(app)
    reader = create_reader(edition, _TMP / "profile", context=context)
    window = reader.window
    window.resize(1200, 800)
    window.show()
    loaded: list[bool] = []
    window.page_loaded.connect(lambda _page, ok: loaded.append(ok))
    window.open_page(window.edition.home_page)
    _wait(app, lambda: bool(loaded), 60)
    run_idle(app, 1.0)  # let the window finish its after-load work

    results: dict[str, Any] = {}
    for name, source in sources.items():
        sides: dict[str, list[dict[str, Any]]] = {"idle": [], "process": [], "thread": []}
        for n in range(args.runs):
            order = ["process", "thread"] if n % 2 == 0 else ["thread", "process"]
            for side in order:
                library = _TMP / f"lib-{name}-{side}-{n}"
                if side == "process":
                    sides[side].append(run_process(app, window, source, library))
                else:
                    sides[side].append(run_thread(app, source, library))
            sides["idle"].append(run_idle(app, sides["process"][-1]["seconds"]))
        summary = {side: _median(runs) for side, runs in sides.items()}
        process, idle, thread = summary["process"], summary["idle"], summary["thread"]
        results[name] = summary | {
            "process_max_over_idle_max": round(process["max_ms"] / max(idle["max_ms"], 0.1), 2),
            "thread_max_over_process_max": round(thread["max_ms"] / max(process["max_ms"], 0.1), 2),
            "target_met": process["max_ms"] < 100,
        }
    changes: dict[str, Any] = {}
    verify: dict[str, Any] = {}
    pairs = {}
    if NERDS.is_dir() and NERDS_OLD.is_dir():
        pairs["nerds-2025-12->2026-03"] = (NERDS_OLD, NERDS)
    generated = generate(_TMP / "gen-diff", args.diff_pages, seed=5)
    pairs[f"generated-{args.diff_pages}-5pct"] = (generated, changed_copy(generated, _TMP / "gen-diff-changed"))
    for name, (old_source, new_source) in pairs.items():
        old_edition, new_edition = _TMP / f"{name}-old", _TMP / f"{name}-new"
        build_edition(old_source, old_edition, icons_dir=paths.icons_dir(), keep_going=True)
        build_edition(new_source, new_edition, icons_dir=paths.icons_dir(), keep_going=True)
        sides = {"worker": [], "gui_thread": []}
        for n in range(args.runs):
            for side in (["worker", "gui_thread"] if n % 2 == 0 else ["gui_thread", "worker"]):
                if side == "worker":
                    sides[side].append(run_changes_worker(app, window, old_edition, new_edition))
                else:
                    sides[side].append(run_changes_gui_thread(app, old_edition, new_edition))
        summary = {side: _median(runs) for side, runs in sides.items()}
        changes[name] = summary | {
            "gui_thread_max_over_worker_max": round(summary["gui_thread"]["max_ms"] / max(
                summary["worker"]["max_ms"], 0.1), 2),
            "target_met": summary["worker"]["max_ms"] < 100,
        }
        from reader.core.pack import write_pack

        pack = _TMP / f"{name}.rlpack"
        info = write_pack(new_edition, pack)
        runs_of: dict[str, list[dict[str, Any]]] = {"worker": [], "gui_thread": []}
        for n in range(args.runs):
            for side in (["worker", "gui_thread"] if n % 2 == 0 else ["gui_thread", "worker"]):
                runs_of[side].append(run_verify(app, pack, side == "worker"))
        verify[name] = {side: _median(runs) for side, runs in runs_of.items()} | {
            "pack_bytes": info.pack_bytes, "files": info.files,
            "target_met": statistics.median(r["max_ms"] for r in runs_of["worker"]) < 100,
        }
    reader.close()
    report = {"benchmark": "add_latency", "timer_interval_ms": 10, "runs": args.runs, "cpus": os.cpu_count(),
              "corpora": results, "changes": changes, "verify": verify}
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
