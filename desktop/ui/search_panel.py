"""The Search panel (Ctrl+Shift+F): the whole library searched as you type, results grouped by article.

Each article lists its best hits (text, quote with its speaker, note) with the matched words in bold;
clicking a hit (or Enter) asks to open the article there. The query runs on the store worker; the panel
shows the reader's mistakes ("in:pictures is not a place to search…") as a line of text, never a box.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import SearchHit, SearchResult, SearchResults

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
TARGET_ROLE = Qt.ItemDataRole.UserRole + 11  # (document_id, start, end)
KIND_WORDS = {"text": "Text", "quote": "Quote", "note": "Note"}
HELP = 'Words, "a phrase", prefix*, -word, OR, speaker:Name, tag:Tag, in:quotes|notes|text'
_Index = QModelIndex | QPersistentModelIndex
DELAY_MS = 250


def marked_html(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    out, at = [], 0
    for start, end in marks:
        out += [escape(text[at:start]), "<b>", escape(text[start:end]), "</b>"]
        at = end
    out.append(escape(text[at:]))
    return " ".join("".join(out).split())


class SearchResultsModel(QAbstractItemModel):
    """Articles at the top level, their hits below (internal id: 0 for an article, row + 1 of its parent)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: tuple[SearchResult, ...] = ()

    def set_results(self, results: SearchResults | None) -> None:
        self.beginResetModel()
        self.results = results.results if results is not None else ()
        self.endResetModel()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if 0 <= row < len(self.results) else QModelIndex()
        if parent.internalId() == 0 and 0 <= row < len(self.results[parent.row()].hits):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.results)
        if parent.internalId() == 0:
            return len(self.results[parent.row()].hits)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def item(self, index: _Index) -> tuple[SearchResult, SearchHit | None]:
        if index.internalId() == 0:
            return self.results[index.row()], None
        result = self.results[index.internalId() - 1]
        return result, result.hits[index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result, hit = self.item(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if hit is None:
                return f"{result.title} — {result.source} · {result.date}"
            return f"{KIND_WORDS[hit.kind]}: {hit.snippet}"
        if role == HTML_ROLE:
            if hit is None:
                more = f" · {result.total_hits} hits" if result.total_hits > 1 else ""
                return f"<b>{escape(result.title)}</b> <span style='color:gray'>— {escape(result.source)} · {escape(result.date)}{more}</span>"
            who = f"{escape(hit.speaker)}: " if hit.speaker else ""
            tags = f" <span style='color:gray'>[{escape(hit.tags)}]</span>" if hit.tags else ""
            return f"<span style='color:gray'>{KIND_WORDS[hit.kind]}</span> {who}{marked_html(hit.snippet, hit.marks)}{tags}"
        if role == TARGET_ROLE:
            if hit is None:
                first = result.hits[0] if result.hits else None
                return (result.document_id, first.start, first.end) if first else (result.document_id, 0, 0)
            return (result.document_id, hit.start, hit.end)
        if role == Qt.ItemDataRole.ToolTipRole and hit is not None and hit.passage:
            return f"On “{hit.passage[:300]}”"
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE (a line with bold marks) in place of its plain text."""

    def paint(self, painter, option: QStyleOptionViewItem, index: _Index) -> None:
        html = index.data(HTML_ROLE)
        if html is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = QTextDocument()
        document.setDocumentMargin(2)
        document.setDefaultFont(opt.font)
        document.setHtml(html)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


class SearchPanel(QWidget):
    search_requested = Signal(str)
    hit_activated = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self.query_box = QLineEdit(self)
        self.query_box.setPlaceholderText("Search the library")
        self.query_box.setClearButtonEnabled(True)
        self.query_box.setToolTip(HELP)
        self.status_label = QLabel(HELP, self)
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: gray")
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(RichTextDelegate(self.tree))
        self.tree.setFrameShape(QTreeView.Shape.NoFrame)
        self.tree.setExpandsOnDoubleClick(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query_box.textChanged.connect(lambda _t: self._timer.start())
        self.query_box.returnPressed.connect(self.run_search)
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.query_box)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tree, 1)
        self._asked = ""

    def focus_query(self) -> None:
        self.query_box.setFocus()
        self.query_box.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query_box.text().strip()
        if text == self._asked:
            return
        self._asked = text
        if not text:
            self.model.set_results(None)
            self.status_label.setText(HELP)
            return
        self.status_label.setText("Searching…")
        self.search_requested.emit(text)

    def forget_query(self) -> None:
        """The library changed: the next search runs again even for the same words."""
        self._asked = ""

    def show_results(self, text: str, results: SearchResults) -> None:
        if text != self._asked:
            return  # an older query's answer
        self.model.set_results(results)
        self.tree.expandAll()
        n = results.articles
        shown = f" (the first {len(results.results)})" if results.truncated else ""
        self.status_label.setText(f"{n:,} article{'s' if n != 1 else ''} match{'es' if n == 1 else ''}{shown}." if n else "Nothing in the library matches.")

    def show_error(self, text: str, message: str) -> None:
        if text == self._asked:
            self.model.set_results(None)
            self.status_label.setText(message)

    def _on_activated(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if target is not None:
            self.hit_activated.emit(*target)
