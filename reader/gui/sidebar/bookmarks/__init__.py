"""The **Bladwijzers** sidebar tab: folders, a filter, open, rename, note, move, delete with undo, drag and drop.

All data lives in `reader.core.userdata.UserData`; this package only shows it and turns user actions into store
calls wrapped in undo commands. The rest of the app imports from here, not from the modules inside.
"""

from reader.gui.sidebar.bookmarks.panel import (
    MIME_IDS,
    ROLE_ID,
    ROLE_KIND,
    ROLE_SORT,
    ROLE_STATUS,
    BookmarkModel,
    BookmarksPanel,
    BookmarkTree,
    PageAnchors,
    SectionHash,
)

__all__ = [
    "MIME_IDS",
    "ROLE_ID",
    "ROLE_KIND",
    "ROLE_SORT",
    "ROLE_STATUS",
    "BookmarkModel",
    "BookmarkTree",
    "BookmarksPanel",
    "PageAnchors",
    "SectionHash",
]
