"""Issue 12 in the real window: import a folder, the Library view, search, people, variants, removal and
undo, and the library the reader chooses being the one the next launch opens.

Real widgets, the real pipeline (the import runs in its own process, as in the app) and real SQLite
files in tmp_path. Tests that only read build their library once for the module with the store's importer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.config import DB_ENV
from desktop.resources import sample_article
from desktop.store import open_library
from desktop.store.importing import import_files
from desktop.ui.closing import finish_closed
from desktop.ui.library_model import ID_ROLE
from desktop.ui.search_panel import TARGET_ROLE
from tests.ui.conftest import wait_for_highlights

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
IMPORT_TIMEOUT_MS = 240_000
KIRBY_A = """US sends more ships to the Baltic

The United States will send four more ships to the Baltic Sea this month, the Pentagon said on Friday.

Pentagon spokesman John Kirby said the ships would join exercises with allied navies. “The deployment is not permanent, and we will keep it under review as the situation changes,” Kirby told reporters in Washington.

Officials said about 1,200 sailors would take part.
"""
KIRBY_B = """Allies welcome naval exercises

Several European governments welcomed the arrival of American ships on Saturday.

“The deployment is not permanent and we will keep it under review as things change,” Pentagon spokesman John Kirby said on Friday, adding that 1,200 sailors would take part.

The exercises are expected to last three weeks.
"""


def five_articles(folder: Path) -> Path:
    """Two articles that quote the same man (written for these tests) and three fixture articles."""
    (folder / "more").mkdir(parents=True)
    (folder / "baltic-ships.txt").write_text(KIRBY_A, encoding="utf-8")
    (folder / "more" / "allies-welcome.txt").write_text(KIRBY_B, encoding="utf-8")
    for name in ("aljazeera-nasa-moon-landers", "latimes-disney-plus-mayer", "twincities-wild-sabres"):
        shutil.copy(ARTICLES / f"{name}.txt", folder / "more" / f"{name}.txt")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = five_articles(tmp_path_factory.mktemp("articles"))
    db_path = folder.parent / "built.db"
    assert len(import_files(db_path, [folder], processes=1).imported) == 5
    return db_path


@pytest.fixture
def library_window(built, make_window, tmp_path, qtbot):
    db_path = tmp_path / "library.db"
    shutil.copy(built, db_path)
    window = make_window(db_path=db_path)
    window.show_library()
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 5, timeout=20_000)
    return window


def row_of(window, title_part: str) -> int:
    proxy = window.library_panel.proxy
    return next(r for r in range(proxy.rowCount()) if title_part in proxy.index(r, 0).data())


def test_import_a_folder_of_five_articles(qtbot, make_window, tmp_path, monkeypatch):
    folder = five_articles(tmp_path / "news")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    window = make_window(db_path=tmp_path / "library.db")
    qtbot.waitUntil(lambda: window.annotations.library is not None, timeout=20_000)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    summaries = []
    window.import_finished.connect(summaries.append)
    window.actions_.import_folder.trigger()
    assert window.pages.showing_library and window.library.importer.running
    assert window.library.importer.progress.isVisible() and window.actions_.cancel_import.isEnabled()
    qtbot.waitUntil(lambda: bool(summaries), timeout=IMPORT_TIMEOUT_MS)
    [summary] = summaries
    assert len(summary.imported) == 5 and [Path(p).name for p, _r in summary.failed] == ["broken.txt"]
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 5, timeout=10_000)
    model = window.library_panel.model
    titles = {model.index(r, 0).data() for r in range(5)}
    assert "US sends more ships to the Baltic" in titles
    kirby = next(r for r in range(5) if model.index(r, 0).data() == "US sends more ships to the Baltic")
    assert model.index(kirby, 5).data() == "1" and model.index(kirby, 1).data() == "baltic-ships.txt"
    assert "could not be read" in window.status.label.text()
    assert window.library.box is not None and "broken.txt" in window.library.box.detailedText()
    assert not window.library.importer.progress.isVisible()


def test_search_a_word_and_open_the_hit(qtbot, library_window):
    window = library_window
    window.actions_.search_library.trigger()
    assert window.search_dock.isVisible() and window.search_panel.query_box.hasFocus()
    qtbot.keyClicks(window.search_panel.query_box, "sailors")
    qtbot.keyClick(window.search_panel.query_box, Qt.Key.Key_Return)
    model = window.search_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    assert "2 articles match" in window.search_panel.status_label.text()
    hit = model.index(0, 0, model.index(0, 0))
    document_id, start, end = hit.data(TARGET_ROLE)
    rect = window.search_panel.tree.visualRect(hit)
    qtbot.mouseClick(window.search_panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.document is not None and window.view.flash_range is not None, timeout=10_000)
    assert not window.pages.showing_library
    assert window.document.text[start:end] == "sailors" and window.view.flash_range == (start, end)
    wait_for_highlights(qtbot, window)
    assert window.analysis_from_cache  # analysed by the import, not again


def test_choose_a_speaker_quoted_in_two_articles_and_see_both_quotes(qtbot, library_window):
    window = library_window
    window.people_dock.show()
    panel = window.people_panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() > 0, timeout=10_000)
    panel.filter_box.setText("kirby")
    assert panel.proxy.rowCount() == 1
    index = panel.proxy.index(0, 0)
    assert index.data() == "John Kirby" and panel.proxy.index(0, 2).data() == "2"
    qtbot.mouseClick(panel.people_view.viewport(), Qt.MouseButton.LeftButton, pos=panel.people_view.visualRect(index).center())
    quotes = panel.statements
    qtbot.waitUntil(lambda: sum(1 for s in quotes.rows if s.kind == "quote") == 2, timeout=10_000)
    said = [s for s in quotes.rows if s.kind == "quote"]
    assert {s.title for s in said} == {"US sends more ships to the Baltic", "Allies welcome naval exercises"}
    assert all("The deployment is not permanent" in s.text for s in said)
    assert said[0].variant_group == said[1].variant_group  # one statement, two versions
    assert "[2 versions]" in quotes.index(0, 1).data()
    target = quotes.index(0, 1)
    qtbot.mouseClick(panel.statements_view.viewport(), Qt.MouseButton.LeftButton, pos=panel.statements_view.visualRect(target).center())
    qtbot.waitUntil(lambda: window.document is not None and window.document.title == said[0].title, timeout=10_000)
    wait_for_highlights(qtbot, window)
    # The quote's Details list its other version, the words that differ marked.
    quote = next(h for h in window.index.items if h.record == "quote")
    window.show_details(quote)
    qtbot.waitUntil(lambda: "other version in the library" in window.details_panel.plain_text(), timeout=10_000)
    html = window.details_panel.browser.toHtml()
    assert said[1].title in window.details_panel.plain_text() or said[0].title in window.details_panel.plain_text()
    assert "text-decoration: underline" in html or "<u>" in html


def test_remove_an_article_and_undo(qtbot, library_window, monkeypatch):
    window = library_window
    panel = window.library_panel
    row = row_of(window, "Allies welcome")
    panel.table.selectRow(row)
    document_id = panel.proxy.index(row, 0).data(ID_ROLE)
    panel.remove_button.click()
    box = window.library.box
    assert isinstance(box, QMessageBox) and "Remove this article from the library?" in box.text()
    assert "files on disk are not touched" in box.informativeText()
    next(b for b in box.buttons() if b.text() == "Remove").click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10_000)
    assert panel.undo_button.isVisible()
    with open_library(window.annotations.library.path, read_only=True, check=False) as library:
        assert library.search("Saturday").articles == 0
    panel.undo_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=10_000)
    assert panel.selected_ids() == [document_id] and not panel.undo_button.isVisible()
    with open_library(window.annotations.library.path, read_only=True, check=False) as library:
        assert library.search("Saturday").articles == 1


def test_a_removal_not_undone_is_final_when_the_window_closes(qtbot, library_window, make_window):
    window = library_window
    path = window.annotations.library.path
    window.library.remove([window.library_panel.model.rows[0].id])
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 4, timeout=10_000)
    window.close()
    assert finish_closed()
    with open_library(path, read_only=True, check=False) as library:
        assert library.count_documents() == 4
        with library.rows("SELECT count(*) FROM documents") as cursor:
            assert cursor.fetchone()[0] == 4


def write_a_note(qtbot, window, note_passage: str = "has told Russian President Vladimir Putin") -> None:
    window.open_file(sample_article())
    wait_for_highlights(qtbot, window)
    start = window.document.text.index(note_passage)
    window.view.setTextCursor(window.view.cursor_at(start, start + len(note_passage)))
    qtbot.waitUntil(lambda: window.actions_.highlight.isEnabled(), timeout=10_000)
    window.actions_.highlight.trigger()
    assert len(window.annotations.notes) == 1


def test_a_new_library_chosen_is_the_one_the_next_launch_opens_with_its_notes(qtbot, make_window, settings, tmp_path, monkeypatch):
    first = make_window(db_path=tmp_path / "first.db")
    qtbot.waitUntil(lambda: first.annotations.library is not None, timeout=20_000)
    chosen = tmp_path / "story" / "ukraine"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    first.actions_.new_library.trigger()
    qtbot.waitUntil(lambda: first.annotations.library is not None and first.annotations.library.path.name == "ukraine.db", timeout=20_000)
    assert "ukraine.db" in first.windowTitle() and first.library_choice.label.text() == "Library: ukraine.db"
    write_a_note(qtbot, first)
    first.close()

    monkeypatch.delenv(DB_ENV)
    second = make_window(db_path=None)
    qtbot.waitUntil(lambda: second.annotations.library is not None, timeout=20_000)
    assert second.annotations.library.path == chosen.with_suffix(".db").resolve()
    second.open_file(sample_article())
    wait_for_highlights(qtbot, second)
    qtbot.waitUntil(lambda: second.notes_panel.model.rowCount() == 1, timeout=10_000)
    assert str(chosen.with_suffix(".db").resolve()) in settings.recent_libraries()


def test_starting_a_new_library_after_a_bad_one_is_remembered(qtbot, make_window, settings, tmp_path, monkeypatch):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all\n" * 10, encoding="utf-8")
    settings.set_library_path(bad)  # the library chosen at an earlier launch
    monkeypatch.delenv(DB_ENV)
    first = make_window(db_path=None)
    status = first.annotations.library_status
    qtbot.waitUntil(lambda: status.box is not None and status.box.isVisible(), timeout=20_000)
    next(b for b in status.box.buttons() if b.text() == "Start a New Library").click()
    qtbot.waitUntil(lambda: first.annotations.library is not None, timeout=20_000)
    fresh = first.annotations.library.path
    assert fresh == tmp_path / "notes-2.db"
    write_a_note(qtbot, first)
    first.close()

    second = make_window(db_path=None)
    qtbot.waitUntil(lambda: second.annotations.library is not None, timeout=20_000)
    assert second.annotations.library.path == fresh.resolve()  # not yet another new library
    second.open_file(sample_article())
    wait_for_highlights(qtbot, second)
    qtbot.waitUntil(lambda: second.notes_panel.model.rowCount() == 1, timeout=10_000)
    assert bad.read_text(encoding="utf-8").startswith("not a database")


def test_the_library_view_filters_and_sorts(qtbot, library_window):
    panel = library_window.library_panel
    panel.filter_box.setText("baltic")
    assert panel.proxy.rowCount() == 1
    panel.filter_box.setText("")
    panel.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # words
    words = [panel.model.rows[r].words for r in range(panel.model.rowCount())]
    assert words == sorted(words)
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold, reverse=True)
    assert panel.count_label.text() == "5 articles"


def test_dropping_a_folder_imports_it(qtbot, make_window, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "baltic-ships.txt").write_text(KIRBY_A, encoding="utf-8")
    window = make_window(db_path=tmp_path / "library.db")
    qtbot.waitUntil(lambda: window.annotations.library is not None, timeout=20_000)
    summaries = []
    window.import_finished.connect(summaries.append)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: bool(summaries), timeout=IMPORT_TIMEOUT_MS)
    assert len(summaries[0].imported) == 1
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 1, timeout=10_000)
    assert window.document is None  # a folder is imported, not opened


def test_the_library_search_and_people_run_no_sql_on_the_gui_thread(qtbot, built, make_window, tmp_path, monkeypatch):
    import sqlite3
    import threading

    on_gui_thread: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(lambda sql: threading.current_thread() is threading.main_thread() and on_gui_thread.append(sql))
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    db_path = tmp_path / "library.db"
    shutil.copy(built, db_path)
    window = make_window(db_path=db_path)
    window.show_library()
    panel = window.library_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=20_000)
    window.actions_.search_library.trigger()
    window.search_panel.query_box.setText("ships")
    window.search_panel.run_search()
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 2, timeout=10_000)
    window.people_dock.show()
    window.people_dock.raise_()
    qtbot.waitUntil(lambda: window.people_panel.proxy.rowCount() > 0, timeout=10_000)
    window.people_panel.choose("John Kirby")
    qtbot.waitUntil(lambda: len(window.people_panel.statements.rows) >= 2, timeout=10_000)
    window.library.remove([panel.model.rows[0].id])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10_000)
    window.library.undo_remove()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=10_000)
    window.library.open_article(panel.model.rows[0].id, 0, 5)
    qtbot.waitUntil(lambda: window.document is not None, timeout=10_000)
    wait_for_highlights(qtbot, window)
    assert on_gui_thread == []
