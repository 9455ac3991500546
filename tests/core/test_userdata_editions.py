"""Bookmarks and checklist ticks made in NeRDS 2025-12, seen in NeRDS 2026-03: nothing is lost, pages that left
the edition are marked, changed sections are marked, ticks follow their item texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.edition import Edition, build_edition
from reader.core.userdata import (
    STATUS_CHANGED,
    STATUS_MISSING,
    STATUS_OK,
    STATUS_SECTION_GONE,
    UserData,
    bookmark_status,
    item_keys,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Edition, Edition]:
    out = tmp_path_factory.mktemp("editions")
    result = []
    for name in ("nerds-2025-12", "nerds-2026-03"):
        source = SHARED / name
        if not source.is_dir():
            pytest.fail(f"the NeRDS corpus is missing at {source}")
        build_edition(source, out / name, keep_going=True)
        result.append(Edition.open(out / name))
    return result[0], result[1]


def test_bookmarks_across_editions(editions: tuple[Edition, Edition], tmp_path: Path) -> None:
    old, new = editions
    with UserData.open(tmp_path / "p", corpus_id="corpus-a") as data:
        # Bookmark every page and every hashed section of the old edition, as the window would.
        for info in old.pages.values():
            data.add_bookmark(info.id, "", title=info.title, section_hash=info.section_hashes.get(""))
            for _level, text, anchor in info.headings:
                if anchor in info.section_hashes:
                    data.add_bookmark(info.id, anchor, title=f"{info.title} \u2014 {text}",
                                      section_hash=info.section_hashes[anchor])
        total = data.bookmark_count()
        page_ids = set(new.pages)

        def section_hash(page: str, anchor: str) -> str | None:
            info = new.pages.get(page)
            return info.section_hashes.get(anchor) if info else None

        def anchors(page: str) -> set[str] | None:
            info = new.pages.get(page)
            return {h[2] for h in info.headings} if info else None

        statuses: dict[str, list] = {}
        for b in data.bookmarks():
            statuses.setdefault(bookmark_status(b, page_ids, section_hash, anchors), []).append(b)

        gone_pages = set(old.pages) - set(new.pages)
        assert gone_pages, "the two NeRDS editions differ in their pages"
        assert {b.page_id for b in statuses[STATUS_MISSING]} == gone_pages
        assert statuses[STATUS_CHANGED] and statuses[STATUS_OK]
        for b in statuses[STATUS_CHANGED]:
            assert section_hash(b.page_id, b.anchor) not in (None, b.section_hash)
        for b in statuses.get(STATUS_SECTION_GONE, []):
            assert b.anchor and b.anchor not in anchors(b.page_id)
        assert sum(len(v) for v in statuses.values()) == total == data.bookmark_count()  # nothing lost


def test_checklist_ticks_survive_an_edition_without_the_lists(editions: tuple[Edition, Edition],
                                                               tmp_path: Path) -> None:
    """NeRDS 2026-03 has task lists on its phase pages, 2025-12 has none. Ticks made in 2026-03 stay saved while an
    edition without those items is open (and are in the report), and are all back with 2026-03."""
    old, new = editions
    with UserData.open(tmp_path / "p", corpus_id="corpus-a") as data:
        ticked: dict[str, set[str]] = {}
        for info in new.pages.values():
            keys = item_keys(list(info.checklist))
            for n, (key, text) in enumerate(zip(keys, info.checklist, strict=True)):
                if n % 2 == 0:
                    data.set_item(info.id, key, True, text)
                    ticked.setdefault(info.id, set()).add(text)
        assert sum(map(len, ticked.values())) > 10, "NeRDS 2026-03 has task lists"
        for page_id, texts in ticked.items():
            if page_id in old.pages:
                assert data.checklist_items(page_id, list(old.pages[page_id].checklist)) == []
            report = data.report(page_id)  # without the edition's texts: what was saved
            for text in texts:
                assert f"- [x] {text}" in report
        for info in new.pages.values():
            items = data.checklist_items(info.id, list(info.checklist))
            assert {i.text for i in items if i.checked} == ticked.get(info.id, set())
