"""Switching corpus in one window against switching page inside one corpus, in the same window and run.

    .venv/bin/python tests/benchmarks/bench_library_switch.py [--runs 21] [--work DIR]

Target (issue 14): switching corpus to its first page shown, median under 300 ms, measured against a page switch
inside one corpus. Two corpora from ../shared/corpora (NeRDS 2026-03 and ai-validation) are built into editions with
`richtlijnenlezer build` (kept in --work when given, so reruns skip it) and listed as the library of one reader
window (real QtWebEngine, offscreen). Each round, interleaved on one clock (time.perf_counter):

- page: `window.open_page(next page of the corpus being read)` to the window's `page_loaded` (the signal after the
  engine's loadFinished, as the sidebar and title follow it);
- corpus: `window.open_corpus(the other corpus)` to `page_loaded` of its first page (the page last read there): the
  scheme handler's root, contents, relations, search index, user data and title all follow within this time;
- back: the Back command right after a corpus switch, which returns to the previous corpus and restores its page
  history (Qt-streamed) to `page_loaded`.

One warm-up round is not counted (first load of each corpus's pages and of the lazily built panels). Prints one JSON
object: medians, p95 and max per kind, the ratio corpus/page of the medians, and whether the target is met.
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
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
NAMES = ("nerds-2026-03", "ai-validation-ea0c2e3")
TARGET_MS = 300.0


def build(work: Path) -> list[Path]:
    out = []
    for name in NAMES:
        edition = work / "editions" / name
        if not (edition / "manifest.json").is_file():
            subprocess.run([sys.executable, "-m", "reader", "build", str(CORPORA / name), "--out", str(edition)],
                           check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        out.append(edition)
    return out


def summary(values: list[float]) -> dict[str, Any]:
    ordered = sorted(values)
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))], 1),
        "max_ms": round(ordered[-1], 1),
        "min_ms": round(ordered[0], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--work", type=Path, help="keep built editions here (reused when present)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-library-switch-"))
    work.mkdir(parents=True, exist_ok=True)
    editions = build(work)

    from PySide6.QtCore import QEventLoop, QTimer

    from reader.core.library import USER, Library, LibraryFolder
    from reader.gui.app import create_application, create_reader

    library = Library([LibraryFolder(work / "editions", USER)])
    shelves = library.corpora()
    assert len(shelves) == 2, [s.corpus_id for s in shelves]
    app = create_application(["bench"], offscreen=True)
    profile = Path(tempfile.mkdtemp(prefix="bench-library-profile-"))
    reader = create_reader(editions[0], profile, app=app)
    window = reader.window
    window.corpora.library = library
    window.resize(1200, 800)
    window.show()

    def timed(action: Callable[[], object]) -> float:
        """ms from `action()` to the window's next page_loaded (ok)."""
        loop = QEventLoop()
        seen: list[float] = []

        def loaded(_page: str, ok: bool) -> None:
            if ok and not seen:
                seen.append(time.perf_counter())
                loop.quit()

        window.page_loaded.connect(loaded)
        QTimer.singleShot(20000, loop.quit)
        start = time.perf_counter()
        action()
        if not seen:
            loop.exec()
        window.page_loaded.disconnect(loaded)
        if not seen:
            raise RuntimeError("no page loaded within 20 s")
        return (seen[0] - start) * 1000

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    position = {s.corpus_id: 0 for s in shelves}

    def next_page() -> str:
        ids = list(window.edition.pages)
        position[window.edition.corpus_id] = (position[window.edition.corpus_id] + 1) % len(ids)
        return ids[position[window.edition.corpus_id]]

    def other_corpus() -> str:
        return next(s.corpus_id for s in shelves if s.corpus_id != window.edition.corpus_id)

    results: dict[str, list[float]] = {"page": [], "corpus": [], "back": []}
    first_corpus_switch = None
    timed(lambda: window.open_page(window.edition.home_page))
    for round_ in range(args.runs + 1):
        page_ms = timed(lambda: window.open_page(next_page()))
        settle()
        corpus_ms = timed(lambda: window.open_corpus(other_corpus()))
        settle()
        back_ms = timed(window.corpora.back)  # back into the corpus just left
        settle()
        timed(lambda: window.open_corpus(other_corpus()))  # and over again, so rounds alternate the corpus read
        settle()
        if round_ == 0:
            first_corpus_switch = corpus_ms
            continue
        results["page"].append(page_ms)
        results["corpus"].append(corpus_ms)
        results["back"].append(back_ms)
    page, corpus, back = (summary(results[k]) for k in ("page", "corpus", "back"))
    out = {
        "benchmark": "library_switch",
        "corpora": list(NAMES),
        "pages": {s.corpus_id: s.current.page_count for s in shelves},
        "runs": args.runs,
        "page_switch": page,
        "corpus_switch": corpus,
        "back_across_corpora": back,
        "first_corpus_switch_ms": round(first_corpus_switch or 0.0, 1),
        "ratio_corpus_to_page_median": round(corpus["median_ms"] / page["median_ms"], 2),
        "target_corpus_switch_median_ms": TARGET_MS,
        "target_met": corpus["median_ms"] < TARGET_MS,
    }
    print(json.dumps(out, indent=2))
    reader.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
