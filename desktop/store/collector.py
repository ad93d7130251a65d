"""Pausing Python's cyclic garbage collector while a bulk of acyclic objects is made, from any thread.

Decoding a 1 MB article's analysis makes about 100,000 dicts, tuples and records and no cycles; the
collector's passes over everything else alive added up to 40 % to it (measured with a few analyses
in memory). The collector is one switch for the whole process, and in a window several threads
pause it at once (the store worker decoding a cached analysis, the analysis reader building
records, a worker preparing highlights). Each pause used to restore the switch as it had found it,
so the first to end switched the collector back on under the others: measured in
tests/bench/ui_library.py, full passes of 20-43 ms then ran in the store worker over the records it
was still making, holding the GIL while the window waited. So the pauses are counted: the collector
is on again only when the last one ends, and only if it was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_enable_after = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection while any thread is inside a `gc_paused` block."""
    global _pauses, _enable_after
    with _lock:
        if _pauses == 0:
            _enable_after = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _enable_after:
                gc.enable()
