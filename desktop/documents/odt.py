"""OpenDocument text (.odt, LibreOffice's and Google Docs' format): the same text as a Word document gives.

content.xml is walked in body order: headings, paragraphs, lists (bullets or numbers), sections and
tables (a row a line, cells between " | "); footnotes and endnotes are numbered where they are cited
and listed at the end. Tracked deletions, text boxes and shapes are left out. odfpy was weighed and not
used: it reads the package without limits and brings its own object model for what is one walk here.
"""

from __future__ import annotations

from pathlib import Path

from desktop.documents.limits import Deadline
from desktop.documents.model import Document, DocumentError
from desktop.documents.office_text import Notes, Numbering, join_blocks, outline_title
from desktop.documents.safe_xml import parse_xml
from desktop.documents.zipped import Package

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_SKIPPED = {f"{TEXT}{t}" for t in ("tracked-changes", "note-citation", "bookmark-start", "bookmark-end")}
_SKIPPED |= {"{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}custom-shape"}
_CONTAINERS = {f"{TEXT}{t}" for t in ("section", "index-body", "table-of-content", "illustration-index")}
_LIST_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def load_odt(data: bytes, path: Path) -> Document:
    name = path.name
    package = Package(data, name, Deadline.default(name))
    if not package.has("content.xml"):
        raise DocumentError(f"{name} is damaged: it has no content.xml.")
    root = parse_xml(package.read("content.xml"), name, "content.xml")
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise DocumentError(f"{name} is not an OpenDocument text (it has no text body).")
    reader = _BodyReader(_list_formats(root), package.deadline)
    blocks = reader.blocks(body)
    title = _meta_title(package, name) or outline_title(reader.headings)
    return Document.from_text(join_blocks(blocks, reader.notes), format="odt", path=path, title=title)


class _BodyReader:
    def __init__(self, list_formats: dict[str, dict[int, str]], deadline: Deadline):
        self.list_formats = list_formats
        self.numbering = Numbering({})
        self.notes = Notes()
        self.deadline = deadline
        self.headings: list[tuple[int, str]] = []
        self._lists = 0

    def blocks(self, container, list_style: str | None = None, level: int = 0) -> list[str]:
        out: list[str] = []
        for child in container:
            tag = child.tag
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                text = "".join(self.inline(child)).strip()
                if text and tag == f"{TEXT}h":
                    raw = child.get(f"{TEXT}outline-level", "1")
                    self.headings.append((int(raw) if raw.isdigit() else 1, text))
                if text:
                    out.append(text)
            elif tag == f"{TEXT}list":
                self._lists += 1
                style = child.get(f"{TEXT}style-name") or list_style
                out.extend(self.list_items(child, style, level, f"list{self._lists}"))
            elif tag == f"{TABLE}table":
                rows = self.table(child)
                if rows:
                    out.append("\n".join(rows))
            elif tag in _CONTAINERS:
                out.extend(self.blocks(child, list_style, level))
        return out

    def list_items(self, lst, style: str | None, level: int, list_id: str) -> list[str]:
        out = []
        fmt = self.list_formats.get(style or "", {}).get(level + 1, "bullet")
        for item in lst:
            if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            self.deadline.check()
            inner = self.blocks(item, style, level + 1)
            if not inner:
                continue
            label = self.numbering.label(list_id, level, fmt) if item.tag == f"{TEXT}list-item" else ""
            first_is_list = len(item) and item[0].tag == f"{TEXT}list"
            if label and not first_is_list:
                inner[0] = f"{label} {inner[0]}"
            out.extend(inner)
        return out

    def table(self, table) -> list[str]:
        rows = []
        for row in table.iter(f"{TABLE}table-row"):
            self.deadline.check()
            cells = [" ".join(self.blocks(cell)).replace("\n", " ").strip() for cell in row.findall(f"{TABLE}table-cell")]
            if any(cells):
                rows.append(" | ".join(cells))
        return rows

    def inline(self, element):
        if element.text:
            yield element.text
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                pass
            elif tag == f"{TEXT}s":
                count = child.get(f"{TEXT}c", "1")
                yield " " * min(int(count) if count.isdigit() else 1, 100)
            elif tag == f"{TEXT}tab":
                yield "\t"
            elif tag == f"{TEXT}line-break":
                yield "\n"
            elif tag == f"{TEXT}note":
                key = f"note:{child.get(f'{TEXT}id') or id(child)}"
                yield self.notes.cite(key)
                note_body = child.find(f"{TEXT}note-body")
                if note_body is not None:
                    self.notes.add_text(key, " ".join(self.blocks(note_body)))
            else:
                yield from self.inline(child)
            if child.tail:
                yield child.tail


def _list_formats(root) -> dict[str, dict[int, str]]:
    """list style name -> level -> number format, from the automatic styles in content.xml."""
    formats: dict[str, dict[int, str]] = {}
    for style in root.iter(f"{TEXT}list-style"):
        levels: dict[int, str] = {}
        for level in style:
            raw = level.get(f"{TEXT}level", "1")
            number = int(raw) if raw.isdigit() else 1
            if level.tag == f"{TEXT}list-level-style-number":
                levels[number] = _LIST_FORMATS.get(level.get(f"{STYLE}num-format", "1"), "decimal")
            else:
                levels[number] = "bullet"
        formats[style.get(f"{STYLE}name", "")] = levels
    return formats


def _meta_title(package: Package, name: str) -> str | None:
    if not package.has("meta.xml"):
        return None
    try:
        title = parse_xml(package.read("meta.xml"), name, "meta.xml").find(f"{OFFICE}meta/{_DC}title")
    except DocumentError:
        return None
    text = " ".join((title.text or "").split()) if title is not None else ""
    return text or None
