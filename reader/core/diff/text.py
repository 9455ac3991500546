"""The text of a page's sections, read back from the HTML an edition stores.

The split is the one the builder hashes (reader/core/render: the intro, then every ##/### heading with an id), so a
section found here is the section whose `section_hashes` entry changed. What the reader derives from other data is
left out: the title (`h1`, compared as a field), the summary paragraph it inserts under it (a field too) and the
generated overview of a page without content of its own (it lists other pages, whose changes are reported there).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.render import Element, Raw, Text, parse_fragment, visible_text

SECTION_LEVELS = frozenset({"h2", "h3"})
_DERIVED_CLASSES = ("rl-summary", "rl-overview", "rl-generated-title")


@dataclass(frozen=True)
class SectionText:
    anchor: str  # "" for the intro
    heading: str  # the heading as shown ("" for the intro)
    text: str  # visible text, block boundaries as line breaks


def article(html: str) -> Element:
    """The page's own content: the `<article>` of the stored document (the whole fragment if there is none)."""
    root = parse_fragment(html)
    for el in root.iter():
        if el.tag == "article":
            return el
    return root


def page_sections(html: str) -> dict[str, SectionText]:
    """Anchor -> section of the page in `html` (a stored page document), in page order."""
    content = article(html)
    chunks: list[tuple[str, str, list[Element | Text | Raw]]] = [("", "", [])]

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, Element):
                if child.tag == "h1" or any(child.has_class(c) for c in _DERIVED_CLASSES):
                    continue
                if child.tag in SECTION_LEVELS and child.attrs.get("id"):
                    chunks.append((child.attrs["id"], visible_text(child).replace("\n", " "), []))
                    continue
                if _holds_section_heading(child):
                    chunks[-1][2].append(Text("\n"))
                    walk(child)
                    chunks[-1][2].append(Text("\n"))
                    continue
            chunks[-1][2].append(child)

    walk(content)
    out: dict[str, SectionText] = {}
    for anchor, heading, nodes in chunks:
        holder = Element("div")
        holder.children = list(nodes)  # a read-only view: the nodes keep their parents
        text = visible_text(holder)
        if anchor == "" and not text:
            continue
        # A repeated id (hand-written HTML) keeps its first section, as a link to it would land there.
        out.setdefault(anchor, SectionText(anchor, heading, text))
    return out


def _holds_section_heading(el: Element) -> bool:
    return any(e.tag in SECTION_LEVELS and e.attrs.get("id") for e in el.iter() if e is not el)
