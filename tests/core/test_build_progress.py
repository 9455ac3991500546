"""Build progress: `build_edition` reports pages read and written; `build` shows a bar on a terminal, lines in a log."""

from __future__ import annotations

import io
from pathlib import Path

from reader.commands.build import Progress
from reader.core.edition import build_edition

PAGE = "---\ntitle: Pagina {n}\nsummary: Over {n}.\n---\n\n# Pagina {n}\n\nTekst.\n"


def corpus(root: Path, pages: int) -> Path:
    for n in range(pages):
        (root / f"p{n:03d}.md").parent.mkdir(parents=True, exist_ok=True)
        (root / f"p{n:03d}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    return root


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_build_edition_reports_reading_then_writing(tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    build_edition(corpus(tmp_path / "src", 3), tmp_path / "ed", progress=lambda *call: calls.append(call))
    assert calls == [
        (0, 3, "p000.md"), (1, 3, "p001.md"), (2, 3, "p002.md"),  # read and parsed
        (0, 3, "p000"), (1, 3, "p001"), (2, 3, "p002"), (3, 3, ""),  # written
    ]


def test_plain_lines_when_not_a_terminal(tmp_path: Path) -> None:
    out = io.StringIO()
    progress = Progress(out)
    build_edition(corpus(tmp_path / "src", 205), tmp_path / "ed", progress=progress)
    progress.close()
    assert out.getvalue().splitlines() == [
        "reading pages: 0/205", "reading pages: 100/205", "reading pages: 200/205", "reading pages: 205/205",
        "writing pages: 0/205", "writing pages: 100/205", "writing pages: 200/205", "writing pages: 205/205",
    ]


def test_a_bar_with_the_current_page_on_a_terminal(tmp_path: Path) -> None:
    out = Terminal()
    progress = Progress(out)
    progress(0, 2, "a.md")
    progress(1, 2, "b.md")
    assert progress.bar is not None and "b.md" in str(progress.bar.postfix)  # drawn at tqdm's refresh rate
    progress(0, 2, "a")
    progress(1, 2, "b")
    progress(2, 2, "")
    progress.close()
    text = out.getvalue()
    assert "reading pages: 100%" in text and "writing pages: 100%" in text
    assert "2/2" in text
    assert "\r" in text  # redrawn in place, not a line per page


def test_a_failed_build_leaves_the_bar_where_it_stood() -> None:
    out = Terminal()
    progress = Progress(out)
    progress(0, 10, "a.md")
    progress(3, 10, "d.md")
    progress.close()
    progress.close()  # idempotent
    assert "100%" not in out.getvalue()
