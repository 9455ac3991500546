"""The **Bladwijzers** sidebar tab: folders, a filter, open, rename, note, move, delete with undo, drag and drop.

All data lives in `reader.core.userdata.UserData`; this package only shows it and turns user actions into store
calls wrapped in undo commands. The rest of the app imports from here, not from the modules inside:

- `panel`: the tab itself, which composes the others and turns user actions into store changes;
- `model`: the Qt item model (what a row holds, what a drag carries); `tree`: the view, with drag and drop;
- `edits`: the undoable store changes; `undo`: the undo command and the Undo/Redo actions;
- `message_bar`, `menu`, `dialogs`: the message bar, the context menu, and the questions the tab asks.
"""

from reader.gui.sidebar.bookmarks.edits import SectionHash
from reader.gui.sidebar.bookmarks.model import (
    MIME_IDS,
    ROLE_ID,
    ROLE_KIND,
    ROLE_SORT,
    ROLE_STATUS,
    BookmarkModel,
)
from reader.gui.sidebar.bookmarks.panel import BookmarksPanel, PageAnchors
from reader.gui.sidebar.bookmarks.tree import BookmarkTree

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
