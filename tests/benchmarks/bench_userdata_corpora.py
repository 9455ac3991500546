"""Benchmark of user data per corpus (issue 14), side by side with baselines measured in the same run.

- migrate: a version 2 profile (10,000 bookmarks, 100,000 visits, 5,000 checklist rows) to version 3 plus the claim
  by the first corpus, once per copy of the file; baselines: opening the migrated profile (every later start) and
  SQLite's own `VACUUM INTO` of the same file (rewriting every row at disk speed).
- start: what the window does at start (`UserData.open(corpus_id=...)` + `mark_edition_opened` of the same edition)
  against `UserData.open(corpus_id=...)` alone and a bare sqlite3 connect.
- scoped reads: bookmarks(), folders() and recent(20) of one corpus in a profile of five corpora, each as big as the
  one-corpus profile, against the same reads in that one-corpus profile.
- corpus_counts: the library page's one query, ten corpora.

    .venv/bin/python tests/benchmarks/bench_userdata_corpora.py [--rounds N]

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from reader.core.userdata import DB_NAME, UserData, schema

N_BOOKMARKS = 10_000
N_HISTORY = 100_000
N_CHECKLIST = 5_000


def _ms(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {"median_ms": round(statistics.median(samples) * 1000, 3),
            "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)] * 1000, 3), "n": len(samples)}


def _time(fn: Callable[[], object], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _rows(corpus: str | None) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]:
    prefix = () if corpus is None else (corpus,)
    bookmarks = [(*prefix, f"richtlijnen/pagina-{i}", f"kop-{i % 7}" if i % 3 else "", f"Bladwijzer {i}",
                  "notitie " * (i % 5), f"Map {i % 40}" if i % 4 else "", 1.7e9 + i, 1.7e9 + i)
                 for i in range(N_BOOKMARKS)]
    history = [(*prefix, f"richtlijnen/pagina-{i % 2000}", f"Pagina {i % 2000}", 1.7e9 + i) for i in range(N_HISTORY)]
    checklist = [(*prefix, f"richtlijnen/pagina-{i % 500}", f"k{i}", i % 2, 1.7e9 + i) for i in range(N_CHECKLIST)]
    return bookmarks, history, checklist


def make_v2_profile(profile: Path) -> None:
    profile.mkdir(parents=True)
    conn = sqlite3.connect(profile / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema._migrate(conn, target=2)
    bookmarks, history, checklist = _rows(None)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO bookmarks (page_id, anchor, title, note, folder, created, updated)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)", bookmarks)
    conn.execute("INSERT INTO folders (name, created) SELECT DISTINCT folder, 0 FROM bookmarks WHERE folder <> ''")
    conn.executemany("INSERT INTO history (page_id, title, visited) VALUES (?, ?, ?)", history)
    conn.executemany("INSERT INTO checklist (page_id, item_key, checked, updated) VALUES (?, ?, ?, ?)", checklist)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def make_v3_profile(profile: Path, corpora: list[str]) -> None:
    with UserData.open(profile, corpus_id=corpora[0]) as data:
        with data._write() as conn:
            for corpus in corpora:
                bookmarks, history, checklist = _rows(corpus)
                conn.executemany("INSERT INTO bookmarks (corpus_id, page_id, anchor, title, note, folder, created,"
                                 " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", bookmarks)
                conn.executemany("INSERT INTO history (corpus_id, page_id, title, visited) VALUES (?, ?, ?, ?)",
                                 history)
                conn.executemany("INSERT INTO checklist (corpus_id, page_id, item_key, checked, updated)"
                                 " VALUES (?, ?, ?, ?, ?)", checklist)
        data._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def bench_migrate(root: Path, rounds: int) -> dict[str, object]:
    template = root / "v2"
    make_v2_profile(template)
    size_mb = (template / DB_NAME).stat().st_size / 2**20
    migrate, claimed = [], 0
    for n in range(rounds):
        copy = root / f"migrate-{n}"
        shutil.copytree(template, copy)
        t0 = time.perf_counter()
        with UserData.open(copy, corpus_id="nerds") as data:
            claimed = data.claimed
        migrate.append(time.perf_counter() - t0)
    migrated = root / f"migrate-{rounds - 1}"

    def reopen() -> None:
        UserData.open(migrated, corpus_id="nerds").close()

    vacuum = []
    for n in range(rounds):
        target = root / f"vacuum-{n}.sqlite3"
        conn = sqlite3.connect(template / DB_NAME)
        t0 = time.perf_counter()
        conn.execute("VACUUM INTO ?", (str(target),))
        vacuum.append(time.perf_counter() - t0)
        conn.close()
    result = {"profile_mb": round(size_mb, 1), "rows_claimed": claimed, "migrate_and_claim": _ms(migrate),
              "baseline_open_migrated": _ms(_time(reopen, rounds)), "baseline_vacuum_into": _ms(vacuum)}
    result["ratio_migrate_vs_vacuum_into"] = round(statistics.median(migrate) / statistics.median(vacuum), 2)
    return result


def bench_start(root: Path, rounds: int) -> dict[str, object]:
    profile = root / "start"
    make_v3_profile(profile, ["nerds"])
    with UserData.open(profile, corpus_id="nerds") as data:
        data.mark_edition_opened("nerds", "hash@2026-03-01")

    def window_start() -> None:
        with UserData.open(profile, corpus_id="nerds") as data:
            data.mark_edition_opened("nerds", "hash@2026-03-01")

    def open_only() -> None:
        UserData.open(profile, corpus_id="nerds").close()

    def bare() -> None:
        conn = sqlite3.connect(profile / DB_NAME)
        conn.execute("PRAGMA user_version").fetchone()
        conn.close()

    samples = {name: _time(fn, rounds * 3) for name, fn in
               (("open_and_mark_edition", window_start), ("baseline_open_only", open_only),
                ("baseline_bare_connect", bare))}
    result: dict[str, object] = {name: _ms(s) for name, s in samples.items()}
    result["ratio_open_and_mark_vs_open"] = round(
        statistics.median(samples["open_and_mark_edition"]) / statistics.median(samples["baseline_open_only"]), 2)
    return result


def bench_scoped_reads(root: Path, rounds: int) -> dict[str, object]:
    one, five = root / "one", root / "five"
    make_v3_profile(one, ["nerds"])
    make_v3_profile(five, ["nerds", "algoritmekader", "material", "ai-validatie", "standaarden"])

    def reads(profile: Path) -> Callable[[], None]:
        data = UserData.open(profile, corpus_id="material" if profile == five else "nerds")

        def run() -> None:
            assert len(data.bookmarks()) == N_BOOKMARKS
            data.folders()
            assert len(data.recent(20)) == 20
        return run

    single, multi = _time(reads(one), rounds * 3), _time(reads(five), rounds * 3)
    return {"one_corpus_of_five": _ms(multi), "baseline_one_corpus_profile": _ms(single),
            "ratio": round(statistics.median(multi) / statistics.median(single), 2)}


def bench_counts(root: Path, rounds: int) -> dict[str, object]:
    profile = root / "counts"
    corpora = [f"corpus-{i}" for i in range(10)]
    with UserData.open(profile, corpus_id=corpora[0]) as data, data._write() as conn:
        for corpus in corpora:
            conn.executemany("INSERT INTO bookmarks (corpus_id, page_id, created, updated) VALUES (?, ?, 0, 0)",
                             [(corpus, f"p{i}") for i in range(1000)])
            conn.executemany("INSERT INTO checklist (corpus_id, page_id, item_key, checked, updated)"
                             " VALUES (?, ?, ?, 1, 0)", [(corpus, f"p{i % 50}", f"k{i}") for i in range(500)])
    data = UserData.open(profile, corpus_id=None)
    counts = data.corpus_counts()
    assert len(counts) == 10 and all(c.bookmarks == 1000 and c.checked_items == 500 for c in counts.values())
    return {"corpus_counts_10_corpora": _ms(_time(data.corpus_counts, rounds * 5))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-userdata-corpora-"))
    try:
        result = {
            "sizes": {"bookmarks": N_BOOKMARKS, "history": N_HISTORY, "checklist": N_CHECKLIST},
            "migrate": bench_migrate(root, args.rounds),
            "start": bench_start(root, args.rounds),
            "scoped_reads": bench_scoped_reads(root, args.rounds),
            "counts": bench_counts(root, args.rounds),
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
