"""Material's `<!-- md:... -->` shortcodes as small badges, done by the reader itself (the hook never runs).

Material's documentation writes `<!-- md:version 4.2.1 -->`, `<!-- md:default `true` -->`, `<!-- md:flag
experimental -->`, `<!-- md:plugin [search] -->`, `<!-- md:option mode:search -->`... and a hook of its own
(`hooks: [.../shortcodes.py]` in mkdocs.yml) turns them into badges on the published site. Without that hook they are
plain HTML comments and MkDocs shows nothing, so the reader turns them into badges only when the corpus declares a
hook that defines them (reader.core.corpus.extensions reads the hook's file as text, never runs it, and adds
`SHORTCODES_EXTENSION` to the corpus's Markdown settings); any other corpus keeps its comments as comments.

A badge is `<span class="rl-md-badge rl-md-badge-KIND"><span class="rl-md-badge-label">Label</span> text</span>`:
the label is the hook's own wording (English, as the corpus that uses these is), the text is the shortcode's argument
with `<`, `>` and `&` escaped outside code spans (bare `<code>`, `<kbd>`, `<em>`... tags and character entities
kept), so Markdown in it (code, reference links) still renders and no other markup of the corpus gets in (the
sanitizer still runs after Markdown). `md:option` and `md:setting` become the option's name as code with the
argument as its id (the hook makes it an anchor), so links to `#+mode:search` land. A heading made only of comments
is left to the comment-heading rule (hook_equivalents); an unknown shortcode stays a comment, with a `check`
warning.
"""

from __future__ import annotations

import html
import re
from typing import Any

import markdown
from markdown.extensions.toc import TocTreeprocessor
from markdown.preprocessors import Preprocessor

from reader.core.render.hook_equivalents import Note

SHORTCODES_EXTENSION = "reader.md_shortcodes"  # the pseudo-extension name in MarkdownSettings.extensions
SHORTCODE_HOOK_MARK = "<!-- md:"  # a declared hook whose source holds this defines the shortcodes
# The hook's own pattern, except that a code span in the argument (`<!-- more -->`) cannot end the comment.
SHORTCODE = re.compile(r"<!-- md:(\w+)((?:`[^`\n]*`|.)*?) -->", re.I)
_HEADING = re.compile(r"^#{1,6}[ \t]")
_ONLY_COMMENTS = re.compile(r"^#{1,6}[ \t]+(?:<!--.*?-->[ \t]*)+(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_COMMENT = re.compile(r"<!--.*?-->")
_HEADING_PARTS = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?P<attrs>\{[^}\n]*\})?[ \t]*#*[ \t]*$")
_KEPT = re.compile(
    r"</?(?:code|kbd|em|strong|b|i|sub|sup|mark)>|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});"
)

_FLAGS = {
    "experimental": "Experimental", "required": "Required", "customization": "Customization",
    "metadata": "Metadata property", "multiple": "Multiple instances",
}
_LABELS = {
    "feature": "Optional feature", "plugin": "Plugin", "extension": "Markdown extension", "utility": "Utility",
    "example": "Example", "demo": "Demo", "sponsors": "Sponsors",
}


def _escape_plain(text: str) -> str:
    """Markup escaped, except a few bare inline tags (`<code>`, `<kbd>`, `<em>`...) and character entities, which
    authors write in shortcode arguments (`<!-- md:default <code>&lt;!-- meer --&gt;</code> -->`)."""
    out: list[str] = []
    last = 0
    for match in _KEPT.finditer(text):
        out.append(html.escape(text[last:match.start()], quote=False))
        out.append(match.group(0))
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def _escaped(text: str) -> str:
    """`text` escaped outside code spans (Markdown escapes those itself), so no markup of the corpus gets in."""
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_escape_plain(text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _badge(kind: str, label: str, text: str = "") -> str:
    body = f'<span class="rl-md-badge-label">{html.escape(label)}</span>'
    if text:
        body += " " + _escaped(text)
    return f'<span class="rl-md-badge rl-md-badge-{kind}">{body}</span>'


def _anchor(kind: str, argument: str, split: str) -> str | None:
    """`md:option a.b:c` / `md:setting config.site_name`: the name as code, the argument as its id."""
    if not re.fullmatch(r"[\w.:+*-]+", argument):
        return None
    name = re.split(split, argument)[-1] or argument
    anchor = ("+" if kind == "option" else "") + argument
    return f'<code class="rl-md-{kind}" id="{html.escape(anchor)}">{html.escape(name)}</code>'


def render_shortcode(kind: str, args: str) -> str | None:
    """The HTML for one shortcode (None: the reader does not know it; it stays a comment)."""
    kind = kind.lower()
    args = args.strip()
    if kind == "version":
        if args.startswith("insiders-"):
            return _badge("insiders", "Insiders", args.removeprefix("insiders-"))
        return _badge("version", "Version", args)
    if kind == "default":
        if args in ("none", "computed"):
            return _badge("default", "Default", {"none": "none", "computed": "computed"}[args])
        return _badge("default", "Default", args)
    if kind == "flag":
        flag = args.split(" ", 1)[0]
        return _badge("flag", _FLAGS[flag]) if flag in _FLAGS else None
    if kind in ("option", "setting"):
        return _anchor(kind, args, r"[.:]" if kind == "option" else r"[.*]")
    if kind in _LABELS:
        return _badge(kind, _LABELS[kind], args)
    return None


class ShortcodePreprocessor(Preprocessor):
    """Replaces each shortcode in the page's lines (fenced code is already stashed: code is never touched)."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("<!-- md:" in line.lower() for line in lines):
            return lines
        notes: list[Note] = getattr(self.md, "rl_notes", [])
        out: list[str] = []
        for line in lines:
            if "<!--" not in line or (_HEADING.match(line) and _ONLY_COMMENTS.match(line)):
                out.append(line)  # a heading of comments only: its text comes from the comment-heading rule
                continue
            if _HEADING.match(line) and SHORTCODE.search(line):
                kept = self._heading_id(line)
                if kept is None:
                    out.append(line)  # no attr_list to keep the heading's id: the comments stay comments
                    continue
                line = kept

            def replace(match: re.Match[str]) -> str:
                rendered = render_shortcode(match.group(1), match.group(2))
                if rendered is None:
                    notes.append(("md-shortcode-unknown",
                                  f"The shortcode {match.group(0)[:60]} is not one the reader knows; it stays an "
                                  "HTML comment and shows nothing.", match.group(0)))
                    return match.group(0)
                return rendered

            out.append(SHORTCODE.sub(replace, line))
        return out

    def _heading_id(self, line: str) -> str | None:
        """The heading with the id it has without its badges (`### <!-- md:version --> – Version` keeps the id
        `version`, which links use: the badge's label must not enter the slug), or None without attr_list."""
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        match = _HEADING_PARTS.match(line)
        if not isinstance(toc, TocTreeprocessor) or match is None or "attr_list" not in self.md.treeprocessors:
            return None
        text, attrs = match.group("text"), match.group("attrs") or ""
        if re.search(r"#[\w-]", attrs):
            return line  # an id of its own
        plain = _COMMENT.sub("", text).strip()
        slug = toc.slugify(html.unescape(plain), toc.sep) if plain else ""
        if not slug:
            return line
        inner = attrs.strip()[1:-1].strip() if attrs else ""
        return f"{match.group('hashes')} {text.strip()} {{ #{slug}{' ' + inner if inner else ''} }}"


class ShortcodeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # After fenced code is stashed (25), before raw HTML blocks are (20): a comment on a line of its own would
        # be stashed as HTML; before the comment-heading rule (19).
        md.preprocessors.register(ShortcodePreprocessor(md), "rl_md_shortcodes", 22)


def make_extension(**kwargs: Any) -> ShortcodeExtension:
    return ShortcodeExtension(**kwargs)
