"""Starts the window: QApplication, settings, the main window on a file or the sample article.

Nothing here imports spaCy: the analysis process loads it while the article is already on screen.
The library is `--db PATH`, else FACTLIGHT_DB, else the one last chosen in the window, else library.db in
the user data folder (library_choice.py). Without a file the Library view is shown (and, while the
library is empty, the sample article).
`--screenshot OUT.png` waits for the highlights, saves the window and exits. FACTLIGHT_QUIT_WHEN_READY=1
makes the window quit through File ▸ Quit once the analysis is shown (used to test a clean exit).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, __version__
from desktop.config import DB_ENV
from desktop.resources import resource_path, sample_article
from desktop.ui.heartbeat import install as install_heartbeat
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import chosen_model
from desktop.ui.settings import AppSettings
from desktop.ui.workers import AnalysisService

QUIT_ENV = "FACTLIGHT_QUIT_WHEN_READY"
SCREENSHOT_TIMEOUT_MS = 300_000


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise SystemExit(f"factlight: --size must look like 1400x900, not {text!r}") from exc
    return max(400, width), max(300, height)


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The window's workers (fact tree, cache look-ups) run Python in threads. The GUI thread gives up
    # the GIL in every Qt call and then waits up to the switch interval to get it back from a busy
    # worker; over the tens of calls of one paint slice that added up to 170 ms stalls at the default
    # 5 ms (tests/bench/ui_responsiveness.py, 3 MB article). 1 ms keeps a slice near its own cost.
    sys.setswitchinterval(0.001)
    # And long loops in those workers wait while the GUI thread is busy (desktop/pacing.py).
    install_heartbeat(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    # Wayland and the desktop shell match the window to io.github.factlight.Factlight.desktop by this id.
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resource_path("icons", APP_ID + ".svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(args: argparse.Namespace) -> int:
    app = create_application()
    scratch = None
    if args.screenshot is not None and not os.environ.get("FACTLIGHT_SETTINGS"):
        # A screenshot must look the same on every machine: fresh settings, not the reader's.
        scratch = tempfile.TemporaryDirectory(prefix="factlight-")
        settings = AppSettings(Path(scratch.name) / "settings.ini")
    else:
        settings = AppSettings()
    # None: FACTLIGHT_DB, else the library last chosen in the window, else the default (library_choice.py).
    db_path = args.db.expanduser() if args.db is not None else None
    if scratch is not None and args.db is None and not os.environ.get(DB_ENV):
        db_path = Path(scratch.name) / "library.db"  # nor the reader's notes and cached analyses
    window = MainWindow(settings, chosen_model(settings, args.model), db_path)
    status = {"code": 0}
    if args.screenshot is not None:
        window.resize(*parse_size(args.size))
        _take_screenshot_when_ready(window, Path(args.screenshot), status)
    elif os.environ.get(QUIT_ENV):
        window.analysis_shown.connect(lambda _a: QTimer.singleShot(0, window.actions_.quit.trigger))
        window.analysis_failed.connect(lambda _m: QTimer.singleShot(0, window.actions_.quit.trigger))
    window.show()
    if args.file or args.screenshot is not None:
        window.open_file(args.file or sample_article())
    else:
        _library_first(window)
    code = app.exec()
    AnalysisService.shutdown_all()
    if scratch is not None:
        scratch.cleanup()
    return code or status["code"]


def _library_first(window: MainWindow) -> None:
    """No file given: the Library view; on a first run (an empty library) the sample article as well."""
    window.show_library()

    def loaded(count: int) -> None:
        window.library_loaded.disconnect(loaded)
        if count == 0 and window.document is None:
            window.open_file(sample_article())

    window.library_loaded.connect(loaded)


def _take_screenshot_when_ready(window: MainWindow, out: Path, status: dict[str, int]) -> None:
    def save() -> None:
        try:  # a file where the folder should be, a read-only or full disk
            out.parent.mkdir(parents=True, exist_ok=True)
            problem = None if window.grab().save(str(out), "PNG") else "Qt could not save the PNG"
        except (FileExistsError, NotADirectoryError) as exc:
            problem = f"{exc.filename} is a file, not a folder"
        except OSError as exc:
            problem = exc.strerror or str(exc)
        if problem:
            print(f"factlight: could not write {out}: {problem}", file=sys.stderr)
            status["code"] = 1
        window.actions_.quit.trigger()

    def when_painted() -> None:
        QTimer.singleShot(150, save)  # let the last slices and the status bar repaint

    def on_shown(_analysis) -> None:
        if window.view.painting:
            window.highlights_ready.connect(when_painted)
        else:
            when_painted()

    def on_failed(message: str) -> None:
        print(f"factlight: {message}", file=sys.stderr)
        status["code"] = 1
        when_painted()

    def on_timeout() -> None:
        print("factlight: the analysis did not finish in time; saving the window as it is", file=sys.stderr)
        status["code"] = 1
        save()

    window.analysis_shown.connect(on_shown)
    window.analysis_failed.connect(on_failed)
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.timeout.connect(on_timeout)
    timer.start(SCREENSHOT_TIMEOUT_MS)
