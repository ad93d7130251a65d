"""Markdown articles (.md): shown as their text, with the markup that only formats taken out.

Links keep their words and lose their address, images are dropped (nothing remote is ever fetched),
headings and emphasis keep their words. Anything else is left as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.documents.encoding import decode_text
from desktop.documents.model import Document

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """Return the readable text of `source` and its first heading, if any."""
    source = _FRONT_MATTER.sub("", source)
    heading = _HEADING.search(source)
    title = heading.group(1).strip() if heading else None
    text = _IMAGE.sub("", source)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    text = _HTML_TAG.sub("", text)
    return text, title


def load_markdown(data: bytes, path: Path) -> Document:
    text, title = markdown_to_text(decode_text(data, path.name))
    return Document.from_text(text, format="md", path=path, title=title)
