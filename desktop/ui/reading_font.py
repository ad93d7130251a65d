"""The reading view's font: a serif at the reader's size and family, zoom, and the ~75-character column.

`ReadingFont` is mixed into ArticleView (a QPlainTextEdit, which provides font(), setFont() and the
viewport margins); it emits the view's `font_size_changed` so the size is remembered.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

SERIF_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "Literata", "DejaVu Serif", "Liberation Serif", "Times New Roman"]
DEFAULT_POINT_SIZE = 13.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 32.0
LINE_CHARACTERS = 75
MIN_SIDE_MARGIN = 24


class ReadingFont:
    def font_size(self) -> float:
        return self.font().pointSizeF()

    def set_font_size(self, size: float) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self.update_margins()
        self.font_size_changed.emit(size)

    def set_font_family(self, family: str) -> None:
        """`family` for the reading font, or the built-in serif list for ""; the text lays out again."""
        font = self.font()
        font.setFamilies([family] if family else list(SERIF_FAMILIES))
        self.setFont(font)
        self.update_margins()

    def set_reading_font(self, family: str, size: float) -> None:
        self.set_font_family(family)
        self.set_font_size(size)

    def zoom_in(self) -> None:
        self.set_font_size(self.font_size() + 1)

    def zoom_out(self) -> None:
        self.set_font_size(self.font_size() - 1)

    def reset_zoom(self) -> None:
        self.set_font_size(DEFAULT_POINT_SIZE)

    def update_margins(self) -> None:
        """Centre a column of about LINE_CHARACTERS characters: long lines are hard to follow."""
        metrics = QFontMetricsF(self.font())
        column = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz ") / 27 * LINE_CHARACTERS
        column += 2 * self.document().documentMargin()
        spare = self.width() - self.verticalScrollBar().sizeHint().width() - column
        side = max(MIN_SIDE_MARGIN, int(spare / 2))
        self.setViewportMargins(side, 0, side, 0)
