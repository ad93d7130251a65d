"""Moving about the article's highlights: details of the one picked, facts and details that jump to
their passage, next and previous highlight, and keeping a passage selected when the analysis is shown again.

A quote interrupted by its attribution ("“A,” he said. “B.”") is one statement: picking any of its
pieces marks them all in the view, as the Facts and Details panels show them as one.

`HighlightNavigation` is given the parts it works on (`NavigationParts`), not the window: the article
view, the Details panel and its dock, the Facts panel, the find bar, and the window's current
highlight index and analysis as shown (both replaced each time an analysis is shown).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop.ui.descriptions import statement_pieces

if TYPE_CHECKING:
    from desktop.analysis.records import Analysis
    from desktop.ui.highlights import Highlight, HighlightIndex
    from desktop.ui.window_actions import WindowActions


@dataclass(frozen=True)
class NavigationParts:
    view: Any  # ArticleView
    details_panel: Any  # DetailsPanel
    details_dock: Any  # QDockWidget
    facts_panel: Any  # FactsPanel
    find_bar: Any  # FindBar
    index: Callable[[], HighlightIndex]
    analysis: Callable[[], Analysis | None]


def statement_highlights(analysis: Analysis | None, index: HighlightIndex, highlight: Highlight) -> list[Highlight]:
    """The highlights of every piece of the statement `highlight` belongs to (itself alone if not a quote)."""
    if highlight.record != "quote" or analysis is None or highlight.index >= len(analysis.quotes):
        return [highlight]
    found = (index.find("quote", i) for i in statement_pieces(analysis, highlight.index))
    return sorted((h for h in found if h is not None), key=lambda h: h.start) or [highlight]


class HighlightNavigation(QObject):
    def __init__(self, parts: NavigationParts, actions: WindowActions, parent: QObject | None = None):
        super().__init__(parent)
        self.parts = parts
        view, a = parts.view, actions
        a.clear_selection.triggered.connect(self._on_clear_selection)
        a.next_highlight.triggered.connect(lambda: view.step_highlight(+1))
        a.previous_highlight.triggered.connect(lambda: view.step_highlight(-1))
        a.next_same.triggered.connect(lambda: view.step_highlight(+1, same_category=True))
        a.previous_same.triggered.connect(lambda: view.step_highlight(-1, same_category=True))
        view.addAction(a.show_details)
        a.show_details.triggered.connect(self._on_show_details)
        view.highlight_activated.connect(self.show_details)
        parts.facts_panel.fact_activated.connect(self._on_fact_activated)
        parts.details_panel.jump_requested.connect(self._on_details_jump)
        view.marks.pieces_of = lambda h: statement_highlights(parts.analysis(), parts.index(), h)

    def show_details(self, highlight: Highlight) -> None:
        self.parts.details_panel.show_highlight(highlight)
        self.parts.details_dock.show()

    def reselect(self, before: Highlight | None) -> None:
        """After a verdict, keep the same passage selected and its (corrected) details shown."""
        if before is None:
            return
        key = (before.record, before.start, before.end)
        same = next((h for h in self.parts.index().items if (h.record, h.start, h.end) == key), None)
        if same is not None:
            self.parts.view.select_highlight(same, reveal=False)
            self.parts.details_panel.show_highlight(same)

    def _on_show_details(self) -> None:
        if self.parts.view.current is not None:
            self.show_details(self.parts.view.current)

    def _on_clear_selection(self) -> None:
        self.parts.view.clear_selection()
        self.parts.details_panel.clear()
        if self.parts.find_bar.isVisible():
            self.parts.find_bar.close_bar()

    def _on_fact_activated(self, target: tuple[int, int], record: tuple[str, int] | None) -> None:
        start, end = target
        view = self.parts.view
        view.reveal(start, end)
        view.flash(start, end)
        if record is not None:
            highlight = self.parts.index().find(*record)
            if highlight is not None:
                view.select_highlight(highlight, reveal=False)
                self.parts.details_panel.show_highlight(highlight)

    def _on_details_jump(self, record: str, index: int) -> None:
        highlight = self.parts.index().find(record, index)
        if highlight is not None:
            self.parts.view.select_highlight(highlight)
            self.parts.view.flash(highlight.start, highlight.end)
