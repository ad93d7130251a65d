"""Opens a file as a Document: checks what every format shares, then hands the bytes to its format module."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.documents.encoding import looks_binary
from desktop.documents.html import load_html
from desktop.documents.markdown import load_markdown
from desktop.documents.model import Document, DocumentError
from desktop.documents.text import load_text

MAX_BYTES = 50 * 1024 * 1024

FORMATS: dict[str, tuple[str, Callable[[bytes, Path], Document]]] = {
    ".txt": ("Text", load_text),
    ".text": ("Text", load_text),
    ".md": ("Markdown", load_markdown),
    ".markdown": ("Markdown", load_markdown),
    ".html": ("Web page", load_html),
    ".htm": ("Web page", load_html),
}


def supported_suffixes() -> list[str]:
    return sorted(FORMATS)


def load(path: str | Path) -> Document:
    """Read `path` as an article, or raise DocumentError with a message a person understands."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if not path.exists():
            raise DocumentError(f"{name} does not exist.")
        if path.is_dir():
            raise DocumentError(f"{name} is a folder, not a document.")
        # Reading a pipe or a device would block or never end.
        if not path.is_file():
            raise DocumentError(f"{name} is not a regular file (it is a pipe, socket or device).")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"{name} is too large to open ({size / 1024 / 1024:.0f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)."
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise DocumentError(f"{name} cannot be read: permission denied.") from exc
    except OSError as exc:
        raise DocumentError(f"{name} cannot be read: {exc.strerror or exc}.") from exc
    if not data.strip():
        raise DocumentError(f"{name} is empty.")
    _label, reader = FORMATS.get(path.suffix.lower(), ("Text", load_text))
    if path.suffix.lower() not in FORMATS and looks_binary(data):
        raise DocumentError(f"{name} is not a document Factlight can open (it contains binary data).")
    document = reader(data, path.resolve())
    if not document.text.strip():
        raise DocumentError(f"{name} has no text to show.")
    return document
