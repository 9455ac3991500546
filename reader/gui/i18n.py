"""Languages: Dutch (the source language of every string) by default, English from `richtlijnenlezer_en.qm`.

The choice follows the system language unless the user picked one (Preferences.language). The `.ts` sources live
in resources/translations/; the `.qm` files are built from them by packaging/setup.sh (into the source tree) and
packaging/build.py (into the bundle), with `pyside6-lrelease`. At run time the reader only loads a `.qm`: it never
builds or writes one (an installed reader may be read-only). Without the `.qm` the interface stays Dutch and a warning
is logged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

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


def qm_file(language: str, translations_dir: Path) -> Path | None:
    """The .qm of our own strings for `language`, as setup or packaging built it (None for the source language or
    when there is none). Only looks: a missing or stale .qm is not built here."""
    if language == SOURCE_LANGUAGE:
        return None
    qm = translations_dir / f"{BASENAME}_{language}.qm"
    if not qm.is_file():
        return None
    ts = translations_dir / f"{BASENAME}_{language}.ts"  # only in a source tree; a bundle ships the .qm alone
    if ts.is_file() and ts.stat().st_mtime > qm.stat().st_mtime:
        log.warning("%s is older than %s; rebuild it with packaging/setup.sh (pyside6-lrelease)", qm.name, ts.name)
    return qm


class MnemonicFallback(QTranslator):
    """Qt's strings that gained a mnemonic after they were translated: Qt 6's file dialog asks for "&Look in:" and
    "Files of &type:", while qtbase_nl has only "Look in:" and "Files of type:". Gives the translation of the text
    without its "&", with the mnemonic on its first letter."""

    def __init__(self, qt: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qt = qt

    def translate(  # Qt's name and signature
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": Qt stops at the first translator that answers with a non-null string, even an empty one.
        if "&" not in source_text:
            return None
        text = self._qt.translate(context, source_text.replace("&", ""), disambiguation, n)
        if not text:
            return None
        return text if "&" in text else f"&{text}"


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
                log.warning("no translation for %r in %s (setup or packaging builds the .qm); showing Dutch",
                            effective, self.translations_dir)
                effective = SOURCE_LANGUAGE
            else:
                self._installed.append(ours)
        # Qt's own strings (dialog buttons, context menus) in the same language.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self.app)
        if qt.load(f"qtbase_{effective}", qt_dir):
            # Installed first, so asked last: only for what no other translator has.
            self._installed.insert(0, MnemonicFallback(qt, self.app))
            self._installed.append(qt)
        for translator in self._installed:
            self.app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English if effective == "en" else QLocale.Language.Dutch))
        self.language = effective
        return effective


def system_locale_name() -> str:
    languages = QLocale.system().uiLanguages()
    return languages[0] if languages else QLocale.system().name()
