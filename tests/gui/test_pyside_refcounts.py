"""Guards the PySide6 pin in pyproject.toml.

PySide6 6.12.0 drops one reference to None on every call of a method that returns nothing (and to True on every
emit). On Python 3.11 those objects are mortal: after a few thousand calls the reader aborts with
`none_dealloc`. A version that drifts must never be installed again.
"""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.gui


def test_void_calls_and_emits_keep_none_and_true_alive(qapp):
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    class Emitter(QObject):
        changed = Signal(bool)

    widget = QWidget()
    emitter = Emitter()
    received = []
    emitter.changed.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        widget.setEnabled(True)
        emitter.changed.emit(True)
    received.clear()
    assert sys.getrefcount(None) - none_before > -50
    assert sys.getrefcount(True) - true_before > -50
    widget.deleteLater()
