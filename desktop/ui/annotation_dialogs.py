"""Small dialogs for annotating: the note and tags of a highlight, and the correction of an automatic one.

Both open window-modal without blocking (`open()`); the controller reads their values on `accepted`.
Tags are typed comma separated; the store keeps them trimmed and unique.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.records import ENTITY_KINDS, NUMBER_BOUNDS, Entity, Number, Quote
from desktop.ui.descriptions import BOUND_WORDS, shorten

EXCERPT_CHARS = 160


def parse_tags(text: str) -> tuple[str, ...]:
    """'a, b ,, c' -> ('a', 'b', 'c')."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _excerpt(text: str) -> QLabel:
    label = QLabel(f"“{shorten(' '.join(text.split()), EXCERPT_CHARS)}”")
    label.setWordWrap(True)
    label.setStyleSheet("color: gray")
    return label


class NoteDialog(QDialog):
    """Note… (Ctrl+M): the note and tags of the annotation on the passage shown."""

    def __init__(self, passage: str, note: str, tags: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.note_edit = QPlainTextEdit(note)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Your note on this passage")
        self.tags_edit = QLineEdit(", ".join(tags))
        self.tags_edit.setPlaceholderText("tags, separated by commas")
        self.button_box = _buttons(self)
        form = QFormLayout()
        form.addRow("Note", self.note_edit)
        form.addRow("Tags", self.tags_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(_excerpt(passage))
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.note_edit.setFocus()
        self.resize(440, 260)

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def tags(self) -> tuple[str, ...]:
        return parse_tags(self.tags_edit.text())


class CorrectionDialog(QDialog):
    """Correct… : the fields the store can correct for this kind of record (see store/corrections.py).

    A quote: its speaker. A number: value, unit and bound. A name: its kind and canonical name.
    """

    def __init__(self, record: Entity | Quote | Number, passage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.record = record
        self.setWindowTitle("Correct Highlight")
        form = QFormLayout()
        self.speaker_edit = self.value_edit = self.unit_edit = self.canonical_edit = None
        self.bound_box = self.kind_box = None
        if isinstance(record, Quote):
            speaker = record.speaker
            self.speaker_edit = QLineEdit((speaker.canonical or speaker.text) if speaker else "")
            self.speaker_edit.setPlaceholderText("who said it")
            form.addRow("Speaker", self.speaker_edit)
        elif isinstance(record, Number):
            self.value_edit = QLineEdit("" if record.value is None else f"{record.value:g}")
            self.unit_edit = QLineEdit(record.unit or "")
            self.bound_box = QComboBox()
            for bound in NUMBER_BOUNDS:
                self.bound_box.addItem(BOUND_WORDS.get(bound, bound), bound)
            self.bound_box.setCurrentIndex(max(0, self.bound_box.findData(record.bound)))
            form.addRow("Value", self.value_edit)
            form.addRow("Unit", self.unit_edit)
            form.addRow("Bound", self.bound_box)
        else:
            self.kind_box = QComboBox()
            for kind in ENTITY_KINDS:
                self.kind_box.addItem(kind.capitalize(), kind)
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(record.kind)))
            self.canonical_edit = QLineEdit(record.canonical or record.text)
            form.addRow("Kind", self.kind_box)
            form.addRow("Name", self.canonical_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #B00020")
        self.error_label.setVisible(False)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.accepted.connect(self._on_ok)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_excerpt(passage))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)
        self.resize(420, 200)

    def corrections(self) -> dict[str, object]:
        """The fields for Library.set_verdict(…, "corrected", **fields); ValueError for a bad number."""
        if self.speaker_edit is not None:
            return {"speaker": " ".join(self.speaker_edit.text().split()) or None}
        if self.value_edit is not None:
            text = self.value_edit.text().strip().replace(",", "")
            value = float(text) if text else None
            return {
                "value": value,
                "unit": self.unit_edit.text().strip() or None,
                "bound": self.bound_box.currentData(),
            }
        return {"category": self.kind_box.currentData(), "label": self.canonical_edit.text().strip() or None}

    def _on_ok(self) -> None:
        try:
            self.corrections()
        except ValueError:
            self.error_label.setText("The value must be a number, such as 1500 or 2.5.")
            self.error_label.setVisible(True)
            return
        self.accept()
