"""Theme and language: the choice is saved, its menu entry checked, and the application, the page and the icons that
follow the text colour change with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QPalette
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication

from reader.gui import themes
from reader.gui.settings import PreferenceStore

if TYPE_CHECKING:
    from reader.gui.actions import WindowActions
    from reader.gui.i18n import Translations


class Appearance:
    """Applies the theme and the language the reader chose (View > Theme, View > Language)."""

    def __init__(
        self,
        preferences: PreferenceStore,
        page: QWebEnginePage,
        system_palette: QPalette,
        translations: Translations | None,
        theme_actions: dict[str, QAction],
        language_actions: dict[str, QAction],
        commands: WindowActions,
    ) -> None:
        self._preferences = preferences
        self._page = page
        self._system_palette = system_palette  # what the "system" theme goes back to
        self._translations = translations
        self._theme_actions = theme_actions
        self._language_actions = language_actions
        self._commands = commands  # their icons are drawn in the theme's colours
        self._watching_system = False
        self.theme = themes.resolve(preferences.current.theme)  # the theme applied last

    def restore(self) -> None:
        """Check the saved choices in the menus, apply the theme, and follow the system's colours from now on."""
        prefs = self._preferences.current
        self._theme_actions.get(prefs.theme, self._theme_actions[themes.SYSTEM]).setChecked(True)
        self._language_actions.get(prefs.language, self._language_actions[""]).setChecked(True)
        # The window set the theme's palette before it made its first widget (`set_start_palette`): no widget was
        # polished with another, so none needs its style sheet set again. Walking QApplication.allWidgets() here
        # made PySide create ~200 enum types for the widget classes it wraps, ~40 ms before the first page.
        self.apply_theme(restyle=False)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_colours_changed)
            self._watching_system = True

    def stop(self) -> None:
        """The window closes: stop following the system's colours."""
        if not self._watching_system:
            return
        self._watching_system = False
        try:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._on_system_colours_changed)
        except (RuntimeError, TypeError):
            pass

    def set_theme(self, choice: str) -> str:
        self._preferences.update(theme=choice)
        self._theme_actions.get(choice, self._theme_actions[themes.SYSTEM]).setChecked(True)
        return self.apply_theme()

    def apply_theme(self, *, restyle: bool = True) -> str:
        theme = themes.resolve(self._preferences.current.theme)
        QApplication.setPalette(themes.palette_for(theme, self._system_palette))
        if restyle:
            self._restyle()
        themes.install_theme_script(self._page, theme)
        self.paint_icons()  # ~3 ms: the toolbar is shown before the first page, and must not show its texts instead
        self.theme = theme
        return theme

    @staticmethod
    def _restyle() -> None:
        # A widget with a style sheet keeps the palette it was polished with (the page frame kept the message bar
        # light in dark): set the sheet again so it and its children take the new palette.
        for widget in QApplication.allWidgets():
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)

    def paint_icons(self) -> None:
        """Draw the toolbar's and the sidebar's icons in the theme's colours (reader/gui/toolbar_icons.py)."""
        palette = QApplication.palette()
        self._commands.paint_icons(palette)
        window = self._commands.toolbar.parentWidget()
        if window is not None:
            from reader.gui.toolbar_icons import paint_chrome

            # Once the current event is done: off the first page's path, and the late panels are built by then (the
            # first call comes just before they are).
            QTimer.singleShot(0, window, lambda: paint_chrome(window, QApplication.palette()))

    def _on_system_colours_changed(self, *_args: object) -> None:
        if self._preferences.current.theme == themes.SYSTEM:
            self.apply_theme()

    def set_language(self, language: str) -> str:
        self._preferences.update(language=language)
        self._language_actions.get(language, self._language_actions[""]).setChecked(True)
        if self._translations is None:
            return ""
        from reader.gui.i18n import choose_language, system_locale_name

        effective = self._translations.apply(choose_language(language, system_locale_name()))
        # Qt posts LanguageChange to every widget; deliver it now so the whole window relabels at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return effective


def set_start_palette(preferences: PreferenceStore, system_palette: QPalette) -> None:
    """The saved theme's palette, set before the window makes its first widget."""
    QApplication.setPalette(themes.palette_for(themes.resolve(preferences.current.theme), system_palette))
