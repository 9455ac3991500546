"""The Python-Markdown converter of a corpus: its own `markdown_extensions` (MarkdownSettings), set up for an offline
reader.

Differences from a MkDocs site, on purpose:
- icon shortcodes (`:material-cloud:`) become a marker span that rendering fills from the bundled icon set
  (icons.py) after sanitizing; unknown icon names become an empty marker and disappear;
- emoji shortcodes become a marker holding the Unicode character, whatever generator the corpus names; rendering
  swaps in the bundled Twemoji SVG (or keeps the character for the system's emoji font): nothing is fetched;
- a `mermaid` fence (and any custom fence whose format is superfences' own) is a labelled source block, since no
  corpus script runs;
- code is highlighted with Pygments into classes the reader's stylesheet colours for each theme (`use_pygments` is
  always on: without it a fence with options becomes inline code and swallows the prose after it);
- math (arithmatex) is typeset at build time as MathML (math.py);
- toc permalinks are left out: the reader's outline links every heading, and a pilcrow would become heading text;
- what hooks commonly add (GitHub alerts, ::: blocks, template tags, comment headings) is done natively
  (hook_equivalents.py); Material's `<!-- md:... -->` shortcodes become badges when the corpus's own hook defines
  them (shortcodes.py);
- tasks are clickable checkboxes: the reader keeps its own checklist progress.
"""

from __future__ import annotations

import functools
import html
import importlib
import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from typing import Any

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import InlineProcessor as InlinePass

from reader.core.markdown_settings import MATERIAL_DEFAULTS, MarkdownSettings, ReaderRef
from reader.core.render.hook_equivalents import HookEquivalentsExtension, Note
from reader.core.render.inline_filter import FilteredInlineProcessor
from reader.core.render.math import MathExtension, fence_math_format, inline_math_format
from reader.core.render.pygments_cache import install as install_pygments_cache
from reader.core.render.shortcodes import SHORTCODES_EXTENSION, ShortcodeExtension

log = logging.getLogger("reader.render")

# `:material-account-search:` `:fontawesome-solid-house:` `:octicons-mark-github-16:` `:simple-github:`
ICON_SHORTCODE = r":((?:material|fontawesome|octicons|simple)-[a-z0-9]+(?:-[a-z0-9]+)*):"
BACKLINK_TITLE = "Terug naar de tekst ({})"  # Python-Markdown 3.x fills {}; %d stays literal


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
    # pymdownx's own `twemoji` deep-copies its 4,000-entry tables (~25 ms a build); the extension only reads them.
    from pymdownx import twemoji_db

    return {"name": twemoji_db.name, "emoji": twemoji_db.emoji, "aliases": twemoji_db.aliases}


def _emoji_index_gemoji(options: dict[str, Any], md: markdown.Markdown) -> dict[str, Any]:
    from pymdownx import emoji

    index: dict[str, Any] = emoji.gemoji(options, md)
    return index


def _emoji_index_emojione(options: dict[str, Any], md: markdown.Markdown) -> dict[str, Any]:
    from pymdownx import emoji

    index: dict[str, Any] = emoji.emojione(options, md)
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


def source_format(source: str, language: str, css_class: str, options: dict[str, Any], md: markdown.Markdown,
                  **kwargs: Any) -> str:
    """A custom fence a corpus script would have drawn (a diagram, a chart): its source, labelled with its kind."""
    if language == "mermaid":
        return mermaid_format(source, language, css_class, options, md)
    lang = re.sub(r"[^\w-]", "", language)
    return (
        '<figure class="rl-diagram">'
        f"<figcaption>{html.escape(language)} (broncode)</figcaption>"
        f'<pre class="rl-diagram-source"><code class="language-{lang}">{html.escape(source)}</code></pre>'
        "</figure>"
    )


def _slugify(ref: ReaderRef) -> Callable[[str, str], str]:
    if ref.name == "slugify":
        from pymdownx import slugs

        kwargs = {k: v for k, v in ref.kwargs if k in ("case", "percent_encode", "normalize")}
        made: Callable[[str, str], str] = slugs.slugify(**kwargs)
        return made
    from markdown.extensions import toc

    return toc.slugify_unicode if ref.name == "slugify-toc-unicode" else toc.slugify


def _validator(language: str, inputs: dict[str, str], options: dict[str, Any], attrs: dict[str, Any],
               md: markdown.Markdown) -> bool:
    from pymdownx import superfences

    return bool(superfences.default_validator(language, inputs, options, attrs, md))


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "emoji-index": _emoji_index,
    "emoji-index-gemoji": _emoji_index_gemoji,
    "emoji-index-emojione": _emoji_index_emojione,
    "emoji-generator": _emoji_generator,
    "fence-source": source_format,
    "fence-math": fence_math_format,
    "inline-math": inline_math_format,
    "validator": _validator,
}


def _resolve(value: Any) -> Any:
    """Plain option data with each ReaderRef replaced by the reader's own function."""
    if isinstance(value, ReaderRef):
        if value.name.startswith("slugify"):
            return _slugify(value)
        return _FUNCTIONS[value.name]
    if isinstance(value, Mapping):
        return {k: _resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    return value


_FORCED: dict[str, dict[str, Any]] = {
    # Classes, not inline styles (the sanitizer drops style).
    # The language as a class on every block (`language-yaml`), whatever the corpus says: readers and tests see it.
    "pymdownx.highlight": {"use_pygments": True, "noclasses": False, "css_class": "highlight",
                           "pygments_lang_class": True},
    "codehilite": {"use_pygments": True, "noclasses": False, "css_class": "highlight"},
    "pymdownx.arithmatex": {"generic": True, "preview": False, "tex_inline_wrap": ["\\(", "\\)"],
                            "tex_block_wrap": ["\\[", "\\]"], "block_tag": "div", "inline_tag": "span"},
    "pymdownx.tabbed": {"alternate_style": True},  # the only style the reader's stylesheet lays out
    "pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True},
    "pymdownx.emoji": {"emoji_generator": _emoji_generator, "alt": "unicode", "options": {}},
    "footnotes": {"BACKLINK_TITLE": BACKLINK_TITLE},
    "toc": {"permalink": False, "anchorlink": False},
}
_DEFAULT_INDEX = {"pymdownx.emoji": {"emoji_index": _emoji_index}}
_MERMAID_FENCE = {"name": "mermaid", "class": "mermaid", "format": mermaid_format}


def _options(name: str, options: Mapping[str, Any], settings: MarkdownSettings) -> dict[str, Any]:
    opts: dict[str, Any] = {**_DEFAULT_INDEX.get(name, {}), **_resolve(dict(options)), **_FORCED.get(name, {})}
    if name == "pymdownx.highlight":
        # Line numbers as generated content (`data-linenos`): never copied with the code, never in search text.
        opts["linenums_style"] = "pymdownx-inline"
    if name == "pymdownx.superfences":
        fences = [f for f in opts.get("custom_fences", []) if isinstance(f, dict) and callable(f.get("format"))]
        for fence in fences:
            if fence.get("name") == "mermaid" and fence.get("format") is source_format:
                fence["format"] = mermaid_format
        if not any(f.get("name") == "mermaid" for f in fences):
            fences.append(dict(_MERMAID_FENCE))
        opts["custom_fences"] = fences
    if name == "pymdownx.inlinehilite":
        opts["custom_inline"] = [f for f in opts.get("custom_inline", [])
                                 if isinstance(f, dict) and f.get("format") is inline_math_format]
    if name == "abbr":
        given = opts.get("glossary") if isinstance(opts.get("glossary"), Mapping) else {}
        opts["glossary"] = {**{str(k): str(v) for k, v in (given or {}).items()}, **settings.glossary}
    return opts


def _module(name: str) -> str:
    return name if name.startswith("pymdownx.") else f"markdown.extensions.{name}"


@functools.lru_cache(maxsize=None)
def extension_options(name: str) -> frozenset[str] | None:
    """The option keys the installed extension `name` (a supported one, e.g. `toc`, `pymdownx.highlight`) knows:
    its `config`, as the reader sets it up (None: it cannot be loaded). Instantiating one costs well under a ms."""
    try:
        ext: markdown.Extension = importlib.import_module(_module(name)).makeExtension()
    except (ImportError, AttributeError, TypeError, ValueError, KeyError):
        return None
    return frozenset(ext.config)


def _build(name: str, options: dict[str, Any]) -> markdown.Extension | None:
    """The extension `name` (already allowlisted by the corpus reader) with the options it knows."""
    try:
        ext: markdown.Extension = importlib.import_module(_module(name)).makeExtension()
        known = {k: v for k, v in options.items() if k in ext.config}
        dropped = sorted(set(options) - set(known))
        if dropped:
            log.debug("%s: options %s are not options of this version; left out", name, dropped)
        ext.setConfigs(known)
    except (ImportError, AttributeError, TypeError, ValueError, KeyError) as exc:
        log.warning("Markdown extension %s cannot be set up (%s); pages are rendered without it", name, exc)
        return None
    return ext


def _extension_list(settings: MarkdownSettings) -> list[tuple[str, Mapping[str, Any]]]:
    """The corpus's list plus what every MkDocs build has (toc, tables, fenced code) and what the reader needs
    (abbr for the glossary, superfences with highlighting for its fences)."""
    listed = [(n, o) for n, o in settings.extensions if n != "pymdownx.snippets"]
    names = {n for n, _ in listed}
    if "fenced_code" in names:  # superfences does all it does, with highlighting and custom fences
        listed = [(n, o) for n, o in listed if n != "fenced_code"]
    extra: list[tuple[str, Mapping[str, Any]]] = []
    for name in ("abbr", "toc", "tables", "pymdownx.superfences", "pymdownx.highlight"):
        if name not in names:
            extra.append((name, {}))
    return listed + extra


def make_markdown(settings: MarkdownSettings | None = None) -> markdown.Markdown:
    """A fresh converter for `settings` (None: MATERIAL_DEFAULTS); callers reuse it with `reset()` between pages
    (building one costs ~10 ms)."""
    if settings is None:
        settings = MATERIAL_DEFAULTS
    install_pygments_cache()  # every converter highlights code
    extensions: list[markdown.Extension] = []
    names = set()
    shortcodes = False
    for name, options in _extension_list(settings):
        if name == SHORTCODES_EXTENSION:  # the reader's own, for a corpus whose hook defines them
            shortcodes = True
            continue
        ext = _build(name, _options(name, options, settings))
        if ext is not None:
            extensions.append(ext)
            names.add(name)
    extensions += [
        IconExtension(),
        HookEquivalentsExtension(attr_list="attr_list" in names or "extra" in names or "pymdownx.extra" in names),
        MathExtension(),
    ]
    if shortcodes:
        extensions.append(ShortcodeExtension())  # after HookEquivalents: its notes list exists
    md = _Markdown(extensions=extensions, output_format="html")
    _filter_inline_passes(md)
    return md


def _filter_inline_passes(md: markdown.Markdown) -> None:
    """Every plain InlineProcessor (Python-Markdown's `inline`, pymdownx.smartsymbols' own pass over its patterns)
    becomes a FilteredInlineProcessor over the same patterns, in the same place (inline_filter.py)."""
    entries = getattr(md.treeprocessors, "_priority", None)  # (name, priority) of each; Registry has no public list
    places = [(e.name, e.priority) for e in entries] if entries is not None else [("inline", 20)]
    for name, priority in places:
        current = md.treeprocessors[name] if name in md.treeprocessors else None
        if type(current) is InlinePass:
            replacement = FilteredInlineProcessor(md)
            replacement.inlinePatterns = current.inlinePatterns
            md.treeprocessors.register(replacement, name, priority)


class _Markdown(markdown.Markdown):
    def build_extension(self, ext_name: str, configs: Mapping[str, Any]) -> markdown.Extension:
        """superfences loads `pymdownx.highlight` by name: import it as Python-Markdown does when no entry point
        has the name (none does), without reading every installed package's metadata first (~20 ms)."""
        if ext_name.startswith("pymdownx.") and ":" not in ext_name:
            made: markdown.Extension = importlib.import_module(ext_name).makeExtension(**dict(configs))
            return made
        return super().build_extension(ext_name, configs)


def notes(md: markdown.Markdown) -> list[Note]:
    """What the last `convert()` left out and `check` should name: (code, message, text to find its line by)."""
    found: list[Note] = getattr(md, "rl_notes", [])
    return list(found)


__all__ = ["make_markdown", "notes", "extension_options", "ICON_SHORTCODE"]
