"""Plain-text articles (.txt): the decoded text as it is."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.encoding import decode_text
from desktop.documents.model import Document


def load_text(data: bytes, path: Path) -> Document:
    return Document.from_text(decode_text(data, path.name), format="txt", path=path)
