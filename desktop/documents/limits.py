"""How much a loader may take: time, decompressed bytes, parts and characters, so a hostile file ends
as a DocumentError instead of a hang or an exhausted memory.

Loaders run in the caller's process (a worker thread in the window), so the bounds are checked by the
loaders themselves: a Deadline between pages, parts and chapters, byte and count limits before and
while a part is inflated (zipped.py), the page and character limits of pdf.py. A thread cannot be
stopped from outside, and a subprocess per file would cost more than most files take to read.
"""

from __future__ import annotations

import time

from desktop.documents.model import DocumentError

# Longer than any real article takes (a 1,000-page PDF reads in a few seconds), short enough that a
# file built to make a loader spin is refused while the reader still waits for it.
DEFAULT_SECONDS = 60.0


class Deadline:
    """A point in time after which `check()` raises DocumentError naming the file."""

    def __init__(self, seconds: float, name: str):
        self.name = name
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    @classmethod
    def default(cls, name: str) -> Deadline:
        return cls(DEFAULT_SECONDS, name)

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise DocumentError(
                f"{self.name} takes too long to read (over {self.seconds:.0f} s); it may be damaged or built to be slow."
            )
