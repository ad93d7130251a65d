"""Maps Python str offsets (what the analysis records use) to Qt document positions and back.

Qt counts UTF-16 code units, so every character outside the Basic Multilingual Plane (emoji, some CJK)
takes two positions in the view but one in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextPositions:
    def __init__(self, text: str):
        self.length = len(text)
        # Most articles have no astral character; encoding is a cheap C pass that tells, where a
        # regex or max() over 3 MB would cost the GUI thread more than 100 ms.
        astral = not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if astral else []
        # Where each astral character sits in Qt positions (each one before it adds one unit).
        self._astral_qt = [offset + i for i, offset in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_left(self._astral_qt, position)
