"""The runtime set up for a fast start (reader/gui/runtime.py): PySide's import hook gets the same answers cheaper, and
the garbage collector waits from the QApplication until the first page has loaded, in a fresh process each (the
test process made its QApplication long ago)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.gui import runtime

pytestmark = pytest.mark.gui


def test_the_cheap_import_hook_answers_as_pysides_own_for_every_loaded_module() -> None:
    from reader.gui import mainwindow

    assert mainwindow.MainWindow  # a module that uses PySide, loaded for sure

    assert runtime.cheapen_pyside_import_hook()  # create_application installed it; a second call changes nothing
    feature = sys.modules.get("shibokensupport.feature") or sys.modules["PySide6.support.feature"]
    cheap, original = feature._mod_uses_pyside, runtime.pyside_check()
    assert cheap is not original and original is not None
    answers = {name: cheap(module) for name, module in list(sys.modules.items()) if module is not None}
    assert answers == {name: original(module) for name, module in list(sys.modules.items()) if module is not None}
    assert answers["reader.gui.mainwindow"] is True
    assert answers["reader.core.model"] is False and answers["json"] is False


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def test_the_collector_waits_until_the_first_page_has_loaded(content_edition: Path, tmp_path: Path) -> None:
    out = _run(f"""
import gc
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.gui.app import create_application, create_reader
print("BEFORE", gc.isenabled())
app = create_application(["x"], offscreen=True)
print("APP", gc.isenabled())
reader = create_reader(Path({str(content_edition)!r}), Path({str(tmp_path / "p")!r}), app=app, start_page="")
print("BUILT", gc.isenabled())
def loaded(_page, ok):
    print("LOADED", ok, gc.isenabled(), gc.get_freeze_count() > 1000)
    QTimer.singleShot(0, app.quit)
reader.window.page_loaded.connect(loaded)
reader.window.show()
QTimer.singleShot(20000, app.quit)
app.exec()
reader.close()
""")
    assert "BEFORE True" in out and "APP False" in out and "BUILT False" in out, out
    assert "LOADED True True True" in out, out


def test_without_a_first_page_the_collector_runs_once_the_window_is_built(content_edition: Path,
                                                                          tmp_path: Path) -> None:
    out = _run(f"""
import gc
from pathlib import Path
from reader.gui.app import create_application, create_reader
app = create_application(["x"], offscreen=True)
reader = create_reader(Path({str(content_edition)!r}), Path({str(tmp_path / "p")!r}), app=app, start_page=None)
print("BUILT", gc.isenabled())
reader.close()
""")
    assert "BUILT True" in out, out


def test_a_collector_switched_off_by_the_embedding_program_stays_off_and_the_fallback_ends_a_pause() -> None:
    out = _run("""
import gc
gc.disable()
from PySide6.QtCore import QTimer
from reader.gui import runtime
from reader.gui.app import create_application
app = create_application(["x"], offscreen=True)
print("OFF", gc.isenabled(), runtime.collector_paused())
""")
    assert "OFF False False" in out, out
    out = _run("""
import gc
from PySide6.QtCore import QTimer
from reader.gui import runtime
from reader.gui.app import create_application
app = create_application(["x"], offscreen=True)
print("PAUSED", runtime.collector_paused())
QTimer.singleShot(runtime.FALLBACK_RESUME_MS + 200, app.quit)
app.exec()
print("RESUMED", gc.isenabled(), runtime.collector_paused())
""")
    assert "PAUSED True" in out and "RESUMED True False" in out, out
