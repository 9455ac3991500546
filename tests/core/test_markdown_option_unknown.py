"""An option a Markdown extension does not know (a typo, or an option of another version) is a `check` warning
naming its mkdocs.yml line, the extension and the option, and the reader ignores it; known options say nothing.

Which options an extension knows is its own `config`, as the installed version sets it up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.corpus import load_corpus, read_mkdocs_config
from reader.core.corpus.extensions import markdown_settings
from reader.core.model import WARNING
from reader.core.render import extension_options

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "corpora" / "markdown-options"


def _message(ext: str, key: str) -> str:
    return f"Option {key!r} of the Markdown extension {ext!r} is not one this extension knows; the reader ignores it."


EXPECTED = [
    (WARNING, "markdown-option-unknown", "mkdocs.yml", 7, _message("toc", "permalink_symbol")),
    (WARNING, "markdown-option-unknown", "mkdocs.yml", 11, _message("pymdownx.highlight", "line_numbers")),
]


def _settings(tmp_path: Path, text: str) -> tuple:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    return markdown_settings(read_mkdocs_config(tmp_path))


def test_unknown_options_are_warnings_at_their_line() -> None:
    settings, problems = markdown_settings(read_mkdocs_config(FIXTURE))
    assert [(p.severity, p.code, p.file, p.line, p.message) for p in problems] == EXPECTED
    # Left out of the settings, as rendering would leave them out; the known ones stay.
    assert settings.options("toc") == {"permalink": True, "toc_depth": 3}
    assert settings.options("pymdownx.highlight") == {"anchor_linenums": True}
    assert settings.options("pymdownx.tabbed") == {"alternate_style": True}


def test_the_corpus_still_renders_with_its_known_options() -> None:
    corpus = load_corpus(FIXTURE)
    found = [(p.severity, p.code, p.file, p.line, p.message) for p in corpus.problems]
    assert found == EXPECTED
    assert "language-python" in corpus.pages["index"].html


def test_check_json_names_them() -> None:
    result = subprocess.run([sys.executable, "-m", "reader", "check", str(FIXTURE), "--json"],
                            capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [(w["code"], w["line"]) for w in report["warnings"]] == [
        ("markdown-option-unknown", 7), ("markdown-option-unknown", 11),
    ]
    assert report["summary"]["by_code"]["markdown-option-unknown"] == {"severity": WARNING, "count": 2}


@pytest.mark.parametrize("text, line", [
    # Flow style: the option has no line of its own, the extension's line is named.
    ("markdown_extensions:\n  - toc: {permalink: true, bogus: 1}\n", 2),
    # A list at the section's own indentation, and a mapping of extensions.
    ("markdown_extensions:\n- toc:\n    permalink: true\n    bogus: 1\n- tables\n", 4),
    ("markdown_extensions:\n  toc:\n    bogus: 1\n", 3),
    # A nested key with the same name is a value, not the option: the option's own line is named.
    ("markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - bogus: x\n          name: a\n"
     "          class: a\n      bogus: 1\n", 7),
])
def test_the_line_is_the_options_own(tmp_path: Path, text: str, line: int) -> None:
    _, problems = _settings(tmp_path, text)
    assert [(p.code, p.line) for p in problems] == [("markdown-option-unknown", line)]


def test_known_options_and_option_less_extensions_say_nothing(tmp_path: Path) -> None:
    _, problems = _settings(tmp_path, (
        "markdown_extensions:\n  - admonition\n  - toc:\n      permalink: true\n      slugify: "
        "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "  - pymdownx.arithmatex:\n      generic: true\n"
    ))
    assert problems == []


def test_the_known_options_are_the_extensions_own_config() -> None:
    toc = extension_options("toc")
    assert toc is not None and {"permalink", "toc_depth", "slugify"} <= toc and "permalink_symbol" not in toc
    highlight = extension_options("pymdownx.highlight")
    assert highlight is not None and {"linenums", "anchor_linenums", "use_pygments"} <= highlight
    assert extension_options("admonition") == frozenset()
    assert extension_options("pymdownx.not_an_extension") is None
