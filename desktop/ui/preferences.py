"""Edit ▸ Preferences…: the spaCy pipeline, theme, reading font and size, and analysis processes.

Every choice is saved in AppSettings and takes effect at once: a new pipeline replaces the analysis process
and the open article is analysed again, the theme and font re-render the window, the number of processes
applies to the next analysis. The dialog only edits a `Preferences` value; `PreferencesController` saves it
and hands each change to the window through the three callables of `PreferenceTargets`, all it knows of
the window. The installed pipelines are read from package metadata (the `spacy_models` entry points that
spaCy's own registry reads) in a worker, without importing spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import metadata

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from desktop.config import DEFAULT_MODEL, MODEL_ENV, ModelChoice
from desktop.ui.article_view import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE
from desktop.ui.settings import THEMES, AppSettings
from desktop.ui.workers import TaskRunner

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
BUILT_IN_FONT = "Built-in serif (Charter, Georgia, …)"


@dataclass(frozen=True)
class Preferences:
    model: str
    theme: str
    font_family: str  # "" for the built-in serif list
    font_size: float
    processes: int

    @classmethod
    def from_settings(cls, settings: AppSettings, model: str) -> Preferences:
        return cls(model, settings.theme(), settings.font_family(), settings.font_size(DEFAULT_POINT_SIZE),
                   settings.processes())


@dataclass(frozen=True)
class PreferenceTargets:
    """What the controller may do to the window."""

    set_theme: Callable[[str], None]
    set_reading_font: Callable[[str, float], None]  # family ("" built-in), point size
    switch_model: Callable[[ModelChoice], None]
    notice: Callable[[str], None]  # a one-line message that stays a while in the status bar


def chosen_model(settings: AppSettings, override: str | None = None) -> ModelChoice:
    """--model, else FACTLIGHT_MODEL, else the pipeline chosen in Preferences, else the default."""
    return ModelChoice.from_environment(override or os.environ.get(MODEL_ENV) or settings.model(DEFAULT_MODEL))


def installed_pipelines() -> list[str]:
    """The spaCy pipeline packages installed, as spacy.util.get_installed_models() lists them."""
    return sorted({entry.name for entry in metadata.entry_points(group="spacy_models")})


class PreferencesDialog(QDialog):
    applied = Signal(object)  # Preferences, on OK and Apply

    def __init__(self, current: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.current = current
        self.model = QComboBox()
        self.model.setToolTip("The spaCy pipeline that finds names, quotes and numbers (installed packages)")
        self.set_pipelines([])
        self.theme = QComboBox()
        for theme in THEMES:
            self.theme.addItem(THEME_LABELS[theme], theme)
        self.theme.setCurrentIndex(THEMES.index(current.theme))
        self.font = QComboBox()  # not a QFontComboBox: its model takes no "built-in" entry
        self.font.addItem(BUILT_IN_FONT, "")
        for family in QFontDatabase.families():
            if not QFontDatabase.isPrivateFamily(family):
                self.font.addItem(family, family)
        self.font.setCurrentIndex(max(0, self.font.findData(current.font_family)))
        self.size = QDoubleSpinBox()
        self.size.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.size.setDecimals(1)
        self.size.setSuffix(" pt")
        self.size.setValue(current.font_size)
        self.processes = QSpinBox()
        self.processes.setRange(1, max(1, os.cpu_count() or 1))
        self.processes.setValue(min(current.processes, self.processes.maximum()))
        self.processes.setToolTip("Processes a long article's analysis may use; 1 keeps a core for the window")
        form = QFormLayout(self)
        form.addRow("spaCy &pipeline:", self.model)
        form.addRow("&Theme:", self.theme)
        form.addRow("Reading &font:", self.font)
        form.addRow("Font &size:", self.size)
        form.addRow("Analysis pro&cesses:", self.processes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(lambda: self.applied.emit(self.chosen()))
        form.addRow(buttons)
        self.buttons = buttons

    def set_pipelines(self, names: list[str]) -> None:
        """The installed pipelines, the current one first if it is not among them (a path, say)."""
        chosen = self.model.currentData() or self.current.model
        self.model.clear()
        for name in ([self.current.model] if self.current.model not in names else []) + names:
            self.model.addItem(name, name)
        self.model.setCurrentIndex(max(0, self.model.findData(chosen)))

    def chosen(self) -> Preferences:
        return Preferences(self.model.currentData() or self.current.model, self.theme.currentData(), self.font.currentData(),
                           self.size.value(), self.processes.value())

    def _on_ok(self) -> None:
        self.applied.emit(self.chosen())
        self.accept()


class PreferencesController(QObject):
    """Opens the dialog, saves what it chose and applies each change (only what changed).

    It also tells the reader when the settings file could not be written (a read-only folder, a full
    disk): the window goes on with the chosen settings, which are then lost when it closes.
    """

    _settings_unsaved = Signal(str)  # from the settings' writer thread

    def __init__(self, settings: AppSettings, current_model: Callable[[], str], targets: PreferenceTargets,
                 tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.current_model = current_model
        self.targets = targets
        self.tasks = tasks
        self.dialog: PreferencesDialog | None = None
        # The settings file is written by a thread of its own; its failures arrive here queued.
        self._settings_unsaved.connect(self._on_settings_unsaved)
        listener = self._settings_unsaved.emit
        settings.watch_write_failures(listener)
        self.destroyed.connect(lambda: settings.unwatch_write_failures(listener))

    def _on_settings_unsaved(self, message: str) -> None:
        self.targets.notice(f"Settings could not be saved ({message}); they hold until Factlight closes.")

    def current(self) -> Preferences:
        return Preferences.from_settings(self.settings, self.current_model())

    def open(self, parent: QWidget | None = None) -> PreferencesDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        self.dialog = PreferencesDialog(self.current(), parent)
        self.dialog.applied.connect(self.apply)
        dialog = self.dialog
        self.tasks.start(installed_pipelines, dialog.set_pipelines, lambda _message: None)
        dialog.open()
        return dialog

    def apply(self, chosen: Preferences) -> None:
        before = self.current()
        self.settings.set_theme(chosen.theme)
        self.settings.set_font_family(chosen.font_family)
        self.settings.set_font_size(chosen.font_size)
        self.settings.set_processes(chosen.processes)
        self.settings.set_model(chosen.model)
        if chosen.theme != before.theme:
            self.targets.set_theme(chosen.theme)
        if (chosen.font_family, chosen.font_size) != (before.font_family, before.font_size):
            self.targets.set_reading_font(chosen.font_family, chosen.font_size)
        if chosen.model != before.model:
            self.targets.switch_model(replace(ModelChoice.from_environment(), name=chosen.model))
