"""The window's centre, the article or the Library view (Ctrl+L), and the File menu's ways in.

- View ▸ Library (Ctrl+L) shows every article; Ctrl+L again, or opening one, goes back to the reader.
- File ▸ Import Folder… / Import Files… and dropping a folder or several files import them; dropping
  one file opens it.
- Edit ▸ Search the Library… (Ctrl+Shift+F) shows the Search panel with its box focused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QStackedWidget, QWidget

from desktop.ui.library_panel import LibraryPanel
from desktop.ui.window_actions import file_filters

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QDockWidget

    from desktop.documents import Document
    from desktop.ui.analysis_status import AnalysisStatus
    from desktop.ui.article_view import ArticleView
    from desktop.ui.search_panel import SearchPanel
    from desktop.ui.window_actions import WindowActions
    from desktop.ui.workers import TaskRunner


class PagesHost(Protocol):
    """What the central pages (article or Library view) need of the window."""

    actions_: WindowActions
    document: Document | None
    library: Any  # the LibraryController: opening an article, import of dropped folders
    search_dock: QDockWidget
    search_panel: SearchPanel
    status: AnalysisStatus
    tasks: TaskRunner
    view: ArticleView

    def open_file(self, path: str | Path) -> None: ...
    def setCentralWidget(self, widget: QWidget) -> None: ...


class LibraryPages(QObject):
    def __init__(self, window: PagesHost, article: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.panel = LibraryPanel()
        self.article = article
        self.stack = QStackedWidget()
        self.stack.addWidget(article)
        self.stack.addWidget(self.panel)
        window.setCentralWidget(self.stack)
        self._reveal: tuple[int, int | None] | None = None
        a = window.actions_
        a.show_library.toggled.connect(self._on_library_toggled)
        a.import_folder.triggered.connect(self._on_import_folder)
        a.import_files.triggered.connect(self._on_import_files)
        a.search_library.triggered.connect(self._on_search)
        window.view.text_loaded.connect(self._on_text_loaded)

    @property
    def showing_library(self) -> bool:
        return self.stack.currentWidget() is self.panel

    def show_library(self) -> None:
        self.window.actions_.show_library.setChecked(True)

    def show_reader(self) -> None:
        self.window.actions_.show_library.setChecked(False)

    def _on_library_toggled(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.panel if on else self.article)
        (self.panel.table if on else self.window.view).setFocus()

    def reveal_when_loaded(self, start: int, end: int | None) -> None:
        """Scroll to start..end and flash it once the text shown is all there (a long one comes in slices)."""
        self._reveal = (start, end)
        if not self.window.view.loading:
            self._on_text_loaded()

    def _on_text_loaded(self) -> None:
        if self._reveal is None:
            return
        start, end = self._reveal
        self._reveal = None
        view = self.window.view
        view.setTextCursor(view.cursor_at(start))
        view.reveal(start, end)
        if end is not None and end > start:
            view.flash(start, end)

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import Folder", self._start_folder())
        if folder:
            self.window.library.import_paths([folder])

    def _on_import_files(self) -> None:
        names, _chosen = QFileDialog.getOpenFileNames(self.window, "Import Files", self._start_folder(), file_filters())
        if names:
            self.window.library.import_paths(names)

    def _start_folder(self) -> str:
        document = self.window.document
        return str(Path(document.path).parent) if document is not None and document.path else str(Path.home())

    def _on_search(self) -> None:
        dock = self.window.search_dock
        dock.show()
        dock.raise_()
        self.window.search_panel.focus_query()

    def accepts_drop(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """One file opens; a folder or several files are imported."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) > 1:
            self.window.library.import_paths(paths)
        else:  # a file opens, a folder is imported: asked off the GUI thread (it may be a slow mount)
            path = paths[0]
            self.window.tasks.start(lambda: Path(path).is_dir(), lambda folder: self._on_dropped(path, folder), self.window.status.say)

    def _on_dropped(self, path: str, folder: bool) -> None:
        if folder:
            self.window.library.import_paths([path])
        else:
            self.window.open_file(path)
