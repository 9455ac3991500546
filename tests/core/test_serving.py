import os
from pathlib import Path

import pytest

from reader.core.edition import resolve_url, safe_join
from reader.core.links import app_url, asset_url, page_url


@pytest.fixture
def roots(tmp_path: Path):
    edition = tmp_path / "edition"
    (edition / "pages" / "richtlijnen").mkdir(parents=True)
    (edition / "pages" / "richtlijnen" / "cloud.html").write_text("<p>cloud</p>")
    (edition / "pages" / "index.html").write_text("<p>home</p>")
    (edition / "assets").mkdir()
    (edition / "assets" / "logo.svg").write_text("<svg/>")
    (edition / "manifest.json").write_text("{}")
    resources = tmp_path / "resources"
    (resources / "css").mkdir(parents=True)
    (resources / "css" / "page.css").write_text("body{}")
    secret = tmp_path / "secret.txt"
    secret.write_text("do not serve")
    return edition, resources, secret


def test_pages_assets_and_app_resources_are_served(roots):
    edition, resources, _ = roots
    served = resolve_url(page_url("richtlijnen/cloud", "waarom"), edition, resources)
    assert served.path.read_text() == "<p>cloud</p>" and served.mime.startswith("text/html")
    assert resolve_url(asset_url("logo.svg"), edition, resources).mime == "image/svg+xml"
    assert resolve_url(app_url("css/page.css"), edition, resources).mime.startswith("text/css")


@pytest.mark.parametrize(
    "url",
    [
        "rl://edition.invalid/page/../manifest",
        "rl://edition.invalid/page/%2e%2e/manifest",
        "rl://edition.invalid/asset/../pages/index.html",
        "rl://edition.invalid/asset/%2e%2e%2f%2e%2e%2fsecret.txt",
        "rl://edition.invalid/asset//etc/passwd",
        "rl://edition.invalid/asset/%2Fetc%2Fpasswd",
        "rl://edition.invalid/app/..%2F..%2Fsecret.txt",
        "rl://edition.invalid/asset/.hidden",
        "rl://edition.invalid/asset/a%00b",
        "rl://edition.invalid/asset/..\\secret.txt",
        "rl://edition.invalid/page/nope",
        "rl://edition.invalid/asset/",
        "rl://other.host/page/index",
    ],
)
def test_paths_out_of_the_edition_are_refused(roots, url):
    edition, resources, _ = roots
    assert resolve_url(url, edition, resources) is None


def test_symlinks_out_of_the_root_are_refused(roots):
    edition, resources, secret = roots
    os.symlink(secret, edition / "assets" / "leak.txt")
    os.symlink(edition / "assets" / "logo.svg", edition / "assets" / "inside.svg")
    assert safe_join(edition / "assets", "leak.txt") is None
    assert safe_join(edition / "assets", "inside.svg") is not None


def test_absolute_paths_are_refused(roots):
    edition, _, secret = roots
    assert safe_join(edition, str(secret)) is None
    assert safe_join(edition, "C:/Windows/win.ini") is None
