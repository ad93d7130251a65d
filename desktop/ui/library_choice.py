"""Which library the window uses: File ▸ New Library…, Open Library…, Open Recent Library; the choice lasts.

At start the library is `--db`, else FACTLIGHT_DB, else the one the reader last chose in the window
(settings), else library.db in the user data folder. Choosing one (also "Start a New Library" after a
bad library) is saved in the settings at once, so the next launch opens it with its notes. Switching
closes the article shown and shows the Library view of the library chosen. The window title and a
status-bar label name the library.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.config import DB_ENV, default_db_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from desktop.ui.analysis_status import AnalysisStatus
    from desktop.ui.settings import AppSettings
    from desktop.ui.window_actions import WindowActions


class LibraryChoiceHost(Protocol):
    """What choosing a library needs of the window."""

    actions_: WindowActions
    annotations: Any  # the AnnotationController, which opens the chosen library on the store worker
    settings: AppSettings
    status: AnalysisStatus

    def close_document(self) -> None: ...
    def show_library(self) -> None: ...
    def update_title(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...


LIBRARY_FILTER = "Factlight libraries (*.db);;All files (*)"


def starting_library(settings: AppSettings, explicit: Path | None) -> Path:
    """--db, else FACTLIGHT_DB, else the library chosen in the window, else library.db in the data folder."""
    if explicit is not None:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    chosen = settings.library_path()
    return chosen if chosen is not None else default_db_path()


class LibraryChoice(QObject):
    def __init__(self, window: LibraryChoiceHost) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.status = window.annotations.library_status
        self.label = QLabel()
        window.statusBar().addPermanentWidget(self.label)
        a = window.actions_
        a.new_library.triggered.connect(self._on_new_library)
        a.open_library.triggered.connect(self._on_open_library)
        a.recent_libraries_menu.aboutToShow.connect(self._fill_recent)
        self.status.changed.connect(self._on_changed)
        self.status.new_library_started.connect(self.remember)
        self._on_changed()

    @property
    def name(self) -> str:
        return self.status.path.name if self.status.path is not None else "no library"

    def remember(self, path: Path) -> None:
        """The reader chose this library: it is the one the next launch opens."""
        self.settings.set_library_path(Path(path).expanduser().resolve())

    def switch(self, path: Path) -> None:
        path = Path(path).expanduser().resolve()
        self.remember(path)
        self.window.close_document()
        self.window.show_library()
        self.status.open(path)

    def _start_folder(self) -> str:
        return str(self.status.path.parent) if self.status.path is not None else str(Path.home())

    def _on_new_library(self) -> None:
        name, _chosen = QFileDialog.getSaveFileName(
            self.window, "New Library", str(Path(self._start_folder()) / "library.db"), LIBRARY_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".db":
            path = path.with_name(path.name + ".db")
        if path.exists():
            # Never emptied or overwritten: choosing an existing file opens it.
            self.window.status.say(f"{path} already exists; it is opened as it is.")
        self.switch(path)

    def _on_open_library(self) -> None:
        name, _chosen = QFileDialog.getOpenFileName(self.window, "Open Library", self._start_folder(), LIBRARY_FILTER)
        if name:
            self.switch(Path(name))

    def _fill_recent(self) -> None:
        menu = self.window.actions_.recent_libraries_menu
        menu.clear()
        current = str(self.status.path.resolve()) if self.status.path is not None else None
        for path in self.settings.recent_libraries():
            action = menu.addAction(Path(path).name, lambda p=path: self.switch(Path(p)))
            action.setToolTip(path)
            action.setCheckable(True)
            action.setChecked(path == current)
        if menu.isEmpty():
            menu.addAction("No recent libraries").setEnabled(False)

    def _on_changed(self) -> None:
        path = self.status.path
        text = f"Library: {self.name}"
        if self.status.library is not None and self.status.library.read_only:
            text += " (read-only)"
        self.label.setText(text)
        self.label.setToolTip(str(path) if path is not None else "")
        self.window.update_title()
