"""Issue 5 in the window: highlights, notes, verdicts, undo, the analysis cache and bad libraries.

Real widgets, a real SQLite library in tmp_path (FACTLIGHT_DB, see conftest.py) and the real spaCy
pipeline; every check on the library reads it through a connection of its own.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop.documents import load
from desktop.resources import sample_article
from desktop.store import open_library
from desktop.store.export import HEADER
from desktop.store.schema import SCHEMA_VERSION
from desktop.ui.closing import finish_closed
from desktop.ui.export_task import FILTERS
from desktop.ui.highlight_painter import painted_user_marks
from desktop.ui.notes_model import ID_ROLE
from tests.ui.conftest import wait_for_highlights, wait_for_writes

CTRL = Qt.KeyboardModifier.ControlModifier
PASSAGE = "has told Russian President Vladimir Putin"


def stored(db_path: Path) -> list:
    """Every annotation of the sample article, read through a connection of our own (callers first wait
    for the window's store worker, or close the window, which lets it finish)."""
    with open_library(db_path, read_only=True, check=False) as library:
        return library.annotations_for(load(sample_article()))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_sample(qtbot, window) -> None:
    window.activateWindow()
    window.open_file(sample_article())
    wait_for_highlights(qtbot, window)


def select(window, text: str, skip: int = 0) -> tuple[int, int]:
    start = window.document.text.index(text) + skip
    end = start + len(text) - skip
    window.view.setTextCursor(window.view.cursor_at(start, end))
    return start, end


def press_ok(dialog) -> None:
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()


def highlight_with_note(qtbot, window, note: str, tags: str) -> tuple[int, int]:
    start, end = select(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_M, CTRL)
    dialog = window.annotations.note_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.note_edit.setPlainText(note)
    qtbot.keyClicks(dialog.tags_edit, tags)
    press_ok(dialog)
    return start, end


def test_a_highlight_and_its_note_survive_a_restart(qtbot, make_window, db_path):
    window = make_window()
    open_sample(qtbot, window)
    assert not window.analysis_from_cache
    start, end = highlight_with_note(qtbot, window, "Check the date of this call.", "sources, Putin ,call")
    # Shown at once, before the store worker has written it: one mark, one row, with the note.
    [shown] = window.annotations.notes
    assert (shown.start, shown.end, shown.note, shown.tags) == (start, end, "Check the date of this call.", ("sources", "Putin", "call"))
    assert list(painted_user_marks(window.view).values()) == [1]
    assert window.strip.user_marks()
    # Ctrl+H and Ctrl+M made one highlight and one edit, so two steps to undo.
    assert window.annotations.undo_stack.count() == 2
    window.close()  # at once: the worker commits what is queued after the window has gone
    assert finish_closed()  # what the next library to open, and the interpreter's exit, wait for
    [note] = stored(db_path)
    assert (note.start, note.end, note.exact) == (start, end, PASSAGE)
    assert note.source == "user" and note.category == "highlight"
    assert note.note == "Check the date of this call." and note.tags == ("sources", "Putin", "call")

    again = make_window()
    analyses = []
    original = again.analysis_client.analyze
    again.analysis_client.analyze = lambda text: analyses.append(text) or original(text)
    open_sample(qtbot, again)
    assert analyses == [] and again.analysis_from_cache  # shown from the library's cache, no spaCy
    assert len(again.analysis.quotes) == len(window.analysis.quotes)
    model = again.notes_panel.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data(ID_ROLE) == note.id
    assert PASSAGE in model.index(0, 0).data()
    assert model.index(0, 1).data() == "Check the date of this call."
    assert model.index(0, 2).data() == "sources, Putin, call"
    assert painted_user_marks(again.view) == {note.id: 1}
    # The filter box narrows the list; clicking the row jumps to the passage and flashes it.
    panel = again.notes_panel
    panel.filter_box.setText("nothing like this")
    assert panel.proxy.rowCount() == 0
    panel.filter_box.setText("PUTIN")
    assert panel.proxy.rowCount() == 1
    again.notes_dock.show()
    again.notes_dock.raise_()
    index = panel.proxy.index(0, 0)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualRect(index).center())
    assert again.view.flash_range == (start, end)
    assert again.annotations.current().id == note.id


def test_undo_and_redo_write_to_the_library_each_time(qtbot, window, db_path):
    a = window.actions_
    open_sample(qtbot, window)
    start, end = select(window, PASSAGE)
    window.actions_.highlight.trigger()
    wait_for_writes(qtbot, window)
    [made] = stored(db_path)
    assert (made.start, made.end) == (start, end)
    assert painted_user_marks(window.view) == {made.id: 1}  # the id the library gave it
    assert window.actions_.undo.text() == "&Undo Highlight"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.notes_panel.model.rowCount() == 0 and painted_user_marks(window.view) == {}
    wait_for_writes(qtbot, window)
    assert stored(db_path) == []
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert painted_user_marks(window.view) == {made.id: 1}
    wait_for_writes(qtbot, window)
    assert [a.id for a in stored(db_path)] == [made.id]
    # Delete with the cursor inside the highlight, then undo and redo the deletion.
    window.view.setTextCursor(window.view.cursor_at(start + 3))
    assert window.annotations.current().id == made.id
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    wait_for_writes(qtbot, window)
    assert stored(db_path) == []
    window.actions_.undo.trigger()
    wait_for_writes(qtbot, window)
    assert stored(db_path) == [made]  # restored exactly, same id and timestamps
    window.actions_.redo.trigger()
    assert painted_user_marks(window.view) == {}
    wait_for_writes(qtbot, window)
    assert stored(db_path) == []
    # Made, undone and redone faster than the library answers: the queue keeps them in order.
    select(window, PASSAGE)
    for action in (a.highlight, a.undo, a.redo, a.undo, a.redo):
        action.trigger()
    wait_for_writes(qtbot, window)
    [again] = stored(db_path)
    assert (again.start, again.end) == (start, end) and painted_user_marks(window.view) == {again.id: 1}


def test_rejecting_a_number_hides_it_now_and_after_reopening(qtbot, make_window, db_path):
    window = make_window()
    open_sample(qtbot, window)
    numbers = len(window.analysis.numbers)
    number = window.index.items[[h.record for h in window.index.items].index("number")]
    window.view.select_highlight(number)
    window.actions_.reject.trigger()
    qtbot.waitUntil(lambda: len(window.analysis.numbers) == numbers - 1 and not window.view.painting)
    assert all((n.start, n.end) != (number.start, number.end) for n in window.analysis.numbers)
    assert window.index.count("number") == numbers - 1
    wait_for_writes(qtbot, window)
    [verdict] = stored(db_path)
    assert (verdict.source, verdict.status, verdict.auto_key) == ("auto", "rejected", f"number:{number.start}:{number.end}")
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(window.analysis.numbers) == numbers)
    wait_for_writes(qtbot, window)
    assert stored(db_path) == []
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: len(window.analysis.numbers) == numbers - 1)
    wait_for_writes(qtbot, window)
    assert [a.status for a in stored(db_path)] == ["rejected"]
    # Back to back, before the first re-showing is ready: the last state wins.
    window.actions_.undo.trigger()
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: window._job is None and not window.view.painting)
    assert len(window.analysis.numbers) == numbers - 1
    window.close()

    again = make_window()
    open_sample(qtbot, again)
    assert again.analysis_from_cache
    assert len(again.analysis.numbers) == numbers - 1
    assert all((n.start, n.end) != (number.start, number.end) for n in again.analysis.numbers)
    assert again.notes_panel.model.index(0, 0).data().startswith("Rejected number")


def test_a_corrected_speaker_is_shown_now_and_after_reopening(qtbot, make_window, db_path):
    window = make_window()
    open_sample(qtbot, window)
    index = next(i for i, q in enumerate(window.analysis.quotes) if "It is planned" in q.text)
    quote = window.index.find("quote", index)
    window.view.select_highlight(quote)
    window.show_details(quote)
    assert "Olaf Scholz" in window.details_panel.plain_text()
    window.actions_.correct.trigger()
    dialog = window.annotations.correction_dialog
    assert dialog.speaker_edit.text() == "Olaf Scholz"
    dialog.speaker_edit.setText("Annalena Baerbock")
    press_ok(dialog)
    qtbot.waitUntil(lambda: "Annalena Baerbock" in window.details_panel.plain_text())
    assert "Your verdict: corrected" in window.details_panel.plain_text()
    wait_for_writes(qtbot, window)
    [verdict] = stored(db_path)
    assert (verdict.status, verdict.speaker) == ("corrected", "Annalena Baerbock")
    window.close()

    again = make_window()
    open_sample(qtbot, again)
    index = next(i for i, q in enumerate(again.analysis.quotes) if "It is planned" in q.text)
    assert again.analysis.quotes[index].speaker.canonical == "Annalena Baerbock"
    again.show_details(again.index.find("quote", index))
    shown = again.details_panel.plain_text()
    assert "Quote by Annalena Baerbock" in shown and "Olaf Scholz" not in shown.split("Speaker as written")[1]


def make_read_only(db_path: Path, how: str, monkeypatch) -> None:
    if how == "newer schema":
        conn = sqlite3.connect(db_path)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.commit()
        conn.close()
        return
    db_path.chmod(0o444)
    if os.geteuid() == 0:  # root may write any file, so let the store see the mode as a reader would
        import desktop.store.library as library_module

        real = os.access
        monkeypatch.setattr(
            library_module.os, "access", lambda p, mode: False if mode == os.W_OK and Path(p) == db_path else real(p, mode)
        )


@pytest.mark.parametrize("how", ["no write permission", "newer schema"])
def test_a_read_only_library_is_used_read_only(qtbot, make_window, db_path, how, monkeypatch):
    document = load(sample_article())
    with open_library(db_path) as library:
        start = document.text.index(PASSAGE)
        library.add_annotation(document, start, start + len(PASSAGE), note="kept safe")
    make_read_only(db_path, how, monkeypatch)
    before = digest(db_path)
    window = make_window()
    open_sample(qtbot, window)
    status = window.annotations.library_status
    assert window.annotations.library.read_only
    assert status.box is not None and status.box.isVisible() and "read-only" in status.box.text()
    assert status.badge.text() == "Read-only library"
    for action in window.actions_.annotation_actions.values():
        assert not action.isEnabled()
        assert "read-only" in action.statusTip()
    assert window.notes_panel.model.index(0, 1).data() == "kept safe"
    select(window, "Vladimir Putin")
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL)
    assert window.notes_panel.model.rowCount() == 1
    window.close()
    assert finish_closed()
    assert digest(db_path) == before


@pytest.mark.parametrize("bad", ["not sqlite", "corrupt"])
def test_an_unusable_library_is_explained_and_a_new_one_offered(qtbot, make_window, db_path, bad):
    if bad == "not sqlite":
        db_path.write_text("My reading notes, not a database.\n" * 50, encoding="utf-8")
    else:
        with open_library(db_path) as library:
            document = load(sample_article())
            for i in range(300):
                library.add_annotation(document, i, i + 20, note=f"note {i} " * 10)
        with db_path.open("r+b") as handle:
            handle.seek(4096 * 2)
            handle.write(b"\xde\xad\xbe\xef" * 1024)
    before = digest(db_path)
    window = make_window()
    status = window.annotations.library_status
    qtbot.waitUntil(lambda: status.box is not None and status.box.isVisible())
    assert ("not a SQLite database" if bad == "not sqlite" else "damaged") in status.box.text()
    assert str(db_path) in status.box.text() and status.badge.text() == "Not saving"
    buttons = {b.text(): b for b in status.box.buttons()}
    assert set(buttons) == {"Start a New Library", "Continue Without Saving"}
    open_sample(qtbot, window)  # the article opens and is analysed all the same
    assert not window.actions_.highlight.isEnabled() and "Not available" in window.actions_.highlight.statusTip()
    buttons["Start a New Library"].click()
    qtbot.waitUntil(lambda: window.actions_.highlight.isEnabled())
    fresh = db_path.with_name("library-2.db")
    assert window.annotations.library.path == fresh
    select(window, PASSAGE)
    window.actions_.highlight.trigger()
    wait_for_writes(qtbot, window)
    assert [a.exact for a in stored(fresh)] == [PASSAGE]
    window.close()
    assert finish_closed()
    assert digest(db_path) == before
    assert isinstance(status.box, QMessageBox)


def test_export_writes_a_csv_the_csv_module_reads(qtbot, window, db_path, tmp_path, monkeypatch):
    open_sample(qtbot, window)
    highlight_with_note(qtbot, window, "=SUM(A1:A3) is not a formula here", "export")
    wait_for_writes(qtbot, window)
    target = tmp_path / "out" / "my-notes"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), FILTERS["csv"]))
    assert not window.actions_.export_auto.isChecked()
    window.actions_.export.trigger()
    exporter = window.annotations.exporter
    qtbot.waitUntil(lambda: exporter.last_result is not None and not exporter.running)
    written = target.with_name("my-notes.csv")
    assert exporter.last_result == (written, 1)
    assert "Exported 1 annotation to" in window.status.label.text()
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs
    with written.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == HEADER
    [row] = rows
    [note] = stored(db_path)
    assert row["annotation_id"] == str(note.id) and row["exact"] == PASSAGE and row["source"] == "user"
    assert row["note"] == "'=SUM(A1:A3) is not a formula here"  # neutralised for spreadsheets
    assert row["tags"] == "export" and row["category"] == "highlight" and row["status"] == "active"


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE documents SET title = title")
print("locked", flush=True)
time.sleep(60)
"""


def test_a_locked_library_is_explained_and_can_be_read(qtbot, make_window, db_path, monkeypatch):
    import subprocess
    import sys

    from desktop.ui.library_status import LibraryStatus

    document = load(sample_article())
    with open_library(db_path) as library:
        start = document.text.index(PASSAGE)
        library.add_annotation(document, start, start + len(PASSAGE), note="under lock")
    monkeypatch.setattr(LibraryStatus, "busy_timeout", 0.3)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        window = make_window()
        status = window.annotations.library_status
        qtbot.waitUntil(lambda: status.box is not None and status.box.isVisible())
        assert "in use by another program" in status.box.text()
        buttons = {b.text(): b for b in status.box.buttons()}
        assert set(buttons) == {"Start a New Library", "Open Read-Only", "Continue Without Saving"}
        buttons["Continue Without Saving"].click()
        assert window.annotations.library is None and not window.actions_.export.isEnabled()
    finally:
        holder.kill()
        holder.wait()
    # Once the other program is gone the same library opens read-only on request, notes and all.
    status.open(db_path, read_only=True)
    qtbot.waitUntil(lambda: window.annotations.library is not None)
    open_sample(qtbot, window)
    assert window.annotations.library.read_only
    assert window.notes_panel.model.index(0, 1).data() == "under lock"


def test_a_note_whose_passage_is_gone_is_kept_and_marked_detached(qtbot, window, db_path, tmp_path):
    article = tmp_path / "article.txt"
    first = "The mayor said on Monday that the bridge would reopen in May.\n\nTraffic will be light.\n"
    article.write_text(first, encoding="utf-8")
    document = load(article)
    with open_library(db_path) as library:
        start = document.text.index("the bridge would reopen")
        library.add_annotation(document, start, start + 23, note="was it May?")
        library.add_annotation(document, document.text.index("Traffic"), document.text.index("Traffic") + 7, note="kept")
    article.write_text("The mayor said nothing on Monday.\n\nTraffic will be light.\n", encoding="utf-8")
    window.activateWindow()
    window.open_file(article)
    wait_for_highlights(qtbot, window)
    model = window.notes_panel.model
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows == [("“Traffic”", "kept"), ("“the bridge would reopen” — detached", "was it May?")]
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    detached = next(a for a in window.annotations.notes if a.detached)
    assert painted_user_marks(window.view) == {next(a.id for a in window.annotations.notes if not a.detached): 1}
    window.notes_panel.annotation_activated.emit(detached.id)
    assert "no longer in the article" in window.status.label.text()
    assert window.annotations.current().id == detached.id


def test_annotation_commands_are_in_the_edit_and_file_menus(window):
    a = window.actions_
    menus = {m.text().replace("&", ""): m.menu() for m in window.menuBar().actions()}
    edit = menus["Edit"].actions()
    for action in (a.undo, a.redo, a.highlight, a.note, a.delete_annotation, a.accept, a.reject, a.correct):
        assert action in edit, action.text()
    colour_menu = next(x.menu() for x in edit if x.menu() is not None)
    assert colour_menu.title() == "Highlight &Colour" and len(colour_menu.actions()) == 4
    assert a.export in menus["File"].actions() and a.export_auto in menus["File"].actions()
    assert a.highlight.shortcut().toString() == "Ctrl+H" and a.note.shortcut().toString() == "Ctrl+M"
    assert a.delete_annotation.shortcut().toString() == "Del"
    assert a.undo.shortcut().toString() == "Ctrl+Z" and "Ctrl+Shift+Z" in [k.toString() for k in a.redo.shortcuts()]
    assert window.notes_dock.toggleViewAction() in menus["View"].actions()


def test_the_chosen_colour_is_remembered_and_used(qtbot, make_window, db_path, settings):
    window = make_window()
    open_sample(qtbot, window)
    window.actions_.colours["question"].trigger()
    select(window, PASSAGE)
    window.actions_.highlight.trigger()
    wait_for_writes(qtbot, window)
    [made] = stored(db_path)
    assert made.category == "question" and made.color == "#99DDFF"
    window.close()
    again = make_window()
    assert again.actions_.colours["question"].isChecked() and again.annotations.category == "question"


def test_a_write_that_fails_is_taken_back_and_explained(qtbot, make_window, db_path, monkeypatch):
    from desktop.ui.library_status import LibraryStatus

    # The worker waits this long for a lock before its write fails (the window never waits).
    monkeypatch.setattr(LibraryStatus, "busy_timeout", 0.2)
    window = make_window()
    open_sample(qtbot, window)
    wait_for_writes(qtbot, window)
    # Another program holds the library's write lock, as a second Factlight or a sync tool might.
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        start, end = select(window, PASSAGE)
        window.actions_.highlight.trigger()
        # Shown at once, before the write is tried.
        [shown] = window.annotations.notes
        assert (shown.start, shown.end) == (start, end) and shown.id < 0
        assert list(painted_user_marks(window.view).values()) == [1]
        assert window.notes_panel.model.rowCount() == 1
        with qtbot.waitSignal(window.annotations.write_finished, timeout=20_000) as written:
            pass
        assert written.args == [False]
    finally:
        other.rollback()
        other.close()
    # Taken back: no mark, no row in the Notes panel, nothing to undo; one line says why.
    assert window.annotations.notes == [] and painted_user_marks(window.view) == {}
    assert window.notes_panel.model.rowCount() == 0
    assert not window.actions_.undo.isEnabled()
    said = window.status.label.text()
    assert said.startswith("Not saved: The library ") and "in use by another program" in said
    assert "\n" not in said and "Traceback" not in said
    box = window.annotations.display.error_box
    assert box is not None and box.isVisible() and "in use by another program" in box.text()
    box.close()
    wait_for_writes(qtbot, window)
    assert stored(db_path) == []
    # Once the lock is gone the same highlight is saved.
    select(window, PASSAGE)
    window.actions_.highlight.trigger()
    wait_for_writes(qtbot, window)
    [saved] = stored(db_path)
    assert (saved.start, saved.end) == (start, end)
    assert painted_user_marks(window.view) == {saved.id: 1} and window.actions_.undo.isEnabled()


def test_closing_the_window_does_not_wait_for_its_writes(qtbot, window, db_path):
    open_sample(qtbot, window)
    wait_for_writes(qtbot, window)
    held = threading.Event()
    window.store.submit(lambda _library: held.wait(60), lambda _result: None)  # a write stuck on a lock
    start, end = select(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL)  # queued behind it
    window.close()
    assert not window.isVisible()
    assert stored(db_path) == []  # the window went before its write was made
    held.set()
    assert finish_closed()
    [note] = stored(db_path)
    assert (note.start, note.end) == (start, end)


EXIT_PROBE = """
import sys, time
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.resources import sample_article
app = create_application()
window = MainWindow(AppSettings(sys.argv[1]), None, sys.argv[2])
window.show()
window.open_file(sample_article())
while not window.view.toPlainText() or window.annotations.library_status.library is None:
    app.processEvents()
text = window.document.text
start = text.index("Vladimir Putin")
window.store.submit(lambda _library: time.sleep(1.0), lambda _result: None)  # a slow write first
window.view.setTextCursor(window.view.cursor_at(start, start + len("Vladimir Putin")))
window.actions_.highlight.trigger()
window.close()
print("closed", flush=True)
"""


def test_the_last_write_is_committed_before_the_program_exits(tmp_path, db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", EXIT_PROBE, str(tmp_path / "exit.ini"), str(db_path)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["closed"]
    assert [a.exact for a in stored(db_path)] == ["Vladimir Putin"]


def test_the_analysis_process_hands_over_the_cache_payload_whole(qtbot, window, db_path):
    import json

    from desktop.store.analyses import PAYLOAD_JSON

    open_sample(qtbot, window)
    wait_for_writes(qtbot, window)
    with open_library(db_path, read_only=True, check=False) as library, library.rows("SELECT payload FROM analyses") as cursor:
        [(payload,)] = cursor.fetchall()
    assert payload == json.dumps(window.raw_analysis.to_dict(), **PAYLOAD_JSON)
    assert payload.isascii() and "\\u201c" in payload  # the sample's curly quotes, escaped
