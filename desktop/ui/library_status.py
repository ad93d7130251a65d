"""Opens the reader's library for the window and says, in the window, what is wrong with a bad one.

The library opens in a worker (a file locked by another program makes SQLite wait for its busy timeout).
A read-only library (file not writable, written by a newer Factlight) is used read-only. A library that
cannot be used at all (damaged, not SQLite, locked, another program's database) is reported in the
status bar and a non-modal message box offering "Start a New Library" beside it, at
`fresh_library_path(path)`, or "Continue Without Saving" (and, for a locked one, "Open Read-Only").
The user's file is never overwritten or deleted: the store guarantees it, and nothing here writes to it.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desktop.ui.workers import TaskWorker, start_task

if TYPE_CHECKING:
    from desktop.store import Library

NOT_SAVING = "Annotations are off: no library is open, so nothing could be saved."


def _open(path: Path, read_only: bool, busy_timeout: float) -> Any:
    """The Library, or the LibraryError that says why not (plain data for the GUI thread)."""
    # Imported here, off the critical path, for the cache look-up that follows when an article opens.
    import desktop.analysis.engine  # noqa: F401  (ENGINE_VERSION)
    import desktop.store.corrections  # noqa: F401
    from desktop.store import LibraryError, open_library

    try:
        return open_library(path, read_only=read_only, busy_timeout=busy_timeout)
    except LibraryError as exc:
        return exc
    except OSError as exc:  # e.g. the data folder cannot be created
        return LibraryError(f"The library {path} cannot be opened: {exc.strerror or exc}.", path)


class LibraryStatus(QObject):
    """The window's library: `library` (None while opening or when there is none) and `reason`.

    `reason` is None when annotations can be saved, else why not (for status tips and messages).
    """

    changed = Signal()  # library or reason changed (opened, failed, replaced)
    new_library_started = Signal(object)  # Path: the reader chose "Start a New Library" there

    # How long SQLite waits for a lock another program holds, at opening and at each write.
    busy_timeout = 5.0

    _tokens = itertools.count(1)

    def __init__(self, window: QMainWindow, pool: QThreadPool, say: Any):
        super().__init__(window)
        self.window = window
        self.pool = pool
        self.say = say
        self.path: Path | None = None
        self.library: Library | None = None
        self.reason: str | None = "The library is opening…"
        self.opening = False
        self.error: Exception | None = None
        self.box: QMessageBox | None = None
        self.badge = QLabel()
        self.badge.setVisible(False)
        window.statusBar().addPermanentWidget(self.badge)
        self._token = 0
        self._workers: dict[int, TaskWorker] = {}

    @property
    def writable(self) -> bool:
        return self.library is not None and not self.library.read_only

    def open(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.opening = True
        self._token = next(self._tokens)
        path, timeout, token = self.path, self.busy_timeout, self._token
        start_task(
            self.pool,
            self._workers,
            lambda: _open(path, read_only, timeout),
            lambda result: self._on_opened(token, result),
            lambda message: self._on_open_failed(token, message),
        )

    def close(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None

    def _on_opened(self, token: int, result: Any) -> None:
        if token != self._token:
            if hasattr(result, "close"):
                result.close()
            return
        self.opening = False
        if isinstance(result, Exception):
            self._unusable(result)
            return
        self.close()
        self.library, self.error = result, None
        if result.read_only:
            self.reason = result.notice or f"The library {self.path} is read-only."
            self._show_badge("Read-only library", self.reason)
            self.say(self.reason)
            self._message(QMessageBox.Icon.Information, "Library opened read-only", self.reason, offer=False)
        else:
            self.reason = None
            self.badge.setVisible(False)
        self.changed.emit()

    def _on_open_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.opening = False
            from desktop.store import LibraryError

            self._unusable(LibraryError(message, self.path))

    def _unusable(self, error: Exception) -> None:
        self.error = error
        self.close()
        self.reason = f"{error} {NOT_SAVING}"
        self._show_badge("Not saving", str(error))
        self.say(str(error))
        self._message(QMessageBox.Icon.Warning, "The library cannot be used", str(error), offer=True)
        self.changed.emit()

    def _show_badge(self, text: str, tip: str) -> None:
        self.badge.setText(text)
        self.badge.setToolTip(tip)
        self.badge.setVisible(True)

    def _message(self, icon: QMessageBox.Icon, title: str, text: str, offer: bool) -> None:
        if self.box is not None:
            self.box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.window)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        if offer:
            from desktop.store import LibraryLockedError, fresh_library_path

            fresh = fresh_library_path(self.path)
            box.setInformativeText(
                f"Your file was left exactly as it was. You can start a new library at {fresh}, "
                "or go on reading without saving annotations."
            )
            new = box.addButton("Start a New Library", QMessageBox.ButtonRole.AcceptRole)
            new.clicked.connect(lambda: self._start_new(fresh))
            if isinstance(self.error, LibraryLockedError):
                again = box.addButton("Open Read-Only", QMessageBox.ButtonRole.ActionRole)
                again.clicked.connect(lambda: self.open(self.path, read_only=True))
            box.addButton("Continue Without Saving", QMessageBox.ButtonRole.RejectRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        self.box = box
        box.show()

    def _start_new(self, path: Path) -> None:
        self.new_library_started.emit(path)
        self.open(path)
