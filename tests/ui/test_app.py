"""The application as a reader starts it: `factlight --screenshot`, a clean quit, and a start-up path
that never imports spaCy (the analysis process loads it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from desktop.resources import sample_article

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run_factlight(tmp_path: Path, *args: str, extra_env: dict[str, str] | None = None, timeout: int = 300):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACTLIGHT_SETTINGS=str(tmp_path / "settings.ini"))
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_screenshot_saves_a_png_of_the_analysed_window(tmp_path):
    out = tmp_path / "shot.png"
    result = run_factlight(tmp_path, "--screenshot", str(out), "--size", "1000x700", str(sample_article()))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 20_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)


def test_a_screenshot_that_cannot_be_written_is_one_line(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where the folder should be")
    out = blocker / "shot.png"
    result = run_factlight(tmp_path, "--screenshot", str(out), str(sample_article()))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("factlight:")] == [
        f"factlight: could not write {out}: {blocker} is a file, not a folder"
    ]


def test_factlight_exits_cleanly_on_quit(tmp_path):
    result = run_factlight(tmp_path, extra_env={"FACTLIGHT_QUIT_WHEN_READY": "1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "recent" in (tmp_path / "settings.ini").read_text()


STARTUP_PROBE = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.resources import sample_article
app = create_application()
window = MainWindow(AppSettings(sys.argv[1]))
window.show()
window.open_file(sample_article())
while not window.view.toPlainText():
    app.processEvents()
print("spacy" in sys.modules, "thinc" in sys.modules, round(time.perf_counter() - t0, 3))
window.close()
"""


def test_start_up_shows_the_text_without_importing_spacy(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    spacy_loaded, thinc_loaded, _seconds = result.stdout.split()
    assert (spacy_loaded, thinc_loaded) == ("False", "False")


def test_the_application_names_its_desktop_file_and_has_an_icon(qapp):
    from PySide6.QtGui import QGuiApplication

    from desktop import APP_ID
    from desktop.ui.app import create_application

    app = create_application()
    assert QGuiApplication.desktopFileName() == APP_ID
    assert not app.windowIcon().isNull()
