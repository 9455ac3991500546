"""The Markdown configuration of one corpus, as plain data: which extensions render its pages, with which options.

Built once per corpus from its `mkdocs.yml` (reader.core.corpus reads it) and carried on the `Corpus`; the renderer
(reader.core.render) turns it into a converter. Nothing here is code from the corpus: a `!!python/name` value in the
config becomes a `ReaderRef`, the name of one of the reader's own equivalents, or is dropped with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class ReaderRef:
    """An option value that names one of the reader's own functions (see render.markdown_setup), never an import.

    `name` is one of REF_NAMES; `kwargs` are the plain arguments a factory such as a slugify takes.
    """

    name: str
    kwargs: tuple[tuple[str, Any], ...] = ()


# What a `!!python/name:` (or `!!python/object/apply:`) value may map to.
REF_NAMES = frozenset({
    "emoji-index",  # Material's / pymdownx's Twemoji index
    "emoji-index-gemoji", "emoji-index-emojione",
    "emoji-generator",  # every emoji generator: the reader's marker, filled from its bundled Twemoji
    "fence-source",  # superfences' fence_code_format / fence_div_format: a labelled source block
    "fence-math",  # arithmatex's fence formats: build-time MathML
    "inline-math",  # arithmatex's inline format (inlinehilite custom_inline)
    "slugify",  # pymdownx.slugs.slugify(**kwargs)
    "slugify-toc", "slugify-toc-unicode",  # markdown.extensions.toc.slugify / slugify_unicode
    "validator",  # superfences' default validator
})


@dataclass(frozen=True)
class MarkdownSettings:
    """`extensions`: (module name, options) in mkdocs.yml order, names normalised (`markdown.extensions.toc` ->
    `toc`), options plain YAML data with `ReaderRef` for mapped functions. `glossary`: abbreviation -> expansion,
    given to the `abbr` extension once per build instead of appending definitions to every page."""

    extensions: tuple[tuple[str, Mapping[str, Any]], ...]
    glossary: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def key(self) -> str:
        """Equal for equal settings: converters are cached by it."""
        return json.dumps([[list(e) for e in self.extensions], sorted(self.glossary.items())],
                          sort_keys=True, default=repr)

    def options(self, name: str) -> Mapping[str, Any] | None:
        for ext, opts in self.extensions:
            if ext == name:
                return opts
        return None


_MERMAID = ReaderRef("fence-source")

# What the reader used before it read a corpus's own list, and what a plain folder of Markdown still gets: the
# extensions Material's documentation recommends for a guideline site.
MATERIAL_DEFAULTS = MarkdownSettings(
    extensions=(
        ("abbr", {}),
        ("admonition", {}),
        ("attr_list", {}),
        ("footnotes", {}),
        ("md_in_html", {}),
        ("tables", {}),
        ("toc", {}),
        ("pymdownx.details", {}),
        ("pymdownx.tabbed", {"alternate_style": True}),
        ("pymdownx.tasklist", {"custom_checkbox": True, "clickable_checkbox": True}),
        ("pymdownx.superfences", {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": _MERMAID}]}),
        ("pymdownx.highlight", {"anchor_linenums": True, "line_spans": "__span", "pygments_lang_class": True}),
        ("pymdownx.emoji", {"emoji_index": ReaderRef("emoji-index"), "emoji_generator": ReaderRef("emoji-generator")}),
        ("pymdownx.blocks.html", {}),
    )
)
