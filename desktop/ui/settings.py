"""What the window remembers between runs (the chosen library, recent files and libraries, geometry, zoom,
theme, shown categories) and the reader's preferences (spaCy pipeline, reading font, analysis processes;
Edit ▸ Preferences…).

Backed by QSettings; tests and the --screenshot path pass an ini file so nothing touches the user's
own settings. FACTLIGHT_SETTINGS names such an ini file from the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME
from desktop.ui.palette import CATEGORIES

SETTINGS_ENV = "FACTLIGHT_SETTINGS"
MAX_RECENT = 10
THEMES = ("system", "light", "dark")


class AppSettings:
    def __init__(self, path: Path | str | None = None):
        path = path or os.environ.get(SETTINGS_ENV)
        if path:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)

    def sync(self) -> None:
        self.qsettings.sync()

    # Recent files, newest first.
    def recent_files(self) -> list[str]:
        value = self.qsettings.value("recent/files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files() if f != path]
        self.qsettings.setValue("recent/files", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self.qsettings.setValue("recent/files", [])

    # The library the reader chose (File ▸ New Library…, Open Library…, "Start a New Library"), and
    # the libraries opened before it, newest first.
    def library_path(self) -> Path | None:
        value = self.qsettings.value("library/path", "")
        return Path(str(value)) if value else None

    def set_library_path(self, path: Path) -> None:
        self.qsettings.setValue("library/path", str(path))
        libraries = [str(path)] + [p for p in self.recent_libraries() if p != str(path)]
        self.qsettings.setValue("library/recent", libraries[:MAX_RECENT])
        self.qsettings.sync()  # a choice must survive a crash of this window too

    def recent_libraries(self) -> list[str]:
        value = self.qsettings.value("library/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def clear_recent_libraries(self) -> None:
        self.qsettings.setValue("library/recent", [str(p) for p in [self.library_path()] if p])

    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def font_size(self, default: float) -> float:
        try:
            return float(self.qsettings.value("view/font_size", default))
        except (TypeError, ValueError):
            return default

    def set_font_size(self, size: float) -> None:
        self.qsettings.setValue("view/font_size", size)

    def theme(self) -> str:
        value = str(self.qsettings.value("view/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.qsettings.setValue("view/theme", theme)

    def hidden_categories(self) -> set[str]:
        value = self.qsettings.value("view/hidden_categories", [])
        if isinstance(value, str):
            value = [value] if value else []
        return {str(v) for v in (value or []) if v in CATEGORIES}

    def set_hidden_categories(self, hidden: set[str]) -> None:
        self.qsettings.setValue("view/hidden_categories", sorted(hidden))

    # Preferences (desktop/ui/preferences.py).
    def model(self, default: str) -> str:
        return str(self.qsettings.value("analysis/model", "") or default)

    def set_model(self, name: str) -> None:
        self.qsettings.setValue("analysis/model", name)

    def font_family(self) -> str:
        """The reading font; "" for the built-in serif list (article_view.SERIF_FAMILIES)."""
        return str(self.qsettings.value("view/font_family", "") or "")

    def set_font_family(self, family: str) -> None:
        self.qsettings.setValue("view/font_family", family)

    def processes(self) -> int:
        """Processes one analysis in the window may use (1 keeps a core for the window)."""
        try:
            return max(1, int(self.qsettings.value("analysis/processes", 1)))
        except (TypeError, ValueError):
            return 1

    def set_processes(self, processes: int) -> None:
        self.qsettings.setValue("analysis/processes", max(1, int(processes)))
