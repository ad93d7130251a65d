"""Issue 14: the GUI thread runs no SQL at all, over a whole reading session.

Every sqlite3 connection made after the test starts is traced (`set_trace_callback`) and every statement
is recorded with the thread that ran it. A connection opened earlier, at import time say, would escape
that trace, so the GUI thread is also profiled (`sys.setprofile` sees C calls): any call of a sqlite3
connection's or cursor's method there is recorded whatever connection it belongs to. The session uses
the real spaCy pipeline and a real library in tmp_path; the test fails if either record is not empty,
and also if the worker threads ran none of the SQL the session needs (so it cannot pass by tracing
nothing).
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.documents import load
from desktop.resources import sample_article
from desktop.store import open_library
from desktop.ui.export_task import FILTERS
from desktop.ui.highlight_painter import painted_user_marks
from tests.ui.conftest import wait_for_highlights, wait_for_writes
from tests.ui.test_annotations import PASSAGE, highlight_with_note, select
from tests.ui.test_annotations import stored as stored_in

OTHER_ARTICLE = Path(__file__).parents[1] / "fixtures" / "articles" / "aljazeera-nasa-moon-landers.txt"


class SqlRecorder:
    """Records each SQL statement with the thread it ran on, and sqlite3 calls on the GUI thread."""

    def __init__(self) -> None:
        self.on_gui_thread: list[str] = []
        self.elsewhere: list[tuple[str, str]] = []  # (thread name, statement)
        self._connect = sqlite3.connect
        self._lock = threading.Lock()
        self.paused = False  # while the test itself reads the library to check it

    @contextmanager
    def pause(self):
        self.paused = True
        try:
            yield
        finally:
            self.paused = False

    def connect(self, *args, **kwargs):
        if threading.current_thread() is threading.main_thread() and not self.paused:
            self.on_gui_thread.append(f"connect{args}")
        conn = self._connect(*args, **kwargs)
        conn.set_trace_callback(self._statement)
        return conn

    def _statement(self, sql: str) -> None:
        thread = threading.current_thread()
        with self._lock:
            if thread is threading.main_thread():
                if not self.paused:
                    self.on_gui_thread.append(sql)
            else:
                self.elsewhere.append((thread.name, sql))

    def profile(self, _frame, event: str, arg) -> None:
        # Only the GUI thread has this profile (sys.setprofile is per thread).
        if event == "c_call" and not self.paused and isinstance(getattr(arg, "__self__", None), (sqlite3.Connection, sqlite3.Cursor)):
            self.on_gui_thread.append(f"{type(arg.__self__).__name__}.{arg.__name__}")

    def ran_elsewhere(self, words: str) -> bool:
        return any(sql.lstrip().upper().startswith(words) for _name, sql in self.elsewhere)


def test_a_whole_reading_session_runs_no_sql_on_the_gui_thread(qtbot, make_window, db_path, tmp_path, monkeypatch):
    with open_library(db_path) as library:  # the test's own connection, closed before the window starts
        library.remember_document(load(OTHER_ARTICLE))
    recorder = SqlRecorder()
    monkeypatch.setattr(sqlite3, "connect", recorder.connect)

    def stored():
        with recorder.pause():
            return stored_in(db_path)

    sys.setprofile(recorder.profile)
    try:
        run_session(qtbot, make_window, db_path, tmp_path, monkeypatch, stored)
    finally:
        sys.setprofile(None)
    assert recorder.on_gui_thread == []
    # Not vacuous: the session's reads and writes were traced, on the store worker's threads.
    assert {name for name, _sql in recorder.elsewhere} >= {"factlight-store", "factlight-store-export"}
    for words in ("INSERT INTO ANNOTATIONS", "DELETE FROM ANNOTATIONS", "INSERT INTO ANALYSES", "SELECT"):
        assert recorder.ran_elsewhere(words), words


def run_session(qtbot, make_window, db_path, tmp_path, monkeypatch, stored) -> None:
    window = make_window(db_path=db_path)
    a = window.actions_
    qtbot.waitUntil(lambda: window.annotations.library is not None, timeout=20_000)
    # First opening: analysed by spaCy, then stored in the library's cache.
    window.open_file(sample_article())
    wait_for_highlights(qtbot, window)
    assert not window.analysis_from_cache
    wait_for_writes(qtbot, window)
    # Reopening: from the cache.
    window.open_file(sample_article())
    qtbot.waitUntil(lambda: window.analysis_from_cache and window.analysis is not None and not window.view.painting, timeout=20_000)
    # A highlight with a note and tags; undo, redo; delete it.
    start, end = highlight_with_note(qtbot, window, "Who was on the call?", "call, sources")
    wait_for_writes(qtbot, window)
    [made] = stored()
    assert (made.start, made.end, made.note, made.tags) == (start, end, "Who was on the call?", ("call", "sources"))
    a.undo.trigger()  # the note
    a.undo.trigger()  # the highlight
    wait_for_writes(qtbot, window)
    assert stored() == []
    a.redo.trigger()
    a.redo.trigger()
    wait_for_writes(qtbot, window)
    assert [(n.id, n.note) for n in stored()] == [(made.id, "Who was on the call?")]
    window.view.setTextCursor(window.view.cursor_at(start + 3))
    a.delete_annotation.trigger()
    assert painted_user_marks(window.view) == {}
    wait_for_writes(qtbot, window)
    assert stored() == []
    # A verdict: reject a number.
    numbers = len(window.analysis.numbers)
    number = window.index.items[[h.record for h in window.index.items].index("number")]
    window.view.select_highlight(number)
    a.reject.trigger()
    qtbot.waitUntil(lambda: len(window.analysis.numbers) == numbers - 1 and not window.view.painting, timeout=20_000)
    wait_for_writes(qtbot, window)
    assert [(v.status, v.auto_key) for v in stored()] == [("rejected", f"number:{number.start}:{number.end}")]
    # Export to CSV, on the export lane.
    select(window, PASSAGE)
    a.highlight.trigger()
    wait_for_writes(qtbot, window)
    target = tmp_path / "notes.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), FILTERS["csv"]))
    window.actions_.export.trigger()
    exporter = window.annotations.exporter
    qtbot.waitUntil(lambda: exporter.last_result is not None and not exporter.running, timeout=20_000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["exact"] == PASSAGE for row in rows) == [False, True]
    window.close()
