"""The analysis service: the window's calls return at once; the child is started and written to elsewhere."""

from __future__ import annotations

import multiprocessing
import threading

from desktop.config import ModelChoice
from desktop.ui.workers import AnalysisService

ANALYSIS_TIMEOUT_MS = 120_000


def test_the_process_is_started_and_written_to_off_the_calling_thread(qtbot):
    service = AnalysisService(ModelChoice.from_environment())  # its own process, not the shared one
    threads: list[tuple[str, bool]] = []
    start_process, send = service._start_process, service._send

    def recorded_start() -> None:
        threads.append(("start", threading.current_thread() is threading.main_thread()))
        start_process()

    def recorded_send(message: tuple) -> None:
        threads.append((message[0], threading.current_thread() is threading.main_thread()))
        send(message)

    service._start_process, service._send = recorded_start, recorded_send
    events: list[tuple] = []
    service.subscribe(1, events.append)
    try:
        job = service.analyze(1, "Maria Lopez said the council would hire 40 teachers.")
        qtbot.waitUntil(lambda: any(e[0] == "finished" and e[1] == job for e in events), timeout=ANALYSIS_TIMEOUT_MS)
    finally:
        service.shutdown()
    assert ("analyze", False) in threads and ("start", False) in threads
    assert all(not on_main for _kind, on_main in threads)
    finished = next(e for e in events if e[0] == "finished")
    assert any(entity.text == "Maria Lopez" for entity in finished[2].entities)


def test_a_long_text_is_queued_even_while_the_child_reads_nothing():
    service = AnalysisService(ModelChoice.from_environment())
    unread, commands = multiprocessing.Pipe(duplex=False)
    service._start_process = lambda: None  # a "child" that never reads its pipe
    service._commands = commands
    text = "A sentence of a long article. " * 200_000  # 6 MB: far more than a pipe holds
    jobs = [service.analyze(1, text), service.analyze(1, text)]
    assert jobs[1] == jobs[0] + 1  # both calls returned, the first one still being written
    assert service._sender is not None and service._sender.is_alive()
    unread.close()  # the writer now fails, quietly, and the sender goes on to stop
    service.shutdown()
    assert not service._sender


def _read_nothing(_pipe) -> None:
    import time

    time.sleep(60)


def test_shutdown_ends_a_child_that_reads_nothing():
    service = AnalysisService(ModelChoice.from_environment())
    context = multiprocessing.get_context("spawn")
    unread, commands = context.Pipe(duplex=False)
    child = context.Process(target=_read_nothing, args=(unread,), daemon=True)
    child.start()
    unread.close()  # only the child holds the reading end, as with the analysis process
    service._start_process = lambda: None  # the stuck child stands in for the analysis process
    service._process, service._commands = child, commands
    service.analyze(1, "A sentence of a long article. " * 200_000)  # the sender blocks writing it
    sender = service._sender
    service.shutdown()  # the sender does not finish in time: the child is ended instead
    assert not child.is_alive()
    sender.join(10)  # its write fails once the child is gone, and it stops
    assert not sender.is_alive()
