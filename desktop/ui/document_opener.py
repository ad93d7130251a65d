"""Opening a document: a file (File ▸ Open, Open Recent, a dropped file), pasted or dropped text, or an
article from the library; each read off the GUI thread, the latest request winning.

`DocumentOpener` reads files and pasted text on the window's thread pool (documents.load,
documents.pasted_document) and stored articles through the store worker (Library.load_document), then
hands the Document to the window through `OpeningTargets`, all it knows of the window: `show` it (the
window looks up its cached analysis or analyses it), `reveal` a passage once its text is in, `say`
something in the status bar. A file that cannot be read is explained in a message box and the status
bar; the article shown stays. Every file opened joins File ▸ Open Recent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.window_actions import file_filters
from desktop.ui.workers import load_document, paste_document

if TYPE_CHECKING:
    from desktop.documents import Document
    from desktop.ui.settings import AppSettings
    from desktop.ui.store_worker import StoreWorker
    from desktop.ui.window_actions import WindowActions
    from desktop.ui.workers import TaskRunner


@dataclass(frozen=True)
class OpeningTargets:
    """What the opener may do to the window."""

    show: Callable[[Document], None]  # show this document (and look up or start its analysis)
    show_reader: Callable[[], None]  # leave the Library view for the article
    reveal: Callable[[int, int | None], None]  # scroll to start..end of it (flash it) once its text is in
    say: Callable[[str], None]  # a line in the status bar
    shown: Callable[[], Document | None]  # the document shown now, if any


class DocumentOpener(QObject):
    def __init__(self, parent: QWidget, targets: OpeningTargets, tasks: TaskRunner, store: StoreWorker,
                 settings: AppSettings, actions: WindowActions):
        super().__init__(parent)
        self.parent_widget = parent
        self.targets, self.tasks, self.store, self.settings, self.actions = targets, tasks, store, settings, actions
        self.error_box: QMessageBox | None = None
        self._request = 0
        actions.open.triggered.connect(self._on_open_triggered)
        actions.paste_article.triggered.connect(lambda: self.open_pasted(QGuiApplication.clipboard().mimeData()))
        actions.clear_recent.triggered.connect(settings.clear_recent_files)
        actions.recent_menu.aboutToShow.connect(self.fill_recent_menu)

    def forget(self) -> None:
        """A read still under way is no longer wanted (the article was closed, another one shown)."""
        self._request += 1

    def open_file(self, path: str | Path) -> None:
        """Load `path` in the background; the current article stays until the new one is ready."""
        path = Path(path)
        self._read(f"Opening {path.name}…", lambda: load_document(path))

    def open_pasted(self, mime: QMimeData | None) -> bool:
        """Edit ▸ Paste as New Article, or dropped text: a browser's HTML, else plain text, read in a worker."""
        if mime is None or not (mime.hasHtml() or mime.hasText()):
            self.targets.say("The clipboard holds no text to open.")
            return False
        text, html = mime.text(), mime.html() if mime.hasHtml() else ""
        self._read("Opening the pasted text…", lambda: paste_document(text, html))
        return True

    def open_stored(self, document_id: int, start: int | None = None, end: int | None = None) -> None:
        """Show the library's article (its text as the library keeps it), at start..end when given."""
        request = self._next("Opening the article from the library…")
        self.store.submit(
            lambda library: library.load_document(document_id),
            lambda document: self._on_read(request, document, start, end, stored=True),
            lambda message: self._on_failed(request, message),
        )

    def _next(self, message: str) -> int:
        self.forget()
        if message:
            self.targets.say(message)
        return self._request

    def _read(self, message: str, read: Callable[[], Document]) -> None:
        request = self._next(message)
        self.tasks.start(read, lambda d: self._on_read(request, d), lambda m: self._on_failed(request, m))

    def _on_read(self, request: int, document: Document, start: int | None = None, end: int | None = None,
                 stored: bool = False) -> None:
        if request != self._request:
            return  # another document was asked for meanwhile
        # Shown from a zero timer, not from this slot: the worker's answer is one of Qt's posted events,
        # handled in one go with the others already queued (the window's first paint, when an article
        # opens at launch: 15 ms), and the two together were one 30 ms stall. Timers run between passes.
        QTimer.singleShot(0, self, lambda: self._show(request, document, start, end, stored))

    def _show(self, request: int, document: Document, start: int | None, end: int | None, stored: bool) -> None:
        if request != self._request:
            return
        self.targets.show(document)
        if document.path:
            self.settings.add_recent_file(document.path)
        if stored:
            self.targets.show_reader()
        if start is not None:
            self.targets.reveal(start, end)

    def _on_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        self.targets.say(message)
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open the article", message, QMessageBox.StandardButton.Ok, self.parent_widget)
        self.error_box.open()

    def _on_open_triggered(self) -> None:
        shown = self.targets.shown()
        start = str(Path(shown.path).parent) if shown is not None and shown.path else ""
        path, _filter = QFileDialog.getOpenFileName(self.parent_widget, "Open Article", start, file_filters())
        if path:
            self.open_file(path)

    def fill_recent_menu(self) -> None:
        self.actions.fill_recent_menu(self.settings.recent_files(), self.open_file)
