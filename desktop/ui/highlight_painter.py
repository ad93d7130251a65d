"""Applies highlight formats to the article in small slices, the visible part first.

Formats go onto each block's layout (as QSyntaxHighlighter does), so the document itself is never
edited and toggling a category only repaints. The reader's own highlights (`user_index`, categories from
USER_CATEGORIES) are laid over the automatic ones as a marker background only, so a name inside keeps
its underline; a change to them repaints just the blocks it touches. Tens of thousands of formats in one go would block the
GUI thread for half a second, so the work is a generator that a zero-interval timer resumes for a few
milliseconds at a time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from desktop.ui.highlights import Highlight, HighlightIndex
from desktop.ui.palette import CATEGORIES, colours, user_colour
from desktop.ui.text_positions import TextPositions

# Marks a format with its category so tests and tools can read back what is painted.
CATEGORY_PROPERTY = QTextFormat.Property.UserProperty + 1
USER_PROPERTY = QTextFormat.Property.UserProperty + 2  # the annotation id of a user highlight
SLICE_SECONDS = 0.005


def category_format(category: str, dark: bool) -> QTextCharFormat:
    c = colours(category, dark)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(c.tint))
    if category != "quote":
        # Names, dates and numbers are underlined in their ink, so they stay visible inside a quote's tint.
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(c.ink))
    fmt.setProperty(CATEGORY_PROPERTY, category)
    return fmt


def user_format(category: str, dark: bool) -> QTextCharFormat:
    """A user highlight: a marker background; `category` is a USER_CATEGORIES key or a stored #colour."""
    fmt = QTextCharFormat()
    colour = category if category.startswith("#") else user_colour(category, dark)
    fmt.setBackground(QColor(colour))
    return fmt


class HighlightPainter(QObject):
    finished = Signal()

    def __init__(self, view: QPlainTextEdit):
        super().__init__(view)
        self.view = view
        self.index = HighlightIndex()
        self.positions = TextPositions("")
        self.shown: set[str] = set(CATEGORIES)
        self.formats = {c: category_format(c, False) for c in CATEGORIES}
        self.user_index = HighlightIndex()
        self.dark = False
        self._work: Iterator[None] | None = None
        self._on_screen = range(0)  # block numbers on screen as the current slice began
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_tick)

    @property
    def busy(self) -> bool:
        return self._work is not None

    def reset(self, positions: TextPositions) -> None:
        """A new text is shown: forget the old highlights (its blocks are gone with it)."""
        self._stop()
        self.positions = positions
        self.index = HighlightIndex()
        self.user_index = HighlightIndex()

    def paint(self, index: HighlightIndex | None = None, shown: set[str] | None = None, dark: bool | None = None) -> None:
        if index is not None:
            self.index = index
        if shown is not None:
            self.shown = set(shown)
        if dark is not None:
            self.set_dark(dark)
        self._stop()
        self._work = self._paint_all()
        self._on_tick()
        if self._work is not None:
            self._timer.start()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.formats = {c: category_format(c, dark) for c in CATEGORIES}

    def paint_user(self, index: HighlightIndex) -> None:
        """Show another set of user highlights, repainting only the blocks whose marks changed."""
        changed = set(self.user_index.items) ^ set(index.items)
        self.user_index = index
        document = self.view.document()
        to_qt = self.positions.to_qt
        done: set[int] = set()
        for h in sorted(changed, key=lambda h: h.start):
            block = document.findBlock(to_qt(h.start))
            end = to_qt(h.end)
            while block.isValid() and block.position() < end:
                if block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    self._paint_block(block)
                block = block.next()

    def _stop(self) -> None:
        self._timer.stop()
        self._work = None

    def _on_tick(self) -> None:
        if self._work is None:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        shown = self._visible_blocks()  # the reader may have scrolled since the last slice
        self._on_screen = range(shown[0].blockNumber(), shown[-1].blockNumber() + 1) if shown else range(0)
        try:
            while time.perf_counter() < deadline:
                next(self._work)
        except StopIteration:
            self._stop()
            self.finished.emit()

    def _paint_all(self) -> Iterator[None]:
        document = self.view.document()
        to_qt = self.positions.to_qt
        done: set[int] = set()
        for block in self._visible_blocks():
            self._paint_block(block)
            done.add(block.blockNumber())
            yield
        # Then every block that holds a highlight, in reading order (a quote may span several).
        for h in (*self.index.items, *self.user_index.items):
            block = document.findBlock(to_qt(h.start))
            end = to_qt(h.end)
            while block.isValid() and block.position() < end:
                number = block.blockNumber()
                if number not in done:
                    done.add(number)
                    self._paint_block(block, number in self._on_screen)
                block = block.next()
            yield

    def _visible_blocks(self) -> list[QTextBlock]:
        view = self.view
        block = view.firstVisibleBlock()
        height = view.viewport().height()
        offset = view.contentOffset()
        blocks = []
        while block.isValid():
            if view.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            blocks.append(block)
            block = block.next()
        return blocks

    def _paint_block(self, block: QTextBlock, on_screen: bool = True) -> None:
        positions = self.positions
        start = positions.from_qt(block.position())
        end = start + len(block.text())
        base = block.position()
        ranges = []

        def add(h: Highlight, fmt: QTextCharFormat) -> None:
            s, e = max(h.start, start), min(h.end, end)
            if e > s:
                r = QTextLayout.FormatRange()
                r.start = positions.to_qt(s) - base
                r.length = positions.to_qt(e) - positions.to_qt(s)
                r.format = fmt
                ranges.append(r)

        for h in self.index.overlapping(start, end):
            if h.category in self.shown:
                add(h, self.formats[h.category])
        # The reader's marks last: a later range's properties win where ranges overlap.
        for h in self.user_index.overlapping(start, end):
            fmt = user_format(h.category, self.dark)
            fmt.setProperty(USER_PROPERTY, h.index)
            add(h, fmt)
        layout = block.layout()
        if not ranges and not layout.formats():
            return
        layout.setFormats(ranges)
        # Only a block on screen is marked dirty: each mark repaints the whole viewport (3-4 ms per slice
        # of a long article), and an off-screen block is drawn with its new formats when scrolled to
        # (they change colours and underlines, never the text's size, so no line moves).
        if on_screen:
            self.view.document().markContentsDirty(block.position(), block.length())


def _painted(view: QPlainTextEdit, prop: int) -> dict:
    """How many painted ranges carry each value of the format property `prop` across the document."""
    counts: dict = {}
    block = view.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            value = r.format.property(prop)
            if value is not None and value != "":
                counts[value] = counts.get(value, 0) + 1
        block = block.next()
    return counts


def painted_categories(view: QPlainTextEdit) -> dict[str, int]:
    """How many painted ranges each category has across the whole document (for tests and checks)."""
    return _painted(view, CATEGORY_PROPERTY)


def painted_user_marks(view: QPlainTextEdit) -> dict[int, int]:
    """How many painted ranges each user highlight (by annotation id) has across the document."""
    return {int(key): n for key, n in _painted(view, USER_PROPERTY).items()}
