"""Toolbar icons benchmark: what drawing the window's icons costs on the start path, the themed Material icons
(reader/gui/toolbar_icons.py, read from the small toolbar.json) against Qt's style icons they replaced, and against
reading the whole icons.json.xz instead, each in fresh processes (first use pays the imports and the file read).

    .venv/bin/python tests/benchmarks/bench_toolbar_icons.py [--repeat 9]

Prints one JSON object: per variant the median ms of the first draw (imports + read + 5 icons) and of a redraw
(a theme switch), and the ratios against the style icons.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication, QStyle
from PySide6.QtGui import QAction, QIcon
app = QApplication(["bench", "-platform", "offscreen"])
from reader.gui import actions  # already imported on the start path, whatever the icons
variant = sys.argv[1]
acts = [QAction() for _ in range(5)]
SP = QStyle.StandardPixmap

def style_icons():
    style = app.style()
    for action, pixmap in zip(acts, (SP.SP_ArrowBack, SP.SP_ArrowForward, SP.SP_DirHomeIcon, SP.SP_DirOpenIcon)):
        action.setIcon(style.standardIcon(pixmap))
        action.icon().pixmap(24, 24)

patched = []

def themed(read_whole_set):
    from reader.gui import toolbar_icons
    if read_whole_set and not patched:
        from reader import paths
        from reader.core.render.icons import IconSet
        patched.append(True)
        whole = IconSet(paths.icons_dir()).icons
        table = {n: whole[n] for n in ("material-arrow-left", "material-arrow-right", "material-home",
                                       "material-bookshelf", "material-star", "material-star-outline")}
        toolbar_icons.icon_table = lambda path=None: table
    palette = app.palette()
    for action, name in zip(acts, ("material-arrow-left", "material-arrow-right", "material-home",
                                   "material-bookshelf")):
        action.setIcon(toolbar_icons.themed_icon(name, palette))
    acts[4].setIcon(toolbar_icons.star_icon(palette))

def draw():
    if variant == "style":
        style_icons()
    else:
        themed(variant == "whole_set")

t0 = time.perf_counter(); draw(); t1 = time.perf_counter(); draw(); t2 = time.perf_counter()
print(json.dumps({"first_ms": (t1 - t0) * 1000, "redraw_ms": (t2 - t1) * 1000}))
"""


def run(variant: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, variant], cwd=REPO, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    samples: dict[str, list[dict[str, float]]] = {v: [] for v in ("style", "themed", "whole_set")}
    for _ in range(args.repeat):  # interleaved, so drift in machine load hits every variant alike
        for variant in samples:
            samples[variant].append(run(variant))
    for variant, runs in samples.items():
        results[variant] = {key: round(statistics.median(r[key] for r in runs), 2) for key in ("first_ms", "redraw_ms")}
    base = results["style"]["first_ms"]
    report = {
        "repeat": args.repeat,
        "median_ms": results,
        "first_draw_ratio_vs_style": {v: round(r["first_ms"] / base, 2) for v, r in results.items()},
        "toolbar_json_bytes": (REPO / "resources" / "icons" / "toolbar.json").stat().st_size,
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
