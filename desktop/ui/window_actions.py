"""Every command of the main window as a QAction, and the menus that show them with their shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.palette import CATEGORIES, LABELS
from desktop.ui.settings import THEMES

StdKey = QKeySequence.StandardKey


def _action(parent: QObject, text: str, *shortcuts: QKeySequence | StdKey | str, checkable: bool = False) -> QAction:
    action = QAction(text, parent)
    keys: list[QKeySequence] = []
    for s in shortcuts:
        keys += QKeySequence.keyBindings(s) if isinstance(s, StdKey) else [QKeySequence(s)]
    if keys:
        action.setShortcuts(keys)
    action.setCheckable(checkable)
    return action


class WindowActions:
    def __init__(self, window: QMainWindow):
        a = _action
        self.open = a(window, "&Open…", StdKey.Open)
        self.recent_menu = QMenu("Open &Recent", window)
        self.clear_recent = a(window, "Clear Recent Files")
        self.cancel_analysis = a(window, "&Cancel Analysis", "Ctrl+.")
        self.cancel_analysis.setEnabled(False)
        self.quit = a(window, "&Quit", StdKey.Quit, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.copy = a(window, "&Copy", StdKey.Copy)
        self.find = a(window, "&Find…", StdKey.Find)
        self.find_next = a(window, "Find &Next", StdKey.FindNext)
        self.find_previous = a(window, "Find &Previous", StdKey.FindPrevious)
        self.clear_selection = a(window, "C&lear Selection", "Esc")

        self.categories: dict[str, QAction] = {}
        for number, category in enumerate(CATEGORIES, 1):
            self.categories[category] = a(window, LABELS[category], f"Ctrl+{number}", checkable=True)
            self.categories[category].setChecked(True)
        self.show_all = a(window, "Show &All Highlights", "Ctrl+Shift+A")
        self.zoom_in = a(window, "Zoom &In", "Ctrl+=", StdKey.ZoomIn)
        self.zoom_out = a(window, "Zoom &Out", "Ctrl+-", StdKey.ZoomOut)
        self.reset_zoom = a(window, "&Actual Size", "Ctrl+0")
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        for theme in THEMES:
            label = {"system": "Follow &System", "light": "&Light", "dark": "&Dark"}[theme]
            self.themes[theme] = a(window, label, checkable=True)
            self.theme_group.addAction(self.themes[theme])

        self.next_highlight = a(window, "&Next Highlight", "Alt+Down")
        self.previous_highlight = a(window, "&Previous Highlight", "Alt+Up")
        self.next_same = a(window, "Next of the &Same Category", "Alt+Shift+Down")
        self.previous_same = a(window, "Previous of the Sa&me Category", "Alt+Shift+Up")
        self.show_details = a(window, "Show &Details", "Return")
        # Enter must keep working in the find box and the Facts list, so it only fires in the article.
        self.show_details.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        self.about = a(window, "&About Factlight")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def build_menus(self, window: QMainWindow, panel_toggles: list[QAction]) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.cancel_analysis)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.copy)
        edit_menu.addSeparator()
        for action in (self.find, self.find_next, self.find_previous):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.clear_selection)

        view_menu = bar.addMenu("&View")
        highlights = view_menu.addMenu("&Highlights")
        for action in self.categories.values():
            highlights.addAction(action)
        highlights.addSeparator()
        highlights.addAction(self.show_all)
        view_menu.addSeparator()
        for action in (self.zoom_in, self.zoom_out, self.reset_zoom):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for action in panel_toggles:
            view_menu.addAction(action)
        theme_menu = view_menu.addMenu("&Theme")
        for action in self.themes.values():
            theme_menu.addAction(action)

        go_menu = bar.addMenu("&Go")
        for action in (self.next_highlight, self.previous_highlight, self.next_same, self.previous_same):
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.show_details)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about)
