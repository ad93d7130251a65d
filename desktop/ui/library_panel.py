"""The Library view: every article in the library as a sortable, filterable table.

Filter by words (title, source, tags), by tag and by a date range; double-click or Enter opens the
article; several selected rows can be exported or removed (Del). The panel only shows and asks: the
library controller (library_controller.py) does the work, through the store worker.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import CatalogueEntry
from desktop.ui.library_model import COLUMNS, ID_ROLE, LibraryFilterModel, LibraryModel

ALL_TAGS = "All tags"
EMPTY = (
    "The library is empty. Import a folder of articles (File ▸ Import Folder…, or drop a folder here), "
    "or open an article (Ctrl+O): every article you open is kept here with its notes."
)
_WIDTHS = (360, 160, 90, 90, 70, 60, 70, 55, 160)
_NO_DATE = QDate(1900, 1, 1)


class LibraryPanel(QWidget):
    open_requested = Signal(int)  # document id
    export_requested = Signal(list)  # document ids
    remove_requested = Signal(list)  # document ids
    undo_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()
        self._update()

    def _build(self) -> None:
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter by title, source or tag")
        self.filter_box.setClearButtonEnabled(True)
        self.tag_box = QComboBox(self)
        self.tag_box.addItem(ALL_TAGS)
        self.since_box, self.until_box = self._date_box("From: any"), self._date_box("To: any")
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights and column widths: nothing asks every row for its size.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.empty_label = QLabel(EMPTY, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: gray; padding: 12px")
        self.import_button = QPushButton("Import Folder…", self)
        self.export_button = QPushButton("Export Notes of Selected…", self)
        self.remove_button = QPushButton("Remove from Library…", self)
        self.undo_button = QPushButton("Undo Remove", self)
        self.undo_button.setVisible(False)
        self.remove_action = QAction("Remove from Library…", self.table)
        self.remove_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.remove_action)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 3)
        top.addWidget(self.tag_box, 1)
        top.addWidget(self.since_box)
        top.addWidget(self.until_box)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.remove_button, self.undo_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _date_box(self, special: str) -> QDateEdit:
        box = QDateEdit(self)
        box.setCalendarPopup(True)
        box.setDisplayFormat("yyyy-MM-dd")
        box.setMinimumDate(_NO_DATE)
        box.setSpecialValueText(special)
        box.setDate(_NO_DATE)
        return box

    def _connect(self) -> None:
        self.filter_box.textChanged.connect(self._on_filter_changed)
        self.tag_box.currentIndexChanged.connect(self._on_filter_changed)
        self.since_box.dateChanged.connect(self._on_filter_changed)
        self.until_box.dateChanged.connect(self._on_filter_changed)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.proxy.rowsInserted.connect(self._update)
        self.proxy.rowsRemoved.connect(self._update)
        self.proxy.modelReset.connect(self._update)
        self.proxy.layoutChanged.connect(self._update)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.selected_ids()))
        self.remove_button.clicked.connect(self._on_remove)
        self.remove_action.triggered.connect(self._on_remove)
        self.undo_button.clicked.connect(self.undo_requested)

    # ---- what the controller calls -------------------------------------------------------------------

    def set_entries(self, entries: list[CatalogueEntry]) -> None:
        self.model.set_entries(entries)
        self._refill_tags()

    def put_entries(self, entries: list[CatalogueEntry]) -> None:
        self.model.put_entries(entries)
        known = {self.tag_box.itemText(i) for i in range(1, self.tag_box.count())}
        if any(t not in known for e in entries for t in e.tags):
            self._refill_tags()

    def drop_entries(self, document_ids: list[int]) -> list[CatalogueEntry]:
        gone = self.model.drop_entries(document_ids)
        self._refill_tags()
        return gone

    def set_undo(self, text: str | None) -> None:
        self.undo_button.setVisible(text is not None)
        if text is not None:
            self.undo_button.setText(text)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(index.data(ID_ROLE)) for index in sorted(rows, key=lambda i: i.row())]

    def select_ids(self, document_ids: list[int]) -> None:
        """Select these articles' rows (e.g. those an Undo brought back)."""
        selection = QItemSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in document_ids:
                selection.select(index, self.proxy.index(row, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    # ---- slots ---------------------------------------------------------------------------------------

    def _on_filter_changed(self, *_args: object) -> None:
        tag = self.tag_box.currentText()
        since, until = self.since_box.date(), self.until_box.date()
        self.proxy.set_filter(
            self.filter_box.text(),
            None if tag == ALL_TAGS else tag,
            None if since == _NO_DATE else since,
            None if until == _NO_DATE else until,
        )
        self._update()

    def _on_activated(self, index) -> None:
        document_id = index.siblingAtColumn(0).data(ID_ROLE)
        if document_id is not None:
            self.open_requested.emit(int(document_id))

    def _on_remove(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.remove_requested.emit(ids)

    def _refill_tags(self) -> None:
        current = self.tag_box.currentText()
        tags = self.model.all_tags()
        if [self.tag_box.itemText(i) for i in range(1, self.tag_box.count())] == tags:
            return
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItems([ALL_TAGS, *tags])
        self.tag_box.setCurrentText(current if current in tags else ALL_TAGS)
        self.tag_box.blockSignals(False)

    def _update(self, *_args: object) -> None:
        total, shown = self.model.total, self.proxy.rowCount()
        self.empty_label.setVisible(total == 0)
        self.count_label.setText(f"{shown:,} of {total:,} articles" if shown != total else f"{total:,} articles")
        selected = bool(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else False
        self.export_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.remove_action.setEnabled(selected)
