"""Markdown page -> safe HTML, at edition build time (never while reading).

Pipeline: the page's one Markdown pass (single_pass.py; the importer runs it) -> nh3 allowlist (sanitize.py) ->
a small tree (render_tree.py) on which the reader's own rewrites run: hidden and interactive-only parts removed,
icons and action cards filled in, links and images pointed at the edition, tables made scrollable, the outline,
checklist and searchable sections read off. Everything the reader adds after sanitizing is either built from
Text nodes (escaped on output) or trusted markup from our own icon bundle.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from html import escape
from urllib.parse import quote, unquote

from reader.core.links import app_url, asset_url, page_url, resolve_href
from reader.core.markdown_settings import MATERIAL_DEFAULTS
from reader.core.model import (
    WARNING,
    Corpus,
    Heading,
    NavItem,
    Page,
    Problem,
    RenderedPage,
    Section,
)
from reader.core.render import actioncards
from reader.core.render.icons import NO_ICONS, IconSet
from reader.core.render.languages import fallback_source, language_switch
from reader.core.render.overview import has_content, overview_html, shown_summary
from reader.core.render.sanitize import sanitize_html
from reader.core.render.single_pass import markdown_pass
from reader.core.render.tree import (
    Element,
    Raw,
    Text,
    parse_fragment,
    remove,
    replace,
    serialize,
    visible_text,
)

STYLESHEET = "css/page.css"
HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
SECTION_LEVELS = (2, 3)

DUTCH_ADMONITION_TITLES = {
    "note": "Opmerking", "abstract": "Samenvatting", "summary": "Samenvatting", "tldr": "Samenvatting",
    "info": "Info", "todo": "Te doen", "tip": "Tip", "hint": "Hint", "important": "Belangrijk",
    "success": "Gelukt", "check": "Gelukt", "done": "Klaar", "question": "Vraag", "help": "Hulp", "faq": "Vraag",
    "warning": "Waarschuwing", "caution": "Voorzichtig", "attention": "Let op", "failure": "Mislukt",
    "fail": "Mislukt", "missing": "Ontbreekt", "danger": "Gevaar", "error": "Fout", "bug": "Bug",
    "example": "Voorbeeld", "quote": "Citaat", "cite": "Citaat",
}

# Dialogs that only a corpus script would open ("cluster-modal", "modal-overlay"); not "modality".
_SCRIPT_ONLY_CLASS = re.compile(r"(^|[-_])(modal|dialog)($|[-_])")

def _markdown_source(page: Page) -> str:
    """The body of a page built without the importer, with the abbreviations it was given defined after it."""
    defs = "\n".join(
        f"*[{k}]: {' '.join(str(v).split())}"
        for k, v in page.abbreviations.items()
        if k and v and "]" not in k and "\n" not in k
    )
    return page.body.rstrip("\n") + "\n\n" + defs + "\n" if defs else page.body


class _CorpusIndex:
    """Lookups every page needs, built once per corpus (per page they would make a build quadratic)."""

    def __init__(self, corpus: Corpus) -> None:
        self.key = _index_key(corpus)
        self.pages_by_path = {p.path: p.id for p in corpus.pages.values()}
        self.assets = frozenset(corpus.assets)
        self.breadcrumbs: dict[str, tuple[str, ...]] = {}
        self._walk(corpus.nav, ())

    def _walk(self, items: tuple[NavItem, ...], trail: tuple[str, ...]) -> None:
        # Same first-match order as Corpus.breadcrumb, in one pass over the nav.
        for item in items:
            if item.page is not None:
                self.breadcrumbs.setdefault(item.page, trail)
            if item.children:
                self._walk(item.children, trail + (item.title,))


def _index_key(corpus: Corpus) -> tuple[int, int, int, int]:
    return (id(corpus), len(corpus.pages), len(corpus.assets), len(corpus.nav))


_INDEX_CACHE_SIZE = 4
_index_lock = threading.Lock()
_index_cache: dict[int, tuple[Corpus, _CorpusIndex]] = {}


def _corpus_index(corpus: Corpus) -> _CorpusIndex:
    with _index_lock:
        cached = _index_cache.get(id(corpus))
        if cached is not None and cached[0] is corpus and cached[1].key == _index_key(corpus):
            return cached[1]
        index = _CorpusIndex(corpus)
        _index_cache.pop(id(corpus), None)
        _index_cache[id(corpus)] = (corpus, index)
        while len(_index_cache) > _INDEX_CACHE_SIZE:  # a few corpora may be built side by side (tests, threads)
            del _index_cache[next(iter(_index_cache))]
        return index


class _Renderer:
    def __init__(self, page: Page, corpus: Corpus, icons: IconSet) -> None:
        self.page = page
        self.corpus = corpus
        self.icons = icons
        self.problems: list[Problem] = []
        self.remote_images: list[str] = []
        self.index = _corpus_index(corpus)
        self.pages_by_path = self.index.pages_by_path
        self.assets = self.index.assets
        # Problems name files relative to the source root (docs/...), like the importer's.
        try:
            prefix = corpus.docs_dir.relative_to(corpus.root).as_posix()
        except ValueError:
            prefix = "."
        self.source_file = page.path if prefix in ("", ".") else f"{prefix}/{page.path}"

    # --- problems ------------------------------------------------------------------------------------------
    def warn(self, code: str, message: str, needle: str | None = None) -> None:
        line = None
        if needle:
            idx = self.page.body.find(needle)
            if idx >= 0:
                line = self.page.body_line + self.page.body.count("\n", 0, idx)
        self.problems.append(Problem(WARNING, code, self.source_file, line, message))

    # --- the passes ----------------------------------------------------------------------------------------
    def run(self) -> RenderedPage:
        # The importer's Markdown pass made the HTML; a page built by hand (tests) is parsed here, once.
        settings = dataclasses.replace(MATERIAL_DEFAULTS, glossary=dict(self.corpus.glossary))
        raw_html = self.page.html or markdown_pass(_markdown_source(self.page), settings).html
        root = parse_fragment(sanitize_html(raw_html))
        self.drop_hidden_and_interactive(root)
        self.translate_admonition_titles(root)
        self.fill_icons(root)
        self.fill_action_cards(root)
        self.rewrite_links(root)
        self.rewrite_images(root)
        checklist = self.number_checklist(root)
        self.wrap_tables(root)
        headings = self.outline(root)
        self.check_same_page_anchors(root)
        sections = self.sections(root)
        return RenderedPage(
            page_id=self.page.id,
            html=serialize(root),
            sections=sections,
            headings=headings,
            checklist=checklist,
            remote_images=tuple(self.remote_images),
            problems=tuple(self.problems),
            opening=_opening(root),
        )

    def drop_hidden_and_interactive(self, root: Element) -> None:
        """What the author hid, or what only a script would have shown (modal dialogs), is not content."""
        for el in list(root.iter()):
            if el is root or not _attached(el, root):
                continue  # already removed with an ancestor
            style = el.attrs.pop("style", None)
            if (
                (style and "none" in style)
                or "hidden" in el.attrs
                or any(_SCRIPT_ONLY_CLASS.search(c) for c in el.classes())
            ):
                remove(el)
                continue
            if el.tag == "input" and el.attrs.get("type") not in ("checkbox", "radio"):
                remove(el)
            elif el.tag == "button":
                # A button does nothing without the corpus's scripts; keep its label as a quiet chip.
                el.tag = "span"
                el.attrs = {"class": "rl-button"}

    def translate_admonition_titles(self, root: Element) -> None:
        """`!!! warning` without a title gets Python-Markdown's English default ("Warning"): say it in Dutch."""
        for el in root.iter():
            if not (el.tag == "p" and el.has_class("admonition-title") and el.parent is not None):
                continue
            kinds = [c for c in el.parent.classes() if c != "admonition"]
            title = el.text_content().strip()
            for kind in kinds:
                if title == kind.capitalize() and kind in DUTCH_ADMONITION_TITLES:
                    el.children = []
                    el.append(Text(DUTCH_ADMONITION_TITLES[kind]))
                    break

    def fill_icons(self, root: Element) -> None:
        for el in list(root.iter()):
            if el.tag == "span" and "data-emoji" in el.attrs:
                svg = self.icons.emoji_svg(el.attrs.pop("data-emoji"))
                if svg is not None:
                    el.children = []
                    el.append(Raw(svg))
                continue
            name = el.attrs.get("data-icon")
            if el.tag != "span" or name is None:
                continue
            svg = self.icons.icon_svg(name)
            if svg is None:
                remove(el)  # an unknown icon disappears cleanly
                continue
            del el.attrs["data-icon"]
            el.add_class("rl-icon")
            el.children = []
            el.append(Raw(svg))

    def fill_action_cards(self, root: Element) -> None:
        for el in list(root.iter()):
            if not actioncards.is_placeholder(el):
                continue
            if actioncards.fill(el, self.corpus):
                continue
            parent = el.parent
            remove(el)
            # The NeRDS wrapper ("Direct aan de slag" + placeholder) means nothing once no card is left.
            if parent is not None and parent is not root and not _has_content_besides_headings(parent):
                remove(parent)

    def rewrite_links(self, root: Element) -> None:
        for el in list(root.iter()):
            if el.tag != "a":
                continue
            href = el.attrs.get("href")
            if href is not None and href.startswith("#__codelineno-") and not el.text_content().strip():
                href = None  # a code line's anchor links to itself and has no text: a target, not a link (WCAG)
            if href is None:
                # A link without a (safe) target is plain text; keep an id so anchors still land.
                el.tag = "span"
                el.attrs = {k: v for k, v in el.attrs.items() if k in ("id", "class")}
                continue
            target = resolve_href(href, self.page.path, self.pages_by_path, self.assets)
            fallback = fallback_source(self.page.path, self.page.language, self.corpus.language)
            if target.kind == "missing" and fallback is not None:  # i18n folder layout: the default language's
                found = resolve_href(href, fallback, self.pages_by_path, self.assets)
                target = found if found.kind in ("page", "asset") else target
            if target.kind == "page" and target.page is not None:
                page_id = self._same_language(target.page, target.anchor)
                anchor = self._fix_anchor(page_id, target.anchor, href)
                el.attrs["href"] = page_url(page_id, anchor)
                el.add_class("rl-internal")
            elif target.kind == "anchor":
                el.attrs["href"] = "#" + quote(target.anchor, safe="-_.~:") if target.anchor else "#"
            elif target.kind == "asset" and target.path is not None:
                el.attrs["href"] = asset_url(target.path) + ("#" + quote(target.anchor) if target.anchor else "")
                el.add_class("rl-asset")
            elif target.kind == "external" and target.url:
                el.attrs["href"] = target.url
                el.attrs["rel"] = "noopener noreferrer"
                el.add_class("rl-external")
                if not el.attrs.get("title"):
                    el.attrs["title"] = f"Externe link: {target.url}"
            else:
                what = target.path or href
                if target.kind == "missing":
                    self.warn("link-missing", f"Link {href!r} points at no page or file of the corpus; fix the path.",
                              needle=href)
                else:
                    self.warn("link-unsafe", f"Link {href!r} uses a scheme the reader will not open.", needle=href)
                el.tag = "span"
                el.attrs = {
                    "class": "rl-link-missing",
                    "title": f"Niet beschikbaar in deze lezer: {what}",
                }

    def _same_language(self, page_id: str, anchor: str | None) -> str:
        """i18n: a link from a page in language X to a default-language page that has an X version goes to that
        version, as the i18n plugin's build of language X does; unless the #anchor is only in the default one."""
        language = self.page.language
        target = self.corpus.pages.get(page_id)
        if not language or target is None or target.variant_of or target.language == language:
            return page_id  # not i18n, or the author linked a translation by its own name
        other = self.corpus.pages.get(target.variants.get(language, ""))
        if other is None:
            return page_id
        ids = other.ids or other.anchors
        if anchor and ids and anchor not in ids and anchor.lower() not in {a.lower() for a in ids}:
            return page_id
        return other.id

    def _fix_anchor(self, page_id: str, anchor: str | None, href: str) -> str | None:
        if not anchor:
            return None
        target = self.corpus.pages.get(page_id)
        ids = (target.ids or target.anchors) if target is not None else frozenset()
        if target is None or not ids or anchor in ids:
            return anchor
        # MkDocs' toc lower-cases ids; authors often write the heading as they see it (#Communities).
        lowered = {a.lower(): a for a in ids}
        fixed = lowered.get(anchor.lower()) or lowered.get(re.sub(r"[\s_]+", "-", anchor.lower()))
        if fixed:
            return fixed
        self.warn("anchor-missing",
                  f"Link {href!r}: the target page has no heading with id {anchor!r}; fix the #anchor.", href)
        return anchor

    def rewrite_images(self, root: Element) -> None:
        for el in list(root.iter()):
            if el.tag != "img":
                continue
            src = el.attrs.get("src", "")
            alt = el.attrs.get("alt", "")
            if src.startswith("data:"):
                continue  # raster data URL, allowed by the sanitizer
            target = resolve_href(src, self.page.path, self.pages_by_path, self.assets) if src else None
            if target is not None and target.kind == "asset" and target.path is not None:
                el.attrs["src"] = asset_url(target.path)
                el.attrs.setdefault("loading", "lazy")
                continue
            if target is not None and target.kind == "external" and target.url:
                self.remote_images.append(target.url)
                replace(el, _placeholder(alt, "Online afbeelding, niet geladen", target.url))
            else:
                self.warn("image-missing", f"Image {src!r} is not in the corpus; fix the path.", needle=src or None)
                replace(el, _placeholder(alt, "Afbeelding ontbreekt", None))

    def number_checklist(self, root: Element) -> tuple[str, ...]:
        items: list[str] = []
        for li in list(root.iter()):
            if li.tag != "li" or not li.has_class("task-list-item"):
                continue
            box = next((e for e in li.iter() if e.tag == "input" and e.attrs.get("type") == "checkbox"), None)
            if box is None:
                continue
            box.attrs["data-rl-check"] = str(len(items))
            text = _own_text(li)
            box.attrs["aria-label"] = text[:200]
            items.append(text)
        return tuple(items)

    def wrap_tables(self, root: Element) -> None:
        for el in list(root.iter()):
            if el.tag == "table":
                wrapper = Element("div", {"class": "rl-table-scroll", "role": "region", "tabindex": "0"})
                replace(el, wrapper)
                wrapper.append(el)
            elif el.tag == "pre":
                # A long code line scrolls sideways: the block must take focus so the keyboard can scroll it (WCAG).
                el.attrs["tabindex"] = "0"

    def outline(self, root: Element) -> tuple[Heading, ...]:
        return tuple(
            Heading(HEADING_TAGS[el.tag], visible_text(el).replace("\n", " "), el.attrs["id"])
            for el in root.iter()
            if el.tag in HEADING_TAGS and el.attrs.get("id")
        )

    def check_same_page_anchors(self, root: Element) -> None:
        ids = {el.attrs["id"] for el in root.iter() if "id" in el.attrs}
        for el in root.iter():
            href = el.attrs.get("href", "") if el.tag == "a" else ""
            if href.startswith("#") and len(href) > 1:
                anchor = unquote(href[1:])
                if anchor not in ids:
                    lowered = {i.lower(): i for i in ids}
                    if anchor.lower() in lowered:
                        el.attrs["href"] = "#" + quote(lowered[anchor.lower()], safe="-_.~:")
                    else:
                        self.warn(
                            "anchor-missing",
                            f"Link '#{anchor}': this page has no element with that id; fix the #anchor.",
                            needle="#" + anchor,
                        )

    def sections(self, root: Element) -> tuple[Section, ...]:
        """Split the visible text at every ##/### heading (with an id): one Section each, plus the intro."""
        chunks: list[tuple[str, str, int, list[Element | Text | Raw]]] = [("", self.page.title, 1, [])]

        def walk(node: Element) -> None:
            for child in node.children:
                if (
                    isinstance(child, Element)
                    and HEADING_TAGS.get(child.tag) in SECTION_LEVELS
                    and child.attrs.get("id")
                ):
                    title = visible_text(child).replace("\n", " ")
                    chunks.append((child.attrs["id"], title, HEADING_TAGS[child.tag], []))
                elif isinstance(child, Element) and _contains_section_heading(child):
                    # Descend, but keep block boundaries around the container's own text.
                    chunks[-1][3].append(Text("\n"))
                    walk(child)
                    chunks[-1][3].append(Text("\n"))
                else:
                    chunks[-1][3].append(child)

        walk(root)
        out = []
        for anchor, title, level, nodes in chunks:
            holder = Element("div")
            holder.children = list(nodes)  # read-only view: parents are not changed
            text = visible_text(holder)
            if anchor == "" and not text:
                continue
            out.append(Section(anchor, title, level, text))
        return tuple(out)


def _opening(root: Element) -> str:
    """The text of the first top-level paragraph that has any: what a reader sees first under the title."""
    for child in root.children:
        if isinstance(child, Element) and child.tag == "p":
            text = " ".join(visible_text(child).split())
            if text:
                return text
    return ""


def _attached(el: Element, root: Element) -> bool:
    node: Element | None = el
    while node is not None and node is not root:
        node = node.parent
    return node is root


def _contains_section_heading(el: Element) -> bool:
    return any(HEADING_TAGS.get(e.tag) in SECTION_LEVELS and e.attrs.get("id") for e in el.iter() if e is not el)


def _has_content_besides_headings(el: Element) -> bool:
    for child in el.children:
        if isinstance(child, Text):
            if child.text.strip():
                return True
        elif isinstance(child, Raw):
            return True
        elif child.tag not in HEADING_TAGS and not child.has_class("warning-banner"):
            return True
    return False


def _own_text(li: Element) -> str:
    """A task item's own text, without nested lists."""
    holder = Element("div")
    holder.children = [c for c in li.children if not (isinstance(c, Element) and c.tag in ("ul", "ol"))]
    return " ".join(visible_text(holder).split())


def _placeholder(alt: str, label: str, url: str | None) -> Element:
    box = Element("span", {"class": "rl-image-placeholder", "role": "img",
                           "aria-label": f"{label}: {alt}" if alt else label})
    if url:
        box.attrs["title"] = url
    lab = Element("span", {"class": "rl-image-placeholder-label"})
    lab.append(Text(label))
    box.append(lab)
    if alt:
        box.append(Text(" "))  # keeps label and alt apart in plain text (the CSS stacks them)
        text = Element("span", {"class": "rl-image-placeholder-alt"})
        text.append(Text(alt))
        box.append(text)
    return box


def render_page(page: Page, corpus: Corpus, icons: IconSet | None = None) -> RenderedPage:
    """`page` as safe HTML; icons and emoji come from `icons` (None: none, they disappear cleanly)."""
    return _Renderer(page, corpus, NO_ICONS if icons is None else icons).run()


def page_document(rendered: RenderedPage, page: Page, corpus: Corpus) -> str:
    """The full, script-free HTML document an edition stores for a page."""
    body = rendered.html
    summary_text = shown_summary(page, rendered)
    summary = f'<p class="rl-summary">{escape(summary_text)}</p>' if summary_text else ""
    if not has_content(body):
        body += overview_html(page, corpus)  # a page without content of its own shows its section
    # `rendered.html` is our own serialisation, so its first "<h1" opens the first h1 and the next "</h1>"
    # closes it (headings cannot nest): the summary goes right after it, or under a generated title.
    start = _first_h1(body)
    if start < 0:
        body = f'<h1 class="rl-generated-title">{escape(page.title)}</h1>{summary}\n{body}'
    elif summary:
        end = body.index("</h1>", start) + len("</h1>")
        body = body[:end] + summary + body[end:]

    crumbs = _corpus_index(corpus).breadcrumbs.get(page.id, ())
    crumb_html = ""
    if crumbs:
        items = "".join(f"<li>{escape(c)}</li>" for c in crumbs)
        crumb_html = f'<nav class="rl-breadcrumb" aria-label="Kruimelpad"><ol>{items}</ol></nav>\n'
    lang = escape(page.language or corpus.language or "nl")  # i18n: a translation carries its own language
    crumb_html += language_switch(page, corpus)  # i18n: links to the page in the corpus's other languages
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(page.title)}</title>\n"
        f'<link rel="stylesheet" href="{app_url(STYLESHEET)}">\n'
        "</head>\n"
        f'<body class="rl-page" data-page="{escape(page.id)}">\n'
        f"{crumb_html}"
        f'<main class="rl-content" id="rl-content">\n<article class="rl-article">\n{body}\n</article>\n</main>\n'
        '<footer class="rl-print-footer" aria-hidden="true"></footer>\n'
        "</body>\n</html>\n"
    )


_H1_OPEN = re.compile(r"<h1[\s>]")


def _first_h1(html: str) -> int:
    m = _H1_OPEN.search(html)
    return m.start() if m else -1
