"""The status bar's analysis part: a message, a progress bar while the analysis runs, and Cancel.

The message is always one line that never widens the window: a passage quoted in it may hold line
breaks, and a two-line message made the status bar taller, so the whole window laid itself out and
repainted again (twice per highlight: 20–40 ms of the GUI thread in a long article).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QToolButton

NOTICE_MS = 20_000  # how long a notice stays over the status line


class AnalysisStatus:
    def __init__(self, status_bar: QStatusBar, cancel: QAction):
        self.status_bar = status_bar
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(cancel)
        self.cancel_button.setText("Cancel")
        self.cancel_action = cancel
        status_bar.addWidget(self.label, 1)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)
        self.set_busy(False)

    def say(self, text: str) -> None:
        self.label.setText(" ".join(text.split()))

    def notice(self, text: str) -> None:
        """A message that stays a while over the status line, whatever the analysis says meanwhile."""
        self.status_bar.showMessage(" ".join(text.split()), NOTICE_MS)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_action.setEnabled(busy)
        if busy:
            self.progress.setValue(0)

    def waiting_for_model(self) -> None:
        self.say("Loading the language model…")
        self.progress.setRange(0, 0)  # no fraction is known while spaCy loads

    def analysing(self) -> None:
        self.say("Analysing the article…")
        self.progress.setRange(0, 100)

    def set_fraction(self, fraction: float) -> None:
        if self.progress.maximum() == 0:
            self.analysing()
        self.progress.setValue(int(fraction * 100))
