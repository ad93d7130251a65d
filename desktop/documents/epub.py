"""EPUB books and long-reads (.epub): the chapters in spine (reading) order, each through the HTML path.

The package (zipped.py) names its OPF in META-INF/container.xml; the OPF's spine lists the chapters in
reading order (items marked linear="no", such as pop-up notes, are left out). Each chapter's XHTML goes
through the saved pages' main-text extraction (html.main_text, favouring recall, since a book has no
menus to drop) and keeps its title: the chapter's first heading, put back when the extraction left it
out. A chapter too short for the extraction (a title page, a dedication) is read paragraph by paragraph.
Scripts in chapters are never run, and nothing a chapter links to is loaded.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from desktop.documents.html import EXTRACTION_OPTIONS, decode_html, main_text
from desktop.documents.limits import Deadline
from desktop.documents.model import Document, DocumentError
from desktop.documents.safe_xml import parse_xml
from desktop.documents.zipped import Package

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dt", "dd", "td", "th")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
CHAPTER_OPTIONS = {**EXTRACTION_OPTIONS, "favor_precision": False, "favor_recall": True, "with_metadata": False}


def load_epub(data: bytes, path: Path) -> Document:
    name = path.name
    package = Package(data, name, Deadline.default(name))
    opf_path = _opf_path(package, name)
    opf = parse_xml(package.read(opf_path), name, opf_path)
    chapters = _spine(opf, posixpath.dirname(opf_path))
    if not chapters:
        raise DocumentError(f"{name} is damaged: its spine lists no chapters.")
    texts = []
    for chapter in chapters:
        package.deadline.check()
        if not package.has(chapter):
            continue  # a missing chapter is skipped, as readers do
        text = chapter_text(package.read(chapter), f"{name}: {chapter}")
        if text:
            texts.append(text)
    title = opf.find(f"{_OPF}metadata/{_DC}title")
    title_text = " ".join((title.text or "").split()) if title is not None else ""
    author = opf.find(f"{_OPF}metadata/{_DC}creator")
    metadata = {"author": " ".join(author.text.split())} if author is not None and author.text else {}
    return Document.from_text("\n\n".join(texts), format="epub", path=path, title=title_text or None, metadata=metadata)


def _opf_path(package: Package, name: str) -> str:
    if package.has("META-INF/container.xml"):
        container = parse_xml(package.read("META-INF/container.xml"), name, "META-INF/container.xml")
        for rootfile in container.iter(f"{_CONTAINER}rootfile"):
            full_path = rootfile.get("full-path")
            if full_path and package.has(full_path):
                return full_path
    candidates = [n for n in package.names() if n.endswith(".opf")]
    if not candidates:
        raise DocumentError(f"{name} is damaged: it has no package document (.opf).")
    return candidates[0]


def _spine(opf, base: str) -> list[str]:
    manifest = {}
    for item in opf.iter(f"{_OPF}item"):
        href, media = item.get("href"), item.get("media-type", "")
        if href and media in _CHAPTER_TYPES:
            manifest[item.get("id")] = posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0])))
    chapters = []
    for ref in opf.iter(f"{_OPF}itemref"):
        target = manifest.get(ref.get("idref"))
        if target and ref.get("linear", "yes") != "no" and target not in chapters:
            chapters.append(target)
    return chapters


def chapter_text(data: bytes, name: str) -> str:
    """One chapter's paragraphs, separated by blank lines, its first heading first."""
    if _ENTITY_DECLARATION.search(data):
        raise DocumentError(f"{name} declares XML entities; Factlight does not expand them.")
    html = decode_html(data, name)
    heading, paragraphs = _walk(html)
    text, _ = main_text(html, name, CHAPTER_OPTIONS)
    if len(text.split()) < 0.5 * len(" ".join(paragraphs).split()):
        text = "\n\n".join(paragraphs)  # too short for the extraction, or it dropped most of it
    if heading and not text.startswith(heading):
        text = f"{heading}\n\n{text}" if text else heading
    return text.strip()


def _walk(html: str) -> tuple[str | None, list[str]]:
    """The first heading and every block's text, for chapters the extraction finds too short."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html.encode("utf-8"))
    except (ValueError, TypeError, etree.ParserError):
        return None, []
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    heading = None
    paragraphs = []
    for element in root.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        if heading is None and element.tag in ("h1", "h2", "h3"):
            heading = text
        paragraphs.append(text)
    return heading, paragraphs
