"""Building a section index: the Whoosh schema, one SearchDoc per section, and the files beside it."""

from __future__ import annotations

import array
import json
import logging
import math
import re
import time
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import KEYWORD, Schema

from reader.core.formats import INDEX_FORMAT_VERSION
from reader.core.model import Page, RenderedPage
from reader.core.search.analysis import (
    TITLE_FIELDS,
    DutchTokenizer,
    _phrase_tokenizer,
    _search_parts,
    _text_field,
    stem,
    weighted,
)
from reader.core.search.dutch import MIN_WORD, STOP_WORDS, WORD_RE, Decompounder, fold
from reader.core.search.filters import candidates, value_key
from reader.core.search.filters import select as select_filters
from reader.core.search.glossary import defined_terms, definitions_text
from reader.core.search.postings import _le_bytes, _PostingsWriter
from reader.core.search.results import SearchDoc
from reader.core.search.storage import (
    BLOCK_LIMIT,
    COMPOUNDS_FILE,
    DOCPAGES_FILE,
    INDEX_NAME,
    META_FILE,
    PAGES_FILE,
    SECTIONS_FILE,
    TEXTS_FILE,
    VOCAB_FILE,
    ZDICT_FILE,
    _compress,
    _write_z,
    make_zdict,
)
from reader.core.search.synonyms import collect as collect_synonyms
from reader.core.search.synonyms import write as write_synonyms

log = logging.getLogger("reader.search")

def make_schema() -> Schema:
    dutch = DutchTokenizer()
    return Schema(
        # For `titel:` (page title, in the page's first section only) and `sectie:` (the section heading).
        ptitle=_text_field(dutch),
        stitle=_text_field(dutch),
    )


def page_weight(backlinks: int, depth: int) -> float:
    """A page prior for ranking: pages many others link to, and overview pages high in the navigation, are the
    usual best answer when several pages match about equally (the guideline `toegankelijkheid` rather than the
    site's accessibility statement or the guideline's phase page). Deliberately mild: it only breaks near ties."""
    return max(0.5, 1.0 + 0.15 * math.log1p(max(0, backlinks)) - 0.1 * max(0, depth - 1))


def section_docs(
    page: Page,
    rendered: RenderedPage,
    breadcrumb: Sequence[str],
    filter_keys: Sequence[str] | None = None,
    *,
    backlinks: int = 0,
) -> list[SearchDoc]:
    """One SearchDoc per section of a rendered page (what the edition builder feeds to build_index).
    `breadcrumb` = corpus.breadcrumb(page.id), `backlinks` = len(corpus.backlinks(page.id)).
    No documents for a translation of another page (i18n): the search is in the corpus's default language.
    `filter_keys`: the front matter keys to offer as filters; by default every key that may be one (filters.py),
    of which build_index keeps those the corpus's pages share."""
    if page.variant_of:
        return []
    weight = page_weight(backlinks, len(breadcrumb))
    filters: dict[str, str] = candidates(page.metadata) if filter_keys is None else {}
    for key in filter_keys or ():
        value = page.metadata.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            filters[key] = str(value)
        elif isinstance(value, (list, tuple)):
            filters[key] = ",".join(str(v) for v in value if isinstance(v, (str, int, float)))
    glossary = defined_terms(page, rendered)  # a page that defines many terms: each is a result for its term
    extra = definitions_text(page) if glossary else ""
    return [
        SearchDoc(page.id, s.anchor, page.title, s.title if s.anchor else "", tuple(breadcrumb), page.summary,
                  f"{s.text}\n{extra}".strip() if extra and k == 0 else s.text, filters, weight,
                  tuple(glossary.get(s.anchor, ())))
        for k, s in enumerate(rendered.sections)
    ]


def _filter_field(key: str) -> str:
    return "f_" + re.sub(r"[^a-z0-9_]", "_", fold(key))


# --- building ---------------------------------------------------------------------------------------------------


@dataclass
class BuildStats:
    docs: int = 0
    text_bytes: int = 0  # UTF-8 size of everything indexed (titles, headings, summaries, text)
    index_bytes: int = 0
    vocabulary: int = 0
    compounds: int = 0  # vocabulary words split into parts
    decompound_s: float = 0.0
    total_s: float = 0.0


def build_index(index_dir: Path, docs: Iterable[SearchDoc], *, procs: int = 1,
                synonyms: Iterable[tuple[str, str]] = ()) -> BuildStats:
    """Build the section index into `index_dir` (created; must be empty or absent). Returns figures for logs.

    `synonyms`: (abbreviation, long form) pairs known beside the texts (abbr definitions, glossaries, an action
    registry); pairs the texts state themselves ("Algemene Verordening Gegevensbescherming (AVG)") are found here.

    Two passes: the first gathers the corpus vocabulary (for decompounding), the second writes the index.
    `procs` is accepted for compatibility and ignored (one writer keeps document numbers in order).
    """
    t0 = time.perf_counter()
    index_dir = Path(index_dir)
    doc_list = list(docs)
    stats = BuildStats(docs=len(doc_list))

    # Pass 1: the vocabulary. A part must be a corpus word, or share its stem with one (so `beveiliging` is a part
    # even when the corpus only ever writes `beveiligen` or compounds of it). Short stems are not trusted.
    t1 = time.perf_counter()
    # One pass over the text: the corpus vocabulary (for decompounding) and, per word, the number of pages that
    # use it (completion and suggestions rank words by it).
    page_words: dict[str, set[str]] = {}
    for d in doc_list:
        ws = page_words.setdefault(d.page, set())
        for text in (d.page_title, d.section_title, d.summary, d.text):
            ws.update(WORD_RE.findall(fold(text)))
    vocab_df: dict[str, int] = {}
    for ws in page_words.values():
        for w in ws:
            if (len(w) >= MIN_WORD or w.isdigit()) and w not in STOP_WORDS:
                vocab_df[w] = vocab_df.get(w, 0) + 1
    del page_words
    vocab = {w: n for w, n in vocab_df.items()}  # words of the corpus (numbers included: they can be parts)
    for w in [w for w in vocab_df if w.isdigit()]:
        del vocab_df[w]
    stems = {stem(w) for w in vocab}

    def is_word(w: str) -> bool:
        return w in vocab or (len(w) >= 5 and stem(w) in stems)

    decompounder = Decompounder(is_word)
    # The splits made here are saved (COMPOUNDS_FILE): phrase checks at query time must see the same parts.
    splits = {w: parts for w in vocab if (parts := decompounder.split(w))}
    derived = {w: base for w in vocab if (base := decompounder.derivation_base(w))}
    stats.compounds = len(splits)
    stats.vocabulary = len(vocab)
    stats.decompound_s = time.perf_counter() - t1

    filter_values = select_filters(doc_list)  # the keys that group pages, with their values
    filter_keys = sorted(filter_values)
    schema = make_schema()
    for key in filter_keys:
        schema.add(_filter_field(key), KEYWORD(commas=True))
    tokenizer = _phrase_tokenizer(decompounder)  # the search field's analysis, with this corpus' compounds
    text_postings = _PostingsWriter()

    index_dir.mkdir(parents=True, exist_ok=True)
    ix = windex.create_in(str(index_dir), schema, indexname=INDEX_NAME)
    # The analyzer object is shared by the title fields of this schema instance; give it the vocabulary now.
    for name in TITLE_FIELDS:
        ix.schema[name].analyzer.decompounder = decompounder
    # One writer, one segment: document numbers are the order of `docs`, which the search field's postings and
    # DOCPAGES_FILE rely on (a multi-process writer would interleave them). Whoosh now holds only the small title
    # and filter fields, so more processes would not pay anyway; `procs` is accepted and ignored.
    codec = W3Codec(blocklimit=BLOCK_LIMIT)
    writer = ix.writer(limitmb=256, compound=False, codec=codec)
    text_bytes = 0
    pages_info: dict[str, list[Any]] = {}
    docpages = array.array("I")
    sections: list[list[Any]] = []  # what a result shows of each section, outside Whoosh (SECTIONS_FILE)
    page_no: dict[str, int] = {}
    zdict = make_zdict(doc_list)
    texts_out = open(index_dir / TEXTS_FILE, "wb")
    try:
        for d in doc_list:
            first = d.page not in pages_info
            if first:
                pages_info[d.page] = [d.page_title, list(d.breadcrumb), round(float(d.weight), 4), d.summary]
                page_no[d.page] = len(page_no)
            docpages.append(page_no[d.page])
            sections.append([d.anchor, d.section_title, texts_out.write(_compress(d.text, zdict))])
            fields: dict[str, Any] = {"stitle": d.section_title}
            if first:
                fields["ptitle"] = d.page_title
            text_postings.add(len(docpages) - 1, tokenizer.postings(weighted(
                _search_parts(d.page_title, d.section_title, d.text, d.summary, d.breadcrumb, first, d.terms)
            )))
            for key, value in d.filters.items():
                if value and key in filter_values:
                    fields[_filter_field(key)] = ",".join(value_key(v) for v in str(value).split(","))
            writer.add_document(**fields)
            # The text this section adds to the index (the summary counts once per page).
            text_bytes += sum(len(s.encode("utf-8")) for s in (d.page_title, d.section_title, d.text))
            text_bytes += len(d.summary.encode("utf-8")) if first else 0
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    finally:
        texts_out.close()
        for name in TITLE_FIELDS:
            ix.schema[name].analyzer.decompounder = None
    ix.close()

    stats.text_bytes = text_bytes
    stats.total_s = time.perf_counter() - t0
    stats.index_bytes = sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file())
    meta = {
        "format": INDEX_FORMAT_VERSION,
        "docs": stats.docs,
        "filter_keys": filter_keys,
        "filter_values": filter_values,  # key -> [[label, value, pages], ...] (filters.py)
        "text_length": text_postings.total_length,  # the search field's total length (BM25F's average length)
        "stats": asdict(stats),
    }
    text_postings.write(index_dir)
    (index_dir / ZDICT_FILE).write_bytes(zlib.compress(zdict, 9))
    (index_dir / DOCPAGES_FILE).write_bytes(_le_bytes(docpages))
    _write_z(index_dir / SECTIONS_FILE, json.dumps(sections, ensure_ascii=False, separators=(",", ":")))
    _write_z(index_dir / COMPOUNDS_FILE,
             "".join(f"{w}\t{' '.join(p)}\n" for w, p in sorted(splits.items()))
             + "".join(f"{w}\t={b}\n" for w, b in sorted(derived.items())))
    write_synonyms(index_dir, collect_synonyms(
        (t for d in doc_list for t in (d.page_title, d.section_title, d.summary, d.text)), synonyms))
    _write_z(index_dir / VOCAB_FILE, "".join(f"{w}\t{n}\n" for w, n in sorted(vocab_df.items())))
    _write_z(index_dir / PAGES_FILE, json.dumps(pages_info, ensure_ascii=False, separators=(",", ":")))
    stats.index_bytes = sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file())
    meta["stats"] = asdict(stats)
    # Written last: an index without this file is incomplete and will not open.
    (index_dir / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    log.info("search index: %d sections, %.2f s (decompounding %.3f s, %d compounds)", stats.docs, stats.total_s,
             stats.decompound_s, stats.compounds)
    return stats
