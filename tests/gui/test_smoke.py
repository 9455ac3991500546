"""`open --smoke-test` as users, packaging and benchmarks run it: a real process, real JSON, honest exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]

KEYS = {"page", "url", "load_ok", "title", "text", "links", "images", "console", "blocked", "ms"}


def smoke(*args: str, profile: Path) -> tuple[int, list[dict], str]:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the smoke test must pick the offscreen platform on its own
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "open", "--smoke-test", "--profile", str(profile), *args],
        capture_output=True, text=True, env=env, timeout=300,
    )
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, records, proc.stderr


def check_records(records: list[dict], edition: Path) -> None:
    pages = json.loads((edition / "pages.json").read_text(encoding="utf-8"))
    assert [r["page"] for r in records] == [p["id"] for p in pages]
    for record in records:
        assert set(record) == KEYS
        assert record["load_ok"] is True, record["page"]
        assert record["url"].startswith("rl://edition.invalid/page/")
        assert record["title"].strip(), record["page"]
        assert len(record["text"].strip()) > 40, record["page"]
        assert record["console"] == [], record
        assert isinstance(record["ms"], float) and record["ms"] > 0
        for image in record["images"]:
            if image["src"].startswith("rl:"):
                assert image["loaded"], (record["page"], image)


def test_smoke_every_page_of_the_bundled_content(content_edition, tmp_path):
    code, records, err = smoke("--all", "--edition", str(content_edition), profile=tmp_path)
    assert code == 0, err[-2000:]
    check_records(records, content_edition)
    assert all(r["blocked"] == [] for r in records)


def test_smoke_every_page_of_nerds(nerds_edition, tmp_path):
    code, records, err = smoke("--all", "--edition", str(nerds_edition), profile=tmp_path)
    assert code == 0, err[-2000:]
    check_records(records, nerds_edition)
    home = records[0]
    assert home["page"] == "index" and "NeRDS" in home["text"]


def test_smoke_single_page_and_failures(content_edition, tmp_path):
    code, records, _ = smoke("--edition", str(content_edition), "richtlijnen/samenwerking", profile=tmp_path)
    assert code == 0 and len(records) == 1
    assert records[0]["page"] == "richtlijnen/samenwerking"
    assert "Deel, hergebruik en werk samen" in records[0]["text"]
    # A page whose HTML is gone fails to load: exit 1, load_ok false, and the other pages still report.
    broken = tmp_path / "broken"
    import shutil

    shutil.copytree(content_edition, broken)
    (broken / "pages" / "over.html").unlink()
    code, records, _ = smoke("--all", "--edition", str(broken), profile=tmp_path)
    assert code == 1
    by_page = {r["page"]: r for r in records}
    assert by_page["over"]["load_ok"] is False
    assert by_page["index"]["load_ok"] is True


def test_window_without_display_explains_itself(tmp_path, content_edition):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--edition", str(content_edition), "--profile", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert proc.returncode == 2
    assert "beeldscherm" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
