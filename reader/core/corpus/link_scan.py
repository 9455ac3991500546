"""Links in Markdown source, found without rendering: code masked first, every pattern bounded."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every pattern below is bounded or anchored: a page is untrusted input, and an unbounded `[^x]*` scanned from each of
# many openers turns a 1 MB page into minutes of work.
_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_BACKTICKS = re.compile(r"`+")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_MD_LINK = re.compile(
    r"(?P<img>!?)\[(?:[^\[\]\n]|\[[^\[\]\n]{0,500}\]){0,500}\]"  # [text], one level of nested brackets
    r"\(\s*(?P<href><[^>\n]{0,2000}>|[^)\s]{1,2000})"  # (href or (<href>
    r"(?:\s+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^)\n]{0,500}\)))?\s*\)"  # optional "title", then )
)
_REF_DEF = re.compile(
    r"^[ \t]{0,3}\[(?!\^)[^\]\n]{1,500}\]:[ \t]*(?P<href><[^>\n]{0,2000}>|\S{1,2000})", re.MULTILINE
)
_HTML_ATTR = re.compile(
    r"""<(?P<tag>a|img|link|source|area)\b[^>]{0,1000}?"""
    r"""\b(?P<attr>href|src)\s*=\s*(?P<q>["'])(?P<href>[^"'\n]{0,2000})(?P=q)""",
    re.IGNORECASE,
)
_CODE_SPAN_LOOKAHEAD = 64  # backtick runs searched for a closer; a code span never crosses a blank line anyway


def mask_code(body: str) -> str:
    """`body` with fenced code, code spans, comments and scripts blanked (same length and newlines), so links and
    placeholders in them are ignored. Linear in the size of the body, whatever it holds."""
    if "`" not in body and "~" not in body and "<" not in body:
        return body
    spans: list[tuple[int, int]] = []
    # Fenced blocks, line by line: a fence closes with the same character, at least as long, and nothing after it.
    offset = 0
    open_fence: tuple[str, int, int] | None = None  # (char, length, start offset)
    for line in body.split("\n"):
        if "`" in line or "~" in line:
            match = _FENCE_LINE.match(line)
            if match:
                run = match.group(1)
                if open_fence is None:
                    open_fence = (run[0], len(run), offset)
                elif run[0] == open_fence[0] and len(run) >= open_fence[1] and not match.group(2).strip():
                    spans.append((open_fence[2], offset + len(line)))
                    open_fence = None
        offset += len(line) + 1
    text = _blank(body, spans)
    spans = []
    # Comments and scripts: find the closer once; an unclosed one is left alone and ends the search.
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        spans.append((start, end + 3))
        position = end + 3
    if "<" in text:
        lowered = None
        scripts: list[tuple[int, int]] = []
        for match in _SCRIPT_OPEN.finditer(text):
            if scripts and match.start() < scripts[-1][1]:
                continue  # inside the previous script
            lowered = lowered if lowered is not None else text.lower()
            end = lowered.find("</" + match.group(1).lower(), match.end())
            if end == -1:
                break
            close = lowered.find(">", end)
            scripts.append((match.start(), (close + 1) if close != -1 else len(text)))
        spans = sorted(spans + scripts)
    text = _blank(text, spans)
    # Code spans: a run of n backticks closes at the next run of exactly n, within the same paragraph.
    if "`" in text:
        spans = []
        runs = list(_BACKTICKS.finditer(text))
        index = 0
        while index < len(runs):
            opener = runs[index]
            limit = text.find("\n\n", opener.end())
            limit = len(text) if limit == -1 else limit
            for ahead in range(index + 1, min(len(runs), index + 1 + _CODE_SPAN_LOOKAHEAD)):
                closer = runs[ahead]
                if closer.start() > limit:
                    break
                if len(closer.group()) == len(opener.group()):
                    spans.append((opener.start(), closer.end()))
                    index = ahead
                    break
            index += 1
        text = _blank(text, spans)
    return text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span replaced by spaces, newlines kept."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        if end <= last:
            continue
        start = max(start, last)  # overlapping spans (a comment inside a script) blank their union
        parts.append(text[last:start])
        chunk = text[start:end]
        parts.append("\n".join(" " * len(piece) for piece in chunk.split("\n")))
        last = end
    parts.append(text[last:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class RawLink:
    href: str
    offset: int
    image: bool


def body_links(body: str, masked: str | None = None) -> list[RawLink]:
    """Every link or image reference written in a Markdown body, outside code (`masked`: mask_code(body))."""
    masked = mask_code(body) if masked is None else masked
    found: list[RawLink] = []
    if "](" in masked:
        for m in _MD_LINK.finditer(masked):
            found.append(RawLink(m.group("href").strip("<>").strip(), m.start(), bool(m.group("img"))))
    if "]:" in masked:
        for m in _REF_DEF.finditer(masked):
            found.append(RawLink(m.group("href").strip("<>").strip(), m.start(), False))
    if "=" in masked and "<" in masked:
        for m in _HTML_ATTR.finditer(masked):
            found.append(RawLink(m.group("href").strip(), m.start(), m.group("attr").lower() == "src"))
    found.sort(key=lambda link: link.offset)
    return found
