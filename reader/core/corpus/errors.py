"""The one error that stops an import: the source as a whole cannot be read."""

from __future__ import annotations

from reader.core.errors import Param, ReaderError
from reader.core.model import (
    Problem,
)


class CorpusError(ReaderError):
    """The source cannot be read at all. `problem` says why for the author's report, in the same shape as every
    other problem; `code` (the problem's, unless a finer one is given) and `params` say it for the user's message."""

    def __init__(self, problem: Problem, code: str | None = None, **params: Param) -> None:
        super().__init__(code or problem.code, **params)
        self.problem = problem



def _problem(severity: str, code: str, file: str, line: int | None, message: str) -> Problem:
    return Problem(severity, code, file, line, message)
