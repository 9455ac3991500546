"""Back and forward across corpora: the window's trail of corpus visits (pure Python, no Qt).

Rendered pages link with absolute `rl://edition.invalid/page/...` addresses, so an address cannot say which corpus
it belongs to, and the web view's own history must only ever hold pages of the corpus being read. The window
therefore keeps two levels: the web view's history inside the corpus being read, and this trail of corpus visits
around it. Each visit keeps where the reader was (page and anchor) and the web view's history of that visit as
opaque bytes (Qt streams it), so that going back to a corpus restores its own back/forward list too.

Back: the web view's history when it can go back (always pages of the same corpus), else the previous visit of the
trail, which switches corpus. Forward the same way round. Switching corpus by hand drops the visits ahead, as a
browser drops its forward list when you follow a link.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

PAGE, CORPUS = "page", "corpus"


@dataclass(frozen=True)
class Visit:
    """One stay in one corpus: which edition, where the reader was, and the web history of the stay."""

    corpus_id: str
    edition_root: Path
    page_id: str = ""
    anchor: str = ""
    history: bytes = b""  # the web view's history as Qt streamed it; b"" when there is none to restore

    def left_at(self, page_id: str, anchor: str, history: bytes) -> Visit:
        return replace(self, page_id=page_id, anchor=anchor, history=history)


class CorpusTrail:
    """The visits of one window, oldest first, and which one is being read."""

    def __init__(self, first: Visit) -> None:
        self.visits: list[Visit] = [first]
        self.index = 0

    @property
    def current(self) -> Visit:
        return self.visits[self.index]

    def can_back(self) -> bool:
        return self.index > 0

    def can_forward(self) -> bool:
        return self.index < len(self.visits) - 1

    def switch(self, leaving: Visit, arriving: Visit) -> None:
        """The reader chose another corpus: remember where they left this one, forget the visits ahead."""
        self.visits[self.index] = leaving
        del self.visits[self.index + 1:]
        self.visits.append(arriving)
        self.index += 1

    def back(self, leaving: Visit) -> Visit:
        """Step back to the previous visit (the caller checked `can_back`); returns it."""
        if not self.can_back():
            raise IndexError("no visit before this one")
        self.visits[self.index] = leaving
        self.index -= 1
        return self.current

    def forward(self, leaving: Visit) -> Visit:
        if not self.can_forward():
            raise IndexError("no visit after this one")
        self.visits[self.index] = leaving
        self.index += 1
        return self.current

    def replace_current(self, visit: Visit) -> None:
        """Another edition of the corpus being read, or (the edition read was removed) another corpus, without a
        step in the trail; a neighbour of the same corpus becomes one with it."""
        self.visits[self.index] = visit
        self._merge()

    def drop_corpus(self, corpus_id: str) -> None:
        """A corpus left the library: its visits go (not the one being read), so Back never lands on it. Two visits
        of one corpus that end up side by side become one (the one being read, else the later)."""
        self.visits, self.index = self._without(corpus_id)
        self._merge()

    def _without(self, corpus_id: str) -> tuple[list[Visit], int]:
        kept = [(n, v) for n, v in enumerate(self.visits) if v.corpus_id != corpus_id or n == self.index]
        return [v for _n, v in kept], next(k for k, (n, _v) in enumerate(kept) if n == self.index)

    def _merge(self) -> None:
        """Visits of one corpus side by side become one: the one being read, else the later."""
        kept: list[tuple[int, Visit]] = []
        for n, visit in enumerate(self.visits):
            if kept and kept[-1][1].corpus_id == visit.corpus_id:
                if kept[-1][0] != self.index:
                    kept[-1] = (n, visit)
                continue
            kept.append((n, visit))
        self.index = next(k for k, (n, _visit) in enumerate(kept) if n == self.index)
        self.visits = [visit for _n, visit in kept]


def back_step(page_can_go_back: bool, trail: CorpusTrail) -> str | None:
    """What Back does now: PAGE (the web view's history), CORPUS (the previous visit) or None (nothing)."""
    if page_can_go_back:
        return PAGE
    return CORPUS if trail.can_back() else None


def forward_step(page_can_go_forward: bool, trail: CorpusTrail) -> str | None:
    if page_can_go_forward:
        return PAGE
    return CORPUS if trail.can_forward() else None
