"""A narrow strip beside the scrollbar: where the highlights lie in the whole article, by category.

Marks are binned once per analysis (so a 50,000-highlight article costs one pass, not one per paint)
and drawn once into a pixmap, as runs of adjacent rows: a paint while scrolling only copies it and
shades the visible part (drawing every mark took 10 ms a paint on a 1 MB article). Clicking or
dragging on the strip jumps the article to that point.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QScrollBar, QWidget

from desktop.pacing import paced
from desktop.ui.highlights import HighlightIndex
from desktop.ui.palette import CATEGORIES, colours, page_colours, user_colour

BINS = 1200
WIDTH = 12


def highlight_bins(
    index: HighlightIndex, length: int, categories: tuple[str, ...] = CATEGORIES
) -> dict[str, set[int]]:
    """Which of the strip's BINS rows each category touches (pure Python, safe in a worker)."""
    length = max(1, length)
    bins: dict[str, set[int]] = {c: set() for c in categories}
    for h in paced(index.items):
        first, last = h.start * BINS // length, max(h.start, h.end - 1) * BINS // length
        bins[h.category].update(range(first, last + 1))
    return bins


class OverviewStrip(QWidget):
    jump_requested = Signal(int)  # text offset

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedWidth(WIDTH)
        self.setToolTip("Where the highlights are; click to jump")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.length = 0
        self.shown: set[str] = set(CATEGORIES)
        self.dark = False
        self.visible_fraction = (0.0, 1.0)
        self._bins: dict[str, set[int]] = {}
        self._user_bins: dict[str, set[int]] = {}
        self._user_runs: dict[str, list[tuple[int, int]]] = {}
        self._marks: QPixmap | None = None  # the analysis's marks drawn, for the current size, bins and colours

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(WIDTH, 100)

    def set_bins(self, bins: dict[str, set[int]], length: int) -> None:
        self.length = max(1, length)
        self._bins = bins
        self._redraw()

    def clear(self) -> None:
        self._bins = {}
        self._user_bins, self._user_runs = {}, {}
        self._redraw()

    def set_user_marks(self, index: HighlightIndex, length: int) -> None:
        """The reader's own highlights, in a lane on the right (a few dozen marks: binned here)."""
        self.length = max(1, length)
        bins = highlight_bins(index, length, tuple(index.counts))
        self._user_bins = {c: b for c, b in bins.items() if b}
        self._user_runs = {c: _runs(b) for c, b in self._user_bins.items()}
        self.update()  # drawn over the cached marks at each paint: a new highlight redraws no analysis marks

    def user_marks(self) -> set[int]:
        return set().union(*self._user_bins.values()) if self._user_bins else set()

    def set_shown(self, shown: set[str]) -> None:
        self.shown = set(shown)
        self._redraw()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._redraw()

    def follow(self, bar: QScrollBar) -> None:
        """Shade the part of the article the view shows, as its scroll bar moves."""
        self._bar = bar
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_scrolled)

    def _on_scrolled(self, *_args: object) -> None:
        bar = self._bar
        total = bar.maximum() + bar.pageStep()
        if total > 0:
            self.set_visible_fraction(bar.value() / total, (bar.value() + bar.pageStep()) / total)

    def set_visible_fraction(self, top: float, bottom: float) -> None:
        self.visible_fraction = (top, bottom)
        self.update()

    def marks(self, category: str) -> set[int]:
        return set(self._bins.get(category, ())) if category in self.shown else set()

    def _redraw(self) -> None:
        self._marks = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        background = QColor(page_colours(self.dark)[0])
        painter.fillRect(self.rect(), background.darker(104) if not self.dark else background.lighter(115))
        h = self.height()
        top, bottom = self.visible_fraction
        view = QColor(page_colours(self.dark)[1])
        view.setAlphaF(0.08)
        painter.fillRect(QRectF(0, top * h, self.width(), max(2.0, (bottom - top) * h)), view)
        ratio = self.devicePixelRatioF()
        if self._marks is None or self._marks.size() != self.size() * ratio:
            self._marks = self._draw_marks(ratio)
        painter.drawPixmap(0, 0, self._marks)
        self._draw_user_marks(painter)
        painter.end()

    def _draw_marks(self, ratio: float) -> QPixmap:
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        h, width = self.height(), self.width()
        row = max(1.0, h / BINS)
        lanes: list[tuple[QColor, float, float, set[int]]] = []
        for category in CATEGORIES:
            if category in self.shown and self._bins.get(category):
                # Quotes take a thin lane on the left, so a name inside a quote keeps its own mark.
                x, w = (1.0, 3.0) if category == "quote" else (5.0, width - 9.0)
                lanes.append((QColor(colours(category, self.dark).ink), x, w, self._bins[category]))
        for colour, x, w, marks in lanes:
            _fill_runs(painter, colour, x, w, _runs(marks), h, row)
        painter.end()
        return pixmap

    def _draw_user_marks(self, painter: QPainter) -> None:
        """The reader's highlights: the right lane, drawn darker so a pale marker colour still shows.
        A few dozen marks, drawn at each paint rather than cached, so making one costs no redraw."""
        h, width = self.height(), self.width()
        row = max(1.0, h / BINS)
        for category, runs in self._user_runs.items():
            colour = QColor(category if category.startswith("#") else user_colour(category, self.dark))
            colour = colour.darker(130) if not self.dark else colour.lighter(150)
            _fill_runs(painter, colour, width - 3.0, 3.0, runs, h, row)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)

    def _jump(self, event: QMouseEvent) -> None:
        if self.height() <= 0 or not self.length:
            return
        fraction = min(1.0, max(0.0, event.position().y() / self.height()))
        self.jump_requested.emit(int(fraction * self.length))


def _fill_runs(painter: QPainter, colour: QColor, x: float, w: float, runs: list[tuple[int, int]], h: int,
               row: float) -> None:
    for first, last in runs:
        y = first * h / BINS
        painter.fillRect(QRectF(x, y, w, max(2.0, (last + 1) * h / BINS - y, row)), colour)


def _runs(marks: set[int]) -> list[tuple[int, int]]:
    """Adjacent rows as (first, last) runs, so a dense stretch is one rectangle, not hundreds."""
    runs: list[tuple[int, int]] = []
    for b in sorted(marks):
        if runs and b == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((b, b))
    return runs
