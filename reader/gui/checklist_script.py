"""The checklist's page script: Qt's qwebchannel.js and resources/js/outline.js's neighbour checklist.js, and putting
it on a page. Apart from checklist.py (the controller, which needs the user data) so that the first page can carry
the script before the user data is even imported (firstpage.py)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from reader import paths

SCRIPT_NAME = "rl-checklist"
WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld


@lru_cache(maxsize=1)
def qwebchannel_source() -> str:
    """Qt's qwebchannel.js, from the Qt resource system (never fetched: the interceptor blocks all but rl:); read
    once per process."""
    f = QFile(":/qtwebchannel/qwebchannel.js")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from the Qt resources (PySide6.QtWebChannel not installed?)")
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()


def checklist_script_source() -> str:
    return qwebchannel_source() + "\n;\n" + (paths.js_dir() / "checklist.js").read_text(encoding="utf-8")


def insert_checklist_script(page: QWebEnginePage, source: str | None = None) -> None:
    """(Re)place the checklist script in `page`'s scripts. The first page gets it before the user data is open
    (firstpage.py); the controller attached later places the same script again."""
    scripts = page.scripts()
    for old in scripts.find(SCRIPT_NAME):
        scripts.remove(old)
    script = QWebEngineScript()
    script.setName(SCRIPT_NAME)
    script.setSourceCode(source if source is not None else checklist_script_source())
    script.setWorldId(WORLD)
    # DocumentCreation: the shared-channel shim in the script must be in place before any other app script creates
    # a QWebChannel; the checklist part itself waits for DOMContentLoaded.
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setRunsOnSubFrames(False)
    scripts.insert(script)
