"""A tiny element tree for sanitized HTML fragments, so rendering can rewrite links, fill placeholders and
extract plain text after the sanitizer has run.

Why our own: the input is nh3's serialisation (well-formed HTML5), so a stack parser over the stdlib
`html.parser` is exact, fast and adds no dependency. Text is kept unescaped and escaped again on output, so a
corpus string can never turn into markup here. `Raw` nodes are trusted markup the reader itself produces
(bundled icon SVG) and are the only way unescaped markup enters the output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from typing import Iterator

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements whose boundaries are line breaks when a reader sees the text.
BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "label",
    }
)


@dataclass(eq=False)
class Text:
    text: str
    parent: "Element | None" = None


@dataclass(eq=False)
class Raw:
    """Trusted markup produced by the reader (never corpus text)."""

    html: str
    text: str = ""  # what a reader sees of it (usually nothing: an icon)
    parent: "Element | None" = None


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)
    parent: "Element | None" = None

    # --- tree editing -------------------------------------------------------------------------------------
    def append(self, node: "Node") -> "Node":
        node.parent = self
        self.children.append(node)
        return node

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def has_class(self, name: str) -> bool:
        return name in self.classes()

    def add_class(self, name: str) -> None:
        if not self.has_class(name):
            self.attrs["class"] = " ".join(self.classes() + [name])

    def iter(self) -> Iterator["Element"]:
        """Every element below (and including) this one, document order; safe against edits of later siblings."""
        stack: list[Element] = [self]
        while stack:
            el = stack.pop()
            yield el
            stack.extend(c for c in reversed(el.children) if isinstance(c, Element))

    def text_content(self) -> str:
        return "".join(_texts(self))


Node = Text | Raw | Element


def _texts(node: Node) -> Iterator[str]:
    if isinstance(node, Text):
        yield node.text
    elif isinstance(node, Raw):
        yield node.text
    else:
        for child in node.children:
            yield from _texts(child)


def replace(old: Node, *new: Node) -> None:
    parent = old.parent
    if parent is None:
        raise ValueError("cannot replace the root")
    i = next(i for i, c in enumerate(parent.children) if c is old)
    for n in new:
        n.parent = parent
    parent.children[i : i + 1] = list(new)
    old.parent = None


def remove(node: Node) -> None:
    replace(node)


def unwrap(el: Element) -> None:
    """Replace an element by its children."""
    replace(el, *el.children)


def insert_after(ref: Node, node: Node) -> None:
    parent = ref.parent
    if parent is None:
        raise ValueError("cannot insert beside the root")
    i = next(i for i, c in enumerate(parent.children) if c is ref)
    node.parent = parent
    parent.children.insert(i + 1, node)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.stack[-1].append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.stack[-1].append(el)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag is ignored (nh3 output has none).
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if parent.tag in _LEADING_LF_DROPPED and not parent.children and data.startswith("\n"):
            data = data[1:]  # as an HTML parser does: a newline right after <pre> is not content
            if not data:
                return
        if parent.children and isinstance(parent.children[-1], Text):
            parent.children[-1].text += data
        else:
            parent.append(Text(data))


def parse_fragment(html: str) -> Element:
    fast = _parse_plain(html)
    if fast is not None:
        return fast
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


# nh3's serialisation is plain HTML: tags with double-quoted attributes, text with every `<` escaped. Such a
# fragment is tokenised with one regex and fed to the same builder, the way `html.parser` would feed it (names
# lower-cased, attribute values and text unescaped); `html.parser` itself costs a third of a page's rendering.
# Anything else (a `<` that opens no such tag, comments, end tags with attributes, script or style content) is
# left to `html.parser`.
_WS = r"[ \t\n\r\f]"  # what html.parser separates names with (not all of \s: U+00A0 belongs to a tag name)
_PLAIN_TAG = re.compile(rf'<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:{_WS}+[^\s"\'<>/=]+(?:="[^"]*")?)*){_WS}*>')
_PLAIN_ATTR = re.compile(rf'{_WS}+([^\s"\'<>/=]+)(?:="([^"]*)")?')
_RAW_TEXT = frozenset({"script", "style"})  # html.parser reads their content as raw text


def _parse_plain(html: str) -> Element | None:
    builder = _Builder()
    pos = 0
    for m in _PLAIN_TAG.finditer(html):
        if m.start() > pos and not _plain_text(builder, html[pos : m.start()]):
            return None
        closing, tag, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if tag in _RAW_TEXT or (closing and attrs):
            return None
        if closing:
            builder.handle_endtag(tag)
        else:
            builder.handle_starttag(tag, [
                (name.lower(), unescape(value) if value else value) for name, value in _PLAIN_ATTR.findall(attrs)
            ] if attrs else [])
        pos = m.end()
    if pos < len(html) and not _plain_text(builder, html[pos:]):
        return None
    return builder.root


def _plain_text(builder: _Builder, text: str) -> bool:
    if "<" in text:
        return False
    builder.handle_data(unescape(text) if "&" in text else text)
    return True


def serialize(node: Node) -> str:
    out: list[str] = []
    _serialize(node, out)
    return "".join(out)


def _serialize(node: Node, out: list[str]) -> None:
    if isinstance(node, Text):
        out.append(escape(node.text, quote=False))
        return
    if isinstance(node, Raw):
        out.append(node.html)
        return
    if node.tag != "#root":
        out.append("<" + node.tag)
        for k, v in node.attrs.items():
            out.append(f' {k}="{escape(v, quote=True)}"' if v != "" or k not in _BOOLEAN else f" {k}")
        out.append(">")
        if node.tag in VOID:
            return
    if (
        node.tag in _LEADING_LF_DROPPED
        and node.children
        and isinstance(node.children[0], Text)
        and node.children[0].text.startswith("\n")
    ):
        out.append("\n")  # keeps a real leading newline through the next parse (HTML serialisation rule)
    for child in node.children:
        _serialize(child, out)
    if node.tag != "#root":
        out.append(f"</{node.tag}>")


_LEADING_LF_DROPPED = frozenset({"pre", "textarea", "listing"})
_BOOLEAN = frozenset({"checked", "disabled", "open", "hidden", "reversed"})


_BREAK = "\x00"  # a block boundary, kept apart from newlines in the text itself


def visible_text(node: Node) -> str:
    """Plain text as a reader sees it (close to `innerText`): block boundaries become line breaks, white space
    collapses, except inside `pre` where the lines of the text are kept."""
    parts: list[str] = []
    _visible(node, parts, False)
    lines = "".join(parts).split(_BREAK)
    cleaned = [" ".join(line.split()) for line in lines]
    return "\n".join(line for line in cleaned if line)


def _visible(node: Node, parts: list[str], in_pre: bool) -> None:
    if isinstance(node, (Text, Raw)):
        text = node.text
        parts.append(text.replace("\n", _BREAK) if in_pre else text)
        return
    block = node.tag in BLOCK
    if block:
        parts.append(_BREAK)
    if node.tag in ("td", "th"):
        parts.append(" ")
    pre = in_pre or node.tag == "pre"
    for child in node.children:
        _visible(child, parts, pre)
    if block:
        parts.append(_BREAK)
