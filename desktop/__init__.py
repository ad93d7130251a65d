"""Factlight: an offline desktop reader that shows who is in a news article, who said what, and which numbers are claimed."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Factlight"
APP_ID = "io.github.factlight.Factlight"
