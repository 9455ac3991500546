"""Front matter filters: which keys become filters (a rule per test), the names they go by in a query, values,
counts per value, filter-only queries and `search --json`, on a MkDocs project written here and built as an edition."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.edition import build_edition
from reader.core.search import SearchDoc, SearchIndex, build_index, query
from reader.core.search.filters import aliases, candidates, resolve, select, short_name, singulars, value_key

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    # page: (rollen, levenscyclus, onderwerp (a scalar), slug (unique per page), hide (theme), text)
    "ontwerp-api": (["Projectleider", "Architect"], ["ontwerp"], "techniek", "a1", ["toc"],
                    "Een koppelvlak ontwerpen begint bij de afnemers van de gegevens."),
    "bouw-api": (["Ontwikkelaar", "Architect"], ["bouw"], "techniek", "a2", ["toc"],
                 "Bouw het koppelvlak met tests voor elke afnemer."),
    "aanbesteden": (["Projectleider", "Inkoper"], ["verkenning", "ontwerp"], "inkoop", "a3", [],
                    "Een aanbesteding vraagt eisen aan de leverancier en het koppelvlak."),
    "beheer": (["Product owner"], ["beheer"], "techniek", "a4", [],
               "Beheer houdt het koppelvlak in de lucht en de afnemers tevreden."),
    "evaluatie": (["Projectleider"], ["beheer", "ontwerp"], "organisatie", "a5", [],
                  "Evalueer na elke fase wat de afnemers ervan vinden."),
}


def _front(rollen: list[str], fases: list[str], onderwerp: str, slug: str, hide: list[str]) -> str:
    lines = ["---", "rollen:", *(f"  - {r}" for r in rollen), f"levenscyclus: [{', '.join(fases)}]",
             f"onderwerp: {onderwerp}", f"slug: {slug}"]
    if hide:
        lines += ["hide:", *(f"  - {h}" for h in hide)]
    return "\n".join([*lines, "---", ""])


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("filters-src")
    (src / "docs").mkdir()
    (src / "mkdocs.yml").write_text("site_name: Filters\ndocs_dir: docs\n", encoding="utf-8")
    (src / "docs" / "index.md").write_text("# Start\n\nWelkom bij de afnemers.\n", encoding="utf-8")
    for page, (rollen, fases, onderwerp, slug, hide, text) in PAGES.items():
        title = page.replace("-", " ").capitalize()
        (src / "docs" / f"{page}.md").write_text(
            _front(rollen, fases, onderwerp, slug, hide) + f"# {title}\n\n{text}\n\n## Meer\n\nOver {title}.\n",
            encoding="utf-8")
    out = tmp_path_factory.mktemp("filters-ed") / "ed"
    build_edition(src, out)
    return out


@pytest.fixture(scope="module")
def index(edition: Path) -> SearchIndex:
    ix = SearchIndex.open(edition / "index")
    yield ix
    ix.close()


def pages(result) -> list[str]:
    return list(dict.fromkeys(h.page for h in result.hits))


# --- which keys are filters -------------------------------------------------------------------------------------


def test_list_and_scalar_keys_that_pages_share_are_filters(index: SearchIndex) -> None:
    assert index.filter_keys == {"rollen", "levenscyclus", "onderwerp"}


def test_a_key_unique_to_every_page_is_no_filter(index: SearchIndex) -> None:
    assert "slug" not in index.filter_keys  # five pages, five values: it names pages, it does not group them


def test_theme_keys_are_no_filters() -> None:
    assert candidates({"hide": ["toc"], "rollen": ["x"], "template": "a.html"}) == {"rollen": "x"}


def test_long_text_and_nested_values_are_no_candidates() -> None:
    assert candidates({"uitleg": "x" * 200, "datum": {"created": 1}, "lijst": [{"a": 1}], "vlag": True}) == {}


def test_a_key_on_one_page_is_no_filter() -> None:
    docs = [SearchDoc("a", "", "A", "", (), "", "tekst", {"rol": "x"}), SearchDoc("b", "", "B", "", (), "", "tekst")]
    assert select(docs) == {}


def test_more_values_than_pages_is_no_filter() -> None:
    docs = [SearchDoc(p, "", p, "", (), "", "t", {"links": f"{p}1,{p}2,{p}3"}) for p in "abc"]
    assert select(docs) == {}


def test_values_counted_by_page_not_by_section(index: SearchIndex) -> None:
    rollen = {f.key: f for f in index.filters}["rollen"]
    counts = {v.label: v.pages for v in rollen.values}
    assert counts == {"Projectleider": 3, "Architect": 2, "Ontwikkelaar": 1, "Inkoper": 1, "Product owner": 1}
    assert rollen.values[0].label == "Projectleider"  # most pages first
    assert rollen.name == "rol"


# --- names in a query ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("plural, singular", [("rollen", "rol"), ("onderwerpen", "onderwerp"), ("fases", "fase"),
                                              ("categorieen", "categorie"), ("categories", "category"),
                                              ("authors", "author"), ("tags", "tag")])
def test_singular_of_a_key(plural: str, singular: str) -> None:
    assert singular in singulars(plural)


def test_no_singular_of_a_word_that_is_not_plural() -> None:
    assert singulars("levenscyclus") == [] and singulars("status") == []
    assert short_name("levenscyclus") == "levenscyclus"


def test_unique_prefixes_are_names_shared_ones_are_not() -> None:
    names = aliases(["levenscyclus", "leveranciers", "rollen"])
    assert names["levensc"] == "levenscyclus" and names["leveranc"] == "leveranciers"
    assert "lev" not in names and "leve" not in names
    assert names["rol"] == "rollen" and names["rollen"] == "rollen"


def test_the_query_languages_own_fields_win() -> None:
    names = aliases(["titels", "secties"])
    assert names.get("titel") is None and names.get("sectie") is None
    p = query.parse("titel:cloud", filter_keys=names)
    assert p.filters == () and p.groups[0][0].field == "titel"


def test_parse_maps_names_to_keys() -> None:
    names = aliases(["rollen", "levenscyclus"])
    p = query.parse('rol:projectleider Lev:ontwerp rollen:"product owner" koppelvlak', filter_keys=names)
    assert p.filters == (("rollen", "projectleider"), ("levenscyclus", "ontwerp"), ("rollen", "product owner"))
    assert [g[0].text for g in p.groups] == ["koppelvlak"]


def test_value_forms_match() -> None:
    assert value_key("Product owner") == value_key("product-owner") == value_key("PRODUCT_OWNER") == "product-owner"
    assert resolve("proj", ["projectleider", "product-owner"]) == ["projectleider"]
    assert resolve("architect", ["architect"]) == ["architect"]
    assert resolve("niemand", ["architect"]) == ["niemand"]


# --- searching with filters ------------------------------------------------------------------------------------


def test_filter_narrows_a_word(index: SearchIndex) -> None:
    assert set(pages(index.search("koppelvlak", limit=50))) >= {"ontwerp-api", "bouw-api", "aanbesteden", "beheer"}
    r = index.search("koppelvlak rol:projectleider", limit=50)
    assert set(pages(r)) == {"ontwerp-api", "aanbesteden"}
    assert r.filters == [("rollen", "projectleider")]


def test_two_filters_are_both_required(index: SearchIndex) -> None:
    r = index.search("koppelvlak rol:projectleider fase:ontwerp levenscyclus:verkenning", limit=50)
    assert pages(r) == ["aanbesteden"]  # (`fase` is no name of any key here: it is searched as a word)


def test_filter_only_lists_each_page_once(index: SearchIndex) -> None:
    r = index.search("rol:architect", limit=50)
    assert sorted(pages(r)) == ["bouw-api", "ontwerp-api"]
    assert len(r.hits) == 2 and all(h.anchor == "" for h in r.hits)


def test_scalar_filter_and_multiword_value(index: SearchIndex) -> None:
    assert sorted(pages(index.search("onderwerp:techniek", limit=50))) == ["beheer", "bouw-api", "ontwerp-api"]
    assert pages(index.search('rol:"product owner"', limit=50)) == ["beheer"]
    assert pages(index.search("rol:product-owner", limit=50)) == ["beheer"]


def test_half_typed_value_narrows(index: SearchIndex) -> None:
    assert sorted(pages(index.search("rol:projectl", limit=50))) == ["aanbesteden", "evaluatie", "ontwerp-api"]


def test_unknown_value_finds_nothing(index: SearchIndex) -> None:
    r = index.search("koppelvlak rol:astronaut", limit=50)
    assert r.hits == [] and r.filters == [("rollen", "astronaut")]


def test_unknown_key_is_text(index: SearchIndex) -> None:
    r = index.search("planeet:x koppelvlak", limit=50)
    assert r.filters == [] and r.partial  # `planeet:x` is text the corpus does not have: not every word matches


def test_facets_count_pages_among_matches(index: SearchIndex) -> None:
    r = index.search("afnemers", limit=50, facets=True)
    assert set(pages(r)) == {"index", "ontwerp-api", "bouw-api", "beheer", "evaluatie"}
    assert r.facets is not None
    rollen = {f.key: {v.label: v.pages for v in f.values} for f in r.facets}["rollen"]
    assert rollen == {"Projectleider": 2, "Architect": 2, "Ontwikkelaar": 1, "Product owner": 1}
    r = index.search("afnemers rol:projectleider", limit=50, facets=True)
    fases = {f.key: {v.value: v.pages for v in f.values} for f in r.facets or ()}["levenscyclus"]
    assert fases == {"ontwerp": 2, "beheer": 1}


def test_facets_only_when_asked(index: SearchIndex) -> None:
    assert index.search("afnemers").facets is None
    assert "facets" not in index.search("afnemers").to_json()


def test_index_without_front_matter_has_no_filters(tmp_path: Path) -> None:
    build_index(tmp_path / "ix", [SearchDoc("a", "", "A", "", (), "", "tekst over rol:x")])
    with SearchIndex.open(tmp_path / "ix") as ix:
        assert ix.filters == () and ix.search("rol:x").filters == []


def test_cli_json_shows_filters_and_counts(edition: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "search", "koppelvlak rol:projectleider", "--edition",
                          str(edition), "--json"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    d = json.loads(out)
    assert d["filters"] == [{"key": "rollen", "value": "projectleider"}]
    assert {h["page"] for h in d["hits"]} == {"ontwerp-api", "aanbesteden"}
    facets = {f["key"]: f for f in d["facets"]}
    assert facets["rollen"]["name"] == "rol"
    assert {v["value"]: v["pages"] for v in facets["levenscyclus"]["values"]} == {"ontwerp": 2, "verkenning": 1}


def test_cli_text_says_what_it_filtered(edition: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "search", "rol:architect", "--edition", str(edition)],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "Gefilterd op rollen: architect" in out and "bouw-api" in out


def test_negated_filter_leaves_pages_out(index: SearchIndex) -> None:
    r = index.search("koppelvlak -rol:projectleider", limit=50)
    assert set(pages(r)) == {"bouw-api", "beheer"}
    assert r.filters == [] and r.excluded_filters == [("rollen", "projectleider")]
    assert r.to_json()["filters"] == [{"key": "rollen", "value": "projectleider", "exclude": True}]
    assert sorted(pages(index.search("rol:architect -levenscyclus:bouw", limit=50))) == ["ontwerp-api"]


@pytest.mark.parametrize("q", ["rol:", 'rol:"', 'rol:"projectleider', "rol:*", "-rol:", "rol:rol:rol:",
                               " ".join(f"rol:v{i}" for i in range(40)), "rol:" + "x" * 600, "rol:\x00\x01",
                               "titel:rol:x", "rol:-", "-rol:-x OR rol:y"])
def test_hostile_filter_input(index: SearchIndex, q: str) -> None:
    r = index.search(q, limit=50, facets=True)
    assert r.message != "Er ging iets mis bij het zoeken."
    index.toggle_filter(q, "rollen", "Projectleider")
