"""The install process's JSON lines, read into the state the add dialog shows (no Qt)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.gui.library.progress import DONE, FAILED, READ, RUNNING, WRITE, InstallProgress, parse_problem


def _line(**event: object) -> bytes:
    return (json.dumps(event) + "\n").encode()


def test_progress_lines_split_anywhere_give_the_same_state() -> None:
    data = (
        _line(event="progress", phase="read", done=0, total=4, current="docs/a.md")
        + _line(event="progress", phase="read", done=3, total=4, current="docs/ë.md")
        + _line(event="progress", phase="write", done=1, total=4, current="a")
    )
    whole = InstallProgress()
    assert whole.feed(data) == 3
    for cut in range(1, len(data)):  # every split point, also inside the two bytes of "ë"
        split = InstallProgress()
        split.feed(data[:cut])
        split.feed(data[cut:])
        assert (split.phase, split.done, split.total, split.current) == (WRITE, 1, 4, "a"), cut
    assert whole.outcome == RUNNING
    assert whole.fraction == 0.5 + 1 / 8


def test_read_phase_counts_the_first_half() -> None:
    state = InstallProgress()
    state.feed(_line(event="progress", phase="read", done=2, total=4, current="docs/ë.md"))
    assert (state.phase, state.current, state.fraction) == (READ, "docs/ë.md", 0.25)


def test_done_event_carries_result_and_problems() -> None:
    state = InstallProgress()
    problems = ["docs/a.md:3: warning [link-broken] A link", "docs/b.md:1: info [summary-missing] No summary",
                "mkdocs.yml: error [config] Bad"]
    state.feed(_line(event="done", corpus_id="c", title="T", key="k", path="/x", problems=problems))
    assert state.outcome == DONE and state.fraction == 1.0
    assert state.result["corpus_id"] == "c"
    assert [(p.file, p.line, p.severity, p.code) for p in state.problems] == [
        ("docs/a.md", 3, "warning", "link-broken"), ("docs/b.md", 1, "info", "summary-missing"),
        ("mkdocs.yml", 0, "error", "config")]
    assert [p.text for p in state.serious_problems] == [problems[0], problems[2]]


def test_error_event_and_a_last_line_without_newline() -> None:
    state = InstallProgress()
    state.feed(b'{"event": "error", "code": "build-refused", "message": "Kapot",'
               b' "problems": ["docs/x.md:2: error [y] z"]}')
    assert state.outcome == RUNNING  # the line is not complete yet
    assert state.finish() == 1
    assert (state.outcome, state.error_code, state.error_message) == (FAILED, "build-refused", "Kapot")
    assert state.problems[0].line == 2


def test_other_output_is_kept_not_obeyed() -> None:
    state = InstallProgress()
    state.feed(b"Traceback (most recent call last):\n[1, 2]\n{\"event\": 5}\n{\"event\": \"progress\", \"done\": true,"
               b" \"total\": -3}\n")
    assert state.other_lines == ["Traceback (most recent call last):", "[1, 2]", '{"event": 5}']
    assert (state.done, state.total, state.fraction) == (0, 0, 0.0)
    state.feed(b"x\n" * 500)
    assert len(state.other_lines) == 200


def test_a_problem_without_the_usual_shape_is_kept_whole() -> None:
    assert parse_problem("something odd").text == "something odd"
    assert parse_problem("something odd").line == 0


def test_the_real_install_process_output_parses(tmp_path: Path) -> None:
    """The lines the install command really prints (a two-page MkDocs folder) end in a done event."""
    source = tmp_path / "src"
    (source / "docs").mkdir(parents=True)
    (source / "mkdocs.yml").write_text("site_name: Proef\nnav:\n  - index.md\n  - b.md\n", encoding="utf-8")
    (source / "docs" / "index.md").write_text("# Start\n\nTekst.\n", encoding="utf-8")
    (source / "docs" / "b.md").write_text("# B\n\nMeer [kapot](nergens.md).\n", encoding="utf-8")
    env = dict(os.environ, RICHTLIJNENLEZER_USER_EDITIONS=str(tmp_path / "lib"))
    out = subprocess.run([sys.executable, "-m", "reader", "install", str(source), "--progress-json"],
                         capture_output=True, env=env, timeout=120, check=False)
    state = InstallProgress()
    state.feed(out.stdout)
    state.finish()
    assert out.returncode == 0, out.stderr
    assert state.outcome == DONE and state.phase == WRITE and state.total == 2
    assert Path(state.result["path"]).is_dir()
    assert any(p.file == "docs/b.md" and p.line > 0 for p in state.problems)
