"""What an install process reports, as plain state: the JSON lines of `richtlijnenlezer install --progress-json`.

The window runs the install as a separate process and feeds whatever arrives on its stdout to `InstallProgress.feed`
(chunks may split a line anywhere; bytes are decoded per complete line). The lines are
    {"event": "progress", "phase": "read"|"write", "done": n, "total": t, "current": "file or page"}
    {"event": "done", "corpus_id", "title", "edition_date", "key", "path", "problems": [...]}
    {"event": "error", "code", "message", "problems": [...]}
Anything else (a stray print, a traceback on stdout) is kept as `other_lines` and otherwise ignored. No Qt here:
the dialog shows this state, tests check it without a display.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

READ, WRITE = "read", "write"
RUNNING, DONE, FAILED = "running", "done", "failed"

# "docs/page.md:12: warning [code] message" (reader.core.model.Problem's str); the line may be absent.
_PROBLEM = re.compile(r"^(?P<file>[^\n]*?)(?::(?P<line>\d+))?: (?P<severity>error|warning|info) \[(?P<code>[^\]]*)\]")
MAX_OTHER_LINES = 200  # kept for a failure report; a chatty process cannot grow this without bound


@dataclass(frozen=True)
class ProblemLine:
    """One problem string split into what the dialog shows (`text` is the whole string, unchanged)."""

    text: str
    file: str = ""
    line: int = 0
    severity: str = ""
    code: str = ""


def parse_problem(text: str) -> ProblemLine:
    match = _PROBLEM.match(text)
    if match is None:
        return ProblemLine(text)
    line = match.group("line")
    return ProblemLine(text, match.group("file"), int(line) if line else 0, match.group("severity"),
                       match.group("code"))


@dataclass
class InstallProgress:
    """The state of one install, updated line by line."""

    phase: str = ""  # READ, WRITE or "" before the first progress line
    done: int = 0
    total: int = 0
    current: str = ""
    outcome: str = RUNNING  # RUNNING, DONE or FAILED (a final event arrived)
    result: dict[str, Any] = field(default_factory=dict)  # the "done" event
    error_code: str = ""
    error_message: str = ""
    problems: list[ProblemLine] = field(default_factory=list)
    other_lines: list[str] = field(default_factory=list)
    _pending: bytes = b""

    def feed(self, chunk: bytes) -> int:
        """Take what the process wrote; returns how many events were applied."""
        data = self._pending + chunk
        *lines, self._pending = data.split(b"\n")
        return sum(self.feed_line(line.decode("utf-8", errors="replace")) for line in lines)

    def finish(self) -> int:
        """The process ended: a last line without its newline still counts."""
        rest, self._pending = self._pending, b""
        return self.feed_line(rest.decode("utf-8", errors="replace")) if rest.strip() else 0

    def feed_line(self, line: str) -> int:
        line = line.strip()
        if not line:
            return 0
        try:
            event = json.loads(line)
        except ValueError:
            event = None
        if not isinstance(event, dict) or not isinstance(event.get("event"), str):
            if len(self.other_lines) < MAX_OTHER_LINES:
                self.other_lines.append(line)
            return 0
        kind = event["event"]
        if kind == "progress":
            self.phase = WRITE if event.get("phase") == WRITE else READ
            self.done = _count(event.get("done"))
            self.total = _count(event.get("total"))
            self.current = str(event.get("current") or "")
        elif kind == "done":
            self.outcome = DONE
            self.result = event
            self.problems = _problems(event.get("problems"))
        elif kind == "error":
            self.outcome = FAILED
            self.error_code = str(event.get("code") or "")
            self.error_message = str(event.get("message") or "")
            self.problems = _problems(event.get("problems"))
        else:
            return 0
        return 1

    @property
    def fraction(self) -> float:
        """How far the whole install is, 0..1: reading is the first half, writing the second."""
        if self.outcome == DONE:
            return 1.0
        if not self.total:
            return 0.0
        part = min(self.done, self.total) / self.total
        return (0.5 if self.phase == WRITE else 0.0) + part / 2

    @property
    def serious_problems(self) -> list[ProblemLine]:
        """Errors and warnings (the information lines a build always has are left out)."""
        return [p for p in self.problems if p.severity != "info"]


def _count(value: object) -> int:
    return max(0, value) if isinstance(value, int) and not isinstance(value, bool) else 0


def _problems(value: object) -> list[ProblemLine]:
    if not isinstance(value, list):
        return []
    return [parse_problem(str(item)) for item in value]
