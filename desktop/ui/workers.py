"""Background work for the window: loading documents (thread pool) and the analysis service (a process).

Workers hand back plain data through Qt signals; only the GUI thread touches widgets. Documents load in
a QRunnable on the application's QThreadPool (TaskRunner); the library is the store worker's
(store_worker.py); what the window shows of an analysis is prepared by presentation.py. The spaCy
pipeline and the analysis run in one spawned child process per model (see analysis_host.py for why),
shared by every window; a reader thread turns the child's messages into records and an AnalysisClient
re-emits them as Qt signals, which Qt queues into the GUI thread.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import itertools
import multiprocessing
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.analysis.records import Analysis
from desktop.config import ModelChoice
from desktop.documents import Document, DocumentError, load, pasted_document
from desktop.ui.analysis_host import RECORDS
from desktop.ui.heartbeat import expect_work


class TaskSignals(QObject):
    finished = Signal(int, object)  # token, result
    failed = Signal(int, str)  # token, message for a person


class TaskWorker(QRunnable):
    """Runs `call()` on the thread pool and hands back its plain result.

    An exception becomes `failed` with its message: the documents' errors are written for the reader.
    """

    def __init__(self, token: int, call: Callable[[], Any], signals: TaskSignals):
        super().__init__()
        self.token = token
        self.call = call
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as exc:
            self._emit("failed", str(exc) or type(exc).__name__)
        else:
            self._emit("finished", result)

    def _emit(self, name: str, value: Any) -> None:
        # The runner may have gone with its window meanwhile: then even reading its signal raises.
        with contextlib.suppress(RuntimeError):
            getattr(self.signals, name).emit(self.token, value)


class TaskRunner(QObject):
    """Runs calls on a thread pool; `done(result)` or `failed(message)` follows on the GUI thread.

    The results come through this object's own slots, so a task that ends after its owner (a window
    closed meanwhile) is dropped: its callbacks never reach a deleted widget.
    """

    _tokens = itertools.count(1)

    def __init__(self, pool: QThreadPool, parent: QObject) -> None:
        super().__init__(parent)
        self.pool = pool
        self._signals = TaskSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._workers: dict[int, TaskWorker] = {}  # alive until they have reported

    @property
    def running(self) -> int:
        return len(self._callbacks)

    def start(self, call: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        token = next(self._tokens)
        self._callbacks[token] = (done, failed)
        self._workers[token] = worker = TaskWorker(token, call, self._signals)
        expect_work()
        self.pool.start(worker)

    def _on_finished(self, token: int, result: Any) -> None:
        self._workers.pop(token, None)
        done, _failed = self._callbacks.pop(token, (None, None))
        if done is not None:
            done(result)

    def _on_failed(self, token: int, message: str) -> None:
        self._workers.pop(token, None)
        _done, failed = self._callbacks.pop(token, (None, None))
        if failed is not None:
            failed(message)


def paste_document(text: str, html: str) -> Document:
    """documents.pasted_document for a worker, with load_document's promise: only DocumentError escapes."""
    try:
        return pasted_document(text, html)
    except DocumentError:
        raise
    except Exception as exc:  # an unexpected extraction bug must not take the window down
        raise DocumentError(f"The pasted text could not be opened: {exc}") from exc


def load_document(path: Path) -> Document:
    """documents.load for a worker: any failure becomes a DocumentError with a message for a person."""
    try:
        return load(path)
    except DocumentError:
        raise
    except Exception as exc:  # an unexpected loader bug must not take the window down
        raise DocumentError(f"{path.name} could not be opened: {exc}") from exc


Listener = Callable[[tuple[Any, ...]], None]
_STOP = object()  # the sender thread's last command


class AnalysisService:
    """One analysis process per model; start() is cheap to call again."""

    _services: dict[ModelChoice, AnalysisService] = {}
    _jobs = itertools.count(1)

    def __init__(self, model: ModelChoice):
        self.model = model
        self.model_state: tuple[Any, ...] | None = None  # the last model_loaded / model_failed event
        self._lock = threading.RLock()
        self._listeners: dict[int, Listener] = {}
        self._owners: dict[int, int] = {}  # job -> listener key
        self._parts: dict[int, dict[str, list]] = {}
        self._payloads: dict[int, list[str]] = {}  # job -> the cache payload's pieces so far
        self._process: multiprocessing.process.BaseProcess | None = None
        self._stopped: multiprocessing.process.BaseProcess | None = None  # handed to shutdown() to wait for
        self._commands = None
        self._outbox: queue.SimpleQueue[tuple[Any, ...] | object | None] = queue.SimpleQueue()
        self._sender: threading.Thread | None = None  # sends the queued commands, in order

    @classmethod
    def for_model(cls, model: ModelChoice) -> AnalysisService:
        if model not in cls._services:
            cls._services[model] = cls(model)
        return cls._services[model]

    @classmethod
    def shutdown_all(cls) -> None:
        for service in list(cls._services.values()):
            service.shutdown()
        cls._services.clear()

    def start(self) -> None:
        """From any thread, at once: the sender thread starts the process if it is not running."""
        self._post(None)

    def _post(self, message: tuple[Any, ...] | None) -> None:
        with self._lock:
            if self._sender is None:  # each sender has its own queue, so a stopped one takes no new command
                self._outbox = queue.SimpleQueue()
                self._sender = threading.Thread(
                    target=self._send_queued, args=(self._outbox,), name="factlight-commands", daemon=True
                )
                self._sender.start()
            self._outbox.put(message)

    def _send_queued(self, outbox: queue.SimpleQueue) -> None:
        # Starting the child (spawning forks this large process: about 10 ms, plus imports) and writing
        # an article into its pipe (which waits until the child has read it all, a long wait for 3 MB
        # when the child is busy) happen on this thread, so the window's call returns at once.
        while (message := outbox.get()) is not _STOP:
            try:
                self._start_process()
            except Exception as exc:  # no process could be made (out of memory, too many processes)
                self._broadcast(("model_failed", f"The analysis process could not start: {exc}"))
                continue
            if message is not None:
                self._send(message)
        with self._lock:
            process, self._process = self._process, None
        if process is not None:
            self._send(("quit",))
            self._stopped = process

    def _start_process(self) -> None:
        with self._lock:
            if self._process is not None and self._process.is_alive():
                return
            from desktop.ui import analysis_host

            context = multiprocessing.get_context("spawn")
            command_reader, command_writer = context.Pipe(duplex=False)
            event_reader, event_writer = context.Pipe(duplex=False)
            self._process = context.Process(
                target=analysis_host.serve,
                args=(command_reader, event_writer, self.model.name, self.model.fast_gemm),
                name="factlight-analysis",
                daemon=True,
            )
            self._process.start()
            command_reader.close()
            event_writer.close()
            self._commands = command_writer
            self.model_state = None
            threading.Thread(target=self._read_events, args=(event_reader,), name="factlight-events", daemon=True).start()

    def subscribe(self, key: int, listener: Listener) -> None:
        with self._lock:
            self._listeners[key] = listener
            state = self.model_state
        if state is not None:
            listener(state)

    def unsubscribe(self, key: int) -> None:
        with self._lock:
            self._listeners.pop(key, None)

    def analyze(self, owner: int, text: str, processes: int | None = None) -> int:
        """Queue `text`; `processes` (None: the process's default) is how many processes may parse it."""
        self.start()
        job = next(self._jobs)
        with self._lock:
            self._owners[job] = owner
            self._parts[job] = {key: [] for key in RECORDS}
            self._payloads[job] = []
        self._post(("analyze", job, text, processes))
        return job

    def cancel(self, job: int) -> None:
        with self._lock:
            known = job in self._owners
        if known:
            self._post(("cancel", job))

    def shutdown(self) -> None:
        """Stop the process after the commands already queued; waits a few seconds at most."""
        with self._lock:
            sender, self._sender = self._sender, None
            outbox = self._outbox
            self.model_state = None
        if sender is None:
            return
        outbox.put(_STOP)
        sender.join(timeout=3)
        with self._lock:  # a sender still stuck writing to a child that reads nothing: end the child
            process = self._stopped or self._process
            self._stopped = self._process = None
        with contextlib.suppress(AssertionError, OSError):  # a process that never started
            if process is not None:
                process.join(timeout=3)
                if process.is_alive():
                    process.terminate()
                    process.join(timeout=2)

    def _send(self, message: tuple[Any, ...]) -> None:
        # If the child is gone, _read_events has already told the listeners.
        with contextlib.suppress(OSError, AttributeError):
            self._commands.send(message)

    def _read_events(self, events: Any) -> None:
        while True:
            try:
                message = events.recv()
            except (EOFError, OSError):
                if self._process is not None:
                    self._broadcast(("model_failed", "The analysis process stopped unexpectedly."))
                return
            kind = message[0]
            if kind in ("model_loaded", "model_failed"):
                self.model_state = message
                self._broadcast(message)
            elif kind == "part":
                _kind, job, key, records = message
                parts = self._parts.get(job)
                if parts is not None:
                    parts[key].extend(records)
                    gc.freeze()  # kept for the whole analysis: the collector need not go over them again
            elif kind == "payload":
                pieces = self._payloads.get(message[1])
                if pieces is not None:
                    pieces.append(message[2])
            elif kind == "finished":
                job, fields = message[1], message[2]
                payload = self._payloads.pop(job, None) or None  # in pieces, as the library writes it
                records = {key: tuple(part) for key, part in self._parts.pop(job, {}).items()}
                self._deliver(job, ("finished", job, Analysis(**fields, **records), payload))
            else:
                self._deliver(message[1], message)

    def _deliver(self, job: int, message: tuple[Any, ...]) -> None:
        with self._lock:
            owner = self._owners.get(job)
            if message[0] not in ("progress", "started"):
                self._owners.pop(job, None)
                self._parts.pop(job, None)
                self._payloads.pop(job, None)
            listener = self._listeners.get(owner) if owner is not None else None
            if listener is not None:
                _call(listener, message)

    def _broadcast(self, message: tuple[Any, ...]) -> None:
        with self._lock:
            for listener in list(self._listeners.values()):
                _call(listener, message)


def _call(listener: Listener, message: tuple[Any, ...]) -> None:
    # RuntimeError: the window's client was deleted between unsubscribe and this message.
    with contextlib.suppress(RuntimeError):
        listener(message)


atexit.register(AnalysisService.shutdown_all)


class AnalysisClient(QObject):
    """A window's handle on the analysis service; its signals arrive in the GUI thread."""

    model_loaded = Signal(str, str)  # name, version
    model_failed = Signal(str)
    analysis_started = Signal(int, int)  # job, processes it may use
    analysis_progressed = Signal(int, float)
    analysis_finished = Signal(int, object)  # job, Analysis; its cache payload is in payloads[job]
    analysis_failed = Signal(int, str)
    analysis_cancelled = Signal(int)
    _event_arrived = Signal(object)

    _keys = itertools.count(1)

    def __init__(
        self,
        model: ModelChoice,
        parent: QObject | None = None,
        start: bool = True,
        processes: Callable[[], int] | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self._processes = processes  # read at each analysis, so a new preference applies to the next one
        self.model_ready = False
        self.payloads: dict[int, list[str]] = {}  # job -> the analysis as JSON in pieces, for the library's cache
        self._key = next(self._keys)
        self._service = AnalysisService.for_model(model)
        self._event_arrived.connect(self._on_event)
        if start:
            self._service.start()
        self._service.subscribe(self._key, self._event_arrived.emit)

    def warm_up(self) -> None:
        """Start the analysis process (and its spaCy load) now, if it is not running yet."""
        self._service.start()

    def analyze(self, text: str) -> int:
        expect_work()  # the records come back through a reader thread of this process
        return self._service.analyze(self._key, text, self._processes() if self._processes else None)

    def cancel(self, job: int) -> None:
        self._service.cancel(job)

    def detach(self) -> None:
        self._service.unsubscribe(self._key)

    def close(self) -> None:
        """This window has done with the model: its analysis process stops, and so does this client."""
        self.detach()
        self._service.shutdown()
        self.deleteLater()

    @Slot(object)
    def _on_event(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "model_loaded":
            self.model_ready = True
            self.model_loaded.emit(message[1], message[2])
        elif kind == "model_failed":
            self.model_failed.emit(message[1])
        elif kind == "started":
            self.analysis_started.emit(message[1], message[2])
        elif kind == "progress":
            self.analysis_progressed.emit(message[1], message[2])
        elif kind == "finished":
            self.payloads = {message[1]: message[3]}  # only the latest is wanted
            self.analysis_finished.emit(message[1], message[2])
        elif kind == "failed":
            self.analysis_failed.emit(message[1], message[2])
        elif kind == "cancelled":
            self.analysis_cancelled.emit(message[1])
