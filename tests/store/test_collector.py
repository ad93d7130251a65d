"""The collector pause is counted across threads: on again only when the last pause ends."""

from __future__ import annotations

import gc
import threading

import pytest

from desktop.store.collector import gc_paused


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _pause_in_thread(entered: threading.Event, leave: threading.Event) -> threading.Thread:
    def run() -> None:
        with gc_paused():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=run)
    thread.start()
    assert entered.wait(10)
    return thread


def test_the_first_pause_to_end_leaves_the_collector_off_for_another_thread_still_paused(collector_on):
    entered, leave = threading.Event(), threading.Event()
    with gc_paused():
        other = _pause_in_thread(entered, leave)  # begins inside this pause, ends after it
    assert not gc.isenabled()  # the other thread is still making its objects
    leave.set()
    other.join(10)
    assert gc.isenabled()


def test_a_pause_that_ends_last_switches_the_collector_back_on(collector_on):
    entered, leave = threading.Event(), threading.Event()
    other = _pause_in_thread(entered, leave)
    with gc_paused():
        leave.set()
        other.join(10)
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_the_pauses_stays_off(collector_on):
    gc.disable()
    with gc_paused(), gc_paused():
        pass
    assert not gc.isenabled()
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
