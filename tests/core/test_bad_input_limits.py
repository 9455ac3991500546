"""Bad input a new user may give, each a clear message with its exact code: never a traceback, never a hang.

Pipes, names that are not UTF-8, unreadable pages, include fan-out, deep nesting, duplicate front matter keys and
sources without a single page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reader.core.corpus import load_corpus
from reader.core.corpus.snippets import MAX_EXPANDED_CHARS, MAX_INCLUDES
from reader.core.edition import BuildRefused, build_edition
from reader.core.model import ERROR, WARNING

REPO = Path(__file__).resolve().parents[2]
GOOD_PAGE = "---\ntitle: Goed\nsummary: Een goede pagina.\n---\n\n# Goed\n\nTekst.\n"
SNIPPETS_YML = "site_name: x\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [inc]\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def triples(corpus: Any, severity: str | None = None) -> set[tuple[str, str, int | None]]:
    return {(p.code, p.file, p.line) for p in corpus.problems if severity is None or p.severity == severity}


def cli(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


# ------------------------------------------------------------------------------------------ pipes and devices


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


@needs_fifo
def test_a_pipe_named_md_is_skipped_by_check_and_build(tmp_path: Path) -> None:
    source = write(tmp_path / "src", {"index.md": GOOD_PAGE})
    os.mkfifo(source / "pijp.md")
    os.mkfifo(source / "pijp.png")
    corpus = load_corpus(source)
    assert triples(corpus, WARNING) >= {("not-regular-file", "pijp.md", None), ("not-regular-file", "pijp.png", None)}
    assert list(corpus.pages) == ["index"] and corpus.assets == ()
    checked = cli("check", source, timeout=60)  # a pipe blocked `check` forever
    assert checked.returncode == 0, checked.stderr
    assert "[not-regular-file]" in checked.stdout
    built = cli("build", source, "--out", tmp_path / "ed", timeout=60)  # ... and the content hash of `build`
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr


@needs_fifo
def test_bookmarks_import_refuses_a_pipe(tmp_path: Path) -> None:
    from reader.core.userdata import BookmarkFileError, read_bookmark_file

    pipe = tmp_path / "bladwijzers.json"
    os.mkfifo(pipe)
    with pytest.raises(BookmarkFileError) as caught:
        read_bookmark_file(pipe)
    assert caught.value.code == "bookmark-file-not-regular"
    result = cli("bookmarks", "import", pipe, "--profile", tmp_path / "profiel", timeout=60)
    assert result.returncode != 0
    assert "geen gewoon bestand" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------------------------------ names


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take any bytes as a name")
def test_a_name_that_is_not_utf8_is_left_out_with_its_bytes_escaped(tmp_path: Path) -> None:
    source = write(tmp_path / "src", {"index.md": GOOD_PAGE})
    (Path(os.fsdecode(bytes(source))) / os.fsdecode(b"caf\xe9.md")).write_text(GOOD_PAGE, encoding="utf-8")
    (source / os.fsdecode(b"map\xff")).mkdir()
    corpus = load_corpus(source)
    assert triples(corpus, WARNING) >= {("name-not-utf8", "caf\\xe9.md", None), ("name-not-utf8", "map\\xff", None)}
    assert list(corpus.pages) == ["index"]
    built = cli("build", source, "--out", tmp_path / "ed", "--json")  # crashed in the content hash
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert json.loads(built.stdout)["pages"] == 1
    checked = cli("check", source, "--json")
    codes = {p["code"] for p in json.loads(checked.stdout)["warnings"]}
    assert "name-not-utf8" in codes


# ------------------------------------------------------------------------------------------ unreadable pages


def test_an_unreadable_page_is_left_out_of_a_keep_going_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root chmod does not stop reading: make reading this one file fail instead.
    source = write(tmp_path / "src", {"index.md": GOOD_PAGE, "dicht.md": GOOD_PAGE})
    closed = (source / "dicht.md").resolve()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == closed:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = build_edition(source, tmp_path / "ed", keep_going=True)  # was "cannot write the edition"
    assert report.pages == 1
    assert [(p.code, p.file) for p in report.left_out] == [("page-unreadable", "dicht.md")]
    with pytest.raises(BuildRefused):
        build_edition(source, tmp_path / "ed2")


# ------------------------------------------------------------------------------------------ include fan-out


def _fan_out(root: Path, levels: int, width: int, leaf: str) -> None:
    """inc/l0.md includes l1.md `width` times, ..., the last level holds `leaf`."""
    (root / "inc").mkdir()
    for level in range(levels):
        (root / "inc" / f"l{level}.md").write_text(
            "".join(f'--8<-- "l{level + 1}.md"\n' for _ in range(width)), encoding="utf-8"
        )
    (root / "inc" / f"l{levels}.md").write_text(leaf, encoding="utf-8")


def test_include_fan_out_is_bounded_by_an_include_budget(tmp_path: Path) -> None:
    source = write(tmp_path, {"mkdocs.yml": SNIPPETS_YML, "docs/index.md": GOOD_PAGE,
                              "docs/waaier.md": GOOD_PAGE + '\nVoor.\n\n--8<-- "l0.md"\n'})
    _fan_out(source, levels=7, width=10, leaf="Blad.\n")  # 10 million includes: minutes before
    started = time.perf_counter()
    corpus = load_corpus(source)
    assert time.perf_counter() - started < 20
    assert triples(corpus, ERROR) == {("include-too-many", "docs/waaier.md", 12)}
    problem = corpus.errors[0]
    assert f"{MAX_INCLUDES:,}" in problem.message and "inc/l" in problem.message
    assert list(corpus.pages) == ["index"]


def test_expanded_size_is_bounded_by_the_page_limit(tmp_path: Path) -> None:
    source = write(tmp_path, {"mkdocs.yml": SNIPPETS_YML, "docs/index.md": GOOD_PAGE,
                              "docs/groot.md": GOOD_PAGE + '\n--8<-- "l0.md"\n'})
    leaf = ("Een regel tekst die telkens terugkomt in de bladeren.\n" * 2000)  # ~110 KB
    _fan_out(source, levels=4, width=4, leaf=leaf)  # 256 leaves: ~28 MB, past the 5 MB page limit
    corpus = load_corpus(source)
    assert triples(corpus, ERROR) == {("include-too-large", "docs/groot.md", 10)}
    assert f"{MAX_EXPANDED_CHARS >> 20} MB" in corpus.errors[0].message
    assert list(corpus.pages) == ["index"]


def test_includes_within_the_budget_still_work(tmp_path: Path) -> None:
    source = write(tmp_path, {"mkdocs.yml": SNIPPETS_YML, "docs/index.md": GOOD_PAGE + '\n--8<-- "l0.md"\n'})
    _fan_out(source, levels=3, width=5, leaf="Blad.\n")  # 155 includes
    corpus = load_corpus(source)
    assert corpus.errors == []
    assert corpus.pages["index"].body.count("Blad.") == 125


# ------------------------------------------------------------------------------------------ deep nesting


def test_a_list_nested_a_thousand_deep_is_refused_before_markdown(tmp_path: Path) -> None:
    deep = "".join("    " * i + "- punt\n" for i in range(1000))
    filler = "Tekst om de pagina groot te maken.\n\n" * 30_000  # with the list: about 2 MB
    source = write(tmp_path, {"index.md": GOOD_PAGE, "diep.md": GOOD_PAGE + "\n" + filler + deep})
    started = time.perf_counter()
    corpus = load_corpus(source)
    assert time.perf_counter() - started < 10  # 68-111 s and 780 MB before
    first_too_deep = 9 + 60_000 + 51  # the good page and a blank line, the filler, then the list's 51st line
    assert triples(corpus, ERROR) == {("nesting-too-deep", "diep.md", first_too_deep)}
    assert list(corpus.pages) == ["index"]


@pytest.mark.parametrize(
    "text, line",
    [
        (">" * 60 + " citaat\n", 1),
        ("tekst\n\n" + "> " * 51 + "citaat\n", 3),
        ("- " * 60 + "punt\n", 1),
        ("\t" * 52 + "1. punt\n", 1),
    ],
)
def test_quotes_and_markers_count_as_nesting(tmp_path: Path, text: str, line: int) -> None:
    corpus = load_corpus(write(tmp_path, {"diep.md": text}))
    assert ("nesting-too-deep", "diep.md", line) in triples(corpus, ERROR)


def test_ordinary_nesting_is_fine(tmp_path: Path) -> None:
    text = "".join("    " * i + f"{i + 1}. punt\n" for i in range(12)) + "\n> > > citaat\n\n    code\n"
    corpus = load_corpus(write(tmp_path, {"index.md": GOOD_PAGE + text}))
    assert corpus.errors == [] and "index" in corpus.pages


# ------------------------------------------------------------------------------------------ front matter


def test_duplicate_front_matter_keys_name_both_lines(tmp_path: Path) -> None:
    page = "---\ntitle: Eerste\nsummary: Samenvatting.\ntitle: Tweede\nextra:\n  a: 1\n  a: 2\n---\n\n# Kop\n"
    corpus = load_corpus(write(tmp_path, {"index.md": page}))
    duplicates = [p for p in corpus.problems if p.code == "frontmatter-duplicate-key"]
    assert {(p.severity, p.file, p.line) for p in duplicates} == {(WARNING, "index.md", 4), (WARNING, "index.md", 7)}
    assert "lines 2 and 4" in next(p.message for p in duplicates if p.line == 4)
    assert "lines 6 and 7" in next(p.message for p in duplicates if p.line == 7)
    assert corpus.pages["index"].title == "Tweede"  # the last one is used, as PyYAML and MkDocs do


def test_keys_that_only_look_alike_are_not_duplicates(tmp_path: Path) -> None:
    page = "---\ntitle: T\nsummary: S.\n1: een\n'1': twee\nbase: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n---\n# T\n"
    corpus = load_corpus(write(tmp_path, {"index.md": page}))
    assert [p for p in corpus.problems if p.code == "frontmatter-duplicate-key"] == []


# ------------------------------------------------------------------------------------------ no pages at all


@pytest.mark.parametrize(
    "files",
    [
        {},  # empty
        {"notities.txt": "geen markdown"},  # page-less
        {"kapot.md": "---\ntitle: [\n---\n"},  # every page broken
    ],
)
def test_a_source_without_pages_never_replaces_a_good_edition(tmp_path: Path, files: dict[str, str]) -> None:
    good = write(tmp_path / "goed", {"index.md": GOOD_PAGE})
    edition = tmp_path / "editie"
    assert cli("build", good, "--out", edition).returncode == 0
    manifest = (edition / "manifest.json").read_bytes()
    empty = write(tmp_path / "leeg", files)
    empty.mkdir(exist_ok=True)
    result = cli("build", empty, "--out", edition, "--keep-going")
    assert result.returncode == 1
    assert "no page could be built" in result.stderr and "Traceback" not in result.stderr
    assert (edition / "manifest.json").read_bytes() == manifest  # the old edition untouched
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".editie")]  # no temporary folder left


@needs_fifo
def test_a_pipe_named_mkdocs_yml_is_no_config(tmp_path: Path) -> None:
    write(tmp_path, {"docs/index.md": GOOD_PAGE})
    os.mkfifo(tmp_path / "mkdocs.yml")
    corpus = load_corpus(tmp_path)  # never reads the pipe: a plain folder, the pipe skipped with its warning
    assert list(corpus.pages) == ["docs"]  # docs/index.md of a plain folder
    assert ("not-regular-file", "mkdocs.yml", None) in triples(corpus, WARNING)
