"""Property tests: random front matter and Markdown give a page or clean problems, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.corpus import load_corpus
from reader.core.model import ERROR, INFO, WARNING

_SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30), st.dates()
)
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=10,
)
_KEYS = st.sampled_from(["title", "summary", "relations", "id", "tags", "hide", "1", ""]) | st.text(max_size=10)
_FRONT_MATTER = st.dictionaries(_KEYS, _VALUE, max_size=6)

_MD_PIECES = st.sampled_from([
    "# Kop", "## Kop", "Kop\n===", "tekst", "", "```", "~~~", "    code", "!!! note", '??? tip "t"', "=== \"Tab\"",
    "<div markdown>", "</div>", "<div>", "[link](elders.md)", "[anker](#kop)", "[x](../../../etc/passwd)",
    "![img](a.png)", "[ref]: b.md", "*[API]: iets", "[^1]: voet", "- [ ] taak", "| a | b |\n|---|---|",
    '--8<-- "x.md"', "--8<--", "---", "...", "{#id}", "<script>x</script>", "\x00", "\ufeff", "\r\n", "\u2028",
    "`", "<!--", "-->", "<a href=\"javascript:alert(1)\">x</a>", "[a](data:text/html,x)", "#" * 7,
])
_MARKDOWN = st.one_of(st.lists(_MD_PIECES, max_size=12).map("\n".join), st.text(max_size=200))
_RAW_FRONT = st.one_of(
    _FRONT_MATTER.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=80),  # arbitrary text between the fences: YAML errors, non-mappings...
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=st.one_of(st.none(), _RAW_FRONT), body=_MARKDOWN, closed=st.booleans(), raw=st.binary(max_size=40))
def test_any_page_gives_a_page_or_clean_problems(front, body, closed, raw):
    if front is None:
        text = body
    else:
        text = "---\n" + front + ("\n---\n" if closed else "\n") + body
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "index.md").write_text("# Start\n", encoding="utf-8")
        (root / "pagina.md").write_bytes(text.encode("utf-8", "surrogatepass"))
        (root / "rauw.md").write_bytes(raw)
        corpus = load_corpus(root)
    assert "index" in corpus.pages
    for name in ("pagina", "rauw"):
        file = name + ".md"
        errors = [p for p in corpus.problems if p.file == file and p.severity == ERROR]
        assert (name in corpus.pages) != bool(errors), (name, errors)
    for problem in corpus.problems:
        assert problem.severity in (ERROR, WARNING, INFO)
        assert problem.code and problem.message.endswith(".")
        assert problem.line is None or problem.line >= 1
    for page in corpus.pages.values():
        assert isinstance(page.title, str) and isinstance(page.summary, str)
        assert all(isinstance(r, str) for r in page.relations)
        assert all(h.anchor for h in page.headings) or not page.headings


_CONFIG_KEYS = st.sampled_from(
    ["site_name", "docs_dir", "nav", "theme", "markdown_extensions", "exclude_docs", "INHERIT", "x"]
)
_NAV_ENTRY = st.recursive(
    st.one_of(
        st.sampled_from(["index.md", "a.md", "weg.md", "https://example.org", "", "../x.md", "/abs.md"]),
        st.none(),
        st.integers(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.text(max_size=5), st.integers()), inner, max_size=2),
    ),
    max_leaves=8,
)
_CONFIG = st.dictionaries(_CONFIG_KEYS, st.one_of(_VALUE, _NAV_ENTRY), max_size=5)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(config=st.one_of(_CONFIG.map(lambda d: yaml.safe_dump(d, allow_unicode=True)), st.text(max_size=120)))
def test_any_mkdocs_yml_gives_a_corpus_or_a_corpus_error(config):
    from reader.core.corpus import CorpusError

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8", errors="surrogatepass")
        for docs in ("docs", "."):
            (root / docs).mkdir(exist_ok=True)
            (root / docs / "index.md").write_text("---\ntitle: T\nsummary: s\n---\n# T\n", encoding="utf-8")
            (root / docs / "a.md").write_text("# A\n", encoding="utf-8")
        try:
            corpus = load_corpus(root)
        except CorpusError as exc:
            assert exc.problem.severity == ERROR and exc.problem.message.endswith(".")
            return
    assert corpus.pages
    assert isinstance(corpus.title, str) and corpus.title
    for problem in corpus.problems:
        assert problem.message.endswith(".")


_SEGMENT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\\x00"), min_size=1, max_size=8
).filter(lambda s: s not in (".", "..") and not s.startswith("."))
_PATHS = st.lists(
    st.lists(_SEGMENT, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".md"),
    min_size=1,
    max_size=6,
    unique_by=str.casefold,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paths=_PATHS, data=st.data())
def test_random_names_and_links_never_raise(paths, data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        written = []
        for rel in paths:
            target = root / rel
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                odd = ["#x", "../" + paths[0], "/" + paths[0] + "#kop", "%zz", "a b.md"]
                hrefs = data.draw(st.lists(st.sampled_from(paths + odd), max_size=3))
                body = "\n".join(f"[l]({h})" for h in hrefs)
                target.write_text(
                    f"---\ntitle: t\nsummary: s\nrelations: {hrefs!r}\n---\n# Kop\n{body}\n", encoding="utf-8"
                )
                written.append(rel)
            except OSError:  # a name this file system refuses (too long, a file where a folder is wanted)
                continue
        corpus = load_corpus(root)
    ids = set(corpus.pages)
    for edge in corpus.edges:
        assert edge.source in ids and edge.target in ids
    assert len(corpus.pages) + len(corpus.errors) >= 1 or not written
