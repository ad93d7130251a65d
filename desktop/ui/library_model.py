"""The Library view's table: one row per article (CatalogueEntry), sorted and filtered.

Sorting is done by the model itself with one Python key sort (10,000 rows in a few milliseconds); a
QSortFilterProxyModel sorting them would call back into Python for every comparison, hundreds of
thousands of times. The proxy therefore only filters (text, tag, date range) and hands `sort` on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.store.records import CatalogueEntry

COLUMNS = ("Title", "Source", "Date", "Added", "Words", "Quotes", "Numbers", "Notes", "Tags")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_NUMERIC = {4, 5, 6, 7}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _sort_key(column: int):
    keys = {
        0: lambda e: e.title.casefold(),
        1: lambda e: e.source.casefold(),
        2: lambda e: e.date,
        3: lambda e: e.added,
        4: lambda e: e.words,
        5: lambda e: -1 if e.quotes is None else e.quotes,
        6: lambda e: -1 if e.numbers is None else e.numbers,
        7: lambda e: e.notes,
        8: lambda e: ", ".join(e.tags).casefold(),
    }
    return keys[column]


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CatalogueEntry] = []
        self._row_of: dict[int, int] = {}
        self.sort_column, self.sort_order = 3, Qt.SortOrder.DescendingOrder

    # ---- contents ------------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        self.beginResetModel()
        self.rows = list(entries)
        self._sort_rows()
        self.endResetModel()

    def put_entries(self, entries: Iterable[CatalogueEntry]) -> None:
        """Add new articles, or update those already listed (after an import or an edit)."""
        fresh = []
        for entry in entries:
            row = self._row_of.get(entry.id)
            if row is None:
                fresh.append(entry)
            else:
                self.rows[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        for entry in fresh:
            row = self._insert_position(entry)
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, entry)
            self._reindex()
            self.endInsertRows()

    def _insert_position(self, entry: CatalogueEntry) -> int:
        """Where the sort puts a new (newest) article: before the first row it does not sort after."""
        key = _sort_key(self.sort_column)
        mine = key(entry)
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        for row, other in enumerate(self.rows):
            theirs = key(other)
            if (theirs <= mine) if descending else (theirs >= mine):
                return row
        return len(self.rows)

    def drop_entries(self, document_ids: Iterable[int]) -> list[CatalogueEntry]:
        """Remove articles from the list; returns their entries (for Undo)."""
        wanted = set(document_ids)
        gone = [e for e in self.rows if e.id in wanted]
        if gone:
            self.beginResetModel()
            self.rows = [e for e in self.rows if e.id not in wanted]
            self._reindex()
            self.endResetModel()
        return gone

    def entry(self, document_id: int) -> CatalogueEntry | None:
        row = self._row_of.get(document_id)
        return None if row is None else self.rows[row]

    def all_tags(self) -> list[str]:
        return sorted({t for e in self.rows for t in e.tags}, key=str.casefold)

    # ---- sorting ---------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in before]
        self._sort_rows()
        self.changePersistentIndexList(before, [self.index(self._row_of[d], i.column()) for d, i in zip(ids, before, strict=True)])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        key = _sort_key(self.sort_column)
        # Ties keep the order added, newest first, whatever the direction.
        self.rows.sort(key=lambda e: -e.id)
        self.rows.sort(key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self._reindex()

    def _reindex(self) -> None:
        self._row_of = {e.id: i for i, e in enumerate(self.rows)}

    # ---- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
                return _RIGHT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, column)
        if role == ID_ROLE:
            return entry.id
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return entry.path or "Pasted or imported text (no file)"
        return None


def _display(entry: CatalogueEntry, column: int) -> str:
    if column == 0:
        return entry.title
    if column == 1:
        return entry.source
    if column == 2:
        return entry.published or ""
    if column == 3:
        return entry.added[:10]
    if column == 4:
        return f"{entry.words:,}"
    if column == 5:
        return "" if entry.quotes is None else str(entry.quotes)
    if column == 6:
        return "" if entry.numbers is None else str(entry.numbers)
    if column == 7:
        return str(entry.notes) if entry.notes else ""
    return ", ".join(entry.tags)


class SourceSortingProxy(QSortFilterProxyModel):
    """A proxy that filters and lets its source model sort itself (in one Python key sort)."""

    def refilter(self, change) -> None:
        """Apply `change()` to the filter's settings and filter again (Qt 6.10+: begin/endFilterChange)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class LibraryFilterModel(SourceSortingProxy):
    """Filters by words (title, source, tags), one tag, and a date range (the article's date, or the
    day it was added when it has none); sorting is the source model's (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.tag: str | None = None
        self.since: str | None = None
        self.until: str | None = None

    def set_filter(self, text: str = "", tag: str | None = None, since: QDate | None = None, until: QDate | None = None) -> None:
        def change() -> None:
            self.words = text.casefold().split()
            self.tag = tag.casefold() if tag else None
            self.since = since.toString("yyyy-MM-dd") if since is not None and since.isValid() else None
            self.until = until.toString("yyyy-MM-dd") if until is not None and until.isValid() else None

        self.refilter(change)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        entry = self.sourceModel().rows[source_row]
        if self.words:
            haystack = f"{entry.title} {entry.source} {' '.join(entry.tags)}".casefold()
            if not all(w in haystack for w in self.words):
                return False
        if self.tag is not None and self.tag not in (t.casefold() for t in entry.tags):
            return False
        date = entry.date
        return not ((self.since and date < self.since) or (self.until and date > self.until))
