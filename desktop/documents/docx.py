"""Word documents (.docx): paragraphs, headings, lists and tables as text, footnotes and endnotes at the end.

The package is read with limits (zipped.py) and its XML parsed safely (safe_xml.py). python-docx was
weighed and not used: it has no footnotes or endnotes, reads the package without size limits, and
Factlight needs only the text in body order, which is one walk over word/document.xml. Deleted
revisions, field codes, headers, footers and text boxes are left out; inserted revisions are kept.
Lists get their bullets or numbers, table rows one line each with cells between " | ".
"""

from __future__ import annotations

from pathlib import Path

from desktop.documents.limits import Deadline
from desktop.documents.model import Document, DocumentError
from desktop.documents.office_text import Notes, Numbering, join_blocks, outline_title
from desktop.documents.safe_xml import parse_xml
from desktop.documents.zipped import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_SKIPPED = {f"{W}{t}" for t in ("del", "moveFrom", "instrText", "delText", "txbxContent", "footnoteRef", "endnoteRef")}
_SKIPPED |= {"{urn:schemas-microsoft-com:vml}textbox", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_BLOCK_CONTAINERS = {f"{W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}


def load_docx(data: bytes, path: Path) -> Document:
    name = path.name
    package = Package(data, name, Deadline.default(name))
    if not package.has("word/document.xml"):
        raise DocumentError(f"{name} is damaged: it has no word/document.xml.")
    root = parse_xml(package.read("word/document.xml"), name, "word/document.xml")
    body = root.find(f"{W}body")
    if body is None:
        raise DocumentError(f"{name} is damaged: its document has no body.")
    styles, list_styles = _styles(package, name)
    numbering = _numbering(package, name)
    notes = Notes()
    reader = _BodyReader(styles, list_styles, numbering, notes, package.deadline)
    blocks = reader.blocks(body)
    for kind in ("footnote", "endnote"):
        part = f"word/{kind}s.xml"
        if package.has(part):
            for note in parse_xml(package.read(part), name, part).iter(f"{W}{kind}"):
                if note.get(f"{W}type") in (None, "normal"):
                    notes.add_text(f"{kind}:{note.get(f'{W}id')}", " ".join(reader.blocks(note)))
    text = join_blocks(blocks, notes)
    title = _core_title(package, name) or outline_title(reader.headings)
    return Document.from_text(text, format="docx", path=path, title=title)


class _BodyReader:
    def __init__(
        self,
        styles: dict[str, int],
        list_styles: dict[str, tuple[str | None, int]],
        numbering: Numbering,
        notes: Notes,
        deadline: Deadline,
    ):
        self.styles, self.list_styles, self.numbering = styles, list_styles, numbering
        self.notes, self.deadline = notes, deadline
        self.headings: list[tuple[int, str]] = []

    def blocks(self, container) -> list[str]:
        out: list[str] = []
        for child in container:
            if child.tag == f"{W}p":
                text = self.paragraph(child)
                if text:
                    out.append(text)
            elif child.tag == f"{W}tbl":
                rows = self.table(child)
                if rows:
                    out.append("\n".join(rows))
            elif child.tag in _BLOCK_CONTAINERS:
                out.extend(self.blocks(child))
        return out

    def table(self, table) -> list[str]:
        rows = []
        for row in table.iter(f"{W}tr"):
            self.deadline.check()
            cells = [" ".join(self.blocks(cell)).replace("\n", " ") for cell in row.findall(f"{W}tc")]
            if any(cells):
                rows.append(" | ".join(cell.strip() for cell in cells))
        return rows

    def paragraph(self, p) -> str:
        text = "".join(self._runs(p)).strip()
        if not text:
            return ""
        props = p.find(f"{W}pPr")
        style = props.find(f"{W}pStyle") if props is not None else None
        style_id = style.get(f"{W}val") if style is not None else None
        level = self.styles.get(style_id, 0)
        if level:
            self.headings.append((level, text))
            return text
        number = props.find(f"{W}numPr") if props is not None else None
        listed = _list_reference(number) if number is not None else self.list_styles.get(style_id)
        if listed:
            label = self.numbering.label(*listed)
            if label:
                return f"{label} {text}"
        return text

    def _runs(self, element):
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{W}t":
                yield child.text or ""
            elif tag == f"{W}tab":
                yield "\t"
            elif tag in (f"{W}br", f"{W}cr"):
                yield "\n"
            elif tag == f"{W}noBreakHyphen":
                yield "-"
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                kind = "footnote" if tag == f"{W}footnoteReference" else "endnote"
                yield self.notes.cite(f"{kind}:{child.get(f'{W}id')}")
            else:
                yield from self._runs(child)


def _list_reference(number) -> tuple[str | None, int] | None:
    """(numId, level) of a w:numPr; None when it takes the paragraph out of a list (numId 0)."""
    num_id, ilvl = number.find(f"{W}numId"), number.find(f"{W}ilvl")
    list_id = num_id.get(f"{W}val") if num_id is not None else None
    raw = ilvl.get(f"{W}val", "0") if ilvl is not None else "0"
    return None if list_id == "0" else (list_id, int(raw) if raw.isdigit() else 0)


def _styles(package: Package, name: str) -> tuple[dict[str, int], dict[str, tuple[str | None, int]]]:
    """styleId -> heading level (1 for Title and Heading 1), from the styles' names and outline levels;
    and styleId -> list (numId, level) for list styles such as "List Bullet"."""
    levels: dict[str, int] = {}
    lists: dict[str, tuple[str | None, int]] = {}
    if not package.has("word/styles.xml"):
        return levels, lists
    for style in parse_xml(package.read("word/styles.xml"), name, "word/styles.xml").iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        label = style.find(f"{W}name")
        label = (label.get(f"{W}val") or "").lower() if label is not None else ""
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        number = style.find(f"{W}pPr/{W}numPr")
        if number is not None and (reference := _list_reference(number)):
            lists[style_id] = reference
        if label in ("title", "subtitle"):
            levels[style_id] = 1
        elif label.startswith("heading ") and label[8:].isdigit():
            levels[style_id] = int(label[8:])
        elif outline is not None and (outline.get(f"{W}val") or "").isdigit() and int(outline.get(f"{W}val")) < 9:
            levels[style_id] = int(outline.get(f"{W}val")) + 1
    return levels, lists


def _numbering(package: Package, name: str) -> Numbering:
    formats: dict[tuple[str, int], str] = {}
    if package.has("word/numbering.xml"):
        root = parse_xml(package.read("word/numbering.xml"), name, "word/numbering.xml")
        abstract = {}
        for definition in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in definition.findall(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                ilvl = lvl.get(f"{W}ilvl", "0")
                levels[int(ilvl) if ilvl.isdigit() else 0] = fmt.get(f"{W}val") if fmt is not None else "bullet"
            abstract[definition.get(f"{W}abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            for level, fmt in abstract.get(ref.get(f"{W}val") if ref is not None else None, {}).items():
                formats[(num.get(f"{W}numId"), level)] = fmt
    return Numbering(formats)


def _core_title(package: Package, name: str) -> str | None:
    if not package.has("docProps/core.xml"):
        return None
    try:
        title = parse_xml(package.read("docProps/core.xml"), name, "docProps/core.xml").find(f"{_DC}title")
    except DocumentError:
        return None
    text = " ".join((title.text or "").split()) if title is not None else ""
    return text or None
