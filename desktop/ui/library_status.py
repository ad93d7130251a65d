"""Opens the reader's library for the window and says, in the window, what is wrong with a bad one.

The library opens in the store worker (store_worker.py), which keeps the connection: a file locked by
another program makes SQLite wait for its busy timeout there, not in the window. The window only holds
a `LibraryInfo` (path, read-only or not, and why).
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

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desktop.ui.store_worker import LibraryInfo, OpenFailure

if TYPE_CHECKING:
    from desktop.ui.store_worker import StoreWorker

NOT_SAVING = "Annotations are off: no library is open, so nothing could be saved."


class LibraryStatus(QObject):
    """The window's library: `library` (a LibraryInfo; None while opening or when there is none) and
    `reason`, None when annotations can be saved, else why not (for status tips and messages).
    """

    changed = Signal()  # library or reason changed (opened, failed, replaced)
    new_library_started = Signal(object)  # Path: the reader chose "Start a New Library" there

    # How long SQLite waits for a lock another program holds, at opening and at each write.
    busy_timeout = 5.0

    _tokens = itertools.count(1)

    def __init__(self, window: QMainWindow, store: StoreWorker, say: Any):
        super().__init__(window)
        self.window = window
        self.store = store
        self.say = say
        self.path: Path | None = None
        self.library: LibraryInfo | None = None
        self.reason: str | None = "The library is opening…"
        self.opening = False
        self.error: Exception | None = None
        self.fresh_path: Path | None = None  # where "Start a New Library" would put one
        self.box: QMessageBox | None = None
        self.badge = QLabel()
        self.badge.setVisible(False)
        window.statusBar().addPermanentWidget(self.badge)
        self._token = 0

    @property
    def writable(self) -> bool:
        return self.library is not None and not self.library.read_only

    def open(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.opening = True
        self._token = token = next(self._tokens)
        self.library = None
        self.store.open(self.path, read_only, self.busy_timeout, lambda result: self._on_opened(token, result))

    def _on_opened(self, token: int, result: LibraryInfo | OpenFailure) -> None:
        if token != self._token:
            return  # a later open() has replaced it in the worker already
        self.opening = False
        if isinstance(result, OpenFailure):
            self.fresh_path = result.fresh_path
            self._unusable(result.error)
            return
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

    def _unusable(self, error: Exception) -> None:
        self.error = error
        self.library = None
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
            from desktop.store import LibraryLockedError

            fresh = self.fresh_path
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
