"""The window of the Foundation issue: open through the menu's code path, bad files, recent files,
drag-and-drop, zoom and persisted geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from desktop.documents import DocumentError, load
from desktop.resources import sample_article
from desktop.ui.main_window import file_filters
from desktop.ui.settings import AppSettings
from tests.ui.conftest import WAIT_MS, wait_for_text

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def open_through_menu(window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    window.actions_.open.trigger()


def test_open_through_the_menu_shows_the_text(qtbot, window, monkeypatch):
    path = ARTICLES / "aljazeera-nasa-moon-landers.txt"
    open_through_menu(window, monkeypatch, path)
    text = load(path).text
    wait_for_text(qtbot, window, text)
    assert window.view.isReadOnly()
    assert window.document.path == str(path.resolve())
    assert window.windowTitle().startswith(load(path).display_name)
    assert window.settings.recent_files()[0] == str(path.resolve())


def test_open_dialog_offers_every_supported_format():
    filters = file_filters()
    for suffix in (".txt", ".md", ".html", ".htm", ".markdown"):
        assert f"*{suffix}" in filters.split(";;")[0]


def test_bad_file_shows_a_message_and_keeps_the_article(qtbot, window, monkeypatch, tmp_path):
    good = ARTICLES / "twincities-wild-sabres.txt"
    open_through_menu(window, monkeypatch, good)
    wait_for_text(qtbot, window, load(good).text)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    open_through_menu(window, monkeypatch, empty)
    qtbot.waitUntil(lambda: window.opener.error_box is not None and window.opener.error_box.isVisible(), timeout=WAIT_MS)
    with pytest.raises(DocumentError) as expected:
        load(empty)
    assert window.opener.error_box.text() == str(expected.value)
    assert window.opener.error_box.text().startswith("empty.txt is empty")
    assert window.view.toPlainText() == load(good).text
    assert window.document.path == str(good.resolve())
    window.opener.error_box.accept()
    # The window stays usable: the next file opens.
    window.open_file(sample_article())
    wait_for_text(qtbot, window, load(sample_article()).text)


def test_missing_and_binary_files_are_explained(qtbot, window, tmp_path):
    blob = tmp_path / "picture.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    for path, expected in ((tmp_path / "gone.txt", "gone.txt does not exist"), (blob, "binary")):
        window.opener.error_box = None
        window.open_file(path)
        qtbot.waitUntil(lambda: window.opener.error_box is not None)
        assert expected in window.opener.error_box.text()
        window.opener.error_box.accept()


def test_recent_files_menu_lists_opened_files(qtbot, window):
    paths = [ARTICLES / "latimes-disney-plus-mayer.txt", ARTICLES / "livescience-tng50-simulation.txt"]
    for path in paths:
        window.open_file(path)
        wait_for_text(qtbot, window, load(path).text)
    window.opener.fill_recent_menu()
    names = [a.text() for a in window.actions_.recent_menu.actions() if a.text()]
    assert names[:2] == [paths[1].name, paths[0].name]
    recent = next(a for a in window.actions_.recent_menu.actions() if a.text() == paths[0].name)
    recent.trigger()
    wait_for_text(qtbot, window, load(paths[0]).text)


def test_dropping_a_file_opens_it(qtbot, window):
    path = ARTICLES / "deccanherald-us-china-tariffs.txt"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Without a drag session Qt does not route a synthetic drop, so hand it to the handler as Qt would.
    window.dropEvent(event)
    assert event.isAccepted()
    wait_for_text(qtbot, window, load(path).text)


def test_zoom_changes_the_font_and_is_remembered(qtbot, window, settings):
    size = window.view.font_size()
    window.actions_.zoom_in.trigger()
    window.actions_.zoom_in.trigger()
    assert window.view.font_size() == size + 2
    window.actions_.zoom_out.trigger()
    assert window.view.font_size() == size + 1
    assert settings.font_size(0) == size + 1
    shortcuts = [s.toString() for s in window.actions_.zoom_in.shortcuts()]
    assert "Ctrl+=" in shortcuts
    assert window.actions_.zoom_out.shortcut().toString() == "Ctrl+-"


def test_reading_view_is_serif_with_a_limited_line_length(qtbot, window):
    window.open_file(sample_article())
    wait_for_text(qtbot, window, load(sample_article()).text)
    view = window.view
    from PySide6.QtGui import QFontInfo, QFontMetricsF

    assert QFontInfo(view.font()).styleHint() == view.font().styleHint()
    assert "Serif" in QFontInfo(view.font()).family() or view.font().styleHint().name == "Serif"
    metrics = QFontMetricsF(view.font())
    characters = view.viewport().width() / metrics.averageCharWidth()
    assert 60 <= characters <= 95


def test_geometry_persists_between_windows(qtbot, make_window, tmp_path):
    ini = tmp_path / "geometry.ini"
    first = make_window(AppSettings(ini))
    first.resize(780, 540)
    size = (first.width(), first.height())
    assert size != (1400, 900)
    first.close()
    second = make_window(AppSettings(ini))
    assert (second.width(), second.height()) == size
