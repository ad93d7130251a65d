"""The Facts panel: a filter box over the facts tree; activating a row asks the window to show it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.ui.column_widths import fit_columns
from desktop.ui.facts_model import (
    CATEGORY_ROLE,
    RECORD_ROLE,
    TARGET_ROLE,
    FactNode,
    FactsFilterModel,
    FactsModel,
)

EXPANDED_GROUP_ROWS = 200
COLUMN_SAMPLES = {1: "888,888"}  # the count column, as wide as the largest count a group shows


class FactsPanel(QWidget):
    fact_activated = Signal(object, object)  # target (start, end), record (kind, index) or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FactsModel(self)
        self.proxy = FactsFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter facts")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._on_filter_changed)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(False)
        self.tree.setHeaderHidden(True)
        self.tree.setFrameShape(QTreeView.Shape.NoFrame)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # from the font (column_widths.py)
        fit_columns(self.tree, COLUMN_SAMPLES)
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            fit_columns(self.tree, COLUMN_SAMPLES)
        super().changeEvent(event)

    def set_dark(self, dark: bool) -> None:
        self.model.set_dark(dark)

    def set_tree(self, root: FactNode | None) -> FactNode:
        """Show `root` (None: nothing); returns the tree shown until now, which no view reaches any more."""
        shown = self.model.root
        self.model.set_tree(root)
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            # Long groups start closed: laying out thousands of rows would hold up the window.
            if self.proxy.rowCount(group) <= EXPANDED_GROUP_ROWS:
                self.tree.expand(group)
        return shown

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            if text or self.proxy.rowCount(group) <= EXPANDED_GROUP_ROWS:
                self.tree.expandRecursively(group)

    def _on_activated(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if target is None:
            return  # a group row; its arrow opens and closes it
        self.fact_activated.emit(tuple(target), index.data(RECORD_ROLE))

    def category_of(self, index: QModelIndex) -> str | None:
        return index.data(CATEGORY_ROLE)
