"""The bundled icon set: covers the corpora, contains only inert shapes, and its generator refuses anything else."""

from __future__ import annotations

import importlib.util
import json
import lzma
import re
from pathlib import Path

import pytest

from reader.core.render import NO_ICONS, IconSet, icon_set

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
SHARED = REPO.parent / "shared" / "corpora"
_spec = importlib.util.spec_from_file_location("build_icons", ICONS / "build_icons.py")
assert _spec and _spec.loader
build_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_icons)
BUNDLE = icon_set(ICONS)


def _bundle(name: str) -> dict:
    with lzma.open(ICONS / name, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def test_bundle_has_the_three_sets_and_twemoji_with_licences():
    data = _bundle("icons.json.xz")
    prefixes = {name.split("-", 1)[0] for name in data["icons"]}
    assert prefixes == {"material", "fontawesome", "octicons"}
    assert len(data["icons"]) > 10000
    assert len(_bundle("twemoji.json.xz")["emoji"]) > 3500
    licences = (ICONS / "LICENSES.md").read_text(encoding="utf-8")
    for needle in ("Apache", "Font Awesome", "Octicons", "Twemoji", "CC BY 4.0"):
        assert needle in licences


def test_every_icon_shortcode_in_the_corpora_is_bundled():
    used = set()
    for md in SHARED.glob("*/docs/**/*.md"):
        used |= set(re.findall(r":((?:material|fontawesome|octicons)-[a-z0-9-]+):", md.read_text(encoding="utf-8")))
    assert used, "the corpora use icons"
    assert not {name for name in used if BUNDLE.icon_svg(name) is None}


_SAFE_ENTRY = re.compile(
    r'^[-0-9. ]+\|(?:<(?:/?(?:path|circle|ellipse|rect|polygon|polyline|line|g))'
    r'(?: [a-z-]+="[-+0-9A-Za-z.,#%() ]*")*/?>)*$'
)


@pytest.mark.parametrize("name, key", [("icons.json.xz", "icons"), ("twemoji.json.xz", "emoji")])
def test_bundled_markup_is_only_inert_shapes(name, key):
    entries = _bundle(name)[key]
    bad = [k for k, v in entries.items() if not _SAFE_ENTRY.match(v)]
    assert not bad, bad[:5]


def test_icon_svg_markup():
    svg = BUNDLE.icon_svg("material-cloud")
    assert svg is not None and svg.startswith("<svg") and 'fill="currentColor"' in svg and 'aria-hidden="true"' in svg
    assert BUNDLE.icon_svg("material-bestaat-niet") is None
    assert BUNDLE.emoji_svg("1f604") is not None  # smile
    assert BUNDLE.emoji_svg("2764-fe0f") is not None  # red heart, written with a variation selector
    assert BUNDLE.emoji_svg("zzzz") is None


def test_icon_set_is_shared_per_folder_and_a_missing_bundle_means_no_icons(tmp_path):
    assert icon_set(ICONS) is BUNDLE  # the tables are read once per process, not per build
    assert icon_set(None) is NO_ICONS and NO_ICONS.names() == frozenset()
    empty = IconSet(tmp_path)
    assert empty.icon_svg("material-cloud") is None and empty.emoji_svg("1f604") is None
    assert "material-cloud" in BUNDLE.names()


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><a href="javascript:x"><path d="M0"/></a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><foreignObject><p>x</p></foreignObject></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0" fill="url(http://evil/x)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><use href="#a"/></svg>',
    ],
)
def test_generator_refuses_or_strips_active_svg(svg):
    try:
        viewbox, inner = build_icons.clean_svg(svg)
    except ValueError:
        return
    assert "script" not in inner and "href" not in inner and "url(" not in inner


def test_generator_keeps_shapes_and_drops_event_handlers():
    viewbox, inner = build_icons.clean_svg(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><!-- c --><path d="M1 2z" onclick="x()" '
        'fill-rule="evenodd"/><circle cx="1" cy="2" r="3" fill="#fff"/></svg>'
    )
    assert viewbox == "0 0 16 16"
    assert inner == '<path d="M1 2z" fill-rule="evenodd"/><circle cx="1" cy="2" r="3" fill="#fff"/>'


def test_decoded_tables_are_kept_in_the_cache_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    from reader.core.render import icons as icons_module
    from reader.core.render.icons import _load

    cache = tmp_path / "cache"
    fresh = IconSet(ICONS, cache)
    assert fresh.icons == BUNDLE.icons and fresh.emoji == BUNDLE.emoji
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == 2 and all(name.endswith(".marshal") for name in kept)
    assert [n.split("-")[0] for n in kept] == ["icons.json.xz", "twemoji.json.xz"]
    with monkeypatch.context() as patched:
        patched.setattr(icons_module.lzma, "decompress", lambda data: 1 / 0)
        assert IconSet(ICONS, cache).icons == BUNDLE.icons  # read back from the cache, not decompressed
    for path in cache.iterdir():
        path.write_bytes(b"not marshal data")
    assert _load(ICONS / "icons.json.xz", "icons", cache) == BUNDLE.icons  # decoded again, and rewritten
    assert IconSet(ICONS, cache).icons == BUNDLE.icons
    (tmp_path / "ro").write_text("a file where the cache folder should be")
    assert IconSet(ICONS, tmp_path / "ro" / "x").emoji == BUNDLE.emoji  # an unwritable cache is no error
