"""Math (`pymdownx.arithmatex`) typeset at build time as MathML, which the page's Chromium renders without script.

Arithmatex runs in its `generic` mode (TeX kept between `\\(`/`\\)` or `\\[`/`\\]` in a span or div with class
`arithmatex`); a postprocessor converts each to MathML with latex2mathml. TeX the converter cannot read, or that would
come out as raw commands, is shown as its source in a labelled code block. The MathML, like all other output, then
goes through the sanitizer's allowlist (render.sanitize: MathML elements and their presentation attributes only).
"""

from __future__ import annotations

import html
import logging
import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.postprocessors import Postprocessor
from markdown.util import AtomicString

log = logging.getLogger("reader.render")

MATH_LABEL = "Formule (TeX-broncode)"
_INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.S)
_RAW_COMMAND = re.compile(r">\\[A-Za-z]+<")  # latex2mathml keeps a command it does not know as text
MAX_TEX = 20_000  # a formula longer than this is shown as source (the converter is quadratic on some input)


def tex_to_mathml(tex: str, block: bool) -> str | None:
    """MathML for `tex`, or None when it cannot be typeset faithfully."""
    if not tex.strip() or len(tex) > MAX_TEX:
        return None
    from latex2mathml.converter import convert  # imported on first use: a build without math never pays for it

    try:
        mathml = convert(tex.strip(), display="block" if block else "inline")
    except Exception as exc:  # the converter raises many kinds (its own, IndexError, KeyError...) on bad TeX
        log.debug("TeX not typeset (%s: %s): %.80s", type(exc).__name__, exc, tex)
        return None
    if _RAW_COMMAND.search(mathml):
        return None
    return mathml


def math_html(tex: str, block: bool) -> str:
    mathml = tex_to_mathml(tex, block)
    if block:
        if mathml is not None:
            return f'<div class="rl-math rl-math-block">{mathml}</div>'
        return (
            f'<figure class="rl-math-source"><figcaption>{MATH_LABEL}</figcaption>'
            f'<pre><code class="language-latex">{html.escape(tex.strip())}</code></pre></figure>'
        )
    if mathml is not None:
        return f'<span class="rl-math">{mathml}</span>'
    return f'<code class="rl-math-source language-latex" title="{MATH_LABEL}">{html.escape(tex.strip())}</code>'


class MathPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        if "arithmatex" not in text:
            return text
        text = _BLOCK.sub(lambda m: math_html(html.unescape(m.group("tex")), True), text)
        return _INLINE.sub(lambda m: math_html(html.unescape(m.group("tex")), False), text)


class MathExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After raw HTML is put back (30) and entities restored (10): the TeX is final text by then.
        md.postprocessors.register(MathPostprocessor(md), "rl_math", 5)


def fence_math_format(source: str, language: str, css_class: str, options: dict[str, Any], md: markdown.Markdown,
                      **kwargs: Any) -> str:
    """A ```` ```math ```` fence (superfences custom fence): a display formula, typeset by the postprocessor."""
    return f'<div class="arithmatex">\\[{html.escape(source)}\\]</div>'


def inline_math_format(source: str, language: str, css_class: str, md: markdown.Markdown) -> etree.Element:
    """`` `#!math x^2` `` (inlinehilite custom inline): an inline formula, typeset by the postprocessor."""
    el = etree.Element("span", {"class": "arithmatex"})
    el.text = AtomicString(f"\\({source}\\)")
    return el
