"""Maps Python str offsets (what the analysis records use) to Qt document positions and back.

Qt counts UTF-16 code units, so every character outside the Basic Multilingual Plane (emoji, some CJK)
takes two positions in the view but one in Python. The document splits into blocks at '\\n' and U+2029.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BLOCK_BREAK = re.compile("[\n\u2029]")


class TextPositions:
    def __init__(self, text: str):
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Where each astral character sits in Qt positions (each one before it adds one unit).
        self._astral_qt = [offset + i for i, offset in enumerate(self._astral)]
        self.block_starts = [0] + [m.end() for m in _BLOCK_BREAK.finditer(text)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_left(self._astral_qt, position)

    def block_of(self, offset: int) -> int:
        return bisect_right(self.block_starts, offset) - 1

    def block_start(self, block: int) -> int:
        return self.block_starts[block]
