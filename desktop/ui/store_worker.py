"""The store's worker for the window: the one path from the window to the library, off the GUI thread.

Everything the window asks of the library goes through `StoreWorker`: opening it (`open`), the
reader's annotations and verdicts and their undo, the analysis cache, the Library list, search, people,
quote variants, removal, import bookkeeping (`submit(call, done, failed)`), and exports
(`submit_export`). `call(library)` runs on the worker's thread, in the order submitted, with the Library
the last `open` opened there; `done(result)` or `failed(message)` then runs on the GUI thread. Calls
return plain records (the store's frozen dataclasses, lists, numbers), never a cursor.

So the GUI thread runs no SQL: a write that waits for a lock another program holds, or a query that
grows with the library, never makes the window wait; at worst its result comes a little later.

Exports have a lane of their own, a second thread that opens a read-only Library for each export:
a long export neither delays the reader's next highlight nor holds the writer's connection, and
Cancel interrupts just that read (`interrupt_export`).

Results are delivered by this QObject's own slots, so none arrives after the window (its parent) is
gone: a late result is dropped, not handed to a deleted widget.

Closing never makes the window wait: `close()` asks the lanes to stop after the calls already queued
and returns; the window goes at once while its last writes are committed. Nothing is lost for that:
a library opened afterwards (another window, the same one again) first waits, on its own lane, for
every closed lane to finish, and the interpreter waits for them before it exits (closing.py).
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.closing import finish_closed, leave
from desktop.ui.heartbeat import expect_work

Call = Callable[[Any], Any]
_STOP = object()


@dataclass(frozen=True)
class LibraryInfo:
    """The library the worker has open, as the GUI thread knows it: no connection, only facts."""

    path: Path
    read_only: bool
    notice: str | None  # why it is read-only, or None


@dataclass(frozen=True)
class OpenFailure:
    """Why a library could not be opened, and a free name beside it for a new one."""

    error: Exception  # a LibraryError
    fresh_path: Path


class _Signals(QObject):
    finished_call = Signal(int, object)  # job, result
    failed_call = Signal(int, str)  # job, message for a person


def open_for_window(path: Path, read_only: bool, busy_timeout: float) -> Any:
    """The Library at `path`, or the OpenFailure that says why not (on the worker's thread)."""
    # Imported here, off the critical path, for the cache look-up that follows when an article opens.
    import desktop.store.corrections  # noqa: F401
    from desktop.store import LibraryError, fresh_library_path, open_library

    try:
        return open_library(path, read_only=read_only, busy_timeout=busy_timeout)
    except LibraryError as exc:
        return OpenFailure(exc, fresh_library_path(path))
    except OSError as exc:  # e.g. the data folder cannot be created
        error = LibraryError(f"The library {path} cannot be opened: {exc.strerror or exc}.", path)
        return OpenFailure(error, fresh_library_path(path))


class _Lane(threading.Thread):
    """Runs queued calls in order against its Library.

    The main lane keeps the Library its last "open" job opened. The export lane (`per_call`) opens a
    read-only Library of the main lane's file for each call and closes it after.
    A daemon thread, so a window that goes away without closing (an error, the interpreter exiting)
    never waits for it; its signals are queued into the GUI thread, where the StoreWorker lives.
    """

    def __init__(self, signals: _Signals, name: str, per_call: bool = False) -> None:
        super().__init__(name=name, daemon=True)
        self.signals = signals
        self.per_call = per_call
        self.jobs: queue.Queue[Any] = queue.Queue()
        self.library: Any = None
        self.path: Path | None = None
        self._running_lock = threading.Lock()

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is _STOP:
                self._close()
                return
            kind, job, payload = item
            try:
                if kind == "open":
                    result = self._open(*payload)
                elif kind == "path":
                    self.path = payload
                    continue
                else:
                    result = self._call(payload)
            except Exception as exc:  # a LibraryError says what is wrong; anything else is a bug to report
                self._emit(self.signals.failed_call, job, str(exc) or type(exc).__name__)
            else:
                self._emit(self.signals.finished_call, job, result)

    def _open(self, path: Path, read_only: bool, busy_timeout: float) -> Any:
        self._close()
        finish_closed()  # a window closed just before may still be committing to this very file
        opened = open_for_window(path, read_only, busy_timeout)
        if isinstance(opened, OpenFailure):
            return opened
        with self._running_lock:
            self.library = opened
        return LibraryInfo(opened.path, opened.read_only, opened.notice)

    def _call(self, call: Call) -> Any:
        if not self.per_call:
            if self.library is None:
                from desktop.store import LibraryError

                raise LibraryError("No library is open.")
            return call(self.library)
        from desktop.store import LibraryError, open_library

        if self.path is None:
            raise LibraryError("No library is open.")
        reader = open_library(self.path, read_only=True, check=False)
        with self._running_lock:
            self.library = reader
        try:
            return call(reader)
        finally:
            self._close()

    def interrupt(self) -> None:
        """Stop the read running now, if any (it raises a LibraryError); from any thread."""
        with self._running_lock:
            if self.library is not None:
                self.library.interrupt()

    @staticmethod
    def _emit(signal: Any, job: int, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window and its worker were deleted meanwhile
            signal.emit(job, value)

    def _close(self) -> None:
        with self._running_lock:
            library, self.library = self.library, None
        if library is not None:
            library.close()


class StoreWorker(QObject):
    """See the module docstring. `info` is the library open now (None: none, or still opening)."""

    _jobs = itertools.count(1)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.info: LibraryInfo | None = None
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._signals = _Signals(self)
        self._signals.finished_call.connect(self._on_finished)
        self._signals.failed_call.connect(self._on_failed)
        self._main = _Lane(self._signals, "factlight-store")
        self._exports = _Lane(self._signals, "factlight-store-export", per_call=True)
        self._main.start()
        self._exports.start()

    @property
    def pending(self) -> int:
        """Calls submitted whose result has not come back yet."""
        return len(self._callbacks)

    def open(
        self, path: Path, read_only: bool, busy_timeout: float, done: Callable[[Any], None]
    ) -> int:
        """Open the library at `path` for every later call; `done(LibraryInfo | OpenFailure)`.

        The library is migrated and checked (PRAGMA quick_check) on the worker's thread; a locked one
        makes the worker wait up to `busy_timeout` seconds, never the window.
        """
        self.info = None
        self._exports.jobs.put(("path", 0, None))

        def opened(result: Any) -> None:
            if isinstance(result, LibraryInfo):
                self.info = result
                self._exports.jobs.put(("path", 0, result.path))
            done(result)

        return self._put(self._main, ("open", (Path(path), read_only, busy_timeout)), opened, None)

    def submit(self, call: Call, done: Callable[[Any], None], failed: Callable[[str], None] | None = None) -> int:
        return self._put(self._main, ("call", call), done, failed)

    def submit_export(self, call: Call, done: Callable[[Any], None], failed: Callable[[str], None]) -> int:
        """A long read (an export) on the export lane, with a read-only Library of its own."""
        return self._put(self._exports, ("call", call), done, failed)

    def interrupt_export(self) -> None:
        self._exports.interrupt()

    def close(self) -> None:
        """Stop after the calls already queued (the reader's last writes are committed), without waiting.

        Their results are no longer delivered; see the module docstring for who waits for them.
        """
        self._exports.interrupt()
        for lane in (self._exports, self._main):
            if lane.is_alive():
                lane.jobs.put(_STOP)
                leave(lane)
        self._callbacks.clear()

    def _put(self, lane: _Lane, item: tuple[str, Any], done: Callable[[Any], None], failed: Callable[[str], None] | None) -> int:
        job = next(self._jobs)
        self._callbacks[job] = (done, failed)
        expect_work()
        lane.jobs.put((item[0], job, item[1]))
        return job

    def _on_finished(self, job: int, result: Any) -> None:
        done, _failed = self._callbacks.pop(job, (None, None))
        if done is not None:
            done(result)

    def _on_failed(self, job: int, message: str) -> None:
        _done, failed = self._callbacks.pop(job, (None, None))
        if failed is not None:
            failed(message)
