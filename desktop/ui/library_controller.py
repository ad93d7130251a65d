"""The window's library-wide side: the Library view, search, people, quote variants, import and removal.

Every read and write here goes through the store worker (store_worker.py), which owns its own
connection: the GUI thread runs no SQL for any of it. The controller keeps the views in step with the
library: the list is read when a library opens, imported articles are added as they are stored, and an
article's row is read again when its notes or analysis change.

Removal asks first, takes the articles out of the list, the search and the people at once, and can be
undone (the button under the list) until the window closes, when the removed
articles are deleted for good. Their files on disk are never touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.ui.import_task import ImportTask

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QDockWidget, QStatusBar

    from desktop.documents import Document
    from desktop.ui.analysis_status import AnalysisStatus
    from desktop.ui.document_opener import DocumentOpener
    from desktop.ui.library_panel import LibraryPanel
    from desktop.ui.people_panel import PeoplePanel
    from desktop.ui.search_panel import SearchPanel
    from desktop.ui.store_worker import StoreWorker
    from desktop.ui.window_actions import WindowActions
    from desktop.ui.workers import AnalysisClient


class LibraryHost(Protocol):
    """What the library-wide views need of the window: its panels, the store worker and the opener."""

    actions_: WindowActions
    analysis_client: AnalysisClient
    annotations: Any  # the AnnotationController (its library status and cache)
    document: Document | None
    import_finished: SignalInstance
    library_loaded: SignalInstance
    library_panel: LibraryPanel
    opener: DocumentOpener
    people_dock: QDockWidget
    people_panel: PeoplePanel
    search_panel: SearchPanel
    status: AnalysisStatus
    store: StoreWorker

    def close_document(self) -> None: ...
    def show_library(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...


REFRESH_MS = 300


class LibraryController(QObject):
    def __init__(self, window: LibraryHost) -> None:
        super().__init__(window)
        self.window = window
        self.status = window.annotations.library_status
        self.worker = window.store
        self._library: object = None  # the LibraryInfo the views were last read from
        self.panel = window.library_panel
        self.removed: list[list[int]] = []  # removals that Undo can take back, latest last
        self.box: QMessageBox | None = None
        self.importer = ImportTask(window.statusBar(), window.actions_.cancel_import, self)
        self._stale: set[int] = set()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._read_stale)
        self._connect()

    def _connect(self) -> None:
        w, p = self.window, self.panel
        self.status.changed.connect(self._on_library_changed)
        p.open_requested.connect(lambda document_id: self.open_article(document_id))
        p.remove_requested.connect(self._on_remove_requested)
        p.undo_requested.connect(self.undo_remove)
        p.export_requested.connect(self._on_export_requested)
        p.import_requested.connect(w.actions_.import_folder.trigger)
        w.search_panel.search_requested.connect(self._on_search)
        w.search_panel.hit_activated.connect(self.open_article)
        w.people_panel.person_chosen.connect(self._on_person_chosen)
        w.people_panel.statement_activated.connect(self.open_article)
        w.people_dock.visibilityChanged.connect(lambda shown: shown and self.refresh_people())
        w.details_panel.variants_for = self.variants_for
        w.annotations.annotations_changed.connect(self._on_article_changed)
        w.analysis_shown.connect(lambda _analysis: QTimer.singleShot(1000, self._on_article_changed))
        self.importer.progressed.connect(self._on_import_progressed)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.failed.connect(self._on_import_failed)

    # ---- the library ---------------------------------------------------------------------------------

    def _on_library_changed(self) -> None:
        library = self.status.library
        if library is self._library:
            return
        self._library = library
        self.removed.clear()
        self.panel.set_undo(None)
        self.window.search_panel.forget_query()
        if library is None:
            self.panel.set_entries([])
            return
        self.refresh()

    def refresh(self) -> None:
        """Read the whole list again (a library opened), and the people if their panel is shown."""
        self.worker.submit(lambda lib: lib.catalogue(), self._on_catalogue, self.window.status.say)
        if self.window.people_dock.isVisible():
            self.refresh_people()

    def _on_catalogue(self, entries: list) -> None:
        self.panel.set_entries(entries)
        self.window.library_loaded.emit(len(entries))

    def refresh_people(self) -> None:
        self.worker.submit(lambda lib: lib.people(), self.window.people_panel.set_people, self.window.status.say)

    def _on_article_changed(self, *_args: object) -> None:
        document = self.window.document
        if document is None or self.status.library is None:
            return
        self.worker.submit(lambda lib: lib.find_documents(document), self._mark_stale)

    def _mark_stale(self, document_ids: list[int]) -> None:
        self._stale.update(document_ids)
        if not self._refresh.isActive():
            self._refresh.start()

    def _read_stale(self) -> None:
        ids, self._stale = sorted(self._stale), set()
        if ids:
            self.worker.submit(lambda lib: lib.catalogue_entries(ids), self.panel.put_entries, self.window.status.say)

    # ---- opening articles ----------------------------------------------------------------------------

    def open_article(self, document_id: int, start: int | None = None, end: int | None = None) -> None:
        """Show the stored article (its text as the library keeps it), at start..end when given."""
        self.window.opener.open_stored(document_id, start, end)

    # ---- search, people, variants ------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        panel = self.window.search_panel
        if self.status.library is None:
            panel.show_error(text, self.status.reason or "No library is open.")
            return
        self.worker.submit(
            lambda lib: lib.search(text), lambda found: panel.show_results(text, found), lambda m: panel.show_error(text, m)
        )

    def _on_person_chosen(self, person: Any) -> None:
        names = person.names
        self.worker.submit(
            lambda lib: lib.statements(names),
            lambda statements: self.window.people_panel.show_statements(person, statements),
            self.window.status.say,
        )

    def variants_for(self, highlight: Any, done: Any) -> None:
        """The other versions of the quote highlighted in the article shown; `done(variants)` when known."""
        document = self.window.document
        if document is None or self.status.library is None:
            return

        def call(lib: Any) -> list:
            ids = lib.find_documents(document)
            return lib.variants_of(ids[0], highlight.start, highlight.end) if ids else []

        self.worker.submit(call, done)

    # ---- removal and undo ----------------------------------------------------------------------------

    def _on_remove_requested(self, document_ids: list[int]) -> None:
        if self.status.library is None or self.status.library.read_only:
            self.window.status.say(self.status.reason or "The library is read-only.")
            return
        n = len(document_ids)
        what = "this article" if n == 1 else f"these {n} articles"
        box = QMessageBox(QMessageBox.Icon.Question, "Remove from the Library", f"Remove {what} from the library?", QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(
            "Their notes and verdicts go with them. The files on disk are not touched. "
            "You can undo this until you close the window."
        )
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        remove.clicked.connect(lambda: self.remove(document_ids))
        self.box = box
        box.open()

    def remove(self, document_ids: list[int]) -> None:
        """Remove without asking (the confirmed action)."""
        shown = self.window.document
        entries = [self.panel.model.entry(i) for i in document_ids]
        if shown is not None and any(e is not None and e.sha256 == shown.sha256 for e in entries):
            self.window.close_document()
        self.worker.submit(lambda lib: lib.remove_documents(document_ids), self._on_removed, self.window.status.say)

    def _on_removed(self, document_ids: list[int]) -> None:
        if not document_ids:
            return
        self.panel.drop_entries(document_ids)
        self.removed.append(document_ids)
        n = len(document_ids)
        self.panel.set_undo(f"Undo Remove ({n} article{'s' if n != 1 else ''})")
        self.window.status.say(f"Removed {n} article{'s' if n != 1 else ''} from the library (Undo until the window closes).")
        self.window.search_panel.forget_query()
        if self.window.people_dock.isVisible():
            self.refresh_people()

    def undo_remove(self) -> None:
        if not self.removed:
            return
        ids = self.removed.pop()
        self.panel.set_undo(f"Undo Remove ({len(self.removed[-1])})" if self.removed else None)
        self.worker.submit(lambda lib: (lib.restore_documents(ids), lib.catalogue_entries(ids))[1], self._on_restored, self.window.status.say)

    def _on_restored(self, entries: list) -> None:
        self.panel.put_entries(entries)
        self.panel.select_ids([e.id for e in entries])
        self.window.status.say(f"Restored {len(entries)} article{'s' if len(entries) != 1 else ''} with their notes.")
        self.window.search_panel.forget_query()
        if self.window.people_dock.isVisible():
            self.refresh_people()

    # ---- import and export ---------------------------------------------------------------------------

    def import_paths(self, paths: list[str]) -> None:
        library = self.status.library
        if library is None or library.read_only:
            self.window.status.say(self.status.reason or "The library is read-only; nothing can be imported.")
            return
        if self.importer.running:
            self.window.status.say("An import is already running; wait for it or cancel it first.")
            return
        self.window.show_library()
        self.window.status.say(f"Importing {', '.join(Path(p).name for p in paths[:3])}{'…' if len(paths) > 3 else ''}")
        self.importer.start(library.path, paths, self.window.analysis_client.model)

    def _on_import_progressed(self, event: Any) -> None:
        if event.kind == "imported" and event.document_id is not None:
            self._mark_stale([event.document_id])
        if event.kind in ("imported", "skipped", "failed"):
            self.window.status.say(f"Import {event.done} of {event.total}: {event.kind} {Path(event.path).name}")

    def _on_import_finished(self, summary: Any) -> None:
        self.window.search_panel.forget_query()
        words = f"Imported {len(summary.imported):,} article{'s' if len(summary.imported) != 1 else ''}"
        words += f", {summary.skipped:,} already in the library"
        if summary.cancelled:
            words += "; cancelled (import again to go on)"
        self.window.status.say(words + (f"; {len(summary.failed)} could not be read." if summary.failed else "."))
        self.window.import_finished.emit(summary)
        if self.window.people_dock.isVisible():
            self.refresh_people()
        if summary.failed:
            listed = "\n".join(f"{Path(path).name}: {reason}" for path, reason in summary.failed[:30])
            more = f"\n… and {len(summary.failed) - 30} more" if len(summary.failed) > 30 else ""
            self._tell(QMessageBox.Icon.Warning, "Some files could not be imported", f"{words}.", listed + more)

    def _on_import_failed(self, message: str) -> None:
        self.window.status.say(message)
        self._tell(QMessageBox.Icon.Warning, "The import stopped", message, "")

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        if details:
            box.setDetailedText(details)
            box.setInformativeText(details.split("\n", 1)[0] + ("…" if "\n" in details else ""))
        self.box = box
        box.open()

    def _on_export_requested(self, document_ids: list[int]) -> None:
        self.window.annotations.exporter.export_documents(document_ids)

    # ---- closing -------------------------------------------------------------------------------------

    def close(self) -> None:
        """The window closes: stop an import, and delete the removed articles for good (the store worker,
        which the window stops after this, commits it first)."""
        self.importer.stop()
        removed = [i for ids in self.removed for i in ids]
        if removed and self.status.library is not None and not self.status.library.read_only:
            self.worker.submit(lambda lib: lib.purge_removed(removed), lambda _n: None)
