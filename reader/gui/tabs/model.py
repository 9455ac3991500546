"""The reading tabs of one window (pure Python, no Qt): which tabs, which one is active, what opening, closing,
moving and reopening do, and the tabs as plain JSON-able data for the next start.

A tab is state, not a view: the window has one web view, and a tab is the trail of corpus visits read in it
(library/trail.py: each visit keeps its page, anchor and the web view's history as bytes) plus the title shown on
its tab. The active tab's trail is the one the window's switcher works on; the others wait as data until chosen.
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from reader.gui.library.trail import CorpusTrail, Visit

DATA_VERSION = 1
T = TypeVar("T")
MAX_TABS = 100  # restored; more in a settings file is damage, not reading
MAX_CLOSED = 10  # closed tabs kept for "reopen"
MAX_HISTORY_BYTES = 256 * 1024  # one tab's web history; a larger one is saved without it (the page still comes back)
_MAX_TEXT = 1000


@dataclass
class Tab:
    trail: CorpusTrail
    title: str = ""
    scroll_y: float = 0.0  # where the page was scrolled when the tab was left (restored after its page loads)

    @classmethod
    def at(cls, visit: Visit, title: str = "") -> Tab:
        return cls(CorpusTrail(visit), title)


class TabSet:
    """The tabs of a window, in bar order, and the index of the active one. Never empty."""

    def __init__(self, first: Tab) -> None:
        self.tabs: list[Tab] = [first]
        self.active = 0
        self.closed: list[tuple[int, Tab]] = []  # (index it stood at, tab), most recently closed last

    def __len__(self) -> int:
        return len(self.tabs)

    @property
    def current(self) -> Tab:
        return self.tabs[self.active]

    def open(self, tab: Tab, *, activate: bool = False, at: int | None = None) -> int:
        """Add `tab` right after the active one (as browsers place a tab opened from a link), or at `at`."""
        index = self.active + 1 if at is None else max(0, min(at, len(self.tabs)))
        self.tabs.insert(index, tab)
        if index <= self.active:
            self.active += 1
        if activate:
            self.active = index
        return index

    def activate(self, index: int) -> Tab:
        if not 0 <= index < len(self.tabs):
            raise IndexError(index)
        self.active = index
        return self.current

    def step(self, delta: int) -> int:
        """The index `delta` tabs away from the active one, round the ends (Ctrl+Tab, Ctrl+Shift+Tab)."""
        return (self.active + delta) % len(self.tabs)

    def close(self, index: int) -> bool:
        """Close the tab at `index`; False for the last tab, which stays (the caller takes it home instead)."""
        if not 0 <= index < len(self.tabs):
            raise IndexError(index)
        if len(self.tabs) == 1:
            return False
        tab = self.tabs.pop(index)
        self.closed.append((index, tab))
        del self.closed[:-MAX_CLOSED]
        if index < self.active or (index == self.active and index == len(self.tabs)):
            self.active -= 1  # a tab before the active one went, or the last one (active) went: its left neighbour
        return True

    def reopen(self) -> int | None:
        """Put the most recently closed tab back where it stood, active; its index, None when none was closed."""
        if not self.closed:
            return None
        index, tab = self.closed.pop()
        return self.open(tab, activate=True, at=index)

    def move(self, source: int, target: int) -> None:
        """The tab at `source` now stands at `target` (dragged on the bar); the active tab stays active."""
        active = self.current
        tab = self.tabs.pop(source)
        self.tabs.insert(target, tab)
        self.active = self.tabs.index(active)

    def reset_current(self, tab: Tab) -> None:
        """The active tab starts over as `tab` (Ctrl+W on the last tab); the one it was can be reopened."""
        self.closed.append((self.active, self.tabs[self.active]))
        del self.closed[:-MAX_CLOSED]
        self.tabs[self.active] = tab

    # -- for the next start
    def to_data(self, current_visit: Visit | None = None) -> dict[str, Any]:
        """Plain data for JSON. `current_visit`: the active tab's visit as it is now (the switcher's leaving state)."""
        tabs = []
        for n, tab in enumerate(self.tabs):
            visits = list(tab.trail.visits)
            if n == self.active and current_visit is not None:
                visits[tab.trail.index] = current_visit
            tabs.append({
                "title": tab.title,
                "scroll": tab.scroll_y,
                "index": tab.trail.index,
                "visits": [_visit_data(v) for v in visits],
            })
        return {"version": DATA_VERSION, "active": self.active, "tabs": tabs}


def history_position(state: bytes) -> tuple[int, int] | None:
    """(entries, current index) read from the head of Qt's stream of a web history (QWebEngineHistory writes its
    stream version, the entry count and the current index as big-endian int32; versions 3 and 4 are known); None
    when the head is not recognised (the caller then hands the stream to Qt instead of reading it)."""
    if len(state) < 12:
        return None
    version, count, index = struct.unpack(">iii", state[:12])
    if version not in (3, 4) or not 0 <= index < count <= 100_000:
        return None
    return count, index


def _visit_data(visit: Visit) -> dict[str, str]:
    history = visit.history if len(visit.history) <= MAX_HISTORY_BYTES else b""
    return {
        "corpus": visit.corpus_id,
        "root": str(visit.edition_root),
        "page": visit.page_id,
        "anchor": visit.anchor,
        "history": base64.b64encode(history).decode("ascii"),
    }


def from_data(data: object, usable: Callable[[Visit], bool] = lambda _visit: True) -> TabSet | None:
    """The tabs saved by `to_data`, or None when nothing usable is left. Whatever is malformed or not `usable`
    (an edition that is gone) is dropped: a visit, else its whole tab; never an exception."""
    if not isinstance(data, dict) or data.get("version") != DATA_VERSION or not isinstance(data.get("tabs"), list):
        return None
    tabs, active = _kept(data["tabs"], data.get("active"), lambda item: _tab(item, usable))
    if not tabs:
        return None
    result = TabSet(tabs[0])
    result.tabs = tabs
    result.active = active
    return result


def _tab(item: object, usable: Callable[[Visit], bool]) -> Tab | None:
    if not isinstance(item, dict) or not isinstance(item.get("visits"), list):
        return None
    visits, kept_index = _kept(item["visits"], item.get("index"),
                               lambda raw: visit if (visit := _visit(raw)) is not None and usable(visit) else None)
    if not visits:
        return None
    trail = CorpusTrail(visits[0])
    trail.visits = visits
    trail.index = kept_index
    title = item.get("title")
    scroll = item.get("scroll")
    return Tab(
        trail,
        title if isinstance(title, str) and _text(title) else "",
        float(scroll) if isinstance(scroll, (int, float)) and not isinstance(scroll, bool) and 0 <= scroll < 1e7
        else 0.0,
    )


def _kept(items: list[object], wanted: object, convert: Callable[[object], T | None]) -> tuple[list[T], int]:
    """What `convert` makes of the first MAX_TABS `items` (None: dropped), and where the `wanted` one (its place in
    `items`) ended up; dropped, the last kept one before it; none before, the first."""
    wanted = wanted if isinstance(wanted, int) and not isinstance(wanted, bool) else 0
    kept: list[T] = []
    index = 0
    for n, raw in enumerate(items[:MAX_TABS]):
        item = convert(raw)
        if item is None:
            continue
        if n <= wanted:
            index = len(kept)
        kept.append(item)
    return kept, index


def _visit(raw: object) -> Visit | None:
    if not isinstance(raw, dict):
        return None
    corpus, root, page, anchor, history = (raw.get(k) for k in ("corpus", "root", "page", "anchor", "history"))
    if not (_text(corpus) and corpus and _text(root) and root and _text(page) and _text(anchor)):
        return None
    if not isinstance(history, str) or len(history) > MAX_HISTORY_BYTES * 2:
        return None
    try:
        decoded = base64.b64decode(history.encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        return None
    return Visit(str(corpus), Path(str(root)), str(page), str(anchor), decoded)


def _text(value: object) -> bool:
    return isinstance(value, str) and len(value) < _MAX_TEXT and "\0" not in value
