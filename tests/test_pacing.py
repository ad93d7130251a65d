"""desktop.pacing: worker threads wait while the GUI thread is busy, never for long, never on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from desktop import pacing


@pytest.fixture(autouse=True)
def no_check_left_behind():
    yield
    pacing.set_busy_check(None)


def in_worker(call):
    result = []
    worker = threading.Thread(target=lambda: result.append(call()))
    worker.start()
    worker.join(10)
    return result[0]


def test_a_worker_waits_until_the_gui_thread_is_idle():
    answers = iter([True, True, True, False])
    asked = []

    def busy() -> bool:
        asked.append(1)
        return next(answers)

    pacing.set_busy_check(busy)
    in_worker(pacing.give_way)
    assert len(asked) == 4  # asked again after each nap until the GUI thread was idle


def test_a_worker_goes_on_after_at_most_the_longest_wait(monkeypatch):
    monkeypatch.setattr(pacing, "MAX_WAIT", 0.02)
    asked = []
    pacing.set_busy_check(lambda: asked.append(1) or True)  # a GUI thread busy for ever
    in_worker(pacing.give_way)
    assert 2 <= len(asked) < 100


def test_the_gui_thread_itself_and_a_process_without_a_window_never_wait():
    asked = []
    pacing.set_busy_check(lambda: asked.append(1) or True)
    pacing.give_way()  # this test runs on the main thread
    assert asked == []
    pacing.set_busy_check(None)
    in_worker(pacing.give_way)  # returns at once: nothing to ask


def test_paced_yields_every_item_and_gives_way_between_pieces():
    asked = []
    pacing.set_busy_check(lambda: asked.append(1) or False)
    assert in_worker(lambda: list(pacing.paced(range(1000), every=100))) == list(range(1000))
    assert len(asked) == 10
