"""What the reading view draws over its highlights: the one selected and the passage being flashed.

`SelectionMarks` keeps the view's extra selections: the selected highlight (view.current), with the
other pieces of the same statement when a quote is interrupted by its attribution ("“A,” he said.
“B.”": `pieces_of(highlight)`, given by the window, which knows the analysis), and a fading flash
over a passage the reader jumped to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QVariantAnimation
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from desktop.ui.palette import colours, flash_colour

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCursor

    from desktop.ui.highlights import Highlight


class MarkedView(Protocol):
    """What the marks need of the reading view (a QPlainTextEdit, their parent)."""

    current: Highlight | None
    dark: bool

    def cursor_at(self, offset: int, end: int | None = None) -> QTextCursor: ...
    def setExtraSelections(self, selections: list[QTextEdit.ExtraSelection]) -> None: ...


FLASH_MS = 1200


class SelectionMarks(QObject):
    def __init__(self, view: MarkedView):
        super().__init__(view)  # a QObject that also meets the protocol
        self.view = view
        self.pieces_of: Callable[[Highlight], list[Highlight]] | None = None
        self.flash_range: tuple[int, int] | None = None
        self._pieces: tuple[Highlight | None, list[Highlight]] = (None, [])  # worked out once per selection
        self._strength = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setDuration(FLASH_MS)
        self._animation.valueChanged.connect(self._on_flash_step)
        self._animation.finished.connect(self._on_flash_finished)

    def flash(self, start: int, end: int) -> None:
        self._animation.stop()
        self.flash_range = (start, end)
        self._animation.start()

    def stop_flash(self) -> None:
        self._animation.stop()
        self.flash_range = None

    def selected(self) -> list[Highlight]:
        """The selected highlight and the other pieces of its statement, in reading order."""
        # Asked on every step of a flash: the pieces are looked up only when the selection changes.
        current = self.view.current
        if current is None:
            return []
        if self._pieces[0] is not current:
            pieces = self.pieces_of(current) if self.pieces_of is not None else []
            self._pieces = (current, pieces if current in pieces else [current])
        return self._pieces[1]

    def update(self) -> None:
        view = self.view
        selections = []
        if self.flash_range is not None and self._strength > 0:
            colour = QColor(flash_colour(view.dark))
            colour.setAlphaF(0.85 * self._strength)
            selections.append(self._selection(*self.flash_range, colour))
        for piece in self.selected():
            c = colours(piece.category, view.dark)
            underline = QColor(c.ink) if piece.category != "quote" else None
            selections.append(self._selection(piece.start, piece.end, QColor(c.selected), underline))
        view.setExtraSelections(selections)

    def _on_flash_step(self, value: float) -> None:
        self._strength = float(value)
        self.update()

    def _on_flash_finished(self) -> None:
        self.flash_range = None
        self.update()

    def _selection(self, start: int, end: int, background: QColor, underline: QColor | None = None) -> QTextEdit.ExtraSelection:
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        if underline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(underline)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self.view.cursor_at(start, end)
        selection.format = fmt
        return selection
