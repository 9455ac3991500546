"""The inline pass that skips patterns which cannot match gives Python-Markdown's own output: on random Markdown
made of the characters the corpora's patterns start with, with Material's full extension list, and per pattern
(a match always starts with one of the first characters read off its regex)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.treeprocessors import InlineProcessor

from reader.core.corpus import read_mkdocs_config
from reader.core.corpus.extensions import markdown_settings
from reader.core.render.inline_filter import FilteredInlineProcessor, first_chars
from reader.core.render.markdown_setup import make_markdown

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
TOKENS = [
    "a", "b", "K", "k", " ", "  \n", "\n", "\n\n", "word", "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "!",
    "<", ">", "&", "amp;", "#", ":", "smile", "material-cloud", "=", "==", "^", "^^", "~", "~~", "+", "++", "ctrl",
    "{", "}", "%", "$", "\\", "@", "/", "-", "1", "https://", "www.", "x.nl", "github", ":fontawesome-solid-house:",
    "[^1]", "[^1]: n", "*[HTML]: Hyper", "HTML", "{: #id }", "<b>", "</b>", "<!-- c -->", "{% x %}", "{==m==}",
    "!!! note", "    ", "- ", "1. ", "> ", "|", "'", '"', "...", "-->", "(c)", "1/2", "é", "ſ", "\u212a",
    "c/o", "(tm)", "(r)", "1st", "2nd", "=/=", "+/-", "<--", "<-->", "3/4",
]


def _converters(config_dir: Path | None) -> tuple[object, object]:
    corpus_settings = markdown_settings(read_mkdocs_config(config_dir))[0] if config_dir else None
    filtered = make_markdown(corpus_settings)
    plain = make_markdown(corpus_settings)
    filtered_passes = 0
    for entry in list(plain.treeprocessors._priority):  # each filtered pass back to Python-Markdown's own
        current = plain.treeprocessors[entry.name]
        if isinstance(current, FilteredInlineProcessor):
            original = InlineProcessor(plain)
            original.inlinePatterns = current.inlinePatterns
            plain.treeprocessors.register(original, entry.name, entry.priority)
            filtered_passes += 1
    assert isinstance(filtered.treeprocessors["inline"], FilteredInlineProcessor)
    assert filtered_passes == (2 if config_dir else 1)  # Material's docs: pymdownx.smartsymbols has its own pass
    return filtered, plain


MATERIAL = _converters(SHARED / "material-docs-5b36f2a") if (SHARED / "material-docs-5b36f2a").is_dir() else None
DEFAULTS = _converters(None)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=40))
def test_filtered_inline_pass_equals_python_markdown(tokens: list[str]) -> None:
    text = "".join(tokens)
    for pair in (DEFAULTS, MATERIAL):
        if pair is None:
            continue
        filtered, plain = pair
        filtered.reset()  # type: ignore[attr-defined]
        plain.reset()  # type: ignore[attr-defined]
        assert filtered.convert(text) == plain.convert(text)  # type: ignore[attr-defined]


def _patterns() -> list[re.Pattern[str]]:
    md = MATERIAL[0] if MATERIAL else DEFAULTS[0]
    passes = [tp for tp in md.treeprocessors if isinstance(tp, FilteredInlineProcessor)]  # type: ignore[attr-defined]
    return [p.getCompiledRegExp() for tp in passes for p in tp.inlinePatterns]


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:30])
def test_a_match_starts_with_one_of_the_first_characters(pattern: re.Pattern[str]) -> None:
    chars = first_chars(pattern)
    if chars is None:
        return
    text = "".join(TOKENS) * 2 + "".join(reversed(TOKENS))
    for start in range(len(text)):
        m = pattern.search(text, start)
        if m is None:
            break
        assert m.end() > m.start() and text[m.start()] in chars


def test_first_characters_are_only_given_when_certain() -> None:
    assert first_chars(re.compile(r"(?<!\\)`+")) == frozenset("`")
    assert first_chars(re.compile(r"\*\*|__")) == frozenset("*_")
    assert first_chars(re.compile(r"(?:\\{2})*`")) == frozenset("\\`")  # an optional start adds what follows
    assert first_chars(re.compile(r"(?i)k")) is None  # K, k and the Kelvin sign
    assert first_chars(re.compile(r"(?i)<a")) == frozenset("<")
    assert first_chars(re.compile(r"\w+")) is None
    assert first_chars(re.compile(r"[^<]")) is None
    assert first_chars(re.compile(r"x?")) is None  # matches the empty string
    assert first_chars(re.compile(r".a")) is None
