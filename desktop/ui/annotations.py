"""The reader's annotations in the window: highlights, notes, verdicts, undo, and the analysis cache.

`AnnotationController` is created by the main window (as `window.annotations`). It owns the library
(through LibraryStatus), the article's annotations, the undo stack and the Edit menu's annotation
commands. Reads that may take a while (remembering the document, its annotations and its cached
analysis; saving an analysis) run as TaskWorkers on the window's thread pool, which share the one
thread-safe Library. A single annotation write is a few milliseconds and runs on the GUI thread, so an
undo command knows its record the moment it is pushed; every write is committed before it returns.

The window asks `fetch_analysis(job, document, model)` after showing a document and gets
`analysis_fetched(job, presentation or None)` (a cache hit comes prepared, corrections applied); a verdict changes what the window shows, so
`verdicts_changed` asks it to present the analysis again (with `corrections()` applied).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.ui.annotation_dialogs import CorrectionDialog, NoteDialog
from desktop.ui.export_task import ExportTask
from desktop.ui.highlights import Highlight, user_highlights
from desktop.ui.library_status import LibraryStatus
from desktop.ui.palette import USER_CATEGORIES, user_colour
from desktop.ui.undo_commands import AddAnnotation, DeleteAnnotation, EditAnnotation, verdict_command
from desktop.ui.workers import Presentation, TaskWorker, prepare_presentation, start_task

if TYPE_CHECKING:
    from desktop.analysis.records import Analysis
    from desktop.documents import Document
    from desktop.store import Annotation
    from desktop.ui.main_window import MainWindow

STATUS_TIPS = {
    "highlight": "Highlight the selected passage in the chosen colour (Ctrl+H)",
    "note": "Write a note and tags for the highlight at the cursor, or for the selection (Ctrl+M)",
    "delete_annotation": "Delete the highlight or verdict at the cursor (Del)",
    "accept": "Mark the selected automatic highlight as right",
    "reject": "Mark the selected automatic highlight as wrong: it is hidden from now on",
    "correct": "Correct the selected automatic highlight: a quote's speaker, a number, a name's kind",
}
VERDICT_WORDS = {"accepted": "Accept", "rejected": "Reject", "corrected": "Correct"}


class AnnotationController(QObject):
    annotations_changed = Signal()
    verdicts_changed = Signal()
    analysis_fetched = Signal(int, object)  # job, Presentation of the cached analysis, or None

    def __init__(self, window: MainWindow, db_path: Path):
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.actions = window.actions_
        self.document: Document | None = None
        self.notes: list[Annotation] = []
        self.chosen: int | None = None  # an annotation picked in the Notes panel
        self.undo_stack = QUndoStack(self)
        self.note_dialog: NoteDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.last_write_seconds = 0.0
        self._pending: tuple[int, Document, str] | None = None
        self._tasks: dict[int, TaskWorker] = {}
        self.library_status = LibraryStatus(window, window.thread_pool, window.status.say)
        self.library_status.changed.connect(self._on_library_changed)
        self.exporter = ExportTask(window, self.library_status)
        category = window.settings.qsettings.value("annotations/category", USER_CATEGORIES[0])
        self.category = category if category in USER_CATEGORIES else USER_CATEGORIES[0]
        self._connect()
        self._update_actions()
        self.library_status.open(db_path)

    @property
    def library(self) -> Any:
        return self.library_status.library

    def _connect(self) -> None:
        a, w = self.actions, self.window
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        # Bound methods, not lambdas: Qt drops these connections before the stack dies with the window.
        self.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_undo_index_changed)
        a.highlight.triggered.connect(self._on_highlight)
        a.note.triggered.connect(self._on_note)
        a.delete_annotation.triggered.connect(self._on_delete)
        for category, action in a.colours.items():
            action.setChecked(category == self.category)
            action.triggered.connect(lambda _checked=False, c=category: self._on_colour_chosen(c))
        a.accept.triggered.connect(lambda: self._on_verdict("accepted"))
        a.reject.triggered.connect(lambda: self._on_verdict("rejected"))
        a.correct.triggered.connect(self._on_correct)
        w.document_shown.connect(self._on_document_shown)
        w.analysis_shown.connect(lambda _analysis: self._update_actions())
        w.notes_panel.annotation_activated.connect(self._on_note_activated)
        w.details_panel.verdict_for = self.verdict_for
        w.details_panel.add_verdict_buttons([a.accept, a.reject, a.correct])
        self.view.cursorPositionChanged.connect(self._on_cursor_moved)
        self.annotations_changed.connect(self._on_annotations_changed)

    # ---- library and documents ---------------------------------------------------------------------

    def _run(self, call: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        start_task(self.window.thread_pool, self._tasks, call, done, failed)

    def close(self) -> None:
        self.library_status.close()

    def _on_library_changed(self) -> None:
        self._update_actions()
        if self._pending is not None:
            job, document, model = self._pending
            self._pending = None
            self.fetch_analysis(job, document, model)
        elif self.document is not None and self.library is not None:
            # A new library after a bad one: remember the article and save what is shown.
            self.fetch_analysis(0, self.document, "")
            if self.window.raw_analysis is not None:
                self.save_analysis(self.document, self.window.raw_analysis)

    def _on_document_shown(self, document: Document) -> None:
        self.document = document
        self.undo_stack.clear()
        self.chosen = None
        self.notes = []
        self.annotations_changed.emit()

    def fetch_analysis(self, job: int, document: Document, model: str) -> None:
        """Remember the document, load its annotations and look up its cached analysis (in a worker)."""
        if self.library_status.opening:
            self._pending = (job, document, model)
            return
        library = self.library
        if library is None:
            self.analysis_fetched.emit(job, None)
            return

        def call() -> tuple[list[Annotation], Presentation | None]:
            from desktop.analysis.engine import ENGINE_VERSION

            if not library.read_only:
                library.remember_document(document)
            notes = library.annotations_for(document)
            cached = library.cached_analysis(document.sha256, model, ENGINE_VERSION) if model else None
            if cached is None:
                return notes, None
            # A cache hit is prepared here too: one worker from the file to the highlights.
            return notes, prepare_presentation(cached, document.text, tuple(a for a in notes if a.source == "auto"))

        def done(result: tuple[list[Annotation], Presentation | None]) -> None:
            notes, cached = result
            if document is self.document:
                self.notes = notes
                self.annotations_changed.emit()
            self.analysis_fetched.emit(job, cached)

        def failed(message: str) -> None:
            self.window.status.say(message)
            self.analysis_fetched.emit(job, None)

        self._run(call, done, failed)

    def save_analysis(self, document: Document, analysis: Analysis, payload: str | None = None) -> None:
        """Cache a fresh analysis so the next opening of this text skips spaCy (in a worker).

        `payload`: its JSON, made by the analysis process, so this process does not serialise megabytes
        (which would hold the GIL and stall the painting of the highlights).
        """
        library = self.library
        if library is None or library.read_only:
            return
        save = lambda: library.save_analysis(document.sha256, analysis, payload=payload)  # noqa: E731
        self._run(save, lambda _r: None, self.window.status.say)

    def corrections(self) -> tuple[Annotation, ...]:
        """The reader's verdicts on automatic highlights, to apply before an analysis is shown."""
        return tuple(a for a in self.notes if a.source == "auto")

    # ---- what is current -----------------------------------------------------------------------------

    def current(self) -> Annotation | None:
        """The annotation picked in the Notes panel, else the reader's highlight under the selection/cursor."""
        if self.chosen is not None:
            found = self._find(self.chosen)
            if found is not None:
                return found
        users = [a for a in self.notes if a.source == "user" and not a.detached]
        span = self.view.selected_span()
        if span is not None:
            start, end = span
            overlaps = [(min(end, a.end) - max(start, a.start), a) for a in users]
            best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
            return best[1] if best[0] > 0 else None
        offset = self.view.cursor_offset()
        inside = [a for a in users if a.start <= offset < a.end] or [a for a in users if a.end == offset]
        return min(inside, key=lambda a: a.end - a.start, default=None)

    def _find(self, annotation_id: int) -> Annotation | None:
        return next((a for a in self.notes if a.id == annotation_id), None)

    def _on_cursor_moved(self) -> None:
        self.chosen = None

    def _on_note_activated(self, annotation_id: int) -> None:
        annotation = self._find(annotation_id)
        if annotation is None:
            return
        if annotation.detached:
            self.window.status.say(
                f"This annotation's passage is no longer in the article (“{annotation.exact[:60]}”); it is kept."
            )
        else:
            self.view.setTextCursor(self.view.cursor_at(annotation.start))
            self.view.reveal(annotation.start, annotation.end)
            self.view.flash(annotation.start, annotation.end)
        self.chosen = annotation.id

    def verdict_for(self, record: str, start: int, end: int) -> Annotation | None:
        key = f"{record}:{start}:{end}"
        return next((a for a in self.notes if a.auto_key == key and not a.detached), None)

    # ---- writes --------------------------------------------------------------------------------------

    def _write(self, call: Callable[[], Any]) -> Any:
        """One library write on the GUI thread; a failure is reported and returns None."""
        from time import perf_counter

        from desktop.store import LibraryError

        started = perf_counter()
        try:
            result = call()
        except (LibraryError, ValueError) as exc:
            self.window.status.say(f"Not saved: {exc}")
            return None
        self.last_write_seconds = perf_counter() - started
        return result

    def restore(self, annotation: Annotation) -> bool:
        restored = self._write(lambda: self.library.restore_annotation(annotation))
        if restored is not None:
            self._put(restored)
        return restored is not None

    def remove(self, annotation_id: int) -> bool:
        gone = self._write(lambda: self.library.delete_annotation(annotation_id))
        if gone is not None:
            self.notes = [a for a in self.notes if a.id != annotation_id]
            self._changed(gone)
        return gone is not None

    def _put(self, annotation: Annotation) -> None:
        notes = [a for a in self.notes if a.id != annotation.id] + [annotation]
        notes.sort(key=lambda a: (a.detached, a.start, a.end, a.id))
        self.notes = notes
        self._changed(annotation)

    def _changed(self, annotation: Annotation) -> None:
        self.annotations_changed.emit()
        if annotation.source == "auto":
            self.verdicts_changed.emit()

    def _on_highlight(self) -> None:
        span = self.view.selected_span()
        if span is None or self.document is None:
            self.window.status.say("Select the passage to highlight first.")
            return
        self._add(*span, text="Highlight")

    def _add(self, start: int, end: int, note: str = "", tags: tuple[str, ...] = (), text: str = "Highlight") -> None:
        document, category = self.document, self.category
        added = self._write(
            lambda: self.library.add_annotation(
                document, start, end, category=category, note=note, tags=tags, color=user_colour(category, False)
            )
        )
        if added is not None:
            self._put(added)
            self.undo_stack.push(AddAnnotation(self, added, text))
            self.window.status.say(f"Highlighted “{added.exact[:60]}” ({self.last_write_seconds * 1000:.0f} ms).")

    def _on_note(self) -> None:
        target = self.current()
        span = self.view.selected_span()
        if target is None and span is None:
            self.window.status.say("Put the cursor in a highlight, or select a passage, to write a note.")
            return
        passage = target.exact if target is not None else self.document.text[span[0] : span[1]]
        dialog = NoteDialog(passage, target.note if target else "", target.tags if target else (), self.window)
        document = self.document
        dialog.accepted.connect(lambda: document is self.document and self._on_note_accepted(dialog, target, span))
        dialog.finished.connect(dialog.deleteLater)
        self.note_dialog = dialog
        dialog.open()

    def _on_note_accepted(self, dialog: NoteDialog, target: Annotation | None, span: tuple[int, int] | None) -> None:
        note, tags = dialog.note(), dialog.tags()
        if target is None:
            self._add(*span, note=note, tags=tags, text="Note")
            return
        if (note, tags) == (target.note, target.tags):
            return
        after = self._write(lambda: self.library.update_annotation(target.id, note=note, tags=tags))
        if after is not None:
            self._put(after)
            self.undo_stack.push(EditAnnotation(self, target, after, "Note"))

    def _on_delete(self) -> None:
        target = self.current()
        if target is None:
            self.window.status.say("Put the cursor in a highlight, or pick a note, to delete it.")
            return
        gone = self._write(lambda: self.library.delete_annotation(target.id))
        if gone is not None:
            self.notes = [a for a in self.notes if a.id != target.id]
            self.chosen = None
            self._changed(gone)
            self.undo_stack.push(DeleteAnnotation(self, gone))

    def _on_colour_chosen(self, category: str) -> None:
        self.category = category
        self.window.settings.qsettings.setValue("annotations/category", category)
        target = self.current()
        if target is None or target.source != "user" or not self.library_status.writable:
            return
        colour = user_colour(category, False)
        after = self._write(lambda: self.library.update_category(target.id, category, colour))
        if after is not None:
            self._put(after)
            self.undo_stack.push(EditAnnotation(self, target, after, "Highlight Colour"))

    def _current_record(self) -> tuple[Highlight, Any] | None:
        analysis, highlight = self.window.analysis, self.view.current or self.window.details_panel.highlight
        if analysis is None or highlight is None:
            self.window.status.say("Select an automatic highlight first (click a name, quote or number).")
            return None
        records = {"entity": analysis.entities, "quote": analysis.quotes, "number": analysis.numbers}
        return highlight, records[highlight.record][highlight.index]

    def _on_verdict(self, status: str, **corrections: Any) -> None:
        found = self._current_record()
        if found is None:
            return
        highlight, record = found
        before = self.verdict_for(highlight.record, record.start, record.end)
        document = self.document
        after = self._write(
            lambda: self.library.set_verdict(document, highlight.record, record.start, record.end, status, **corrections)
        )
        if after is not None:
            self._put(after)
            self.undo_stack.push(verdict_command(self, before, after, f"{VERDICT_WORDS[status]} Highlight"))

    def _on_correct(self) -> None:
        found = self._current_record()
        if found is None:
            return
        _highlight, record = found
        dialog = CorrectionDialog(record, self.document.text[record.start : record.end], self.window)
        document = self.document
        dialog.accepted.connect(lambda: document is self.document and self._on_verdict("corrected", **dialog.corrections()))
        dialog.finished.connect(dialog.deleteLater)
        self.correction_dialog = dialog
        dialog.open()

    # ---- showing -------------------------------------------------------------------------------------

    def _on_annotations_changed(self) -> None:
        index = user_highlights(self.notes)
        self.view.show_user_marks(index)
        length = len(self.document.text) if self.document is not None else 1
        self.window.strip.set_user_marks(index, length)
        self.window.notes_panel.set_annotations(self.notes)
        details = self.window.details_panel
        if details.highlight is not None:
            details.show_highlight(details.highlight)
        self._update_actions()

    def _on_undo_index_changed(self, _value: object = None) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.actions.undo.setText(f"&Undo {undo}" if undo else "&Undo")
        self.actions.redo.setText(f"&Redo {redo}" if redo else "&Redo")
        self._update_actions()

    def _update_actions(self) -> None:
        a = self.actions
        status = self.library_status
        writable = status.writable and self.document is not None
        reason = status.reason or ("Open an article first." if self.document is None else None)
        for key, action in a.annotation_actions.items():
            enabled = writable and (key not in ("accept", "reject", "correct") or self.window.analysis is not None)
            action.setEnabled(enabled)
            action.setStatusTip(STATUS_TIPS[key] if writable else f"{STATUS_TIPS[key]}. Not available: {reason}")
        a.undo.setEnabled(status.writable and self.undo_stack.canUndo())
        a.redo.setEnabled(status.writable and self.undo_stack.canRedo())
        a.export.setEnabled(status.library is not None and not self.exporter.running)
