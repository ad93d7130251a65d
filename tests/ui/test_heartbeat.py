"""The GUI thread's heartbeat: workers see it busy while it runs, idle while it waits for events."""

from __future__ import annotations

import threading
import time

import pytest

from desktop import pacing
from desktop.ui import heartbeat


@pytest.fixture(autouse=True)
def the_applications_check_kept():
    kept = pacing._busy
    yield
    pacing.set_busy_check(kept)


def ask_from_a_worker(beat: heartbeat.GuiHeartbeat) -> bool:
    answer = []
    worker = threading.Thread(target=lambda: answer.append(beat.busy()))
    worker.start()
    worker.join(10)
    return answer[0]


def test_busy_while_the_gui_thread_runs_idle_while_it_waits(qtbot, monkeypatch):
    beat = heartbeat.GuiHeartbeat()
    try:
        assert pacing._busy == beat.busy
        beat.expect_work()
        qtbot.wait(30)  # the event loop runs: beats on time
        assert not ask_from_a_worker(beat)
        time.sleep(0.05)  # the GUI thread busy for 50 ms: no beat meanwhile
        assert ask_from_a_worker(beat)
        qtbot.wait(30)
        assert not ask_from_a_worker(beat)
    finally:
        beat.stop()


def test_it_beats_only_while_workers_ask(qtbot, monkeypatch):
    monkeypatch.setattr(heartbeat, "IDLE_STOP", 0.05)
    beat = heartbeat.GuiHeartbeat()
    try:
        assert not ask_from_a_worker(beat)  # not beating yet: a worker is told idle, and the timer starts
        qtbot.waitUntil(lambda: beat._timer.isActive(), timeout=2000)
        qtbot.waitUntil(lambda: not beat._timer.isActive(), timeout=2000)  # nobody asked since
    finally:
        beat.stop()
