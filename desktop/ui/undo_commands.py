"""The reader's annotation changes as undo commands, and the versions of an annotation they move between.

A `Version` is one state of one annotation: what the window shows at once, and, as soon as the store
worker has written it, the record as the library stored it (`record` is set on the worker's thread,
so a later write in the queue, an undo say, already sees the real id of a highlight made a moment ago).

Every change is a move from one version to another: a new highlight from None to its version, a note or
a verdict from the version before to the version after, a deletion from the version to None. `Change`
is that move as a QUndoCommand; its first "redo" is the change the controller has just made and
written, and every later undo and redo writes to the library again through the controller's `move`.
A write that fails (library locked, disk full, made read-only) is rolled back in the window by the
controller, which makes its command obsolete: the stack then drops it rather than go out of step
with the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QUndoCommand

from desktop.store.anchoring import quote_selector
from desktop.store.library import now
from desktop.store.records import Annotation, normalise_tags

if TYPE_CHECKING:
    from desktop.documents import Document


class Version:
    """One state of an annotation: provisional (negative id) until its write returns, then as stored."""

    __slots__ = ("failed", "record", "shown")

    def __init__(self, record: Annotation) -> None:
        self.record = record
        self.shown = record  # as first shown: what a dialog opened meanwhile still holds
        self.failed = False  # its write failed: this state never reached the library

    def holds(self, annotation: Annotation) -> bool:
        return annotation is self.record or annotation is self.shown or (annotation.id > 0 and annotation.id == self.record.id)

    def stored(self, record: Annotation) -> Annotation:
        """Called on the worker's thread with what the library returned."""
        self.record = record
        return record

    def __repr__(self) -> str:
        return f"Version({self.record.id}, {self.record.source}, {self.record.status})"


def provisional(annotation_id: int, document: Document, start: int, end: int, **fields: Any) -> Annotation:
    """A new annotation as the library will store it, shown until its write returns (a negative id)."""
    exact, prefix, suffix = quote_selector(document.text, start, end)
    stamp = now()
    tags = normalise_tags(fields.pop("tags", ()))
    return Annotation(
        id=annotation_id, document_id=0, document_sha256=document.sha256, start=start, end=end, exact=exact,
        prefix=prefix, suffix=suffix, tags=tags, created=stamp, modified=stamp, **fields,
    )  # fmt: skip


class AnnotationStore(Protocol):
    """What the commands need from the controller: show `after` instead of `before` and write it."""

    def move(self, before: Version | None, after: Version | None, command: QUndoCommand | None = None) -> None: ...


class Change(QUndoCommand):
    """A new highlight (before None), a changed note, tags, colour or verdict, or a deletion (after None)."""

    def __init__(self, store: AnnotationStore, before: Version | None, after: Version | None, text: str):
        super().__init__(text)
        self.store = store
        self.before, self.after = before, after
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True  # shown and written by the controller before the push
            return
        self.store.move(self.before, self.after, self)

    def undo(self) -> None:
        self.store.move(self.after, self.before, self)
