"""The catalogue of the core's error messages (reader/messages.py): every code the core raises has a template, every
template's placeholders are given where the code is raised, and describing a real error leaves no placeholder."""

from __future__ import annotations

import ast
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reader import messages
from reader.core.corpus import CorpusError, load_corpus
from reader.core.edition import EditionError, InvalidEdition, read_edition
from reader.core.errors import ReaderError
from reader.core.formats import EDITION_FORMAT_VERSION
from reader.core.search import IndexFormatError, SearchIndex
from reader.core.userdata import BookmarkFileError, UserData, UserDataError, parse_bytes

READER = Path(__file__).resolve().parent.parent / "reader"
ERROR_CLASSES = {
    "ReaderError", "UserDataError", "ReadOnlyError", "BookmarkFileError", "IndexFormatError", "InvalidEdition",
    "EditionError", "MkDocsConfigError", "CorpusError", "BuildRefused", "LibraryError", "PackError", "PackRefused",
}
CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
IMPLICIT = {"InvalidEdition": {"folder"}}  # params the class adds itself


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _first_code(call: ast.Call) -> str | None:
    """The code a raise site names: the first code-shaped string among its arguments (CorpusError: the finer code
    when given, else the one of the Problem it wraps)."""
    direct = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    for value in direct:
        if CODE.match(value):
            return value
    for arg in call.args:
        if isinstance(arg, ast.Call):
            found = _first_code(arg)
            if found:
                return found
    return None


def raise_sites() -> list[tuple[str, str, set[str] | None]]:
    """(where, code, params given; None when forwarded with **) of every error built with a literal code."""
    sites = []
    for path in sorted(READER.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name == "__init__" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):
                name = "ReaderError"  # super().__init__("build-refused", ...)
            if name not in ERROR_CLASSES:
                continue
            code = _first_code(node)
            if code is None:
                continue  # a code passed on from another error (EditionError(exc.code, **exc.params))
            given: set[str] | None = {k.arg for k in node.keywords if k.arg} | IMPLICIT.get(name, set())
            if any(k.arg is None for k in node.keywords):
                given = None
            sites.append((f"{path.relative_to(READER.parent)}:{node.lineno}", code, given))
    return sites


def test_the_scan_finds_the_raise_sites() -> None:
    codes = {code for _, code, _ in raise_sites()}
    assert {"index-corrupt-postings", "userdata-bad-page-id", "edition-no-manifest", "bookmark-file-field-type",
            "mkdocs-inherit-outside", "source-missing", "build-refused", "userdata-newer-schema"} <= codes


def test_every_raised_code_has_a_template_and_its_placeholders_are_given() -> None:
    problems = []
    for where, code, given in raise_sites():
        template = messages.MESSAGES.get(code)
        if template is None:
            problems.append(f"{where}: {code} has no template")
        elif given is not None and not messages.placeholders(template) <= given:
            problems.append(f"{where}: {code} lacks {sorted(messages.placeholders(template) - given)}")
    assert problems == []


def test_every_template_is_used() -> None:
    assert set(messages.MESSAGES) - {code for _, code, _ in raise_sites()} == set()


def test_every_template_is_marked_for_lupdate() -> None:
    tree = ast.parse((READER / "messages.py").read_text(encoding="utf-8"))
    catalogue = next(n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign)
                     and isinstance(n.target, ast.Name) and n.target.id == "MESSAGES")
    assert isinstance(catalogue, ast.Dict)
    for value in catalogue.values:
        assert isinstance(value, ast.Call) and _name(value.func) == "QT_TRANSLATE_NOOP", ast.unparse(value)
        assert isinstance(value.args[0], ast.Constant) and value.args[0].value == messages.CONTEXT


def test_unknown_code_and_stray_braces_never_raise() -> None:
    assert messages.describe(ReaderError("no-such-code", x=1)) == "Er ging iets mis (foutcode no-such-code)."
    assert messages.fill("{a} {b} {", {"a": 1}) == "1 {b} {"
    assert messages.describe(UserDataError("userdata-no-bookmark", id=7)) == "Bladwijzer 7 bestaat niet (meer)."
    assert messages.describe(UserDataError("userdata-bad-page-id", page_id="'{x}'")) == "Ongeldige pagina-id: '{x}'"
    assert str(UserDataError("userdata-no-bookmark", id=7)) == "userdata-no-bookmark {'id': 7}"  # logs: technical


def _caught(fn: Callable[[], object]) -> ReaderError:
    with pytest.raises(ReaderError) as err:
        fn()
    return err.value


def _real_errors(tmp_path: Path) -> list[ReaderError]:
    """Errors raised for real by the core, one per kind of raise site that is practical to reach."""
    found: list[ReaderError] = []
    for raw in (b"{kapot", b'{"format": "x"}', b'{"format": "richtlijnenlezer-bookmarks", "version": 9}',
                b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": [{"page_id": 5}]}',
                b'{"format": "richtlijnenlezer-bookmarks", "version": 1, "bookmarks": [{"page_id": "a", "note": 1}]}',
                b"\xff\xfe", b"tekst", b"<html></html>"):
        found.append(_caught(functools.partial(parse_bytes, raw)))
    with UserData.open(tmp_path / "profile", corpus_id="corpus-a") as data:
        found.append(_caught(lambda: data.add_bookmark("")))
        found.append(_caught(lambda: data.add_bookmark("a", "\x01")))
        found.append(_caught(lambda: data.delete_bookmark(12345)))
    edition = tmp_path / "edition"
    found.append(_caught(lambda: read_edition(edition, EDITION_FORMAT_VERSION)))
    edition.mkdir()
    found.append(_caught(lambda: read_edition(edition, EDITION_FORMAT_VERSION)))
    (edition / "manifest.json").write_text("[1, 2")
    found.append(_caught(lambda: read_edition(edition, EDITION_FORMAT_VERSION)))
    (edition / "manifest.json").write_text(json.dumps({"format_version": True}))
    found.append(_caught(lambda: read_edition(edition, EDITION_FORMAT_VERSION)))
    found.append(_caught(lambda: SearchIndex.open(tmp_path / "no-index")))
    found.append(_caught(lambda: load_corpus(tmp_path / "no-source")))
    source = tmp_path / "source"
    source.mkdir()
    (source / "mkdocs.yml").write_text("INHERIT: ../elders.yml\n")
    found.append(_caught(lambda: load_corpus(source)))
    return found


def test_real_errors_are_described_without_leftover_placeholders(tmp_path: Path) -> None:
    errors = _real_errors(tmp_path)
    kinds = {type(e) for e in errors}
    assert {BookmarkFileError, UserDataError, InvalidEdition, IndexFormatError, CorpusError} <= kinds
    for error in errors:
        assert error.code in messages.MESSAGES, error
        text = messages.describe(error)
        assert not messages.placeholders(text), (error, text)
        assert not re.search(r"\b(the|not|cannot|is missing)\b", text), text  # the CLI's words are Dutch


def test_edition_error_keeps_the_code_of_the_broken_folder(tmp_path: Path) -> None:
    from reader.core.edition import Edition

    with pytest.raises(EditionError) as err:
        Edition.open(tmp_path)
    assert err.value.code == "edition-no-manifest"
    assert messages.describe(err.value) == f"{tmp_path}: geen bruikbare editie: manifest.json ontbreekt."
