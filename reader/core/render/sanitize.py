"""The allowlist every rendered page passes through (nh3 / ammonia) before the reader touches it further.

Policy, in one place:
- only document elements survive; `script`, `style`, `form` and other active or embedding elements are removed
  together with their content (a form's options or a script's source are not text for a reader);
- no event handlers or other unlisted attributes; `style` survives only as `display: none` (so rendering can drop
  what the author hid) and rendering removes it afterwards, so no CSS from the corpus reaches the page;
- link URLs: relative, http(s), mailto, tel; image URLs also `data:` for raster types only;
- `input` only as the checkbox/radio that task lists and tabs use;
- MathML (the reader typesets math at build time, render/math.py): presentation elements and their layout
  attributes only; no `href`, no `annotation-xml` (it can carry HTML), no colours of the corpus's own;
- no element may carry an id the reader's own page frame or scripts look up (`RESERVED_IDS`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "button", "caption",
        "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd",
        "label", "li", "main", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
        "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "var", "wbr",
    }
)

MATHML_TAGS = frozenset(
    {
        "math", "menclose", "merror", "mfrac", "mi", "mmultiscripts", "mn", "mo", "mover", "mpadded", "mphantom",
        "mprescripts", "mroot", "mrow", "ms", "mspace", "msqrt", "mstyle", "msub", "msubsup", "msup", "mtable",
        "mtd", "mtext", "mtr", "munder", "munderover", "none", "semantics",
    }
)
MATHML_ATTRIBUTES = frozenset(
    {
        "accent", "accentunder", "columnalign", "columnlines", "columnspacing", "columnspan", "depth", "display",
        "displaystyle", "fence", "form", "frame", "height", "largeop", "linethickness", "lspace", "mathvariant",
        "maxsize", "minsize", "movablelimits", "notation", "rowalign", "rowlines", "rowspacing", "rowspan",
        "rspace", "scriptlevel", "separator", "stretchy", "symmetric", "voffset", "width",
    }
)

# Removed with everything inside them.
CLEAN_CONTENT_TAGS = frozenset(
    {
        "script", "style", "form", "select", "textarea", "template", "iframe", "object", "embed", "applet",
        "svg", "noembed", "noframes", "frameset", "frame", "title", "head", "audio", "video", "canvas",
        "datalist", "dialog", "portal", "option", "optgroup", "xmp", "plaintext",
    }
)

GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "style", "aria-label",
                                "aria-hidden", "aria-describedby", "aria-labelledby"})

ATTRIBUTES: dict[str, set[str]] = {
    "*": set(GENERIC_ATTRIBUTES),
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "abbr": set(),
    "time": {"datetime"},
    "button": {"disabled"},
    # The action-card placeholder reads these (see actioncards.py); tabbed sets carry data-tabs.
    "div": {"data-richtlijn", "data-fase", "data-tabs"},
    # data-linenos: a code line's number, shown by the stylesheet (pymdownx.highlight, pymdownx-inline style).
    "span": {"data-icon", "data-emoji", "data-linenos"},
    **{tag: set(MATHML_ATTRIBUTES) for tag in MATHML_TAGS},
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})
_RASTER_DATA = re.compile(r"^data:image/(png|jpeg|jpg|gif|webp|avif|bmp);base64,[A-Za-z0-9+/=\s]*$", re.I)
_HIDDEN_STYLE = re.compile(r"(^|;)\s*display\s*:\s*none\s*(!important)?\s*(;|$)", re.I)
_INPUT_TYPES = frozenset({"checkbox", "radio"})
# Ids the reader's page frame (render.page_document) and page script (resources/js/outline.js) use: a corpus
# element with one of them would be found instead of the reader's own (the print footer's CSS would replace its
# text). A heading that slugs to one of these simply loses its anchor.
RESERVED_IDS = frozenset({"rl-content", "rl-print-footer-style"})


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "id" and value.strip() in RESERVED_IDS:
        return None
    if attr == "style":
        # Keep only the fact that the author hid the element; rendering drops such elements and the attribute.
        return "display: none" if _HIDDEN_STYLE.search(value) else None
    if attr in ("href", "src"):
        if value.strip().lower().startswith("data:"):
            return value if tag == "img" and attr == "src" and _RASTER_DATA.match(value.strip()) else None
        return value
    if tag == "input" and attr == "type":
        return value.lower() if value.lower() in _INPUT_TYPES else None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS | MATHML_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        generic_attribute_prefixes=None,
    )


def sanitize_html(html: str) -> str:
    """The allowlisted form of `html`. (An `input` whose type was refused is removed by rendering.)"""
    return _cleaner().clean(html)
