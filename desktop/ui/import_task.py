"""File ▸ Import Folder… and dropped folders: the import runs in a process of its own, with progress and Cancel.

The process (spawned: the window's Qt threads must not be forked) runs `desktop.store.importing` on all
cores but one, writing each article into the library as it is done; the window only reads its events
(a reader thread turns them into Qt signals) and shows a progress bar and a Cancel button in the status
bar. Cancel stops after the file being analysed; what was stored stays, and importing again goes on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressBar, QStatusBar, QToolButton

from desktop.config import ModelChoice
from desktop.store.importing import serve_import
from desktop.ui.closing import leave


def window_processes() -> int:
    """All cores but one: the window keeps one for itself."""
    return max(1, (os.cpu_count() or 1) - 1)


class ImportTask(QObject):
    progressed = Signal(object)  # ImportEvent
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)
    _arrived = Signal(object)

    def __init__(self, status_bar: QStatusBar, cancel_action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_action = cancel_action
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setFormat("Importing %v of %m")
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(cancel_action)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)
        cancel_action.triggered.connect(self.cancel)
        self._arrived.connect(self._on_message)
        self._process: Any = None
        self._pipe: Any = None
        self._set_running(False)

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, db_path: Path, paths: list[str], model: ModelChoice, processes: int | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=True)
        self._process = context.Process(
            target=serve_import,
            args=(theirs, str(db_path), list(paths), processes or window_processes(), model),
            name="factlight-import",
            daemon=True,
        )
        self._pipe = ours
        self.progress.setRange(0, 0)
        self._set_running(True)
        # Started by the reader thread: spawning forks this (large) process, tens of ms of GUI time.
        threading.Thread(target=self._read, args=(ours, theirs, self._process), name="factlight-import-events", daemon=True).start()

    def cancel(self) -> None:
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                self._pipe.send("cancel")
            self.cancel_action.setEnabled(False)

    def stop(self, timeout: float = 3.0) -> None:
        """The window closes: cancel, give the process a moment to finish its file, then end it.

        The waiting happens on a thread of its own (closing.py), so the window goes at once.
        """
        process = self._process
        if process is None:
            return
        self.cancel()

        def finish() -> None:
            with contextlib.suppress(AssertionError):  # not started yet by the reader thread
                process.join(timeout)
                if process.is_alive():
                    process.terminate()
                    process.join(2)

        finisher = threading.Thread(target=finish, name="factlight-import-closing", daemon=True)
        leave(finisher)
        finisher.start()

    def _read(self, pipe: Any, theirs: Any, process: Any) -> None:
        try:
            process.start()
        except OSError as exc:
            self._emit(("error", f"The import could not start: {exc.strerror or exc}"))
            return
        finally:
            theirs.close()
        while True:
            try:
                message = pipe.recv()
            except (EOFError, OSError):
                message = ("gone",)
            if message[0] in ("done", "error", "gone"):
                # The process ends here, off the GUI thread (spaCy takes a moment to let go).
                with contextlib.suppress(AssertionError, OSError):
                    process.join(10)
                self._emit(message)
                return
            self._emit(message)

    def _emit(self, message: tuple) -> None:
        with contextlib.suppress(RuntimeError):  # the window was deleted meanwhile
            self._arrived.emit(message)

    def _on_message(self, message: tuple) -> None:
        kind = message[0]
        if kind == "event":
            event = message[1]
            if event.total:
                self.progress.setRange(0, event.total)
                self.progress.setValue(event.done)
            self.progressed.emit(event)
            return
        if self._process is None:
            return
        self._finish()
        if kind == "done":
            self.finished.emit(message[1])
        elif kind == "error":
            self.failed.emit(message[1])
        else:
            self.failed.emit("The import process stopped unexpectedly; what it had stored is kept.")

    def _finish(self) -> None:
        self._process = None
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_action.setEnabled(running)
