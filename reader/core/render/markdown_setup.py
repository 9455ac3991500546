"""The Python-Markdown configuration that matches what MkDocs corpora (NeRDS) use, set up for an offline reader.

Differences from a MkDocs site, on purpose:
- icon shortcodes (`:material-cloud:`) become a marker span that rendering fills from the bundled icon set
  (icons.py) after sanitizing; unknown icon names become an empty marker and disappear;
- emoji shortcodes become a marker holding the Unicode character; rendering swaps in the bundled Twemoji SVG
  (or keeps the character for the system's emoji font): nothing is fetched;
- a `mermaid` fence is a labelled code block, since no corpus script runs;
- no Pygments: code blocks carry a `language-x` class and are styled by our stylesheet.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.inlinepatterns import InlineProcessor

# `:material-account-search:` `:fontawesome-solid-house:` `:octicons-mark-github-16:` `:simple-github:`
ICON_SHORTCODE = r":((?:material|fontawesome|octicons|simple)-[a-z0-9]+(?:-[a-z0-9]+)*):"


class IconPattern(InlineProcessor):
    def handleMatch(  # type: ignore[override]  # the stubs type InlineProcessor's hook as Pattern's
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        el = etree.Element("span")
        el.set("class", "rl-icon")
        el.set("data-icon", m.group(1))
        return el, m.start(0), m.end(0)


class IconExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Above pymdownx.emoji (75) so icon names never reach the emoji index.
        md.inlinePatterns.register(IconPattern(ICON_SHORTCODE, md), "rl_icons", 76)


def _emoji_index(options: dict[str, Any], md: markdown.Markdown) -> dict[str, Any]:
    from pymdownx import emoji

    index: dict[str, Any] = emoji.twemoji(options, md)
    return index


def _emoji_generator(
    index: str, shortname: str, alias: str | None, uc: str | None, alt: str, title: str | None,
    category: str | None, options: dict[str, Any], md: markdown.Markdown,
) -> etree.Element:
    el = etree.Element("span")
    el.set("class", "rl-emoji")
    el.set("role", "img")
    el.set("aria-label", shortname.strip(":").replace("_", " "))
    if uc:
        el.set("data-emoji", uc)  # rendering swaps in the bundled Twemoji SVG after sanitizing
    el.text = alt  # the Unicode character(s): the fallback when the bundle lacks this emoji
    return el


def mermaid_format(source: str, language: str, css_class: str, options: dict[str, Any], md: markdown.Markdown,
                   **kwargs: Any) -> str:
    """A diagram's source shown as a readable, labelled code block (no diagram script runs in the reader)."""
    return (
        '<figure class="rl-diagram">'
        '<figcaption>Diagram (Mermaid-broncode)</figcaption>'
        f'<pre class="rl-diagram-source"><code class="language-mermaid">{html.escape(source)}</code></pre>'
        "</figure>"
    )


def make_markdown() -> markdown.Markdown:
    """A fresh converter; callers reuse it with `reset()` between pages (building one costs ~10 ms)."""
    return markdown.Markdown(
        extensions=[
            "abbr",
            "admonition",
            "attr_list",
            "footnotes",
            "md_in_html",
            "tables",
            "toc",
            "pymdownx.details",
            "pymdownx.tabbed",
            "pymdownx.tasklist",
            "pymdownx.superfences",
            "pymdownx.highlight",
            "pymdownx.emoji",
            "pymdownx.blocks.html",
            IconExtension(),
        ],
        extension_configs={
            "pymdownx.tabbed": {"alternate_style": True},
            "pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True},
            "pymdownx.highlight": {"use_pygments": False},
            "pymdownx.superfences": {
                "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": mermaid_format}]
            },
            "pymdownx.emoji": {"emoji_index": _emoji_index, "emoji_generator": _emoji_generator},
            "footnotes": {"BACKLINK_TITLE": "Terug naar de tekst (%d)"},
        },
        output_format="html",
    )


__all__ = ["make_markdown", "ICON_SHORTCODE"]
