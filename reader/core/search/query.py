"""The search query language, parsed without Whoosh (so it is total: any string parses).

    woord woord       all words must match (ranked by relevance)
    "een zin"         the words next to each other, in this order
    -woord, -"zin"    sections with this word or phrase are left out (also: NOT woord)
    a OR b            either (binds adjacent clauses: a b OR c d = a AND (b OR c) AND d)
    titel:woord       only in page titles          titel:"een zin" works too
    sectie:woord      only in section headings
    sleutel:waarde    filter on a front matter key the index was built with (e.g. rol:projectleider, for `rollen`;
                      the names a key goes by are in filters.aliases)
    woord*            explicit prefix; while typing the last word is a prefix anyway

Anything else is text: unbalanced quotes run to the end, brackets are ignored, a lone `-`, `*` or `OR` is dropped,
control characters are spaces, and queries are cut at MAX_QUERY_CHARS / MAX_CLAUSES so nothing can hang.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Mapping

from reader.core.search.dutch import fold

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 12

# Dutch field names of the query language -> index fields (see reader.core.search).
FIELD_ALIASES = {
    "titel": "titel",
    "title": "titel",
    "pagina": "titel",
    "sectie": "sectie",
    "section": "sectie",
    "kop": "sectie",
}

_BRACKETS = "()[]{}<>"


@dataclass(frozen=True)
class Clause:
    text: str  # the word(s) as typed (analysed later by the search engine)
    phrase: bool = False  # quoted
    field: str | None = None  # "titel", "sectie" or None for everywhere
    prefix: bool = False  # treat the (last) word as a prefix


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...] = ()  # AND over groups, OR within a group
    excluded: tuple[Clause, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()  # (front matter key, value)
    notes: tuple[str, ...] = field(default=(), compare=False)  # what was ignored (for diagnostics)
    not_filters: tuple[tuple[str, str], ...] = ()  # -key:value: pages with this value are left out

    @property
    def empty(self) -> bool:
        return not self.groups


def clean(query: str) -> str:
    """Control characters become spaces; overly long input is cut."""
    query = query[: MAX_QUERY_CHARS * 2]
    out = [" " if unicodedata.category(c)[0] == "C" else c for c in query]
    return "".join(out)[:MAX_QUERY_CHARS]


@dataclass
class _Raw:
    text: str
    phrase: bool
    negated: bool
    field: str | None
    is_or: bool = False
    star: bool = False


def _scan(q: str, filter_keys: Mapping[str, str]) -> list[_Raw]:
    raws: list[_Raw] = []
    i, n = 0, len(q)
    negate_next = False
    while i < n and len(raws) < MAX_CLAUSES * 3:
        c = q[i]
        if c.isspace() or c in _BRACKETS:
            i += 1
            continue
        negated = negate_next
        negate_next = False
        if c == "-" and i + 1 < n and not q[i + 1].isspace():
            negated = True
            i += 1
        # optional field prefix: letters followed by ':'
        fld = None
        j = i
        while j < n and (q[j].isalpha() or q[j] == "_"):
            j += 1
        if j < n and q[j] == ":" and j > i:
            name = fold(q[i:j])
            if name in FIELD_ALIASES or name in filter_keys:
                fld = FIELD_ALIASES.get(name) or filter_keys[name]
                i = j + 1
        if i < n and q[i] == '"':
            end = q.find('"', i + 1)
            if end < 0:
                end = n  # unbalanced quote: the phrase runs to the end
            raws.append(_Raw(q[i + 1 : end], True, negated, fld))
            i = end + 1
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] != '"' and q[j] not in _BRACKETS:
            j += 1
        word = q[i:j]
        i = j
        if not word:
            continue
        if word == "OR" and fld is None and not negated:
            raws.append(_Raw("", False, False, None, is_or=True))
            continue
        if word in ("AND", "&&") and fld is None and not negated:
            continue
        if word == "NOT" and fld is None and not negated:
            negate_next = True
            continue
        star = word.endswith("*")
        word = word.strip("*")
        if not word.strip("-*+?~^!:/\\|&"):
            continue  # a lone operator
        raws.append(_Raw(word, False, negated, fld, star=star))
    return raws


def parse(query: str, *, filter_keys: Mapping[str, str] | frozenset[str] | set[str] = frozenset(),
          as_you_type: bool = True) -> ParsedQuery:
    """Parse a query. `as_you_type`: the last bare word is a prefix (unless the query ends with a space).
    `filter_keys`: the front matter filter keys, or every name they go by -> the key (filters.aliases)."""
    q = clean(query)
    names = dict(filter_keys) if isinstance(filter_keys, Mapping) else {fold(k): k for k in filter_keys}
    keys = frozenset(names.values())
    raws = _scan(q, names)
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    filters: list[tuple[str, str]] = []
    not_filters: list[tuple[str, str]] = []
    notes: list[str] = []
    pending_or = False
    last_positive: list[Clause] | None = None
    for k, raw in enumerate(raws):
        if raw.is_or:
            pending_or = last_positive is not None
            continue
        if raw.field is not None and raw.field in keys and raw.field not in ("titel", "sectie"):
            if raw.text.strip():
                (not_filters if raw.negated else filters).append((raw.field, raw.text.strip()))
            continue
        is_last = k == len(raws) - 1
        prefix = raw.star or (
            as_you_type and is_last and not raw.phrase and not raw.negated and not q[-1:].isspace()
        )
        clause = Clause(raw.text, raw.phrase, raw.field if raw.field in ("titel", "sectie") else None, prefix)
        if not clause.text.strip():
            continue
        if raw.negated:
            excluded.append(clause)
            pending_or = False
            continue
        if pending_or and last_positive is not None:
            last_positive.append(clause)
        else:
            if len(groups) >= MAX_CLAUSES:
                notes.append("te veel woorden; de rest is genegeerd")
                break
            last_positive = [clause]
            groups.append(last_positive)
        pending_or = False
    return ParsedQuery(
        tuple(tuple(g) for g in groups), tuple(excluded[:MAX_CLAUSES]), tuple(filters[:MAX_CLAUSES]), tuple(notes),
        tuple(not_filters[:MAX_CLAUSES]),
    )
