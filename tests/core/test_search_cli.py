"""`richtlijnenlezer search`: JSON contract, text output, errors, and no Qt import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.search import META_FILE, SearchDoc, build_index


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("edition")
    docs = [
        SearchDoc("cloud", "", "Kies de cloud bewust", "", ("Richtlijnen",), "Cloud met verstand.",
                  "Cloudopslag vraagt om een exitstrategie en goede afspraken."),
        SearchDoc("cloud", "kosten", "Kies de cloud bewust", "Kosten", ("Richtlijnen",), "",
                  "Houd de kosten <van> opslag & rekenkracht in de gaten."),
    ]
    build_index(root / "index", docs)
    return root


def test_json_output(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "kosten", "--edition", str(edition), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"query", "suggestion", "corrected_query", "partial", "ms", "hits", "filters", "facets"}
    assert out["query"] == "kosten" and out["suggestion"] is None and out["partial"] is False
    assert out["corrected_query"] is None
    hit = out["hits"][0]
    assert set(hit) == {"page", "anchor", "title", "section", "breadcrumb", "snippet_html", "score"}
    assert (hit["page"], hit["anchor"], hit["section"]) == ("cloud", "kosten", "Kosten")
    assert hit["breadcrumb"] == ["Richtlijnen"]
    assert "<mark>kosten</mark>" in hit["snippet_html"] and "&lt;van&gt;" in hit["snippet_html"]


def test_json_suggestion_and_limit(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "koster", "--edition", str(edition), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)  # the typo is searched as its correction, and says so
    assert out["corrected_query"] == "kosten" and out["suggestion"] is None and out["hits"]
    assert main(["search", "koster", "--edition", str(edition), "--json", "--no-correction"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["suggestion"] == "kosten" and out["hits"] == [] and out["corrected_query"] is None
    assert main(["search", "cloud", "--edition", str(edition), "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1


def test_text_output(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "exitstrategie", "--edition", str(edition)]) == 0
    out = capsys.readouterr().out
    assert "Kies de cloud bewust" in out and "[exitstrategie]" in out


def test_hostile_query_from_terminal(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", '"(((-OR*', "--edition", str(edition), "--json"]) == 0
    json.loads(capsys.readouterr().out)


def test_broken_index_is_an_error_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / META_FILE).write_text('{"format": -1}')
    assert main(["search", "x", "--edition", str(tmp_path)]) == 2
    assert "opnieuw" in capsys.readouterr().err


def test_command_does_not_import_qt() -> None:
    code = "import sys, reader.commands.search as m, reader.core.search; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
