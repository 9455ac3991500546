"""Checklist items: stable keys for saved state, and reports (Markdown/CSV). No Qt, no I/O.

A task list item is identified by its normalised text (plus its occurrence number when the same text appears
twice on one page), never by its position: a new edition that inserts, removes or reorders items keeps every
tick of an item whose text stayed the same.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

_SPACE = re.compile(r"\s+")


def normalize_item_text(text: str) -> str:
    """What makes two item texts "the same": Unicode NFC, whitespace collapsed, case folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def item_keys(texts: Sequence[str]) -> list[str]:
    """Keys for the items of one page, in order. Duplicate texts get `-2`, `-3` ... by occurrence."""
    seen: dict[str, int] = {}
    keys = []
    for text in texts:
        digest = hashlib.sha256(normalize_item_text(text).encode("utf-8")).hexdigest()[:20]
        seen[digest] = seen.get(digest, 0) + 1
        keys.append(digest if seen[digest] == 1 else f"{digest}-{seen[digest]}")
    return keys


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str
    checked: bool


def items_with_state(texts: Sequence[str], state: Mapping[str, bool]) -> list[ChecklistItem]:
    return [ChecklistItem(k, t, bool(state.get(k, False))) for k, t in zip(item_keys(texts), texts, strict=True)]


def progress(items: Iterable[ChecklistItem]) -> tuple[int, int]:
    items = list(items)
    return sum(1 for i in items if i.checked), len(items)


def progress_label(done: int, total: int) -> str:
    return f"{done} van {total} gedaan"


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def report_markdown(title: str, page_id: str, items: Sequence[ChecklistItem], *, url: str = "") -> str:
    """A Markdown task list that renders the same ticks anywhere (GitHub, MkDocs, Obsidian)."""
    done, total = progress(items)
    lines = [f"# {_one_line(title) or page_id}", ""]
    lines.append(f"Pagina: `{page_id}`" + (f" ({url})" if url else ""))
    lines.append("")
    lines.append(progress_label(done, total) + ".")
    lines.append("")
    for item in items:
        # Escape characters that would start Markdown markup at the beginning of the text.
        text = _one_line(item.text).replace("\\", "\\\\")
        lines.append(f"- [{'x' if item.checked else ' '}] {text}")
    return "\n".join(lines) + "\n"


def report_csv(title: str, page_id: str, items: Sequence[ChecklistItem]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["pagina", "titel", "nummer", "item", "gedaan"])
    for number, item in enumerate(items, 1):
        writer.writerow([page_id, _csv_safe(_one_line(title)), number, _csv_safe(_one_line(item.text)),
                         "ja" if item.checked else "nee"])
    return buffer.getvalue()


def _csv_safe(text: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ would be evaluated by Excel/LibreOffice.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
