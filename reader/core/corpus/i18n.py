"""mkdocs-static-i18n: one corpus in its default language, the other languages as variants of its pages.

Both layouts of the plugin are understood: `docs_structure: suffix` (`page.en.md` beside `page.md`) and
`docs_structure: folder` (`docs/en/...`, `docs/nl/...`). The configuration is read from mkdocs.yml, in the plugin's
current form (`languages: [{locale: nl, default: true, name: Nederlands}, ...]`) and its older one
(`default_language: nl`, `languages: {en: English}`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Iterable

from reader.core.corpus.awesome import plugin_config
from reader.core.corpus.errors import _problem
from reader.core.corpus.mkdocs import MkDocsConfig
from reader.core.corpus.pages import _Draft
from reader.core.model import WARNING, Problem

PLUGIN_NAMES = ("i18n",)

# Names of languages in their own language, for the switch when the config gives none.
LANGUAGE_NAMES = {
    "nl": "Nederlands", "en": "English", "de": "Deutsch", "fr": "Français", "es": "Español", "it": "Italiano",
    "pt": "Português", "pl": "Polski", "fy": "Frysk", "pap": "Papiamentu", "da": "Dansk", "sv": "Svenska",
    "nb": "Norsk bokmål", "fi": "Suomi", "tr": "Türkçe", "ar": "العربية", "uk": "Українська", "ru": "Русский",
    "zh": "中文", "ja": "日本語", "ko": "한국어",
}


@dataclass(frozen=True)
class I18nConfig:
    default: str
    languages: tuple[str, ...]  # every locale, the default first
    structure: str  # "suffix" or "folder"
    names: dict[str, str] = field(default_factory=dict)


def i18n_config(config: MkDocsConfig, problems: list[Problem]) -> I18nConfig | None:
    options = plugin_config(config, PLUGIN_NAMES)
    if options is None:
        return None
    config_name = config.path.name if config.path else "mkdocs.yml"
    locales: list[str] = []
    names: dict[str, str] = {}
    default: str | None = None
    raw = options.get("languages")
    if isinstance(raw, list):  # static-i18n 1.x
        for entry in raw:
            if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str):
                continue
            locale = entry["locale"]
            if locale in ("null", "default") or locale in locales:
                continue
            locales.append(locale)
            if isinstance(entry.get("name"), str):
                names[locale] = entry["name"]
            if entry.get("default") is True and default is None:
                default = locale
    elif isinstance(raw, dict):  # static-i18n 0.x
        for locale, value in raw.items():
            if not isinstance(locale, str) or locale in locales:
                continue
            locales.append(locale)
            if isinstance(value, str):
                names[locale] = value
            elif isinstance(value, dict) and isinstance(value.get("name"), str):
                names[locale] = value["name"]
        if isinstance(options.get("default_language"), str):
            default = options["default_language"]
            if default not in locales:
                locales.insert(0, default)
    if not locales:
        problems.append(_problem(
            WARNING, "i18n-config", config_name, config.line_of("i18n"),
            "The i18n plugin lists no languages the reader understands; every page is read as one language.",
        ))
        return None
    if default is None:
        default = locales[0]
        problems.append(_problem(
            WARNING, "i18n-config", config_name, config.line_of("i18n"),
            f"The i18n plugin marks no language `default: true`; the reader takes {default!r}, the first one.",
        ))
    structure = options.get("docs_structure", "suffix")
    if structure not in ("suffix", "folder"):
        problems.append(_problem(
            WARNING, "i18n-config", config_name, config.line_of("docs_structure"),
            f"docs_structure {structure!r} is not `suffix` or `folder`; the reader reads it as `suffix`.",
        ))
        structure = "suffix"
    ordered = (default,) + tuple(lang for lang in locales if lang != default)
    return I18nConfig(default, ordered, str(structure), names)


@dataclass
class Variants:
    """The language of each page and its versions in the other languages."""

    language: dict[str, str] = field(default_factory=dict)  # page id -> its language
    variants: dict[str, dict[str, str]] = field(default_factory=dict)  # page id -> {language: page id}, all versions
    variant_of: dict[str, str] = field(default_factory=dict)  # translation page id -> the main page id

    def is_variant(self, page_id: str) -> bool:
        return page_id in self.variant_of


def _split(path: str, cfg: I18nConfig) -> tuple[str, str]:
    """(the page's path without its language, its language) for a docs-relative path."""
    if cfg.structure == "folder":
        first, _, rest = path.partition("/")
        if rest and first in cfg.languages:
            return rest, first
        return path, cfg.default
    stem, ext = posixpath.splitext(path)
    base, dot, lang = stem.rpartition(".")
    if dot and lang in cfg.languages and posixpath.basename(base):
        return base + ext, lang
    return path, cfg.default


def find_variants(drafts: Iterable[_Draft], cfg: I18nConfig) -> Variants:
    """Group the pages by the page they translate; the default-language version of each group is its main page.

    A group without a default-language version keeps its first language version as main page, so no page is lost.
    In the suffix layout `page.md` and `page.<default>.md` are both default-language versions: the suffixed one wins.
    """
    drafts = list(drafts)
    groups: dict[str, dict[str, _Draft]] = {}
    for draft in drafts:
        base, lang = _split(draft.path, cfg)
        group = groups.setdefault(base, {})
        explicit = draft.path != base
        if lang not in group or explicit:
            group[lang] = draft
    result = Variants()
    rank = {lang: i for i, lang in enumerate(cfg.languages)}
    for group in groups.values():
        ordered = sorted(group.items(), key=lambda item: rank.get(item[0], len(rank)))
        mapping = {lang: d.page_id for lang, d in ordered}
        main = ordered[0][1].page_id
        for lang, draft in ordered:
            result.language[draft.page_id] = lang
            if len(mapping) > 1:
                result.variants[draft.page_id] = mapping
            if draft.page_id != main:
                result.variant_of[draft.page_id] = main
    # An unsuffixed `page.md` that lost to `page.<default>.md` is a duplicate of the main page, not a language.
    chosen = {pid for pid in result.language}
    for draft in drafts:
        if draft.page_id not in chosen:
            base, _ = _split(draft.path, cfg)
            main_lang = groups[base].get(cfg.default)
            if main_lang is not None:
                result.language[draft.page_id] = cfg.default
                result.variant_of[draft.page_id] = main_lang.page_id
    return result


def language_name(code: str, cfg: I18nConfig | None) -> str:
    if cfg is not None and code in cfg.names:
        return cfg.names[code]
    return LANGUAGE_NAMES.get(code.split("_")[0].split("-")[0].lower(), code)
