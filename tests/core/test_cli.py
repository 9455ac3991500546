"""The command line: every subcommand is there, and commands that need no window never load Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, **kwargs: Any) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120, cwd=REPO, **kwargs)


def test_parser_and_windowless_commands_load_no_qt():
    code = (
        "import sys\n"
        "from reader.cli import build_parser\n"
        "build_parser()\n"
        "from reader.commands import build, check, search, bookmarks, open\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    proc = run("-c", code)
    assert proc.returncode == 0, proc.stderr


def test_python_m_reader_is_the_command():
    proc = run("-m", "reader", "--help")
    assert proc.returncode == 0
    for command in ("open", "build", "check", "search", "bookmarks"):
        assert command in proc.stdout
    version = run("-m", "reader", "--version")
    assert version.returncode == 0 and version.stdout.strip().startswith("richtlijnenlezer ")


def test_build_then_search_from_the_terminal(tmp_path):
    out = tmp_path / "edition"
    proc = run("-m", "reader", "-v", "build", "content", "--out", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["pages"] == 6 and summary["left_out"] == []
    found = run("-m", "reader", "search", "hergebruik", "--edition", str(out), "--json")
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["hits"] and result["hits"][0]["page"] == "richtlijnen/samenwerking"


def test_build_of_an_unreadable_source_is_a_clear_error(tmp_path):
    proc = run("-m", "reader", "build", str(tmp_path / "nergens"), "--out", str(tmp_path / "ed"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "nergens" in proc.stderr
