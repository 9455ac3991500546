"""Start-up time of the frozen application against the unfrozen one, measured side by side.

    .venv/bin/python tests/benchmarks/bench_frozen_start.py [--folder dist/richtlijnenlezer] [--rounds 9]

Without --folder it first builds the frozen app (packaging/build.py --no-archive) into a temporary folder.
Each round runs `open --smoke-test` (the home page, offscreen) once frozen and once unfrozen, in alternating order,
with the same edition (the one bundled in the frozen app), a fresh profile and the same environment. Two numbers per
run: `first_page_ms`, what the app reports from process start to the home page's loadFinished, and `wall_ms`, process
start to exit as seen from outside. Both sides start their clock at this script's `time.time()` right before the spawn:
it is handed to the app in RICHTLIJNENLEZER_SPAWN_TIME, which the smoke test takes as its process start (a build
older than that support falls back to /proc, 10 ms; one older still to /proc/stat's whole-second `btime`, up to 1 s
off: rebuild before comparing). One warm-up run of each is discarded. Prints one JSON object with medians, minima
and frozen/unfrozen ratios (of medians, of minima, and the median of per-round ratios, which is the verdict: the two
runs of a round are seconds apart, so load drifting on a shared machine cancels out); the goal is at most 1.10.
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

ROOT = Path(__file__).resolve().parents[2]
SPAWN_TIME_ENV = "RICHTLIJNENLEZER_SPAWN_TIME"  # as reader.commands.open reads it


def unfrozen_command() -> list[str]:
    script = Path(sys.executable).parent / "richtlijnenlezer"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reader"]


def run_once(cmd: list[str], edition: Path, env: dict[str, str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="rl-bench-") as tmp:
        child_env = {**env, "HOME": tmp, "RICHTLIJNENLEZER_CACHE": str(Path(tmp) / "cache")}
        started = time.perf_counter()
        # The app's first_page_ms counts from here too: one clock for the frozen and the unfrozen side.
        child_env[SPAWN_TIME_ENV] = repr(time.time())
        result = subprocess.run(
            [*cmd, "open", "--smoke-test", "--edition", str(edition), "--profile", str(Path(tmp) / "profile")],
            capture_output=True,
            text=True,
            env=child_env,
            cwd=tmp,
            timeout=120,
            check=False,
        )
        wall = (time.perf_counter() - started) * 1000.0
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not records or not records[0].get("load_ok"):
        raise SystemExit(f"{cmd[0]} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return {"first_page_ms": float(records[0]["ms"]), "wall_ms": round(wall, 1)}


def build_frozen(dest: Path) -> Path:
    out = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive", "--out", str(dest / "dist"),
         "--work", str(dest / "work")],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"build failed:\n{out.stderr[-3000:]}")
    return Path(json.loads(out.stdout.strip().splitlines()[-1])["folder"])


def summarise(samples: list[dict[str, float]]) -> dict[str, object]:
    return {
        key: {
            "median": round(statistics.median(s[key] for s in samples), 1),
            "min": round(min(s[key] for s in samples), 1),
            "max": round(max(s[key] for s in samples), 1),
        }
        for key in ("first_page_ms", "wall_ms")
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, help="an existing frozen build (the folder with the executable)")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"

    with tempfile.TemporaryDirectory(prefix="rl-bench-build-") as tmp:
        folder = args.folder.resolve() if args.folder else build_frozen(Path(tmp))
        frozen = [str(folder / ("richtlijnenlezer.exe" if sys.platform == "win32" else "richtlijnenlezer"))]
        edition = folder / "_internal" / "edition"
        if not (edition / "manifest.json").is_file():
            raise SystemExit(f"no bundled edition in {folder}")
        unfrozen = unfrozen_command()
        # Warm-up: page cache, fontconfig cache, Chromium's first-run work.
        run_once(frozen, edition, env)
        run_once(unfrozen, edition, env)
        samples: dict[str, list[dict[str, float]]] = {"frozen": [], "unfrozen": []}
        for i in range(args.rounds):
            order = [("frozen", frozen), ("unfrozen", unfrozen)]
            if i % 2:
                order.reverse()  # alternate so neither side always runs right after the other
            for name, cmd in order:
                samples[name].append(run_once(cmd, edition, env))

    frozen_s, unfrozen_s = summarise(samples["frozen"]), summarise(samples["unfrozen"])
    keys = ("first_page_ms", "wall_ms")
    ratios = {key: round(frozen_s[key]["median"] / unfrozen_s[key]["median"], 3) for key in keys}  # type: ignore[index]
    # Per-round ratios (the two runs of a round are seconds apart): robust against load that drifts over the run,
    # which matters on a shared two-core machine. Their median is the verdict.
    paired = {
        key: round(
            statistics.median(f[key] / u[key] for f, u in zip(samples["frozen"], samples["unfrozen"], strict=True)), 3
        )
        for key in keys
    }
    best = {key: round(frozen_s[key]["min"] / unfrozen_s[key]["min"], 3) for key in keys}  # type: ignore[index]
    print(
        json.dumps(
            {
                "benchmark": "frozen_start",
                "rounds": args.rounds,
                "cpus": os.cpu_count(),
                "frozen": frozen_s,
                "unfrozen (baseline)": unfrozen_s,
                "ratio_of_medians": ratios,
                "median_of_paired_ratios": paired,
                "ratio_of_minima": best,
                "within_10_percent": all(r <= 1.10 for r in paired.values()),
                "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
                "samples": samples,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
