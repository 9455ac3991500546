"""What changed between two editions of a corpus: pages added, removed, moved and changed, and for a changed page
its page data and the sections whose words changed, word by word.

Public: `diff_editions(old, new) -> EditionDiff` (folders or opened `Edition`s), the report model (`EditionDiff`,
`PageChange`, `SectionChange`, `FieldChange`, `PageMove`, `PageRef`, `EditionSide`; `EditionDiff.to_json` is the
`diff --json` format), the word diff (`word_diff`, `side`, ops `KEEP`/`INSERT`/`DELETE`), the section texts of a
stored page (`page_sections`) and safe HTML for the window: the whole diff (`diff_html`) or one page's change
(`change_html`), words from `DiffLabels` (Dutch by default).
"""

from reader.core.diff.compare import diff_editions, page_change, section_changes
from reader.core.diff.markup import (
    DUTCH,
    SR_ONLY,
    DiffLabels,
    change_html,
    diff_html,
    field_html,
    section_html,
    words_html,
)
from reader.core.diff.matching import Matching, Pair, match_pages
from reader.core.diff.report import (
    ADDED,
    BY_CONTENT,
    BY_ID,
    BY_SIMILAR,
    CHANGED,
    REMOVED,
    EditionDiff,
    EditionSide,
    FieldChange,
    PageChange,
    PageMove,
    PageRef,
    SectionChange,
)
from reader.core.diff.text import SectionText, page_sections
from reader.core.diff.words import DELETE, INSERT, KEEP, Op, side, word_diff, words

__all__ = [
    "ADDED",
    "BY_CONTENT",
    "BY_ID",
    "BY_SIMILAR",
    "CHANGED",
    "DELETE",
    "DUTCH",
    "INSERT",
    "KEEP",
    "REMOVED",
    "SR_ONLY",
    "DiffLabels",
    "EditionDiff",
    "EditionSide",
    "FieldChange",
    "Matching",
    "Op",
    "PageChange",
    "PageMove",
    "PageRef",
    "Pair",
    "SectionChange",
    "SectionText",
    "change_html",
    "diff_editions",
    "diff_html",
    "field_html",
    "match_pages",
    "page_change",
    "page_sections",
    "section_changes",
    "section_html",
    "side",
    "word_diff",
    "words_html",
    "words",
]
