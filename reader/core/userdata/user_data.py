"""UserData: one profile's store with bookmarks, history and checklists (each concern in its own module)."""

from __future__ import annotations

from reader.core.userdata.bookmark_store import BookmarkStore
from reader.core.userdata.checklist_store import ChecklistStore
from reader.core.userdata.corpus_store import CorpusStore
from reader.core.userdata.history_store import HistoryStore


class UserData(BookmarkStore, HistoryStore, ChecklistStore, CorpusStore):
    """Bookmarks, history and checklists of one profile, for one corpus at a time (`UserData.open(profile_dir,
    corpus_id=...)`, `use_corpus`), plus what the profile knows across corpora (CorpusStore). Not thread-safe: use
    it from one thread."""
