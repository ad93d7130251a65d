"""Text pasted or dropped on the window as a new article: a browser's HTML through the saved pages'
main-text extraction, plain text as it is; titled from its first line, with no file behind it.

A selection copied from a page is often too short for the extraction to call it an article (a few
paragraphs without the page around them): then the plain text the browser put beside the HTML is
taken, or the HTML's own text when there is none.
"""

from __future__ import annotations

from desktop.documents.encoding import normalise_newlines
from desktop.documents.html import article_paragraphs, has_prose, main_text
from desktop.documents.loader import MAX_BYTES
from desktop.documents.model import Document, DocumentError

NAME = "The pasted text"


def pasted_document(text: str | None, html: str | None = None) -> Document:
    """The article in what was pasted; DocumentError when it holds no text."""
    text = normalise_newlines(text or "")
    html = html or ""
    if len(text) + len(html) > MAX_BYTES:
        raise DocumentError(f"{NAME} is too large to open (the limit is {MAX_BYTES // 1024 // 1024} MB).")
    body = ""
    fmt = "txt"
    if html.strip():
        extracted, _record = main_text(html, NAME)
        if has_prose(extracted):
            body, fmt = extracted, "html"
        elif not text.strip():
            body, fmt = _html_text(html), "html"
    if not body:
        body = _plain(text)
    if not body.strip():
        raise DocumentError(f"{NAME} has no text to show.")
    return Document.from_text(body, format=fmt, path=None, metadata={"source": "pasted"})


def _plain(text: str) -> str:
    """Pasted plain text without the blank lines and spaces around it."""
    return text.strip() + "\n" if text.strip() else ""


def _html_text(html: str) -> str:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, TypeError, etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    return article_paragraphs(root.text_content())
