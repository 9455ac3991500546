"""Properties of the diff: the word ops give back both texts, a page or edition compared with itself has no
changes, and white space alone never makes one."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import paths
from reader.core.diff import DELETE, INSERT, KEEP, diff_editions, page_sections, section_changes, side, word_diff
from reader.core.edition import build_edition

WORD = st.sampled_from("de het een richtlijn dienst burger , . open data a b c beheer veilig".split())
SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n "])


@st.composite
def texts(draw: st.DrawFn, max_words: int = 30) -> str:
    words = draw(st.lists(WORD, max_size=max_words))
    return "".join(w + draw(SPACE) for w in words)


@given(texts(), texts())
def test_word_ops_give_back_old_and_new(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert side(ops, DELETE) == " ".join(old.split())
    assert side(ops, INSERT) == " ".join(new.split())
    assert all(op in (KEEP, INSERT, DELETE) and text and text == text.strip() for op, text in ops)
    assert all(a[0] != b[0] for a, b in zip(ops, ops[1:], strict=False))  # runs are merged
    if old.split() == new.split():
        assert all(op == KEEP for op, _ in ops)


@st.composite
def pages(draw: st.DrawFn) -> list[tuple[str, str]]:
    """(heading, text) sections; the first heading is the intro's ("")."""
    count = draw(st.integers(0, 5))
    headings = draw(st.lists(st.from_regex(r"[a-z]{3,8}", fullmatch=True), min_size=count, max_size=count,
                             unique=True))
    return [("", draw(texts()))] + [(h, draw(texts())) for h in headings]


def _html(sections: list[tuple[str, str]], spaced: bool = False) -> str:
    body = []
    for heading, text in sections:
        if heading:
            body.append(f'<h2 id="{heading}">{escape(heading)}</h2>')
        # The same words, laid out another way: other white space, an inline element around one word.
        shown = escape(text)
        if spaced:
            shown = re.sub(r"\s+", lambda m: "\n  " if len(m.group(0)) % 2 else " ", shown)
            shown = re.sub(r"^(\S+)", r"<strong>\1</strong>", shown.lstrip())
        body.append(f"<p>{shown}</p>")
    return '<article class="rl-article"><h1>T</h1>' + "".join(body) + "</article>"


@given(pages())
def test_a_page_against_itself_or_relaid_has_no_changes(sections: list[tuple[str, str]]) -> None:
    parsed = page_sections(_html(sections))
    assert section_changes(parsed, parsed) == []
    assert section_changes(parsed, page_sections(_html(sections, spaced=True))) == []


@given(pages(), pages())
def test_section_changes_give_back_both_pages(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> None:
    old, new = page_sections(_html(a)), page_sections(_html(b))
    changes = section_changes(old, new)
    reported_old = {c.old_anchor or c.anchor for c in changes if c.kind != "added"}
    reported_new = {c.anchor for c in changes if c.kind != "removed"}
    for c in changes:
        if c.kind != "added":
            assert side(c.words, DELETE).split() == old[c.old_anchor or c.anchor].text.split()
        if c.kind != "removed":
            assert side(c.words, INSERT).split() == new[c.anchor].text.split()
    # Every section not reported is in both pages with the same words and heading.
    for anchor in set(old) - reported_old:
        assert anchor in new and old[anchor].text.split() == new[anchor].text.split()
    for anchor in set(new) - reported_new:
        assert anchor in old and old[anchor].heading == new[anchor].heading


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(pages(), min_size=1, max_size=4))
def test_an_edition_against_itself_and_relaid_is_empty(tmp_path: Path, corpus: list[list[tuple[str, str]]]) -> None:
    """Built editions: the same source twice, and once with its Markdown laid out anew (other line breaks and
    spacing, the same words), have nothing to report."""
    import shutil

    built = []
    for name, relaid in (("a", False), ("b", False), ("c", True)):
        source = tmp_path / f"src-{name}"
        shutil.rmtree(source, ignore_errors=True)
        (source / "docs").mkdir(parents=True)
        (source / "mkdocs.yml").write_text("site_name: Eigen\ndocs_dir: docs\n", encoding="utf-8")
        for n, sections in enumerate(corpus):
            lines = [f"# Pagina {n}", ""]
            for heading, text in sections:
                if heading:
                    lines += [f"## {heading}", ""]
                words = text.split()
                if relaid:  # one word per line, doubled spaces: the same paragraph to Markdown
                    lines += ["\n".join(" " + w + "  " for w in words), ""]
                else:
                    lines += [" ".join(words), ""]
            (source / "docs" / f"p{n}.md").write_text("\n".join(lines), encoding="utf-8")
        out = tmp_path / f"ed-{name}"
        shutil.rmtree(out, ignore_errors=True)
        build_edition(source, out, icons_dir=paths.icons_dir())
        built.append(out)
    assert diff_editions(built[0], built[1]).empty
    assert diff_editions(built[0], built[2]).empty


PIECES = list("ab <>&\"'=/`;:") + ["<script>", "</p>", "javascript:", "&amp;", "<img src=x onerror=alert(1)>",
                                     "\u00a0"]
HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)
ALLOWED_TAGS = {"div", "p", "section", "h2", "h3", "h4", "ul", "li", "a", "code", "dl", "dt", "dd", "ins", "del",
                "span"}
ALLOWED_ATTRS = {"class", "href", "data-page", "data-anchor"}


@given(st.lists(HOSTILE, min_size=12, max_size=12))
def test_diff_html_escapes_every_corpus_string(s: list[str]) -> None:
    """Whatever a corpus puts in its ids, paths, titles, headings and text, the HTML has only our own elements
    and attributes, links only to the reader's pages, and every string comes back as text."""
    from html.parser import HTMLParser

    from reader.core.diff import (
        EditionDiff,
        EditionSide,
        FieldChange,
        PageChange,
        PageMove,
        PageRef,
        SectionChange,
        diff_html,
    )
    from reader.core.links import ORIGIN

    side_ = EditionSide("r", "t", "c", "2026-01-01", 1)
    result = EditionDiff(
        old=side_, new=side_,
        added=[PageRef(s[0], s[1], s[2])], removed=[PageRef(s[3], s[4], s[5])],
        moved=[PageMove(s[0], s[6], s[4], s[1], s[7], "content")],
        changed=[PageChange(s[6], s[0], s[4], s[1], s[2], s[7],
                            fields=[FieldChange("title", s[2], s[7]), FieldChange("relations", (s[8],), (s[9],))],
                            sections=[SectionChange(s[10], s[11], "changed",
                                                    [(KEEP, s[8]), (DELETE, s[9]), (INSERT, s[10])],
                                                    old_anchor=s[11], old_heading=s[8])])],
    )
    tags: set[str] = set()
    attrs: set[str] = set()
    hrefs: list[str] = []
    texts: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
            tags.add(tag)
            attrs.update(k for k, _ in attributes)
            hrefs.extend(v or "" for k, v in attributes if k == "href")

        def handle_data(self, data: str) -> None:
            texts.append(data)

    parser = Collect(convert_charrefs=True)
    parser.feed(diff_html(result, context=None))
    parser.close()
    assert tags <= ALLOWED_TAGS and attrs <= ALLOWED_ATTRS
    assert all(h.startswith(ORIGIN + "/page/") for h in hrefs)
    text = "".join(texts)
    for value in (s[1], s[2], s[4], s[5], s[7], s[11]):
        assert value in text
