"""What the window remembers between runs (the chosen library, recent files and libraries, geometry, zoom,
theme, shown categories) and the reader's preferences (spaCy pipeline, reading font, analysis processes;
Edit ▸ Preferences…).

Backed by an ini file through QSettings, read once when the settings are made (before a window shows).
Then the window reads and sets values in memory, and a thread of its own writes each change to the
file (settings_file.py): QSettings would write on the GUI thread, and its write ends in an fdatasync,
which a busy disk can make last a long time. Tests and the --screenshot path pass an ini file so nothing touches the
user's own settings. FACTLIGHT_SETTINGS names such an ini file from the environment.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME
from desktop.ui.palette import CATEGORIES
from desktop.ui.settings_file import SettingsWriter

SETTINGS_ENV = "FACTLIGHT_SETTINGS"
MAX_RECENT = 10
THEMES = ("system", "light", "dark")
WRITE_SECONDS = 10.0  # how long anyone waits for the settings file to be written


_writers: dict[str, SettingsWriter] = {}  # one per file, so settings made again read what was set


def _writer_for(file_name: str) -> SettingsWriter:
    writer = _writers.get(file_name)
    if writer is None:
        writer = _writers[file_name] = SettingsWriter(file_name)
    return writer


class AppSettings:
    def __init__(self, path: Path | str | None = None):
        path = path or os.environ.get(SETTINGS_ENV)
        if path:
            stored = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            stored = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
        self.file_name = stored.fileName()
        self._writer = _writer_for(self.file_name)
        if not self._writer.wait(0):
            # Settings made again in this process (a test's second window) read the last changes too;
            # a window makes its settings once, at launch, when nothing is being written.
            self._writer.wait(WRITE_SECONDS)
            stored = QSettings(self.file_name, QSettings.Format.IniFormat)
        self._values: dict[str, Any] = {key: stored.value(key) for key in stored.allKeys()}

    def value(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        """Remember `value` now; it reaches the file a moment later, off the GUI thread."""
        self._values[key] = value
        self._writer.put(key, value)

    @property
    def write_error(self) -> str | None:
        """Why the settings file could not be written the last time (None: it was)."""
        return self._writer.error

    def watch_write_failures(self, listener: Callable[[str], None]) -> None:
        """`listener(message)` is called, on the writer's thread, each time writing the file newly fails
        (and at once, on this thread, if the last write failed already)."""
        self._writer.failure_listeners.append(listener)
        if self.write_error:
            listener(self.write_error)

    def unwatch_write_failures(self, listener: Callable[[str], None]) -> None:
        with contextlib.suppress(ValueError):
            self._writer.failure_listeners.remove(listener)

    def written(self, timeout: float | None = WRITE_SECONDS) -> bool:
        """Off the GUI thread (tests): wait until every change is in the file."""
        return self._writer.wait(timeout)

    # Recent files, newest first.
    def recent_files(self) -> list[str]:
        value = self.value("recent/files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files() if f != path]
        self.set_value("recent/files", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self.set_value("recent/files", [])

    # The library the reader chose (File ▸ New Library…, Open Library…, "Start a New Library"), and
    # the libraries opened before it, newest first.
    def library_path(self) -> Path | None:
        value = self.value("library/path", "")
        return Path(str(value)) if value else None

    def set_library_path(self, path: Path) -> None:
        self.set_value("library/path", str(path))
        libraries = [str(path)] + [p for p in self.recent_libraries() if p != str(path)]
        self.set_value("library/recent", libraries[:MAX_RECENT])

    def recent_libraries(self) -> list[str]:
        value = self.value("library/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def clear_recent_libraries(self) -> None:
        self.set_value("library/recent", [str(p) for p in [self.library_path()] if p])

    def geometry(self) -> QByteArray | None:
        value = self.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.set_value("window/geometry", geometry)
        self.set_value("window/state", state)

    def font_size(self, default: float) -> float:
        try:
            return float(self.value("view/font_size", default))
        except (TypeError, ValueError):
            return default

    def set_font_size(self, size: float) -> None:
        self.set_value("view/font_size", size)

    def theme(self) -> str:
        value = str(self.value("view/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.set_value("view/theme", theme)

    def hidden_categories(self) -> set[str]:
        value = self.value("view/hidden_categories", [])
        if isinstance(value, str):
            value = [value] if value else []
        return {str(v) for v in (value or []) if v in CATEGORIES}

    def set_hidden_categories(self, hidden: set[str]) -> None:
        self.set_value("view/hidden_categories", sorted(hidden))

    # Preferences (desktop/ui/preferences.py).
    def model(self, default: str) -> str:
        return str(self.value("analysis/model", "") or default)

    def set_model(self, name: str) -> None:
        self.set_value("analysis/model", name)

    def font_family(self) -> str:
        """The reading font; "" for the built-in serif list (article_view.SERIF_FAMILIES)."""
        return str(self.value("view/font_family", "") or "")

    def set_font_family(self, family: str) -> None:
        self.set_value("view/font_family", family)

    def processes(self) -> int:
        """Processes one analysis in the window may use (1 keeps a core for the window)."""
        try:
            return max(1, int(self.value("analysis/processes", 1)))
        except (TypeError, ValueError):
            return 1

    def set_processes(self, processes: int) -> None:
        self.set_value("analysis/processes", max(1, int(processes)))
