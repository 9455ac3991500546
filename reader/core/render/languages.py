"""The language switch of a page that mkdocs-static-i18n gives versions in other languages, and where a link of a
translation that finds nothing in its own language's folder is looked for instead.

The corpus is read in its default language; each other language version is a page of its own (not in the nav or the
search), and every version links to the others with a small list at the top: "Deze pagina in: English".
"""

from __future__ import annotations

from html import escape

from reader.core.links import page_url
from reader.core.model import Corpus, Page


def language_switch(page: Page, corpus: Corpus) -> str:
    """HTML of the switch, or "" when the page has no version in another language in this edition."""
    others = [(lang, pid) for lang, pid in page.variants.items() if pid != page.id and pid in corpus.pages]
    if not others:
        return ""
    links = ", ".join(
        f'<a href="{escape(page_url(pid))}" hreflang="{escape(lang)}" lang="{escape(lang)}">'
        f"{escape(corpus.language_names.get(lang, lang))}</a>"
        for lang, pid in others
    )
    return f'<nav class="rl-languages" aria-label="Talen"><p>Deze pagina in: {links}</p></nav>\n'


def fallback_source(path: str, language: str, default: str | None) -> str | None:
    """Folder layout (`docs/en/...`): where the page at docs-relative `path`, in `language`, would be in the default
    language's folder; a link of it that finds nothing in its own folder is resolved from there, as the i18n plugin's
    `fallback_to_default` serves the default-language page. None for a default-language or suffix-layout page."""
    if not language or not default or language == default or not path.startswith(language + "/"):
        return None
    return default + "/" + path[len(language) + 1:]
