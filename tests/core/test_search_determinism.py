"""The same query on the same edition gives the same answer under any load: no bound in the engine depends on time.

200 queries on the real NeRDS corpus (words, inflections, typos, phrases, prefixes, several words, exclusions) are
run on an idle process and again while two busy processes keep both cores loaded; the JSON must be identical apart
from `ms`.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from reader import paths
from reader.core.corpus import load_corpus
from reader.core.render import icon_set, render_page
from reader.core.search import SearchDoc, SearchIndex, build_index, section_docs

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "nerds-2026-03"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared NeRDS corpus is not beside the repository")


@pytest.fixture(scope="module")
def nerds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SearchIndex, list[SearchDoc]]]:
    corpus = load_corpus(CORPUS)
    icons = icon_set(paths.icons_dir())
    docs: list[SearchDoc] = []
    for page in corpus.pages.values():
        docs += section_docs(page, render_page(page, corpus, icons), corpus.breadcrumb(page.id),
                             backlinks=len(corpus.backlinks(page.id)))
    folder = tmp_path_factory.mktemp("determinism") / "index"
    build_index(folder, docs)
    with SearchIndex.open(folder) as index:
        yield index, docs


def queries(docs: list[SearchDoc], vocabulary: dict[str, int]) -> list[str]:
    rnd = random.Random(13)
    words = sorted(w for w in vocabulary if len(w) >= 5 and w.isalpha())
    texts = [re.findall(r"[a-zà-ÿ]{3,}", d.text.lower()) for d in docs if d.text]
    texts = [t for t in texts if len(t) > 4]
    out: list[str] = []
    for i in range(200):
        kind = i % 8
        w = rnd.choice(words)
        if kind == 0:
            out.append(w)
        elif kind == 1:  # a typo: a letter dropped or two swapped
            j = rnd.randrange(1, len(w) - 1)
            out.append(w[:j] + w[j + 1:] if rnd.random() < 0.5 else w[:j] + w[j + 1] + w[j] + w[j + 2:])
        elif kind == 2:  # a phrase from the text
            t = rnd.choice(texts)
            j = rnd.randrange(len(t) - 2)
            out.append('"' + " ".join(t[j: j + rnd.choice((2, 3))]) + '"')
        elif kind == 3:
            out.append(w[: rnd.randrange(2, 6)])  # typing
        elif kind == 4:
            out.append(" ".join(rnd.sample(rnd.choice(texts), 3)))
        elif kind == 5:
            out.append(f"{w} -{rnd.choice(words)}")
        elif kind == 6:  # a long question-like query
            out.append("hoe " + " ".join(rnd.sample(rnd.choice(texts), 5)))
        else:
            out.append(f"{w} OR {rnd.choice(words)}")
    return out


def run_all(index: SearchIndex, qs: list[str]) -> list[dict[str, Any]]:
    out = []
    for q in qs:
        d = index.search(q).to_json()
        d.pop("ms")
        out.append(d)
    return out


def test_same_answers_under_load(nerds: tuple[SearchIndex, list[SearchDoc]]) -> None:
    index, docs = nerds
    qs = queries(docs, index.vocabulary)
    assert len(qs) == 200
    idle = run_all(index, qs)
    assert sum(1 for r in idle if r["hits"]) > 100  # the queries do find things
    assert any(r["corrected_query"] for r in idle)  # and some are corrected typos
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        loaded = run_all(index, qs)
    finally:
        for p in busy:
            p.kill()
            p.wait()
    assert loaded == idle
