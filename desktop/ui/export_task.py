"""File ▸ Export Annotations…: the library's annotations to CSV or JSON Lines, in a worker.

The format follows the save dialog's filter (or the name's suffix). "Export Automatic Highlights Too"
adds the names, quotes and numbers of each article's cached analysis. It runs on the store worker's
export lane (store_worker.py), with a read-only Library of its own (the store's advice for long reads):
`write_export` writes a temporary file and renames it, so a cancelled or failed export leaves no half
file. Cancel interrupts the read. The GUI thread neither reads the library nor writes the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QToolButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from desktop.ui.analysis_status import AnalysisStatus
    from desktop.ui.library_status import LibraryStatus
    from desktop.ui.settings import AppSettings
    from desktop.ui.store_worker import StoreWorker
    from desktop.ui.window_actions import WindowActions


class ExportHost(Protocol):
    """What an export needs of the window: its actions, settings, status line and status bar."""

    actions_: WindowActions
    settings: AppSettings
    status: AnalysisStatus

    def statusBar(self) -> QStatusBar: ...


FILTERS = {"csv": "CSV, for spreadsheets (*.csv)", "jsonl": "JSON Lines, for programs (*.jsonl)"}


def choose_target(window: ExportHost, start: str) -> tuple[Path, str] | None:
    """Ask where to export; (path with its suffix, "csv" | "jsonl"), or None when cancelled."""
    name, chosen = QFileDialog.getSaveFileName(window, "Export Annotations", start, ";;".join(FILTERS.values()))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() in (".csv", ".jsonl"):
        fmt = path.suffix.lower()[1:]
    else:
        fmt = "jsonl" if chosen == FILTERS["jsonl"] else "csv"
        path = path.with_name(f"{path.name}.{fmt}")
    return path, fmt


class ExportTask(QObject):

    def __init__(self, window: ExportHost, library_status: LibraryStatus, store: StoreWorker):
        super().__init__(window)
        self.window = window
        self.library_status = library_status
        self.store = store
        self.running = False
        self.error_box: QMessageBox | None = None
        self.last_result: tuple[Path, int] | None = None
        self._cancelled = False
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        actions = window.actions_
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(actions.cancel_export)
        window.statusBar().addPermanentWidget(self.progress)
        window.statusBar().addPermanentWidget(self.cancel_button)
        actions.export.triggered.connect(lambda: self._on_export())
        actions.cancel_export.triggered.connect(self.cancel)
        auto = window.settings.value("export/include_auto", False)
        actions.export_auto.setChecked(str(auto).lower() in ("true", "1"))
        actions.export_auto.toggled.connect(lambda on: window.settings.set_value("export/include_auto", on))
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.window.actions_.cancel_export.setEnabled(running)
        self.window.actions_.export.setEnabled(not running and self.library_status.library is not None)

    def export_documents(self, document_ids: list[int]) -> None:
        """Export the annotations of these articles only (the Library view's selection)."""
        self._on_export(document_ids)

    def _on_export(self, document_ids: list[int] | None = None) -> None:
        library = self.library_status.library
        if library is None or self.running:
            self.window.status.say(self.library_status.reason or "An export is already running.")
            return
        settings = self.window.settings
        start = str(settings.value("export/folder", str(Path.home())))
        chosen = choose_target(self.window, str(Path(start) / "factlight-annotations.csv"))
        if chosen is None:
            return
        target, fmt = chosen
        settings.set_value("export/folder", str(target.parent))
        self.start(target, fmt, self.window.actions_.export_auto.isChecked(), document_ids)

    def start(self, target: Path, fmt: str, include_auto: bool, document_ids: list[int] | None = None) -> None:
        self._cancelled = False
        self._set_running(True)
        self.window.status.say(f"Exporting annotations to {target.name}…")

        def call(reader: Any) -> int:
            from desktop.store.export import write_export

            if self._cancelled:
                return -1
            return write_export(reader, target, fmt, document_ids, include_auto=include_auto)

        self.store.submit_export(call, lambda count: self._on_done(target, count), lambda message: self._on_failed(target, message))

    def cancel(self) -> None:
        if self.running:
            self._cancelled = True
            self.store.interrupt_export()

    def _stopped(self) -> bool:
        """The export has ended; True (and said so) when the reader had cancelled it."""
        self._set_running(False)
        if self._cancelled:
            self.window.status.say("Export cancelled; no file was written.")
        return self._cancelled

    def _on_done(self, target: Path, count: int) -> None:
        if self._stopped():
            return
        self.last_result = (target, count)
        self.window.status.say(f"Exported {count:,} annotation{'s' if count != 1 else ''} to {target}.")

    def _on_failed(self, target: Path, message: str) -> None:
        if self._stopped():
            return
        text = f"The annotations could not be exported to {target}: {message}"
        self.window.status.say(text)
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Export failed", text, QMessageBox.StandardButton.Ok, self.window)
        self.error_box.setWindowModality(Qt.WindowModality.NonModal)
        self.error_box.show()
