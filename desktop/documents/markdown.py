"""Markdown articles (.md): shown as their text, with the markup that only formats taken out.

Links keep their words and lose their address, images are dropped (nothing remote is ever fetched),
headings (# and underlined), emphasis, inline code and block quotes keep their words; rules, reference
definitions, code fences and HTML comments go. Lists and tables are left as written: they read as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.documents.encoding import decode_text
from desktop.documents.model import Document

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
# Escaped characters are parked in a private-use plane while the markup is taken out, then put back.
_PARKED = re.compile("[\U00100000-\U0010007f]")
_PARK_OFFSET = 0x100000
_FENCE = re.compile(r"^ {0,3}(```|~~~).*\n?", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^(?! {0,3}[>#\-*+|])( {0,3}\S[^\n]*?)[ \t]*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*\n?", re.MULTILINE)
_BLOCK_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])[ \t]*")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_EMPHASIS = (
    re.compile(r"(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])(\*)(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])(_)(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~"),
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
# Taking out rules, fences and definitions leaves runs of blank lines; one blank line separates paragraphs.
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """Return the readable text of `source` and its first heading, if any."""
    text = _FRONT_MATTER.sub("", source)
    text = _HTML_COMMENT.sub("", text)
    text = _ESCAPED.sub(lambda m: chr(_PARK_OFFSET + ord(m.group(1))), text)
    text = _FENCE.sub("", text)
    text = _SETEXT_HEADING.sub(lambda m: "# " + m.group(1).strip(), text)
    heading = _ATX_HEADING.search(text)
    text = _ATX_HEADING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _REFERENCE_DEFINITION.sub("", text)
    text = _BLOCK_QUOTE.sub("", text)
    text = _BLANK_LINES.sub("\n\n", _strip_inline(text))
    title = _strip_inline(heading.group(1)).strip() if heading else None
    return _unpark(text), (_unpark(title) or None) if title else None


def _strip_inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _INLINE_CODE.sub(lambda m: m.group(2).strip(), text)
    # Emphasis nests ("**a *b* c**"), so strip until nothing changes.
    for _ in range(4):
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\2", text)
        if text == before:
            break
    return _HTML_TAG.sub("", text)


def _unpark(text: str) -> str:
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - _PARK_OFFSET), text)


def load_markdown(data: bytes, path: Path) -> Document:
    text, title = markdown_to_text(decode_text(data, path.name))
    return Document.from_text(text, format="md", path=path, title=title)
