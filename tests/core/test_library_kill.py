"""Kill `install` and `remove` at random moments: the library must always show the old state or the new one, every
edition it lists must be whole, and the next install cleans up what the killed process left behind."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.edition import build_edition, read_edition
from reader.core.formats import EDITION_FORMAT_VERSION
from reader.core.library import MACHINE, USER, Library, LibraryFolder, install

pytestmark = pytest.mark.slow

KILLS = {"install-edition": 26, "install-mkdocs": 12, "remove": 12}  # 50 real kills in all


def make_source(root: Path, corpus_id: str, pages: int, edition: int) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        f"site_name: Gids {corpus_id}\nextra:\n  richtlijnenlezer:\n    corpus_id: {corpus_id}\n", encoding="utf-8"
    )
    for n in range(pages):
        body = " ".join(f"woord{(n * 7 + k) % 997}" for k in range(400))
        (root / "docs" / f"p{n}.md").write_text(f"# Pagina {n} editie {edition}\n\n{body}\n", encoding="utf-8")
    return root


def library(base: Path) -> Library:
    # The folders the command line uses with these environment variables (see run_and_kill).
    return Library([LibraryFolder(base / "user", USER), LibraryFolder(base / "machine" / "editions", MACHINE)])


def snapshot(lib: Library) -> frozenset[tuple[str, str, str]]:
    """The library as a reader sees it, after checking that every listed edition is whole."""
    seen = set()
    for shelf in lib.corpora():
        for edition in shelf.editions:
            read_edition(edition.path, EDITION_FORMAT_VERSION)  # manifest, pages/ and index/
            pages = json.loads((edition.path / "pages.json").read_text(encoding="utf-8"))
            assert len(pages) == edition.page_count
            for page in pages:
                assert (edition.path / "pages" / f"{page['id']}.html").is_file(), (edition.path, page["id"])
            seen.add((shelf.corpus_id, edition.key, edition.folder.kind))
    return frozenset(seen)


def run_and_kill(args: list[str], base: Path, delay: float) -> int | None:
    """Start the command, SIGKILL it after `delay` seconds (from spawn); its exit code if it finished first."""
    env = os.environ | {"RICHTLIJNENLEZER_USER_EDITIONS": str(base / "user"),
                        "RICHTLIJNENLEZER_MACHINE_DIR": str(base / "machine")}
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return None


def timed(args: list[str], base: Path) -> float:
    started = time.perf_counter()
    assert run_and_kill(args, base, 300) == 0
    return time.perf_counter() - started


def test_kills_at_random_moments_leave_the_library_consistent(tmp_path: Path) -> None:
    rng = random.Random(14)
    big = tmp_path / "big-edition"
    build_edition(make_source(tmp_path / "big-src", "groot", 300, 1), big)
    mkdocs_src = make_source(tmp_path / "small-src", "klein", 40, 2)
    base = tmp_path / "lib"
    lib = library(base)
    install(lib, big)  # one corpus already installed, so that "old state" is not just "empty"
    installed = snapshot(lib)

    # How long each operation takes when left alone (from spawn, as the kill clock runs).
    scratch = tmp_path / "scratch"
    durations = {
        "install-edition": timed(["install", str(big), "--machine"], scratch),
        "install-mkdocs": timed(["install", str(mkdocs_src)], scratch),
    }
    durations["remove"] = timed(["remove", "groot"], scratch)
    outcomes = {"finished": 0, "killed": 0}
    kills_of = dict.fromkeys(KILLS, 0)
    for operation, count in KILLS.items():
        attempts = 0
        while kills_of[operation] < count:
            attempts += 1
            assert attempts <= 4 * count, (operation, kills_of)  # the operation got too fast to cut off
            before = snapshot(lib)
            if operation == "install-edition":
                args, target = ["install", str(big), "--machine"], "groot"
            elif operation == "install-mkdocs":
                args, target = ["install", str(mkdocs_src)], "klein"
            else:
                if not any(c == "groot" for c, _, _ in before):
                    install(lib, big)
                    before = snapshot(lib)
                args, target = ["remove", "groot"], "groot"
            code = run_and_kill(args, base, rng.uniform(0, durations[operation]))
            after = snapshot(lib)
            outcomes["finished" if code is not None else "killed"] += 1
            kills_of[operation] += code is None
            others_before = {e for e in before if e[0] != target}
            assert {e for e in after if e[0] != target} == others_before  # other corpora untouched
            if operation == "remove":
                assert after in (before, frozenset(others_before))
            else:
                added = after - before
                assert after >= before and len(added) <= 1 and all(c == target for c, _, _ in added)
            if code is not None:
                assert code == 0
            # Undo a finished install (test setup, by hand), so the next kill can land in the middle of one again.
            if operation != "remove" and after != before:
                (corpus_id, key, kind), = after - before
                added_edition = next(e for e in lib.editions()
                                     if (e.corpus_id, e.key, e.folder.kind) == (corpus_id, key, kind))
                shutil.rmtree(added_edition.path)
                assert snapshot(lib) == before
    assert outcomes["killed"] == sum(KILLS.values()), outcomes
    # The next install cleans up every staging folder the kills left.
    install(lib, big)
    install(lib, big, kind=MACHINE)
    for folder in (base / "user", base / "machine" / "editions"):
        if folder.is_dir():
            assert not [p.name for p in folder.iterdir() if p.name.startswith(".")], folder
    assert installed <= snapshot(lib)
