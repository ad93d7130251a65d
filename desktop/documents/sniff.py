"""What a file is, told from its first bytes (and, for ZIP packages, the names inside), not its name.

`recognise` returns the format a loader exists for ("pdf", "docx", "odt", "epub", "html", "text"), or
raises DocumentError naming what the file is when Factlight cannot open that kind (an image, a
spreadsheet, an old Word file, an archive). "text" covers Markdown as well: which of the two is left to
the file's extension, since plain text and Markdown share their bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from desktop.documents.encoding import BOMS
from desktop.documents.model import DocumentError

# The PDF header may follow some junk; readers look for it in the first kilobyte.
_PDF_HEADER_WINDOW = 1024
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)

# (signature at offset 0, what it is) for files that are not documents Factlight reads.
_OTHER_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"II*\x00", "an image (TIFF)"),
    (b"MM\x00*", "an image (TIFF)"),
    (b"BM", "an image (BMP)"),
    (b"\x1f\x8b", "a compressed archive (gzip)"),
    (b"7z\xbc\xaf\x27\x1c", "a compressed archive (7-Zip)"),
    (b"Rar!\x1a\x07", "a compressed archive (RAR)"),
    (b"BZh", "a compressed archive (bzip2)"),
    (b"\xfd7zXZ\x00", "a compressed archive (xz)"),
    (b"{\\rtf", "a Rich Text (RTF) file; save it as .docx or .odt to open it"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3\x00", "a database"),
    (b"ID3", "an audio file"),
    (b"OggS", "an audio file"),
    (b"fLaC", "an audio file"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_TEXT = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
_EPUB = "application/epub+zip"
_NO_OCR = "Factlight does not recognise text in images (no OCR)"


def recognise(data: bytes, name: str) -> str:
    """The loader for `data`; DocumentError when the bytes are a kind of file Factlight does not open."""
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data, name)
    if data.startswith(_OLE2):
        raise DocumentError(_ole2_message(data, name))
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise DocumentError(f"{name} is an image (WebP), not a document; {_NO_OCR}.")
    for signature, kind in _OTHER_KINDS:
        if data.startswith(signature) and not _is_text_start(data):
            if kind.startswith("an image"):
                raise DocumentError(f"{name} is {kind}, not a document; {_NO_OCR}.")
            raise DocumentError(f"{name} is {kind}, not a document Factlight can open.")
    if _HTML_START.match(_without_bom(data[:4096])):
        return "html"
    return "text"


def _is_text_start(data: bytes) -> bool:
    """"BM" and "MZ" are also how words start: only binary bytes after them make them files of that kind."""
    head = data[:64]
    return head.isascii() and all(32 <= b < 127 or b in (9, 10, 13) for b in head)


def _without_bom(head: bytes) -> bytes:
    for bom, encoding in BOMS:
        if head.startswith(bom):
            try:
                return head[len(bom):].decode(encoding, "ignore").encode("utf-8")
            except LookupError:
                return head
    return head


def _zip_kind(data: bytes, name: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist()[:10_000])
        mimetype = ""
        if "mimetype" in names:
            info = archive.getinfo("mimetype")
            if info.file_size <= 200:
                mimetype = archive.read(info).decode("ascii", "replace").strip()
    except (zlib.error, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise DocumentError(f"{name} is a damaged ZIP package (a Word, OpenDocument or EPUB file cut short?).") from exc
    if mimetype == _EPUB or "META-INF/container.xml" in names and any(n.endswith(".opf") for n in names):
        return "epub"
    if mimetype in _ODF_TEXT:
        return "odt"
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        kind = mimetype.rsplit(".", 1)[-1]
        kind = kind if re.fullmatch(r"[a-z-]{1,40}", kind) else "file of another kind"
        raise DocumentError(f"{name} is an OpenDocument {kind}, not a text document; Factlight opens OpenDocument text (.odt).")
    if "word/document.xml" in names or any(n.endswith("/document.xml") and n.startswith("word") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise DocumentError(f"{name} is an Excel spreadsheet, not a document Factlight can open.")
    if any(n.startswith("ppt/") for n in names):
        raise DocumentError(f"{name} is a PowerPoint presentation, not a document Factlight can open.")
    raise DocumentError(f"{name} is a ZIP archive, not a document Factlight can open.")


def _ole2_message(data: bytes, name: str) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data[:65536] or "EncryptedPackage".encode("utf-16-le") in data:
        return f"{name} is protected by a password (an encrypted Office file); Factlight cannot open it."
    if "WordDocument".encode("utf-16-le") in data:
        return f"{name} is an old Word document (.doc); save it as .docx in Word or LibreOffice to open it."
    return f"{name} is an old Microsoft Office file, not a document Factlight can open."
