"""Settings are read from memory and written to their file by a thread of their own, never the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui import settings as settings_module
from desktop.ui import settings_file
from desktop.ui.settings import AppSettings


def on_disk(path: Path, key: str):
    return QSettings(str(path), QSettings.Format.IniFormat).value(key)


def test_a_change_is_read_at_once_and_reaches_the_file(tmp_path):
    ini = tmp_path / "s.ini"
    settings = AppSettings(ini)
    settings.set_theme("dark")
    settings.add_recent_file("/tmp/one.txt")
    assert settings.theme() == "dark"
    assert settings.recent_files() == ["/tmp/one.txt"]
    assert settings.written()
    assert on_disk(ini, "view/theme") == "dark"
    again = AppSettings(ini)
    assert again.theme() == "dark" and again.recent_files() == ["/tmp/one.txt"]


def test_the_file_is_written_off_the_gui_thread(tmp_path, monkeypatch):
    writers: list[threading.Thread] = []
    sync = settings_module.QSettings.sync

    def recording_sync(self):
        writers.append(threading.current_thread())
        return sync(self)

    monkeypatch.setattr(settings_module.QSettings, "sync", recording_sync)
    settings = AppSettings(tmp_path / "s.ini")
    for size in (11.0, 12.0, 13.0):
        settings.set_font_size(size)
    assert settings.written()
    assert writers, "nothing was written"
    assert threading.main_thread() not in writers
    assert settings.font_size(0) == 13.0
    assert float(on_disk(tmp_path / "s.ini", "view/font_size")) == 13.0


def test_settings_made_again_see_a_change_still_being_written(tmp_path, monkeypatch):
    ini = tmp_path / "s.ini"
    release = threading.Event()
    sync = settings_module.QSettings.sync

    def slow_sync(self):
        release.wait(5)
        return sync(self)

    monkeypatch.setattr(settings_module.QSettings, "sync", slow_sync)
    first = AppSettings(ini)
    first.set_hidden_categories({"number"})
    assert not first.written(0.05)  # held in the writer
    threading.Timer(0.1, release.set).start()
    assert AppSettings(ini).hidden_categories() == {"number"}


def test_exiting_right_after_a_change_keeps_it(tmp_path):
    ini = tmp_path / "s.ini"
    script = (
        "import sys; from desktop.ui.settings import AppSettings; "
        f"s = AppSettings({str(ini)!r}); s.set_library_path(__import__('pathlib').Path('/tmp/lib.db')); sys.exit(0)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert on_disk(ini, "library/path") == "/tmp/lib.db"


def test_keys_this_window_never_set_are_kept(tmp_path):
    ini = tmp_path / "s.ini"
    ini.write_text("[other]\nkept=yes\n", encoding="utf-8")
    settings = AppSettings(ini)
    settings.set_theme("light")
    assert settings.written()
    assert on_disk(ini, "other/kept") == "yes"
    assert on_disk(ini, "view/theme") == "light"


def test_a_file_that_cannot_be_written_is_noted_not_raised(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings' folder should be", encoding="utf-8")
    settings = AppSettings(blocker / "s.ini")  # even root cannot make that folder
    settings.set_theme("light")
    assert settings.written()
    assert settings.theme() == "light"  # still what the window uses
    assert settings.write_error
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_a_failure_is_told_to_the_watchers_once_until_a_write_succeeds(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings' folder should be", encoding="utf-8")
    settings = AppSettings(blocker / "s.ini")
    told: list[str] = []
    settings.watch_write_failures(told.append)
    settings.set_theme("light")
    assert settings.written()
    settings.set_theme("dark")
    assert settings.written()
    assert len(told) == 1 and str(blocker) in told[0]
    late: list[str] = []
    settings.watch_write_failures(late.append)  # a watcher that comes after the failure hears of it too
    assert late == told
    blocker.unlink()  # the folder can be made now: the next write succeeds
    settings.set_theme("light")
    assert settings.written() and settings.write_error is None
    (blocker / "s.ini").unlink()
    blocker.rmdir()
    blocker.write_text("in the way again", encoding="utf-8")
    settings.set_theme("dark")
    assert settings.written()
    assert len(told) == 2  # a failure after a success is told again


def test_drafts_left_by_a_crashed_window_are_removed(tmp_path, monkeypatch):
    drafts = tmp_path / "runtime"
    drafts.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(drafts))
    monkeypatch.setattr(settings_file, "_swept", False)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = drafts / f"{settings_file.DRAFT_PREFIX}{int(ended.stdout)}-abc"
    stale.mkdir()
    (stale / "settings.ini").write_text("[view]\ntheme=dark\n", encoding="utf-8")
    running = drafts / f"{settings_file.DRAFT_PREFIX}{os.getppid()}-def"  # a window still open
    running.mkdir()
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_theme("dark")
    assert settings.written()
    assert not stale.exists() and running.exists()
    assert not list(drafts.glob(f"{settings_file.DRAFT_PREFIX}{os.getpid()}-*"))  # its own went with its write


def test_a_draft_that_cannot_be_made_is_noted_and_the_next_change_is_written(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("in the way", encoding="utf-8")
    monkeypatch.setattr(settings_file, "draft_folder", lambda: str(not_a_folder))
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_theme("dark")
    assert settings.written(5)  # the writer ended; it did not hang
    assert settings.write_error
    monkeypatch.setattr(settings_file, "draft_folder", lambda: None)
    settings.set_theme("light")
    assert settings.written(5) and settings.write_error is None
    assert on_disk(tmp_path / "s.ini", "view/theme") == "light"
