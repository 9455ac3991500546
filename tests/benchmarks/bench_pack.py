"""Pack benchmark: writing, verifying and unpacking an edition pack against `zip`, `sha256sum` and `unzip` over the
same files, in the same run; prints one JSON object.

    .venv/bin/python tests/benchmarks/bench_pack.py [--pages 5000] [--runs 5] [--work DIR] [--out FILE]

Editions: NeRDS 2026-03 (../shared/corpora, built into a temporary folder) and a generated edition of --pages pages
(tests/benchmarks/gen_corpus.py, built likewise; `--work DIR` keeps both for the next run). For each, alternating run
by run, with the files in the page cache (the "disk speed" of a warm machine; every side reads the same files):
- pack: `write_pack` (in process) against `zip -r -q` (deflate level 6, as ours) and against `zip` + `sha256sum`
  (the same work: our pack hashes every file as well);
- verify: `verify_pack` (inflate + SHA-256 of every file) against `sha256sum` over the edition's files and against
  `unzip -tq` on our pack (inflate + CRC);
- unpack: `extract_pack` against `unzip -q`;
- and the command line as an administrator runs it (`richtlijnenlezer pack` / `verify`, spawn to exit, including
  Python's start-up), for information.
Reported: the median of --runs runs per side and ratio = ours / baseline. Target (issue 14): within 2x.
Needs `zip`, `unzip` and `sha256sum` (Debian: `apt-get install zip unzip`). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.edition import build_edition
from reader.core.pack import extract_pack, verify_pack, write_pack

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NERDS = REPO.parent / "shared" / "corpora" / "nerds-2026-03"
sys.path.insert(0, str(HERE))  # gen_corpus lives next to this file
TARGET_RATIO = 2.0


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _run(*cmd: str | Path, cwd: Path | None = None) -> None:
    subprocess.run([str(c) for c in cmd], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def _fresh(path: Path) -> Path:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    return path


def _edition(work: Path, name: str, make_source: Callable[[Path], Path]) -> Path:
    edition = work / f"{name}-edition"
    if not (edition / "manifest.json").is_file():
        source = make_source(work / f"{name}-source")
        print(f"building {name} ...", file=sys.stderr)
        build_edition(source, edition, keep_going=True, icons_dir=REPO / "resources" / "icons")
    return edition


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def bench(edition: Path, work: Path, runs: int) -> dict[str, Any]:
    files = sorted(str(p) for p in edition.rglob("*") if p.is_file())
    total = sum(Path(f).stat().st_size for f in files)
    pack, baseline_zip = work / "bench.rlpack", work / "bench.zip"
    out, unzip_out = work / "unpacked", work / "unzipped"
    times: dict[str, list[float]] = {k: [] for k in (
        "pack", "zip", "sha256sum", "verify", "unzip_t", "extract", "unzip", "cli_pack", "cli_verify")}
    write_pack(edition, pack)  # warm the page cache for both sides
    for _ in range(runs):
        # Alternate the sides run by run, so drift of the machine hits both.
        times["pack"].append(_timed(lambda: write_pack(edition, _fresh(pack))))
        times["zip"].append(_timed(lambda: _run("zip", "-r", "-q", _fresh(baseline_zip), ".", cwd=edition)))
        times["sha256sum"].append(_timed(lambda: _run("sha256sum", *files)))
        times["verify"].append(_timed(lambda: verify_pack(pack, [])))
        times["unzip_t"].append(_timed(lambda: _run("unzip", "-tq", pack)))
        _fresh(out).mkdir()
        times["extract"].append(_timed(lambda: extract_pack(pack, out, [])))
        _fresh(unzip_out)
        times["unzip"].append(_timed(lambda: _run("unzip", "-q", pack, "-d", unzip_out)))
        times["cli_pack"].append(_timed(lambda: _run(sys.executable, "-m", "reader", "pack", edition, "--out",
                                                     _fresh(pack))))
        times["cli_verify"].append(_timed(lambda: _run(sys.executable, "-m", "reader", "verify", pack)))
    med = {k: _median(v) for k, v in times.items()}
    zip_and_hash = med["zip"] + med["sha256sum"]
    ratios = {
        "pack_vs_zip": round(med["pack"] / med["zip"], 2),
        "pack_vs_zip_plus_sha256sum": round(med["pack"] / zip_and_hash, 2),
        "verify_vs_sha256sum": round(med["verify"] / med["sha256sum"], 2),
        "verify_vs_unzip_t": round(med["verify"] / med["unzip_t"], 2),
        "extract_vs_unzip": round(med["extract"] / med["unzip"], 2),
    }
    return {
        "files": len(files),
        "mb": round(total / 1e6, 1),
        "pack_mb": round(pack.stat().st_size / 1e6, 1),
        "zip_mb": round(baseline_zip.stat().st_size / 1e6, 1),
        "median_s": med,
        "ratio": ratios,
        "pack_mb_per_s": round(total / 1e6 / med["pack"], 1),
        "verify_mb_per_s": round(total / 1e6 / med["verify"], 1),
        "within_target": {
            "pack": ratios["pack_vs_zip"] <= TARGET_RATIO,
            "verify": ratios["verify_vs_sha256sum"] <= TARGET_RATIO,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep the built editions here (reused when present)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    for tool in ("zip", "unzip", "sha256sum"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (apt-get install zip unzip)")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-pack-"))
    work.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="bench-pack-run-", dir=work))
    try:
        editions: dict[str, Path] = {}
        if NERDS.is_dir():
            editions["nerds-2026-03"] = _edition(work, "nerds", lambda _: NERDS)
        else:
            print(f"skip nerds: {NERDS} missing", file=sys.stderr)

        def generated(dest: Path) -> Path:
            from gen_corpus import generate

            if not dest.is_dir():
                generate(dest, args.pages)
            return dest

        editions[f"generated-{args.pages}"] = _edition(work, f"gen{args.pages}", generated)
        results: dict[str, Any] = {"runs": args.runs, "target_ratio": TARGET_RATIO, "editions": {}}
        for name, edition in editions.items():
            print(f"benchmarking {name} ...", file=sys.stderr)
            results["editions"][name] = bench(edition, scratch, args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(results, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
