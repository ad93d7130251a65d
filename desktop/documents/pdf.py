"""PDF files: the text in reading order as paragraphs, the title, and where each page starts.

pypdfium2 (PDFium's bindings; BSD-3-Clause / Apache-2.0) reads the text. It was chosen by measuring on
the shared PDF development set against pdfminer.six and pypdf (tests/bench/pdf_extraction.py prints the
table): used raw it already scored best of the three and it is 10-20 times faster, which is what lets a
100-page PDF show at once; the layout work on top of it (pdf_layout, page_furniture, hyphenation,
web_print) is Factlight's. PDFium is not thread-safe, so one lock serialises every use of it.

Only text is read: no page is rendered, no script run, no link or embedded file followed. A password
(encrypted) file, a damaged one and a scan without a text layer each get their own message.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from desktop.documents.hyphenation import Vocabulary, join_broken_word
from desktop.documents.limits import Deadline
from desktop.documents.model import Document, DocumentError
from desktop.documents.page_furniture import drop_running_lines, is_repeated_elsewhere, shingles
from desktop.documents.pdf_layout import (
    Block,
    attach_drop_caps,
    blocks_of,
    body_size,
    paragraphs_of,
    reading_order,
)
from desktop.documents.pdf_lines import Line, page_lines
from desktop.documents.web_print import main_paragraphs

MAX_PAGES = 5000
MAX_CHARS = 20_000_000  # all pages together; a page that holds more than this is not an article
_PDFIUM = threading.Lock()
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’)\]]$")
_PLACEHOLDER_TITLES = re.compile(r"^(?:untitled|document\d*|microsoft word - .*|.*\.(?:docx?|pdf|html?|txt))$", re.I)


def load_pdf(data: bytes, path: Path, deadline: Deadline | None = None) -> Document:
    deadline = deadline or Deadline.default(path.name)
    pages, heights, metadata, has_images = _read_pages(data, path.name, deadline)
    return pdf_document(pages, heights, metadata, path, has_images=has_images)


def _read_pages(
    data: bytes, name: str, deadline: Deadline
) -> tuple[list[list[Line]], list[float], dict[str, str], bool]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise DocumentError(_open_failure(exc, name)) from exc
        try:
            count = len(pdf)
            if count == 0:
                raise DocumentError(f"{name} is a PDF without pages.")
            if count > MAX_PAGES:
                raise DocumentError(f"{name} has {count} pages; Factlight opens PDFs of up to {MAX_PAGES} pages.")
            try:
                metadata = {k: str(v) for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
            except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
                metadata = {}
            pages: list[list[Line]] = []
            heights: list[float] = []
            budget = MAX_CHARS
            has_images = False
            for number in range(count):
                deadline.check()
                try:
                    page = pdf[number]
                except pdfium.PdfiumError as exc:
                    raise DocumentError(f"{name} is a damaged PDF (page {number + 1} cannot be read).") from exc
                try:
                    textpage = page.get_textpage()
                    try:
                        lines = page_lines(page, textpage, number, budget)
                    finally:
                        textpage.close()
                    if not lines and not has_images:
                        has_images = pdfium_c.FPDFPage_CountObjects(page.raw) > 0
                    heights.append(page.get_height())
                finally:
                    page.close()
                budget -= sum(len(line.text) for line in lines)
                if budget <= 0:
                    raise DocumentError(f"{name} holds more text than Factlight opens ({MAX_CHARS:,} characters).")
                pages.append(lines)
        finally:
            pdf.close()
    return pages, heights, metadata, has_images


def _open_failure(exc: Exception, name: str) -> str:
    import pypdfium2.raw as pdfium_c

    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return f"{name} is protected by a password (encrypted); Factlight cannot open it."
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return f"{name} is encrypted in a way Factlight cannot read."
    return f"{name} is a damaged PDF and cannot be opened."


def pdf_document(
    pages: list[list[Line]],
    heights: list[float],
    metadata: dict[str, str],
    path: Path,
    *,
    has_images: bool = False,
) -> Document:
    """The Document of a PDF's lines (page by page, in PDFium's order)."""
    name = path.name
    everything = [line for lines in pages for line in lines]
    if not everything:
        if has_images:
            raise DocumentError(
                f"{name} holds only images of pages (a scan without a text layer); "
                "Factlight does not recognise text in images (no OCR)."
            )
        raise DocumentError(f"{name} is a PDF with no text to show.")
    body = body_size(everything)
    title = document_title(metadata, pages[0], body)
    pages = drop_running_lines(pages, heights, title, body)
    page_blocks = [blocks_of(attach_drop_caps(lines, body)) for lines in pages]
    page_blocks = _without_pull_quotes(page_blocks, body)
    paragraphs: list[list[Line]] = []
    for blocks in page_blocks:
        for block in reading_order(blocks):
            paragraphs.extend(paragraphs_of(block))
    paragraphs = main_paragraphs(paragraphs, body)
    paragraphs = _join_continued(paragraphs)
    text, starts = _assemble(paragraphs, len(pages))
    info = {k: v for k, v in (("author", metadata.get("Author", "").strip()),) if v}
    return Document.from_text(text, format="pdf", path=path, title=title, metadata=info, pages=starts)


def document_title(metadata: dict[str, str], first_page: list[Line], body: float) -> str | None:
    """The metadata's title; the first page's largest text when there is none, or when the largest text
    is the headline inside a title that also names the site ("Headline - The Paper")."""
    meta = " ".join(metadata.get("Title", "").split())
    if _PLACEHOLDER_TITLES.match(meta):
        meta = ""
    largest = _largest_text(first_page, body)
    if meta and largest and largest.lower() in meta.lower():
        return largest
    return meta or largest


def _largest_text(lines: list[Line], body: float) -> str | None:
    candidates = [ln for ln in lines if ln.size > 1.15 * body and len(ln.text) > 3]
    if not candidates:
        return None
    size = max(ln.size for ln in candidates)
    top = [ln for ln in sorted(candidates, key=lambda ln: (ln.top, ln.x0)) if ln.size >= 0.95 * size]
    # The headline's lines follow each other; stop at the first gap of more than two lines.
    chosen = [top[0]]
    for line in top[1:]:
        if line.top - chosen[-1].bottom > 2 * line.height:
            break
        chosen.append(line)
    title = " ".join(" ".join(ln.text for ln in chosen).split())
    return title if len(title) <= 300 else None


def _without_pull_quotes(page_blocks: list[list[Block]], body: float) -> list[list[Block]]:
    """Drop blocks set apart in another size whose words all come again in the body (pull quotes)."""
    apart = {id(b) for blocks in page_blocks for b in blocks if abs(b.size - body) > 0.1 * body}
    if not apart:
        return page_blocks
    rest = shingles(" \n ".join(b.text for blocks in page_blocks for b in blocks if id(b) not in apart))
    return [
        [b for b in blocks if id(b) not in apart or not is_repeated_elsewhere(b.text, rest)]
        for blocks in page_blocks
    ]


def _join_continued(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """One paragraph again where a column or a page break cut it (no full stop, next starts lowercase)."""
    joined: list[list[Line]] = []
    for paragraph in paragraphs:
        if joined:
            last, first = joined[-1][-1], paragraph[0]
            continues = last.hyphenated or not _ENDS_SENTENCE.search(last.text)
            if continues and first.text[:1].islower() and abs(first.size - last.size) <= 0.1 * last.size:
                joined[-1].extend(paragraph)
                continue
        joined.append(list(paragraph))
    return joined


def _assemble(paragraphs: list[list[Line]], page_count: int) -> tuple[str, tuple[int, ...]]:
    """The text, paragraphs separated by blank lines, and the offset where each page starts."""
    any_broken = any(_broken(line) for paragraph in paragraphs for line in paragraph[:-1])
    vocabulary = Vocabulary(_unbroken_words(paragraphs) if any_broken else [])
    pieces: list[str] = []
    length = 0
    starts: list[int | None] = [None] * page_count
    for paragraph in paragraphs:
        if pieces:
            pieces.append("\n\n")
            length += 2
        text = ""
        for k, line in enumerate(paragraph):
            if starts[line.page] is None:
                starts[line.page] = length + len(text) + (1 if k and not paragraph[k - 1].hyphenated else 0)
            if not text:
                text = line.text
            elif _broken(paragraph[k - 1]):
                left = text.removesuffix("-").removesuffix("\u2010")
                text = join_broken_word(left, line.text, vocabulary)
            else:
                text = f"{text} {line.text}"
        pieces.append(text)
        length += len(text)
    # A page with no text (a picture, a blank) starts where the next page with text starts.
    offsets: list[int] = []
    following = length
    for start in reversed(starts):
        following = start if start is not None else following
        offsets.append(following)
    offsets.reverse()
    offsets[0] = 0
    return "".join(pieces), tuple(max(offsets[i], offsets[i - 1]) if i else 0 for i in range(len(offsets)))


def _broken(line: Line) -> bool:
    text = line.text
    return line.hyphenated or (len(text) > 1 and text[-1] in "-\u2010" and text[-2].isalpha())


def _unbroken_words(paragraphs: list[list[Line]]) -> list[str]:
    """The document's words, without the halves of words broken at line ends."""
    texts = []
    for paragraph in paragraphs:
        for k, line in enumerate(paragraph):
            words = line.text.split()
            if k and _broken(paragraph[k - 1]):
                words = words[1:]
            if _broken(line) and k + 1 < len(paragraph):
                words = words[:-1]
            texts.append(" ".join(words))
    return texts
