"""Types and lint are part of the suite: mypy (strict on reader/core, checked untyped defs elsewhere) and ruff, as
configured in pyproject.toml, report nothing. CI runs the suite, so CI runs both."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mypy_reports_no_errors() -> None:
    # The files to check and every option come from [tool.mypy] in pyproject.toml.
    proc = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]


def test_ruff_reports_no_findings() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO, capture_output=True, text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]


def test_no_noqa_comments_in_our_code() -> None:
    """A `# noqa` that no linter reads is noise; one that ruff reads hides a finding we should fix instead."""
    found = [
        f"{path.relative_to(REPO)}:{n}"
        for folder in ("reader", "tests", "packaging", "resources")
        for path in sorted((REPO / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "# noqa" in line and path.name != Path(__file__).name
    ]
    assert not found, found
