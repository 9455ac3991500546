"""Searching across the library: one query over three corpora (NeRDS 2026-03, the Material docs, ai-validation)
against searching each corpus alone, in the same run.

    .venv/bin/python tests/benchmarks/bench_search_library.py [--repeat 10] [--work DIR] [--out FILE]

It builds an edition of each corpus from ../shared/corpora with `richtlijnenlezer build` (kept in --work when given,
so reruns skip it), then runs a realistic query mix: every judged query of the three corpora (judged/*.tsv: titles,
topics, inflections, compounds, typos, abbreviations, phrases, questions, filters; Dutch and English), and the same
queries cut off while typing (the window searches as you type). Per query, interleaved:

- library: `LibrarySearch.search(query)` over the three corpora (limit 10 per corpus, snippets included), as
  `search --all` and the window's all-corpora switch do;
- singles: `SearchIndex.search(query, limit=10)` on each corpus alone, on indexes of their own (their caches are
  not shared with the library's); the baseline is their sum (the same work done one by one) and their max.

The first pass over the queries is reported apart (`cold`: typo-correction caches empty, the vocabulary read on
first use), then `--repeat` warm passes. Wall clock and process CPU time, p50/p95/max. Also how often the corpus a
judged query was written for is the first group (the library's ordering against the indexes' raw scores). Prints
one JSON object. Target (issue 14): library p95 < 20 ms.
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

from reader.core.search import LibrarySearch, SearchIndex

REPO = Path(__file__).resolve().parents[2]
JUDGED = Path(__file__).resolve().parent / "judged"
CORPORA = REPO.parent / "shared" / "corpora"
NAMES = ("nerds-2026-03", "material-docs-5b36f2a", "ai-validation-ea0c2e3")
LIMIT = 10
TARGET_P95_MS = 20.0


def judged_queries(name: str) -> list[tuple[str, str]]:
    out = []
    for line in (JUDGED / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, query, _wanted = line.split("\t")
            out.append((kind, query))
    return out


def typing(query: str) -> str | None:
    """The query as it stands while the last word is being typed (about two thirds of it), or None if too short."""
    cut = max(3, (len(query) * 2) // 3)
    part = query[:cut].rstrip()
    return part if len(part) >= 3 and part != query and not part.endswith(('"', ":")) else None


def query_mix() -> list[tuple[str, str]]:
    mix: list[tuple[str, str]] = []
    for name in NAMES:
        mix += judged_queries(name)
    mix += [("typing", t) for _k, q in list(mix) if (t := typing(q))]
    unique: dict[str, str] = {}
    for kind, q in mix:
        unique.setdefault(q, kind)
    return [(kind, q) for q, kind in unique.items()]


def edition(name: str, work: Path) -> Path:
    out = work / name
    if not (out / "index").is_dir():
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "build", str(CORPORA / name), "--out", str(out),
                        "--keep-going"], cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"built {name} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return out


def percentiles(samples: list[float], prefix: str = "") -> dict[str, float]:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return {f"{prefix}p50_ms": round(statistics.median(s), 3), f"{prefix}p95_ms": round(p95, 3),
            f"{prefix}max_ms": round(s[-1], 3), f"{prefix}mean_ms": round(statistics.fmean(s), 3)}


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    c = time.process_time()
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000


def run_pass(queries: list[tuple[str, str]], library: LibrarySearch, singles: list[SearchIndex], flip: bool
             ) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {k: [] for k in ("lib", "lib_cpu", "sum", "sum_cpu", "max", "max_cpu")}
    def lib(q: str) -> None:
        ms, cpu = timed(lambda: library.search(q, limit_per_corpus=LIMIT))
        out["lib"].append(ms)
        out["lib_cpu"].append(cpu)

    def one_by_one(q: str) -> None:
        each = [timed(lambda ix=ix: ix.search(q, limit=LIMIT)) for ix in singles]
        out["sum"].append(sum(ms for ms, _c in each))
        out["sum_cpu"].append(sum(c for _ms, c in each))
        out["max"].append(max(ms for ms, _c in each))
        out["max_cpu"].append(max(c for _ms, c in each))

    for n, (_kind, q) in enumerate(queries):
        # alternate which side goes first, so neither always meets a cache the other just warmed (CPU, disk)
        for side in ((lib, one_by_one) if (n + flip) % 2 == 0 else (one_by_one, lib)):
            side(q)
    return out


def summary(samples: dict[str, list[float]]) -> dict[str, Any]:
    lib = percentiles(samples["lib"]) | percentiles(samples["lib_cpu"], "cpu_")
    base_sum = percentiles(samples["sum"]) | percentiles(samples["sum_cpu"], "cpu_")
    base_max = percentiles(samples["max"]) | percentiles(samples["max_cpu"], "cpu_")
    return {
        "queries": len(samples["lib"]),
        "library": lib,
        "singles_sum": base_sum,
        "singles_max": base_max,
        "ratio_p50_vs_sum": round(lib["p50_ms"] / max(base_sum["p50_ms"], 1e-6), 3),
        "ratio_p95_vs_sum": round(lib["p95_ms"] / max(base_sum["p95_ms"], 1e-6), 3),
        "ratio_cpu_p95_vs_sum": round(lib["cpu_p95_ms"] / max(base_sum["cpu_p95_ms"], 1e-6), 3),
        "ratio_p95_vs_max": round(lib["p95_ms"] / max(base_max["p95_ms"], 1e-6), 3),
    }


def judged_corpus_first(library: LibrarySearch) -> dict[str, Any]:
    """How often the corpus a judged query was written for is the first group: with the library's ordering
    (relevance rescaled to library-wide idf) and, as the baseline, by the indexes' raw best scores."""
    ours = raw = total = 0
    for name in NAMES:
        for _kind, q in judged_queries(name):
            found = library.search(q, limit_per_corpus=LIMIT).found
            total += 1
            ours += bool(found) and found[0].corpus_id == name
            raw += max(((g.hits[0].score, g.corpus_id) for g in found), default=(0.0, ""))[1] == name
    return {"queries": total, "library_order": ours, "raw_score_order": raw,
            "library_rate": round(ours / max(1, total), 3), "raw_rate": round(raw / max(1, total), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--work", type=Path, help="keep the built editions here (default: a temporary folder)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    missing = [n for n in NAMES if not (CORPORA / n).is_dir()]
    if missing:
        print(f"missing corpora in {CORPORA}: {', '.join(missing)}", file=sys.stderr)
        return 2
    tmp = None if args.work else tempfile.TemporaryDirectory(prefix="bench-search-library-")
    work = args.work if tmp is None else Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    try:
        editions = [edition(n, work) for n in NAMES]
        queries = query_mix()
        library = LibrarySearch([(n, n, e) for n, e in zip(NAMES, editions, strict=True)])
        # Opening is lazy: the first search opens the three indexes. Timed on its own, with a query not in the mix.
        first_ms, _cpu = timed(lambda: library.search("richtlijn", limit_per_corpus=LIMIT))
        t = time.perf_counter()
        singles = [SearchIndex.open(e / "index") for e in editions]
        open_singles_ms = (time.perf_counter() - t) * 1000
        cold = run_pass(queries, library, singles, False)
        warm: dict[str, list[float]] = {k: [] for k in cold}
        for r in range(args.repeat):
            for k, v in run_pass(queries, library, singles, bool(r % 2)).items():
                warm[k] += v
        per_kind: dict[str, list[float]] = {}
        for (kind, _q), ms in zip(queries * args.repeat, warm["lib"], strict=True):
            per_kind.setdefault(kind, []).append(ms)
        slowest = sorted(((statistics.median(warm["lib"][i::len(queries)]), q) for i, (_k, q) in enumerate(queries)),
                         reverse=True)[:8]
        warm_summary = summary(warm)
        ordering = judged_corpus_first(library)
        result = {
            "machine": {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                        "loadavg": [round(x, 2) for x in os.getloadavg()]},
            "corpora": {n: json.loads((e / "manifest.json").read_text(encoding="utf-8")).get("page_count")
                        for n, e in zip(NAMES, editions, strict=True)},
            "limit_per_corpus": LIMIT,
            "first_search_with_lazy_open_ms": round(first_ms, 3),
            "open_three_indexes_ms": round(open_singles_ms, 3),
            "cold": summary(cold),
            "warm": warm_summary,
            "warm_library_p95_by_kind_ms": {k: percentiles(v)["p95_ms"] for k, v in sorted(per_kind.items())},
            "warm_slowest_library_p50_ms": {q: round(ms, 3) for ms, q in slowest},
            "judged_corpus_first": ordering,
            "target": {"library_p95_ms": TARGET_P95_MS,
                       "met_warm": warm_summary["library"]["p95_ms"] < TARGET_P95_MS,
                       "met_warm_cpu": warm_summary["library"]["cpu_p95_ms"] < TARGET_P95_MS,
                       "met_cold": summary(cold)["library"]["p95_ms"] < TARGET_P95_MS},
        }
        library.close()
        for ix in singles:
            ix.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    text = json.dumps(result, indent=1, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
