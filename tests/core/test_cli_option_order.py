"""Options are accepted where users put them: before or after a subcommand's action and positionals.

Every case runs through the real `reader.cli.main`, once with the options before and once after, and compares what
the command did (its exit status and output) or, for `open` (which needs a window), the arguments it was handed.
"""

from __future__ import annotations

import argparse
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

import reader.commands.bookmarks
import reader.commands.build
import reader.commands.check
import reader.commands.open
import reader.commands.search
from reader.cli import main

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
BROKEN = REPO / "tests" / "fixtures" / "corpora" / "broken"

COMMAND_MODULES = {
    "open": reader.commands.open,
    "build": reader.commands.build,
    "check": reader.commands.check,
    "search": reader.commands.search,
    "bookmarks": reader.commands.bookmarks,
}


def cli(*argv: str) -> tuple[int, str, str]:
    """Run the command line in this process; return (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def parsed(monkeypatch: pytest.MonkeyPatch, *argv: str) -> dict[str, Any]:
    """The namespace `main` hands to the subcommand, with the subcommand's work replaced by recording it."""
    seen: list[argparse.Namespace] = []

    def record(args: argparse.Namespace) -> int:
        seen.append(args)
        return 0

    for module in COMMAND_MODULES.values():
        monkeypatch.setattr(module, "run", record)
    assert main(list(argv)) == 0
    assert len(seen) == 1
    return vars(seen[0])


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("option-order") / "edition"
    code, _, err = cli("build", "--out", str(out), str(CONTENT), "--json")
    assert code == 0, err
    return out


# -- what the parser hands over, for every subcommand --------------------------------------------------------------
SAME_ARGUMENTS = [
    (["open", "--edition", "E", "--profile", "P", "--smoke-test", "start"],
     ["open", "start", "--smoke-test", "--profile", "P", "--edition", "E"]),
    # The default subcommand: `richtlijnenlezer [PAGE]` is `open`, with its options on either side of the page.
    (["--edition", "E", "start"], ["start", "--edition", "E"]),
    (["open", "start"], ["start"]),
    (
        ["build", "--out", "O", "--keep-going", "--json", "SRC"],
        ["build", "SRC", "--json", "--keep-going", "--out", "O"],
    ),
    (["check", "--json", "SRC"], ["check", "SRC", "--json"]),
    (["search", "--edition", "E", "--json", "--limit", "3", "open source"],
     ["search", "open source", "--edition", "E", "--json", "--limit", "3"]),
    (["bookmarks", "--profile", "P", "add", "pagina#anker", "--note", "n"],
     ["bookmarks", "add", "pagina#anker", "--note", "n", "--profile", "P"]),
    (["bookmarks", "--profile", "P", "list", "--json"], ["bookmarks", "list", "--json", "--profile", "P"]),
    (["bookmarks", "--profile", "P", "remove", "3"], ["bookmarks", "remove", "3", "--profile", "P"]),
    (["bookmarks", "--profile", "P", "export", "F", "--format", "html"],
     ["bookmarks", "export", "--format", "html", "F", "--profile", "P"]),
    (["bookmarks", "--profile", "P", "import", "F"], ["bookmarks", "import", "F", "--profile", "P"]),
]


@pytest.mark.parametrize(("before", "after"), SAME_ARGUMENTS, ids=lambda argv: " ".join(argv))
def test_options_before_and_after_give_the_same_arguments(
    monkeypatch: pytest.MonkeyPatch, before: list[str], after: list[str]
) -> None:
    assert parsed(monkeypatch, *before) == parsed(monkeypatch, *after)


VERBOSE_CASES = [
    ["open", "start"],
    ["start"],
    ["build", "SRC", "--out", "O"],
    ["check", "SRC"],
    ["search", "vraag"],
    ["bookmarks", "list"],
    ["bookmarks", "add", "pagina"],
]


@pytest.mark.parametrize("argv", VERBOSE_CASES, ids=" ".join)
def test_verbose_anywhere(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    quiet = parsed(monkeypatch, *argv)
    assert quiet["verbose"] is False
    first = parsed(monkeypatch, "-v", *argv)
    assert first["verbose"] is True
    assert parsed(monkeypatch, *argv, "--verbose") == first
    if argv[0] == "bookmarks":  # between the command and its action as well
        assert parsed(monkeypatch, argv[0], "-v", *argv[1:]) == first


def test_an_option_given_at_both_levels_takes_the_later_value(monkeypatch: pytest.MonkeyPatch) -> None:
    args = parsed(monkeypatch, "bookmarks", "--profile", "eerst", "list", "--profile", "later")
    assert args["profile"] == Path("later")
    assert parsed(monkeypatch, "bookmarks", "list")["profile"] is None


# -- what the commands do ----------------------------------------------------------------------------------------
def _bookmark_list(profile: Path, options_after: bool) -> list[dict[str, Any]]:
    argv = ["list", "--json", "--profile", str(profile)] if options_after else ["--profile", str(profile), "list",
                                                                                "--json"]
    code, out, err = cli("bookmarks", *argv)
    assert code == 0, err
    # Creation times differ between the two profiles; everything else must not.
    return [{k: v for k, v in b.items() if k not in ("created", "updated")} for b in json.loads(out)]


def test_bookmarks_with_the_profile_before_or_after_the_action(tmp_path: Path) -> None:
    before, after = tmp_path / "voor", tmp_path / "na"
    added_before = cli("bookmarks", "--profile", str(before), "add", "gids/lijst#taken", "--title", "Taken",
                       "--folder", "Werk", "--no-check")
    added_after = cli("bookmarks", "add", "gids/lijst#taken", "--title", "Taken", "--folder", "Werk", "--no-check",
                      "--profile", str(after))
    assert added_before == added_after
    assert added_after[0] == 0 and "Taken" in added_after[1]

    listed = _bookmark_list(after, options_after=True)
    assert listed == _bookmark_list(before, options_after=False)
    assert listed == _bookmark_list(after, options_after=False)
    assert [(b["page_id"], b["anchor"], b["folder"]) for b in listed] == [("gids/lijst", "taken", "Werk")]
    assert cli("bookmarks", "list", "--profile", str(after)) == cli("bookmarks", "--profile", str(before), "list")

    bookmark_id = str(json.loads(cli("bookmarks", "list", "--json", "--profile", str(after))[1])[0]["id"])
    assert cli("bookmarks", "remove", bookmark_id, "--profile", str(after)) == cli(
        "bookmarks", "--profile", str(before), "remove", bookmark_id)
    assert _bookmark_list(after, options_after=True) == [] == _bookmark_list(before, options_after=True)


def _search(*argv: str) -> tuple[int, dict[str, Any]]:
    code, out, err = cli("search", *argv)
    assert code == 0, err
    result = json.loads(out)
    result.pop("ms")  # the time the search took
    return code, result


def test_search_with_options_after_the_query(edition: Path) -> None:
    before = _search("--edition", str(edition), "--json", "--limit", "2", "hergebruik")
    after = _search("hergebruik", "--edition", str(edition), "--json", "--limit", "2")
    assert before == after
    hits = after[1]["hits"]
    assert 1 <= len(hits) <= 2 and hits[0]["page"] == "richtlijnen/samenwerking"
    text_before = cli("search", "--edition", str(edition), "hergebruik")
    text_after = cli("search", "hergebruik", "--edition", str(edition), "-v")
    assert text_before[0] == text_after[0] == 0
    # The last line names the time the search took: compare everything above it.
    assert text_before[1].splitlines()[:-1] == text_after[1].splitlines()[:-1]


def test_check_with_json_before_or_after_the_source() -> None:
    before = cli("check", "--json", str(BROKEN))
    after = cli("check", str(BROKEN), "--json")
    assert before == after
    assert before[0] == 1 and json.loads(before[1])["pages"] == 5
    assert cli("check", "-v", str(CONTENT)) == cli("check", str(CONTENT), "-v")


def test_build_with_out_before_or_after_the_source(tmp_path: Path, edition: Path) -> None:
    # The module's edition was built with --out before the source; this one with it after.
    code, out, err = cli("build", str(CONTENT), "--json", "--out", str(tmp_path / "edition"))
    assert code == 0, err
    summary = json.loads(out)
    assert summary["edition"] == str(tmp_path / "edition") and summary["pages"] == 6
    manifest_before = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    manifest_after = json.loads((tmp_path / "edition" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest_after["content_hash"] == manifest_before["content_hash"]
    assert manifest_after["page_count"] == manifest_before["page_count"] == 6
