"""Files to Documents: one module per format, no Qt and no analysis here."""

from __future__ import annotations

from desktop.documents.loader import FORMATS, MAX_BYTES, load, supported_suffixes
from desktop.documents.model import Document, DocumentError
from desktop.documents.pasted import pasted_document

__all__ = ["FORMATS", "MAX_BYTES", "Document", "DocumentError", "load", "pasted_document", "supported_suffixes"]
