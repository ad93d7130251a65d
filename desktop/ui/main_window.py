"""The main window: a coordinator that wires the article view, legend, panels, workers and settings.

It owns no drawing, no reading and no analysis; each part is its own class. `self.opener`
(document_opener.py) reads files, pasted text and the library's articles; `self.store`
(store_worker.py) is the one path to the library, off the GUI thread; the reader's annotations are
`self.annotations` (annotations.py); moving about the highlights is `self.navigation` (navigation.py).
After a document is shown the window asks the library for its cached analysis (`annotations.cache`)
and runs spaCy only when there is none; every analysis is shown with the reader's corrections applied
(prepare_presentation, in a worker), and shown again when a verdict changes.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QMimeData, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.analysis.records import Analysis
from desktop.config import ModelChoice
from desktop.documents import Document
from desktop.ui.analysis_status import AnalysisStatus
from desktop.ui.annotations import AnnotationController
from desktop.ui.article_view import DEFAULT_POINT_SIZE, ArticleView
from desktop.ui.descriptions import tooltip_text
from desktop.ui.docks import build_docks, panel_toggles
from desktop.ui.document_opener import DocumentOpener, OpeningTargets
from desktop.ui.find_bar import FindBar
from desktop.ui.highlights import Highlight, HighlightIndex
from desktop.ui.legend import LegendBar
from desktop.ui.library_choice import LibraryChoice, starting_library
from desktop.ui.library_controller import LibraryController
from desktop.ui.library_pages import LibraryPages
from desktop.ui.library_window import LibraryWindow
from desktop.ui.navigation import HighlightNavigation, NavigationParts
from desktop.ui.overview_strip import OverviewStrip
from desktop.ui.palette import CATEGORIES
from desktop.ui.preferences import PreferencesController, PreferenceTargets, chosen_model
from desktop.ui.presentation import Presentation, completed, prepare_presentation
from desktop.ui.release import release_later
from desktop.ui.settings import AppSettings
from desktop.ui.store_worker import StoreWorker
from desktop.ui.theme import apply_theme
from desktop.ui.window_actions import WindowActions, file_filters
from desktop.ui.workers import AnalysisClient, TaskRunner

__all__ = ["MainWindow", "file_filters"]


class MainWindow(LibraryWindow, QMainWindow):
    document_shown = Signal(object)  # Document, or None when the article is closed
    analysis_shown = Signal(object)  # Analysis
    highlights_ready = Signal()
    analysis_failed = Signal(str)
    library_loaded = Signal(int)  # the Library view's list was read: how many articles
    import_finished = Signal(object)  # ImportSummary

    _presentations = itertools.count(1)  # jobs of cached and re-shown analyses count down from -1

    def __init__(self, settings: AppSettings | None = None, model: ModelChoice | None = None, db_path: Path | None = None):
        super().__init__()
        self.settings = settings or AppSettings()
        self.document: Document | None = None
        self.analysis: Analysis | None = None  # as shown: the reader's corrections applied
        self.raw_analysis: Analysis | None = None  # as the engine (or the cache) gave it
        self.analysis_from_cache = False
        self.index = HighlightIndex()
        # The application's pool: deleting a window's own pool would wait for its tasks (closing.py).
        self.thread_pool = QThreadPool.globalInstance()
        self.tasks = TaskRunner(self.thread_pool, self)
        self.store = StoreWorker(self)
        self.dark = False
        self._job: int | None = None
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.actions_ = WindowActions(self)
        self._build_widgets()
        self.actions_.build_menus(self, panel_toggles(self))
        self._connect()
        parts = NavigationParts(self.view, self.details_panel, self.details_dock, self.facts_panel, self.find_bar, lambda: self.index, lambda: self.analysis)
        self.navigation = HighlightNavigation(parts, self.actions_, self)
        self._restore_settings()
        self.annotations = AnnotationController(self, starting_library(self.settings, db_path))
        self.annotations.cache.analysis_fetched.connect(self._on_analysis_fetched)
        self.annotations.verdicts_changed.connect(self.show_again)
        opening = OpeningTargets(self.show_opened, self.pages.show_reader, self.pages.reveal_when_loaded, self.status.say, lambda: self.document)
        self.opener = DocumentOpener(self, opening, self.tasks, self.store, self.settings, self.actions_)
        self._attach_analysis(model or chosen_model(self.settings))
        targets = PreferenceTargets(self.set_theme, self.view.set_reading_font, self.switch_model, self.status.notice)
        self.preferences = PreferencesController(self.settings, lambda: self.analysis_client.model.name, targets, self.tasks, self)
        self.actions_.preferences.triggered.connect(lambda: self.preferences.open(self))
        self.library = LibraryController(self)
        self.library_choice = LibraryChoice(self)

    def _attach_analysis(self, model: ModelChoice) -> None:
        # spaCy loads once the first article is shown (or analysed): not while a cached one is read.
        self.analysis_client = AnalysisClient(model, self, start=False, processes=self.settings.processes)
        self.analysis_client.model_loaded.connect(self._on_model_loaded)
        self.analysis_client.model_failed.connect(self._on_model_failed)
        self.analysis_client.analysis_progressed.connect(self._on_analysis_progressed)
        self.analysis_client.analysis_finished.connect(self._on_analysis_finished)
        self.analysis_client.analysis_failed.connect(self._on_analysis_failed)

    def switch_model(self, model: ModelChoice) -> None:
        """Another pipeline (Preferences): its process replaces the old one, and the article is analysed again."""
        self.cancel_analysis(quiet=True)
        self.analysis_client.close()
        self._attach_analysis(model)
        if self.document is not None:  # through the cache, which keeps one analysis per pipeline
            self.show_opened(self.document)

    # Building.
    def _build_widgets(self) -> None:
        self.view = ArticleView()
        self.view.setAcceptDrops(False)
        self.view.tooltip_for = lambda h: tooltip_text(self.analysis, h) if self.analysis else ""
        self.strip = OverviewStrip()
        self.legend = LegendBar(self.actions_.categories)
        self.find_bar = FindBar(self.view)
        article = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.view, 1)
        row.addWidget(self.strip)
        column = QVBoxLayout(article)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.legend)
        column.addLayout(row, 1)
        column.addWidget(self.find_bar)
        self.pages = LibraryPages(self, article)
        self.library_panel = self.pages.panel
        self.view.setFocus()  # the reader's keys go to the article, not to the first legend entry
        build_docks(self)
        self.status = AnalysisStatus(self.statusBar(), self.actions_.cancel_analysis)

    def _connect(self) -> None:
        a = self.actions_
        a.cancel_analysis.triggered.connect(self.cancel_analysis)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self.view.copy)
        a.find.triggered.connect(self.find_bar.open_bar)
        a.find_next.triggered.connect(self.find_bar.find_next)
        a.find_previous.triggered.connect(self.find_bar.find_previous)
        for action in a.categories.values():
            action.toggled.connect(self._on_category_toggled)
        a.show_all.triggered.connect(lambda: [act.setChecked(True) for act in a.categories.values()])
        a.zoom_in.triggered.connect(self.view.zoom_in)
        a.zoom_out.triggered.connect(self.view.zoom_out)
        a.reset_zoom.triggered.connect(self.view.reset_zoom)
        for theme, action in a.themes.items():
            action.triggered.connect(lambda _checked=False, t=theme: self.set_theme(t))
        a.about.triggered.connect(lambda: QMessageBox.about(self, f"About {APP_NAME}", f"{APP_NAME} {__version__}\nAn offline reader for news articles."))
        self.view.font_size_changed.connect(self.settings.set_font_size)
        self.view.highlights_painted.connect(self.highlights_ready)
        self.strip.follow(self.view.verticalScrollBar())
        self.strip.jump_requested.connect(lambda offset: self.view.reveal(offset))
        self.find_bar.closed.connect(self.view.setFocus)
        self.details_panel.article_requested.connect(lambda d, s, e: self.opener.open_stored(d, s, e))
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_system_scheme_changed)

    def _restore_settings(self) -> None:
        geometry, state = self.settings.geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)
        self.view.set_reading_font(self.settings.font_family(), self.settings.font_size(DEFAULT_POINT_SIZE))
        hidden = self.settings.hidden_categories()
        for category, action in self.actions_.categories.items():
            action.setChecked(category not in hidden)
        self.set_theme(self.settings.theme())

    # Opening documents (document_opener.py reads them).
    def open_file(self, path: str | Path) -> None:
        """Load `path` in the background; the current article stays until the new one is ready."""
        self.opener.open_file(path)

    def open_pasted(self, mime: QMimeData | None) -> bool:
        return self.opener.open_pasted(mime)

    def show_opened(self, document: Document) -> None:
        """Show a document just read; the library may hold its analysis, spaCy runs only when it does not."""
        self.cancel_analysis(quiet=True)
        self.show_document(document, held=True)  # the rest of its text waits for the library's answer
        self._job = -next(self._presentations)
        self.status.set_busy(True)
        self.status.say("Looking in the library…")
        self.annotations.cache.fetch(self._job, document, self.analysis_client.model.name)

    def _on_analysis_fetched(self, job: int, cached: Presentation | None) -> None:
        if job != self._job or self.document is None:
            return
        self.view.release_rest()
        if cached is not None:  # prepared with the reader's corrections in the same worker
            self.analysis_from_cache = True
            self._on_presentation_prepared(job, cached)
            return
        self._job = self.analysis_client.analyze(self.document.text)
        self._show_analysis_status()

    def show_document(self, document: Document, held: bool = False) -> None:
        shown = (self.analysis, self.raw_analysis, self.index)
        self.document, self.analysis, self.raw_analysis, self.index = document, None, None, HighlightIndex()
        self.analysis_from_cache = False
        self.view.show_text(document.text, held)
        self.update_title()
        self.legend.set_counts(None)
        self.strip.clear()
        self.details_panel.set_analysis(None, document.text)
        self.details_panel.page_of = document.page_at if document.pages else None
        self.notes_panel.set_page_of(self.details_panel.page_of)
        self.document_shown.emit(document)
        release_later(self.tasks, *shown, self.facts_panel.set_tree(None))  # freed in a worker, not here

    # Analysis.
    def cancel_analysis(self, quiet: bool = False) -> None:
        if self._job is not None:
            self.analysis_client.cancel(self._job)
            self._job = None
            if not quiet:
                self.status.say("Analysis cancelled.")
        self.status.set_busy(False)

    def _show_analysis_status(self) -> None:
        if self.analysis_client.model_ready:
            self.status.analysing()
        else:
            self.status.waiting_for_model()

    def _on_model_loaded(self, _name: str, _version: str) -> None:
        if self._job is not None:
            self._show_analysis_status()

    def _on_model_failed(self, message: str) -> None:
        self._job = None
        self.status.set_busy(False)
        self.status.say(message)
        self.analysis_failed.emit(message)

    def _on_analysis_progressed(self, job: int, fraction: float) -> None:
        if job == self._job:
            self.status.set_fraction(fraction)

    def _on_analysis_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._job = None
            self.status.set_busy(False)
            self.status.say(message)
            self.analysis_failed.emit(message)

    def _on_analysis_finished(self, job: int, analysis: Analysis) -> None:
        if job != self._job or self.document is None:
            return
        self.annotations.cache.save(self.document, analysis, self.analysis_client.payloads.pop(job, None))
        self._present(job, analysis)

    def _present(self, job: int, analysis: Analysis) -> None:
        # Corrections, indexes and strip marks take tens of ms per MB: prepared in a worker.
        self.status.say("Preparing the highlights…")
        text, verdicts = self.document.text, self.annotations.corrections()
        self.tasks.start(lambda: prepare_presentation(analysis, text, verdicts, complete=True), lambda p: self._on_presentation_prepared(job, p), self.status.say)

    def show_again(self) -> None:
        """A verdict changed: show the same analysis with the reader's corrections as they are now."""
        # A presentation still on its way (negative job) is superseded: its result is then ignored.
        if self.raw_analysis is not None and self.document is not None and (self._job is None or self._job < 0):
            self._job = -next(self._presentations)
            self._present(self._job, self.raw_analysis)

    def _on_presentation_prepared(self, job: int, p: Presentation) -> None:
        if job != self._job or self.document is None:
            return
        self._job = None
        self.status.set_busy(False)
        current = self.view.current
        old = (self.raw_analysis, self.analysis, self.index)
        self.raw_analysis, self.analysis, self.index = p.raw, p.analysis, p.index
        self.view.show_highlights(p.index)
        self.legend.set_counts(dict(p.index.counts))
        # Strip marks and Facts tree follow in a turn of their own (from a worker if cached), so highlights show sooner.
        if p.complete:
            self.view.after_painting(lambda: QTimer.singleShot(0, self, lambda: self._on_completed(p)))
        else:
            self.view.after_painting(lambda t=self.document.text: self.tasks.start(lambda: completed(p, t), self._on_completed, self.status.say))
        self.details_panel.set_analysis(p.analysis, self.document.text)
        self.navigation.reselect(current)
        self.status.say(f"{len(p.analysis.entities)} names, {len(p.analysis.quotes)} quotes, {len(p.analysis.numbers)} numbers · {p.analysis.model_name} {p.analysis.model_version}")
        self.analysis_shown.emit(p.analysis)
        self.analysis_client.warm_up()
        release_later(self.tasks, *(o for o, new in zip(old, (p.raw, p.analysis, p.index), strict=True) if o is not new))

    def _on_completed(self, p: Presentation) -> None:
        if p.analysis is self.analysis and self.document is not None:
            self.strip.set_bins(p.strip_bins or {}, len(self.document.text))
            release_later(self.tasks, self.facts_panel.set_tree(p.facts))  # once no view reaches its nodes

    # Highlights, details and navigation.
    def shown_categories(self) -> set[str]:
        return {c for c, action in self.actions_.categories.items() if action.isChecked()}

    def _on_category_toggled(self, _checked: bool) -> None:
        shown = self.shown_categories()
        self.view.set_shown(shown)
        self.strip.set_shown(shown)
        self.settings.set_hidden_categories(set(CATEGORIES) - shown)

    def show_details(self, highlight: Highlight) -> None:
        self.navigation.show_details(highlight)

    # Theme, recent files, window.
    def set_theme(self, theme: str) -> None:
        self.settings.set_theme(theme)
        self.actions_.themes[theme].setChecked(True)
        self.dark = apply_theme(QApplication.instance(), theme)
        for part in (self.view.apply_theme, self.legend.set_dark, self.strip.set_dark, self.facts_panel.set_dark, self.notes_panel.set_dark):
            part(self.dark)
        self.details_panel.dark = self.dark

    def _on_system_scheme_changed(self) -> None:
        if self.settings.theme() == "system":
            self.set_theme("system")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if any(url.isLocalFile() for url in mime.urls()) or mime.hasHtml() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if any(url.isLocalFile() for url in mime.urls()):
            self.pages.drop(event)  # one file opens; a folder or several files are imported
        elif (mime.hasHtml() or mime.hasText()) and self.open_pasted(mime):
            event.acceptProposedAction()  # text dragged from a browser or an editor: a new article

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.cancel_analysis(quiet=True)
        self.analysis_client.detach()
        self.annotations.exporter.cancel()
        self.library.close()
        self.store.close()  # its last writes are committed after the window has gone (closing.py)
        super().closeEvent(event)
