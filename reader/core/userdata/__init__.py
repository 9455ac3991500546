"""The user's own data: bookmarks, history and checklist ticks, in one SQLite file in the profile directory.

What a user saves is the one thing the reader must never lose, so:
- every write is one transaction (`BEGIN IMMEDIATE` ... `COMMIT`), in WAL mode with `synchronous=FULL`: a
  committed write survives a killed process and a power cut, and a crash never leaves a half-written store;
- the schema has a version (`PRAGMA user_version`) and ordered migrations, run inside a transaction (schema.py);
- a file that is not a readable SQLite database is moved aside as `<name>.corrupt-<timestamp>` (never deleted)
  and a fresh store starts; `UserData.recovered_from` says where the old file went;
- a profile that cannot be written is opened read-only (or, with no store yet, as an empty in-memory store);
  `UserData.read_only_error` says why (a `ReadOnlyError`), and every write raises a `ReadOnlyError` with its code;
- two processes on one profile are safe: SQLite's locking with a busy timeout serialises their writes.

Data refers to pages by corpus id, page id and anchor (never by file path), so it survives new editions of a corpus
and two corpora with the same page ids never mix: a store works on one corpus at a time (`UserData.open(profile,
corpus_id=...)`, `use_corpus`); counts, last opened editions and forgetting a corpus work across corpora.
No Qt here: the GUI and the CLI both use this package. Modules: store.py (opening, transactions), schema.py,
records.py (the values and their checks), one store mixin per concern (corpus_store.py: across corpora),
checklist.py (item keys and reports) and bookmark_io.py (import and export files).
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_exports
from reader.core.userdata.checklist import (
    ChecklistItem,
    item_keys,
    items_with_state,
    progress,
    progress_label,
    report_csv,
    report_markdown,
)
from reader.core.userdata.corpus_store import ForgetResult, LegacyClaim, edition_key
from reader.core.userdata.records import (
    MAX_ANCHOR,
    MAX_FOLDER,
    MAX_NOTE,
    MAX_PAGE_ID,
    MAX_TITLE,
    STATUS_CHANGED,
    STATUS_MISSING,
    STATUS_OK,
    STATUS_SECTION_GONE,
    Bookmark,
    CorpusCounts,
    ImportRecord,
    ImportResult,
    ReadOnlyError,
    UserDataError,
    Visit,
    bookmark_status,
    matches_filter,
)
from reader.core.userdata.schema import SCHEMA_VERSION
from reader.core.userdata.store import DB_NAME
from reader.core.userdata.user_data import UserData

if TYPE_CHECKING:
    from reader.core.userdata.bookmark_io import (
        BookmarkFileError,
        bookmark_record,
        export_file,
        guess_format,
        import_file,
        parse_bytes,
        read_bookmark_file,
        to_json,
        to_netscape_html,
    )

# Import and export files are read on first use: the reader opens the store at start-up, never a file.
__getattr__ = lazy_exports(__name__, "reader.core.userdata.bookmark_io", (
    "BookmarkFileError", "bookmark_record", "export_file", "guess_format", "import_file", "parse_bytes",
    "read_bookmark_file", "to_json", "to_netscape_html",
))

__all__ = [
    "DB_NAME",
    "MAX_ANCHOR",
    "MAX_FOLDER",
    "MAX_NOTE",
    "MAX_PAGE_ID",
    "MAX_TITLE",
    "SCHEMA_VERSION",
    "STATUS_CHANGED",
    "STATUS_MISSING",
    "STATUS_OK",
    "STATUS_SECTION_GONE",
    "Bookmark",
    "BookmarkFileError",
    "ChecklistItem",
    "CorpusCounts",
    "ForgetResult",
    "ImportRecord",
    "ImportResult",
    "LegacyClaim",
    "ReadOnlyError",
    "UserData",
    "UserDataError",
    "Visit",
    "bookmark_record",
    "bookmark_status",
    "edition_key",
    "export_file",
    "guess_format",
    "import_file",
    "item_keys",
    "items_with_state",
    "matches_filter",
    "parse_bytes",
    "progress",
    "progress_label",
    "read_bookmark_file",
    "report_csv",
    "report_markdown",
    "to_json",
    "to_netscape_html",
]
