"""The reader's annotations in the window: highlights, notes, verdicts, undo, and the analysis cache.

`AnnotationController` is created by the main window (as `window.annotations`). It keeps the article's
annotations as shown, the undo stack and the Edit menu's annotation commands; the library itself is
the store worker's (store_worker.py), which runs every read and write on its own thread.

A change shows at once: the window draws the new highlight, note or verdict, then the worker writes it
(each write its own committed transaction, queued in the order made, so nothing waits for a save and
an undo pressed a moment later follows the write it undoes). If the write fails (the library locked
by another program, made read-only, a full disk), the change is rolled back in the window and a
message says why. The versions an undo command moves between are in undo_commands.py.

The article's notes come from `cache` (article_cache.py), which the window also asks for the cached
analysis. A verdict changes what the window shows, so `verdicts_changed` asks it to present the
analysis again (with `corrections()` applied).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid

from desktop.store.records import Annotation, auto_key, normalise_tags
from desktop.ui.annotation_dialogs import CorrectionDialog, NoteDialog
from desktop.ui.annotation_display import AnnotationDisplay, annotation_under
from desktop.ui.article_cache import ArticleCache
from desktop.ui.export_task import ExportTask
from desktop.ui.library_status import LibraryStatus
from desktop.ui.notes_model import reading_order
from desktop.ui.palette import USER_CATEGORIES, user_colour
from desktop.ui.undo_commands import Change, Version, provisional

if TYPE_CHECKING:
    from desktop.analysis.records import Analysis
    from desktop.documents import Document
    from desktop.ui.analysis_status import AnalysisStatus
    from desktop.ui.article_view import ArticleView
    from desktop.ui.details_panel import DetailsPanel
    from desktop.ui.highlights import Highlight
    from desktop.ui.notes_panel import NotesPanel
    from desktop.ui.overview_strip import OverviewStrip
    from desktop.ui.settings import AppSettings
    from desktop.ui.store_worker import StoreWorker
    from desktop.ui.window_actions import WindowActions


class AnnotationHost(Protocol):
    """What the annotations need of the window: the views they mark, its actions, the store worker,
    the status line, the settings and the analysis as shown and as the engine gave it."""

    actions_: WindowActions
    analysis: Analysis | None
    details_panel: DetailsPanel
    notes_panel: NotesPanel
    raw_analysis: Analysis | None
    settings: AppSettings
    status: AnalysisStatus
    store: StoreWorker
    strip: OverviewStrip
    view: ArticleView


VERDICT_WORDS = {"accepted": "Accept", "rejected": "Reject", "corrected": "Correct"}


class AnnotationController(QObject):
    annotations_changed = Signal()
    verdicts_changed = Signal()
    write_finished = Signal(bool)  # a write came back: True committed, False failed and rolled back

    def __init__(self, window: AnnotationHost, db_path: Path):
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.actions = window.actions_
        self.store = window.store
        self.document: Document | None = None
        self.notes: list[Annotation] = []  # as shown, in reading order; a new one has a negative id until saved
        self.chosen: int | None = None  # an annotation picked in the Notes panel
        self.undo_stack = QUndoStack(self)
        self.note_dialog: NoteDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.last_write_seconds = 0.0
        self._shown: list[Version] = []
        self._ids = itertools.count(-1, -1)
        self.library_status = LibraryStatus(window, self.store, window.status.say)
        self.library_status.changed.connect(lambda: self.display.update_actions())
        self.exporter = ExportTask(window, self.library_status, self.store)
        self.cache = ArticleCache(self.store, self.library_status, lambda: (self.document, window.raw_analysis), window.status.say, self)
        self.cache.notes_fetched.connect(self._on_notes_fetched)
        category = window.settings.value("annotations/category", USER_CATEGORIES[0])
        self.category = category if category in USER_CATEGORIES else USER_CATEGORIES[0]
        widgets = (window.view, window.strip, window.notes_panel, window.details_panel)
        self.display = AnnotationDisplay(self, widgets, window.actions_, window.status.say, lambda: window.analysis is not None)
        self._connect()
        self.display.update_actions()
        self.library_status.open(db_path)

    @property
    def library(self) -> Any:
        """The library open now (a LibraryInfo: path, read_only, notice), or None."""
        return self.library_status.library

    def _connect(self) -> None:
        a, w = self.actions, self.window
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        # Bound methods of this controller, not of a child: Qt drops them before the stack is deleted.
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
        w.analysis_shown.connect(self.display.on_analysis_shown)
        w.notes_panel.annotation_activated.connect(self._on_note_activated)
        w.details_panel.verdict_for = self.verdict_for
        w.details_panel.add_verdict_buttons([a.accept, a.reject, a.correct])
        self.view.cursorPositionChanged.connect(self._on_cursor_moved)

    def _on_undo_index_changed(self, _value: object = None) -> None:
        self.display.on_undo_index_changed()

    # ---- library and documents ---------------------------------------------------------------------

    def _on_document_shown(self, document: Document | None) -> None:
        self.document = document
        self.undo_stack.clear()
        self.chosen = None
        self._shown = []
        self._refresh()

    def _on_notes_fetched(self, document: Document, notes: list[Annotation]) -> None:
        if document is self.document:
            # Highlights made while the notes were read come after them in the worker's queue.
            self._shown = [Version(a) for a in notes] + self._shown
            self._refresh()

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
        return annotation_under(self.notes, self.view.selected_span(), self.view.cursor_offset())

    def _find(self, annotation_id: int) -> Annotation | None:
        return next((a for a in self.notes if a.id == annotation_id), None)

    def _on_cursor_moved(self) -> None:
        self.chosen = None

    def _on_note_activated(self, annotation_id: int) -> None:
        annotation = self._find(annotation_id)
        if annotation is None:
            return
        self.display.reveal(annotation)
        self.chosen = annotation.id

    def verdict_for(self, record: str, start: int, end: int) -> Annotation | None:
        key = f"{record}:{start}:{end}"
        return next((a for a in self.notes if a.auto_key == key and not a.detached), None)

    # ---- the Edit menu's commands ----------------------------------------------------------------------

    def _on_highlight(self) -> None:
        span = self.view.selected_span()
        if span is None or self.document is None:
            self.window.status.say("Select the passage to highlight first.")
            return
        self._add(*span, text="Highlight")

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

    def _on_correct(self) -> None:
        found = self._current_record()
        if found is None:
            return
        _highlight, record = found
        dialog = CorrectionDialog(record, self.document.text[record.start : record.end], self.window)
        document = self.document
        dialog.accepted.connect(lambda: document is self.document and self._on_corrected(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.correction_dialog = dialog
        dialog.open()

    def _on_corrected(self, dialog: CorrectionDialog) -> None:
        try:
            corrections = dialog.corrections()
        except ValueError as exc:  # a value that is not a number
            self.window.status.say(f"Not saved: {exc}")
            return
        self._on_verdict("corrected", **corrections)

    # ---- writes --------------------------------------------------------------------------------------

    def move(self, before: Version | None, after: Version | None, command: QUndoCommand | None = None,
             call: Callable[[Any], Any] | None = None) -> None:
        """Show `after` in place of `before` now, and write it: `call(library)` for a new change, else
        what an undo or redo does (restore `after` as it was stored, or delete `before`)."""
        if call is None:
            if after is None:
                call = lambda library: library.delete_annotation(before.record.id)  # noqa: E731
            else:
                call = lambda library: after.stored(library.restore_annotation(after.record))  # noqa: E731
        self._swap(before, after)
        started = perf_counter()
        self.store.submit(
            call, lambda _record: self._on_written(started), lambda message: self._on_write_failed(before, after, command, message)
        )

    def _first(self, before: Version | None, after: Version | None, call: Callable[[Any], Any], text: str) -> None:
        command = Change(self, before, after, text)
        self.move(before, after, command, call)
        self.undo_stack.push(command)

    def _swap(self, before: Version | None, after: Version | None) -> None:
        shown = [v for v in self._shown if v is not before]
        if after is not None and after not in shown:
            shown.append(after)
        self._shown = shown
        self._refresh()
        if any(v is not None and v.record.source == "auto" for v in (before, after)):
            self.verdicts_changed.emit()

    def _refresh(self) -> None:
        notes = [v.record for v in self._shown]
        notes.sort(key=reading_order)
        self.notes = notes
        self.annotations_changed.emit()

    def _on_written(self, started: float) -> None:
        self.last_write_seconds = perf_counter() - started
        self._refresh()  # a new annotation now has its id in the library
        self.write_finished.emit(True)

    def _on_write_failed(self, before: Version | None, after: Version | None, command: QUndoCommand | None, message: str) -> None:
        """Roll the change back in the window, drop its command, and say why."""
        if after is not None and after.record.id < 0:
            after.failed = True  # never stored: nothing may come back to it
        if after is None:
            if before is not None and not before.failed and all(v.record.id != before.record.id for v in self._shown):
                self._swap(None, before)  # the deletion did not happen
        elif any(v is after for v in self._shown):  # unless a later change has replaced it since
            self._swap(after, before if before is not None and not before.failed else None)
        if command is not None and isValid(command):
            command.setObsolete(True)
            index = self.undo_stack.index()
            if index > 0 and self.undo_stack.command(index - 1) is command:
                self.undo_stack.undo()  # an obsolete command is dropped, not undone
        self.display.not_saved(self.window, message)
        self.write_finished.emit(False)

    def _version_of(self, annotation: Annotation) -> Version | None:
        return next((v for v in self._shown if v.holds(annotation)), None)

    def _add(self, start: int, end: int, note: str = "", tags: tuple[str, ...] = (), text: str = "Highlight") -> None:
        document, category = self.document, self.category
        color = user_colour(category, False)
        added = Version(provisional(next(self._ids), document, start, end, category=category, note=note, tags=tags, color=color))

        def call(library: Any) -> Annotation:
            return added.stored(library.add_annotation(document, start, end, category=category, note=note, tags=tags, color=color))

        self._first(None, added, call, text)
        self.window.status.say(f"Highlighted “{added.record.exact[:60]}”.")

    def _edit(self, target: Annotation, text: str, **changes: Any) -> None:
        before = self._version_of(target)
        if before is None:
            return
        shown = {**changes, "tags": normalise_tags(changes["tags"])} if "tags" in changes else changes
        after = Version(replace(before.record, **shown))
        self._first(before, after, lambda library: after.stored(library.update_annotation(before.record.id, **changes)), text)

    def _on_note_accepted(self, dialog: NoteDialog, target: Annotation | None, span: tuple[int, int] | None) -> None:
        note, tags = dialog.note(), dialog.tags()
        if target is None:
            self._add(*span, note=note, tags=tags, text="Note")
        elif (note, normalise_tags(tags)) != (target.note, target.tags):
            self._edit(target, "Note", note=note, tags=tags)

    def _on_delete(self) -> None:
        target = self.current()
        before = self._version_of(target) if target is not None else None
        if before is None:
            self.window.status.say("Put the cursor in a highlight, or pick a note, to delete it.")
            return
        self.chosen = None
        self._first(before, None, lambda library: library.delete_annotation(before.record.id), "Delete Annotation")

    def _on_colour_chosen(self, category: str) -> None:
        self.category = category
        self.window.settings.set_value("annotations/category", category)
        target = self.current()
        if target is not None and target.source == "user" and self.library_status.writable:
            self._edit(target, "Highlight Colour", category=category, color=user_colour(category, False))

    def _on_verdict(self, status: str, **corrections: Any) -> None:
        found = self._current_record()
        if found is None:
            return
        highlight, record = found
        kind, start, end, document = highlight.record, record.start, record.end, self.document
        existing = self.verdict_for(kind, start, end)
        before = self._version_of(existing) if existing is not None else None
        if before is not None:
            shown = replace(before.record, status=status, **corrections)
        else:
            fields = {"category": kind, **corrections}
            shown = provisional(next(self._ids), document, start, end, source="auto", status=status, auto_key=auto_key(kind, start, end), **fields)
        after = Version(shown)

        def call(library: Any) -> Annotation:
            return after.stored(library.set_verdict(document, kind, start, end, status, **corrections))

        self._first(before, after, call, f"{VERDICT_WORDS[status]} Highlight")

    def _current_record(self) -> tuple[Highlight, Any] | None:
        analysis, highlight = self.window.analysis, self.view.current or self.window.details_panel.highlight
        if analysis is None or highlight is None:
            self.window.status.say("Select an automatic highlight first (click a name, quote or number).")
            return None
        records = {"entity": analysis.entities, "quote": analysis.quotes, "number": analysis.numbers}
        return highlight, records[highlight.record][highlight.index]
