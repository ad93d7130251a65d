"""The find bar under the article (Ctrl+F): type to find, Enter / Shift+Enter for next / previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(lambda text: self.find(text, backwards=False, from_start=True))
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
            self.find(self.field.text(), backwards=False)

    def find_previous(self) -> None:
        if self.field.text():
            self.find(self.field.text(), backwards=True)

    def find(self, text: str, backwards: bool, from_start: bool = False) -> bool:
        """Select the next match in the view, wrapping around once as readers expect."""
        if not text:
            self.result.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if from_start:
            # Typing refines the match where it is rather than skipping past it.
            cursor = self.view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.view.setTextCursor(cursor)
        found = self.view.find(text, flags)
        if not found:
            cursor = self.view.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
            self.view.setTextCursor(cursor)
            found = self.view.find(text, flags)
        self.result.setText("" if found else "Not found")
        return found

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
