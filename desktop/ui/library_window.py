"""The main window's part in the library: closing the article, showing the Library view, naming the library.

A mixin of MainWindow (it uses the window's own widgets and request counter), kept apart so each module
stays small; the library-wide work itself is in library_controller.py, library_pages.py and
library_choice.py.
"""

from __future__ import annotations

from desktop import APP_NAME
from desktop.ui.highlights import HighlightIndex


class LibraryWindow:
    def close_document(self) -> None:
        """No article shown (the library was switched, or the article shown was removed from it)."""
        self.cancel_analysis(quiet=True)
        self.opener.forget()
        self.document, self.analysis, self.raw_analysis, self.index = None, None, None, HighlightIndex()
        self.view.show_text("")
        self.legend.set_counts(None)
        self.strip.clear()
        self.facts_panel.set_tree(None)
        self.details_panel.set_analysis(None, "")
        self.document_shown.emit(None)
        self.update_title()

    def show_library(self) -> None:
        self.pages.show_library()

    def update_title(self) -> None:
        library = getattr(self, "library_choice", None)
        parts = [self.document.display_name] if self.document is not None else []
        self.setWindowTitle(" — ".join([*parts, *([library.name] if library else []), APP_NAME]))
