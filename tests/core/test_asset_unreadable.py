"""An image or attachment under docs/ that cannot be read is left out of the edition with a warning, never an
exception: the pages are built, `build --json` counts the warning like every other problem.

As root chmod does not stop reading, the tests make reading one file fail instead (as the unreadable page test in
test_bad_input_limits.py does).
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import IO, Any

import pytest

from reader.core.edition import build_edition
from reader.core.model import WARNING

PAGE = "---\ntitle: Start\nsummary: Een pagina met een bijlage.\n---\n\n# Start\n\n[Bijlage](dicht.pdf)\n"


def source(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "docs" / "img").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Bijlagen\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (root / "docs" / "dicht.pdf").write_bytes(b"%PDF-1.4 dicht")
    (root / "docs" / "img" / "open.png").write_bytes(b"\x89PNG open")
    return root


class _Breaks(io.BufferedReader):
    """A file whose reading fails half-way (an I/O error on a bad disk)."""

    def read(self, size: int | None = -1) -> bytes:
        raise OSError(5, "Input/output error")


def close(monkeypatch: pytest.MonkeyPatch, path: Path, *, when: str = "open") -> None:
    """Make opening (or reading) `path` fail; every other file opens as usual."""
    closed = path.resolve()
    real = Path.open

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        if "r" in mode and self.resolve() == closed:
            if when == "open":
                raise PermissionError(13, "Permission denied", str(self))
            return _Breaks(io.FileIO(str(self), "rb"))
        return real(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)


@pytest.mark.parametrize("when", ["open", "read"])
@pytest.mark.parametrize("keep_going", [False, True])
def test_an_unreadable_asset_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str, keep_going: bool
) -> None:
    root = source(tmp_path)
    close(monkeypatch, root / "docs" / "dicht.pdf", when=when)
    report = build_edition(root, tmp_path / "ed", keep_going=keep_going)  # was an exception from copyfile
    assert report.pages == 1 and report.left_out == []
    found = [p for p in report.warnings if p.code == "asset-unreadable"]
    assert [(p.severity, p.file, p.line) for p in found] == [(WARNING, "docs/dicht.pdf", None)]
    reason = "Permission denied" if when == "open" else "Input/output error"
    assert found[0].message == (
        f"The file cannot be read ({reason}) and is left out of the edition, so links to it do not work; "
        "check its permissions."
    )
    assert found[0] in report.problems  # what `build --json` counts
    assets = tmp_path / "ed" / "assets"
    assert not (assets / "dicht.pdf").exists()  # nothing half-copied
    assert (assets / "img" / "open.png").read_bytes() == b"\x89PNG open"


def test_build_json_counts_the_unreadable_asset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.commands import build

    root = source(tmp_path)
    close(monkeypatch, root / "docs" / "dicht.pdf")
    status = build.run(build_args(root, tmp_path / "ed"))
    assert status == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["pages"] == 1 and summary["left_out"] == []
    assert summary["problems"]["by_code"]["asset-unreadable"] == {"severity": WARNING, "count": 1}
    assert summary["warnings"] >= 1


def test_failing_to_write_an_asset_still_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only reading the source is forgiven: an edition that cannot be written is not reported as the corpus's fault."""
    root = source(tmp_path)
    real = Path.open

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        if "w" in mode and self.name == "dicht.pdf":
            raise OSError(28, "No space left on device", str(self))
        return real(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    with pytest.raises(OSError, match="No space left"):
        build_edition(root, tmp_path / "ed")
    assert not (tmp_path / "ed").exists()


def test_check_reports_what_build_json_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.commands import build, check

    root = source(tmp_path)
    close(monkeypatch, root / "docs" / "dicht.pdf")
    out = io.StringIO()
    assert check.report(root, True, out) == 0  # a warning: the check passes
    checked = json.loads(out.getvalue())
    assert [(w["code"], w["file"], w["line"]) for w in checked["warnings"]] == [
        ("asset-unreadable", "docs/dicht.pdf", None)
    ]
    assert build.run(build_args(root, tmp_path / "ed")) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == checked["summary"]


def build_args(source: Path, out: Path) -> argparse.Namespace:
    """What `richtlijnenlezer build SOURCE --out OUT --json` parses to."""
    return argparse.Namespace(source=source, out=out, keep_going=False, json=True, corpus_id=None, edition_date=None)
