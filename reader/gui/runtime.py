"""The Python runtime set up for a fast start (issue 15: start-up within 1.5x a bare QWebEngineView).

Two costs of the runtime itself, measured on the way to the first page (NeRDS, 2-core machine):

- Python's cyclic garbage collector ran ~68 times, ~9 ms, over objects that all live on (imports, PySide's enum
  types, the window). It waits from the QApplication's creation until the first page has loaded; then every object
  made so far is frozen (`gc.freeze`: later collections skip them, and a full collection found only ~360 objects of
  garbage among ~37,000), and it runs again. A fallback timer ends the pause when no page ever loads.
- PySide's import hook reads the whole source of every module imported after PySide (`inspect.getsource`, through
  linecache and tokenize), only to look for the word "PySide6" (its `__feature__` switch): ~0.1 ms a module, for
  ~120 modules. `cheapen_pyside_import_hook` answers the same question from the file's bytes, ~5 ms sooner.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger("reader.runtime")

FALLBACK_RESUME_MS = 5000  # when no first page loads (a test, an error), the collector still runs again

_paused = False
_paused_once = False  # one pause a process: a second freeze would keep the garbage of everything since for good


def pause_collector() -> None:
    """Stop the cyclic collector until `resume_collector()`, the first time only; nothing when the collector is off
    already (someone else's choice)."""
    global _paused, _paused_once
    if _paused_once or not gc.isenabled():
        return
    gc.disable()
    _paused = _paused_once = True


def resume_collector(*_signal_args: object) -> None:
    """Freeze what the start made and let the collector run again; only undoes our own pause, once."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    gc.enable()


def collector_paused() -> bool:
    return _paused


_pyside_check: Callable[[ModuleType], object] | None = None  # PySide's own, once replaced


def _mentions_pyside(module: ModuleType) -> bool:
    """What PySide's `_mod_uses_pyside` answers ("PySide6" in the module's source), from the raw bytes of a .py file;
    anything else (frozen, zipped, built-in) goes to PySide's own check."""
    assert _pyside_check is not None
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return bool(_pyside_check(module))
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return bool(_pyside_check(module))


def pyside_check() -> Callable[[ModuleType], object] | None:
    """PySide's own check, once `cheapen_pyside_import_hook` replaced it (tests compare the two)."""
    return _pyside_check


def cheapen_pyside_import_hook() -> bool:
    """Give PySide's import hook the cheap check; False (nothing changed) when this PySide has no such hook."""
    global _pyside_check
    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    if current is _mentions_pyside:
        return True
    if feature is None or not callable(current):
        log.debug("PySide has no _mod_uses_pyside: its import hook is left as it is")
        return False
    _pyside_check = current
    vars(feature)["_mod_uses_pyside"] = _mentions_pyside  # the hook looks it up at every import
    return True
