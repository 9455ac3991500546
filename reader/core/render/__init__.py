"""Markdown page -> safe HTML, at edition build time: one Markdown pass, sanitize, the reader's own rewrites.

Public: `markdown_pass` (the one Markdown parse of a page, which the importer runs: HTML, headings, ids, links),
`render_page` and `page_document` (what the edition builder uses), `extension_options` (the options an extension
knows, which the importer checks mkdocs.yml against), `SHORTCODES_EXTENSION` and `SHORTCODE_HOOK_MARK` (the
pseudo-extension that turns Material's `<!-- md:... -->` shortcodes into badges, and how its hook is recognised),
`fallback_source` (i18n folder layout: where a translation's links that find nothing are looked for), the icon
bundle they draw from (`IconSet`, made from its folder by `icon_set`), plus the small HTML tree and the
sanitizer, which tests and the search snippets share.
"""

from reader.core.render.icons import NO_ICONS, IconSet, icon_set
from reader.core.render.languages import fallback_source
from reader.core.render.markdown_setup import extension_options
from reader.core.render.page import STYLESHEET, page_document, render_page
from reader.core.render.sanitize import sanitize_html
from reader.core.render.shortcodes import SHORTCODE_HOOK_MARK, SHORTCODES_EXTENSION
from reader.core.render.single_pass import (
    FoundHeading,
    FoundLink,
    MarkdownPass,
    derived_summary,
    markdown_pass,
)
from reader.core.render.tree import (
    Element,
    Raw,
    Text,
    parse_fragment,
    remove,
    replace,
    serialize,
    unwrap,
    visible_text,
)

__all__ = [
    "NO_ICONS",
    "SHORTCODES_EXTENSION",
    "SHORTCODE_HOOK_MARK",
    "STYLESHEET",
    "Element",
    "FoundHeading",
    "FoundLink",
    "IconSet",
    "MarkdownPass",
    "Raw",
    "Text",
    "derived_summary",
    "extension_options",
    "fallback_source",
    "icon_set",
    "markdown_pass",
    "page_document",
    "parse_fragment",
    "remove",
    "render_page",
    "replace",
    "sanitize_html",
    "serialize",
    "unwrap",
    "visible_text",
]
