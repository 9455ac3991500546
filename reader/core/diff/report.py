"""What changed between two editions, as plain data: the model the command line prints and the window shows.

`EditionDiff.to_json()` is the `diff --json` format (documented on `EditionDiff`); `from_json` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.core.diff.words import Op

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
# How a page of the old edition was found in the new one.
BY_ID, BY_CONTENT, BY_SIMILAR = "id", "content", "similar"

FieldValue = str | tuple[str, ...]


@dataclass(frozen=True)
class PageRef:
    """A page that is only in one of the two editions."""

    page_id: str
    path: str
    title: str

    def to_json(self) -> dict[str, Any]:
        return {"page_id": self.page_id, "path": self.path, "title": self.title}


@dataclass(frozen=True)
class PageMove:
    """A page found at another path or id: same id (`match` "id"), the same content ("content") or most of its
    sections ("similar")."""

    old_id: str
    new_id: str
    old_path: str
    new_path: str
    title: str
    match: str

    def to_json(self) -> dict[str, Any]:
        return {"old_id": self.old_id, "new_id": self.new_id, "old_path": self.old_path, "new_path": self.new_path,
                "title": self.title, "match": self.match}


@dataclass(frozen=True)
class FieldChange:
    """Front matter or page data: title, summary (text), relations, breadcrumb (lists)."""

    name: str
    old: FieldValue
    new: FieldValue

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "old": _plain(self.old), "new": _plain(self.new)}


@dataclass(frozen=True)
class SectionChange:
    """A section (by anchor; "" is the intro) added, removed or changed. `words` are the word-diff ops: KEEP and
    DELETE give the old text, KEEP and INSERT the new one (an added section is one INSERT, a removed one DELETE).
    A section whose heading (and so anchor) changed keeps its old anchor and heading in `old_anchor`/`old_heading`."""

    anchor: str
    heading: str
    kind: str
    words: list[Op] = field(default_factory=list)
    old_anchor: str = ""
    old_heading: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"anchor": self.anchor, "heading": self.heading, "kind": self.kind,
                "old_anchor": self.old_anchor, "old_heading": self.old_heading,
                "words": [list(op) for op in self.words]}


@dataclass(frozen=True)
class PageChange:
    """A page in both editions whose text or page data changed. `page_id` is its id in the new edition."""

    page_id: str
    old_id: str
    old_path: str
    new_path: str
    title_old: str
    title_new: str
    fields: list[FieldChange] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"page_id": self.page_id, "old_id": self.old_id, "old_path": self.old_path,
                "new_path": self.new_path, "title_old": self.title_old, "title_new": self.title_new,
                "fields": [f.to_json() for f in self.fields], "sections": [s.to_json() for s in self.sections]}


@dataclass(frozen=True)
class EditionSide:
    """Which edition a side of the diff is."""

    root: str
    title: str
    corpus_id: str
    edition_date: str
    page_count: int

    def to_json(self) -> dict[str, Any]:
        return {"root": self.root, "title": self.title, "corpus_id": self.corpus_id,
                "edition_date": self.edition_date, "page_count": self.page_count}


@dataclass
class EditionDiff:
    """Pages added, removed, moved and changed from `old` to `new`. A moved page that also changed is in both
    `moved` and `changed`. JSON: {"old", "new": EditionSide, "counts": {added, removed, moved, changed},
    "added"/"removed": [PageRef], "moved": [PageMove], "changed": [PageChange]}."""

    old: EditionSide
    new: EditionSide
    added: list[PageRef] = field(default_factory=list)
    removed: list[PageRef] = field(default_factory=list)
    moved: list[PageMove] = field(default_factory=list)
    changed: list[PageChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.moved or self.changed)

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "moved": len(self.moved),
                "changed": len(self.changed)}

    def page_change(self, page_id: str) -> PageChange | None:
        """The change of the page with this id in the new edition, or None when it did not change."""
        return next((c for c in self.changed if c.page_id == page_id), None)

    def changed_anchors(self, page_id: str) -> set[str]:
        """Anchors (new edition; "" the intro) of the sections of `page_id` that changed or were added. A removed
        section's anchor is included too, so a bookmark on it is listed as well."""
        change = self.page_change(page_id)
        if change is None:
            return set()
        anchors = {s.anchor for s in change.sections}
        anchors |= {s.old_anchor for s in change.sections if s.old_anchor}
        return anchors

    def new_id_for(self, old_id: str) -> str | None:
        """The id in the new edition of a page of the old one (its bookmarks follow it there), None if it was
        removed. Only the pages that moved are looked up; any other id is taken to be unchanged."""
        if any(p.page_id == old_id for p in self.removed):
            return None
        return next((m.new_id for m in self.moved if m.old_id == old_id), old_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old.to_json(),
            "new": self.new.to_json(),
            "counts": self.counts(),
            "added": [p.to_json() for p in self.added],
            "removed": [p.to_json() for p in self.removed],
            "moved": [m.to_json() for m in self.moved],
            "changed": [c.to_json() for c in self.changed],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "EditionDiff":
        return cls(
            old=EditionSide(**data["old"]),
            new=EditionSide(**data["new"]),
            added=[PageRef(**p) for p in data.get("added", ())],
            removed=[PageRef(**p) for p in data.get("removed", ())],
            moved=[PageMove(**m) for m in data.get("moved", ())],
            changed=[
                PageChange(
                    **{k: v for k, v in c.items() if k not in ("fields", "sections")},
                    fields=[FieldChange(f["name"], _value(f["old"]), _value(f["new"])) for f in c.get("fields", ())],
                    sections=[
                        SectionChange(**{k: v for k, v in s.items() if k != "words"},
                                      words=[(str(op), str(text)) for op, text in s.get("words", ())])
                        for s in c.get("sections", ())
                    ],
                )
                for c in data.get("changed", ())
            ],
        )


def _plain(value: FieldValue) -> str | list[str]:
    return value if isinstance(value, str) else list(value)


def _value(value: Any) -> FieldValue:
    return str(value) if isinstance(value, str) else tuple(str(v) for v in value)
