"""The breadcrumb's path through the navigation (reader/core/navpath.py): home first, the sections on the way with
the pages they open, the page itself as text; nothing on the home page or for a page outside the nav."""

from __future__ import annotations

import sys

from reader.core.model import NavItem
from reader.core.navpath import Crumb, breadcrumb, nav_trail

NAV = (
    NavItem("Welkom", "index"),
    NavItem("Handleiding", None, children=(
        NavItem("Lezen", "handleiding/lezen"),
        NavItem("Zoeken", "handleiding/zoeken"),
    )),
    NavItem("Richtlijnen", "richtlijnen", children=(
        NavItem("Cloud", "richtlijnen/cloud", children=(
            NavItem("Stappen", "richtlijnen/cloud/stappen"),
        )),
        NavItem("Website", None, url="https://example.org"),
    )),
    NavItem("Ergens anders", None, role="unlisted", children=(NavItem("Los", "los"),)),
    NavItem("Zoeken nog eens", "handleiding/zoeken"),  # a page listed twice: its first entry counts
)


def test_the_trail_runs_from_the_top_to_the_first_entry_of_the_page():
    assert [n.title for n in nav_trail(NAV, "richtlijnen/cloud/stappen")] == ["Richtlijnen", "Cloud", "Stappen"]
    assert [n.title for n in nav_trail(NAV, "handleiding/zoeken")] == ["Handleiding", "Zoeken"]
    assert nav_trail(NAV, "richtlijnen")[-1].title == "Richtlijnen"  # a section's own page
    assert nav_trail(NAV, "bestaat/niet") == ()
    assert nav_trail((), "index") == ()


def test_crumbs_link_home_and_the_sections_that_have_a_page_and_end_in_the_page_as_text():
    assert breadcrumb(NAV, "richtlijnen/cloud/stappen", "index", "Welkom bij") == (
        Crumb("Welkom", "index"),
        Crumb("Richtlijnen", "richtlijnen"),
        Crumb("Cloud", "richtlijnen/cloud"),
        Crumb("Stappen", None),
    )
    # A section without a page of its own is text; a top-level page still leads home.
    assert breadcrumb(NAV, "handleiding/lezen", "index", "Welkom bij") == (
        Crumb("Welkom", "index"), Crumb("Handleiding", None), Crumb("Lezen", None),
    )
    assert breadcrumb(NAV, "richtlijnen", "index", "") == (Crumb("Welkom", "index"), Crumb("Richtlijnen", None))
    # The reader's own section for pages outside the site's navigation keeps its role (its title is translated).
    assert breadcrumb(NAV, "los", "index", "")[1] == Crumb("Ergens anders", None, "unlisted")


def test_no_crumbs_on_the_home_page_or_for_a_page_outside_the_nav():
    assert breadcrumb(NAV, "index", "index", "Welkom") == ()
    assert breadcrumb(NAV, "bestaat/niet", "index", "Welkom") == ()


def test_home_outside_the_nav_takes_the_given_title_and_is_not_repeated_when_it_is_a_section():
    nav = (NavItem("Gids", "gids", children=(NavItem("Deel", "gids/deel"),)),)
    assert breadcrumb(nav, "gids/deel", "start", "Beginpagina")[0] == Crumb("Beginpagina", "start")
    assert breadcrumb(nav, "gids/deel", "gids", "Gids") == (Crumb("Gids", "gids"), Crumb("Deel", None))


def test_a_nav_deeper_than_the_recursion_limit_is_walked():
    depth = sys.getrecursionlimit() + 100
    item = NavItem("Blad", "blad")
    for level in range(depth):
        item = NavItem(f"Niveau {level}", None, children=(item,))
    trail = nav_trail((item,), "blad")
    assert len(trail) == depth + 1 and trail[-1].page == "blad"
    assert len(breadcrumb((item,), "blad", "index", "Home")) == depth + 2


def test_the_trail_agrees_with_the_corpus_breadcrumb_on_every_page_of_the_nerds(nerds_2026):
    """What search and the renderer show as a page's place (Corpus.breadcrumb) is what the window's crumbs show."""
    from reader.core.corpus import load_corpus

    corpus = load_corpus(nerds_2026)
    home = next(iter(corpus.pages))
    placed = 0
    for page_id in corpus.pages:
        trail = nav_trail(corpus.nav, page_id)
        if not trail:
            continue
        placed += 1
        assert tuple(n.title for n in trail[:-1]) == corpus.breadcrumb(page_id), page_id
        crumbs = breadcrumb(corpus.nav, page_id, home, "Home")
        if page_id != home:
            assert crumbs[-1] == Crumb(trail[-1].title, None, trail[-1].role)
            assert all(c.page in corpus.pages for c in crumbs[:-1] if c.page is not None), page_id
    assert placed >= len(corpus.pages) * 0.9  # the importer places every page (unlisted ones in their section)
