"""The one error that stops an import: the source as a whole cannot be read."""

from __future__ import annotations

from reader.core.model import (
    Problem,
)


class CorpusError(Exception):
    """The source cannot be read at all. `problem` says why, in the same shape as every other problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem



def _problem(severity: str, code: str, file: str, line: int | None, message: str) -> Problem:
    return Problem(severity, code, file, line, message)
