"""The find bar under the article (Ctrl+F): type to find, Enter / Shift+Enter for next / previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    find_requested = Signal(str, bool)  # text, backwards
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(lambda text: self.find_requested.emit(text, False))
        self.field.installEventFilter(self)
        self.result = QLabel(self)
        self.result.setEnabled(False)
        previous = QToolButton(self)
        previous.setText("Previous")
        previous.setAutoRaise(True)
        previous.clicked.connect(self.find_previous)
        following = QToolButton(self)
        following.setText("Next")
        following.setAutoRaise(True)
        following.clicked.connect(self.find_next)
        close = QToolButton(self)
        close.setText("Done")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.result)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def find_next(self) -> None:
        if self.field.text():
            self.find_requested.emit(self.field.text(), False)

    def find_previous(self) -> None:
        if self.field.text():
            self.find_requested.emit(self.field.text(), True)

    def set_result(self, found: bool) -> None:
        self.result.setText("" if found or not self.field.text() else "Not found")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.find_previous() if backwards else self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
