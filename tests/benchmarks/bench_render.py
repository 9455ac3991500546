"""Rendering benchmark: the NeRDS edition, and linearity on generated corpora.

    .venv/bin/python tests/benchmarks/bench_render.py [--sizes 250,1000,4000] [--repeat 5]

Prints one JSON object. For every corpus it times, in the same run:
- `render_s`: `render_page` + `page_document` for every page (what an edition build spends on rendering);
- `baseline_s`: plain `markdown.markdown(body)` with no extensions on the same bodies (the floor);
- `ratio`: render / baseline.
For NeRDS it also times a whole `build_edition` (import, render, index, write). Linearity: `per_page_ms` at each
size, and `growth` = per-page time at the largest size / at the smallest (1.0 = perfectly linear), taken from the
median per-page time over 250-page chunks (`chunk_median_ms`) so a load spike on a shared machine does not decide it.
Totals are medians of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import markdown

from reader import paths
from reader.core.corpus import load_corpus
from reader.core.edition import build_edition
from reader.core.model import Corpus, Page
from reader.core.render import icon_set, page_document, render_page

REPO = Path(__file__).resolve().parents[2]
NERDS = REPO.parent / "shared" / "corpora" / "nerds-2026-03"
ICONS = icon_set(paths.icons_dir())


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _render_all(corpus: Corpus) -> None:
    for page in corpus.pages.values():
        page_document(render_page(page, corpus, ICONS), page, corpus)


def _baseline_all(corpus: Corpus) -> None:
    for page in corpus.pages.values():
        markdown.markdown(page.body)


def _chunk_medians(corpus: Corpus, fn: Callable[[Page], object], chunk: int = 250) -> float:
    """Median per-page time (ms) over chunks of pages: robust against load spikes on a shared machine."""
    pages = list(corpus.pages.values())
    per_page = []
    for start in range(0, len(pages), chunk):
        part = pages[start : start + chunk]
        t0 = time.perf_counter()
        for page in part:
            fn(page)
        per_page.append(1000 * (time.perf_counter() - t0) / len(part))
    return statistics.median(per_page)


def measure(corpus: Corpus, repeat: int) -> dict[str, float]:
    _render_all(corpus)  # warm: icon bundle, Markdown instances
    render_s = _median_time(lambda: _render_all(corpus), repeat)
    baseline_s = _median_time(lambda: _baseline_all(corpus), repeat)
    n = len(corpus.pages)

    def render_one(page: Page) -> object:
        return page_document(render_page(page, corpus, ICONS), page, corpus)

    def baseline_one(page: Page) -> object:
        return markdown.markdown(page.body)

    return {
        "pages": n,
        "render_s": round(render_s, 4),
        "baseline_s": round(baseline_s, 4),
        "ratio": round(render_s / baseline_s, 2) if baseline_s else None,
        "per_page_ms": round(1000 * render_s / n, 3),
        "baseline_per_page_ms": round(1000 * baseline_s / n, 3),
        # median over 250-page chunks, the figure the growth below is computed from
        "chunk_median_ms": round(_chunk_medians(corpus, render_one), 3),
        "baseline_chunk_median_ms": round(_chunk_medians(corpus, baseline_one), 3),
    }


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_corpus", Path(__file__).with_name("gen_corpus.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    result: dict[str, object] = {"benchmark": "render"}

    nerds = load_corpus(NERDS)
    result["nerds"] = measure(nerds, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        result["nerds"]["build_edition_s"] = round(  # type: ignore[index]
            _median_time(lambda: build_edition(NERDS, Path(tmp) / "edition", icons_dir=paths.icons_dir()),
                         max(1, args.repeat // 2)), 3)
    result["nerds"]["target_build_s"] = 3.0  # type: ignore[index]

    gen = _generator()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    scaling = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            source = gen.generate(Path(tmp) / f"c{size}", size, seed=0)
            corpus = load_corpus(source)
            scaling.append(measure(corpus, max(1, args.repeat if size <= 1000 else 1)))
            print(f"# {size} pages: {scaling[-1]}", file=sys.stderr)
    result["generated"] = scaling
    if len(scaling) >= 2:
        result["growth"] = round(scaling[-1]["chunk_median_ms"] / scaling[0]["chunk_median_ms"], 2)
        result["baseline_growth"] = round(
            scaling[-1]["baseline_chunk_median_ms"] / scaling[0]["baseline_chunk_median_ms"], 2)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
