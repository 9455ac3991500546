"""Citing what the reader read: a passage with its source (corpus, page, section, edition date) and the section's
address on the corpus's public site, as plain text and as HTML, ready to paste into a memo.

The public address follows MkDocs' own rules (mkdocs.structure.files): with `use_directory_urls` (the default)
`a/b.md` is served at `a/b/`, `a/index.md` and `a/README.md` at `a/`; without it at `a/b.html` and `a/index.html`.
The edition's manifest records `site_url` and `use_directory_urls` from mkdocs.yml at build time, and for a corpus
translated with mkdocs-static-i18n its languages (the default one at the site's root, the others under `<lang>/`).

Pure functions, no Qt, no words of their own: the labels ("Bron", "editie van {date}") come from the caller.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

# A cited section longer than this is cut at a word boundary and ends in an ellipsis: a memo quotes, it does not copy.
MAX_PASSAGE_CHARS = 1500


def public_page_url(
    site_url: str, source_path: str, anchor: str | None = None, *, directory_urls: bool = True,
    other_paths: Collection[str] = (),
) -> str:
    """The address of the page built from `source_path` (docs-relative, posix) on the site at `site_url`, or ""
    when the site has no usable address (none, or not http(s)) or MkDocs leaves the page out: a README.md beside an
    index.md in `other_paths` (the edition's other source paths)."""
    site = site_url.strip()
    parts = urlsplit(site)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    if not site.endswith("/"):
        site += "/"  # MkDocs does the same with a site_url without one
    parent, filename = posixpath.split(source_path.strip("/"))
    stem, ext = posixpath.splitext(filename)
    if ext.lower() not in (".md", ".markdown"):
        return ""
    if stem == "README":  # MkDocs serves README.md as its folder's index, unless there is an index.md
        if posixpath.join(parent, "index.md") in other_paths:
            return ""
        stem = "index"
    if not directory_urls:
        path = posixpath.join(parent, stem + ".html")
    elif stem == "index":
        path = parent + "/" if parent else ""
    else:
        path = posixpath.join(parent, stem) + "/"
    url = site + quote(path, safe="/")
    if anchor:
        url += "#" + quote(anchor, safe="")
    return url


@dataclass(frozen=True)
class PublicSite:
    """Where an edition's pages live on the corpus's public site, as its manifest records it at build time."""

    url: str = ""  # mkdocs.yml's site_url ("" when it has none)
    directory_urls: bool = True  # mkdocs.yml's use_directory_urls
    # mkdocs-static-i18n: every language, the default first (its pages at the site's root, the others under
    # `<language>/`), and how the sources mark a page's language: "suffix" (`page.en.md`) or "folder" (`en/page.md`).
    languages: tuple[str, ...] = ()
    structure: str = "suffix"

    def page_url(self, source_path: str, anchor: str | None = None, other_paths: Collection[str] = ()) -> str:
        """The public address of the page built from `source_path` (see `public_page_url`), or ""."""
        path, language = self._split(source_path)
        if not self.url or not language or language == self.languages[0]:
            site = self.url
        else:
            site = self.url.strip()
            site += ("" if site.endswith("/") else "/") + quote(language) + "/"
        return public_page_url(
            site, path, anchor, directory_urls=self.directory_urls,
            other_paths=other_paths if not self.languages else (),
        )

    def _split(self, path: str) -> tuple[str, str]:
        """(the path without its language, the language) as mkdocs-static-i18n reads it; ("", ...) without i18n."""
        if not self.languages:
            return path, ""
        if self.structure == "folder":
            first, _, rest = path.partition("/")
            return (rest, first) if rest and first in self.languages else (path, self.languages[0])
        stem, ext = posixpath.splitext(path)
        base, dot, language = stem.rpartition(".")
        if dot and language in self.languages and posixpath.basename(base):
            return base + ext, language
        return path, self.languages[0]


def site_of(manifest: Mapping[str, Any]) -> PublicSite:
    """The public site the edition's manifest records; an empty one for editions built without (or before)."""
    url = manifest.get("site_url")
    languages = manifest.get("site_languages")
    structure = manifest.get("site_language_structure")
    return PublicSite(
        url=url if isinstance(url, str) else "",
        directory_urls=manifest.get("use_directory_urls", True) is not False,
        languages=tuple(x for x in languages if isinstance(x, str)) if isinstance(languages, list) else (),
        structure=structure if structure in ("suffix", "folder") else "suffix",
    )


@dataclass(frozen=True)
class CitationSource:
    """Where a passage comes from."""

    corpus: str  # the corpus title
    page: str  # the page title
    section: str = ""  # the section heading ("" for the page itself or its opening)
    edition_date: str = ""  # YYYY-MM-DD
    organisation: str = ""
    url: str = ""  # the section's public address ("" when the corpus has no public site)


@dataclass(frozen=True)
class CitationWords:
    """The caller's words: `source` ("Bron") and `edition` with `{date}` ("editie van {date}")."""

    source: str
    edition: str


@dataclass(frozen=True)
class Citation:
    text: str
    html: str


def clean_passage(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """The passage as paragraphs: lines trimmed, spaces collapsed, empty lines dropped; cut after `limit` chars."""
    # Soft hyphens (invisible break points the page may carry) would split words in a memo or a search box.
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    kept: list[str] = []
    used = 0
    for paragraph in paragraphs:
        if used + len(paragraph) > limit:
            head = paragraph[: max(limit - used, 0) + 1]
            cut = head.rsplit(" ", 1)[0] if " " in head else ""  # never half a word
            if cut:
                kept.append(cut.rstrip(",;:") + "\u2026")
            elif kept:
                kept[-1] += " \u2026"
            break
        kept.append(paragraph)
        used += len(paragraph)
    return kept


def _title(source: CitationSource) -> str:
    if source.section and source.section != source.page:
        return f"{source.page} \u2014 {source.section}"
    return source.page


def _rest(source: CitationSource, words: CitationWords) -> str:
    corpus = source.corpus
    if source.organisation and source.organisation not in corpus:
        corpus += f" ({source.organisation})"
    parts = [corpus] if corpus else []
    if source.edition_date:
        parts.append(words.edition.replace("{date}", source.edition_date))
    return ", ".join(parts)


def format_citation(passage: str, source: CitationSource, words: CitationWords) -> Citation:
    """The passage in quotes, then "Bron: “page — section”, corpus (organisation), editie van date." and the
    address on its own line; the HTML puts the passage in a blockquote and links the title to the address."""
    paragraphs = clean_passage(passage)
    title = _title(source)
    rest = _rest(source, words)
    line = f"{words.source}: \u201c{title}\u201d" + (f", {rest}" if rest else "") + "."
    text_parts = []
    if paragraphs:
        text_parts.append("\u201c" + "\n\n".join(paragraphs) + "\u201d")
    text_parts.append(line + (f"\n{source.url}" if source.url else ""))
    text = "\n\n".join(text_parts)

    linked = f"\u201c{escape(title)}\u201d"
    if source.url:
        linked = f'<a href="{escape(source.url)}">{linked}</a>'
    html = ""
    if paragraphs:
        html += "<blockquote>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "</blockquote>"
    html += f"<p>{escape(words.source)}: {linked}" + (f", {escape(rest)}" if rest else "") + ".</p>"
    return Citation(text=text, html=html)
