"""Shows the reader's annotations and what can be done with them: marks, Notes panel, Edit menu state.

`AnnotationDisplay` follows the annotation controller (annotations.py): whenever its list changes it
paints the reader's highlights in the article and the overview strip, fills the Notes panel and
refreshes the Details of the highlight shown; and it keeps the Edit menu's annotation commands, Undo
and Redo enabled, named and explained (status tips say why a command is not available). It is given
the widgets it draws on, not the window. A write that failed is reported here too (`not_saved`), and
`annotation_under` says which of the reader's highlights the cursor or the selection is on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.highlights import user_highlights

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from desktop.documents import Document
    from desktop.store import Annotation
    from desktop.ui.export_task import ExportTask
    from desktop.ui.library_status import LibraryStatus


class AnnotatedArticle(Protocol):
    """What the display reads of the annotation controller (a QObject, its parent)."""

    annotations_changed: SignalInstance
    document: Document | None
    exporter: ExportTask
    library_status: LibraryStatus
    notes: list[Annotation]
    undo_stack: QUndoStack


STATUS_TIPS = {
    "highlight": "Highlight the selected passage in the chosen colour (Ctrl+H)",
    "note": "Write a note and tags for the highlight at the cursor, or for the selection (Ctrl+M)",
    "delete_annotation": "Delete the highlight or verdict at the cursor (Del)",
    "accept": "Mark the selected automatic highlight as right",
    "reject": "Mark the selected automatic highlight as wrong: it is hidden from now on",
    "correct": "Correct the selected automatic highlight: a quote's speaker, a number, a name's kind",
}


class AnnotationDisplay(QObject):
    def __init__(self, controller: AnnotatedArticle, widgets: tuple[Any, Any, Any, Any], actions: Any,
                 say: Callable[[str], None], analysed: Callable[[], bool]):
        super().__init__(controller)  # a QObject that also meets the protocol
        self.controller = controller
        self.view, self.strip, self.notes_panel, self.details_panel = widgets  # article, strip, Notes, Details
        self.actions = actions
        self.say, self.analysed = say, analysed
        self.error_box: QMessageBox | None = None
        controller.annotations_changed.connect(self._on_annotations_changed)

    def _on_annotations_changed(self) -> None:
        controller = self.controller
        index = user_highlights(controller.notes)
        self.view.show_user_marks(index)
        document = controller.document
        self.strip.set_user_marks(index, len(document.text) if document is not None else 1)
        self.notes_panel.set_annotations(controller.notes)
        details = self.details_panel
        if details.highlight is not None:
            details.show_highlight(details.highlight)
        self.update_actions()

    def on_analysis_shown(self, _analysis: object) -> None:
        self.update_actions()

    def on_undo_index_changed(self) -> None:
        stack = self.controller.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.actions.undo.setText(f"&Undo {undo}" if undo else "&Undo")
        self.actions.redo.setText(f"&Redo {redo}" if redo else "&Redo")
        self.update_actions()

    def update_actions(self) -> None:
        a, controller = self.actions, self.controller
        status = controller.library_status
        writable = status.writable and controller.document is not None
        reason = status.reason or ("Open an article first." if controller.document is None else None)
        analysed = self.analysed()
        for key, action in a.annotation_actions.items():
            action.setEnabled(writable and (key not in ("accept", "reject", "correct") or analysed))
            action.setStatusTip(STATUS_TIPS[key] if writable else f"{STATUS_TIPS[key]}. Not available: {reason}")
        a.undo.setEnabled(status.writable and controller.undo_stack.canUndo())
        a.redo.setEnabled(status.writable and controller.undo_stack.canRedo())
        a.export.setEnabled(status.library is not None and not controller.exporter.running)

    def not_saved(self, parent: QWidget, message: str) -> None:
        """A write failed and was rolled back: say so in the status bar and in a message beside the window."""
        text = f"Not saved: {message}"
        self.say(f"{text} The change was taken back.")
        if self.error_box is None:
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", "", QMessageBox.StandardButton.Ok, parent)
            self.error_box.setWindowModality(Qt.WindowModality.NonModal)
        self.error_box.setText(text)
        self.error_box.setInformativeText("The change was taken back in the window: it shows what the library holds.")
        self.error_box.show()

    def reveal(self, annotation: Annotation) -> None:
        """Scroll to the annotation's passage and flash it (picked in the Notes panel)."""
        if annotation.detached:
            self.say(f"This annotation's passage is no longer in the article (“{annotation.exact[:60]}”); it is kept.")
            return
        self.view.setTextCursor(self.view.cursor_at(annotation.start))
        self.view.reveal(annotation.start, annotation.end)
        self.view.flash(annotation.start, annotation.end)


def annotation_under(notes: list[Annotation], span: tuple[int, int] | None, offset: int) -> Annotation | None:
    """The reader's highlight the selection overlaps most, else the smallest one around the cursor."""
    users = [a for a in notes if a.source == "user" and not a.detached]
    if span is not None:
        start, end = span
        overlaps = [(min(end, a.end) - max(start, a.start), a) for a in users]
        best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
        return best[1] if best[0] > 0 else None
    inside = [a for a in users if a.start <= offset < a.end] or [a for a in users if a.end == offset]
    return min(inside, key=lambda a: a.end - a.start, default=None)
