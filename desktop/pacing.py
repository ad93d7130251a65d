"""Long pure-Python work in a worker thread gives way to the window's GUI thread.

A worker thread running Python holds the GIL. When the GUI thread wants it too, CPython hands it back
and forth every switch interval, so each burst of the window's own work takes twice as long, and
much longer on a busy machine, where the thread holding the GIL may first wait for a CPU. Measured
in tests/bench/ui_library.py: reopening a cached 1 MB article runs ~400 ms of such Python in workers
(decoding the cache, building records, indexes and the Facts tree) while the window paints.

So long loops over records (the cache's JSON, `Analysis.from_dict`, the window's indexes) go through
`paced()`, which calls `give_way()` every few hundred items. In a process with a window, the UI
installs a check that says whether its GUI thread is busy right now (`set_busy_check`, see
ui/heartbeat.py); give_way() then sleeps, with the GIL released, until the GUI thread is idle again,
for at most MAX_WAIT, so background work is slowed, never stopped. Anywhere else (the CLI, the
analysis and import processes, the GUI thread itself) give_way() returns at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

_T = TypeVar("_T")
EVERY = 256  # items between two checks: well under a millisecond of record building
MAX_WAIT = 0.1  # seconds a piece of work waits at most before going on anyway
_NAP = 0.002

_busy: Callable[[], bool] | None = None


def set_busy_check(busy: Callable[[], bool] | None) -> None:
    """Install (or, with None, remove) the check that says the GUI thread is busy; callable from any thread."""
    global _busy
    _busy = busy


def give_way() -> None:
    """From a worker thread: wait, without the GIL, while the GUI thread is busy (at most MAX_WAIT)."""
    busy = _busy
    if busy is None or threading.current_thread() is threading.main_thread():
        return
    deadline = 0.0
    while busy():
        now = time.monotonic()
        if not deadline:
            deadline = now + MAX_WAIT
        elif now > deadline:
            return
        time.sleep(_NAP)


def paced(items: Iterable[_T], every: int = EVERY) -> Iterator[_T]:
    """`items`, giving way to the GUI thread every `every` of them."""
    for count, item in enumerate(items, 1):
        if count % every == 0:
            give_way()
        yield item


def let_go(items: list) -> int:
    """Empty `items` a piece at a time, giving way between pieces; how many items went.

    Dropping the last reference to a list of a hundred thousand decoded records frees them all in one
    C call that holds the GIL: 10 ms for the JSON of a cached 3 MB article on a quiet machine, and on a
    busy one the thread doing it can lose its CPU meanwhile while the window waits for the GIL.
    """
    count = len(items)
    while items:
        del items[-EVERY:]
        give_way()
    return count
