"""Write `toolbar.json`: the few Material Design Icons the window's toolbar and sidebar draw, taken from the bundled
`icons.json.xz` (Apache-2.0, see LICENSES.md), so that start-up reads a few KB instead of decompressing the whole set
(~60 ms). `tests/gui/test_toolbar_icons.py` checks that the file matches the bundle and lists every icon the reader
asks for.

Usage (from the repo root): python resources/icons/make_toolbar_icons.py
"""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "icons.json.xz"
OUT = HERE / "toolbar.json"
# Keep in step with reader/gui/toolbar_icons.py (ICON_NAMES); the test compares them.
NAMES = (
    "material-arrow-left",
    "material-arrow-right",
    "material-home",
    "material-bookshelf",
    "material-star",
    "material-star-outline",
    "material-close",
    "material-folder-outline",
    "material-folder-plus-outline",
    "material-magnify",
    "material-file-tree-outline",
    "material-table-of-contents",
    "material-vector-link",
    "material-bookmark-multiple-outline",
    "material-history",
)


def extract(source: Path = SOURCE, names: tuple[str, ...] = NAMES) -> dict[str, object]:
    with lzma.open(source, "rt", encoding="utf-8") as fh:
        icons = json.load(fh)["icons"]
    missing = [name for name in names if name not in icons]
    if missing:
        raise SystemExit(f"not in {source.name}: {', '.join(missing)}")
    return {"source": source.name, "licence": "Apache-2.0 (Material Design Icons, see LICENSES.md)",
            "icons": {name: icons[name] for name in names}}


def render(data: dict[str, object]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    OUT.write_text(render(extract()), encoding="utf-8")
    print(f"{OUT.name}: {len(NAMES)} icons, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
