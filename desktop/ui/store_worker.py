"""The store's worker for the window: one thread that owns its own connection to the library.

Everything the window asks of the library for its library-wide views (the Library list, search, people,
quote variants, removal and its undo, import bookkeeping) goes through `StoreWorker.submit(call, done,
failed)`: `call(library)` runs on the worker's thread, in order, with a Library opened there (and reopened
when the window switches libraries); `done(result)` or `failed(message)` then runs on the GUI thread.
Calls must return plain records (the store's frozen dataclasses, lists, numbers), never a cursor.

So the GUI thread runs no SQL for these views, and a query that grows with the library never makes
the window wait: at worst its result comes a little later.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

Call = Callable[[Any], Any]
_STOP = object()


class _Signals(QObject):
    finished_call = Signal(int, object)  # job, result
    failed_call = Signal(int, str)  # job, message for a person


class _Thread(threading.Thread):
    """Runs queued calls against its own Library; opens it on first use after each set_library.

    A daemon thread, so a window that goes away without closing (an error, the interpreter exiting)
    never waits for it; its signals are queued into the GUI thread, where the StoreWorker lives.
    """

    def __init__(self, signals: _Signals) -> None:
        super().__init__(name="factlight-store", daemon=True)
        self.signals = signals
        self.jobs: queue.Queue[Any] = queue.Queue()
        self.library: Any = None
        self.target: tuple[Path, bool] | None = None

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is _STOP:
                self._close()
                return
            kind, job, payload = item
            if kind == "library":
                self._close()
                self.target = payload
                continue
            try:
                result = payload(self._library())
            except Exception as exc:  # a LibraryError says what is wrong; anything else is a bug to report
                self._emit(self.signals.failed_call, job, str(exc) or type(exc).__name__)
            else:
                self._emit(self.signals.finished_call, job, result)

    @staticmethod
    def _emit(signal: Any, job: int, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window and its worker were deleted meanwhile
            signal.emit(job, value)

    def _library(self) -> Any:
        if self.library is None:
            from desktop.store import LibraryError, open_library

            if self.target is None:
                raise LibraryError("No library is open.")
            path, read_only = self.target
            self.library = open_library(path, read_only=read_only, check=False)
        return self.library

    def _close(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None


class StoreWorker(QObject):
    """See the module docstring. `path` is the library the worker reads and writes (None: none yet)."""

    _jobs = itertools.count(1)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.read_only = False
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._signals = _Signals(self)
        self._signals.finished_call.connect(self._on_finished)
        self._signals.failed_call.connect(self._on_failed)
        self._thread = _Thread(self._signals)
        self._thread.start()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def set_library(self, path: Path | None, read_only: bool = False) -> None:
        """The library later calls go to (the window's LibraryStatus opened it, migrated, first)."""
        self.path, self.read_only = (Path(path) if path is not None else None), read_only
        self._thread.jobs.put(("library", 0, None if path is None else (Path(path), read_only)))

    def submit(self, call: Call, done: Callable[[Any], None], failed: Callable[[str], None] | None = None) -> int:
        job = next(self._jobs)
        self._callbacks[job] = (done, failed)
        self._thread.jobs.put(("call", job, call))
        return job

    def close(self, timeout_ms: int = 5000) -> None:
        """Finish the calls already queued, then stop the thread."""
        if self._thread.is_alive():
            self._thread.jobs.put(_STOP)
            self._thread.join(timeout_ms / 1000)
        self._callbacks.clear()

    def _on_finished(self, job: int, result: Any) -> None:
        done, _failed = self._callbacks.pop(job, (None, None))
        if done is not None:
            done(result)

    def _on_failed(self, job: int, message: str) -> None:
        _done, failed = self._callbacks.pop(job, (None, None))
        if failed is not None:
            failed(message)
