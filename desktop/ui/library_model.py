"""The Library view's table: one row per article (CatalogueEntry), sorted and filtered.

Sorting and filtering are done by the model itself, each in one pass of Python over its list (10,000
rows in a few milliseconds). A QSortFilterProxyModel doing them would call back into Python for every
row it filters and for every comparison it sorts, tens or hundreds of thousands of times. The proxy on
top is therefore a plain one: it passes rows through and hands `sort` to the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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
_KEYS: tuple[Callable[[CatalogueEntry], Any], ...] = (
    lambda e: e.title.casefold(),
    lambda e: e.source.casefold(),
    lambda e: e.published or "",
    lambda e: e.added,
    lambda e: e.words,
    lambda e: -1 if e.quotes is None else e.quotes,
    lambda e: -1 if e.numbers is None else e.numbers,
    lambda e: e.notes,
    lambda e: ", ".join(e.tags).casefold(),
)


class LibraryFilter:
    """Words (in title, source or tags, all needed), one tag, and a date range (the article's date,
    or the day it was added when it has none)."""

    def __init__(self, text: str = "", tag: str | None = None, since: QDate | None = None, until: QDate | None = None):
        self.words = text.casefold().split()
        self.tag = tag.casefold() if tag else None
        self.since = since.toString("yyyy-MM-dd") if since is not None and since.isValid() else None
        self.until = until.toString("yyyy-MM-dd") if until is not None and until.isValid() else None

    @property
    def active(self) -> bool:
        return bool(self.words or self.tag or self.since or self.until)

    def accepts(self, entry: CatalogueEntry) -> bool:
        if self.words:
            haystack = f"{entry.title} {entry.source} {' '.join(entry.tags)}".casefold()
            if not all(w in haystack for w in self.words):
                return False
        if self.tag is not None and self.tag not in (t.casefold() for t in entry.tags):
            return False
        date = entry.date
        return not ((self.since and date < self.since) or (self.until and date > self.until))


class LibraryModel(QAbstractTableModel):
    """`entries` are all the library's articles; `rows` those shown, filtered and in the sorted order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: dict[int, CatalogueEntry] = {}
        self.rows: list[CatalogueEntry] = []
        self.filter = LibraryFilter()
        self.sort_column, self.sort_order = 3, Qt.SortOrder.DescendingOrder
        self._row_of: dict[int, int] = {}

    # ---- contents ------------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self._rebuild()

    def put_entries(self, entries: Iterable[CatalogueEntry]) -> None:
        """Add new articles, or update those already listed (after an import or an edit)."""
        fresh = []
        for entry in entries:
            self.entries[entry.id] = entry
            row = self._row_of.get(entry.id)
            if row is not None:
                self.rows[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            elif self.filter.accepts(entry):
                fresh.append(entry)
        if len(fresh) > 1:  # a batch (an import): one sort, cheaper than finding each one's place
            self.layoutAboutToBeChanged.emit()
            self.rows.extend(fresh)
            self._sort_rows()
            self.layoutChanged.emit()
        elif fresh:
            row = self._insert_position(fresh[0])
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, fresh[0])
            self._reindex()
            self.endInsertRows()

    def drop_entries(self, document_ids: Iterable[int]) -> list[CatalogueEntry]:
        """Remove articles from the list; returns their entries (for Undo)."""
        gone = [self.entries.pop(i) for i in document_ids if i in self.entries]
        if gone:
            self._rebuild()
        return gone

    def entry(self, document_id: int) -> CatalogueEntry | None:
        return self.entries.get(document_id)

    def all_tags(self) -> list[str]:
        return sorted({t for e in self.entries.values() for t in e.tags}, key=str.casefold)

    @property
    def total(self) -> int:
        return len(self.entries)

    # ---- filtering and sorting ---------------------------------------------------------------------

    def set_filter(self, chosen: LibraryFilter) -> None:
        self.filter = chosen
        self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or (column, order) == (self.sort_column, self.sort_order):
            return  # a view asks twice for one click (header and sortByColumn): sort once
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in before]
        self._sort_rows()
        after = [self.index(self._row_of[d], i.column()) if d in self._row_of else QModelIndex() for d, i in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _rebuild(self) -> None:
        self.beginResetModel()
        chosen = self.filter
        self.rows = [e for e in self.entries.values() if chosen.accepts(e)] if chosen.active else list(self.entries.values())
        self._sort_rows()
        self.endResetModel()

    def _sort_rows(self) -> None:
        # Ties keep the order added, newest first, whatever the direction.
        self.rows.sort(key=lambda e: -e.id)
        self.rows.sort(key=_KEYS[self.sort_column], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self._reindex()

    def _reindex(self) -> None:
        self._row_of = {e.id: i for i, e in enumerate(self.rows)}

    def _insert_position(self, entry: CatalogueEntry) -> int:
        """Where the sort puts a new (newest) article: before the first row it does not sort after."""
        key = _KEYS[self.sort_column]
        mine = key(entry)
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        for row, other in enumerate(self.rows):
            theirs = key(other)
            if (theirs <= mine) if descending else (theirs >= mine):
                return row
        return len(self.rows)

    # ---- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

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
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(self.rows[index.row()], index.column())
        if role == ID_ROLE:
            return self.rows[index.row()].id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in _NUMERIC else None
        if role == ENTRY_ROLE:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 1):
            return self.rows[index.row()].path or "Pasted or imported text (no file)"
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
    """A pass-through proxy whose source model sorts and filters itself (see the module docstring)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class LibraryFilterModel(SourceSortingProxy):
    """The Library view's proxy: hands the filter to the model as well."""

    def set_filter(self, text: str = "", tag: str | None = None, since: QDate | None = None, until: QDate | None = None) -> None:
        self.sourceModel().set_filter(LibraryFilter(text, tag, since, until))
