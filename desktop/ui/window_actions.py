"""Every command of the main window as a QAction, and the menus that show them with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.documents import FORMATS
from desktop.ui.palette import CATEGORIES, LABELS, USER_CATEGORIES, USER_LABELS
from desktop.ui.settings import THEMES

StdKey = QKeySequence.StandardKey


def _action(parent: QObject, text: str, *shortcuts: QKeySequence | StdKey | str, checkable: bool = False) -> QAction:
    action = QAction(text, parent)
    keys: list[QKeySequence] = []
    for s in shortcuts:
        for key in QKeySequence.keyBindings(s) if isinstance(s, StdKey) else [QKeySequence(s)]:
            if key not in keys:  # the same key twice would make the shortcut ambiguous
                keys.append(key)
    if keys:
        action.setShortcuts(keys)
    action.setCheckable(checkable)
    return action


def file_filters() -> str:
    """The Open dialog's filters: every article format, each format, everything."""
    by_label: dict[str, list[str]] = {}
    for suffix, (label, _reader) in FORMATS.items():
        by_label.setdefault(label, []).append(f"*{suffix}")
    everything = " ".join(f"*{s}" for s in FORMATS)
    parts = [f"Articles ({everything})"] + [f"{label} ({' '.join(globs)})" for label, globs in by_label.items()]
    return ";;".join(parts + ["All files (*)"])


class WindowActions:
    def __init__(self, window: QMainWindow):
        a = _action
        self.open = a(window, "&Open…", StdKey.Open)
        self.recent_menu = QMenu("Open &Recent", window)
        self.clear_recent = a(window, "Clear Recent Files")
        self.import_folder = a(window, "&Import Folder…", "Ctrl+Shift+I")
        self.import_folder.setStatusTip("Add every article in a folder (and its sub-folders) to the library")
        self.import_files = a(window, "Import &Files…")
        self.cancel_import = a(window, "Cancel I&mport")
        self.new_library = a(window, "&New Library…")
        self.open_library = a(window, "Open &Library…")
        self.recent_libraries_menu = QMenu("Open Recent Li&brary", window)
        self.cancel_analysis = a(window, "&Cancel Analysis", "Ctrl+.")
        self.cancel_analysis.setEnabled(False)
        self.export = a(window, "&Export Annotations…", "Ctrl+Shift+E")
        self.export_auto = a(window, "Export &Automatic Highlights Too", checkable=True)
        self.export_auto.setStatusTip("Exports also list the names, quotes and numbers found in each article")
        self.cancel_export = a(window, "Cancel E&xport")
        self.quit = a(window, "&Quit", StdKey.Quit, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = a(window, "&Undo", StdKey.Undo, "Ctrl+Z")
        self.redo = a(window, "&Redo", "Ctrl+Shift+Z", StdKey.Redo)
        self.copy = a(window, "&Copy", StdKey.Copy)
        self.paste_article = a(window, "&Paste as New Article", "Ctrl+Shift+V")
        self.paste_article.setStatusTip("Opens the text or web page on the clipboard as a new article in the library")
        self.highlight = a(window, "&Highlight", "Ctrl+H")
        self.note = a(window, "&Note…", "Ctrl+M")
        self.delete_annotation = a(window, "&Delete Annotation", "Del")
        self.colour_group = QActionGroup(window)
        self.colours: dict[str, QAction] = {}
        for category in USER_CATEGORIES:
            self.colours[category] = a(window, USER_LABELS[category], checkable=True)
            self.colour_group.addAction(self.colours[category])
        self.accept = a(window, "&Accept Highlight")
        self.reject = a(window, "&Reject Highlight")
        self.correct = a(window, "Co&rrect Highlight…")
        for action, short in ((self.accept, "Accept"), (self.reject, "Reject"), (self.correct, "Correct…")):
            action.setIconText(short)  # the Details panel's buttons
        # Disabled, with the reason in their status tips, while the library cannot be written.
        self.annotation_actions = {
            "highlight": self.highlight, "note": self.note, "delete_annotation": self.delete_annotation,
            "accept": self.accept, "reject": self.reject, "correct": self.correct,
        }  # fmt: skip
        self.find = a(window, "&Find…", StdKey.Find)
        self.search_library = a(window, "&Search the Library…", "Ctrl+Shift+F")
        self.show_library = a(window, "&Library", "Ctrl+L", checkable=True)
        self.show_library.setStatusTip("Every article in the library; Ctrl+L again goes back to the article")
        self.find_next = a(window, "Find &Next", StdKey.FindNext)
        self.find_previous = a(window, "Find &Previous", StdKey.FindPrevious)
        self.clear_selection = a(window, "C&lear Selection", "Esc")
        self.preferences = a(window, "&Preferences…", StdKey.Preferences, "Ctrl+,")
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

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

    def fill_recent_menu(self, paths: list[str], open_file: Callable[[str], None]) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in paths:
            menu.addAction(Path(path).name, lambda p=path: open_file(p)).setToolTip(path)
        if menu.isEmpty():
            menu.addAction("No recent files").setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent)

    def build_menus(self, window: QMainWindow, panel_toggles: list[QAction]) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        for action in (self.import_folder, self.import_files, self.cancel_import):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.new_library)
        file_menu.addAction(self.open_library)
        file_menu.addMenu(self.recent_libraries_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.cancel_analysis)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addAction(self.export_auto)
        file_menu.addAction(self.cancel_export)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy)
        edit_menu.addAction(self.paste_article)
        edit_menu.addSeparator()
        edit_menu.addAction(self.highlight)
        colour_menu = edit_menu.addMenu("Highlight &Colour")
        for action in self.colours.values():
            colour_menu.addAction(action)
        edit_menu.addAction(self.note)
        edit_menu.addAction(self.delete_annotation)
        edit_menu.addSeparator()
        for action in (self.accept, self.reject, self.correct):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.find, self.find_next, self.find_previous, self.search_library):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.clear_selection)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences)

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.show_library)
        view_menu.addSeparator()
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
