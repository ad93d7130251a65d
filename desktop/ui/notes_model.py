"""The Notes list as a Qt item model: the article's annotations, one row each, with a filter proxy.

Columns: the passage (with the highlight's colour swatch; a verdict says what it judged), the note, the
tags, and the page ("p. 4") for a paged document such as a PDF. Rows are in reading order. Detached
annotations (their passage is not in the current text) are kept, listed after the others in italics and
grey, and say "detached".

A change to the annotations reaches the model as the whole new list, and the model tells the view only
what changed (rows inserted, removed or changed): a reset for every highlight made the view, its header
and the filter go over every row again, and in an article with a hundred notes each change then took
the GUI thread 30–60 ms (tests/bench/ui_library.py, annotating).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop.ui.descriptions import BOUND_WORDS, format_value, shorten
from desktop.ui.palette import USER_LABELS, colours, user_colour

if TYPE_CHECKING:
    from desktop.store import Annotation

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # annotation id
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2  # (start, end), or None when detached
COLUMNS = ("Passage", "Note", "Tags", "Page")
PAGE_COLUMN = 3
PASSAGE_CHARS = 80
_AUTO_INK = {"quote": "quote", "number": "number", "entity": "person"}
_Index = QModelIndex | QPersistentModelIndex
RESET_ROWS = 50  # rows changed beyond which the view is simply reset (another article)


def reading_order(a: Annotation) -> tuple[bool, int, int, int]:
    """Where an annotation's row goes: by its place in the article, detached ones last."""
    return (a.detached, a.start, a.end, a.id)


def _same(a: Annotation, b: Annotation) -> bool:
    return a is b or a == b


def kind_of(annotation: Annotation) -> str:
    """"quote", "number" or "entity" for a verdict (from its record key), "highlight" for the reader's own."""
    if annotation.auto_key:
        return annotation.auto_key.split(":", 1)[0]
    return "highlight"


def correction_summary(a: Annotation) -> str:
    parts = []
    if a.speaker:
        parts.append(f"speaker {a.speaker}")
    if a.value is not None:
        parts.append(f"value {format_value(a.value)}")
    if a.unit:
        parts.append(f"unit {a.unit}")
    if a.bound and a.status == "corrected" and kind_of(a) == "number":
        parts.append(BOUND_WORDS.get(a.bound, a.bound))
    if a.label and kind_of(a) == "entity":
        parts.append(f"name {a.label}")
    return ", ".join(parts)


def passage_text(a: Annotation) -> str:
    exact = shorten(" ".join(a.exact.split()), PASSAGE_CHARS)
    if a.source == "user":
        text = f"“{exact}”"
    else:
        summary = correction_summary(a) if a.status == "corrected" else ""
        text = f"{a.status.capitalize()} {kind_of(a)}{f' ({summary})' if summary else ''}: “{exact}”"
    return f"{text} — detached" if a.detached else text


def swatch(colour: str, outline: str | None = None) -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(outline or colour).darker(140))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


class NotesModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Annotation] = []
        self.dark = False
        self._icons: dict[str, QIcon] = {}
        # The page of an offset for a paged document (Document.page_at); None for other documents.
        self.page_of: Callable[[int], int | None] | None = None

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Show `annotations` in reading order (detached last), telling the view only what changed."""
        new = sorted(annotations, key=reading_order)
        old = self.rows
        head, limit = 0, min(len(old), len(new))
        while head < limit and _same(old[head], new[head]):
            head += 1
        tail = 0
        while tail < limit - head and _same(old[-1 - tail], new[-1 - tail]):
            tail += 1
        removed, added = len(old) - head - tail, len(new) - head - tail
        if max(removed, added) > RESET_ROWS:  # another article: one reset is as cheap and simpler
            self.beginResetModel()
            self.rows = new
            self.endResetModel()
            return
        changed = min(removed, added)
        if changed:
            old[head : head + changed] = new[head : head + changed]
            self.dataChanged.emit(self.index(head, 0), self.index(head + changed - 1, len(COLUMNS) - 1))
        at = head + changed
        if removed > changed:
            self.beginRemoveRows(QModelIndex(), at, head + removed - 1)
            del old[at : head + removed]
            self.endRemoveRows()
        elif added > changed:
            self.beginInsertRows(QModelIndex(), at, head + added - 1)
            old[at:at] = new[at : head + added]
            self.endInsertRows()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._icons.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def row_of(self, annotation_id: int) -> int | None:
        return next((i for i, a in enumerate(self.rows) if a.id == annotation_id), None)

    # QAbstractItemModel: a flat table.
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self.rows) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (passage_text(a), a.note.replace("\n", " "), ", ".join(a.tags), self._page(a))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            label = USER_LABELS.get(a.category, a.category) if a.source == "user" else f"{a.status} {kind_of(a)}"
            tip = f"{label}\n“{shorten(a.exact, 400)}”"
            if a.note:
                tip += f"\n\n{a.note}"
            if a.detached:
                tip += "\n\nDetached: this passage is no longer in the article; the note is kept."
            return tip
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon(a)
        if role == Qt.ItemDataRole.FontRole and a.detached:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (a.detached or a.status == "rejected"):
            return QColor("gray")
        if role == ID_ROLE:
            return a.id
        if role == SPAN_ROLE:
            return None if a.detached else (a.start, a.end)
        return None

    def _page(self, a: Annotation) -> str:
        page = self.page_of(a.start) if self.page_of is not None and not a.detached else None
        return f"p. {page}" if page else ""

    def _icon(self, a: Annotation) -> QIcon:
        if a.source == "user":
            colour = user_colour(a.category, self.dark, a.color)
        else:
            colour = colours(_AUTO_INK.get(kind_of(a), "other"), self.dark).ink
        if colour not in self._icons:
            self._icons[colour] = swatch(colour)
        return self._icons[colour]


class NotesFilterModel(QSortFilterProxyModel):
    """Case-insensitive filter over passage, note and tags; rows keep the model's reading order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
