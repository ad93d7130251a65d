"""The read-only reading view: serif text in a centred column of about 75 characters, with highlights.

It knows highlights only as spans with categories; what they mean is for the Details panel. Clicking a
highlight (or pressing Enter with one selected) emits highlight_activated.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.ui.highlight_painter import HighlightPainter
from desktop.ui.highlights import Highlight, HighlightIndex
from desktop.ui.palette import CATEGORIES, page_colours
from desktop.ui.reading_font import (
    DEFAULT_POINT_SIZE,
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    SERIF_FAMILIES,
    ReadingFont,
)
from desktop.ui.selection_marks import SelectionMarks
from desktop.ui.text_positions import TextPositions

__all__ = ["DEFAULT_POINT_SIZE", "MAX_POINT_SIZE", "MIN_POINT_SIZE", "SERIF_FAMILIES", "ArticleView", "TextChunks"]

# setPlainText of 3 MB blocks for ~150 ms; slices this size take a few milliseconds each.
TEXT_CHUNK = 50_000
HOLD_MS = 1000  # the longest the rest of a text waits (hold_rest)


class TextChunks:
    """`text` handed out in pieces cut at line breaks; joined with '\\n' they give `text` back."""

    def __init__(self, text: str, size: int):
        self.text = text
        self.size = size
        self.start = 0 if text else None

    def __bool__(self) -> bool:
        return self.start is not None

    def pop(self) -> str:
        if self.start is None:
            return ""
        start = self.start
        cut = self.text.find("\n", start + self.size) if len(self.text) - start > self.size else -1
        if cut < 0:
            self.start = None
            return self.text[start:]
        self.start = cut + 1
        return self.text[start:cut]


class ArticleView(ReadingFont, QPlainTextEdit):
    highlight_activated = Signal(object)  # Highlight
    selection_cleared = Signal()
    font_size_changed = Signal(float)
    highlights_painted = Signal()
    text_loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.text = ""
        self.positions = TextPositions("")
        self.index = HighlightIndex()
        self.shown: set[str] = set(CATEGORIES)
        self.dark = False
        self.current: Highlight | None = None
        self.tooltip_for: Callable[[Highlight], str] | None = None
        self._press_pos: QPoint | None = None
        self._pending_chunks = TextChunks("", TEXT_CHUNK)
        self._append_timer = QTimer(self)
        self._append_timer.setInterval(0)
        self._append_timer.timeout.connect(self._on_append_tick)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self.release_rest)
        self.setUndoRedoEnabled(False)
        self.painter = HighlightPainter(self)
        self.painter.finished.connect(self.highlights_painted)
        self.marks = SelectionMarks(self)
        font = QFont()
        font.setFamilies(SERIF_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(DEFAULT_POINT_SIZE)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self.apply_theme(False)

    # Text and highlights.
    def show_text(self, text: str, held: bool = False) -> None:
        """Show `text` at once; a long text arrives in slices so the window keeps answering meanwhile
        (`held`: the slices after the first wait, see hold_rest)."""
        self.marks.stop_flash()
        self.current = None
        self.text = text
        self.positions = TextPositions(text)
        self.index = HighlightIndex()
        self.painter.reset(self.positions)
        self._pending_chunks = TextChunks(text, TEXT_CHUNK)
        self.setPlainText(self._pending_chunks.pop())
        self.marks.update()
        self.verticalScrollBar().setValue(0)
        if held:
            self.hold_rest()
        elif self._pending_chunks:
            self._append_timer.start()

    def hold_rest(self) -> None:
        """Append no more of the text for now (at most HOLD_MS, or until release_rest).

        While a worker prepares what the reader waits for next (a cached article's highlights), the
        slices appended here would compete with it for the GIL: the first slice is on screen already,
        and the rest can come a moment later.
        """
        self._append_timer.stop()
        self._hold_timer.start(HOLD_MS)

    def release_rest(self) -> None:
        self._hold_timer.stop()
        if self._pending_chunks:
            self._append_timer.start()

    @property
    def loading(self) -> bool:
        return bool(self._pending_chunks)

    def _on_append_tick(self) -> None:
        if not self._pending_chunks:
            self._append_timer.stop()
            return
        # appendPlainText is Qt's path for growing logs: it starts a new block, as the '\n' cut did.
        bar = self.verticalScrollBar()
        value = bar.value()
        self.appendPlainText(self._pending_chunks.pop())
        bar.setValue(value)
        if not self._pending_chunks:
            self._append_timer.stop()
            self.text_loaded.emit()
            if len(self.index) or len(self.painter.user_index):
                self.painter.paint(self.index, self.shown, self.dark)

    def show_highlights(self, index: HighlightIndex) -> None:
        """Paint the highlights, the visible ones first; while text is still arriving, the slices that
        are in are painted now and the whole text again once the last slice is in."""
        self.index = index
        self.current = None
        self.marks.update()
        self.painter.paint(index, self.shown, self.dark)

    def show_user_marks(self, index: HighlightIndex) -> None:
        """The reader's own highlights (category = user colour key, index = annotation id)."""
        if self.loading:
            self.painter.user_index = index  # painted with the rest once the text is in
            return
        self.painter.paint_user(index)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as str offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.positions.from_qt(cursor.selectionStart()), self.positions.from_qt(cursor.selectionEnd())

    def cursor_offset(self) -> int:
        return self.positions.from_qt(self.textCursor().position())

    def set_shown(self, shown: set[str]) -> None:
        self.shown = set(shown)
        if self.current is not None and self.current.category not in self.shown:
            self.clear_selection()
        if not self.loading:
            self.painter.paint(shown=self.shown)

    @property
    def painting(self) -> bool:
        return self.painter.busy or self.loading

    def after_painting(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the highlights are all painted (now, if they are). Python work started
        in a thread alongside the paint slices kept this thread waiting for the GIL (up to 115 ms)."""
        if self.painting:
            self.highlights_painted.connect(callback, Qt.ConnectionType.SingleShotConnection)
        else:
            callback()

    def apply_theme(self, dark: bool) -> None:
        self.dark = dark
        background, text = page_colours(dark)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(background))
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.Text, QColor(text))
        self.setPalette(palette)
        # The margins beside the text column belong to the page, not to the window frame.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        if self.loading:
            self.painter.set_dark(dark)
        else:
            self.painter.paint(dark=dark)
        self.marks.update()

    # Selection, navigation and flashing.
    def select_highlight(self, highlight: Highlight | None, reveal: bool = True) -> None:
        self.current = highlight
        if highlight is not None and reveal:
            self.reveal(highlight.start, highlight.end)
        self.marks.update()

    def step_highlight(self, direction: int, same_category: bool = False) -> Highlight | None:
        """Select the next (+1) or previous (-1) shown highlight after the selected one or the view's top."""
        current = self.current
        category = current.category if same_category and current is not None else None
        if current is not None:
            anchor = current.start
        else:
            anchor = self.offset_at(self.viewport().rect().topLeft()) - (1 if direction > 0 else 0)
        find = self.index.next_after if direction > 0 else self.index.previous_before
        found = find(anchor, self.shown, category)
        if found is not None:
            self.select_highlight(found)
        return found

    def clear_selection(self) -> None:
        self.current = None
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.marks.update()
        self.selection_cleared.emit()

    def reveal(self, start: int, end: int | None = None) -> None:
        """Scroll so the span is in view; a span already comfortably visible stays where it is."""
        cursor = self.cursor_at(start)
        rect = self.cursorRect(cursor)
        margin = 2 * rect.height()
        if margin <= rect.top() and rect.bottom() <= self.viewport().height() - margin:
            return
        # QPlainTextEdit scrolls by lines, so let it centre the line that holds the span. The caret is
        # not drawn (mouse-only interaction), so moving it has no other visible effect.
        self.setTextCursor(cursor)
        self.centerCursor()

    def flash(self, start: int, end: int) -> None:
        self.marks.flash(start, end)

    @property
    def flash_range(self) -> tuple[int, int] | None:
        return self.marks.flash_range

    def cursor_at(self, offset: int, end: int | None = None) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.positions.to_qt(offset), self.document().characterCount() - 1))
        if end is not None:
            cursor.setPosition(min(self.positions.to_qt(end), self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def offset_at(self, point: QPoint) -> int:
        return self.positions.from_qt(self.cursorForPosition(point).position())

    def highlight_at(self, point: QPoint) -> Highlight | None:
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        # cursorForPosition snaps to the nearest character even far right of a line's end.
        if abs(rect.center().y() - point.y()) > rect.height():
            return None
        offset = self.positions.from_qt(cursor.position())
        hit = self.index.at(offset, self.shown)
        if hit is None and offset > 0:
            # The cursor lands between characters; the character left of it is under the pointer too.
            left = self.index.at(offset - 1, self.shown)
            if left is not None and self.cursorRect(self.cursor_at(left.end)).left() >= point.x() - 1:
                hit = left
        return hit

    def span_rect_center(self, start: int, end: int) -> QPoint:
        """Centre of the first line of a span, in viewport coordinates (for clicks in tests and tools)."""
        a = self.cursorRect(self.cursor_at(start))
        b = self.cursorRect(self.cursor_at(min(end, start + 3)))
        return QPoint((a.left() + b.left()) // 2 + 1, a.center().y())

    # Events.
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.update_margins()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 4:
            return
        hit = self.highlight_at(pos)
        if hit is not None:
            self.select_highlight(hit, reveal=False)
            self.highlight_activated.emit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is not None:
            self.highlight_activated.emit(self.current)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            hit = self.highlight_at(event.pos())
            if hit is not None and self.tooltip_for is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(hit), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
