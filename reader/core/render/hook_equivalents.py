"""What corpora commonly get from MkDocs hooks, done by the reader itself (no corpus code ever runs):

- GitHub-style alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) become admonitions;
- Docusaurus-style `:::note` ... `:::` blocks (`:::tip[Title]`, `:::info Title`) become admonitions;
- Jinja or include tags (`{% ... %}`, `{{ ... }}`) outside code are left out, each a `template-tag` warning: the
  reader cannot honour them and they must never show raw;
- a heading made only of an HTML comment (`#### <!-- md:setting config.site_name -->`, filled in by a hook on the
  published site) gets the comment's argument as its text (`site_name`, with the full argument as its id when
  attr_list is on), or the next heading's text: a heading never comes out empty.

Warnings are collected per conversion in `md.rl_notes` as (code, message, needle); the renderer turns them into
Problems with the line of `needle` in the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

Note = tuple[str, str, str]  # (problem code, message, text to find the line by)

# --- alerts and ::: blocks -----------------------------------------------------------------------------------
ALERT_KINDS = {"note": "note", "tip": "tip", "important": "important", "warning": "warning", "caution": "caution"}
_ALERT_START = re.compile(r"^[ ]{0,3}>[ ]?\[!(?P<kind>[A-Za-z]+)\][ \t]*(?P<rest>.*)$")
_QUOTE_PREFIX = re.compile(r"^[ ]{0,3}>[ ]?")
COLON_KINDS = {"note": "note", "tip": "tip", "info": "info", "warning": "warning", "danger": "danger",
               "caution": "caution", "important": "important", "success": "success", "example": "example"}
_COLON_START = re.compile(
    r"^[ ]{0,3}(?P<fence>:{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)[ \t]*(?:\[(?P<bracket>[^\]\n]*)\]|(?P<title>[^\n]*?))"
    r"[ \t]*$"
)


def _admonition(parent: etree.Element, kind: str, title: str | None) -> etree.Element:
    div = etree.SubElement(parent, "div", {"class": f"admonition {kind}"})
    heading = etree.SubElement(div, "p", {"class": "admonition-title"})
    heading.text = title or kind.capitalize()  # the renderer puts a default title into the reader's language
    return div


class AlertProcessor(BlockProcessor):
    """`> [!NOTE]` as the first line of a block quote: an admonition with the quote's content."""

    def test(self, parent: etree.Element, block: str) -> bool:
        m = _ALERT_START.match(block.split("\n", 1)[0])
        return m is not None and m.group("kind").lower() in ALERT_KINDS

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        m = _ALERT_START.match(lines[0])
        assert m is not None  # test() matched this line
        body = [m.group("rest")] if m.group("rest") else []
        body += [_QUOTE_PREFIX.sub("", line, count=1) for line in lines[1:]]
        div = _admonition(parent, ALERT_KINDS[m.group("kind").lower()], None)
        self.parser.parseChunk(div, "\n".join(body))


class ColonBlockProcessor(BlockProcessor):
    """`:::kind [title]` ... `:::` (the same number of colons), across blank lines, nested blocks allowed."""

    def test(self, parent: etree.Element, block: str) -> bool:
        m = _COLON_START.match(block.split("\n", 1)[0])
        return m is not None and m.group("kind").lower() in COLON_KINDS

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        m = _COLON_START.match(lines[0])
        assert m is not None  # test() matched this line
        fence = m.group("fence")
        body: list[str] = []
        depth, closed = 0, False
        pending = lines[1:]
        while True:
            for i, line in enumerate(pending):
                stripped = line.strip()
                opened = _COLON_START.match(line)
                if opened is not None and opened.group("fence") == fence:
                    depth += 1
                elif stripped == fence:
                    if depth == 0:
                        closed = True
                        rest = pending[i + 1:]
                        if rest:
                            blocks.insert(0, "\n".join(rest))
                        break
                    depth -= 1
                body.append(line)
            if closed or not blocks:
                break
            body.append("")  # the blank line between two blocks
            pending = blocks.pop(0).split("\n")
        title = (m.group("bracket") or m.group("title") or "").strip() or None
        div = _admonition(parent, COLON_KINDS[m.group("kind").lower()], title)
        self.parser.parseChunk(div, "\n".join(body))


# --- template tags -------------------------------------------------------------------------------------------
TEMPLATE_TAG = r"\{%-?.{0,2000}?-?%\}|\{\{.{0,2000}?\}\}"
_EMPTIED = "rl-template-emptied"


class TemplateTagPattern(InlineProcessor):
    def __init__(self, pattern: str, md: markdown.Markdown, notes: list[Note]) -> None:
        super().__init__(pattern, md)
        self.notes = notes

    def handleMatch(  # type: ignore[override]  # the stubs type InlineProcessor's hook as Pattern's
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        tag = m.group(0)
        shown = " ".join(tag.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        self.notes.append((
            "template-tag",
            f"The template tag {shown} cannot be run by the reader (it needs MkDocs' Jinja or a plugin); "
            "it is left out of the page.",
            tag.split("\n", 1)[0],
        ))
        return _EMPTIED, m.start(0), m.end(0)


class DropEmptiedParagraphs(Treeprocessor):
    """A paragraph that held only template tags is gone with them, not left as an empty box."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.text and _EMPTIED in child.text:
                    child.text = child.text.replace(_EMPTIED, "")
                if child.tail and _EMPTIED in child.tail:
                    child.tail = child.tail.replace(_EMPTIED, "")
                if child.tag == "p" and not len(child) and not (child.text or "").strip():
                    tail = child.tail
                    parent.remove(child)
                    if tail and tail.strip():
                        parent.text = (parent.text or "") + tail
            if parent.text and _EMPTIED in parent.text:
                parent.text = parent.text.replace(_EMPTIED, "")


# --- headings made of a comment ------------------------------------------------------------------------------
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{[^}\n]*\}[ \t]*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"^[A-Za-z][\w-]*:[A-Za-z][\w-]*$")  # `md:setting`: a hook's shortcode name
_ID = re.compile(r"^[A-Za-z][\w.:+-]*$")


def comment_heading_text(comment: str) -> tuple[str, str | None]:
    """(text, id or None) for a heading made of `<!-- comment -->`; text may be "" (use the next heading's)."""
    words = comment.split()
    if words and _DIRECTIVE.match(words[0]):
        if len(words) == 1:  # `md:feature`: the shortcode's own name reads better than the next heading's text
            return words[0].split(":", 1)[1].replace("_", " ").replace("-", " ").capitalize(), None
        words = words[1:]
    if len(words) == 1 and _ID.match(words[0]) and re.search(r"[.:]", words[0]):
        # `config.site_name` -> `site_name`, as the setting is called where it is written
        return re.split(r"[.:]", words[0])[-1], words[0]
    return " ".join(words), None


class CommentHeadingPreprocessor(Preprocessor):
    def __init__(self, md: markdown.Markdown, attr_list: bool) -> None:
        super().__init__(md)
        self.attr_list = attr_list

    def run(self, lines: list[str]) -> list[str]:
        if not any("<!--" in line for line in lines):
            return lines
        out = list(lines)
        for i, line in enumerate(lines):
            m = _HEADING.match(line) if "<!--" in line else None
            if m is None:
                continue
            text = m.group("text")
            attrs_m = _ATTRS.search(text)
            attrs = attrs_m.group(0).strip() if attrs_m else ""
            inner = text[: attrs_m.start()] if attrs_m else text
            comments = _COMMENT.findall(inner)
            if not comments or _COMMENT.sub("", inner).strip():
                continue  # the heading has text of its own
            words, anchor = comment_heading_text(" ".join(comments))
            if not words:
                words = next((h.group("text") for h in map(_HEADING.match, lines[i + 1:]) if h is not None
                              and not _COMMENT.search(h.group("text"))), "") or " ".join(comments).strip()
            if anchor and self.attr_list and "#" not in attrs:
                attrs = "{ #" + anchor + (" " + attrs[1:-1].strip() if attrs else "") + " }"
            out[i] = f"{m.group('hashes')} {words}" + (f" {attrs}" if attrs else "")
        return out


# --- the extension -------------------------------------------------------------------------------------------
class HookEquivalentsExtension(markdown.Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"attr_list": [False, "attr_list is on: a comment heading may carry its argument as id"]}
        super().__init__(**kwargs)
        self.notes: list[Note] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        md.rl_notes = self.notes  # type: ignore[attr-defined]  # read by the renderer after convert()
        # After fenced code is stashed (25) and raw HTML blocks (20): code is never touched.
        md.preprocessors.register(CommentHeadingPreprocessor(md, bool(self.getConfig("attr_list"))),
                                  "rl_comment_headings", 19)
        # Alerts before block quotes (20); ::: before admonitions (105) and paragraphs.
        md.parser.blockprocessors.register(AlertProcessor(md.parser), "rl_alert", 21)
        md.parser.blockprocessors.register(ColonBlockProcessor(md.parser), "rl_colon_block", 106)
        # After code spans (190), before everything that could split a tag (escapes 180, emphasis...).
        md.inlinePatterns.register(TemplateTagPattern(TEMPLATE_TAG, md, self.notes), "rl_template_tag", 185)
        md.treeprocessors.register(DropEmptiedParagraphs(md), "rl_drop_emptied", 19)

    def reset(self) -> None:
        self.notes.clear()
