"""What a search takes and gives: the documents to index, hits, results, and the format error."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Mapping

from reader.core.errors import ReaderError


class IndexFormatError(ReaderError):
    """The index is missing, from another format version, or damaged: rebuild it. `code` says which."""


@dataclass(frozen=True)
class SearchDoc:
    page: str
    anchor: str  # "" for the page intro
    page_title: str
    section_title: str
    breadcrumb: tuple[str, ...]
    summary: str
    text: str
    filters: Mapping[str, str] = field(default_factory=dict)  # selected front matter keys -> value
    weight: float = 1.0  # page prior (see page_weight); multiplies the page's score
    terms: tuple[str, ...] = ()  # what this section of a glossary page defines (glossary.py)


@dataclass(frozen=True)
class Hit:
    page: str
    anchor: str
    title: str  # page title
    section: str  # section heading ("" for the intro)
    breadcrumb: tuple[str, ...]
    snippet_html: str  # escaped text with <mark> around matched words
    score: float

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["breadcrumb"] = list(self.breadcrumb)
        return d


@dataclass
class SearchResult:
    query: str
    suggestion: str | None
    partial: bool  # nothing matched all words; these are the best partial matches
    ms: float
    hits: list[Hit]
    total: int = 0  # matching sections (before grouping and the limit)
    message: str = ""  # a friendly explanation when there is nothing to show
    # The query as searched when words not in the corpus were replaced by their correction (the results are for
    # it; `query` is what was typed), else None.
    corrected_query: str | None = None
    filters: list[tuple[str, str]] = field(default_factory=list)  # the front matter filters applied (key, value)
    excluded_filters: list[tuple[str, str]] = field(default_factory=list)  # -key:value: pages left out
    # With search(..., facets=True): per filter key, its values with the number of matching pages (FilterKey).
    facets: tuple[Any, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        """Exactly the keys of the `search --json` contract."""
        return {
            "query": self.query,
            "suggestion": self.suggestion,
            "corrected_query": self.corrected_query,
            "partial": self.partial,
            "ms": round(self.ms, 3),
            "hits": [h.to_json() for h in self.hits],
            "filters": [{"key": k, "value": v} for k, v in self.filters]
            + [{"key": k, "value": v, "exclude": True} for k, v in self.excluded_filters],
        } | ({} if self.facets is None else {"facets": [f.to_json() for f in self.facets]})
