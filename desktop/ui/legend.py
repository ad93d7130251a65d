"""The legend above the article: each category's colour and count, checkable to show or hide it.

Each entry shares its checked state with the View menu's action for the category, so the menu, the
legend and the shortcut are one switch.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui.palette import CATEGORIES, LABELS, colours

SWATCH = 12


def swatch_icon(category: str, dark: bool) -> QIcon:
    c = colours(category, dark)
    pixmap = QPixmap(SWATCH * 2, SWATCH * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(c.ink))
    painter.setBrush(QColor(c.tint) if category == "quote" else QColor(c.ink))
    painter.drawRoundedRect(1, 1, SWATCH - 2, SWATCH - 2, 3, 3)
    painter.end()
    icon = QIcon(pixmap)
    # A hidden category shows a hollow swatch so the state does not rest on the button's look alone.
    hollow = QPixmap(SWATCH * 2, SWATCH * 2)
    hollow.setDevicePixelRatio(2)
    hollow.fill(Qt.GlobalColor.transparent)
    painter = QPainter(hollow)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(c.ink))
    painter.drawRoundedRect(1, 1, SWATCH - 2, SWATCH - 2, 3, 3)
    painter.end()
    icon.addPixmap(hollow, QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(pixmap, QIcon.Mode.Normal, QIcon.State.On)
    return icon


class LegendBar(QWidget):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.actions_by_category = actions
        self.buttons: dict[str, QToolButton] = {}
        self.counts: dict[str, int | None] = dict.fromkeys(CATEGORIES)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(2)
        for category in CATEGORIES:
            button = QToolButton(self)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setIconSize(QSize(SWATCH, SWATCH))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            action = actions[category]
            button.setChecked(action.isChecked())
            button.toggled.connect(action.setChecked)
            action.toggled.connect(button.setChecked)
            self.buttons[category] = button
            layout.addWidget(button)
        layout.addStretch(1)
        # Flat entries: a hidden category reads as greyed text with a hollow swatch, not as a raised button.
        self.setStyleSheet(
            "QToolButton { border: 1px solid transparent; border-radius: 4px; padding: 2px 7px; }"
            "QToolButton:hover { border-color: palette(mid); }"
            "QToolButton { color: palette(placeholder-text); }"
            "QToolButton:checked { color: palette(window-text); background: transparent; }"
            "QToolButton:focus { border-color: palette(highlight); }"
        )
        self.status = QLabel(self)
        self.status.setEnabled(False)
        layout.addWidget(self.status)
        self.set_dark(False)
        self.set_counts(None)

    def set_dark(self, dark: bool) -> None:
        for category, button in self.buttons.items():
            button.setIcon(swatch_icon(category, dark))

    def set_counts(self, counts: dict[str, int] | None) -> None:
        for category, button in self.buttons.items():
            count = None if counts is None else counts.get(category, 0)
            self.counts[category] = count
            label = LABELS[category] if count is None else f"{LABELS[category]}  {count}"
            button.setText(label)
            shortcut = self.actions_by_category[category].shortcut().toString(
                self.actions_by_category[category].shortcut().SequenceFormat.NativeText
            )
            button.setToolTip(f"Show or hide {LABELS[category].lower()} ({shortcut})")

    def set_status(self, text: str) -> None:
        self.status.setText(text)
