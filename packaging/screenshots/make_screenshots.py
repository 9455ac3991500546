"""Make the README's screenshots from a real reader window (offscreen, 1366x768, the common civil-servant laptop).

    .venv/bin/python packaging/screenshots/make_screenshots.py [--edition DIR] [--out DIR]

Without --edition it builds NeRDS 2026-03 from ../shared/corpora into a temporary folder. Writes
`richtlijnenlezer.png` (light: a guideline with its breadcrumb, "Op deze pagina" beside it, a second tab just opened)
and `zoeken-donker.png` (dark: the instant results under the search field). A fresh profile each time, so nothing of
yours shows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NERDS = REPO.parent / "shared" / "corpora" / "nerds-2026-03"
PAGE, OTHER_TAB, QUERY = "richtlijnen/samenwerking", "richtlijnen/open-source", "toegankelijkheid"
SIZE = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edition", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from reader import paths
    from reader.core.edition import build_edition

    with tempfile.TemporaryDirectory(prefix="rl-shots-") as tmp:
        edition = args.edition
        if edition is None:
            edition = Path(tmp) / "nerds"
            build_edition(NERDS, edition, icons_dir=paths.icons_dir())
        shoot(edition, Path(tmp) / "profile", args.out)
    return 0


def shoot(edition: Path, profile: Path, out: Path) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from reader.gui.app import create_application, create_reader

    app = create_application(["richtlijnenlezer"], offscreen=True)
    window = create_reader(edition, profile, app=app, start_page=PAGE).window
    window.resize(*SIZE)
    window.show()
    def later(ms: int, step: Callable[[], None]) -> None:
        QTimer.singleShot(ms, step)

    def first() -> None:
        window.set_theme("light")
        window.tabs.open_page(OTHER_TAB, None)  # the bar of tabs, and the message saying so
        later(1200, light)

    def light() -> None:
        window.grab().save(str(out / "richtlijnenlezer.png"))
        window.feedback.clearMessage()
        window.set_theme("dark")
        assert window.search_field is not None
        window.search_field.setFocus()
        QTest.keyClicks(window.search_field, QUERY)
        later(1500, dark)

    def dark() -> None:
        assert window.search_field is not None
        QTest.keyClick(window.search_field, Qt.Key.Key_Down)
        QTest.keyClick(window.search_field, Qt.Key.Key_Down)
        later(400, done)

    def done() -> None:
        window.grab().save(str(out / "zoeken-donker.png"))
        app.quit()

    loaded = {"once": False}

    def on_loaded(_page: str, _ok: bool) -> None:
        if not loaded["once"]:
            loaded["once"] = True
            later(800, first)

    window.page_loaded.connect(on_loaded)
    QTimer.singleShot(60000, app.quit)
    app.exec()
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())
