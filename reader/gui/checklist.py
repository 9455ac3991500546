"""Checklists in pages: task list checkboxes become clickable, their ticks are saved per page and item.

The page runs no corpus JavaScript. The app injects `resources/js/checklist.js` (with Qt's qwebchannel.js in
front) into the ApplicationWorld; that script asks the `rlChecklist` object on the page's QWebChannel for the saved
ticks and reports every click back. Nothing is fetched over the network: qwebchannel.js is read from Qt's resources.

Items are keyed by their text (reader.core.userdata.item_keys), so ticks survive new editions as long as the text
of an item stays the same.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from reader.core.fileio import atomic_write_text
from reader.core.links import parse_reader_url
from reader.gui.checklist_script import checklist_script_source, insert_checklist_script
from reader.gui.messages import describe

if TYPE_CHECKING:  # QtWidgets is loaded when a dialog is shown; the store when a page has a checklist
    from PySide6.QtWidgets import QWidget

    from reader.core.userdata import UserData

log = logging.getLogger("reader.checklist")

OBJECT_NAME = "rlChecklist"
WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
MAX_ITEMS = 5000  # a page with more checkboxes than this is not a checklist we save

ChecklistTexts = Callable[[str], "Sequence[str] | None"]


# After a language switch: the progress line of a page already shown takes the new template. checklist.js keeps
# the template it got from page_ready in a closure and offers no way to change it, so the line is rewritten from its
# data-done/data-total attributes, now and (through a MutationObserver) after every later update the script makes.
# Any error note (a span after the text) is left as it is.
RETEMPLATE_JS = """(function (template) {
  window.rlChecklistTemplate = template;
  var p = document.querySelector("p.rl-checklist-progress");
  if (!p) return false;
  function render() {
    var text = window.rlChecklistTemplate.replace("%1", p.getAttribute("data-done") || "0")
                                         .replace("%2", p.getAttribute("data-total") || "0");
    var first = p.firstChild;
    if (first && first.nodeType === 3) { if (first.nodeValue !== text) first.nodeValue = text; }
    else p.insertBefore(document.createTextNode(text), first);
  }
  if (!p.rlRetemplated) {
    p.rlRetemplated = true;
    new MutationObserver(render).observe(p, {childList: true, characterData: true, subtree: true});
  }
  render();
  return true;
})(TEMPLATE)"""


class _PageState:
    __slots__ = ("keys", "texts")

    def __init__(self, keys: list[str], texts: list[str]) -> None:
        self.keys = keys
        self.texts = texts


class ChecklistBridge(QObject):
    """The object the page script talks to. Slots take and return JSON text (QWebChannel's safest currency)."""

    def __init__(self, controller: "ChecklistController") -> None:
        super().__init__(controller)
        self._controller = controller

    @Slot(str, result=str)
    def page_ready(self, payload: str) -> str:  # called from resources/js/checklist.js
        return json.dumps(self._controller._page_ready(_decode(payload)), ensure_ascii=False)

    @Slot(str, result=str)
    def toggled(self, payload: str) -> str:
        return json.dumps(self._controller._toggled(_decode(payload)), ensure_ascii=False)


def _decode(payload: str) -> dict[str, Any]:
    try:
        data = json.loads(payload) if len(payload) < 5_000_000 else None
    except ValueError:
        data = None
    return data if isinstance(data, dict) else {}


class ChecklistController(QObject):
    """Saves and restores checklist ticks for the pages it is attached to.

    `checklist_texts(page_id)` gives the item texts as the open edition has them (PageInfo.checklist); without
    it (or when it does not match the page) the texts the script read from the page are used.
    """

    progress_changed = Signal(str, int, int)  # page id, done, total: on every page shown and every tick
    ticked = Signal(str, int, int)  # the same, only when the reader ticked or unticked an item
    save_failed = Signal(str)  # why a tick could not be saved (read-only profile, disk full ...)

    def __init__(
        self,
        userdata: UserData,
        checklist_texts: ChecklistTexts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.userdata = userdata
        self._checklist_texts = checklist_texts
        self._pages: dict[str, _PageState] = {}
        self.bridge = ChecklistBridge(self)
        self._script_source: str | None = None
        self._attached: list[QWebEnginePage] = []  # pages whose progress line follows a language switch

    # -- wiring -------------------------------------------------------------------------------------------------

    def set_checklist_texts(self, checklist_texts: ChecklistTexts) -> None:
        """The window's texts, once it exists (the first page's controller is made before it: firstpage.py)."""
        self._checklist_texts = checklist_texts

    def attach(self, page: QWebEnginePage, channel: QWebChannel | None = None) -> QWebChannel:
        """Inject the script into `page` and register the bridge on its web channel (the page's own if it has one,
        else `channel`, else a new one installed for the ApplicationWorld). Call before the first load; several
        pages may share one controller. Returns the channel (pass it to other app scripts' objects)."""
        if channel is None:
            channel = page.webChannel()
        if channel is None:
            channel = QWebChannel(page)
        if self.bridge not in channel.registeredObjects():
            channel.registerObject(OBJECT_NAME, self.bridge)
        if page.webChannel() is not channel:
            page.setWebChannel(channel, WORLD)

        if self._script_source is None:
            self._script_source = checklist_script_source()
        insert_checklist_script(page, self._script_source)
        if page not in self._attached:
            self._attached.append(page)
            page.destroyed.connect(lambda _obj=None, p=page: self._forget(p))
        return channel

    def _forget(self, page: QWebEnginePage) -> None:
        self._attached = [p for p in self._attached if p is not page]

    # -- language -----------------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # A widget passes LanguageChange on to its child objects: a controller owned by the window gets it here.
        if event.type() == QEvent.Type.LanguageChange:
            try:
                self.retranslate_pages()
            except Exception:  # an exception escaping a Qt virtual takes the process down (PySide 6.12)
                log.exception("checklist progress not retranslated")
        return super().event(event)

    def retranslate_pages(self) -> None:
        """Put the progress line of every attached page in the current language (pages loaded later get it from
        page_ready)."""
        template = json.dumps(self.tr("%1 van %2 gedaan"), ensure_ascii=False)
        script = RETEMPLATE_JS.replace("(TEMPLATE)", f"({template})")
        for page in list(self._attached):
            try:
                page.runJavaScript(script, WORLD)
            except RuntimeError:  # the page is already gone on the C++ side
                self._forget(page)

    # -- what the page script calls -----------------------------------------------------------------------------

    def _page_id(self, data: dict[str, Any]) -> str | None:
        # The URL is the page's identity; data-page is only a fallback for documents not served as reader URLs.
        target = parse_reader_url(str(data.get("url", "")))
        if target is not None and target.kind == "page" and target.path:
            return target.path
        page = data.get("page")
        return page if isinstance(page, str) and page and len(page) < 1000 else None

    def _page_ready(self, data: dict[str, Any]) -> dict[str, Any]:
        page_id = self._page_id(data)
        dom_texts = data.get("texts")
        defaults = data.get("defaults")
        if page_id is None or not isinstance(dom_texts, list) or len(dom_texts) > MAX_ITEMS:
            return {"checked": [], "error": self.tr("Deze checklist kan niet worden bewaard.")}
        dom_texts = [str(t)[:2000] for t in dom_texts]
        if not isinstance(defaults, list) or len(defaults) != len(dom_texts):
            defaults = [False] * len(dom_texts)
        texts = dom_texts
        if self._checklist_texts is not None:
            edition_texts = self._checklist_texts(page_id)
            if edition_texts is not None and len(edition_texts) == len(dom_texts):
                texts = list(edition_texts)
        from reader.core.userdata import item_keys  # the store's package: not before the first page needs it

        keys = item_keys(texts)
        self._pages[page_id] = _PageState(keys, texts)
        state = self.userdata.state(page_id)
        checked = [state.get(k, bool(d)) for k, d in zip(keys, defaults, strict=True)]  # lengths agree (above)
        self.progress_changed.emit(page_id, sum(checked), len(checked))
        reply: dict[str, Any] = {"checked": checked, "template": self.tr("%1 van %2 gedaan")}
        if self.userdata.read_only_error is not None:
            reply["error"] = self.tr("(wordt niet bewaard: %1)").replace("%1", describe(self.userdata.read_only_error))
        return reply

    def _toggled(self, data: dict[str, Any]) -> dict[str, Any]:
        page_id = self._page_id(data)
        index = data.get("index")
        checked = data.get("checked")
        page = self._pages.get(page_id) if page_id is not None else None
        if page_id is None or page is None or not isinstance(index, int) or not 0 <= index < len(page.keys):
            return {"ok": False, "error": self.tr("Onbekend checklistitem.")}
        if not isinstance(checked, bool):
            return {"ok": False, "error": self.tr("Onbekend checklistitem.")}
        from reader.core.userdata import ReadOnlyError, UserDataError

        try:
            self.userdata.set_item(page_id, page.keys[index], checked, page.texts[index])
        except UserDataError as err:
            message = (self.tr("Niet bewaard: %1") if not isinstance(err, ReadOnlyError)
                       else self.tr("Niet bewaard (alleen lezen): %1")).replace("%1", describe(err))
            log.warning("checklist tick not saved: %s", err)
            self.save_failed.emit(message)
            return {"ok": False, "error": message}
        done, total = self.progress(page_id)
        self.progress_changed.emit(page_id, done, total)
        self.ticked.emit(page_id, done, total)
        return {"ok": True, "done": done, "total": total}

    # -- for the window -----------------------------------------------------------------------------------------

    def texts(self, page_id: str) -> list[str] | None:
        """The item texts of a page, as last shown (or from the edition)."""
        page = self._pages.get(page_id)
        if page is not None:
            return list(page.texts)
        if self._checklist_texts is not None:
            texts = self._checklist_texts(page_id)
            return list(texts) if texts is not None else None
        return None

    def progress(self, page_id: str) -> tuple[int, int]:
        texts = self.texts(page_id)
        if texts is None:
            return 0, 0
        from reader.core.userdata import item_keys

        state = self.userdata.state(page_id)
        return sum(1 for k in item_keys(texts) if state.get(k)), len(texts)

    def progress_text(self, page_id: str) -> str:
        done, total = self.progress(page_id)
        return self.tr("%1 van %2 gedaan").replace("%1", str(done)).replace("%2", str(total)) if total else ""

    def report(self, page_id: str, fmt: str = "markdown", *, title: str = "") -> str:
        return self.userdata.report(page_id, self.texts(page_id), title=title, fmt=fmt)

    def export_report(self, page_id: str, path: str | Path, fmt: str | None = None, *, title: str = "") -> Path:
        """Write the page's checklist report atomically; the format follows the suffix (.csv, else Markdown)."""
        path = Path(path)
        fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "markdown")
        return atomic_write_text(path, self.report(page_id, fmt, title=title))

    def ask_export_report(self, parent: QWidget | None, page_id: str, title: str = "") -> Path | None:
        """A save dialog for the page's checklist report (Markdown or CSV). Returns the file written, or None."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        md_filter = self.tr("Markdown (*.md)")
        csv_filter = self.tr("CSV voor spreadsheets (*.csv)")
        stem = (page_id.replace("/", "-") or "checklist") + "-checklist"
        path, chosen = QFileDialog.getSaveFileName(parent, self.tr("Checklist exporteren"), stem + ".md",
                                                   f"{md_filter};;{csv_filter}")
        if not path:
            return None
        fmt = "csv" if chosen == csv_filter or path.lower().endswith(".csv") else "markdown"
        try:
            return self.export_report(page_id, path, fmt, title=title)
        except OSError as err:
            QMessageBox.warning(parent, self.tr("Checklist exporteren"),
                                self.tr("Het bestand kan niet worden geschreven: %1").replace("%1", str(err)))
            return None

