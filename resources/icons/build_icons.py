"""Rebuild `icons.json.xz`: the offline icon set behind `:material-...:`, `:fontawesome-...:`, `:octicons-...:` and
`:simple-...:` shortcodes, plus Twemoji for emoji shortcodes when its package is given.

Sources (exact versions are recorded in the bundle and in LICENSES.md):
- the icon folders of the mkdocs-material wheel (`material/templates/.icons/`), the same files MkDocs Material
  sites use: Material Design Icons (Apache-2.0), Font Awesome Free (CC BY 4.0), Octicons (MIT), Simple Icons (CC0);
- optionally the npm package `@iconify-json/twemoji` (Twemoji graphics, CC BY 4.0).

Every SVG is reduced to its viewBox and an allowlisted set of shape elements/attributes (no scripts, styles, links
or comments), so the reader can inline the markup after sanitizing.

Usage (from the repo root):
    python resources/icons/build_icons.py [--wheel mkdocs_material-X.whl] [--twemoji iconify-json-twemoji-X.tgz]
Without --wheel, `pip download mkdocs-material --no-deps` fetches the wheel into a temp dir; the Twemoji tarball
comes from `npm pack @iconify-json/twemoji`. The committed bundle was made from mkdocs-material 9.8.2 and
@iconify-json/twemoji 1.2.5. Writes icons.json.xz, twemoji.json.xz and LICENSES.md beside this script.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "icons.json.xz"
EMOJI_OUT = HERE / "twemoji.json.xz"
ALL_SETS = ("material", "fontawesome", "octicons", "simple")
SETS = ("material", "fontawesome", "octicons")  # add "simple" (brand logos, +1.7 MB) with --sets
PREFIX = "material/templates/.icons/"
SVG_NS = "{http://www.w3.org/2000/svg}"
SHAPES = {"path", "circle", "ellipse", "rect", "polygon", "polyline", "line", "g"}
SHAPE_ATTRS = {
    "d", "fill-rule", "clip-rule", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "points",
    "x1", "x2", "y1", "y2", "transform", "opacity", "fill-opacity", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "fill", "stroke",
}
_NUMBERS = re.compile(r"^[-+0-9.eE ,]+$")
_SAFE_VALUE = re.compile(r"^[-+0-9A-Za-z.,#%() ]*$")


def clean_svg(svg_text: str) -> tuple[str, str]:
    """(viewBox, inner markup) with only allowlisted shapes; raises on anything unexpected."""
    root = ET.fromstring(svg_text)
    if root.tag not in (SVG_NS + "svg", "svg"):
        raise ValueError("not an svg")
    viewbox = root.get("viewBox") or f"0 0 {root.get('width', '24')} {root.get('height', '24')}"
    if not _NUMBERS.match(viewbox):
        raise ValueError(f"odd viewBox {viewbox!r}")
    parts: list[str] = []

    def emit(el: ET.Element) -> None:
        tag = el.tag.replace(SVG_NS, "")
        if tag in ("title", "desc", "defs", "style", "metadata"):
            return
        if tag not in SHAPES:
            raise ValueError(f"unexpected element <{tag}>")
        attrs = []
        for key, value in el.attrib.items():
            key = key.replace(SVG_NS, "")
            if key not in SHAPE_ATTRS:
                continue  # ids, classes, data-*: not needed for drawing
            if key in ("fill", "stroke") and value not in ("none", "currentColor") and not value.startswith("#"):
                continue
            if not _SAFE_VALUE.match(value):
                raise ValueError(f"odd attribute value {key}={value!r}")
            attrs.append(f' {key}="{value}"')
        children = list(el)
        if tag == "g" or children:
            parts.append(f"<{tag}{''.join(attrs)}>")
            for child in children:
                emit(child)
            parts.append(f"</{tag}>")
        else:
            parts.append(f"<{tag}{''.join(attrs)}/>")

    for child in root:
        emit(child)
    return viewbox, "".join(parts)


def material_icons(wheel: Path) -> tuple[dict[str, str], dict[str, str], str]:
    icons: dict[str, str] = {}
    licences: dict[str, str] = {}
    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            if not name.startswith(PREFIX):
                continue
            rel = name[len(PREFIX):]
            top = rel.split("/", 1)[0]
            if top not in ALL_SETS:
                continue
            if rel.lower().split("/")[-1].startswith("licen") and not rel.endswith(".svg"):
                licences[top] = zf.read(name).decode("utf-8")
                continue
            if not rel.endswith(".svg"):
                continue
            shortcode = rel[: -len(".svg")].replace("/", "-")
            viewbox, inner = clean_svg(zf.read(name).decode("utf-8"))
            icons[shortcode] = f"{viewbox}|{inner}"
    version = wheel.name.split("-")[1]
    return icons, licences, version


def twemoji_icons(tgz: Path) -> tuple[dict[str, str], str, str]:
    """Twemoji from the Iconify JSON package, keyed by lower-case codepoints joined by "-" (`1f600`, `1f1f3-1f1f1`),
    the same form pymdownx's emoji index uses."""
    with tarfile.open(tgz) as tf:
        def load(name: str) -> dict:
            fh = tf.extractfile(f"package/{name}")
            assert fh is not None
            return json.load(fh)

        data, chars, info, meta = load("icons.json"), load("chars.json"), load("info.json"), load("package.json")
    width, height = data.get("width", 36), data.get("height", 36)
    icons = dict(data["icons"])
    for alias, spec in data.get("aliases", {}).items():
        if spec.get("parent") in icons:
            icons[alias] = icons[spec["parent"]]
    emoji: dict[str, str] = {}
    for codepoints, name in chars.items():
        icon = icons.get(name)
        if icon is None:
            continue
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {icon.get("width", width)} '
               f'{icon.get("height", height)}">{icon["body"]}</svg>')
        try:
            viewbox, inner = clean_svg(svg)
        except ValueError:
            continue  # a few use <use>/<mask>: those emoji fall back to the Unicode character
        emoji[codepoints.lower()] = f"{viewbox}|{inner}"
    licence = info.get("license", {})
    text = (f"{info.get('name', 'Twemoji')} by {info.get('author', {}).get('name', 'Twitter')} "
            f"({info.get('author', {}).get('url', '')}), licensed {licence.get('title', '')}: {licence.get('url', '')}")
    return emoji, text, meta.get("version", "?")


def _write_xz(path: Path, data: dict[str, object]) -> bytes:
    """Deterministic output (sorted keys; xz stores no timestamp), so a rebuild from the same sources is
    byte-identical. xz, not gzip: 1 MB less in the frozen application."""
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
    path.write_bytes(lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME))
    return raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="mkdocs-material wheel (default: pip download the latest)")
    parser.add_argument("--twemoji", type=Path, help="@iconify-json/twemoji package tarball (npm pack)")
    parser.add_argument("--sets", default=",".join(SETS), help="icon sets to keep (comma separated)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "mkdocs-material", "--no-deps", "-q", "-d", tmp],
                           check=True)
            wheel = next(Path(tmp).glob("mkdocs_material-*.whl"))
        icons, licences, version = material_icons(wheel)
    keep = tuple(s for s in args.sets.split(",") if s)
    icons = {k: v for k, v in icons.items() if k.split("-", 1)[0] in keep}
    bundle: dict[str, object] = {
        "format": 1,
        "source": f"mkdocs-material {version}",
        "sets": list(keep),
        "icons": icons,
    }
    emoji: dict[str, str] = {}
    if args.twemoji:
        emoji, emoji_licence, emoji_version = twemoji_icons(args.twemoji)
        bundle["emoji_source"] = f"@iconify-json/twemoji {emoji_version}"
        licences["twemoji"] = emoji_licence
        # A separate file: pages with icons but no emoji never parse it.
        _write_xz(EMOJI_OUT, {"format": 1, "source": bundle["emoji_source"], "emoji": emoji})
    raw = _write_xz(OUT, bundle)
    with open(HERE / "LICENSES.md", "w", encoding="utf-8") as fh:
        fh.write("# Licences of the bundled icons (`icons.json.xz`)\n\n")
        fh.write(f"Made by `build_icons.py` from {bundle['source']}"
                 + (f" and {bundle.get('emoji_source')}" if args.twemoji else "") + ".\n\n")
        names = {"material": "Material Design Icons (Pictogrammers): Apache License 2.0",
                 "fontawesome": "Font Awesome Free: icons CC BY 4.0",
                 "octicons": "Octicons (GitHub): MIT License",
                 "simple": "Simple Icons: CC0 1.0 (brand marks remain their owners' trademarks)",
                 "twemoji": "Twemoji (Twitter, Inc. and contributors): graphics CC BY 4.0"}
        for key in (*keep, *(("twemoji",) if args.twemoji else ())):
            licence = licences.get(key, "(licence text not found)").strip()
            fh.write(f"## {names.get(key, key)}\n\n```\n{licence}\n```\n\n")
    print(f"{OUT.name}: {len(icons)} icons"
          + f", {len(raw) / 1e6:.1f} MB json, {OUT.stat().st_size / 1e6:.2f} MB xz"
          + (f"; {EMOJI_OUT.name}: {len(emoji)} emoji, {EMOJI_OUT.stat().st_size / 1e6:.2f} MB xz" if emoji else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
