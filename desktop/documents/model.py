"""The Document record every format loader produces, and the one error they raise."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from desktop.pacing import give_way

_NOT_SPACE = re.compile(r"\S")


class DocumentError(Exception):
    """A file that cannot be opened as an article; the message is meant for a person."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str | None
    format: str
    path: str | None
    sha256: str
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Where each page starts in `text` (pages[0] == 0), for paged formats such as PDF; empty otherwise.
    pages: tuple[int, ...] = field(default=(), compare=False, hash=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        format: str,
        path: str | Path | None = None,
        title: str | None = None,
        metadata: dict[str, str] | None = None,
        pages: tuple[int, ...] = (),
    ) -> Document:
        return cls(
            text=text,
            title=title if title is not None else first_line_title(text),
            format=format,
            path=str(path) if path is not None else None,
            sha256=text_sha256(text),
            metadata=dict(metadata or {}),
            pages=tuple(pages),
        )

    def page_at(self, offset: int) -> int | None:
        """The 1-based page that holds the character at `offset`, or None for a document without pages."""
        if not self.pages:
            return None
        return max(1, bisect_right(self.pages, offset))

    @property
    def display_name(self) -> str:
        if self.title:
            return self.title
        return Path(self.path).name if self.path else "Untitled"


HASH_PIECE = 1 << 16  # characters encoded at a time


def text_sha256(text: str, piece: int = HASH_PIECE) -> str:
    """sha256 of the text's UTF-8, encoded a piece at a time: one encode of a 3 MB article held the
    GIL for 10–35 ms in the worker opening it. UTF-8 is stateless, so the pieces' bytes are the whole's."""
    digest = hashlib.sha256()
    for at in range(0, len(text), piece):
        digest.update(text[at : at + piece].encode("utf-8"))
        give_way()
    return digest.hexdigest()


def first_line_title(text: str, limit: int = 200) -> str | None:
    """The first non-blank line, when it is short enough to be a headline."""
    # Found without splitting the whole text: a 3 MB article's split took 6 ms of its reading worker.
    found = _NOT_SPACE.search(text)
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.start())
    line = text[start : end if end >= 0 else len(text)].strip()
    return line if len(line) <= limit else None
