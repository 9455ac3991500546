"""Languages: Dutch (the source language of every string) by default, English from `richtlijnenlezer_en.qm`.

The choice follows the system language unless the user picked one (Preferences.language). The `.ts` sources live
in resources/translations/; the `.qm` files are built from them (packaging runs `pyside6-lrelease`; a development
tree builds a missing or stale one on first use when lrelease is at hand).
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("reader.i18n")

BASENAME = "richtlijnenlezer"
SOURCE_LANGUAGE = "nl"
AVAILABLE = ("nl", "en")


def choose_language(setting: str, system_locale: str) -> str:
    """The language to show: the user's setting, else the system's when we have it, else Dutch."""
    if setting in AVAILABLE:
        return setting
    system = (system_locale or "").replace("-", "_").split("_")[0].lower()
    return system if system in AVAILABLE else SOURCE_LANGUAGE


def lrelease_path() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build_qm(ts: Path, qm: Path | None = None, *, lrelease: str | None = None) -> Path | None:
    """Compile `ts` to `qm` with lrelease; None when lrelease is missing or fails."""
    import subprocess  # only when building: not on the start path

    qm = qm or ts.with_suffix(".qm")
    tool = lrelease or lrelease_path()
    if tool is None:
        return None
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot build %s: %s", qm, exc)
        return None
    return qm if qm.exists() else None


def qm_file(language: str, translations_dir: Path, *, build_missing: bool = True) -> Path | None:
    """The .qm of our own strings for `language` (None for the source language or when none can be had)."""
    if language == SOURCE_LANGUAGE:
        return None
    ts = translations_dir / f"{BASENAME}_{language}.ts"
    qm = translations_dir / f"{BASENAME}_{language}.qm"
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    if stale and build_missing:
        try:
            build_qm(ts, qm)
        except OSError as exc:  # a read-only install: use what is there
            log.warning("cannot rebuild %s: %s", qm, exc)
    return qm if qm.exists() else None


class Translations:
    """The translators installed in the application; switching language replaces them (widgets get LanguageChange)."""

    def __init__(self, app: QCoreApplication, translations_dir: Path) -> None:
        self.app = app
        self.translations_dir = Path(translations_dir)
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> str:
        """Install `language`; returns the language really in effect (Dutch when the English file is missing)."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        effective = language if language in AVAILABLE else SOURCE_LANGUAGE
        if effective != SOURCE_LANGUAGE:
            qm = qm_file(effective, self.translations_dir)
            ours = QTranslator(self.app)
            if qm is None or not ours.load(str(qm)):
                log.warning("no translation for %r in %s; showing Dutch", effective, self.translations_dir)
                effective = SOURCE_LANGUAGE
            else:
                self._installed.append(ours)
        # Qt's own strings (dialog buttons, context menus) in the same language.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self.app)
        if qt.load(f"qtbase_{effective}", qt_dir):
            self._installed.append(qt)
        for translator in self._installed:
            self.app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English if effective == "en" else QLocale.Language.Dutch))
        self.language = effective
        return effective


def system_locale_name() -> str:
    languages = QLocale.system().uiLanguages()
    return languages[0] if languages else QLocale.system().name()
