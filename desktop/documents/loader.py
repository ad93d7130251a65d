"""Opens a file as a Document: checks what every format shares, tells the format from the bytes, then
hands them to that format's module.

The bytes decide first (sniff.py): a PDF named notes.txt opens as a PDF, an image named report.pdf is
called an image. The extension decides only between formats that share their bytes: plain text and
Markdown, and a saved page without its <html> opening (an .html file is always read as a web page).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.documents.docx import load_docx
from desktop.documents.encoding import looks_binary
from desktop.documents.epub import load_epub
from desktop.documents.html import load_html
from desktop.documents.markdown import load_markdown
from desktop.documents.model import Document, DocumentError
from desktop.documents.odt import load_odt
from desktop.documents.pdf import load_pdf
from desktop.documents.sniff import recognise
from desktop.documents.text import load_text

MAX_BYTES = 50 * 1024 * 1024

Reader = Callable[[bytes, Path], Document]

# Suffix -> (what the Open dialog calls it, the reader it suggests when the bytes leave a choice).
FORMATS: dict[str, tuple[str, Reader]] = {
    ".pdf": ("PDF", load_pdf),
    ".docx": ("Word", load_docx),
    ".odt": ("OpenDocument text", load_odt),
    ".epub": ("EPUB", load_epub),
    ".html": ("Web page", load_html),
    ".htm": ("Web page", load_html),
    ".xhtml": ("Web page", load_html),
    ".txt": ("Text", load_text),
    ".text": ("Text", load_text),
    ".md": ("Markdown", load_markdown),
    ".markdown": ("Markdown", load_markdown),
}
_BY_CONTENT: dict[str, Reader] = {"pdf": load_pdf, "docx": load_docx, "odt": load_odt, "epub": load_epub, "html": load_html}
_TEXT_READERS = frozenset((load_text, load_markdown, load_html))


def supported_suffixes() -> list[str]:
    return sorted(FORMATS)


def load(path: str | Path) -> Document:
    """Read `path` as an article, or raise DocumentError with a message a person understands."""
    path = Path(path)
    name = path.name or str(path)
    data = read_file(path, name)
    return load_bytes(data, path.resolve(), name)


def read_file(path: Path, name: str) -> bytes:
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
        return path.read_bytes()
    except PermissionError as exc:
        raise DocumentError(f"{name} cannot be read: permission denied.") from exc
    except OSError as exc:
        raise DocumentError(f"{name} cannot be read: {exc.strerror or exc}.") from exc


def load_bytes(data: bytes, path: Path, name: str | None = None) -> Document:
    """The Document of `data`, a file's bytes; `path` names it (and its suffix breaks ties)."""
    name = name or path.name
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name} is too large to open (the limit is {MAX_BYTES // 1024 // 1024} MB).")
    if not data or data.isspace():  # not strip(): that copies the whole file to look at its first bytes
        raise DocumentError(f"{name} is empty.")
    kind = recognise(data, name)
    suffix = path.suffix.lower()
    _label, suggested = FORMATS.get(suffix, ("Text", load_text))
    if kind in _BY_CONTENT:
        reader = _BY_CONTENT[kind]
    elif suggested in _TEXT_READERS:
        reader = suggested
    else:
        # A .pdf, .docx, … whose bytes are none of those: text when they read as text, else unknown.
        if looks_binary(data):
            raise DocumentError(f"{name} is damaged or not a {FORMATS[suffix][0]} file (its contents are not recognised).")
        reader = load_text
    if reader is load_text and suffix not in FORMATS and looks_binary(data):
        raise DocumentError(f"{name} is not a document Factlight can open (it contains binary data).")
    try:
        document = reader(data, path)
    except RecursionError as exc:
        raise DocumentError(f"{name} is nested too deeply to read; it may be damaged or built to be hostile.") from exc
    except MemoryError as exc:
        raise DocumentError(f"{name} needs more memory to read than there is; it may be damaged.") from exc
    if not document.text or document.text.isspace():
        raise DocumentError(f"{name} has no text to show.")
    return document
