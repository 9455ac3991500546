"""What the reader shows, as fingerprints: the smoke-test record of every page and the `search --json` answer to a
fixed list of queries, for both real NeRDS editions.

A refactoring must leave these identical (issue: engineering base). The golden file holds only SHA-256 digests, so no
corpus text enters the repository; `--diff` prints what differs in readable form.

    python tests/behaviour_snapshot.py --check      # exit 1 when anything differs from the golden file
    python tests/behaviour_snapshot.py --update     # after a change that is meant to change behaviour

Volatile fields are left out: the smoke test's `ms` and the search's `ms`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "behaviour" / "nerds.json"
EDITIONS = ("nerds-2026-03", "nerds-2025-12")

# Plain words, stems, compounds, phrases, field filters, exclusions, typos, abbreviations, nonsense and empty-ish.
QUERIES = (
    "toegankelijkheid",
    "toegankelykheid",
    "cloud",
    "open source",
    '"open source"',
    "cloud -kosten",
    "titel:privacy",
    "sectie:toepassen",
    "AVG",
    "DPIA",
    "datalek",
    "gegevensuitwisseling",
    "beleidsplannen",
    "hoe maak ik mijn website toegankelijk",
    "wat moet ik doen voor een DPIA",
    "digitale toegankelijkheid",
    "standaarden",
    "organisaties",
    "gebruikersonderzoek",
    "algoritme",
    "xyzzyqq",
    "de",
    "toegank",
)


def _reader(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env["LANGUAGE"] = "nl"
    return env


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def collect(work: Path) -> dict[str, dict[str, object]]:
    """Readable records, keyed "EDITION smoke PAGE" and "EDITION search QUERY"."""
    env = _env()
    records: dict[str, dict[str, object]] = {}
    for name in EDITIONS:
        edition = work / name
        profile = work / f"profile-{name}"
        subprocess.run(
            _reader("build", str(SHARED / name), "--out", str(edition)),
            check=True, env=env, capture_output=True, text=True,
        )
        smoke = subprocess.run(
            _reader("open", "--smoke-test", "--all", "--edition", str(edition), "--profile", str(profile)),
            env=env, capture_output=True, text=True, timeout=600,
        )
        lines = [line for line in smoke.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"smoke test of {name} printed nothing:\n{smoke.stderr[-2000:]}")
        for line in lines:
            record = json.loads(line)
            record.pop("ms", None)
            records[f"{name} smoke {record['page']}"] = record
        for query in QUERIES:
            out = subprocess.run(
                _reader("search", query, "--edition", str(edition), "--json", "--limit", "20"),
                check=True, env=env, capture_output=True, text=True,
            )
            answer = json.loads(out.stdout)
            answer.pop("ms", None)
            records[f"{name} search {query}"] = answer
    return records


def fingerprints(records: dict[str, dict[str, object]]) -> dict[str, str]:
    return {key: _digest(value) for key, value in sorted(records.items())}


def compare(current: dict[str, str], golden: dict[str, str]) -> list[str]:
    """Keys whose fingerprint differs, or that exist on one side only."""
    return sorted(k for k in set(current) | set(golden) if current.get(k) != golden.get(k))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="compare with the golden file")
    mode.add_argument("--update", action="store_true", help="write the golden file")
    parser.add_argument("--dump", type=Path, help="also write the readable records to this JSON file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rl-behaviour-") as tmp:
        records = collect(Path(tmp))
    if args.dump:
        args.dump.write_text(json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    current = fingerprints(records)
    if args.update:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(json.dumps({"written": str(GOLDEN), "records": len(current)}))
        return 0
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    differing = compare(current, golden)
    print(json.dumps({"records": len(current), "differing": differing}, ensure_ascii=False, indent=1))
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
