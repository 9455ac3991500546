"""The filter row of the search panel: one button per front matter filter of the corpus (`rollen`, `levenscyclus`,
...), under the search field. A button's menu lists the filter's values with the number of result pages that have
each (over the whole corpus while nothing is typed); choosing a value adds `rol:waarde` to the query, choosing a
checked one takes it out (the engine's toggle_filter edits the query text, so what the row does is what the user
could type). Keyboard: Tab reaches the buttons, Space or Down opens a menu, Enter toggles a value. The row is hidden
for a corpus without filters and for an engine that has none (the search across the library).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from reader.core.search import FilterKey, filter_value_key

MAX_VALUES = 30  # values listed per filter (most pages first); others can be typed


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")


class SearchFilterRow(QWidget):
    """Buttons with a menu of values each. `toggled(key, value label)` when the user picks a value."""

    toggled = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchFilters")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)
        self._buttons: list[QToolButton] = []
        self._shown: tuple[tuple[FilterKey, ...], tuple[tuple[str, str], ...]] = ((), ())
        self._values: dict[str, list[tuple[str, int, bool]]] = {}  # key -> (label, pages, checked) to list
        self._stale: set[str] = set()  # keys whose menu does not show its values yet
        self._retranslate()
        self.hide()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Filters"))
        for button in self._buttons:
            self._label_button(button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def buttons(self) -> list[QToolButton]:
        return list(self._buttons)

    def show_filters(self, facets: tuple[FilterKey, ...] | None, applied: list[tuple[str, str]] | None) -> None:
        """Show these filters (values with their counts) with the query's applied (key, value) pairs checked.
        None or () hides the row."""
        facets = tuple(facets or ())
        applied_t = tuple(applied or ())
        if (facets, applied_t) == self._shown:
            return  # unchanged: keep the buttons (and the focus on one of them)
        self._shown = (facets, applied_t)
        chosen = {(k, filter_value_key(v)) for k, v in applied_t}
        for i, f in enumerate(facets):
            button = self._buttons[i] if i < len(self._buttons) else self._new_button()
            on = [v for k, v in applied_t if k == f.key]
            button.setProperty("filterKey", f.key)
            button.setProperty("filterName", f.name)
            button.setProperty("filterOn", ", ".join(on))
            button.setText(_menu_text(f"{f.name}: {', '.join(on)}" if on else f.name))
            button.setChecked(bool(on))
            self._label_button(button)
            listed = {v.value for v in f.values[:MAX_VALUES]}
            values = [(v.label, v.value, v.pages) for v in f.values[:MAX_VALUES]]
            # an applied value no result has (count 0) stays listed, checked, so it can be taken out again
            values += [(v, filter_value_key(v), 0) for k, v in applied_t
                       if k == f.key and filter_value_key(v) not in listed]
            # The menu is filled when it opens (a key press must not rebuild every menu: bench_typing.py).
            self._values[f.key] = [(label, pages, (f.key, vk) in chosen) for label, vk, pages in values]
            self._stale.add(f.key)
            button.setEnabled(bool(values))
            button.show()
        for button in self._buttons[len(facets):]:
            button.hide()
        self.setVisible(bool(facets))

    def _new_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("searchFilter")
        button.setCheckable(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda b=button: self._fill(b))
        button.setMenu(menu)
        self._layout.insertWidget(len(self._buttons), button)
        self._buttons.append(button)
        return button

    def _fill(self, button: QToolButton) -> None:
        key = str(button.property("filterKey") or "")
        menu = button.menu()
        if key not in self._stale or menu is None:
            return
        self._stale.discard(key)
        menu.clear()
        for label, pages, checked in self._values.get(key, []):
            action = menu.addAction(_menu_text(f"{label} ({pages})"))
            action.setCheckable(True)
            action.setChecked(checked)
            action.setData(label)
            action.triggered.connect(lambda _c=False, k=key, lab=label: self.toggled.emit(k, lab))

    def _label_button(self, button: QToolButton) -> None:
        name = str(button.property("filterName") or "")
        on = str(button.property("filterOn") or "")
        button.setAccessibleName(self.tr("Filter %1").replace("%1", name))
        button.setAccessibleDescription(
            (self.tr("Actief: %1. ").replace("%1", on) if on else "")
            + self.tr("Kies een waarde om alleen pagina's met die waarde te tonen; kies haar opnieuw om het filter "
                      "weg te halen."))
        button.setToolTip(button.accessibleDescription())

    def value_actions(self, key: str) -> list[Any]:
        """The menu actions of a filter, as its menu shows them when it opens (for tests)."""
        for button in self._buttons:
            menu = button.menu()
            if button.property("filterKey") == key and menu is not None:
                self._fill(button)
                return list(menu.actions())
        return []
