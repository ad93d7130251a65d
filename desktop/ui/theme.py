"""Light and dark appearance: follows the system colour scheme unless the View menu overrides it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QApplication.style().standardPalette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, theme: str) -> bool:
    """Set the application palette for "system", "light" or "dark"; returns whether the result is dark."""
    dark = system_is_dark() if theme == "system" else theme == "dark"
    if theme == "system":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(dark_palette() if dark else light_palette())
    return dark


def light_palette() -> QPalette:
    return QApplication.style().standardPalette() if not system_is_dark() else _palette(
        window="#EFEFEF", base="#FFFFFF", text="#1E1E1E", button="#E8E8E8", mid="#B8B8B8", highlight="#3A77C2"
    )


def dark_palette() -> QPalette:
    return _palette(window="#2B2C2F", base="#1F2022", text="#E4E2DD", button="#35363A", mid="#505257", highlight="#3D6FB4")


def _palette(window: str, base: str, text: str, button: str, mid: str, highlight: str) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, window),
        (role.Base, base),
        (role.AlternateBase, button),
        (role.Button, button),
        (role.Mid, mid),
        (role.Dark, mid),
        (role.Highlight, highlight),
        (role.ToolTipBase, base),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText):
        palette.setColor(r, QColor(text))
    palette.setColor(role.HighlightedText, QColor("#FFFFFF"))
    dark = QColor(base).lightness() < 128
    palette.setColor(role.Link, QColor("#7DB9F0" if dark else "#1F5FAF"))
    palette.setColor(role.LinkVisited, QColor("#B9A2E8" if dark else "#6A3FA0"))
    palette.setColor(role.PlaceholderText, QColor(mid))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(mid))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(mid))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(mid))
    return palette
