from reader.core.links import LinkTarget, asset_url, page_id_for_path, page_url, parse_reader_url, resolve_href

PAGES = {
    "index.md": "index",
    "richtlijnen/index.md": "richtlijnen",
    "richtlijnen/samenwerking/index.md": "richtlijnen/samenwerking",
    "richtlijnen/open-source/index.md": "richtlijnen/open-source",
    "richtlijnen/cloud/index.md": "richtlijnen/cloud",
    "richtlijnen/cloud/fases.md": "richtlijnen/cloud/fases",
    "Over-NeRDS/CONTRIBUTING.md": "Over-NeRDS/CONTRIBUTING",
}
ASSETS = {"afbeeldingen/rollen.jpg"}


def test_page_ids_follow_the_path_without_index():
    assert page_id_for_path("richtlijnen/samenwerking/index.md") == "richtlijnen/samenwerking"
    assert page_id_for_path("index.md") == "index"
    assert page_id_for_path("Over-NeRDS/privacy.md") == "Over-NeRDS/privacy"


def test_reader_urls_round_trip_with_awkward_ids():
    for page_id, anchor in [("richtlijnen/cloud", "waarom"), ("a b/c#d", "x y"), ("index", None), ("ë/ü", "é")]:
        target = parse_reader_url(page_url(page_id, anchor))
        assert target is not None and target.kind == "page"
        assert (target.path, target.anchor) == (page_id, anchor)
    assert parse_reader_url(asset_url("afbeeldingen/rollen.jpg")).path == "afbeeldingen/rollen.jpg"


def test_foreign_urls_are_not_reader_urls():
    for url in ["https://edition.invalid/page/x", "rl://evil.example/page/x", "rl://edition.invalid:80/page/x",
                "rl://edition.invalid/other/x", "file:///etc/passwd", "not a url"]:
        assert parse_reader_url(url) is None


def test_relative_md_links_with_anchor():
    t = resolve_href("../open-source/index.md#open-source", "richtlijnen/samenwerking/index.md", PAGES)
    assert t == LinkTarget("page", page="richtlijnen/open-source", anchor="open-source")


def test_directory_links_are_relative_to_the_page_url():
    assert resolve_href("Over-NeRDS/CONTRIBUTING/", "index.md", PAGES).page == "Over-NeRDS/CONTRIBUTING"
    # fases.md is served at richtlijnen/cloud/fases/, so ../ is the cloud guideline, as on the website
    assert resolve_href("../", "richtlijnen/cloud/fases.md", PAGES).page == "richtlijnen/cloud"
    # but a .md link is relative to the file
    assert resolve_href("index.md", "richtlijnen/cloud/fases.md", PAGES).page == "richtlijnen/cloud"


def test_anchor_only_external_asset_missing_and_unsafe():
    assert resolve_href("#waarom", "richtlijnen/cloud/index.md", PAGES) == LinkTarget(
        "anchor", page="richtlijnen/cloud", anchor="waarom"
    )
    assert resolve_href("https://example.org/x", "index.md", PAGES).kind == "external"
    assert resolve_href("mailto:a@b.nl", "index.md", PAGES).kind == "external"
    assert resolve_href("afbeeldingen/rollen.jpg", "index.md", PAGES, ASSETS) == LinkTarget(
        "asset", path="afbeeldingen/rollen.jpg"
    )
    assert resolve_href("../nergens.md", "richtlijnen/index.md", PAGES).kind == "missing"
    assert resolve_href("../../../etc/passwd", "index.md", PAGES).kind == "missing"
    for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"]:
        assert resolve_href(bad, "index.md", PAGES).kind == "unsafe"


def test_a_page_id_ending_in_html_comes_back_from_its_url() -> None:
    # Found by the bookmark round-trip property test: `.html` is dropped from page URLs once.
    from reader.core.links import page_url, parse_reader_url

    for page_id in (".html", "verslag.html", "map/verslag.html", "verslag"):
        assert parse_reader_url(page_url(page_id)).path == page_id
