"""The version of what the extractors produce: part of the key of every analysis the library caches.

Kept apart from engine.py so that a window can look up its cache without importing the extractors
(about 90 ms of imports that held the GIL while the window showed its first article).
"""

from __future__ import annotations

# Bump when extractor output changes, so cached analyses in the library are recomputed.
ENGINE_VERSION = "9"
