"""`open --smoke-test --all` on an edition without pages ends at once with a message (it used to wait forever)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.edition import build_edition

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_smoke_test_of_an_empty_edition_ends_at_once(tmp_path: Path) -> None:
    source = tmp_path / "bron"
    source.mkdir()
    (source / "index.md").write_text("---\ntitle: A\nsummary: B.\n---\n\n# A\n\nTekst.\n", encoding="utf-8")
    edition = tmp_path / "editie"
    build_edition(source, edition)
    # `build` refuses to write an edition without pages now; older builds wrote them, so make one by hand.
    (edition / "pages.json").write_text("[]", encoding="utf-8")
    (edition / "nav.json").write_text("[]", encoding="utf-8")
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    (edition / "manifest.json").write_text(json.dumps({**manifest, "page_count": 0}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "open", "--smoke-test", "--all", "--edition", str(edition),
         "--profile", str(tmp_path / "profiel")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert time.perf_counter() - started < 60
    assert proc.returncode == 1
    assert "this edition has no pages" in proc.stderr
    assert proc.stdout == ""
