"""A long text arrives in slices; the slices after the first wait while a cached article's highlights are prepared."""

from __future__ import annotations

from desktop.analysis.engine import analyze_text
from desktop.documents import load
from desktop.resources import sample_article
from desktop.store import open_library
from desktop.ui import article_view
from desktop.ui.article_view import TEXT_CHUNK, ArticleView

FILLER = "A line of the long article that follows, with nothing to highlight in it.\n"


def long_text(lines: int = 14_000) -> str:
    return FILLER * lines  # about 1 MB: twenty slices


def shown_characters(view: ArticleView) -> int:
    return view.document().characterCount()


FIRST_SLICE = TEXT_CHUNK + 200  # a slice ends at the first line break after TEXT_CHUNK characters


def test_held_slices_wait_until_released(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_text(long_text())
    view.hold_rest()
    qtbot.wait(100)
    assert view.loading and shown_characters(view) <= FIRST_SLICE
    view.release_rest()
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    assert view.toPlainText() == view.text


def test_a_hold_ends_by_itself(qtbot, monkeypatch):
    monkeypatch.setattr(article_view, "HOLD_MS", 50)
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_text(long_text())
    view.hold_rest()
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    assert shown_characters(view) > 20 * TEXT_CHUNK


def test_a_cached_article_shows_its_highlights_before_the_rest_of_its_text(qtbot, make_window, db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(article_view, "HOLD_MS", 30_000)  # so only the highlights can end the hold here
    sample = load(sample_article()).text
    path = tmp_path / "long.txt"
    path.write_text(sample + "\n" + long_text(), encoding="utf-8")
    document = load(path)
    with open_library(db_path) as library:  # the article's analysis, cached as a first opening would
        library.remember_document(document)
        library.save_analysis(document.sha256, analyze_text(sample))
    window = make_window()
    qtbot.waitUntil(lambda: not window.annotations.library_status.opening, timeout=20_000)
    shown_then = []
    window.analysis_shown.connect(lambda _analysis: shown_then.append(shown_characters(window.view)))
    window.open_file(path)
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=20_000)
    assert window.analysis_from_cache and window.analysis.entities
    qtbot.waitUntil(lambda: not window.view.loading, timeout=20_000)
    assert shown_then and shown_then[0] <= FIRST_SLICE  # the first slice only, until the highlights came
    assert window.view.toPlainText() == document.text
