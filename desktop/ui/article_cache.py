"""The article shown and the library: its notes and cached analysis read, a fresh analysis cached.

`ArticleCache.fetch(job, document, model)` asks the store worker to remember the document, read its
annotations and look up the analysis cached for this text, model and engine version; a cache hit is
prepared there too (the reader's corrections applied, the highlights indexed), so one call takes the
article from the file to what the window paints. `notes_fetched(document, annotations)` and then
`analysis_fetched(job, Presentation or None)` come back on the GUI thread. `save` caches a fresh
analysis. All of it runs on the store worker's thread: the GUI thread runs no SQL and decodes no cache.

When no library could be opened, the article is shown without notes; once a library opens (the reader
started a new one after a bad one), the article is remembered there and its analysis saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.presentation import Presentation, kept_from_the_collector, prepare_presentation

if TYPE_CHECKING:
    from desktop.analysis.records import Analysis
    from desktop.documents import Document
    from desktop.store import Annotation, Library
    from desktop.ui.library_status import LibraryStatus
    from desktop.ui.store_worker import StoreWorker


def fetch_cached(library: Library, document: Document, model: str) -> tuple[list[Annotation], Presentation | None]:
    """On the worker's thread: the document's annotations, and its cached analysis prepared (or None)."""
    from desktop.analysis.version import ENGINE_VERSION

    if not library.read_only:
        library.remember_document(document)
    notes = library.annotations_for(document)
    with kept_from_the_collector():
        cached = library.cached_analysis(document.sha256, model, ENGINE_VERSION) if model else None
    if cached is None:
        return notes, None
    return notes, prepare_presentation(cached, document.text, tuple(a for a in notes if a.source == "auto"))


class ArticleCache(QObject):
    notes_fetched = Signal(object, list)  # Document, its annotations
    analysis_fetched = Signal(int, object)  # job, Presentation of the cached analysis, or None

    def __init__(self, store: StoreWorker, status: LibraryStatus, shown: Callable[[], tuple[Any, Any]],
                 say: Callable[[str], None], parent: QObject | None = None):
        """`shown()`: the document shown and its analysis as the engine gave it (either may be None)."""
        super().__init__(parent)
        self.store, self.status, self.shown, self.say = store, status, shown, say
        self._again = False  # the notes were looked up without a library: again when one opens
        status.changed.connect(self._on_library_changed)

    def fetch(self, job: int, document: Document, model: str) -> None:
        if self.status.library is None and not self.status.opening:
            self._again = True
            self.analysis_fetched.emit(job, None)
            return

        def done(result: tuple[list[Annotation], Presentation | None]) -> None:
            self.notes_fetched.emit(document, result[0])
            self.analysis_fetched.emit(job, result[1])

        def failed(message: str) -> None:
            if self.status.library is None:
                self._again = True  # the library could not be opened: its message is shown already
            else:
                self.say(message)
            self.analysis_fetched.emit(job, None)

        self.store.submit(lambda library: fetch_cached(library, document, model), done, failed)

    def save(self, document: Document, analysis: Analysis, payload: list[str] | None = None) -> None:
        """Cache a fresh analysis so the next opening of this text skips spaCy.

        `payload`: its JSON in pieces, made by the analysis process, so this process does not serialise megabytes
        (which would hold the GIL and stall the painting of the highlights).
        """
        if not self.status.writable:
            return
        sha256 = document.sha256
        self.store.submit(lambda library: library.save_analysis(sha256, analysis, payload=payload), lambda _r: None, self.say)

    def _on_library_changed(self) -> None:
        document, analysis = self.shown()
        if self._again and document is not None and self.status.library is not None:
            # A new library after a bad one: remember the article and save what is shown.
            self._again = False
            self.fetch(0, document, "")
            if analysis is not None:
                self.save(document, analysis)
