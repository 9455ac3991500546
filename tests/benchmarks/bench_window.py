"""Window benchmark: start-up, page switching and memory of the reader against a bare QWebEngineView, in one run.

    .venv/bin/python tests/benchmarks/bench_window.py [--runs 5] [--edition DIR]

Targets (issue 6):
- start-up, process start to the first page loaded, at most 1.5x a bare QWebEngineView that loads one small page
  through a scheme handler (median of the runs, measured alternately in the same run);
- moving between pages (contents click to loadFinished), median at most 50 ms on NeRDS pages;
- proportional set size of the whole process tree (the app and its QtWebEngine processes, from
  /proc/<pid>/smaps_rollup) after 20 pages, at most 1.3x that of the bare view after one page.
Each measurement runs in a fresh child process (this script with --child); the parent prints one JSON object.

The clock for start-up, the same for both sides: the parent's `time.time()` taken right before it spawns a child (also
handed to the child in RICHTLIJNENLEZER_SPAWN_TIME, as the reader's own smoke test would use it), and the child's
`time.time()` at its first loadFinished, which it reports. Not /proc/stat's `btime`: that is whole seconds, so every
figure carried an error of up to a second that pulled the ratio towards 1. Runs alternate between the two sides (and
which side goes first), so both see the same machine state.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NERDS = REPO.parent / "shared" / "corpora" / "nerds-2026-03"
SETTLE_MS = 1500  # let the renderer finish its work before reading memory
SPAWN_TIME_ENV = "RICHTLIJNENLEZER_SPAWN_TIME"  # as reader.commands.open reads it


# -- measurements shared by both children ---------------------------------------------------------------------
def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_pss_kib(root: int) -> dict:
    """PSS in KiB of `root` and each of its descendants (labelled by Chromium's --type=), and their sum."""
    tree = _children()
    todo, seen, parts = [root], set(), []
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        todo.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().decode(errors="replace").split("\0")
            kind = next((a[len("--type="):] for a in args if a.startswith("--type=")), "main")
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                pss = next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            continue
        parts.append({"kind": kind, "pss_kib": pss})
    return {"pss_kib": sum(p["pss_kib"] for p in parts), "processes": parts}


def _env_for_children() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # Both children get the reader's Chromium flags, so the comparison is about the reader, not the flags.
    env.setdefault(
        "QTWEBENGINE_CHROMIUM_FLAGS",
        "--disable-background-networking --disable-component-update --disable-sync --no-pings"
        " --disable-domain-reliability",
    )
    env.setdefault("QT_LOGGING_RULES", "qt.webenginecontext.debug=false")
    return env


# -- child: the bare view -------------------------------------------------------------------------------------
BARE_PAGE = (
    b"<!doctype html><html><head><title>bare</title></head><body><h1>Bare</h1><p>One small page.</p></body></html>"
)


def child_bare() -> dict:
    from bare_view import bare_view  # beside this file (the script's folder is on sys.path)
    from PySide6.QtCore import QTimer, QUrl

    app, view, page = bare_view(lambda _name: BARE_PAGE)
    result: dict = {}

    def loaded(ok: bool) -> None:
        if "first_load_at" in result:
            return
        result["first_load_at"] = time.time()  # the parent subtracts its spawn time
        result["ok"] = ok
        QTimer.singleShot(SETTLE_MS, measure)

    def measure() -> None:
        result["memory"] = tree_pss_kib(os.getpid())
        app.quit()

    page.loadFinished.connect(loaded)
    view.show()
    view.load(QUrl("bare://host/index.html"))
    QTimer.singleShot(30000, app.quit)
    app.exec()
    view.close()
    return result


# -- child: the reader ----------------------------------------------------------------------------------------
def child_reader(edition: Path, profile: Path, switches: int, memory_pages: int = 20) -> dict:
    from reader.gui.app import create_application, create_reader

    app = create_application(["richtlijnenlezer"], offscreen=True)
    # As the open command starts: the first page starts loading while the window is built.
    reader = create_reader(edition, profile, app=app, start_page="")
    window = reader.window
    from PySide6.QtCore import QTimer

    result: dict = {"switch_ms": []}
    items = [(pid, item) for pid, item in window.contents._items.items()]
    state = {"phase": "start", "i": 0, "t0": 0.0}

    def next_switch() -> None:
        i = state["i"]
        if i >= switches:
            state["phase"] = "settle"
            QTimer.singleShot(SETTLE_MS, measure)
            return
        # Skip the page already shown: the next contents entry always opens another page.
        page_id, item = items[(i + 1) % len(items)]
        if page_id == window.current_page_id():
            page_id, item = items[(i + 2) % len(items)]
        state["t0"] = time.perf_counter()
        window.contents.itemClicked.emit(item, 0)

    def loaded(page_id: str, ok: bool) -> None:
        if state["phase"] == "start":
            result["first_load_at"] = time.time()  # the parent subtracts its spawn time
            result["ok"] = ok
            state["phase"] = "switch"
            QTimer.singleShot(300, next_switch)  # let the first page settle (scripts, sidebar) before timing
            return
        if state["phase"] == "switch":
            result["switch_ms"].append((time.perf_counter() - state["t0"]) * 1000.0)
            result["ok"] = result["ok"] and ok
            state["i"] += 1
            if 1 + state["i"] == memory_pages:
                # Memory after `memory_pages` pages, then carry on switching.
                QTimer.singleShot(SETTLE_MS, measure_memory)
            else:
                # A reader does not click 20 times a second; a short pause keeps the runs independent.
                QTimer.singleShot(30, next_switch)

    def measure_memory() -> None:
        result["memory"] = tree_pss_kib(os.getpid())
        result["memory"]["pages_opened"] = memory_pages
        next_switch()

    def measure() -> None:
        if "memory" not in result:
            measure_memory()
            return
        app.quit()

    window.page_loaded.connect(loaded)
    window.resize(1200, 800)
    window.show()
    QTimer.singleShot(120000, app.quit)
    app.exec()
    window.close()
    return result


# -- parent ---------------------------------------------------------------------------------------------------
def run_child(args: list[str]) -> dict:
    """Run one child; its result with `startup_ms`: from our clock right before the spawn to its first page loaded."""
    env = _env_for_children()
    spawned = time.time()
    env[SPAWN_TIME_ENV] = repr(spawned)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("{"):
            result = json.loads(line)
            result["startup_ms"] = (result["first_load_at"] - spawned) * 1000.0
            return result
    raise RuntimeError(f"child {args} failed ({proc.returncode}): {proc.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edition", type=Path)
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()

    if args.child is not None:
        kind = args.child[0]
        if kind == "bare":
            out = child_bare()
        else:
            out = child_reader(Path(args.child[1]), Path(args.child[2]), int(args.child[3]), 20)
        print(json.dumps(out))
        return 0

    # As an installed reader has it (pip and PyInstaller ship compiled modules, and Python caches them after the
    # first start): without this, PYTHONDONTWRITEBYTECODE (set on these machines) made every reader run compile its
    # ~70 modules from source, ~55 ms that no user waits for, while the bare view has none of its own.
    import compileall

    compileall.compile_dir(str(REPO / "reader"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="bench-window-") as tmp:
        edition = args.edition
        if edition is None:
            from reader import paths
            from reader.core.edition import build_edition

            edition = Path(tmp) / "nerds"
            build_edition(NERDS, edition, icons_dir=paths.icons_dir())
        # One warm-up of each (cold disk cache), then alternate so that both see the same machine state.
        run_child(["bare"])
        run_child(["reader", str(edition), str(Path(tmp) / "warm"), "1"])
        bare, readers = [], []
        for run in range(args.runs):
            # A fresh profile each run: no last page, no zoom, the plain first start.
            reader_args = ["reader", str(edition), str(Path(tmp) / f"profile-{run}"), str(args.switches)]
            # Alternate which side goes first, so neither always runs right after the other.
            if run % 2:
                readers.append(run_child(reader_args))
                bare.append(run_child(["bare"]))
            else:
                bare.append(run_child(["bare"]))
                readers.append(run_child(reader_args))

    bare_start = statistics.median(b["startup_ms"] for b in bare)
    reader_start = statistics.median(r["startup_ms"] for r in readers)
    switches = [ms for r in readers for ms in r["switch_ms"]]
    switch_median = statistics.median(switches)
    switch_p90 = sorted(switches)[int(0.9 * (len(switches) - 1))]
    bare_pss = statistics.median(b["memory"]["pss_kib"] for b in bare) / 1024
    reader_pss = statistics.median(r["memory"]["pss_kib"] for r in readers) / 1024

    def by_kind(runs: list[dict]) -> dict[str, float]:
        kinds: dict[str, list[float]] = {}
        for r in runs:
            for part in r["memory"]["processes"]:
                kinds.setdefault(part["kind"], []).append(part["pss_kib"] / 1024)
        return {k: round(sum(v) / len(runs), 1) for k, v in kinds.items()}

    report = {
        "runs": args.runs,
        "startup": {
            "clock": "parent's time.time() right before spawning -> child's time.time() at its first loadFinished",
            "bytecode": "reader/ compiled ahead (compileall), as installed",
            "bare_ms": [round(b["startup_ms"], 1) for b in bare],
            "reader_ms": [round(r["startup_ms"], 1) for r in readers],
            "bare_median_ms": round(bare_start, 1),
            "reader_median_ms": round(reader_start, 1),
            "ratio": round(reader_start / bare_start, 2),
            # Each reader run next to its bare run: the median of those ratios is steadier on a busy machine.
            "median_pair_ratio": round(
                statistics.median(r["startup_ms"] / b["startup_ms"] for b, r in zip(bare, readers, strict=True)), 2
            ),
            "target_ratio": 1.5,
        },
        "page_switch": {
            "n": len(switches),
            "median_ms": round(switch_median, 1),
            "p90_ms": round(switch_p90, 1),
            "max_ms": round(max(switches), 1),
            "target_median_ms": 50,
        },
        "memory": {
            "bare_pss_mib_after_1_page": round(bare_pss, 1),
            "reader_pss_mib_after_pages": round(reader_pss, 1),
            "reader_pages_opened": readers[0]["memory"]["pages_opened"],
            "mean_mib_by_process_kind": {"bare": by_kind(bare), "reader": by_kind(readers)},
            "ratio": round(reader_pss / bare_pss, 2),
            "target_ratio": 1.3,
        },
        "all_loads_ok": all(b["ok"] for b in bare) and all(r["ok"] for r in readers),
    }
    report["startup"]["ok"] = report["startup"]["ratio"] <= 1.5
    report["page_switch"]["ok"] = switch_median <= 50
    report["memory"]["ok"] = report["memory"]["ratio"] <= 1.3
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
