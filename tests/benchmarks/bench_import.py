"""Benchmark corpus import (`load_corpus`) on NeRDS and on generated corpora; prints one JSON object.

    .venv/bin/python tests/benchmarks/bench_import.py [--sizes 1000 5000 10000] [--runs 5]

Baseline, measured in the same run on the same files: reading every .md file and parsing its front matter with
PyYAML's C loader (the least any importer must do). `ratio` = import time / baseline time. Memory: each generated
size is imported in a fresh subprocess (one process; then again with a worker per CPU) and its peak RSS is
reported, with the growth per page between sizes. The machine's load average is printed: other work skews figures.
Targets (issue 3): NeRDS import + check < 1 s; 10,000 pages < 30 s; memory linear in pages.
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

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(HERE))  # gen_corpus lives next to this file


def baseline(source: Path) -> float:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    for path in sorted(source.rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        end = text.find("\n---", 4) if text.startswith("---") else -1
        try:
            yaml.load(text[3:end] if end != -1 else "", Loader=loader)
        except yaml.YAMLError:  # the baseline only measures the work, not validity
            pass
    return time.perf_counter() - start


def import_time(source: Path) -> tuple[float, int, int]:
    from reader.core.corpus import load_corpus

    start = time.perf_counter()
    corpus = load_corpus(source)
    return time.perf_counter() - start, len(corpus.pages), len(corpus.errors)


_CHILD = """
import json, resource, sys, time
from pathlib import Path
from reader.core.corpus import load_corpus
def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, c = time.perf_counter(), cpu()
corpus = load_corpus(Path(sys.argv[1]))
seconds, cpu_seconds = time.perf_counter() - t, cpu() - c
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "pages": len(corpus.pages),
                  "errors": len(corpus.errors), "warnings": len(corpus.warnings),
                  "rss_before_mb": before / 1024, "rss_peak_mb": peak / 1024}))
"""


def child_import(source: Path, workers: int) -> dict:
    env = dict(os.environ, RICHTLIJNENLEZER_IMPORT_WORKERS=str(workers))
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source)], capture_output=True, text=True, check=True, cwd=REPO, env=env
    )
    return json.loads(out.stdout)


def check_process(source: Path) -> float:
    """Wall time of a whole `check --json` process (interpreter start included)."""
    code = (
        "import argparse, sys\nfrom reader.commands import check\n"
        "p = argparse.ArgumentParser(); check.add_parser(p.add_subparsers(dest='command'))\n"
        "sys.exit(check.run(p.parse_args(['check', sys.argv[1], '--json'])))\n"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=5, help="runs per NeRDS edition (median reported)")
    args = parser.parse_args()
    result: dict = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "nerds": {}, "generated": []}
    result["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]  # other work skews every figure

    import_time(CORPORA / "nerds-2026-03")  # warm imports and the Markdown instance once
    for name in ("nerds-2026-03", "nerds-2025-12"):
        source = CORPORA / name
        if not source.is_dir():
            continue
        times = [import_time(source) for _ in range(args.runs)]
        bases = [baseline(source) for _ in range(args.runs)]
        t = statistics.median(x[0] for x in times)
        b = statistics.median(bases)
        result["nerds"][name] = {
            "pages": times[0][1],
            "errors": times[0][2],
            "import_median_s": round(t, 4),
            "baseline_median_s": round(b, 4),
            "ratio": round(t / b, 1),
            "check_process_s": round(statistics.median(check_process(source) for _ in range(3)), 3),
            "target_s": 1.0,
        }

    from gen_corpus import generate

    with tempfile.TemporaryDirectory(prefix="rl-bench-") as tmp:
        previous = None
        for size in args.sizes:
            source = generate(Path(tmp) / f"c{size}", size, seed=0)
            base = baseline(source)
            child = child_import(source, workers=1)
            parallel = child_import(source, workers=os.cpu_count() or 1) if (os.cpu_count() or 1) > 1 else None
            entry = {
                "pages": child["pages"],
                "errors": child["errors"],
                "warnings": child["warnings"],
                "import_s": round(child["seconds"], 2),
                # CPU time of the import: what a quiet machine's wall time would be; the wall time above includes
                # waiting for the CPU while other work runs.
                "import_cpu_s": round(child["cpu_seconds"], 2),
                "baseline_s": round(base, 2),
                "ratio": round(child["seconds"] / base, 1),
                "ms_per_page": round(1000 * child["seconds"] / size, 2),
                "rss_peak_mb": round(child["rss_peak_mb"], 1),
                "rss_growth_mb": round(child["rss_peak_mb"] - child["rss_before_mb"], 1),
            }
            if parallel is not None:
                entry["import_s_all_cpus"] = round(parallel["seconds"], 2)  # worker processes (spawned)
                entry["import_cpu_s_all_cpus"] = round(parallel["cpu_seconds"], 2)  # summed over the workers
            if previous is not None:
                entry["mb_per_1000_pages_since_previous"] = round(
                    1000 * (entry["rss_growth_mb"] - previous["rss_growth_mb"]) / (size - previous["pages"]), 1
                )
            if size == 10000:
                entry["target_s"] = 30.0
            result["generated"].append(entry)
            previous = entry
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
