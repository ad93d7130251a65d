"""The GUI thread's heartbeat: how worker threads of the window's process know it is busy.

A timer on the GUI thread beats every few milliseconds while workers run; when a beat is late, the
GUI thread is busy (painting, laying out, running a slot) and `desktop.pacing.give_way()` makes
workers wait for it. The window starts the timer when it hands work to a worker (`expect_work()`),
so it already beats when the worker first asks, and it stops a moment after the last question: an
idle window does not wake up 250 times a second.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop import pacing

BEAT_MS = 4
LATE = 0.008  # a beat this much overdue: the GUI thread is busy
IDLE_STOP = 1.0  # seconds without a question (or new work) after which the timer stops


class GuiHeartbeat(QObject):
    """Create on the GUI thread (create_application does, once); it installs itself in desktop.pacing."""

    _wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._running = False
        self._requested = False
        self.last_beat = time.monotonic()
        self.last_question = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._on_beat)
        self._wanted.connect(self._on_wanted)  # queued: emitted by worker threads
        pacing.set_busy_check(self.busy)

    def busy(self) -> bool:
        """From any thread: is the GUI thread busy now? (False until the timer has started.)"""
        now = time.monotonic()
        self.last_question = now
        with self._lock:
            if not self._running:
                if not self._requested:
                    self._requested = True
                    self._wanted.emit()
                return False
        return now - self.last_beat > LATE

    def expect_work(self) -> None:
        """On the GUI thread: work is going to a worker, beat from now on."""
        self.last_question = time.monotonic()
        if not self._running:
            self._on_wanted()

    def stop(self) -> None:
        pacing.set_busy_check(None)
        self._timer.stop()

    def _on_wanted(self) -> None:
        with self._lock:
            self._requested = False
            self._running = True
        self.last_beat = time.monotonic()
        self._timer.start()

    def _on_beat(self) -> None:
        now = time.monotonic()
        self.last_beat = now
        if now - self.last_question > IDLE_STOP:
            with self._lock:
                self._running = False
            self._timer.stop()


_installed: GuiHeartbeat | None = None


def install(app: QObject) -> GuiHeartbeat:
    """The application's heartbeat, made once on the GUI thread."""
    global _installed
    if _installed is None:
        _installed = GuiHeartbeat(app)
    return _installed


def expect_work() -> None:
    """On the GUI thread, when handing work to a worker: see GuiHeartbeat.expect_work."""
    if _installed is not None:
        _installed.expect_work()
