"""`reader/core` type-checks clean with mypy (the core is the part other code builds on)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_core_is_mypy_clean():
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "reader/core", "--ignore-missing-imports", "--no-error-summary"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
