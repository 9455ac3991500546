"""The diff between two editions on generated corpora where every change is known: pages added, removed, moved
(same id at another path; same content at another id), sections added, removed, edited and renamed, front matter
changed, and edits of white space or markup only, which must not count."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader import paths
from reader.core.diff import (
    DELETE,
    INSERT,
    KEEP,
    EditionDiff,
    change_html,
    diff_editions,
    page_sections,
    side,
    word_diff,
)
from reader.core.edition import Edition, EditionError, build_edition

REPO = Path(__file__).resolve().parents[2]

LOREM = "De gebruiker vraagt om een dienst die werkt voor iedereen in elke fase van het project."


def _page(title: str, summary: str, relations: list[str], body: str) -> str:
    rel = "".join(f"  - {r}\n" for r in relations)
    head = f"---\ntitle: {title}\nsummary: {summary}\n" + (f"relations:\n{rel}" if rel else "") + "---\n\n"
    return head + f"# {title}\n\n" + textwrap.dedent(body).strip() + "\n"


OLD = {
    "index.md": _page("Start", "Het begin.", [], "Welkom bij de richtlijnen. " + LOREM),
    "a.md": _page("Pagina A", "Over A.", ["b"], f"""
        Inleiding van A. {LOREM}

        ## Een

        Het eerste deel noemt drie stappen voor het team. {LOREM}

        ## Twee

        Dit deel verdwijnt in de nieuwe editie helemaal. {LOREM}

        ## Drie

        Het derde deel blijft zoals het is. {LOREM}
        """),
    "b.md": _page("Pagina B", "Over B.", [], f"B verdwijnt. {LOREM}\n\n## Alleen B\n\nTekst van B. {LOREM}"),
    "c.md": _page("Pagina C", "Over C.", [], f"""
        C verhuist naar een andere map. {LOREM}

        ## Eerste van C

        Tekst een van C over beheer. {LOREM}

        ## Tweede van C

        Tekst twee van C over inkoop. {LOREM}
        """),
    "d.md": _page("Pagina D", "Over D.", [], f"D krijgt een eigen map. {LOREM}\n\n## Deel van D\n\nTekst van D."),
    "e.md": _page("Pagina E", "Over E.", [], f"""
        Deze tekst verandert alleen van opmaak. {LOREM}

        ## Opmaak

        Een zin met een [link](https://example.org/oud) en nog een woord.
        Een tweede regel in dezelfde alinea.
        """),
    "f.md": _page("Pagina F", "Over F.", [], f"F krijgt een nieuwe titel. {LOREM}"),
    "g.md": _page("Pagina G", "Over G.", [], f"""
        G krijgt een ander kopje. {LOREM}

        ## Oud kopje

        De tekst onder het kopje blijft gelijk. {LOREM}
        """),
}

NEW = dict(OLD)
del NEW["b.md"]
NEW["sub/c.md"] = NEW.pop("c.md")
NEW["d/index.md"] = NEW.pop("d.md")
NEW["a.md"] = _page("Pagina A", "Over A.", ["f"], f"""
    Inleiding van A. {LOREM}

    ## Een

    Het eerste deel noemt vier stappen voor het hele team. {LOREM}

    ## Drie

    Het derde deel blijft zoals het is. {LOREM}

    ## Vier

    Een nieuw deel aan het eind. {LOREM}
    """)
# Only white space and markup: reflowed, extra spaces, bold and italic, another link target.
NEW["e.md"] = _page("Pagina E", "Over E.", [], f"""
    Deze   tekst verandert alleen
    van **opmaak**. {LOREM}

    ## Opmaak

    Een zin met een [link](https://example.org/nieuw)   en *nog* een woord. Een tweede regel in dezelfde alinea.
    """)
NEW["f.md"] = _page("Pagina F herzien", "Over F, herzien.", [], f"F krijgt een nieuwe titel. {LOREM}")
NEW["g.md"] = OLD["g.md"].replace("## Oud kopje", "## Nieuw kopje")
NEW["h.md"] = _page("Pagina H", "Over H.", [], f"H is nieuw. {LOREM}")


def _write(root: Path, files: dict[str, str]) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Diff-proef\ndocs_dir: docs\n", encoding="utf-8")
    for rel, text in files.items():
        target = root / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("diff")
    out = []
    for name, files in (("old", OLD), ("new", NEW)):
        source = _write(base / f"src-{name}", files)
        build_edition(source, base / name, icons_dir=paths.icons_dir())
        out.append(base / name)
    return out[0], out[1]


@pytest.fixture(scope="module")
def result(editions: tuple[Path, Path]) -> EditionDiff:
    return diff_editions(*editions)


def test_pages_added_removed_and_moved(result: EditionDiff) -> None:
    assert [(p.page_id, p.path) for p in result.added] == [("h", "h.md")]
    assert [(p.page_id, p.path) for p in result.removed] == [("b", "b.md")]
    moves = {(m.old_id, m.new_id, m.old_path, m.new_path, m.match) for m in result.moved}
    assert moves == {("c", "sub/c", "c.md", "sub/c.md", "content"), ("d", "d", "d.md", "d/index.md", "id")}


def test_changed_pages_and_sections(result: EditionDiff) -> None:
    changed = {c.page_id: c for c in result.changed}
    # Not e (markup and white space only), not d (moved, same text); c moved into a folder, so its breadcrumb.
    assert set(changed) == {"a", "f", "g", "sub/c"}
    c = changed["sub/c"]
    assert (c.old_id, c.old_path, c.new_path, c.sections) == ("c", "c.md", "sub/c.md", [])
    assert [(x.name, x.old, x.new) for x in c.fields] == [("breadcrumb", (), ("Sub",))]
    a = changed["a"]
    assert [(f.name, f.old, f.new) for f in a.fields] == [("relations", ("b",), ("f",))]
    assert [(s.kind, s.anchor) for s in a.sections] == [("changed", "een"), ("removed", "twee"), ("added", "vier")]
    een = a.sections[0]
    assert [op for op in een.words if op[0] != KEEP] == [(DELETE, "drie"), (INSERT, "vier"), (INSERT, "hele")]
    assert a.sections[1].words[0][0] == DELETE and a.sections[2].words[0][0] == INSERT
    f = changed["f"]
    assert [(x.name, x.old, x.new) for x in f.fields] == [
        ("title", "Pagina F", "Pagina F herzien"), ("summary", "Over F.", "Over F, herzien.")]
    assert f.sections == [] and (f.title_old, f.title_new) == ("Pagina F", "Pagina F herzien")
    g = changed["g"]
    assert g.fields == []
    assert [(s.kind, s.anchor, s.old_anchor, s.heading, s.old_heading) for s in g.sections] == [
        ("changed", "nieuw-kopje", "oud-kopje", "Nieuw kopje", "Oud kopje")]
    assert all(op == KEEP for op, _ in g.sections[0].words)


def test_changed_anchors_for_bookmarks(result: EditionDiff) -> None:
    assert result.changed_anchors("a") == {"een", "twee", "vier"}
    assert result.changed_anchors("g") == {"nieuw-kopje", "oud-kopje"}
    assert result.changed_anchors("e") == set() and result.changed_anchors("nergens") == set()
    assert (result.new_id_for("c"), result.new_id_for("d"), result.new_id_for("b"), result.new_id_for("a")) == (
        "sub/c", "d", None, "a")


def test_an_edition_against_itself_is_empty(editions: tuple[Path, Path]) -> None:
    for edition in editions:
        same = diff_editions(edition, Edition.open(edition))
        assert same.empty and same.counts() == {"added": 0, "removed": 0, "moved": 0, "changed": 0}


def test_unchanged_pages_are_not_read(editions: tuple[Path, Path], tmp_path: Path) -> None:
    """Lazy: only the HTML of pages whose section hashes differ is opened; deleting the rest changes nothing."""
    import shutil

    copies = []
    for edition in editions:
        copy = tmp_path / edition.name
        shutil.copytree(edition, copy)
        copies.append(copy)
    for page in ("index", "h", "sub/c", "d"):  # not f: its title is in the intro, whose hash changed
        for copy in copies:
            (copy / "pages" / f"{page}.html").unlink(missing_ok=True)
    assert diff_editions(*copies).to_json()["changed"] == diff_editions(*editions).to_json()["changed"]
    # ... and a changed page whose HTML is missing is an error with a code, not a crash.
    (copies[1] / "pages" / "a.html").unlink()
    with pytest.raises(EditionError) as info:
        diff_editions(*copies)
    assert info.value.code == "edition-data-unreadable"


def test_a_rewritten_passage_is_one_replacement_not_confetti() -> None:
    assert word_diff("een twee drie de vier vijf zes", "zeven acht negen de tien elf twaalf") == [
        (DELETE, "een twee drie de vier vijf zes"), (INSERT, "zeven acht negen de tien elf twaalf")]
    # A small edit keeps its context, even a one-word context between two one-word edits.
    assert word_diff("de kat zit op de mat", "de hond zit op de mat") == [
        (KEEP, "de"), (DELETE, "kat"), (INSERT, "hond"), (KEEP, "zit op de mat")]
    assert word_diff("de kat zit", "het kat ligt") == [
        (DELETE, "de"), (INSERT, "het"), (KEEP, "kat"), (DELETE, "zit"), (INSERT, "ligt")]


def test_json_round_trip(result: EditionDiff) -> None:
    data = json.loads(json.dumps(result.to_json()))
    assert data["counts"] == {"added": 1, "removed": 1, "moved": 2, "changed": 4}
    assert EditionDiff.from_json(data).to_json() == data


def test_word_ops_give_back_both_texts(editions: tuple[Path, Path], result: EditionDiff) -> None:
    old, new = (Edition.open(e) for e in editions)
    for change in result.changed:
        before = page_sections(old.page_file(change.old_id).read_text(encoding="utf-8"))
        after = page_sections(new.page_file(change.page_id).read_text(encoding="utf-8"))
        for s in change.sections:
            if s.kind != "added":
                assert side(s.words, DELETE).split() == before[s.old_anchor or s.anchor].text.split()
            if s.kind != "removed":
                assert side(s.words, INSERT).split() == after[s.anchor].text.split()


def test_change_html_is_escaped_and_speaks() -> None:
    from reader.core.diff import FieldChange, PageChange, SectionChange

    change = PageChange(
        "p", "p", "p.md", "p.md", "<b>oud</b>", "<b>nieuw</b>",
        fields=[FieldChange("title", "<b>oud</b>", "<b>nieuw</b>")],
        sections=[SectionChange("s\"x", "<img src=x onerror=alert(1)>", "changed",
                                [(KEEP, "a & b"), (DELETE, "<script>"), (INSERT, "</p>")])],
    )
    html = change_html(change)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "</p></ins>" not in html
    assert "&lt;script&gt;" in html and "a &amp; b" in html and 'data-anchor="s&quot;x"' in html
    assert '<del><span class="rl-sr-only">verwijderd: </span>&lt;script&gt;' in html
    assert '<ins><span class="rl-sr-only">ingevoegd: </span>&lt;/p&gt;' in html
    assert "einde ingevoegd" in html and "einde verwijderd" in html


def test_the_stylesheet_hides_screen_reader_words_from_sight_only() -> None:
    css = (REPO / "resources" / "css" / "page.css").read_text(encoding="utf-8")
    rule = re.search(r"\.rl-sr-only\s*\{([^}]*)\}", css)
    assert rule is not None
    assert "clip" in rule.group(1) and "display" not in rule.group(1) and "visibility" not in rule.group(1)


def test_diff_command(editions: tuple[Path, Path]) -> None:
    run = [sys.executable, "-m", "reader", "diff", str(editions[0]), str(editions[1])]
    human = subprocess.run(run, capture_output=True, text=True, cwd=REPO, timeout=60)
    assert human.returncode == 0, human.stderr
    assert "1 pagina toegevoegd, 1 verwijderd, 2 verplaatst, 4 gewijzigd." in human.stdout
    assert "[-drie-] {+vier+}" in human.stdout and "verwijderd: Twee (#twee)" in human.stdout
    machine = subprocess.run(run + ["--json"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert machine.returncode == 0
    assert json.loads(machine.stdout)["counts"]["changed"] == 4
    missing = subprocess.run(run[:4] + [str(editions[1].parent / "bestaat-niet")], capture_output=True,
                             text=True, cwd=REPO, timeout=60)
    assert missing.returncode == 2 and "richtlijnenlezer diff:" in missing.stderr


def test_diff_command_loads_no_qt(editions: tuple[Path, Path]) -> None:
    code = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['diff', {str(editions[0])!r}, {str(editions[1])!r}])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert code == 0 and not bad, (code, bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
