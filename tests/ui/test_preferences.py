"""Edit ▸ Preferences…: each setting takes effect in the open window at once, and is there at the next start."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QDialogButtonBox

from desktop.config import DEFAULT_MODEL, MODEL_ENV
from desktop.resources import sample_article
from desktop.ui.article_view import SERIF_FAMILIES
from desktop.ui.preferences import BUILT_IN_FONT, installed_pipelines
from desktop.ui.settings import AppSettings
from tests.ui.conftest import ANALYSIS_TIMEOUT_MS, wait_for_highlights


@pytest.fixture(autouse=True)
def no_model_from_the_environment(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)


def open_preferences(qtbot, window):
    window.actions_.preferences.trigger()
    dialog = window.preferences.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    qtbot.waitUntil(lambda: dialog.model.findData(DEFAULT_MODEL) >= 0)  # the installed list has arrived
    return dialog


def press(dialog, button=QDialogButtonBox.StandardButton.Ok) -> None:
    dialog.buttons.button(button).click()


def reread(settings: AppSettings) -> AppSettings:
    assert settings.written()
    return AppSettings(settings.file_name)


def test_the_installed_pipelines_are_listed_without_importing_spacy():
    assert DEFAULT_MODEL in installed_pipelines()
    probe = "import sys; from desktop.ui.preferences import installed_pipelines as p; print(p(), 'spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("False") and DEFAULT_MODEL in done.stdout


def test_the_theme_changes_at_once_and_is_remembered(qtbot, window, settings):
    assert not window.dark
    dialog = open_preferences(qtbot, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    press(dialog)
    assert window.dark
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    assert window.actions_.themes["dark"].isChecked()
    assert reread(settings).theme() == "dark"
    dialog = open_preferences(qtbot, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    press(dialog, QDialogButtonBox.StandardButton.Apply)  # Apply keeps the dialog open
    assert not window.dark and dialog.isVisible()
    press(dialog, QDialogButtonBox.StandardButton.Cancel)


def test_the_reading_font_and_size_re_render_the_article(qtbot, analysed_window, settings, make_window):
    window = analysed_window
    family = next(f for f in QFontDatabase.families() if f not in SERIF_FAMILIES and not QFontDatabase.isPrivateFamily(f))
    dialog = open_preferences(qtbot, window)
    dialog.font.setCurrentIndex(dialog.font.findData(family))
    dialog.size.setValue(17.5)
    press(dialog)
    assert window.view.font().family() == family and window.view.font().pointSizeF() == 17.5
    assert window.view.document().defaultFont().family() == family  # the text is laid out in it
    assert window.view.document().defaultFont().pointSizeF() == 17.5
    assert window.index.counts and not window.view.painting  # the highlights stay
    again = reread(settings)
    assert (again.font_family(), again.font_size(13.0)) == (family, 17.5)
    second = make_window(again)
    assert second.view.font().family() == family and second.view.font().pointSizeF() == 17.5
    dialog = open_preferences(qtbot, window)
    dialog.font.setCurrentIndex(dialog.font.findText(BUILT_IN_FONT))
    assert dialog.font.currentData() == ""
    press(dialog)
    assert window.view.font().families() == list(SERIF_FAMILIES)
    assert reread(settings).font_family() == ""


def test_the_process_count_applies_to_the_next_analysis(qtbot, window, settings):
    dialog = open_preferences(qtbot, window)
    dialog.processes.setValue(min(2, dialog.processes.maximum()))
    chosen = dialog.processes.value()
    press(dialog)
    assert reread(settings).processes() == chosen
    with qtbot.waitSignal(window.analysis_client.analysis_started, timeout=ANALYSIS_TIMEOUT_MS) as started:
        window.open_file(sample_article())
    assert started.args[1] == chosen  # what the analysis process itself was set to for this job
    wait_for_highlights(qtbot, window)
    dialog = open_preferences(qtbot, window)
    dialog.processes.setValue(1)
    press(dialog)
    other = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "aljazeera-nasa-moon-landers.txt"
    with qtbot.waitSignal(window.analysis_client.analysis_started, timeout=ANALYSIS_TIMEOUT_MS) as started:
        window.open_file(other)
    assert started.args[1] == 1


@pytest.fixture
def copied_pipeline(tmp_path: Path) -> Path:
    """The standard pipeline saved under another version: a second installed-looking pipeline (a path)."""
    package = Path(find_spec(DEFAULT_MODEL).submodule_search_locations[0])
    data = next(p for p in package.iterdir() if p.is_dir() and p.name.startswith(DEFAULT_MODEL))
    copy = tmp_path / "pipeline-copy"
    shutil.copytree(data, copy)
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    meta["version"] = "9.9.9"
    (copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return copy


def test_a_new_pipeline_restarts_the_analysis_and_re_analyses_the_article(
    qtbot, analysed_window, settings, copied_pipeline, monkeypatch
):
    window = analysed_window
    assert window.analysis.model_name == DEFAULT_MODEL
    old_client = window.analysis_client
    old_process = old_client._service._process
    assert old_process is not None and old_process.is_alive()
    monkeypatch.setattr("desktop.ui.preferences.installed_pipelines", lambda: [DEFAULT_MODEL, str(copied_pipeline)])
    dialog = open_preferences(qtbot, window)
    qtbot.waitUntil(lambda: dialog.model.findData(str(copied_pipeline)) >= 0)
    dialog.model.setCurrentIndex(dialog.model.findData(str(copied_pipeline)))
    press(dialog)
    assert window.analysis_client is not old_client
    assert not old_process.is_alive()  # the old pipeline's process was shut down
    qtbot.waitUntil(lambda: window.analysis is not None and window.analysis.model_version == "9.9.9",
                    timeout=ANALYSIS_TIMEOUT_MS)
    assert window.analysis.model_name == str(copied_pipeline)
    assert window.analysis.entities  # the same pipeline underneath finds the same names
    assert reread(settings).model(DEFAULT_MODEL) == str(copied_pipeline)



def test_the_window_says_when_its_settings_cannot_be_saved(make_window, qtbot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings' folder should be", encoding="utf-8")
    settings = AppSettings(blocker / "factlight.ini")  # even root cannot make that folder
    window = make_window(settings)
    settings.set_theme("dark")
    qtbot.waitUntil(lambda: "Settings could not be saved" in window.statusBar().currentMessage(), timeout=10_000)
    message = window.statusBar().currentMessage()
    assert str(blocker) in message  # the reason names the folder it could not make
    assert settings.theme() == "dark"  # the window goes on with what was chosen
