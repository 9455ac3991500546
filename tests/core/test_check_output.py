"""`check` output people can use: severities, a summary by code, `--json` with each problem's severity, and
`build --json` counting exactly what `check` counts."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from reader.commands import build, check
from reader.core.model import ERROR, INFO, WARNING, Problem, problem_counts

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"


def _run(module, argv: list[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    module.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out = io.StringIO()
    old, sys.stdout = sys.stdout, out
    try:
        code = module.run(args)
    finally:
        sys.stdout = old
    return code, out.getvalue()


def _corpus(root: Path, *, with_error: bool) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Proef\n", encoding="utf-8")
    (docs / "index.md").write_text(
        "---\ntitle: Start\nsummary: De start.\n---\n\n# Start\n\nNaar [weg](weg.md) en [b](b.md#nergens).\n",
        encoding="utf-8",
    )
    (docs / "b.md").write_text("# Bee\n\nGeen voorwerk: titel en samenvatting ontbreken.\n", encoding="utf-8")
    if with_error:
        (docs / "kapot.md").write_text("---\ntitle: [\n---\n\nTekst.\n", encoding="utf-8")
    return root


def test_missing_title_and_summary_are_info_broken_links_warnings(tmp_path):
    code, out = _run(check, ["check", str(_corpus(tmp_path, with_error=False)), "--json"])
    assert code == 0  # warnings and infos do not fail the check
    data = json.loads(out)
    assert {(p["code"], p["file"]) for p in data["infos"]} == {
        ("title-missing", "docs/b.md"), ("summary-missing", "docs/b.md"),
    }
    assert {p["code"] for p in data["warnings"]} == {"link-missing", "anchor-missing"}
    assert data["errors"] == []
    for key, severity in (("errors", ERROR), ("warnings", WARNING), ("infos", INFO)):
        assert all(p["severity"] == severity for p in data[key])
    assert data["summary"]["by_severity"] == {"error": 0, "warning": 2, "info": 2}
    assert data["summary"]["by_code"]["title-missing"] == {"severity": "info", "count": 1}


def test_text_report_orders_by_severity_and_ends_with_a_summary(tmp_path):
    code, out = _run(check, ["check", str(_corpus(tmp_path, with_error=True))])
    assert code == 1
    lines = out.splitlines()
    severities = [line.split(": ", 2)[1].split(" ")[0] for line in lines if " [" in line and line.startswith("docs/")]
    assert severities == sorted(severities, key=[ERROR, WARNING, INFO].index)
    assert severities[0] == ERROR and severities[-1] == INFO
    table = lines[lines.index("Summary by code:") + 1: -1]
    assert table[0].split() == ["error", "frontmatter-yaml", "1"]
    assert ["info", "summary-missing", "1"] in [row.split() for row in table]
    assert lines[-1].endswith(": 2 pages, 1 error(s), 2 warning(s), 2 info: errors found: fix them, or build with "
                              "--keep-going to leave those pages out.")


def test_a_clean_corpus_prints_no_summary_table(tmp_path):
    (tmp_path / "index.md").write_text("---\ntitle: Start\nsummary: De start.\n---\n\n# Start\n\nTekst.\n",
                                       encoding="utf-8")
    code, out = _run(check, ["check", str(tmp_path)])
    assert code == 0 and "Summary by code" not in out
    assert out.strip().endswith(": 1 pages, 0 error(s), 0 warning(s), 0 info: OK."), out


def test_unreadable_source_json_has_a_summary(tmp_path):
    code, out = _run(check, ["check", str(tmp_path / "nergens"), "--json"])
    assert code == 2
    data = json.loads(out)
    assert data["errors"][0]["severity"] == "error"
    assert data["summary"]["by_severity"]["error"] == 1


def test_problem_counts_take_the_worse_severity_per_code():
    problems = [
        Problem(INFO, "x", "a.md", 1, "m."),
        Problem(WARNING, "x", "a.md", 2, "m."),
        Problem(ERROR, "y", "", None, "m."),
    ]
    counts = problem_counts(problems)
    assert counts["by_severity"] == {"error": 1, "warning": 1, "info": 1}
    assert list(counts["by_code"]) == ["y", "x"]
    assert counts["by_code"]["x"] == {"severity": "warning", "count": 2}


def _check_and_build(source: Path, out: Path) -> tuple[dict, dict]:
    code, text = _run(check, ["check", str(source), "--json"])
    assert code in (0, 1), text
    checked = json.loads(text)
    code, text = _run(build, ["build", str(source), "--out", str(out), "--keep-going", "--json"])
    assert code == 0, text
    return checked, json.loads(text)


def test_build_json_counts_exactly_what_check_counts(tmp_path):
    checked, built = _check_and_build(_corpus(tmp_path / "src", with_error=True), tmp_path / "edition")
    assert built["problems"] == checked["summary"]
    assert built["problems"]["by_severity"] == {"error": 1, "warning": 2, "info": 2}
    assert built["left_out"] == ["docs/kapot.md"]


@pytest.mark.parametrize("name", ["ai-validation-ea0c2e3", "nerds-2026-03"])
def test_build_json_counts_equal_check_on_real_corpora(tmp_path, name):
    source = CORPORA / name
    if not source.is_dir():
        pytest.skip(f"{source} is not available")
    checked, built = _check_and_build(source, tmp_path / "edition")
    assert built["problems"] == checked["summary"]
    assert sum(built["problems"]["by_severity"].values()) > 0
