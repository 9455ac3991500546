"""Full-text search over an edition: Dutch analysis, a Whoosh index per section, queries, snippets, suggestions.

This is the only package that imports Whoosh. The edition builder calls `build_index(index_dir, docs)` with one
`SearchDoc` per section; the app and the `search` command use `SearchIndex.open(index_dir).search(query)`.
Searching every corpus of the library at once: `search_many([(corpus id, label, index), ...], query)`, or
`LibrarySearch` which opens each corpus's index on first use and keeps it (library.py: results grouped per corpus,
groups ordered fairly across indexes, typo corrections reconciled between corpora).

Analysis (index and query side, same code): fold (lowercase, strip accents), split into words, drop Dutch stop
words, normalise plural spellings the stemmer misses, Snowball Dutch stem. At build time compounds are also split
against the corpus vocabulary (see dutch.py) and their parts are indexed next to the compound, at
consecutive positions of the token stream, so `beveiliging` finds `informatiebeveiliging` and the phrase
"open source" finds `opensourcesoftware`.

Index layout (one document per section, numbered in the order the sections are given):
- the search field (SEARCH_FIELD): everything searched by default, as weighted parts (page title, heading, and in
  a page's first section also its summary and nav path, then the section text); the weights ride on token boosts
  (see DutchTokenizer). One field means one posting list per query word. It has no positions: a phrase is an And
  of its words, confirmed on the section text (`_verify_phrase`). It is kept *outside* Whoosh, in compact files
  of our own (_Postings: TERMS_FILE, TERMINFO_FILE, POSTINGS_FILE, LENGTHS_FILE): Whoosh's fixed cost per
  distinct term made the index 5x the text it indexes on NeRDS; now about 1.3x.
- In Whoosh: `ptitle` (first section of a page) and `stitle` (heading), for the `titel:` and `sectie:` filters,
  and `f_<key>`, front matter filters (`rol:projectleider`; which keys, and the names they go by: filters.py,
  counted per value among a query's matches: facets.py). Few terms, and they need positions for phrases.
- Beside them, zlib-compressed: the folded, *unstemmed* vocabulary with page frequencies (VOCAB_FILE; prefix
  completion and did-you-mean: fuzzy matching on stems finds nothing for `toegankelijkhied`), page data once per
  page (PAGES_FILE), the page of every section (DOCPAGES_FILE), anchor and heading of every section
  (SECTIONS_FILE), and the section texts for snippets, each compressed with a dictionary sampled from the corpus
  (TEXTS_FILE, ZDICT_FILE).

Synonyms the corpus states (synonyms.py: abbreviations and translations in brackets, `abbr` definitions) expand
queries both ways; a page that defines many terms is a result for each of them (glossary.py).

Queries (query.py): all words must match, else the best partial matches are returned and flagged. A word the
index does not know (no stem, no compound split, no completion) is searched as its closest corpus word by a weighted
edit distance (typos.py: keyboard neighbours, doubled letters, swaps and Dutch confusions such as ij/y and dt/d/t
are cheap), a little below exact matches, and the result says so (`corrected_query`); every bound is a count, never
a time, so answers do not depend on load. Question words and filler are not required, and a query of three or
more words ranks sections by how many of them they have (questions.py). The last word while typing expands to its
most frequent completions (bounded: the FIELD-NOTES prefix trap); the forms
of one word are a DisjunctionMax. Queries are scored term-at-a-time (`_scores`, the same BM25F as Whoosh, much
faster on common words); only leaves on the title and filter fields are evaluated by Whoosh. Pages rank by
their best section plus a little for further matching sections, times a mild page prior (backlinks, nav depth)
and a bonus when the title is the query.
"""

from typing import TYPE_CHECKING

from reader.core.formats import INDEX_FORMAT_VERSION
from reader.core.lazy import lazy_modules
from reader.core.search.filters import FilterKey, FilterValue
from reader.core.search.filters import value_key as filter_value_key
from reader.core.search.results import Hit, IndexFormatError, SearchDoc, SearchResult
from reader.core.search.storage import META_FILE, index_format, remove_index
from reader.core.search.synonyms import corpus_synonyms

if TYPE_CHECKING:
    from reader.core.search.analysis import analyze, stem
    from reader.core.search.build import BuildStats, build_index, page_weight, section_docs
    from reader.core.search.engine import SearchIndex
    from reader.core.search.library import (
        CorpusProblem,
        CorpusResults,
        LibraryResults,
        LibrarySearch,
        Tier,
        index_dir_of,
        search_many,
    )
    from reader.core.search.snippets import make_snippet, word_matches

# Searching is imported on first use: a build only writes an index (engine and library cost ~30 ms of imports).
# Whoosh itself (analysis, build) too: the window's search filters need only filters.py, and a reader who never
# searches never pays Whoosh's memory.
__getattr__ = lazy_modules(__name__, {
    "reader.core.search.analysis": ("analyze", "stem"),
    "reader.core.search.build": ("BuildStats", "build_index", "page_weight", "section_docs"),
    "reader.core.search.engine": ("SearchIndex",),
    "reader.core.search.library": (
        "CorpusProblem", "CorpusResults", "LibraryResults", "LibrarySearch", "Tier", "index_dir_of", "search_many",
    ),
    "reader.core.search.snippets": ("make_snippet", "word_matches"),
})

__all__ = [
    "INDEX_FORMAT_VERSION",
    "META_FILE",
    "BuildStats",
    "CorpusProblem",
    "CorpusResults",
    "FilterKey",
    "FilterValue",
    "Hit",
    "IndexFormatError",
    "LibraryResults",
    "LibrarySearch",
    "SearchDoc",
    "SearchIndex",
    "SearchResult",
    "Tier",
    "analyze",
    "build_index",
    "corpus_synonyms",
    "filter_value_key",
    "index_dir_of",
    "index_format",
    "make_snippet",
    "page_weight",
    "remove_index",
    "search_many",
    "section_docs",
    "stem",
    "word_matches",
]
