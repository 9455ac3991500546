"""Dutch text handling for search, without Whoosh: accent folding, stop words, word normalisation and
decompounding against a corpus vocabulary.

`reader.core.search` combines these with the Snowball Dutch stemmer. Everything here is pure string work so it
can be tested (and reused by the snippet and in-page highlighter) without an index.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterator

# --- accent folding ---------------------------------------------------------------------------------------
# A char-for-char translation table (so a folded string has the same length as the original and offsets found
# in the folded text can be used to mark up the original): é -> e, ë -> e, ï -> i, ç -> c ... Characters whose
# base form is longer than one character (ß, ĳ, æ) are left alone for the same reason.


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            table[cp] = base.lower()
    # Curly apostrophes behave like the straight one (persona’s = persona's).
    table[0x2019] = "'"
    table[0x2018] = "'"
    return table


FOLD_TABLE = _build_fold_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    return FOLD_TABLE.get(ord(m.group(0)), m.group(0))


def fold(text: str) -> str:
    """Lowercase and strip accents, keeping the length: `Categorieën` -> `categorieen`."""
    lowered = text.lower()
    if lowered.isascii():  # the common case, and str.translate with a dict is slow
        return lowered
    if len(lowered) != len(text):  # a few characters (e.g. 'İ') grow when lowercased; keep 1:1 offsets
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _NON_ASCII.sub(_fold_char, lowered)


# Words: runs of letters and digits. Hyphens and apostrophes split (open-source -> open, source; persona's ->
# persona, s), so the phrase "open source" matches "open-source" as well.
WORD_RE = re.compile(r"[^\W_]+")
MIN_WORD = 2  # one-letter tokens (the s of persona's, the e of e-mail) carry no meaning; digits are kept


def words(folded: str) -> Iterator[re.Match[str]]:
    for m in WORD_RE.finditer(folded):
        w = m.group(0)
        if len(w) >= MIN_WORD or w.isdigit():
            yield m


# --- stop words ---------------------------------------------------------------------------------------------
# The Snowball Dutch stop word list. Dropped at index and query time: they occur in nearly every section and only
# add noise to the ranking ("hoe pas je het toe" is about "pas" and "toe").
STOP_WORDS: frozenset[str] = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat
    mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog
    zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder
    ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere
    """.split()
)


def normalize(word: str) -> str:
    """Undo Dutch plural spellings the Snowball stemmer leaves alone (measured on NeRDS: it maps `organisaties` and
    `technologieën` to themselves, not to `organisatie`/`technologie`). Input is folded."""
    if word.endswith("ieen") and len(word) > 5:  # technologieën, categorieën, knieën
        return word[:-2]
    if word.endswith("ies") and len(word) > 5:  # organisaties, functies, cookies
        return word[:-1]
    # Plural -s after a final -e (algoritmes, modules, websites, types): the stemmer keeps the s after a vowel.
    # Not after r, s or c, where the s belongs to the singular (adres, proces) or the word is English (processes).
    if word.endswith("es") and len(word) > 4 and word[-3] in "mtnlpdgkfb":
        return word[:-1]
    return word


# --- decompounding ----------------------------------------------------------------------------------------------
# Dutch writes compounds as one word: informatiebeveiliging, veiligheidsbeleid, opensourcesoftware. A reader who
# searches for `beveiliging` or `open source` expects to find them. We split a compound into parts that are
# themselves words of the corpus (its vocabulary, gathered at build time), allowing the linking -s- of
# veiligheid-s-beleid. The index then holds the parts next to the compound (see reader.core.search), so a query
# for a part finds the compound, and the parts get consecutive positions so the phrase "open source" matches.
#
# Why against the corpus vocabulary rather than a dictionary: it needs no word list to ship, it only ever produces
# splits into words that can be searched for in this corpus, and it adapts to a corpus' jargon. Guards against
# false splits: parts of at least 3 letters, no stop words or verb particles as parts (ver+werking, be+leid,
# voor+waarden), at most 4 parts, only words of at least 7 letters are considered.
#
# Cost (tests/benchmarks/bench_search.py, `decompound_s`, which also counts the vocabulary pass over all text): one
# set lookup per split point and part, memoised per word, so O(vocabulary x word length). Measured: NeRDS 0.04 s
# (271 of ~2,500 words split), 10,000 generated pages 10 s of a 42 s (CPU) build, nearly all of it the vocabulary
# pass over 43 MB of text. On NeRDS decompounding adds 3% to the index and 0.1 s to the build (measured with and
# without).

MIN_PART = 3
MIN_COMPOUND = 7
MAX_PARTS = 4
MAX_COMPOUND = 40  # longer "words" are junk (hashes, URLs); never split them
# Words that are separable prefixes or particles more often than real compound heads.
NOT_A_PART: frozenset[str] = STOP_WORDS | frozenset(
    """
    ver ont her mis be ge toe af mee weg terug samen achter boven buiten binnen tussen langs rond vol voort
    aan uit op in over onder door voor tegen na om bij ten ter heid ing lijk baar isch iek eren eer ers
    """.split()
)
# Derivations that keep the meaning of their base: standaardisatie -> standaard, digitalisering -> digitaal is
# irregular and is not attempted.
DERIVATIONS = ("isatie", "isering", "iseren")
_DERIVATION_ENDINGS = tuple({d[-3:] for d in DERIVATIONS})


class Decompounder:
    """Splits folded words into parts that are vocabulary words. `is_word(w)` says whether w is a corpus word."""

    def __init__(self, is_word: Callable[[str], bool]) -> None:
        self._is_word = is_word
        self._memo: dict[str, tuple[str, ...] | None] = {}
        self._inner: dict[tuple[str, int], tuple[str, ...] | None] = {}

    def part_ok(self, w: str) -> bool:
        return len(w) >= MIN_PART and w not in NOT_A_PART and not w.isdigit() and self._is_word(w)

    def split(self, word: str) -> tuple[str, ...] | None:
        """The parts of a compound (at least two), or None when the word is not a compound of corpus words."""
        if not MIN_COMPOUND <= len(word) <= MAX_COMPOUND or not word.isalpha():
            return None
        if word in self._memo:
            return self._memo[word]
        result = self._split(word, MAX_PARTS)
        self._memo[word] = result
        return result

    def _split(self, word: str, budget: int) -> tuple[str, ...] | None:
        if budget < 2:
            return None
        key = (word, budget)
        if key in self._inner:
            return self._inner[key]
        self._inner[key] = result = self._search(word, budget)
        return result

    def _search(self, word: str, budget: int) -> tuple[str, ...] | None:
        # Longest head first: informatiebeveiliging -> informatie + beveiliging rather than info + ...
        for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, rest = word[:i], word[i:]
            if not self.part_ok(head):
                continue
            tails = [rest]
            if rest.startswith("s") and len(rest) > MIN_PART:  # linking s: veiligheid-s-beleid
                tails.append(rest[1:])
            for tail in tails:
                tail_parts = self._split(tail, budget - 1)
                if tail_parts is None and self.part_ok(tail):
                    tail_parts = (tail,)
                if tail_parts is not None:
                    # Head and tail may be compounds themselves (opensource + software -> open, source, software).
                    head_parts = self._split(head, budget - len(tail_parts)) or (head,)
                    return head_parts + tail_parts
        return None

    def derivation_base(self, word: str) -> str | None:
        """`standaardisatie` -> `standaard` when the base is a corpus word."""
        if not word.endswith(_DERIVATION_ENDINGS):
            return None
        for suffix in DERIVATIONS:
            if word.endswith(suffix):
                base = word[: -len(suffix)]
                if self.part_ok(base) and len(base) >= 4:
                    return base
        return None
