"""Import and validation of a guideline corpus: an MkDocs project or a plain folder of Markdown files.

`load_corpus(source)` never raises for a broken page: each problem becomes a `Problem` with file, line and what to
do; pages with errors are left out, pages with warnings are kept. `CorpusError` is raised only when the source as a
whole cannot be read (not a directory, an unusable mkdocs.yml, a docs_dir that is missing).

Modules: sources.py (the walk), pages.py (a page, front matter, titles, summary), mkdocs.py, nav.py, snippets.py,
relations.py, link_check.py, headings.py (toc slugs), actions.py (the action registry), load.py (the orchestrator,
which runs each page's one Markdown pass from reader.core.render and checks links over what it found).
"""

from reader.core.corpus.actions import find_placeholders, load_actions
from reader.core.corpus.errors import CorpusError
from reader.core.corpus.headings import slugify_heading
from reader.core.corpus.load import PARALLEL_MIN_PAGES, load_corpus
from reader.core.corpus.mkdocs import (
    MkDocsConfig,
    MkDocsConfigError,
    UnknownTag,
    read_mkdocs_config,
)
from reader.core.corpus.pages import (
    MAX_PAGE_BYTES,
    UNLISTED_SECTION_TITLE,
)
from reader.core.corpus.relations import RelationIndex

__all__ = [
    "MAX_PAGE_BYTES",
    "PARALLEL_MIN_PAGES",
    "UNLISTED_SECTION_TITLE",
    "CorpusError",
    "MkDocsConfig",
    "MkDocsConfigError",
    "RelationIndex",
    "UnknownTag",
    "find_placeholders",
    "load_actions",
    "load_corpus",
    "read_mkdocs_config",
    "slugify_heading",
]
