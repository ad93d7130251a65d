"""The Notes panel: a filter box over the article's annotations; clicking one asks to jump to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.column_widths import fit_columns
from desktop.ui.notes_model import ID_ROLE, PAGE_COLUMN, NotesFilterModel, NotesModel

if TYPE_CHECKING:
    from desktop.store import Annotation

# The starting widths of the Note, Tags and Page columns (column_widths.py).
COLUMN_SAMPLES = {1: "A note of a few words", 2: "a tag, another", PAGE_COLUMN: "p. 8888"}
EMPTY = "Select a passage and press Ctrl+H to highlight it, Ctrl+M to add a note."


class NotesPanel(QWidget):
    annotation_activated = Signal(int)  # annotation id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = NotesModel(self)
        self.proxy = NotesFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter notes and tags")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setFrameShape(QTreeView.Shape.NoFrame)
        self.tree.setSortingEnabled(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not the rows (column_widths.py); the reader can drag Note and Tags wider.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PAGE_COLUMN, QHeaderView.ResizeMode.Fixed)
        fit_columns(self.tree, COLUMN_SAMPLES)
        self.tree.setColumnHidden(PAGE_COLUMN, True)  # shown for paged documents only
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)
        self.empty_label = QLabel(EMPTY, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: gray")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            fit_columns(self.tree, COLUMN_SAMPLES)
        super().changeEvent(event)

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self.model.set_annotations(annotations)
        self.empty_label.setVisible(not annotations)

    def set_page_of(self, page_of: Callable[[int], int | None] | None) -> None:
        """Show each annotation's page (for a PDF), or no Page column (None)."""
        self.model.page_of = page_of
        self.tree.setColumnHidden(PAGE_COLUMN, page_of is None)
        if self.model.rows:
            self.model.dataChanged.emit(self.model.index(0, PAGE_COLUMN), self.model.index(len(self.model.rows) - 1, PAGE_COLUMN))

    def set_dark(self, dark: bool) -> None:
        self.model.set_dark(dark)

    def index_of(self, annotation_id: int) -> QModelIndex:
        """The proxy index of an annotation's row (invalid when filtered out or gone)."""
        row = self.model.row_of(annotation_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        annotation_id = index.siblingAtColumn(0).data(ID_ROLE)
        if annotation_id is not None:
            self.annotation_activated.emit(int(annotation_id))
