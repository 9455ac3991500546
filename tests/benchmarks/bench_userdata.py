"""Benchmark of the user data store, against a bare-SQLite baseline measured in the same run.

Targets (issue 7): adding a bookmark or ticking a box returns in < 5 ms median; opening a profile with 10,000
bookmarks and 100,000 history entries takes < 200 ms. Prints one JSON object.

    .venv/bin/python tests/benchmarks/bench_userdata.py [--gui] [--rounds N]

`--gui` also times the Bladwijzers tab (offscreen): building it on the big profile and adding a bookmark through it.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.core.userdata import DB_NAME, ImportRecord, UserData, item_keys

N_BOOKMARKS = 10_000
N_HISTORY = 100_000


def _ms(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "median_ms": round(statistics.median(samples) * 1000, 3),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1] * 1000, 3),
        "n": len(samples),
    }


def fill_big_profile(profile: Path) -> None:
    with UserData.open(profile, corpus_id="bench") as data:
        data.import_bookmarks(
            [ImportRecord(f"richtlijnen/pagina-{i}", f"kop-{i % 7}" if i % 3 else "", title=f"Bladwijzer {i}",
                          note="notitie " * (i % 5), folder=f"Map {i % 40}" if i % 4 else "",
                          section_hash="%064x" % i) for i in range(N_BOOKMARKS)]
        )
        # History rows go in with plain SQL in one transaction (record_visit per row would take minutes).
        with data._write() as conn:
            conn.executemany(
                "INSERT INTO history (corpus_id, page_id, title, visited) VALUES ('bench', ?, ?, ?)",
                ((f"richtlijnen/pagina-{i % 2000}", f"Pagina {i % 2000}", 1_700_000_000.0 + i)
                 for i in range(N_HISTORY)),
            )


def bench_baseline(directory: Path, rounds: int) -> dict[str, object]:
    """Bare sqlite3: the same durability settings (WAL, synchronous=FULL), one INSERT + COMMIT per sample."""
    path = directory / "baseline.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c REAL)")
    samples = []
    for i in range(rounds):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", (f"p{i}", "x", time.time()))
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - t0)
    conn.close()
    return _ms(samples)


def bench_writes(profile: Path, rounds: int) -> dict[str, object]:
    with UserData.open(profile, corpus_id="bench") as data:
        add, tick, visit = [], [], []
        keys = item_keys([f"item {i}" for i in range(rounds)])
        for i in range(rounds):
            t0 = time.perf_counter()
            data.add_bookmark(f"bench/nieuw-{i}", "kop", title=f"Nieuw {i}", folder="Bench")
            add.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            data.set_item("bench/checklist", keys[i], i % 2 == 0, f"item {i}")
            tick.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            data.record_visit(f"bench/pagina-{i % 3}", "Pagina")
            visit.append(time.perf_counter() - t0)
    return {"add_bookmark": _ms(add), "tick": _ms(tick), "record_visit": _ms(visit)}


_OPEN_CHILD = """
import sys, time, json
t0 = time.perf_counter()
from reader.core.userdata import UserData
t1 = time.perf_counter()
data = UserData.open(sys.argv[1], corpus_id="bench")
t2 = time.perf_counter()
marks = data.bookmarks(); recent = data.recent(20); folders = data.folders()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "open": t2 - t1, "first_read": t3 - t2, "n": len(marks)}))
"""

_BASE_OPEN_CHILD = """
import sys, time, json, sqlite3
t0 = time.perf_counter()
conn = sqlite3.connect(sys.argv[1]); conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
t1 = time.perf_counter()
print(json.dumps({"open": t1 - t0}))
"""


def bench_open(profile: Path, rounds: int) -> dict[str, object]:
    """Each sample in a fresh process, as at start-up (the OS file cache is warm after the first)."""
    opens, reads, base = [], [], []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", _OPEN_CHILD, str(profile)], capture_output=True, text=True,
                             check=True).stdout
        r = json.loads(out)
        opens.append(r["open"])
        reads.append(r["first_read"])
        out = subprocess.run([sys.executable, "-c", _BASE_OPEN_CHILD, str(profile / DB_NAME)], capture_output=True,
                             text=True, check=True).stdout
        base.append(json.loads(out)["open"])
    return {"open": _ms(opens), "first_read_all_bookmarks_recent_folders": _ms(reads),
            "baseline_bare_connect": _ms(base)}


def bench_gui(profile: Path, rounds: int, n_bookmarks: int = N_BOOKMARKS) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.gui.sidebar.bookmarks import BookmarksPanel

    app = QApplication.instance() or QApplication(["bench"])
    with UserData.open(profile, corpus_id="bench") as data:
        ids = {f"richtlijnen/pagina-{i}" for i in range(n_bookmarks)}
        t0 = time.perf_counter()
        panel = BookmarksPanel(data, ids, lambda p, a: None)
        build = time.perf_counter() - t0
        panel.resize(320, 700)
        t0 = time.perf_counter()
        panel.show()
        app.processEvents()
        first_show = time.perf_counter() - t0
        adds, deletes = [], []
        for i in range(rounds):
            t0 = time.perf_counter()
            b = panel.add_bookmark(f"gui/nieuw-{i}", "", f"Nieuw {i}")
            app.processEvents()
            adds.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            panel.delete_bookmarks([b.id])
            app.processEvents()
            deletes.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        panel.filter_edit.setText("bladwijzer 99")
        app.processEvents()
        filt = time.perf_counter() - t0
        data_count = data.bookmark_count()
        panel.deleteLater()
        app.processEvents()
    return {"bookmarks": data_count, "panel_build_ms": round(build * 1000, 1),
            "panel_first_show_ms": round(first_show * 1000, 1), "panel_add_bookmark": _ms(adds),
            "panel_delete_bookmark": _ms(deletes), "panel_filter_ms": round(filt * 1000, 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--open-rounds", type=int, default=7)
    parser.add_argument("--gui", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-userdata-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        fill_big_profile(root / "big")
        fill_s = time.perf_counter() - t0
        result: dict[str, object] = {
            "sqlite": sqlite3.sqlite_version,
            "profile": {"bookmarks": N_BOOKMARKS, "history": N_HISTORY, "fill_s": round(fill_s, 2),
                        "size_mb": round((root / "big" / DB_NAME).stat().st_size / 1e6, 1)},
            "baseline_insert_commit": bench_baseline(root, args.rounds),
        }
        result.update(bench_writes(root / "big", args.rounds))
        result["open_big_profile"] = bench_open(root / "big", args.open_rounds)
        base = result["baseline_insert_commit"]["median_ms"]  # type: ignore[index]
        result["ratios_vs_baseline"] = {
            k: round(result[k]["median_ms"] / base, 2) if base else None  # type: ignore[index]
            for k in ("add_bookmark", "tick", "record_visit")
        }
        open_ms = result["open_big_profile"]["open"]["median_ms"]  # type: ignore[index]
        result["targets"] = {
            "add_bookmark_under_5ms": result["add_bookmark"]["median_ms"] < 5,  # type: ignore[index]
            "tick_under_5ms": result["tick"]["median_ms"] < 5,  # type: ignore[index]
            "open_under_200ms": open_ms < 200,
        }
        if args.gui:
            # A typical profile (200 bookmarks) and the big one.
            with UserData.open(root / "small", corpus_id="bench") as small:
                small.import_bookmarks([ImportRecord(f"richtlijnen/pagina-{i}", title=f"Bladwijzer {i}",
                                                     folder=f"Map {i % 8}" if i % 3 else "") for i in range(200)])
            result["gui_200_bookmarks"] = bench_gui(root / "small", min(args.rounds, 50), 200)
            result["gui_10k_bookmarks"] = bench_gui(root / "big", min(args.rounds, 50))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
