"""The process start the smoke test measures its first page from: the parent's spawn time, else /proc to 10 ms."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.commands import open as open_command

REPO = Path(__file__).resolve().parents[2]
TOLERANCE_S = 0.1
CHILD = "from reader.commands.open import process_start_time; print(repr(process_start_time()))"


def child_start(spawn_env: str | None) -> tuple[float, float]:
    """(our time.time() right before spawning a child, the start that child computes for itself)."""
    env = {k: v for k, v in os.environ.items() if k != open_command.SPAWN_TIME_ENV}
    if spawn_env is not None:
        env[open_command.SPAWN_TIME_ENV] = spawn_env
    before = time.time()
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=60, check=True)
    return before, float(proc.stdout)


@pytest.mark.skipif(not Path("/proc/uptime").is_file(), reason="needs Linux /proc")
def test_proc_start_is_close_to_the_spawn_time_we_took_ourselves() -> None:
    spawned, started = child_start(None)
    # The child starts right after we take the time; /proc counts in 10 ms ticks. The old /proc/stat `btime` method
    # was off by up to a second.
    assert spawned - 0.02 <= started <= spawned + TOLERANCE_S, started - spawned


def test_a_spawn_time_from_the_parent_wins() -> None:
    spawned = time.time()
    _, started = child_start(repr(spawned))
    assert started == spawned


@pytest.mark.skipif(not Path("/proc/uptime").is_file(), reason="needs Linux /proc")
@pytest.mark.parametrize("bad", ["", "geen getal", "nan", "inf", "1e30", "STALE"])
def test_a_spawn_time_that_cannot_be_ours_is_ignored(bad: str) -> None:
    value = repr(time.time() - 3600) if bad == "STALE" else bad  # inherited from a process long gone
    spawned, started = child_start(value)
    assert spawned - 0.02 <= started <= spawned + TOLERANCE_S, started - spawned


def test_in_process_sources_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(open_command.SPAWN_TIME_ENV, raising=False)
    from_proc = open_command.proc_start_time()
    if from_proc is None:
        assert open_command.process_start_time() == open_command._IMPORT_TIME
        return
    assert open_command.process_start_time() == pytest.approx(from_proc, abs=0.02)
    assert from_proc <= time.time()
    monkeypatch.setenv(open_command.SPAWN_TIME_ENV, repr(from_proc - 0.005))
    assert open_command.process_start_time() == from_proc - 0.005
