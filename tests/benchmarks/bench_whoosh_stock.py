"""What the reader's own postings and scoring buy over stock Whoosh, on the same sections, in the same run.

    .venv/bin/python tests/benchmarks/bench_whoosh_stock.py [--work DIR] [--sizes nerds,10000] [--repeat 10]

The reader keeps its search field outside Whoosh (reader/core/search/postings.py: compact postings, one weight per
section) and scores it term-at-a-time (SearchIndex._scores, Whoosh's BM25F formula). The alternative is stock
Whoosh: the same analysis in a TEXT field (positions, Whoosh's own postings) searched with `searcher.search`.
For each corpus this prints, as JSON: index size against the indexed text, and the CPU time of scoring the same
queries (the best 60 sections of an And of the query's stems, no grouping or snippets) both ways. The rankings are
not identical (the reader's index also holds compound parts and weights title and text parts apart); the point is
what the storage and the scorer cost.

With --work pointing at bench_search.py's --work directory, the section documents it cached are reused.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from whoosh import index as windex
from whoosh import query as wq
from whoosh.fields import ID, Schema

from reader.core.search import SearchDoc, SearchIndex, analyze, build_index
from reader.core.search.analysis import SEARCH_FIELD, DutchTokenizer, _text_field

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = ["toegankelijkheid", "leverancier", "standaarden", "privacy", "algoritme", "open standaard",
           "cloud opslag", "digitale systemen", "leverancier cloud opslag", "bewaartermijn gegevens"]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def load_docs(work: Path, size: str) -> list[SearchDoc]:
    cache = work / f"docs-{size}.pickle"
    if cache.exists():
        docs, _prep = pickle.loads(cache.read_bytes())
        return list(docs)
    if size != "nerds":
        raise SystemExit(f"no {cache}: run bench_search.py --work {work} --sizes {size} first")
    from bench_search import NERDS, corpus_docs

    return corpus_docs(NERDS)[0]


def build_stock(path: Path, docs: list[SearchDoc]) -> float:
    t = time.perf_counter()
    path.mkdir(parents=True)
    schema = Schema(doc=ID(stored=True), body=_text_field(DutchTokenizer()))
    ix = windex.create_in(str(path), schema)
    with ix.writer() as w:
        for n, d in enumerate(docs):
            w.add_document(doc=str(n), body=" ".join((d.page_title, d.section_title, d.summary, d.text)))
    ix.close()
    return time.perf_counter() - t


def timed(run: Callable[[str], Any], repeat: int) -> dict[str, float]:
    for q in QUERIES:
        run(q)
    cpu: list[float] = []
    for _ in range(repeat):
        for q in QUERIES:
            c = time.process_time()
            run(q)
            cpu.append((time.process_time() - c) * 1000)
    s = sorted(cpu)
    return {"cpu_p50_ms": round(statistics.median(s), 3), "cpu_p95_ms": round(s[int(0.95 * (len(s) - 1))], 3)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path(tempfile.mkdtemp(prefix="bench-stock-")))
    ap.add_argument("--sizes", default="nerds,10000")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    out = []
    for size in args.sizes.split(","):
        docs = load_docs(args.work, size)
        text = sum(len(" ".join((d.page_title, d.section_title, d.summary, d.text)).encode()) for d in docs)
        ours_dir = args.work / f"stock-cmp-{size}-ours"
        stock_dir = args.work / f"stock-cmp-{size}-whoosh"
        for d in (ours_dir, stock_dir):
            if d.exists():
                import shutil

                shutil.rmtree(d)
        t = time.perf_counter()
        build_index(ours_dir, docs)
        ours_build = time.perf_counter() - t
        stock_build = build_stock(stock_dir, docs)
        ours = SearchIndex.open(ours_dir)
        stock = windex.open_dir(str(stock_dir))
        searcher = stock.searcher()

        def run_ours(q: str, ours: SearchIndex = ours) -> Any:
            stems = analyze(q)
            tree = wq.And([wq.Term(SEARCH_FIELD, s) for s in stems]) if len(stems) > 1 else wq.Term(SEARCH_FIELD,
                                                                                                      stems[0])
            return ours._top(tree, 60)

        def run_stock(q: str, searcher: Any = searcher) -> Any:
            stems = analyze(q)
            return searcher.search(wq.And([wq.Term("body", s) for s in stems]), limit=60).top_n
        out.append({
            "corpus": size, "sections": len(docs), "text_mb": round(text / 1e6, 2),
            "ours": {"build_s": round(ours_build, 2), "size_vs_text": round(dir_size(ours_dir) / text, 3),
                     **timed(run_ours, args.repeat)},
            "stock_whoosh": {"build_s": round(stock_build, 2), "size_vs_text": round(dir_size(stock_dir) / text, 3),
                             **timed(run_stock, args.repeat)},
        })
        searcher.close()
        stock.close()
        ours.close()
        print(json.dumps(out[-1]), file=sys.stderr)
    print(json.dumps({"corpora": out}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
