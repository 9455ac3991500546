"""The base of every error the core raises: a stable code and its parameters, no words.

A shared top-level core module (like model.py): any core package may import it directly. The sentences that
explain a code live outside the core, in one catalogue (reader/messages.py), so the GUI can show them in the
interface language and the command line in Dutch; `str(error)` is a neutral technical form for log lines.
"""

from __future__ import annotations

from typing import Mapping

Param = str | int


class ReaderError(Exception):
    """An error with a machine-readable `code` (e.g. "index-format") and the `params` its message needs."""

    code: str
    params: Mapping[str, Param]

    def __init__(self, code: str, **params: Param) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        if not self.params:
            return self.code
        return f"{self.code} {dict(self.params)!r}"
