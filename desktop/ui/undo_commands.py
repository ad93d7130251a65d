"""One QUndoCommand per annotation change; every redo and undo writes to the library at once.

The first "redo" of a command is the change the controller has already written (so a failed write is
never pushed); later redos and undos call the store again: a deleted annotation comes back through
`restore_annotation` with its id, an edit is undone by restoring the record as it was. A write that fails
(disk full, library locked) is reported by the controller and makes the command obsolete, so the stack
drops it rather than going out of step with the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from desktop.store import Annotation


class AnnotationStore(Protocol):
    """What the commands need from the controller: writes that update its list and report failures."""

    def restore(self, annotation: Annotation) -> bool: ...

    def remove(self, annotation_id: int) -> bool: ...


class _Command(QUndoCommand):
    def __init__(self, store: AnnotationStore, text: str):
        super().__init__(text)
        self.store = store
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True  # written by the controller before the push
            return
        if not self._redo():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._undo():
            self.setObsolete(True)

    def _redo(self) -> bool:
        raise NotImplementedError

    def _undo(self) -> bool:
        raise NotImplementedError


class AddAnnotation(_Command):
    """A new highlight (with its note and tags, when Ctrl+M made it)."""

    def __init__(self, store: AnnotationStore, added: Annotation, text: str = "Highlight"):
        super().__init__(store, text)
        self.added = added

    def _redo(self) -> bool:
        return self.store.restore(self.added)

    def _undo(self) -> bool:
        return self.store.remove(self.added.id)


class EditAnnotation(_Command):
    """A changed note, tags, colour or verdict: undo puts the record back exactly as it was."""

    def __init__(self, store: AnnotationStore, before: Annotation, after: Annotation, text: str):
        super().__init__(store, text)
        self.before, self.after = before, after

    def _redo(self) -> bool:
        return self.store.restore(self.after)

    def _undo(self) -> bool:
        return self.store.restore(self.before)


class DeleteAnnotation(_Command):
    def __init__(self, store: AnnotationStore, gone: Annotation, text: str = "Delete Annotation"):
        super().__init__(store, text)
        self.gone = gone

    def _redo(self) -> bool:
        return self.store.remove(self.gone.id)

    def _undo(self) -> bool:
        return self.store.restore(self.gone)


def verdict_command(
    store: AnnotationStore, before: Annotation | None, after: Annotation, text: str
) -> QUndoCommand:
    """A verdict on an automatic highlight: a new verdict undoes by deletion, a changed one by restoring."""
    if before is None:
        return AddAnnotation(store, after, text)
    return EditAnnotation(store, before, after, text)
