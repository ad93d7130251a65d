"""The window's side panels as dock widgets: Facts and Notes share the top (as tabs), Details below;
Search and People (the whole library) share the left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from desktop.ui.details_panel import DetailsPanel
from desktop.ui.facts_panel import FactsPanel
from desktop.ui.notes_panel import NotesPanel
from desktop.ui.people_panel import PeoplePanel
from desktop.ui.search_panel import SearchPanel


def add_dock(
    window: QMainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"{name}_dock")
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    window.addDockWidget(area, dock)
    return dock


def build_docks(window: QMainWindow) -> None:
    """Sets window.facts_panel, details_panel, notes_panel, search_panel, people_panel and their *_dock."""
    window.facts_panel = FactsPanel()
    window.details_panel = DetailsPanel()
    window.notes_panel = NotesPanel()
    window.search_panel = SearchPanel()
    window.people_panel = PeoplePanel()
    # The library-wide panels sit on the left, hidden until asked for (Ctrl+Shift+F, View ▸ People).
    window.search_dock = add_dock(window, "Search", "search", window.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.people_dock = add_dock(window, "People", "people", window.people_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.tabifyDockWidget(window.search_dock, window.people_dock)
    window.search_dock.hide()
    window.people_dock.hide()
    window.facts_dock = add_dock(window, "Facts", "facts", window.facts_panel)
    window.details_dock = add_dock(window, "Details", "details", window.details_panel)
    window.notes_dock = add_dock(window, "Notes", "notes", window.notes_panel)
    window.splitDockWidget(window.facts_dock, window.details_dock, Qt.Orientation.Vertical)
    window.tabifyDockWidget(window.facts_dock, window.notes_dock)
    window.facts_dock.raise_()
    window.resizeDocks([window.facts_dock], [400], Qt.Orientation.Horizontal)
    window.resizeDocks([window.facts_dock, window.details_dock], [55, 45], Qt.Orientation.Vertical)


def panel_toggles(window: QMainWindow) -> list:
    docks = (window.facts_dock, window.notes_dock, window.details_dock, window.search_dock, window.people_dock)
    toggles = [dock.toggleViewAction() for dock in docks]
    toggles[-1].setShortcut("Ctrl+Shift+P")
    # Search and People share a tab: the one asked for comes to the front.
    for dock, toggle in ((window.search_dock, toggles[-2]), (window.people_dock, toggles[-1])):
        toggle.triggered.connect(lambda on, d=dock: on and d.raise_())
    return toggles
