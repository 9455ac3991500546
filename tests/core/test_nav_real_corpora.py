"""The navigation of two real corpora through the real importer, checked against their own configuration read at
test time (no corpus text in the repository): ai-validation's awesome-pages nav and Material's blog."""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from reader.core.corpus import load_corpus, read_mkdocs_config
from reader.core.model import NavItem

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
AI_VALIDATION = CORPORA / "ai-validation-ea0c2e3"
MATERIAL = CORPORA / "material-docs-5b36f2a"


def _walk(items: tuple[NavItem, ...]) -> Iterator[NavItem]:
    for item in items:
        yield item
        yield from _walk(item.children)


def _strings(raw: Any) -> Iterator[str]:
    if isinstance(raw, list):
        for entry in raw:
            yield from _strings(entry)
    elif isinstance(raw, dict):
        for value in raw.values():
            yield from _strings(value)
    elif isinstance(raw, str):
        yield raw


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    data = yaml.safe_load(text.split("\n---", 1)[0][3:])
    return data if isinstance(data, dict) else {}


def _id(rel: str) -> str:
    stem = rel[:-3]
    return stem[: -len("/index")] if stem.endswith("/index") else stem


@pytest.mark.skipif(not AI_VALIDATION.is_dir(), reason="shared corpus not present")
def test_ai_validation_nav_is_the_sites_own() -> None:
    corpus = load_corpus(AI_VALIDATION)
    docs = AI_VALIDATION / "docs"
    files = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert len(corpus.pages) == len(files)
    raw_nav = read_mkdocs_config(AI_VALIDATION).nav
    entries = list(_strings(raw_nav))
    named = {e for e in entries if e.endswith(".md")}
    rests = [e for e in entries if e.startswith("...")]
    assert rests, "the corpus's nav uses awesome-pages rest entries"
    patterns = [r.split("|")[-1].strip() for r in rests]
    placed = {f for f in files if f in named or any(fnmatch.fnmatchcase(f, p) for p in patterns)}

    in_nav = {i.page for i in _walk(corpus.nav[:-1] if corpus.nav[-1].role == "unlisted" else corpus.nav)}
    assert {_id(f) for f in placed} <= in_nav  # everything the site's nav places is in the nav
    outside = [i for i in corpus.nav if i.role == "unlisted"]
    left = {_id(f) for f in files} - {_id(f) for f in placed}
    if left:
        assert len(outside) == 1
        assert {i.page for i in _walk(outside[0].children) if i.page} == left
        assert all(i.children for i in outside[0].children)  # grouped by folder, never one flat list
    else:
        assert not outside

    # A flat rest entry puts its pages straight into the section that holds it, in file order.
    def sections(raw: Any) -> Iterator[tuple[str, list[Any]]]:
        if isinstance(raw, list):
            for entry in raw:
                yield from sections(entry)
        elif isinstance(raw, dict):
            for title, value in raw.items():
                if isinstance(value, list):
                    yield str(title), value
                    yield from sections(value)

    checked = 0
    for title, value in sections(raw_nav):
        flat = [e for e in value if isinstance(e, str) and e.startswith("...")
                and "flat" in [part.strip() for part in e.split("|")]]
        if len(flat) != 1:
            continue
        pattern = flat[0].split("|")[-1].strip()
        expected = [_id(f) for f in files if fnmatch.fnmatchcase(f, pattern)]
        item = next(i for i in _walk(corpus.nav) if i.title == title and i.children)
        assert [c.page for c in item.children][: len(expected)] == expected
        checked += 1
    assert checked >= 2

    # A folder's .pages: `nav` order (first and last named entries) and `title`.
    for pages_file in sorted(docs.rglob(".pages")):
        folder = pages_file.parent.relative_to(docs).as_posix()
        meta = yaml.safe_load(pages_file.read_text(encoding="utf-8")) or {}
        if isinstance(meta.get("nav"), list):
            names = [n for n in meta["nav"] if isinstance(n, str) and n.endswith(".md")]
            holder = next(i for i in _walk(corpus.nav) if any(c.page == _id(f"{folder}/{names[0]}")
                                                               for c in i.children))
            pages = [c.page for c in holder.children]
            assert pages[0] == _id(f"{folder}/{names[0]}") and pages[-1] == _id(f"{folder}/{names[-1]}")
        if isinstance(meta.get("title"), str):
            group = next(i for i in _walk(corpus.nav) if i.children and all(
                c.page and c.page.startswith(folder + "/") for c in i.children))
            assert group.title == meta["title"]


@pytest.mark.skipif(not MATERIAL.is_dir(), reason="shared corpus not present")
def test_material_blog_posts_are_under_the_blog_by_date() -> None:
    corpus = load_corpus(MATERIAL)
    docs = MATERIAL / "docs"
    posts = {}
    for path in sorted((docs / "blog" / "posts").rglob("*.md")):
        meta = _front_matter(path)
        if meta.get("draft") is True:
            continue
        when = meta.get("date")
        when = when.get("created") if isinstance(when, dict) else when
        posts[_id(path.relative_to(docs).as_posix())] = dt.date.fromisoformat(str(when)[:10])
    assert len(posts) >= 10
    blog = next(i for i in _walk(corpus.nav) if i.page == "blog")
    children = [c.page for c in blog.children]
    assert set(children) == set(posts)
    assert children == sorted(posts, key=lambda pid: (posts[pid], pid), reverse=True)
    assert not [i for i in corpus.nav if i.role == "unlisted"]  # nothing the site places is left out
