"""The corpus's own Markdown configuration: mkdocs.yml `markdown_extensions` with their options, `!!python/name`
values mapped to the reader's own functions (never imported), and a `check` warning with its mkdocs.yml line for
every extension, function, hook and plugin the reader does not run."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.corpus import read_mkdocs_config
from reader.core.corpus.extensions import markdown_settings
from reader.core.markdown_settings import MATERIAL_DEFAULTS, MarkdownSettings, ReaderRef
from reader.core.model import INFO, WARNING

CONFIG = """\
site_name: Proef
markdown_extensions:
  - def_list
  - markdown.extensions.toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify  # mapped, never imported
        kwds:
          case: lower
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji  # Material's names: mapped
      emoji_generator: !!python/name:material.extensions.emoji.to_svg  # to the reader's own
  - pymdownx.superfences:
      custom_fences:
        - format: !!python/name:pymdownx.superfences.fence_code_format  # known: mapped
          class: mermaid
          name: mermaid
        - name: chart
          class: chart
          format: !!python/name:my_site.charts.render
  - pymdownx.snippets:
      auto_append: [includes/abbreviations.md]
  - pymdownx.b64
  - mdx_truly_sane_lists
  - pymdownx.highlight:
      use_pygments: false
      linenums: true
plugins:
  - search:
      separator: '[\\s\\-]+'
  - awesome-pages
  - git-revision-date-localized: {type: iso_date}
  - social:
      enabled: false
  - some-content-plugin
hooks:
  - hooks/shortcodes.py
"""


def _settings(tmp_path: Path, text: str = CONFIG) -> tuple[MarkdownSettings, list]:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    return markdown_settings(read_mkdocs_config(tmp_path))


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_extensions_keep_their_order_and_options(tmp_path):
    settings, _ = _settings(tmp_path)
    names = [name for name, _ in settings.extensions]
    assert names == ["def_list", "toc", "pymdownx.emoji", "pymdownx.superfences", "pymdownx.highlight"]
    assert settings.options("pymdownx.highlight") == {"use_pygments": False, "linenums": True}
    assert settings.options("toc")["permalink"] is True


def test_python_names_map_to_the_readers_own_functions(tmp_path):
    settings, _ = _settings(tmp_path)
    assert settings.options("toc")["slugify"] == ReaderRef("slugify", (("case", "lower"),))
    assert settings.options("pymdownx.emoji") == {
        "emoji_index": ReaderRef("emoji-index"), "emoji_generator": ReaderRef("emoji-generator"),
    }
    fences = settings.options("pymdownx.superfences")["custom_fences"]
    assert fences[0]["format"] == ReaderRef("fence-source")
    # An unknown function is never imported: the fence falls back to a labelled source block.
    assert fences[1] == {"name": "chart", "class": "chart", "format": ReaderRef("fence-source")}


def test_every_thing_not_run_is_a_problem_with_its_line(tmp_path):
    _, problems = _settings(tmp_path)
    found = {(p.code, p.line, p.severity) for p in problems}
    assert found == {
        ("markdown-python-name", _line(CONFIG, "my_site.charts.render"), WARNING),
        ("markdown-extension-skipped", _line(CONFIG, "pymdownx.b64"), WARNING),
        ("markdown-extension-unsupported", _line(CONFIG, "mdx_truly_sane_lists"), WARNING),
        ("mkdocs-plugin", _line(CONFIG, "- search:"), INFO),
        ("mkdocs-plugin", _line(CONFIG, "awesome-pages"), INFO),
        ("mkdocs-plugin", _line(CONFIG, "git-revision-date-localized"), INFO),
        ("mkdocs-plugin", _line(CONFIG, "- some-content-plugin"), WARNING),
        ("mkdocs-hook", _line(CONFIG, "hooks/shortcodes.py"), WARNING),
    }
    assert all(p.file == "mkdocs.yml" for p in problems)
    by_code = {p.code: p.message for p in problems}
    assert "mdx_truly_sane_lists" in by_code["markdown-extension-unsupported"]
    assert "rendered without it" in by_code["markdown-extension-unsupported"]
    assert "my_site.charts.render" in by_code["markdown-python-name"]
    assert "never runs" in by_code["mkdocs-hook"]


def test_plugin_messages_say_what_the_reader_does_instead(tmp_path):
    _, problems = _settings(tmp_path)
    plugin = {p.message.split("'")[1]: p.message for p in problems if p.code == "mkdocs-plugin"}
    assert "own search" in plugin["search"]
    assert "navigation itself" in plugin["awesome-pages"]
    assert "nothing in the pages depends on it" in plugin["git-revision-date-localized"]
    assert "ignored" in plugin["some-content-plugin"]
    assert "social" not in plugin  # switched off in the config: nothing to say


def test_snippets_are_resolved_by_the_importer_not_run_twice(tmp_path):
    settings, problems = _settings(tmp_path)
    assert settings.options("pymdownx.snippets") is None
    assert not any("snippets" in p.message for p in problems)


def test_a_plain_folder_gets_the_material_defaults(tmp_path):
    (tmp_path / "index.md").write_text("# Hallo\n", encoding="utf-8")
    settings, problems = markdown_settings(read_mkdocs_config(tmp_path))
    assert settings is MATERIAL_DEFAULTS
    assert problems == []


def test_a_config_without_extensions_has_none_and_no_problems(tmp_path):
    settings, problems = _settings(tmp_path, "site_name: Kaal\n")
    assert settings.extensions == ()
    assert problems == []


def test_a_mapping_of_extensions_and_of_plugins_is_read_too(tmp_path):
    settings, problems = _settings(
        tmp_path, "markdown_extensions:\n  abbr: {}\n  pymdownx.mark: {}\nplugins:\n  search: {}\n"
    )
    assert [n for n, _ in settings.extensions] == ["abbr", "pymdownx.mark"]
    assert [(p.code, p.line) for p in problems] == [("mkdocs-plugin", 5)]


@pytest.mark.parametrize("tag, ref", [
    ("!!python/name:pymdownx.slugs.uslugify", ReaderRef("slugify", (("case", "lower"),))),
    ("!!python/name:markdown.extensions.toc.slugify_unicode", ReaderRef("slugify-toc-unicode")),
    ("!!python/name:pymdownx.arithmatex.fence_mathjax_format", ReaderRef("fence-math")),
])
def test_known_function_names(tmp_path, tag, ref):
    settings, problems = _settings(tmp_path, f"markdown_extensions:\n  - toc:\n      slugify: {tag}\n")
    assert settings.options("toc") == {"slugify": ref}
    assert problems == []


def test_the_settings_key_is_stable_and_tells_glossaries_apart():
    a = MarkdownSettings((("abbr", {}),), {"HTML": "HyperText"})
    b = MarkdownSettings((("abbr", {}),), {"HTML": "HyperText"})
    c = MarkdownSettings((("abbr", {}),), {"HTML": "iets anders"})
    assert a.key == b.key != c.key


def test_code_in_a_tag_is_never_run_and_is_named(tmp_path, monkeypatch):
    import os

    ran = []
    monkeypatch.setattr(os, "system", lambda *a: ran.append(a))
    text = 'markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:os.system ["echo never run"]\n'
    settings, problems = _settings(tmp_path, text)
    assert ran == []
    assert settings.options("toc") == {}
    assert [(p.code, p.line) for p in problems] == [("markdown-python-name", 3)]
    assert "os.system" in problems[0].message and "left at its default" in problems[0].message


def test_load_reports_config_problems_and_template_tags_at_their_lines(tmp_path):
    from reader.core.corpus import load_corpus

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Proef\nmarkdown_extensions:\n  - admonition\n  - mdx_unknown\nhooks:\n  - hooks/x.py\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        "---\ntitle: Start\nsummary: Een proef.\n---\n# Start\n\nTekst.\n\n{% include 'x.html' %}\n\n"
        "`{{ in code }}` blijft.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    found = {(p.severity, p.code, p.file, p.line) for p in corpus.problems}
    assert found == {
        (WARNING, "markdown-extension-unsupported", "mkdocs.yml", 4),
        (WARNING, "mkdocs-hook", "mkdocs.yml", 6),
        (WARNING, "template-tag", "docs/index.md", 9),
    }
    assert "include" not in corpus.pages["index"].html
