"""Search quality on the judged queries in judged/: success@1, MRR@10 and nDCG@10 per kind and overall, as JSON.

    .venv/bin/python tests/benchmarks/bench_quality.py [--corpora a,b] [--cache DIR] [--details] [--out FILE]

For each judged file (judged/<corpus>.tsv, the corpus being ../shared/corpora/<corpus>) it builds an edition with
`richtlijnenlezer build` (cached in a temp dir, keyed by the corpus and the reader's source, so a change to the code
rebuilds) and runs every query through SearchIndex.search, as the window and `search --json` do.

Scoring is by result page, in the order the reader shows pages (hits are grouped by page): a page counts as the
answer (gain 1) when it is a wanted page, or when a section is wanted and the page's first shown hit is that
section; a wanted section shown lower in its page's hits, or only its page, gains 0.5 (for nDCG only).
success@1: the first page has gain 1. MRR@10: 1 / rank of the first page with gain 1 among the first ten.
nDCG@10: graded gains; the ideal ranking has every wanted page, gain 1, on top.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from reader.core.search import SearchIndex

REPO = Path(__file__).resolve().parents[2]
JUDGED = Path(__file__).resolve().parent / "judged"
CORPORA = REPO.parent / "shared" / "corpora"
KINDS = ("title", "topic", "inflection", "compound", "typo", "abbreviation", "phrase", "question", "filter")


def read_judged(path: Path) -> list[tuple[str, str, list[str]]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, query, wanted = line.split("\t")
        if kind not in KINDS:
            raise SystemExit(f"{path.name}:{n}: unknown kind {kind!r}")
        out.append((kind, query, wanted.split()))
    return out


def source_key() -> str:
    """A hash of the reader's source: an edition built by other code is rebuilt."""
    h = hashlib.sha256()
    for f in sorted((REPO / "reader").rglob("*.py")):
        h.update(str(f.relative_to(REPO)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def edition_for(corpus: str, cache: Path, key: str) -> Path:
    out = cache / f"{corpus}-{key}"
    if not (out / "index").is_dir():
        subprocess.run([sys.executable, "-m", "reader", "build", str(CORPORA / corpus), "--out", str(out),
                        "--keep-going"], cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def known_targets(edition: Path) -> set[str]:
    ids: set[str] = set()
    for page in json.loads((edition / "pages.json").read_text(encoding="utf-8")):
        ids.add(page["id"])
        for h in page.get("headings", []):
            ids.add(f"{page['id']}#{h[2]}")
    return ids


def gains(hits: list[Any], wanted: list[str]) -> list[float]:
    """Gain of each result page, in shown order."""
    pages: dict[str, list[str]] = {}
    for h in hits:
        pages.setdefault(h.page, []).append(h.anchor)
    out = []
    for page, anchors in pages.items():
        g = 0.0
        for w in wanted:
            wpage, _sep, anchor = w.partition("#")
            if wpage != page:
                continue
            if not anchor or anchors[0] == anchor:
                g = 1.0
            else:
                g = max(g, 0.5)
        out.append(g)
    return out


def score(gs: list[float], wanted_pages: int) -> tuple[float, float, float]:
    top = gs[:10]
    s1 = 1.0 if top and top[0] == 1.0 else 0.0
    rr = next((1.0 / (i + 1) for i, g in enumerate(top) if g == 1.0), 0.0)
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(top))
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(wanted_pages, 10)))  # every wanted page, gain 1, on top
    return s1, rr, dcg / ideal


def summarize(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    n = len(rows)
    return {"n": n, "success@1": round(sum(r[0] for r in rows) / n, 3), "mrr@10": round(sum(r[1] for r in rows) / n, 3),
            "ndcg@10": round(sum(r[2] for r in rows) / n, 3)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", help="comma-separated judged files to run (default: all)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "rl-bench-quality")
    ap.add_argument("--details", action="store_true", help="list each query that is not answered first")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    files = sorted(JUDGED.glob("*.tsv"))
    if args.corpora:
        files = [f for f in files if f.stem in args.corpora.split(",")]
    key = source_key()
    by_kind: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    by_corpus: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    misses: list[dict[str, Any]] = []
    invalid: list[str] = []
    for f in files:
        edition = edition_for(f.stem, args.cache, key)
        targets = known_targets(edition)
        with SearchIndex.open(edition / "index") as index:
            for kind, query, wanted in read_judged(f):
                invalid.extend(f"{f.stem}: {w}" for w in wanted if w not in targets)
                result = index.search(query, limit=30)
                gs = gains(result.hits, wanted)
                row = score(gs, len({w.partition("#")[0] for w in wanted}))
                by_kind[kind].append(row)
                by_corpus[f.stem].append(row)
                if row[0] < 1.0:
                    first = result.hits[0] if result.hits else None
                    misses.append({"corpus": f.stem, "kind": kind, "query": query, "wanted": wanted,
                                   "rank": round(1 / row[1]) if row[1] else None,
                                   "first": f"{first.page}#{first.anchor}" if first else None,
                                   "corrected": getattr(result, "corrected_query", None)})
    report: dict[str, Any] = {
        "overall": summarize([r for rows in by_kind.values() for r in rows]),
        "by_kind": {k: summarize(by_kind[k]) for k in KINDS if by_kind[k]},
        "by_corpus": {c: summarize(rows) for c, rows in by_corpus.items()},
    }
    if invalid:
        report["invalid_wanted"] = invalid
    if args.details:
        report["misses"] = misses
    text = json.dumps(report, indent=1, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
