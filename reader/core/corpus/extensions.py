"""A corpus's own Markdown configuration (`markdown_extensions`), hooks and plugins, read from mkdocs.yml.

The reader renders with the extensions the corpus declares, as far as they are Python-Markdown's or
pymdown-extensions' own. Nothing the config names is ever imported: `!!python/name:` values map to the reader's own
equivalents (`ReaderRef`), and everything the reader does not run (another extension, an unknown function, a hook,
a plugin) becomes a warning that names the mkdocs.yml line and what the reader does instead.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from typing import Any

from reader.core.corpus.errors import _problem
from reader.core.corpus.mkdocs import MkDocsConfig, UnknownTag
from reader.core.markdown_settings import MATERIAL_DEFAULTS, MarkdownSettings, ReaderRef
from reader.core.model import INFO, WARNING, Problem
from reader.core.render import SHORTCODE_HOOK_MARK, SHORTCODES_EXTENSION, extension_options

MAX_HOOK_BYTES = 1 << 20  # a hook is a small Python file; anything bigger is not looked into
PYTHON_MARKDOWN = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes", "legacy_attrs",
    "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks",
})
PYMDOWNX = frozenset({
    "arithmatex", "betterem", "blocks.admonition", "blocks.caption", "blocks.definition", "blocks.details",
    "blocks.html", "blocks.tab", "bracketspan", "caret", "critic", "details", "emoji", "escapeall", "extra",
    "fancylists", "highlight", "inlinehilite", "keys", "magiclink", "mark", "progressbar", "quotes", "saneheaders",
    "smartsymbols", "striphtml", "superfences", "tabbed", "tasklist", "tilde",
})
SUPPORTED = PYTHON_MARKDOWN | {f"pymdownx.{name}" for name in PYMDOWNX}
# Declared, understood, and done another way: no warning.
DONE_ELSEWHERE = frozenset({"pymdownx.snippets"})  # the importer resolves snippets (reader.core.corpus.snippets)
# Declared and deliberately not run, with what the reader does instead.
NOT_RUN = {
    "pymdownx.b64": "images are served from the edition instead of being embedded",
    "pymdownx.pathconverter": "the reader resolves links and images itself",
}

# `!!python/name:` (and `!!python/object/apply:`) targets the reader has its own equivalent for.
PYTHON_NAMES: dict[str, ReaderRef] = {
    **{f"{mod}.twemoji": ReaderRef("emoji-index")
       for mod in ("material.extensions.emoji", "materialx.emoji", "pymdownx.emoji")},
    "pymdownx.emoji.gemoji": ReaderRef("emoji-index-gemoji"),
    "pymdownx.emoji.emojione": ReaderRef("emoji-index-emojione"),
    **{f"{mod}.{fn}": ReaderRef("emoji-generator")
       for mod in ("material.extensions.emoji", "materialx.emoji", "pymdownx.emoji")
       for fn in ("to_svg", "to_png", "to_svg_sprite", "to_png_sprite", "to_alt", "to_awesome")},
    "pymdownx.superfences.fence_code_format": ReaderRef("fence-source"),
    "pymdownx.superfences.fence_div_format": ReaderRef("fence-source"),
    "pymdownx.superfences.default_validator": ReaderRef("validator"),
    **{f"pymdownx.arithmatex.{fn}": ReaderRef("fence-math")
       for fn in ("arithmatex_fenced_format", "fence_mathjax_format", "fence_mathjax_preview_format",
                  "fence_katex_format", "fence_generic_format")},
    **{f"pymdownx.arithmatex.{fn}": ReaderRef("inline-math")
       for fn in ("arithmatex_inline_format", "inline_mathjax_format", "inline_mathjax_preview_format",
                  "inline_katex_format", "inline_generic_format")},
    "pymdownx.slugs.slugify": ReaderRef("slugify"),
    # The names pymdown-extensions had before `slugify(**kwargs)`, with the arguments that replace them.
    "pymdownx.slugs.uslugify": ReaderRef("slugify", (("case", "lower"),)),
    "pymdownx.slugs.uslugify_cased": ReaderRef("slugify"),
    "pymdownx.slugs.uslugify_encoded": ReaderRef("slugify", (("case", "lower"), ("percent_encode", True))),
    "pymdownx.slugs.uslugify_cased_encoded": ReaderRef("slugify", (("percent_encode", True),)),
    "pymdownx.slugs.gfm": ReaderRef("slugify", (("case", "lower-ascii"),)),
    "pymdownx.slugs.gfm_encoded": ReaderRef("slugify", (("case", "lower-ascii"), ("percent_encode", True))),
    "markdown.extensions.toc.slugify": ReaderRef("slugify-toc"),
    "markdown.extensions.toc.slugify_unicode": ReaderRef("slugify-toc-unicode"),
}
_PYTHON_TAG = re.compile(r"python/(?:name|object/apply|object/new|object|module):(?P<name>[\w.]+)$")

# What the reader does instead of a plugin.
_OWN_SEARCH = "the reader has its own search"
_OWN_NAV = "the reader builds this navigation itself"
PLUGINS = {
    "search": _OWN_SEARCH, "material/search": _OWN_SEARCH, "offline": "the reader is offline by design",
    "awesome-pages": _OWN_NAV, "awesome-nav": _OWN_NAV, "i18n": _OWN_NAV, "blog": _OWN_NAV, "material/blog": _OWN_NAV,
    "macros": "template tags ({% %}, {{ }}) are left out of the pages",
}
_IGNORED = "ignored: what it adds to the published site is missing in the reader"
_PUBLISHING = "it only shapes the published site (dates, image zoom, minified or cached files, versions): nothing " \
    "in the pages depends on it"
for _name in ("git-revision-date-localized", "git-revision-date", "git-committers", "git-authors", "glightbox",
              "privacy", "material/privacy", "minify", "mike", "optimize", "material/optimize", "social",
              "material/social", "rss", "htmlproofer", "tags", "material/tags"):
    PLUGINS[_name] = _PUBLISHING
# Plugins whose work the reader does itself, or that change nothing in a page: information, not a warning.
_HANDLED = frozenset(PLUGINS) - {"macros"}  # macros leaves template tags behind: a warning


def normalise_name(name: str) -> str:
    """`markdown.extensions.toc:TocExtension` -> `toc`; `pymdownx.superfences` stays."""
    name = name.strip().split(":", 1)[0]
    if name.startswith("markdown.extensions."):
        name = name[len("markdown.extensions."):]
    return name


class _Reader:
    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.file = config.path.name if config.path is not None else "mkdocs.yml"
        self.problems: list[Problem] = []

    def line(self, section: str, needle: str) -> int | None:
        """The first line naming `needle` inside the top-level `section:` of mkdocs.yml (None: not found)."""
        lines = self.config.text.splitlines()
        inside = False
        for number, text in enumerate(lines, start=1):
            if text.startswith(f"{section}:"):
                inside = True
                continue
            if inside and text and not text[0].isspace() and not text.startswith(("-", "#")):
                inside = False
            if inside and needle in text:
                return number
        return self.config.line_of(needle)

    def warn(self, code: str, line: int | None, message: str, severity: str = WARNING) -> None:
        self.problems.append(_problem(severity, code, self.file, line, message))

    # --- markdown_extensions ------------------------------------------------------------------------------
    def extensions(self) -> MarkdownSettings:
        result: list[tuple[str, Mapping[str, Any]]] = []
        for raw_name, options in self.config.markdown_extensions:
            name = normalise_name(raw_name)
            line = self.line("markdown_extensions", raw_name)
            if name in DONE_ELSEWHERE:
                continue
            if name in NOT_RUN:
                self.warn("markdown-extension-skipped", line,
                          f"The Markdown extension {raw_name!r} is not run by the reader: {NOT_RUN[name]}.")
                continue
            if name not in SUPPORTED:
                self.warn("markdown-extension-unsupported", line,
                          f"The Markdown extension {raw_name!r} is not one the reader runs (only Python-Markdown's "
                          "and pymdown-extensions' own); pages are rendered without it, so its syntax shows as text.")
                continue
            result.append((name, self.options(raw_name, self.known(name, raw_name, line, options))))
        return MarkdownSettings(tuple(result))

    def known(self, name: str, raw_name: str, line: int | None, options: Mapping[str, Any]) -> Mapping[str, Any]:
        """`options` without the keys the extension does not know (each a warning): rendering would drop them."""
        known = extension_options(name)
        if known is None:
            return options
        unknown = [key for key in options if isinstance(key, str) and key not in known]
        for key in unknown:
            self.warn("markdown-option-unknown", self.option_line(line, key),
                      f"Option {key!r} of the Markdown extension {raw_name!r} is not one this extension knows; "
                      "the reader ignores it.")
        return {k: v for k, v in options.items() if k not in unknown} if unknown else options

    def option_line(self, ext_line: int | None, key: str) -> int | None:
        """The line of option `key` under the extension at `ext_line` (that line when not found apart)."""
        if ext_line is None:
            return None
        lines = self.config.text.splitlines()
        indent = len(lines[ext_line - 1]) - len(lines[ext_line - 1].lstrip())
        level: int | None = None  # the indentation of the extension's own options (deeper ones are values)
        for number in range(ext_line, len(lines)):
            text = lines[number]
            stripped = text.lstrip()
            if not stripped or stripped.startswith("#"):
                continue
            here = len(text) - len(stripped)
            if here <= indent:
                break  # the next extension, or the next section
            if level is None:
                level = here
            if here == level and stripped.startswith((f"{key}:", f"'{key}':", f'"{key}":')):
                return number + 1
        return ext_line

    def options(self, ext: str, options: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in options.items():
            if not isinstance(key, str):
                continue
            if key == "custom_fences" and isinstance(value, list):
                out[key] = [self.fence(ext, f) for f in value if isinstance(f, dict)]
                continue
            mapped = self.value(ext, key, value)
            if mapped is not _DROP:
                out[key] = mapped
        return out

    def fence(self, ext: str, fence: dict[str, Any]) -> dict[str, Any]:
        out = self.options(ext, fence)
        if "format" not in out:
            out["format"] = ReaderRef("fence-source")  # shown as a labelled source block
        return out

    def value(self, ext: str, key: str, value: Any) -> Any:
        if isinstance(value, UnknownTag):
            found = _PYTHON_TAG.search(value.tag)
            if found is None:
                if value.tag in ("!ENV", "!!python/none"):
                    return _plain(value.value[-1] if isinstance(value.value, list) and value.value else None)
                self.warn("markdown-option-tag", self.line("markdown_extensions", value.tag),
                          f"Option {key!r} of {ext!r} has the tag {value.tag}, which the reader does not read; "
                          "the option is left at its default.")
                return _DROP
            target = found.group("name")
            ref = PYTHON_NAMES.get(target)
            if ref is None:
                self.warn("markdown-python-name", self.line("markdown_extensions", target),
                          f"Option {key!r} of {ext!r} names Python code ({target}), which the reader never runs; "
                          "the option is left at its default.")
                return _DROP
            kwds = value.value.get("kwds") if isinstance(value.value, dict) else None
            if isinstance(kwds, dict):
                ref = ReaderRef(ref.name, ref.kwargs + tuple(sorted((str(k), _plain(v)) for k, v in kwds.items())))
            return ref
        if isinstance(value, dict):
            mapped = {str(k): self.value(ext, str(k), v) for k, v in value.items()}
            return {k: v for k, v in mapped.items() if v is not _DROP}
        if isinstance(value, list):
            return [v for v in (self.value(ext, key, item) for item in value) if v is not _DROP]
        return value

    # --- hooks and plugins --------------------------------------------------------------------------------
    def hooks(self) -> bool:
        """Reports each hook; True when one of them defines Material's `<!-- md:... -->` shortcodes."""
        hooks = self.config.raw.get("hooks")
        shortcodes = False
        for hook in hooks if isinstance(hooks, list) else []:
            if not isinstance(hook, str):
                continue
            if self.defines_shortcodes(hook):
                shortcodes = True
                self.warn("mkdocs-hook", self.line("hooks", hook),
                          f"The hook {hook!r} is not run (the reader never runs a corpus's code); the "
                          "`<!-- md:... -->` shortcodes it defines are shown as badges by the reader itself.", INFO)
                continue
            self.warn("mkdocs-hook", self.line("hooks", hook),
                      f"The hook {hook!r} is not run (the reader never runs a corpus's code); GitHub-style "
                      "alerts, ::: blocks and comment headings are handled by the reader itself, other changes "
                      "the hook makes to pages are missing.")
        return shortcodes

    def defines_shortcodes(self, hook: str) -> bool:
        """Whether the hook's file (read as text, never run) holds Material's shortcode pattern."""
        if self.config.path is None:
            return False
        path = self.config.path.parent / hook
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode) or path.stat().st_size > MAX_HOOK_BYTES:
                return False
            return SHORTCODE_HOOK_MARK in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False

    def plugins(self) -> None:
        plugins = self.config.raw.get("plugins")
        items: list[tuple[str, Any]] = []
        if isinstance(plugins, list):
            for item in plugins:
                if isinstance(item, str):
                    items.append((item, {}))
                elif isinstance(item, dict) and len(item) == 1:
                    items.extend((str(k), v) for k, v in item.items())
        elif isinstance(plugins, dict):
            items = [(str(k), v) for k, v in plugins.items()]
        for name, options in items:
            if isinstance(options, dict) and _plain(options.get("enabled", True)) in (False, "false"):
                continue
            instead = PLUGINS.get(name, _IGNORED)
            self.warn("mkdocs-plugin", self.line("plugins", name),
                      f"The plugin {name!r} is not run (the reader never runs a corpus's code); {instead}.",
                      INFO if name in _HANDLED else WARNING)


_DROP = object()


def _plain(value: Any) -> Any:
    if isinstance(value, UnknownTag):
        return _plain(value.value[-1]) if isinstance(value.value, list) and value.value else None
    return value


def markdown_settings(config: MkDocsConfig) -> tuple[MarkdownSettings, list[Problem]]:
    """The corpus's Markdown configuration and what `check` says about it (hooks and plugins included).

    A plain folder (no mkdocs.yml) gets MATERIAL_DEFAULTS. A config without `markdown_extensions` gets what MkDocs
    itself always loads (toc, tables, fenced code): the renderer adds those to any list.
    """
    if config.path is None:
        return MATERIAL_DEFAULTS, []
    reader = _Reader(config)
    settings = reader.extensions()
    if reader.hooks():
        settings = MarkdownSettings(settings.extensions + ((SHORTCODES_EXTENSION, {}),), settings.glossary)
    reader.plugins()
    return settings, reader.problems
