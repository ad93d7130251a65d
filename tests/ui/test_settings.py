"""Settings are read from memory and written to their file by a thread of their own, never the GUI thread."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui import settings as settings_module
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
