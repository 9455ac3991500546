"""The main window's commands as one table: each written once (name, text, keys, icon, handler, where it shows).

The table feeds the menus, the toolbar, the shortcut overview (it lists the window's actions) and retranslation:
texts are Dutch source strings marked with QT_TRANSLATE_NOOP in the "MainWindow" context, so lupdate finds them,
and `retranslate()` applies them again through QCoreApplication.translate on every language switch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Union, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import QMenu, QMenuBar, QSizePolicy, QToolBar, QWidget

from reader.gui import themes

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

# lupdate finds the texts by this name. PySide6's stub says it returns object; it returns the message itself.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

CONTEXT = "MainWindow"  # the translation context these strings had when the window set them itself

K = QKeySequence.StandardKey
Shortcut = Union[QKeySequence.StandardKey, str]


@dataclass(frozen=True)
class ActionSpec:
    """One command of the window."""

    name: str  # the QAction's objectName
    text: str  # Dutch source text (translated when shown unless `translate` is off)
    handler: Callable[[MainWindow], object] | None = None  # on `triggered`
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str | None = None  # a Material Design Icon in resources/icons/toolbar.json, drawn per theme
    menu: str | None = None  # name of the MenuSpec it is listed in
    separator_before: bool = False  # in its menu
    toolbar_group: int = 0  # 0: not on the toolbar; a separator stands between groups
    checkable: bool = False
    checked: bool = False
    enabled: bool = True
    on_toggled: Callable[[MainWindow, bool], object] | None = None  # connected after the initial check state
    group: str | None = None  # exclusive choice (a QActionGroup, not a window action: it has no keys)
    key: str = ""  # the choice this action stands for in its group
    data: str | None = None
    translate: bool = True


@dataclass(frozen=True)
class MenuSpec:
    """A menu: on the menu bar (parent None) or a submenu, placed where it stands among its parent's entries."""

    name: str
    text: str
    parent: str | None = None
    separator_before: bool = False
    separator_at_end: bool = False  # others add their own entries below it (the bookmarks panel)
    object_name: str = ""


# Menus on the bar, in their order; submenus stand in WINDOW_ACTIONS where they appear in their parent.
MENU_BAR: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("MainWindow", "&Bestand")),
    MenuSpec("edit", QT_TRANSLATE_NOOP("MainWindow", "Be&werken")),
    MenuSpec("view", QT_TRANSLATE_NOOP("MainWindow", "Beel&d")),
    MenuSpec("go", QT_TRANSLATE_NOOP("MainWindow", "&Ga")),
    MenuSpec("bookmarks", QT_TRANSLATE_NOOP("MainWindow", "B&ladwijzers"), separator_at_end=True),
    MenuSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)

# In the order the window adds them (the shortcut overview lists them in this order).
WINDOW_ACTIONS: tuple[ActionSpec | MenuSpec, ...] = (
    ActionSpec("back", QT_TRANSLATE_NOOP("MainWindow", "Terug"), lambda w: w.corpora.back(), (K.Back,),
               "material-arrow-left", menu="go", toolbar_group=1, enabled=False),
    ActionSpec("forward", QT_TRANSLATE_NOOP("MainWindow", "Vooruit"), lambda w: w.corpora.forward(), (K.Forward,),
               "material-arrow-right", menu="go", toolbar_group=1, enabled=False),
    ActionSpec("home", QT_TRANSLATE_NOOP("MainWindow", "Startpagina"), lambda w: w.go_home(), ("Alt+Home",),
               "material-home", menu="go", toolbar_group=1),
    ActionSpec("library", QT_TRANSLATE_NOOP("MainWindow", "Bibliotheek"), lambda w: w.corpora.show_library(),
               ("Ctrl+Shift+B",), "material-bookshelf", menu="go", toolbar_group=1),
    ActionSpec("nextTab", QT_TRANSLATE_NOOP("MainWindow", "Volgende tabblad"), lambda w: w.tabs.next_tab(),
               ("Ctrl+Tab", "Ctrl+PgDown"), menu="go", separator_before=True),
    ActionSpec("previousTab", QT_TRANSLATE_NOOP("MainWindow", "Vorige tabblad"), lambda w: w.tabs.previous_tab(),
               ("Ctrl+Shift+Tab", "Ctrl+PgUp"), menu="go"),
    MenuSpec("recent", QT_TRANSLATE_NOOP("MainWindow", "&Recent geopend"), parent="go", separator_before=True,
             object_name="recentMenu"),
    ActionSpec("newTab", QT_TRANSLATE_NOOP("MainWindow", "Nieuw tabblad"), lambda w: w.tabs.new_tab(), ("Ctrl+T",),
               menu="file"),
    ActionSpec("closeTab", QT_TRANSLATE_NOOP("MainWindow", "Tabblad sluiten"), lambda w: w.tabs.close_tab(),
               ("Ctrl+W", "Ctrl+F4"), menu="file"),
    ActionSpec("reopenTab", QT_TRANSLATE_NOOP("MainWindow", "Gesloten tabblad heropenen"),
               lambda w: w.tabs.reopen_closed(), ("Ctrl+Shift+T",), menu="file"),
    ActionSpec("addGuidelines", QT_TRANSLATE_NOOP("MainWindow", "Richtlijnen toevoegen\u2026"),
               lambda w: _library_add().add_guidelines(w), menu="file", separator_before=True),
    ActionSpec("whatChanged", QT_TRANSLATE_NOOP("MainWindow", "Wat is er veranderd\u2026"),
               lambda w: _library_changes().show_changes(w), menu="file"),
    ActionSpec("print", QT_TRANSLATE_NOOP("MainWindow", "Afdrukken\u2026"), lambda w: w.print_commands.print_page(),
               (K.Print,), menu="file", separator_before=True),
    ActionSpec("exportPdf", QT_TRANSLATE_NOOP("MainWindow", "Exporteren als PDF\u2026"),
               lambda w: w.print_commands.export_pdf_dialog(), ("Ctrl+Shift+E",), menu="file"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "Afsluiten"), lambda w: w.close(), (K.Quit,),
               menu="file", separator_before=True),
    ActionSpec("bookmarkPage", QT_TRANSLATE_NOOP("MainWindow", "Bladwijzer voor deze pagina"),
               lambda w: w.sections.toggle_bookmark(), ("Ctrl+D",), menu="bookmarks", toolbar_group=2, checkable=True),
    ActionSpec("bookmarkSection", QT_TRANSLATE_NOOP("MainWindow", "Bladwijzer voor deze sectie"),
               lambda w: w.sections.bookmark_section(), ("Ctrl+Shift+D",), menu="bookmarks"),
    ActionSpec("copy", QT_TRANSLATE_NOOP("MainWindow", "Kopi\u00ebren"),
               lambda w: w.page.triggerAction(w.page.WebAction.Copy), menu="edit"),
    ActionSpec("copyLink", QT_TRANSLATE_NOOP("MainWindow", "Link naar deze sectie kopi\u00ebren"),
               lambda w: w.sections.copy_section_link(), ("Ctrl+Shift+L",), menu="edit"),
    ActionSpec("find", QT_TRANSLATE_NOOP("MainWindow", "Zoeken op pagina\u2026"), lambda w: w.open_find_bar(),
               (K.Find,), menu="edit", separator_before=True),
    ActionSpec("findNext", QT_TRANSLATE_NOOP("MainWindow", "Volgende overeenkomst"), lambda w: w.findbar.find_next(),
               (K.FindNext,), menu="edit"),
    ActionSpec("findPrevious", QT_TRANSLATE_NOOP("MainWindow", "Vorige overeenkomst"),
               lambda w: w.findbar.find_next(forward=False), (K.FindPrevious,), menu="edit"),
    ActionSpec("zoomIn", QT_TRANSLATE_NOOP("MainWindow", "Inzoomen"), lambda w: w.zoom.zoom_in(), (K.ZoomIn, "Ctrl+="),
               menu="view"),
    ActionSpec("zoomOut", QT_TRANSLATE_NOOP("MainWindow", "Uitzoomen"), lambda w: w.zoom.zoom_out(), (K.ZoomOut,),
               menu="view"),
    ActionSpec("zoomReset", QT_TRANSLATE_NOOP("MainWindow", "Normale grootte"), lambda w: w.zoom.reset(),
               ("Ctrl+0",), menu="view"),
    MenuSpec("theme", QT_TRANSLATE_NOOP("MainWindow", "&Thema"), parent="view", separator_before=True),
    ActionSpec("theme-system", QT_TRANSLATE_NOOP("MainWindow", "Zoals het systeem"),
               lambda w: w.appearance.set_theme(themes.SYSTEM), menu="theme", checkable=True, group="theme",
               key=themes.SYSTEM, data=themes.SYSTEM),
    ActionSpec("theme-light", QT_TRANSLATE_NOOP("MainWindow", "Licht"), lambda w: w.appearance.set_theme(themes.LIGHT),
               menu="theme", checkable=True, group="theme", key=themes.LIGHT, data=themes.LIGHT),
    ActionSpec("theme-dark", QT_TRANSLATE_NOOP("MainWindow", "Donker"), lambda w: w.appearance.set_theme(themes.DARK),
               menu="theme", checkable=True, group="theme", key=themes.DARK, data=themes.DARK),
    ActionSpec("theme-contrast", QT_TRANSLATE_NOOP("MainWindow", "Hoog contrast"),
               lambda w: w.appearance.set_theme(themes.CONTRAST), menu="theme", checkable=True, group="theme",
               key=themes.CONTRAST, data=themes.CONTRAST),
    MenuSpec("language", QT_TRANSLATE_NOOP("MainWindow", "T&aal"), parent="view"),
    ActionSpec("language-system", QT_TRANSLATE_NOOP("MainWindow", "Taal van het systeem"),
               lambda w: w.appearance.set_language(""), menu="language", checkable=True, group="language", key=""),
    # Language names are shown in their own language.
    ActionSpec("language-nl", "Nederlands", lambda w: w.appearance.set_language("nl"), menu="language", checkable=True,
               group="language", key="nl", translate=False),
    ActionSpec("language-en", "English", lambda w: w.appearance.set_language("en"), menu="language", checkable=True,
               group="language", key="en", translate=False),
    ActionSpec("toggleSidebar", QT_TRANSLATE_NOOP("MainWindow", "Zijbalk tonen"), None, ("F9",), menu="view",
               separator_before=True, checkable=True, checked=True,
               on_toggled=lambda w, visible: w.sidebar_tabs.set_visible(visible)),
    MenuSpec("sidebar", QT_TRANSLATE_NOOP("MainWindow", "&Zijbalk"), parent="view"),
    ActionSpec("focusCycle", QT_TRANSLATE_NOOP("MainWindow", "Naar volgend deelvenster"),
               lambda w: w.pane_focus.cycle(), ("F6",), menu="view"),
    ActionSpec("showShortcuts", QT_TRANSLATE_NOOP("MainWindow", "Sneltoetsen"),
               lambda w: _help().show_shortcuts(w), (K.HelpContents,), menu="help"),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "Over deze editie"),
               lambda w: _help().show_about(w, w.edition), menu="help"),
    ActionSpec("focusPage", QT_TRANSLATE_NOOP("MainWindow", "Naar de pagina"), lambda w: w.focus_page(),
               ("Alt+P",), menu="view"),
)


def _help() -> Any:
    from reader.gui import help as help_windows  # its message boxes are built when asked for, not at start-up

    return help_windows


def _library_add() -> Any:
    from reader.gui.library import add_dialog  # on first use: the start path never needs it

    return add_dialog


def _library_changes() -> Any:
    from reader.gui.library import changes_page  # on first use

    return changes_page


class WindowActions:
    """The QActions, menus and toolbar built from the table, by name."""

    def __init__(
        self, menu_bar: tuple[MenuSpec, ...], table: tuple[ActionSpec | MenuSpec, ...], toolbar: QToolBar
    ) -> None:
        self.toolbar = toolbar
        self.menu_specs = menu_bar + tuple(spec for spec in table if isinstance(spec, MenuSpec))
        self.action_specs = tuple(spec for spec in table if isinstance(spec, ActionSpec))
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.groups: dict[str, dict[str, QAction]] = {}  # group -> key -> action
        self.action_groups: dict[str, QActionGroup] = {}

    def retranslate(self) -> None:
        """Set every text from the table again, in the language now installed."""
        for spec in self.action_specs:
            text = QCoreApplication.translate(CONTEXT, spec.text) if spec.translate else spec.text
            label_action(self.actions[spec.name], text)
        for menu_spec in self.menu_specs:
            self.menus[menu_spec.name].setTitle(QCoreApplication.translate(CONTEXT, menu_spec.text))

    def paint_icons(self, palette: QPalette) -> None:
        """Draw every action's icon (and the bookmark star) in the colours of `palette`: again on each theme switch."""
        from reader.gui import toolbar_icons

        for spec in self.action_specs:
            if spec.icon is not None:
                self.actions[spec.name].setIcon(toolbar_icons.themed_icon(spec.icon, palette))
        star = self.actions.get("bookmarkPage")
        if star is not None:
            star.setIcon(toolbar_icons.star_icon(palette))


def label_action(action: QAction, text: str) -> None:
    """Text, icon text, status tip, and a tooltip that names the key."""
    action.setText(text)
    action.setIconText(text)
    hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text} ({hint})" if hint else text)
    action.setStatusTip(text)


def build_actions(
    window: MainWindow,
    menu_bar: QMenuBar,
    *,
    bar_specs: tuple[MenuSpec, ...] = MENU_BAR,
    table: tuple[ActionSpec | MenuSpec, ...] = WINDOW_ACTIONS,
) -> WindowActions:
    """Make the actions (children of `window`), put them in the menus and on the toolbar; texts come later, from
    `WindowActions.retranslate()`."""
    toolbar = QToolBar(window)
    toolbar.setObjectName("navigationToolbar")
    toolbar.setMovable(False)
    window.addToolBar(toolbar)
    built = WindowActions(bar_specs, table, toolbar)
    for bar_spec in bar_specs:
        built.menus[bar_spec.name] = menu_bar.addMenu("")
    toolbar_group = 0
    for spec in table:
        if isinstance(spec, MenuSpec):
            assert spec.parent is not None, "menus on the bar belong in MENU_BAR"
            parent = built.menus[spec.parent]
            if spec.separator_before:
                parent.addSeparator()
            submenu = parent.addMenu("")
            if spec.object_name:
                submenu.setObjectName(spec.object_name)
            built.menus[spec.name] = submenu
            continue
        action = _make_action(window, spec)
        built.actions[spec.name] = action
        if spec.group is not None:
            if spec.group not in built.groups:
                built.groups[spec.group] = {}
                built.action_groups[spec.group] = QActionGroup(window)
            built.action_groups[spec.group].addAction(action)
            built.groups[spec.group][spec.key] = action
        if spec.menu is not None:
            menu = built.menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(action)
        if spec.toolbar_group:
            if toolbar_group and spec.toolbar_group != toolbar_group:
                toolbar.addSeparator()
            toolbar_group = spec.toolbar_group
            toolbar.addAction(action)
    # The search field comes at the right end of the toolbar, later.
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    for bar_spec in bar_specs:
        if bar_spec.separator_at_end:
            built.menus[bar_spec.name].addSeparator()
    return built


def _make_action(window: MainWindow, spec: ActionSpec) -> QAction:
    action = QAction(window)
    action.setObjectName(spec.name)
    keys = [QKeySequence(key) for key in spec.shortcuts]
    keys = [key for key in keys if not key.isEmpty()]  # a standard key this platform has no binding for
    if keys:
        action.setShortcuts(keys)
    if spec.data is not None:
        action.setData(spec.data)
    handler = spec.handler
    if handler is not None:
        action.triggered.connect(lambda _checked=False, h=handler: h(window))
    if spec.group is None:  # grouped choices have no keys and are no window commands
        window.addAction(action)
    if spec.checkable:
        action.setCheckable(True)
        action.setChecked(spec.checked)
    if not spec.enabled:
        action.setEnabled(False)
    toggled = spec.on_toggled
    if toggled is not None:
        action.toggled.connect(lambda checked, t=toggled: t(window, checked))
    return action
