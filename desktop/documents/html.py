"""Saved web pages (.html, .htm): the main article text, title, byline and date; nothing is fetched."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.encoding import decode_text
from desktop.documents.model import Document, DocumentError


def load_html(data: bytes, path: Path) -> Document:
    import trafilatura

    html = decode_text(data, path.name)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if not extracted or not (extracted.text or "").strip():
        raise DocumentError(f"{path.name} has no article text that Factlight can find.")
    meta = {k: str(v) for k, v in (("author", extracted.author), ("date", extracted.date)) if v}
    return Document.from_text(extracted.text, format="html", path=path, title=extracted.title, metadata=meta)
