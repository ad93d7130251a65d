"""Fixtures for the window tests: offscreen Qt, settings and library in tmp_path, windows closed and drained.

FACTLIGHT_DB points every window (and every `factlight` subprocess) at a library in tmp_path, so no
test reads or writes the reader's own library.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.resources import sample_article  # noqa: E402

ANALYSIS_TIMEOUT_MS = 180_000


def pytest_collection_modifyitems(items):
    # The offscreen platform cannot resize native windows and says so for every dock and dialog.
    for item in items:
        if "tests/ui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(autouse=True)
def db_path(tmp_path: Path, monkeypatch) -> Path:
    from desktop.config import DB_ENV

    path = tmp_path / "library.db"
    monkeypatch.setenv(DB_ENV, str(path))
    return path


@pytest.fixture
def settings(tmp_path: Path):
    from desktop.ui.settings import AppSettings

    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings):
    from desktop.ui.main_window import MainWindow

    windows = []

    def make(app_settings=None, db_path=None, model=None):
        window = MainWindow(app_settings or settings, model, db_path)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.thread_pool.waitForDone(5000)
        window.deleteLater()


@pytest.fixture
def window(make_window):
    return make_window()


# Generous: a condition is waited on, never a time, and a machine busy with other work is slow.
WAIT_MS = 60_000


def wait_for_text(qtbot, window, text: str) -> None:
    qtbot.waitUntil(lambda: window.view.toPlainText() == text, timeout=WAIT_MS)


def wait_for_writes(qtbot, window) -> None:
    """Until the store worker has answered every call made so far (each write is then committed)."""
    qtbot.waitUntil(lambda: window.store.pending == 0, timeout=WAIT_MS)


def wait_for_highlights(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.analysis is not None and not window.view.painting, timeout=ANALYSIS_TIMEOUT_MS)


@pytest.fixture
def analysed_window(qtbot, window):
    window.open_file(sample_article())
    wait_for_highlights(qtbot, window)
    return window
