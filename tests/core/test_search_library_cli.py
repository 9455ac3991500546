"""`richtlijnenlezer search QUERY --all`: every corpus of the library (or the editions named by --edition), results
grouped per corpus, each hit naming its corpus; real editions built from small generated MkDocs folders, the
library found through the environment as the installed app finds it, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import paths
from reader.cli import main
from reader.core.edition import build_edition
from reader.core.search import META_FILE
from tests.conftest import REPO_ROOT

DUTCH = {
    "toegankelijkheid.md": "# Zorg voor toegankelijkheid\n\nIedereen moet de dienst kunnen gebruiken. Test de "
                           "toegankelijkheid met echte gebruikers en een screenreader.\n",
    "beleid.md": "# Maak beleid\n\nHet beleid legt vast wie wat beslist. Privacy hoort in elk beleid.\n",
    "cloud.md": "# Kies de cloud bewust\n\nCloudopslag vraagt om een exitstrategie.\n",
}
ENGLISH = {
    "diagrams.md": "# Diagrams\n\nMermaid diagrams are drawn in the browser. Mermaid supports flowcharts.\n",
    "privacy.md": "# Privacy plugin\n\nThe privacy plugin downloads external assets, so privacy is kept.\n",
    "history.md": "# History\n\nThe quiet start belied how large the project would grow.\n",
}


def source(root: Path, name: str, url: str, pages: dict[str, str]) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(f"site_name: {name}\nsite_url: {url}\n", encoding="utf-8")
    for file, text in pages.items():
        (root / "docs" / file).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A per-user library folder with two corpora, a per-machine folder with none, and the editions themselves."""
    root = tmp_path_factory.mktemp("library")
    user = root / "user"
    nl = build_edition(source(root / "src-nl", "Testrichtlijnen", "https://richtlijnen.example.nl/test/", DUTCH),
                       user / "test-nl" / "e1", icons_dir=paths.icons_dir()).edition
    en = build_edition(source(root / "src-en", "Test docs", "https://docs.example.org/", ENGLISH),
                       user / "test-en" / "e1", icons_dir=paths.icons_dir()).edition
    (root / "machine").mkdir()
    return {"user": user, "machine": root / "machine", "nl": nl, "en": en}


def run_cli(library: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, RICHTLIJNENLEZER_USER_EDITIONS=str(library["user"]),
               RICHTLIJNENLEZER_MACHINE_DIR=str(library["machine"]))
    return subprocess.run([sys.executable, "-m", "reader", "search", *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


NL_ID, EN_ID = "richtlijnen-example-nl-test", "docs-example-org"


def test_all_json_names_the_corpus_of_every_hit(library: dict[str, Path]) -> None:
    proc = run_cli(library, "privacy", "--all", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"query", "suggestion", "ms", "groups", "unavailable"}
    groups = {g["corpus_id"]: g for g in out["groups"]}
    # the two installed corpora and the bundled one, each searched in its current edition
    assert {NL_ID, EN_ID} < set(groups) and len(groups) == 3
    assert groups[NL_ID]["corpus_title"] == "Testrichtlijnen" and groups[EN_ID]["corpus_title"] == "Test docs"
    for cid in (NL_ID, EN_ID):
        hits = groups[cid]["hits"]
        assert hits and all((h["corpus_id"], h["corpus_title"]) == (cid, groups[cid]["corpus_title"]) for h in hits)
    assert {h["page"] for h in groups[EN_ID]["hits"]} == {"privacy"}
    assert {h["page"] for h in groups[NL_ID]["hits"]} == {"beleid"}
    found = [g["corpus_id"] for g in out["groups"] if g["hits"]]
    assert found[0] == EN_ID  # the English corpus is about privacy; the Dutch one mentions it once
    assert out["groups"][: len(found)] == [groups[c] for c in found]  # corpora with hits first


def test_all_text_output_labels_each_group(library: dict[str, Path]) -> None:
    proc = run_cli(library, "mermaid", "--all")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"== Test docs   [{EN_ID}]   1 resultaat" in out
    assert "[Mermaid]" in out and "diagrams" in out
    assert "Niets gevonden in: " in out and "Testrichtlijnen" in out.split("Niets gevonden in: ")[1]
    assert "1 resultaat in 1 van 3 richtlijnen" in out


def test_a_word_of_one_corpus_is_not_corrected_in_another(library: dict[str, Path]) -> None:
    alone = run_cli(library, "belied", "--edition", str(library["nl"]), "--json")
    assert json.loads(alone.stdout)["corrected_query"] == "beleid"  # the Dutch corpus alone corrects it
    out = json.loads(run_cli(library, "belied", "--all", "--json").stdout)
    groups = {g["corpus_id"]: g for g in out["groups"]}
    assert groups[EN_ID]["hits"][0]["page"] == "history"
    assert groups[NL_ID]["hits"] == [] and groups[NL_ID]["corrected_query"] is None
    assert out["groups"][0]["corpus_id"] == EN_ID


def test_explicit_editions_instead_of_the_library(library: dict[str, Path], capsys: pytest.CaptureFixture[str]
                                                  ) -> None:
    assert main(["search", "toegankelijkheid", "--all", "--edition", str(library["en"]),
                 "--edition", str(library["nl"]), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(g["corpus_id"], g["corpus_title"], bool(g["hits"])) for g in out["groups"]] == [
        (NL_ID, "Testrichtlijnen", True), (EN_ID, "Test docs", False)]
    # two editions without --all mean the same
    assert main(["search", "toegankelijkheid", "--edition", str(library["en"]), "--edition", str(library["nl"]),
                 "--json", "--limit", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [len(g["hits"]) for g in out["groups"]] == [1, 0]


def test_empty_query(library: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "", "--all", "--edition", str(library["en"]), "--edition", str(library["nl"])]) == 0
    assert "Typ een of meer woorden" in capsys.readouterr().out


def test_a_broken_index_is_skipped_and_said(library: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / META_FILE).write_text('{"format": -1}')
    assert main(["search", "mermaid", "--all", "--edition", str(tmp_path), "--edition", str(library["en"]),
                 "--json"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [g["corpus_id"] for g in out["groups"]] == [EN_ID]
    assert [(u["corpus_id"], u["code"]) for u in out["unavailable"]] == [(tmp_path.name, "index-format")]
    assert "overgeslagen" in captured.err and "opnieuw" in captured.err
    # nothing left to search: an error
    assert main(["search", "mermaid", "--all", "--edition", str(tmp_path)]) == 2


def test_all_does_not_import_qt(library: dict[str, Path]) -> None:
    code = ("import sys; from reader.cli import main; rc = main(['search', 'privacy', '--all', '--json']); "
            "assert rc == 0 and 'PySide6' not in sys.modules, (rc, 'PySide6' in sys.modules)")
    env = dict(os.environ, RICHTLIJNENLEZER_USER_EDITIONS=str(library["user"]),
               RICHTLIJNENLEZER_MACHINE_DIR=str(library["machine"]))
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, check=True, capture_output=True)


def test_library_corpora_lists_each_corpus_once_with_its_current_edition(library: dict[str, Path]) -> None:
    from reader.core.library import USER, Library, LibraryFolder
    from reader.librarysearch import library_corpora

    lib = Library([LibraryFolder(library["user"], USER)])
    assert library_corpora(lib) == [(EN_ID, "Test docs", library["en"]), (NL_ID, "Testrichtlijnen", library["nl"])]
