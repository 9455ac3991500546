"""Filters from front matter: which keys of a corpus are filters, what they are called in a query, their values.

A front matter key is a filter when it sorts pages into groups, whatever the corpus calls it (`rollen`,
`levenscyclus`, `onderwerp`, `categories`): its values are short strings or lists of them (`candidates`), at least
MIN_PAGES pages have it, and it has no more distinct values than pages; a key whose every value is unique to one
page, over more than MIN_PAGES pages, names pages rather than groups them (a slug, an id) and is left out. Keys that
MkDocs and its Material theme read for the layout (THEME_KEYS) are not about the content and never filters.

In a query a filter is `key:value`. The key may be written as the key itself, its singular (`rol:` for `rollen`,
`categorie:` for `categorieen`, `author:` for `authors`: SINGULAR_RULES) or a prefix of at least three letters
that no other key shares (`lev:` for `levenscyclus`). Values are matched folded, with spaces, underscores and
hyphens alike (`rol:"product owner"` = `rol:product-owner`); a value nobody uses matches the values it starts
(so a half-typed value still narrows the results).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from reader.core.search.dutch import fold
from reader.core.search.results import SearchDoc

MIN_PAGES = 2
MAX_VALUE_CHARS = 60
MIN_PREFIX = 3
# Read by MkDocs / Material for the page layout (not what a page is about).
THEME_KEYS = frozenset({"hide", "search", "template", "icon", "status", "social", "links", "comments", "title",
                        "summary", "description", "slug", "date", "authors_url", "readtime", "pin", "draft"})
# Plural endings -> singular: Dutch -en with a doubled consonant undone (rollen -> rol), -s, English -ies -> -y.
SINGULAR_RULES = (("ies", "y"), ("en", ""), ("s", ""))
# The query language's own field names (query.FIELD_ALIASES) win over a filter alias.
_RESERVED = frozenset({"titel", "title", "pagina", "sectie", "section", "kop"})


def value_key(value: str) -> str:
    """The folded form a value is indexed and matched by."""
    return re.sub(r"[\s_-]+", "-", fold(str(value)).strip()).strip("-")


def _scalar(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        return None
    s = str(v).strip()
    return s if s and len(s) <= MAX_VALUE_CHARS and "\n" not in s and "," not in s else None


def candidates(metadata: Mapping[str, Any]) -> dict[str, str]:
    """The front matter keys of one page that may be filters, each with its values joined by commas."""
    out: dict[str, str] = {}
    for key, value in metadata.items():
        if not isinstance(key, str) or fold(key) in THEME_KEYS or not re.fullmatch(r"[^\W\d]\w*", key):
            continue
        items = value if isinstance(value, (list, tuple)) else [value]
        values = [s for s in (_scalar(v) for v in items) if s is not None]
        if values and len(values) == len(items):
            out[key] = ",".join(values)
    return out


def select(docs: Iterable[SearchDoc]) -> dict[str, list[list[Any]]]:
    """The filter keys among the documents' front matter, each with its values: [label, value key, pages], most
    pages first. (What the index stores in its meta file as `filter_values`.)"""
    pages: dict[str, dict[str, set[str]]] = {}  # key -> value key -> pages
    labels: dict[tuple[str, str], str] = {}
    for d in docs:
        for key, joined in d.filters.items():
            by_value = pages.setdefault(key, {})
            for label in (v.strip() for v in str(joined).split(",")):
                vk = value_key(label)
                if vk:
                    by_value.setdefault(vk, set()).add(d.page)
                    labels.setdefault((key, vk), label)
    out: dict[str, list[list[Any]]] = {}
    for key, by_value in sorted(pages.items()):
        with_key = set().union(*by_value.values()) if by_value else set()
        shared = any(len(p) > 1 for p in by_value.values())
        if len(with_key) < MIN_PAGES or len(by_value) > len(with_key) or (len(with_key) > MIN_PAGES and not shared):
            continue
        out[key] = [[labels[(key, vk)], vk, len(p)] for vk, p in sorted(by_value.items(), key=lambda x: (-len(x[1]),
                                                                                                         x[0]))]
    return out


def singulars(name: str) -> list[str]:
    out = []
    for end, repl in SINGULAR_RULES:
        if name.endswith(end) and len(name) - len(end) >= 3 and not (end == "s" and name[-2:] in ("us", "ss", "is")):
            base = name[: -len(end)] + repl
            out.append(base)
            if end == "en" and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiou":
                out.append(base[:-1])  # rollen -> roll -> rol
    return out


def aliases(keys: Iterable[str]) -> dict[str, str]:
    """Every name a filter key may be written as in a query -> the key."""
    names: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        folded = fold(key)
        forms[key] = [folded, *singulars(folded)]
        for alias in forms[key]:
            if alias not in _RESERVED:
                names.setdefault(alias, key)
    owners: dict[str, set[str]] = {}  # prefix -> the keys it could mean
    for key, fs in forms.items():
        for form in fs:
            for n in range(MIN_PREFIX, len(form)):
                owners.setdefault(form[:n], set()).add(key)
    for prefix, keys_of in owners.items():
        if len(keys_of) == 1 and prefix not in names and prefix not in _RESERVED:
            names[prefix] = next(iter(keys_of))
    return names


def short_name(key: str) -> str:
    """The name the window writes into the query for a key: its shortest singular, else the key."""
    folded = fold(key)
    forms = [s for s in singulars(folded) if s not in _RESERVED]
    return min(forms, key=len) if forms else folded


@dataclass(frozen=True)
class FilterValue:
    label: str  # as the corpus writes it
    value: str  # value_key(label): what a query matches
    pages: int  # pages with this value (in the whole corpus, or among a query's results)


@dataclass(frozen=True)
class FilterKey:
    key: str  # the front matter key
    name: str  # what the window writes in a query (short_name)
    values: tuple[FilterValue, ...]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name,
                "values": [{"label": v.label, "value": v.value, "pages": v.pages} for v in self.values]}


def filter_keys_from_meta(meta: Mapping[str, Any]) -> tuple[FilterKey, ...]:
    """The filters an index has, with their values over the whole corpus (an index built before filter values
    were stored has the keys only)."""
    stored = meta.get("filter_values")
    out = []
    if isinstance(stored, dict):
        for key, values in stored.items():
            vals = tuple(FilterValue(str(v[0]), str(v[1]), int(v[2])) for v in values
                         if isinstance(v, list) and len(v) == 3)
            out.append(FilterKey(str(key), short_name(str(key)), vals))
    else:
        out = [FilterKey(str(k), short_name(str(k)), ()) for k in meta.get("filter_keys", ())]
    return tuple(out)


def resolve(value: str, known: Iterable[str]) -> list[str]:
    """The indexed values a query's value means: itself, else the known values it starts (a half-typed value)."""
    vk = value_key(value)
    known = list(known)
    if not vk or vk in known or not known:
        return [vk] if vk else []
    return [k for k in known if k.startswith(vk)][:20] or [vk]


_TOKEN = re.compile(r'(?<!\S)([^\W\d][\w]*):("[^"]*"?|[^\s"]+)')


def toggle(query: str, key: str, value: str, names: Mapping[str, str]) -> str:
    """The query with the filter `key` = `value` taken out when it has it (under any name of the key), else added
    at the end (as `short_name(key):value`, quoted when the value has a space). For the window's filter row."""
    vk = value_key(value)
    kept, found = [], False
    pos = 0
    for m in _TOKEN.finditer(query):
        if names.get(fold(m.group(1))) == key and value_key(m.group(2).strip('"')) == vk:
            kept.append(query[pos:m.start()])
            pos = m.end()
            found = True
    if found:
        kept.append(query[pos:])
        return re.sub(r"\s{2,}", " ", "".join(kept)).strip()
    written = f'"{value}"' if re.search(r"\s", value) else value
    return f"{query.rstrip()} {short_name(key)}:{written}".lstrip()
