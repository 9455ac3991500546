"""The core's errors in the interface language: reader.messages' Dutch templates through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader import messages
from reader.core.errors import ReaderError


def _translate(template: str) -> str:
    return QCoreApplication.translate(messages.CONTEXT, template)


def describe(error: ReaderError) -> str:
    """The error in words for the window, in the language the app runs in (Dutch when untranslated)."""
    return messages.describe(error, _translate)
