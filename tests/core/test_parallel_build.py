"""A build in forked workers is the serial build: every output file, the report, the problems (file:line), the
progress lines and --keep-going's left-out pages are the same. reader.core.parallel on its own: order, progress,
errors raised by the work, a worker that dies.

The builds run as `richtlijnenlezer build` in fresh processes (a test process may have threads that make forking
unsafe, and then the build would quietly stay serial); `-v` shows that the workers really ran.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpora"


def generate(out: Path, pages: int, **options: int) -> Path:
    sys.path.insert(0, str(REPO / "tests" / "benchmarks"))
    try:
        from gen_corpus import generate as make
    finally:
        sys.path.pop(0)
    return Path(make(out, pages, **options))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers need POSIX fork")
WORKERS_LOG = re.compile(r"DEBUG reader\.parallel: (\d+) items in (\d+) worker processes")


def build(source: Path, out: Path, workers: int, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, RICHTLIJNENLEZER_BUILD_WORKERS=str(workers))
    return subprocess.run(
        [sys.executable, "-m", "reader", "-v", "build", str(source), "--out", str(out), "--json", *extra],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )


def _files(edition: Path) -> dict[str, bytes]:
    """Every file of an edition, with what legitimately differs between two builds taken out: the build time in
    the manifest and the index statistics, and Whoosh's random segment name (in file names and its table of
    contents, a pickle that holds the name; the segment's own files are compared)."""
    segment = next((p.name.split(".")[0].rsplit("_", 1)[-1] for p in (edition / "index").glob("*.trm")), "?")
    out = {}
    for path in sorted(p for p in edition.rglob("*") if p.is_file()):
        name = path.relative_to(edition).as_posix().replace(segment, "SEGMENT")
        data = path.read_bytes()
        if name == "manifest.json":
            data = json.dumps({k: v for k, v in json.loads(data).items() if k != "built_at"}).encode()
        elif name.startswith("index/") and name.endswith(".json") and b'"stats"' in data:
            data = json.dumps({k: v for k, v in json.loads(data).items() if k != "stats"}).encode()
        elif name.endswith(".toc"):
            data = data.replace(segment.encode(), b"SEGMENT")
        out[name] = data
    return out


def _messages(stderr: str) -> list[str]:
    """What a build says besides logging (problems, left-out pages, progress lines)."""
    return [line for line in stderr.splitlines() if not line.startswith(("DEBUG ", "INFO "))]


def _same_builds(source: Path, tmp_path: Path, *extra: str) -> tuple[dict[str, object], int]:
    serial = build(source, tmp_path / "serial", 1, *extra)
    forked = build(source, tmp_path / "forked", 2, *extra)
    assert serial.returncode == forked.returncode == 0, serial.stderr[-2000:] + forked.stderr[-2000:]
    assert not WORKERS_LOG.search(serial.stderr)
    used = [(int(n), int(w)) for n, w in WORKERS_LOG.findall(forked.stderr)]
    assert used and all(w == 2 for _, w in used), forked.stderr[-2000:]  # reading and writing pages, in workers
    report_serial, report_forked = json.loads(serial.stdout), json.loads(forked.stdout)
    for report in (report_serial, report_forked):
        report.pop("seconds")
        report.pop("edition")
    assert report_serial == report_forked
    assert _messages(serial.stderr) == _messages(forked.stderr)
    one, two = _files(tmp_path / "serial"), _files(tmp_path / "forked")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    return report_serial, len(used)


def test_a_generated_corpus_with_a_broken_page_builds_the_same_in_workers(tmp_path: Path) -> None:
    source = generate(tmp_path / "src", 60, seed=5, glossary=20)
    (source / "docs" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")  # left out, with its line
    (source / "docs" / "links.md").write_text(
        "---\ntitle: Links\nsummary: s\n---\n\n# Links\n\n[weg](nergens.md) en [anker](#geen-anker)\n",
        encoding="utf-8",
    )
    report, phases = _same_builds(source, tmp_path, "--keep-going")
    assert phases == 2
    assert report["pages"] == 61 and report["left_out"] == ["docs/kapot.md"]
    codes = report["problems"]["by_code"]
    assert {"frontmatter-yaml", "link-missing", "anchor-missing"} <= set(codes)


def test_nerds_builds_the_same_in_workers(tmp_path: Path) -> None:
    _same_builds(SHARED / "nerds-2026-03", tmp_path, "--keep-going")


def test_without_keep_going_both_refuse_with_the_same_errors(tmp_path: Path) -> None:
    source = generate(tmp_path / "src", 30, seed=2)
    (source / "docs" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    serial = build(source, tmp_path / "serial", 1)
    forked = build(source, tmp_path / "forked", 2)
    assert serial.returncode == forked.returncode == 1
    assert WORKERS_LOG.search(forked.stderr)
    assert _messages(serial.stderr) == _messages(forked.stderr)
    assert any(line.startswith("docs/kapot.md:") for line in _messages(forked.stderr))
    assert not (tmp_path / "serial").exists() and not (tmp_path / "forked").exists()


def test_check_counts_the_same_in_workers(tmp_path: Path) -> None:
    source = generate(tmp_path / "src", 40, seed=4)
    (source / "docs" / "links.md").write_text("# L\n\n[weg](nergens.md) [a](#b)\n", encoding="utf-8")
    runs = []
    for workers in (1, 2):
        env = dict(os.environ, RICHTLIJNENLEZER_BUILD_WORKERS=str(workers))
        runs.append(subprocess.run(
            [sys.executable, "-m", "reader", "-v", "check", str(source), "--json"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
        ))
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)["warnings"]
    assert not WORKERS_LOG.search(runs[0].stderr) and WORKERS_LOG.search(runs[1].stderr)


# --- reader.core.parallel -------------------------------------------------------------------------------------

SCRIPT = """
import os, sys
from reader.core.parallel import ordered_map, fork_is_safe
parent = os.getpid()

def work(context, item):
    if item == context.get("fail"):
        raise ValueError(f"page {item} is broken")
    if item == context.get("die") and os.getpid() != parent:
        os._exit(3)  # a worker killed half-way
    return item * 10, os.getpid() != parent

assert fork_is_safe()
seen = []
context = eval(sys.argv[1])
try:
    out = ordered_map(work, context, list(range(40)), workers=2, progress=lambda i, item: seen.append((i, item)))
except ValueError as exc:
    print("raised", exc)
else:
    in_order = [v for v, _ in out] == [i * 10 for i in range(40)]
    print(in_order, any(w for _, w in out), seen == [(i, i) for i in range(40)])
"""


def _run(context: str) -> str:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, context], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


def test_results_and_progress_come_in_order_from_workers() -> None:
    assert _run("{}") == "True True True"


def test_an_error_in_the_work_is_raised_as_it_would_be_serially() -> None:
    assert _run("{'fail': 23}") == "raised page 23 is broken"


def test_a_worker_that_dies_leaves_the_rest_to_the_parent() -> None:
    assert _run("{'die': 30}") == "True True True"


def test_no_fork_while_another_thread_runs() -> None:
    script = ("import threading, time\nfrom reader.core.parallel import fork_is_safe, worker_count\n"
              "t = threading.Thread(target=time.sleep, args=(1,)); t.start()\n"
              "print(fork_is_safe(), worker_count(500))")
    env = {k: v for k, v in os.environ.items() if k != "RICHTLIJNENLEZER_BUILD_WORKERS"}
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60,
                          env=env)
    assert proc.stdout.split() == ["False", "1"]
