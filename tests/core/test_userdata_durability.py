"""Never lose committed data: SIGKILL in the middle of write bursts, and two processes on one profile."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.core.userdata import DB_NAME, UserData

# The child writes forever and prints a line only AFTER the write's transaction committed.
WRITER = textwrap.dedent(
    """
    import sys
    from reader.core.userdata import UserData, ImportRecord
    from reader.core.userdata import item_keys
    profile, tag, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = UserData.open(profile, corpus_id="corpus-a")
    out = sys.stdout
    i = start
    while True:
        kind = i % 4
        if kind == 0:
            data.add_bookmark(f"{tag}/page/{i}", f"s{i}", title=f"Titel {i}", note="n" * (i % 300))
            out.write(f"b {i}\\n")
        elif kind == 1:
            data.set_item(f"{tag}/check", item_keys([f"item {i}"])[0], True, f"item {i}")
            out.write(f"c {i}\\n")
        elif kind == 2:
            # A multi-row transaction: all of it or nothing may survive.
            data.import_bookmarks([ImportRecord(f"{tag}/imp/{i}/{j}", title="x" * 500) for j in range(25)])
            out.write(f"i {i}\\n")
        else:
            data.record_visit(f"{tag}/page/{i}", "bezocht")
            out.write(f"h {i}\\n")
        out.flush()
        i += 1
    """
)


def _spawn(profile: Path, tag: str, start: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(profile), tag, str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_reported(data: UserData, tag: str, reported: list[str]) -> None:
    conn = data._conn
    for line in reported:
        kind, num = line.split()
        i = int(num)
        if kind == "b":
            assert data.find_bookmark(f"{tag}/page/{i}", f"s{i}") is not None, line
        elif kind == "c":
            assert conn.execute("SELECT count(*) FROM checklist WHERE page_id = ? AND text = ?",
                                (f"{tag}/check", f"item {i}")).fetchone()[0] == 1, line
        elif kind == "i":
            assert conn.execute("SELECT count(*) FROM bookmarks WHERE page_id LIKE ?",
                                (f"{tag}/imp/{i}/%",)).fetchone()[0] == 25, line
        elif kind == "h":
            assert conn.execute("SELECT count(*) FROM history WHERE page_id = ?",
                                (f"{tag}/page/{i}",)).fetchone()[0] == 1, line


@pytest.mark.slow
def test_sigkill_during_write_bursts_loses_nothing_committed(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    rng = random.Random(7)
    all_reported: list[str] = []
    start = 0
    kills = 0
    deadline = time.monotonic() + 12.0  # keep the test bounded on a slow machine
    while kills < 25 and time.monotonic() < deadline:
        child = _spawn(profile, "k", start)
        # The random delays below are the point of the test, not waits for a condition: they spread the kill over
        # start-up and the write bursts as a real crash would land (seeded, so a failure can be replayed).
        if kills % 4 == 3:
            # Now and then kill during start-up: opening (and creating/migrating) the store must be safe too.
            time.sleep(rng.uniform(0.0, 0.3))
            first = ""
        else:
            # Otherwise wait for the first committed write, so the kill lands inside the burst.
            first = child.stdout.readline()
            assert first, child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, err  # the writer never stops by itself, unless it failed
        if out and not out.endswith("\n"):
            out = out[: out.rfind("\n") + 1]  # a line cut in the middle of printing: not a completed report
        lines = [ln.strip() for ln in (first + out).splitlines() if ln.strip()]
        all_reported.extend(lines)
        start += 1000 + (int(lines[-1].split()[1]) - start if lines else 0)  # fresh numbers for the next child
        kills += 1

        # After every kill: the store opens, is intact, and has every reported write.
        with UserData.open(profile, corpus_id="corpus-a") as data:
            assert data.recovered_from is None
            assert data.integrity_check() == "ok"
            _check_reported(data, "k", all_reported)
            # Atomicity of the multi-row transactions, reported or not.
            groups: dict[str, int] = {}
            for (page_id,) in data._conn.execute("SELECT page_id FROM bookmarks WHERE page_id LIKE 'k/imp/%'"):
                group = page_id.rsplit("/", 1)[0]
                groups[group] = groups.get(group, 0) + 1
            assert all(n == 25 for n in groups.values()), groups
    assert kills >= 10, "the machine is too slow to kill the writer often enough"
    assert len(all_reported) > kills // 2
    assert not list(profile.glob("*.corrupt-*"))


@pytest.mark.slow
def test_two_processes_on_one_profile(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    UserData.open(profile, corpus_id="corpus-a").close()
    children = [_spawn(profile, tag, 0) for tag in ("een", "twee")]
    reported: dict[str, list[str]] = {"een": [], "twee": []}
    for child, tag in zip(children, reported, strict=True):
        # Let both run concurrently until each has committed a good number of writes.
        while len(reported[tag]) < 120:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            reported[tag].append(line.strip())
    for child in children:
        child.kill()
        out, err = child.communicate(timeout=10)
        assert "Error" not in err, err
    with UserData.open(profile, corpus_id="corpus-a") as data:
        assert data.integrity_check() == "ok"
        for tag, lines in reported.items():
            _check_reported(data, tag, lines)


def test_committed_write_is_on_disk_before_the_call_returns(tmp_path: Path) -> None:
    # A second, independent connection sees the write at once: nothing waits in a buffer of our process.
    profile = tmp_path / "p"
    with UserData.open(profile, corpus_id="corpus-a") as data:
        data.add_bookmark("a", title="A")
        other = sqlite3.connect(profile / DB_NAME)
        assert other.execute("SELECT title FROM bookmarks").fetchall() == [("A",)]
        other.close()
