"""What a closing window leaves to finish: its last queued writes, an import's last file.

A window never waits for them when it closes: it hands the threads that finish them to `leave()` and
goes at once. `finish_closed()` waits for every thread left so far; it runs off the GUI thread, in a
store lane about to open a library (so a library opened after a window closed sees all that window
wrote), and at interpreter exit (so the last writes are committed before the process ends).
"""

from __future__ import annotations

import atexit
import threading
import time

CLOSING_SECONDS = 30.0  # how long anyone waits (a write may first wait for another program's lock)

_left: list[threading.Thread] = []
_lock = threading.Lock()


def leave(thread: threading.Thread) -> None:
    """`thread` (started, or about to be) finishes a closed window's work; it must end on its own."""
    with _lock:
        _left.append(thread)


def finish_closed(timeout: float = CLOSING_SECONDS) -> bool:
    """Wait until every thread left so far has ended; True when none is left running."""
    deadline = time.monotonic() + timeout
    me = threading.current_thread()
    with _lock:
        # A left thread waits only for those left before it, so two never wait for each other.
        threads = _left[: _left.index(me)] if me in _left else list(_left)
    for thread in threads:
        if thread.ident is not None:
            thread.join(max(0.0, deadline - time.monotonic()))
    with _lock:
        _left[:] = [t for t in _left if t.ident is None or t.is_alive()]
        return not any(t.is_alive() for t in _left)


atexit.register(finish_closed)
