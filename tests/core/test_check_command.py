"""`richtlijnenlezer check SOURCE [--json]`: report format and exit codes 0 / 1 / 2, never a traceback."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.commands import check

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "corpora"
NERDS = REPO.parent / "shared" / "corpora" / "nerds-2026-03"


def run_check(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    check.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["check", *argv])
    out = io.StringIO()
    old, sys.stdout = sys.stdout, out
    try:
        code = check.run(args)
    finally:
        sys.stdout = old
    return code, out.getvalue()


def test_clean_corpus_exits_0():
    code, out = run_check(str(FIXTURES / "handboek"))
    assert code == 0
    assert out.strip().endswith("7 pages, 0 error(s), 1 warning(s), 1 info: OK.")


def test_errors_exit_1_with_readable_lines():
    code, out = run_check(str(FIXTURES / "broken"))
    assert code == 1
    lines = out.splitlines()
    assert "pages/kapot/yaml.md:3: error [frontmatter-yaml] The front matter is not valid YAML" in out
    assert lines[0].split(": ")[1].startswith("error")  # errors first
    assert "5 error(s), 11 warning(s), 1 info" in lines[-1] and "--keep-going" in lines[-1]


def test_json_report_shape():
    code, out = run_check(str(FIXTURES / "broken"), "--json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"source", "pages", "errors", "warnings", "infos", "summary"}
    assert data["pages"] == 5
    unclosed = [e for e in data["errors"] if e["code"] == "frontmatter-unclosed"]
    assert unclosed == [{"severity": "error", "file": "pages/kapot/open.md", "line": 1, "code": "frontmatter-unclosed",
                         "message": "The front matter opened with --- on line 1 is never closed;"
                                    " add a --- line after it."}]
    items = data["errors"] + data["warnings"] + data["infos"]
    assert all(set(item) == {"severity", "file", "line", "code", "message"} for item in items)
    assert len(data["warnings"]) == 11 and len(data["infos"]) == 1


def test_unreadable_source_exits_2(tmp_path):
    code, out = run_check(str(tmp_path / "nergens"))
    assert code == 2
    assert "source-missing" in out and "nergens" in out
    (tmp_path / "mkdocs.yml").write_text("nav: [\n", encoding="utf-8")
    code, out = run_check(str(tmp_path), "--json")
    assert code == 2
    data = json.loads(out)
    assert data["pages"] == 0
    assert data["errors"][0]["code"] == "mkdocs-yaml" and data["errors"][0]["file"] == "mkdocs.yml"


def test_internal_error_is_a_message_not_a_traceback(monkeypatch, capsys):
    import reader.core.corpus as corpus_module

    def boom(source):
        raise RuntimeError("kapot")

    monkeypatch.setattr(corpus_module, "load_corpus", boom)
    code, _ = run_check(str(FIXTURES / "handboek"))
    assert code == 2
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err


@pytest.mark.skipif(not NERDS.is_dir(), reason="NeRDS corpus missing")
def test_nerds_in_a_fresh_process_without_qt():
    code = (
        "import sys, argparse\n"
        "from reader.commands import check\n"
        "p = argparse.ArgumentParser(); check.add_parser(p.add_subparsers(dest='command'))\n"
        f"rc = check.run(p.parse_args(['check', {str(NERDS)!r}, '--json']))\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == [] and data["pages"] == 29
