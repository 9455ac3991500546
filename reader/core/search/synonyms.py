"""Synonyms the corpus states itself: a term with its abbreviation in brackets, or the other way round.

    Algemene Verordening Gegevensbescherming (AVG)      avg  <->  algemene verordening gegevensbescherming
    DPIA (Data Protection Impact Assessment)            dpia <->  data protection impact assessment

The long form is found as Schwartz and Hearst do (2003): the letters of the abbreviation, right to left, in the
words before the bracket, the first letter at the start of a word, within min(letters + 5, letters * 2) words.
Found at build time over every section text, plus pairs the builder passes (`abbr` definitions, glossaries, an
action registry), and stored beside the index (SYNONYMS_FILE). At query time an abbreviation also searches its long
form as a phrase, and a query that is a long form also searches its abbreviation.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from pathlib import Path
from typing import Iterable

from reader.core.model import Corpus
from reader.core.search.dutch import fold
from reader.core.search.storage import _read_z, _write_z

log = logging.getLogger("reader.search")

SYNONYMS_FILE = "synonyms.json.z"  # [[abbreviation, long form], ...], folded
MAX_PAIRS = 5000

_BRACKET = re.compile(r"\(([^()]{2,120})\)")
_ABBR = re.compile(r"^[A-Za-z][A-Za-z0-9&/-]{1,9}$")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _is_abbreviation(token: str) -> bool:
    return bool(_ABBR.match(token)) and sum(1 for ch in token if ch.isupper()) >= 2


def long_form(short: str, before: str) -> str | None:
    """The long form of `short` at the end of `before`, or None (Schwartz & Hearst's best long form)."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    words = _WORD.findall(before)[-min(len(letters) + 5, len(letters) * 2):]
    if len(words) < 2:
        return None
    text = " ".join(words)
    lo = text.lower()
    s, i = len(letters) - 1, len(lo) - 1
    while s >= 0:
        ch = letters[s]
        while i >= 0 and (lo[i] != ch or (s == 0 and i > 0 and lo[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = text.rfind(" ", 0, i + 1) + 1
    found = text[start:]
    n = len(found.split())
    return found if 2 <= n <= len(letters) + 5 and found.lower() != short.lower() else None


def find_pairs(text: str) -> Iterable[tuple[str, str]]:
    """(abbreviation, long form) pairs stated in a text."""
    for m in _BRACKET.finditer(text):
        inner = m.group(1).strip()
        if _is_abbreviation(inner):  # Long Form (ABBR)
            lf = long_form(inner, text[max(0, m.start() - 300): m.start()])
            if lf:
                yield inner, lf
            continue
        before = _WORD.findall(text[max(0, m.start() - 20): m.start()])
        if before and _is_abbreviation(before[-1]) and " " in inner:  # ABBR (Long Form)
            lf = long_form(before[-1], inner)
            if lf and len(lf) >= len(inner) * 0.6:
                yield before[-1], lf


def corpus_synonyms(corpus: Corpus) -> list[tuple[str, str]]:
    """Pairs a corpus defines outside its texts: `abbr` definitions of its pages (`*[AVG]: ...`), its glossary,
    and pairs stated in its action registry's names and descriptions. For build_index(..., synonyms=...)."""
    pairs: dict[tuple[str, str], None] = {}
    for page in corpus.pages.values():
        pairs.update(dict.fromkeys(page.abbreviations.items()))
    pairs.update(dict.fromkeys(corpus.glossary.items()))
    for action in corpus.actions:
        for text in (action.name, action.description):
            pairs.update(dict.fromkeys(find_pairs(text)))
    return [(short, lf) for short, lf in pairs if short and lf]


def normal(text: str) -> str:
    return " ".join(_WORD.findall(fold(text)))


def collect(texts: Iterable[str], extra: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    pairs: dict[tuple[str, str], None] = {}
    for text in texts:
        for short, lf in find_pairs(text):
            pairs[(normal(short), normal(lf))] = None
    for short, lf in extra:
        if normal(short) and normal(lf) and normal(short) != normal(lf):
            pairs[(normal(short), normal(lf))] = None
    return sorted(pairs)[:MAX_PAIRS]


def write(index_dir: Path, pairs: list[tuple[str, str]]) -> None:
    _write_z(index_dir / SYNONYMS_FILE, json.dumps(pairs, ensure_ascii=False, separators=(",", ":")))


class Synonyms:
    """The pairs of an index, read on first use; an index without the file has none."""

    def __init__(self, index_dir: Path) -> None:
        self._dir = index_dir
        self._long: dict[str, list[str]] | None = None
        self._short: dict[str, list[str]] = {}

    def _load(self) -> dict[str, list[str]]:
        if self._long is None:
            self._long = {}
            path = self._dir / SYNONYMS_FILE
            try:
                pairs = json.loads(_read_z(path)) if path.exists() else []
            except (OSError, ValueError, zlib.error):
                log.warning("synonyms unreadable in %s", self._dir)
                pairs = []
            for short, lf in pairs:
                if isinstance(short, str) and isinstance(lf, str):
                    self._long.setdefault(short, []).append(lf)
                    self._short.setdefault(lf, []).append(short)
        return self._long

    def long_forms(self, word: str) -> list[str]:
        """Long forms of an abbreviation (folded)."""
        return self._load().get(word, [])[:4]

    def abbreviations(self, text: str) -> list[str]:
        """Abbreviations of a long form (any text; folded and normalised here)."""
        self._load()
        return self._short.get(normal(text), [])[:4]
