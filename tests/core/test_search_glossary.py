"""A glossary page is a search result for its terms: a generated MkDocs corpus (pages that use the terms a lot, a
glossary of abbreviation definitions only, a glossary as a definition list), built as an edition."""

from __future__ import annotations

import random
import re
from typing import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.edition import build_edition
from reader.core.search import SearchIndex

FILLER = ("beleid", "uitvoering", "gegevens", "systeem", "dienst", "burger", "organisatie", "proces", "keten",
          "toezicht", "kwaliteit", "afspraak", "planning", "budget", "overleg", "verslag")
# Invented terms (no corpus text): abbreviation -> long form.
ABBRS = {f"QX{chr(65 + i)}{chr(75 + i)}": f"Kwalitatief {FILLER[i]} {FILLER[(i + 5) % len(FILLER)]} register"
         for i in range(12)}
DEFINED = {f"Zorgtraject{FILLER[i]}": f"Een traject waarin {FILLER[(i + 3) % len(FILLER)]} centraal staat."
           for i in range(8)}


def _sentence(rng: random.Random, extra: list[str]) -> str:
    words = [rng.choice(FILLER) for _ in range(10)] + extra
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    rng = random.Random(7)
    src = tmp_path_factory.mktemp("glossary-src")
    docs = src / "docs"
    docs.mkdir()
    (src / "mkdocs.yml").write_text("site_name: Glossary\ndocs_dir: docs\nmarkdown_extensions:\n  - abbr\n"
                                    "  - def_list\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n\nWelkom.\n", encoding="utf-8")
    terms = list(ABBRS) + list(DEFINED)
    for n in range(30):  # pages that use the terms, several times each: the glossary must still be listed
        used = [terms[(n + k) % len(terms)] for k in range(4)]
        body = "\n\n".join(_sentence(rng, used * 2) for _ in range(6))
        (docs / f"pagina-{n:02d}.md").write_text(f"# Pagina {n}\n\n{body}\n\n## Details\n\n{_sentence(rng, used)}\n",
                                                  encoding="utf-8")
    (docs / "afkortingen.md").write_text(
        "# Afkortingen\n\nDe afkortingen in deze richtlijnen.\n\n"
        + "".join(f"*[{k}]: {v}\n" for k, v in ABBRS.items()), encoding="utf-8")
    (docs / "begrippen.md").write_text(
        "# Begrippen\n\nWat de woorden betekenen.\n\n## Trajecten\n\n"
        + "".join(f"{k}\n:   {v}\n\n" for k, v in DEFINED.items())
        + "## Overig\n\nNiets meer.\n", encoding="utf-8")
    (docs / "twee.md").write_text(  # two definitions in passing: no glossary
        "# Twee\n\nDe QXAK en de QXBL komen hier voor.\n\n*[QXAK]: iets\n*[QXBL]: iets anders\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("glossary-ed") / "ed"
    build_edition(src, out, keep_going=True)
    with SearchIndex.open(out / "index") as ix:
        yield ix


def ranked_pages(index: SearchIndex, q: str) -> list[str]:
    return list(dict.fromkeys(h.page for h in index.search(q, limit=40).hits))


@pytest.mark.parametrize("term", list(ABBRS))
def test_abbreviation_glossary_is_a_result_for_each_term(index: SearchIndex, term: str) -> None:
    assert "afkortingen" in ranked_pages(index, term)[:10]


@pytest.mark.parametrize("term", list(DEFINED))
def test_definition_list_glossary_is_a_result_for_each_term(index: SearchIndex, term: str) -> None:
    r = index.search(term, limit=40)
    assert "begrippen" in ranked_pages(index, term)[:10]
    assert ("begrippen", "trajecten") in [(h.page, h.anchor) for h in r.hits]  # the section that defines it


def test_long_form_phrase_finds_the_abbreviation_glossary(index: SearchIndex) -> None:
    term, long = next(iter(ABBRS.items()))
    r = index.search(f'"{long}"', limit=40)
    hit = next(h for h in r.hits if h.page == "afkortingen")
    assert term in hit.snippet_html  # its definition is in the text the snippet comes from


def test_a_page_with_two_definitions_is_no_glossary(index: SearchIndex) -> None:
    # found for the word it has, but not lifted: the glossary defines it, this page mentions it
    pages = ranked_pages(index, "QXAK")
    assert pages.index("afkortingen") < pages.index("twee")


def test_glossary_does_not_take_over_other_queries(index: SearchIndex) -> None:
    assert "afkortingen" not in ranked_pages(index, "overleg verslag")[:3]


# --- where sections start: a plain search that finds what the regex `\bid="<anchor>"` found --------------------


@given(
    st.lists(st.sampled_from(["a", "b", "a_1", "x y", "é"]), min_size=1, max_size=4),
    st.lists(st.sampled_from(['<h2 id="a">', '<p xid="a">', '<p data-id="b">', '<h3 id="a_1">', 'id="x y"',
                              '<i _id="b">', '<i éid="é">', 'id="é"', "<dt>t</dt>", " "]), max_size=12),
)
def test_section_starts_equal_the_word_boundary_regex(anchors: list[str], parts: list[str]) -> None:
    from reader.core.search.glossary import _section_starts

    markup = "".join(parts)
    expected = sorted((m.start(), a) for a in anchors if a
                      for m in [re.search(r'\bid="' + re.escape(a) + '"', markup)] if m)
    assert _section_starts(markup, anchors) == expected
