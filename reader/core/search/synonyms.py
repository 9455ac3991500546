"""Synonyms the corpus states itself: a term with its abbreviation in brackets, or the other way round, or with
its translation in brackets.

    Algemene Verordening Gegevensbescherming (AVG)      avg  <->  algemene verordening gegevensbescherming
    DPIA (Data Protection Impact Assessment)            dpia <->  data protection impact assessment
    Algemene Verordening Gegevensbescherming (GDPR)     gdpr <->  algemene verordening gegevensbescherming
    AI-verordening (AI Act)                             ai-verordening <-> ai act
    Ontwerpfase (Alpha), twice or more                  ontwerpfase <-> alpha

Translations (`find_translations`): the bracket holds a name (an abbreviation whose letters are not those of the
words before it, or words that each start with a capital, a few English and Dutch function words between them), and
right before it stands a name too: words that start with a capital (at most MAX_NAME_WORDS; `de`, `het` or any
other lowercase word ends it), at least two of them, or one with a capital inside or a hyphen (AI-verordening). One
capitalised word for another ("Ontwerpfase (Alpha)") is taken only when the corpus says it at least twice: a single
such bracket is as often a remark ("VoiceOver (Mac)").

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
from reader.core.search.dutch import STOP_WORDS, fold
from reader.core.search.storage import _read_z, _write_z

log = logging.getLogger("reader.search")

SYNONYMS_FILE = "synonyms.json.z"  # [[abbreviation, long form], ...], folded
MAX_PAIRS = 5000

_BRACKET = re.compile(r"\(([^()]{2,120})\)")
_ABBR = re.compile(r"^[A-Za-z][A-Za-z0-9&/-]{1,9}$")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _singular(token: str) -> str:
    """An abbreviation's plural as Dutch writes it (SLO's) -> SLO; anything else as it is."""
    return token[:-2] if token.endswith("'s") and token[:-2].isupper() else token


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
        short = _singular(before[-1]) if before else ""
        if short and _is_abbreviation(short) and " " in inner:  # ABBR (Long Form), also SLO's (... Objectives)
            lf = long_form(short, inner)
            if lf and len(lf) >= len(inner) * 0.6:
                yield short, lf


MAX_NAME_WORDS = 6
_NAME_GLUE = frozenset({"of", "the", "for", "and", "van", "voor", "en"})  # may stand between capitalised words


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _name_before(text: str) -> list[str]:
    """The capitalised words that end `text` (a bracket follows), glue words between them; [] when none."""
    tail = text[-200:]
    if not tail or tail[-1].isspace() is False and not tail[-1:].isalnum():
        return []  # punctuation right before the bracket: no name runs into it
    out: list[str] = []
    for token in reversed(tail.split()):
        if not _WORD.fullmatch(token) or not (_capital(token) or (out and token in _NAME_GLUE)):
            break
        out.insert(0, token)
        if len(out) > MAX_NAME_WORDS:
            return []
    while out and (not _capital(out[0]) or fold(out[0]) in STOP_WORDS):  # "De AI-verordening": not "De"
        out.pop(0)
    return out


def _name_like(name: list[str]) -> bool:
    return len(name) >= 2 or (len(name) == 1 and ("-" in name[0] or any(ch.isupper() for ch in name[0][1:])))


def find_translations(text: str) -> Iterable[tuple[str, str, bool]]:
    """(name, its translation, weak) stated in a text; `weak`: one capitalised word for another, to be trusted only
    when the corpus says it more than once."""
    for m in _BRACKET.finditer(text):
        inner = m.group(1).strip()
        name = _name_before(text[max(0, m.start() - 300): m.start()].rstrip())
        if not name or " ".join(name).lower() == inner.lower() or _is_abbreviation(_singular(name[-1])):
            continue  # (ABBR (Long Form) is find_pairs' case)
        inner_words = inner.split()
        if _is_abbreviation(inner):
            if (long_form(inner, text[max(0, m.start() - 300): m.start()]) is None and _name_like(name)
                    and len(name) <= len(inner) + 1):  # no longer than a long form of it could be
                yield inner, " ".join(name), False  # GDPR for the Dutch long form
            continue
        if not all(_WORD.fullmatch(w) for w in inner_words) or not _capital(inner_words[0]):
            continue
        if not all(_capital(w) or w in _NAME_GLUE for w in inner_words) or len(inner_words) > MAX_NAME_WORDS:
            continue
        if len(inner_words) >= 2 and _name_like(name):
            yield " ".join(name), inner, False  # AI-verordening (AI Act)
        elif len(inner_words) == 1 and len(name) == 1 and not _is_abbreviation(name[0]):
            yield name[0], inner, True  # Ontwerpfase (Alpha)


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


def _key(text: str) -> str:
    """A lookup key: normal(), hyphens as spaces (the query side splits hyphenated words)."""
    return normal(text).replace("-", " ").replace("'", " ")


def collect(texts: Iterable[str], extra: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    pairs: dict[tuple[str, str], None] = {}
    weak: dict[tuple[str, str], int] = {}
    for text in texts:
        for short, lf in find_pairs(text):
            pairs[(normal(short), normal(lf))] = None
        for a, b, is_weak in find_translations(text):
            if is_weak:
                weak[(normal(a), normal(b))] = weak.get((normal(a), normal(b)), 0) + 1
            else:
                pairs[(normal(a), normal(b))] = None
    pairs.update(dict.fromkeys(p for p, n in weak.items() if n >= 2))
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
                    self._long.setdefault(_key(short), []).append(lf)
                    self._short.setdefault(_key(lf), []).append(short)
        return self._long

    def long_forms(self, word: str) -> list[str]:
        """Long forms of an abbreviation (folded)."""
        return self._load().get(_key(word), [])[:4]

    def abbreviations(self, text: str) -> list[str]:
        """Abbreviations of a long form (any text; folded and normalised here)."""
        self._load()
        return self._short.get(_key(text), [])[:4]

    def same(self, text: str) -> list[str]:
        """What the corpus says is the same as `text`: its long forms (an abbreviation), its abbreviations (a long
        form), the other side of a translation. Hyphens and spaces alike (AI-verordening = ai verordening)."""
        return list(dict.fromkeys([*self.long_forms(text), *self.abbreviations(text)]))[:6]
