"""Refresh the `.ts` files from the sources with pyside6-lupdate and list what still needs a translator.

Run from anywhere (the paths are the repository's):

    .venv/bin/python resources/translations/update_translations.py                # refresh, then report
    .venv/bin/python resources/translations/update_translations.py --check        # report only; writes nothing
    .venv/bin/python resources/translations/update_translations.py --drop-vanished

The `.ts` files are the source of the translations: translate in Qt Linguist (`.venv/bin/pyside6-linguist
resources/translations/richtlijnenlezer_en.ts`) or in a text editor, and commit them. lupdate reads every
`reader/**/*.py`, adds new strings as unfinished and keeps every existing translation. A string that is gone from the
sources stays in the file marked "vanished" (its translation kept, in case it only moved) until you run with
`--drop-vanished`. Dutch is the source language; an unfinished string shows in Dutch.

The `.qm` files are not made here: packaging/setup.sh and packaging/build.py compile them with pyside6-lrelease.
Exit status: 0 when every message is translated and none vanished, 1 otherwise (the report says which).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

Message = tuple[str, str, str]  # (context, source, disambiguation comment)


def ts_files() -> list[Path]:
    return sorted(HERE.glob("*.ts"))


def sources() -> list[str]:
    """Every Python file of the reader, relative to the repository root (lupdate runs there)."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "reader").rglob("*.py"))


def lupdate_path() -> str:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.is_file() else shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate not found (it comes with PySide6)")
    return found


def run_lupdate(ts: Path, *, drop_vanished: bool = False) -> None:
    """Merge the strings of the sources into `ts` (in place). No source locations: moving code changes nothing."""
    cmd = [lupdate_path(), "-silent", *sources(), "-locations", "none", "-source-language", "nl", "-ts", str(ts)]
    if drop_vanished:
        cmd.insert(2, "-no-obsolete")
    subprocess.run(cmd, cwd=ROOT, check=True)


def messages(ts: Path) -> dict[Message, ET.Element]:
    """Every message of `ts` by (context, source, comment), with its <translation> element."""
    found: dict[Message, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            found[key] = translation if translation is not None else ET.Element("translation", type="unfinished")
    return found


def state(translation: ET.Element) -> str:
    """"finished", "unfinished", or "vanished"/"obsolete" (no longer in the sources)."""
    kind = translation.get("type", "")
    if kind in ("vanished", "obsolete", "unfinished"):
        return kind
    return "finished" if (translation.text or "").strip() else "unfinished"


def report(before: dict[Message, ET.Element], after: dict[Message, ET.Element]) -> list[str]:
    """What is left to do in `after` (a .ts just refreshed from `before`): one line per unfinished or vanished
    message; empty when every message is translated and in the sources."""
    lines = []
    for key, translation in after.items():
        kind = state(translation)
        context, source = key[0], key[1]
        if kind == "unfinished":
            lines.append(f"{'new' if key not in before else 'untranslated'}: [{context}] {source}")
        elif kind in ("vanished", "obsolete"):
            lines.append(f"{kind} (no longer in the sources): [{context}] {source}")
    return lines


def dropped(before: dict[Message, ET.Element], after: dict[Message, ET.Element]) -> list[str]:
    return [f"dropped: [{key[0]}] {key[1]}" for key in before if key not in after]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="run lupdate on a copy; report, write nothing")
    parser.add_argument("--drop-vanished", action="store_true", help="remove strings no longer in the sources")
    options = parser.parse_args(argv)
    problems = 0
    for ts in ts_files():
        before = messages(ts)
        if options.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy2(ts, copy)
                run_lupdate(copy, drop_vanished=options.drop_vanished)
                after = messages(copy)
        else:
            run_lupdate(ts, drop_vanished=options.drop_vanished)
            after = messages(ts)
        lines = report(before, after)
        print(f"{ts.relative_to(ROOT)}: {len(after)} messages, {len(lines)} to look at")
        for line in lines + dropped(before, after):
            print(f"  {line}")
        problems += len(lines)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
