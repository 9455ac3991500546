"""Cite what you read: "Citeer deze passage" copies the selected text (or a section's text) with its source, as plain
text and as HTML with a link, ready for a memo; "Open op de website" opens the section's public address in the
system browser after the usual confirmation.

The words of the citation are ours (translated here); its shape is reader.core.citation's. The text comes from the
page itself (its selection, or the blocks under a heading), read in the app's isolated script world.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineCore import QWebEngineScript

from reader.core.citation import Citation, CitationSource, CitationWords, format_citation, site_of

if TYPE_CHECKING:
    from reader.core.edition import Edition
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger("reader.cite")

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

# Shared by both scripts: the article's headings with an id, and the one a node comes after.
_HEADINGS_JS = r"""
  var root = document.querySelector("article") || document.body;
  var heads = Array.prototype.slice.call(root.querySelectorAll("h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]"));
  function level(el) { return /^H[1-6]$/.test(el.tagName) ? +el.tagName[1] : 0; }
  function headingBefore(node) {
    var found = null;
    heads.forEach(function (h) {
      if (h === node || (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) found = h;
    });
    return found;
  }
"""

# The selection and the heading it starts under: {"text", "anchor"}.
SELECTION_JS = "(function () {" + _HEADINGS_JS + r"""
  var sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return JSON.stringify({text: "", anchor: ""});
  var h = headingBefore(sel.getRangeAt(0).startContainer);
  return JSON.stringify({text: sel.toString(), anchor: h ? h.id : ""});
})()"""

# The text of the section under heading `anchor`: the blocks after it up to the next heading of its level or
# higher; for the page's title heading (or no heading) the opening, up to the first heading.
SECTION_JS = "(function (anchor) {" + _HEADINGS_JS + r"""
  var h = anchor ? document.getElementById(anchor) : null;
  var top = !h || level(h) === 1;
  var start = h || (heads[0] && level(heads[0]) === 1 ? heads[0] : null);
  var parts = [];
  var el = start ? start.nextElementSibling : root.firstElementChild;
  for (; el; el = el.nextElementSibling) {
    var l = level(el);
    if (l && (top || l <= level(h))) break;
    if (el.classList.contains("rl-print-footer")) continue;
    var text = el.innerText;
    if (text && text.trim()) parts.push(text);
  }
  return JSON.stringify({text: parts.join("\n"), anchor: h && !top ? h.id : ""});
})(%s)"""


def words() -> CitationWords:
    return CitationWords(
        source=QCoreApplication.translate("Cite", "Bron"),
        edition=QCoreApplication.translate("Cite", "editie van %1").replace("%1", "{date}"),
    )


def _top_heading(edition: Edition, page_id: str, anchor: str) -> bool:
    info = edition.pages.get(page_id)
    return bool(info and info.headings and info.headings[0][0] == 1 and info.headings[0][2] == anchor)


def source_for(edition: Edition, page_id: str, anchor: str | None) -> CitationSource:
    """The corpus, page, section heading, edition date and public address of `anchor` on page `page_id`."""
    info = edition.pages.get(page_id)
    anchor = anchor or ""
    if anchor and _top_heading(edition, page_id, anchor):
        anchor = ""  # the title heading stands for the page
    section = ""
    if info is not None and anchor:
        section = next((text for _level, text, a in info.headings if a == anchor), "")
        if not section:
            anchor = ""  # not a heading of this page: cite the page
    url = ""
    if info is not None:
        paths = {p.path for p in edition.pages.values()}
        url = site_of(edition.manifest).page_url(info.path, anchor, paths)
    return CitationSource(
        corpus=edition.title,
        page=info.title if info is not None else page_id,
        section=section,
        edition_date=edition.edition_date,
        organisation=edition.organisation,
        url=url,
    )


def public_url(window: MainWindow, anchor: str | None = None) -> str:
    """The public address of the current page's section `anchor` (default: the section being read), or ""."""
    page_id = window.current_page_id()
    if not page_id:
        return ""
    return source_for(window.edition, page_id, anchor if anchor is not None else window.current_anchor).url


def copy_citation(window: MainWindow, passage: str, anchor: str | None) -> Citation | None:
    """Put `passage` with its source on the clipboard (text and HTML) and say so."""
    page_id = window.current_page_id()
    if not page_id:
        return None
    source = source_for(window.edition, page_id, anchor)
    citation = format_citation(passage, source, words())
    data = QMimeData()
    data.setText(citation.text)
    data.setHtml(citation.html)
    QGuiApplication.clipboard().setMimeData(data)
    label = source.page + (f" \u2014 {source.section}" if source.section else "")
    message = QCoreApplication.translate("Cite", "Citaat gekopieerd: %1").replace("%1", label)
    window.feedback.showMessage(message, 4000)
    return citation


def _decoded(result: object) -> tuple[str, str]:
    try:
        data = json.loads(result) if isinstance(result, str) else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        return "", ""
    return str(data.get("text") or ""), str(data.get("anchor") or "")


def cite_selection(window: MainWindow, fallback_text: str = "") -> None:
    """The selection with the section it starts in (the text Chromium reported, if the page has none now)."""
    page_id = window.current_page_id()

    def got(result: object) -> None:
        if window.current_page_id() != page_id:
            return  # the page changed meanwhile
        text, anchor = _decoded(result)
        copy_citation(window, text or fallback_text, anchor or window.current_anchor)

    window.page.runJavaScript(SELECTION_JS, WORLD, got)


def cite_section(window: MainWindow, anchor: str | None = None) -> None:
    """The text of section `anchor` (default: the one being read) with its source."""
    page_id = window.current_page_id()
    anchor = anchor if anchor is not None else (window.current_anchor or "")

    def got(result: object) -> None:
        if window.current_page_id() != page_id:
            return
        text, found = _decoded(result)
        copy_citation(window, text, found or anchor)

    window.page.runJavaScript(SECTION_JS % json.dumps(anchor), WORLD, got)


def open_on_website(window: MainWindow, anchor: str | None = None) -> bool:
    """The section's public address in the system browser, after the external-link confirmation."""
    url = public_url(window, anchor)
    if not url:
        return False
    return window.confirm_external_link(QUrl(url))
