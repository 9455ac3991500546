"""`richtlijnenlezer bookmarks ...` end to end, in a subprocess-free way (cli.main) and one real subprocess."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.commands import bookmarks
from reader.core.userdata import UserData


@pytest.fixture(scope="module")
def tiny_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hand-written edition (manifest + pages.json + nav.json): only what `bookmarks add` reads."""
    from reader.core.edition import PageInfo
    from reader.core.formats import EDITION_FORMAT_VERSION, INDEX_FORMAT_VERSION

    out = tmp_path_factory.mktemp("edition")
    pages = [
        PageInfo(id="index", title="Start", summary="", path="index.md",
                 headings=((1, "Start", "start"), (2, "Eerste stap", "eerste-stap")),
                 section_hashes={"": "1" * 64, "eerste-stap": "2" * 64}),
        PageInfo(id="gids/lijst", title="Lijst", summary="", path="gids/lijst.md",
                 headings=((1, "Lijst", "lijst"), (2, "Taken", "taken")),
                 section_hashes={"": "3" * 64, "taken": "4" * 64}, checklist=("een", "twee")),
    ]
    (out / "manifest.json").write_text(json.dumps({"format_version": EDITION_FORMAT_VERSION,
                                                   "index_format": INDEX_FORMAT_VERSION,
                                                   "page_count": 2, "content_hash": "0" * 64,
                                                   "corpus_title": "Klein", "built_at": "2026-01-01T00:00:00Z"}))
    (out / "pages.json").write_text(json.dumps([p.to_json() for p in pages]))
    (out / "nav.json").write_text("[]")
    (out / "pages").mkdir()
    (out / "index").mkdir()
    return out


def main(argv: list[str]) -> int:
    """Only this command's parser: the test does not depend on the other subcommands being importable."""
    parser = argparse.ArgumentParser(prog="richtlijnenlezer")
    sub = parser.add_subparsers(dest="command")
    bookmarks.add_parser(sub)
    return bookmarks.run(parser.parse_args(argv))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str], tiny_edition: Path) -> None:
    prof = str(tmp_path / "p")
    code, out, err = _run(capsys, "bookmarks", "--profile", prof, "add", "gids/lijst#taken", "--note", "doen",
                          "--folder", "Werk", "--edition", str(tiny_edition))
    assert code == 0, err
    assert "rl://edition.invalid/page/gids/lijst#taken" in out and "Lijst \u2014 Taken" in out
    code, out, err = _run(capsys, "bookmarks", "--profile", prof, "add", "index", "--edition", str(tiny_edition))
    assert code == 0
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "list", "--json", "--corpus", "klein")
    items = json.loads(out)
    assert [(i["page_id"], i["anchor"], i["folder"], i["note"]) for i in items] == [
        ("index", "", "", ""), ("gids/lijst", "taken", "Werk", "doen")]
    assert items[1]["section_hash"] and len(items[1]["section_hash"]) == 64
    code, out, _ = _run(capsys, "bookmarks", "--corpus", "klein", "--profile", prof, "list")
    assert "[Werk] Lijst \u2014 Taken  (gids/lijst#taken)" in out and "    doen" in out
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "remove", str(items[0]["id"]), "--corpus", "ander")
    assert code == 1  # an id of another corpus is not found there
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "remove", str(items[0]["id"]), "--corpus", "klein")
    assert code == 0 and "Verwijderd: Start" in out
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "remove", "999", "--corpus", "klein")
    assert code == 1 and "geen bladwijzer met ID 999" in err
    with UserData.open(Path(prof), corpus_id="klein") as data:
        assert [b.page_id for b in data.bookmarks()] == ["gids/lijst"]


def test_add_checks_the_edition(tmp_path: Path, capsys: pytest.CaptureFixture[str], tiny_edition: Path) -> None:
    prof = str(tmp_path / "p")
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "add", "bestaat/niet", "--edition", str(tiny_edition))
    assert code == 1 and "staat niet in de editie" in err
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "add", "index#geen-kop", "--edition",
                        str(tiny_edition))
    assert code == 1 and "geen kop met anker" in err
    code, _, _ = _run(capsys, "bookmarks", "--profile", prof, "add", "elders#x", "--no-check", "--title", "Vrij",
                      "--corpus", "vrij")
    assert code == 0
    with UserData.open(Path(prof), corpus_id="vrij") as data:
        assert [(b.page_id, b.title) for b in data.bookmarks()] == [("elders", "Vrij")]


def test_export_import_between_profiles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    for page in ("x", "y#z"):
        assert _run(capsys, "bookmarks", "--profile", a, "add", page, "--no-check")[0] == 0
    for fmt, name in (("json", "out.json"), ("html", "out.html")):
        code, out, _ = _run(capsys, "bookmarks", "--profile", a, "export", str(tmp_path / name), "--format", fmt)
        assert code == 0 and "2 bladwijzer(s)" in out
    code, out, _ = _run(capsys, "bookmarks", "--profile", b, "import", str(tmp_path / "out.html"))
    assert code == 0 and out.startswith("2 toegevoegd, 0 al aanwezig")
    code, out, _ = _run(capsys, "bookmarks", "--profile", b, "import", str(tmp_path / "out.json"))
    assert code == 0 and out.startswith("0 toegevoegd, 2 al aanwezig")
    (tmp_path / "bad.json").write_text("{kapot")
    code, _, err = _run(capsys, "bookmarks", "--profile", b, "import", str(tmp_path / "bad.json"))
    assert code == 1 and "geen geldig JSON" in err


def test_corpus_option_before_or_after_the_action_and_from_the_edition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tiny_edition: Path
) -> None:
    prof = str(tmp_path / "p")
    # Without --corpus, `add --edition` works on that edition's corpus (its manifest names none: from its title).
    assert _run(capsys, "bookmarks", "--profile", prof, "add", "index", "--edition", str(tiny_edition))[0] == 0
    assert _run(capsys, "bookmarks", "--corpus", "ander", "--profile", prof, "add", "index", "--no-check")[0] == 0
    assert _run(capsys, "bookmarks", "--profile", prof, "add", "over", "--no-check", "--corpus", "ander")[0] == 0
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "list", "--corpus", "klein", "--json")
    assert code == 0 and [i["title"] for i in json.loads(out)] == ["Start"]
    code, out, _ = _run(capsys, "bookmarks", "--corpus", "ander", "--profile", prof, "list", "--json")
    assert sorted(i["page_id"] for i in json.loads(out)) == ["index", "over"]
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "list", "--corpus", "leeg")
    assert code == 0 and out == "Geen bladwijzers.\n"
    # An edition of another corpus than --corpus: refused, nothing added.
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "add", "index", "--edition", str(tiny_edition),
                        "--corpus", "ander")
    assert code == 1 and "hoort bij klein, niet bij ander" in err
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "corpora", "--json")
    assert code == 0 and json.loads(out) == {
        "ander": {"bookmarks": 2, "checked_items": 0, "last_opened_edition": None},
        "klein": {"bookmarks": 1, "checked_items": 0, "last_opened_edition": None},
    }
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "corpora")
    assert out.splitlines() == ["ander  2 bladwijzer(s), 0 afgevinkt(e) checklistpunt(en)",
                                "klein  1 bladwijzer(s), 0 afgevinkt(e) checklistpunt(en)"]
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "list", "--corpus", "met\nregel")
    assert code == 2 and "Ongeldige corpus-id" in err
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "add", "x", "--edition", str(tmp_path / "geen"))
    assert code == 2 and "Geef --corpus ID" in err


def test_import_of_another_corpus_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prof, out_file = str(tmp_path / "p"), str(tmp_path / "nerds.json")
    assert _run(capsys, "bookmarks", "--profile", prof, "--corpus", "nerds", "add", "index", "--no-check")[0] == 0
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "--corpus", "nerds", "export", out_file)
    assert code == 0 and out == f"1 bladwijzer(s) van nerds geschreven naar {out_file}\n"
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "--corpus", "ander", "import", out_file)
    assert code == 1
    assert "horen bij de richtlijnen nerds, niet bij ander" in err and "(--force importeert ze toch)" in err
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "--corpus", "ander", "list")
    assert out == "Geen bladwijzers.\n"
    code, out, _ = _run(capsys, "bookmarks", "--profile", prof, "--corpus", "ander", "import", out_file, "--force")
    assert code == 0 and out.startswith("1 toegevoegd, 0 al aanwezig")


def test_read_only_store_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.userdata import ReadOnlyError
    from reader.core.userdata import store as userdata_store

    prof = str(tmp_path / "p")
    assert _run(capsys, "bookmarks", "--profile", prof, "add", "x", "--no-check")[0] == 0
    monkeypatch.setattr(userdata_store, "_probe_writable",
                        lambda d: ReadOnlyError("userdata-file-read-only", path="/x/profiel"))
    code, _, err = _run(capsys, "bookmarks", "--profile", prof, "add", "y", "--no-check")
    assert code == 2 and "kan niet opslaan: Het bestand /x/profiel is alleen-lezen." in err  # the CLI speaks Dutch
    code, out, err = _run(capsys, "bookmarks", "--profile", prof, "list")
    assert code == 0 and "(x)" in out and "alleen lezen" in err


def test_command_runs_without_pyside(tmp_path: Path) -> None:
    # A real process: the bookmarks command never imports Qt (it must work on machines without a display).
    code = (
        "import argparse, sys\n"
        "from reader.commands import bookmarks\n"
        "def main(argv):\n"
        "    parser = argparse.ArgumentParser(); sub = parser.add_subparsers(dest='command')\n"
        "    bookmarks.add_parser(sub)\n"
        "    return bookmarks.run(parser.parse_args(argv))\n"
        "rc = main(['bookmarks', '--profile', sys.argv[1], 'add', 'p', '--no-check'])\n"
        "rc |= main(['bookmarks', '--profile', sys.argv[1], 'list', '--json'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), [m for m in sys.modules if 'PySide' in m]\n"
        "sys.exit(rc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout[proc.stdout.index("["):])[0]["page_id"] == "p"
