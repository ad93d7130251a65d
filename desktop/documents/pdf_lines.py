"""The text lines of one PDF page, read with pypdfium2: where each line sits, how large, what it says.

PDFium gives characters in content order with the lines it detected ("\\r\\n" it generated) and marks a
hyphen it took for a line-end break as U+FFFE (U+0002 in some builds), joining the two lines; the line
is split again there so every line has its own box and the hyphen decision is made later, on words
(see hyphenation.py). A line is also split where a gap wider than two em lies between characters, so
two columns set on the same baseline never become one line. Coordinates are top-down (y grows down
the page). Only the page's text is read: nothing is rendered and nothing linked is followed.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# What PDFium puts where it removed a line-end hyphen and the break after it.
_HYPHEN_MARKS = frozenset("\ufffe\x02")
_LINE_BREAK = "\r\n"
# Words (runs of drawn characters), PDFium's line breaks and its hyphen marks, in page order.
_TOKENS = re.compile(r"[^\s\ufffe\x02]+|\r\n|[\ufffe\x02]")
# A horizontal gap wider than this many font sizes between two characters of a line is a gutter.
GUTTER_EMS = 2.0
# A link area taller than this many lines is a picture or a card wrapped in a link, not linked words.
_LINK_MAX_LINES = 3.5


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # font size in points
    page: int
    hyphenated: bool = False  # the line ended in a hyphen PDFium took for a word break
    linked: bool = False  # most of the line is the text of a link (a web page's menu, related links)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def page_lines(page: object, textpage: object, number: int, max_chars: int) -> list[Line]:
    """The lines of `page` (a pypdfium2 PdfPage, its PdfTextPage), in PDFium's order."""
    tp = textpage.raw  # type: ignore[attr-defined]
    count = min(pdfium_c.FPDFText_CountChars(tp), max_chars)
    if count <= 0:
        return []
    text = _page_text(tp, count)
    height = page.get_height()  # type: ignore[attr-defined]
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    get_box = pdfium_c.FPDFText_GetCharBox
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    lines: list[Line] = []
    words: list[str] = []
    # The current line's box (top-down), the index of its first character (for its font size) and the
    # right edge of its last word. Boxes are taken per word, from its first and last characters: a
    # tenth of the calls into PDFium that per-character boxes would take, and the same lines.
    x0 = y0 = x1 = y1 = 0.0
    first = -1
    last_x1 = 0.0

    def finish(hyphenated: bool = False) -> None:
        nonlocal first
        if words and first >= 0:
            size = pdfium_c.FPDFText_GetFontSize(tp, first) or (y1 - y0)
            lines.append(Line(" ".join(words), x0, y0, x1, y1, size, number, hyphenated))
        words.clear()
        first = -1

    for token in _TOKENS.finditer(text):
        word = token.group()
        if word in _HYPHEN_MARKS:
            finish(hyphenated=True)
            continue
        if word == _LINE_BREAK:
            finish()
            continue
        start, end = token.start(), token.end() - 1
        get_box(tp, start, *refs)
        c0, c_top, c_bottom = left.value, height - top.value, height - bottom.value
        if end > start:
            get_box(tp, end, *refs)
            c1 = right.value
            c_top, c_bottom = min(c_top, height - top.value), max(c_bottom, height - bottom.value)
        else:
            c1 = right.value
        if first >= 0:
            size = y1 - y0 if y1 - y0 > 1.0 else 1.0
            gap = c0 - last_x1
            if (
                gap > GUTTER_EMS * size
                or gap < -2 * size
                or c_top > y1 + 0.2 * size
                or c_bottom < y0 - 0.2 * size
            ):
                finish()
        if first < 0:
            first = start
            x0, y0, x1, y1 = c0, c_top, c1, c_bottom
        else:
            if c0 < x0:
                x0 = c0
            if c1 > x1:
                x1 = c1
            if c_top < y0:
                y0 = c_top
            if c_bottom > y1:
                y1 = c_bottom
        words.append(word)
        last_x1 = c1
    finish()
    _mark_links(page, lines, height)
    return lines


def _page_text(tp: object, count: int) -> str:
    """The page's characters, one str character per PDFium character."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # Characters beyond the BMP take two UTF-16 units: read them one by one instead.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(count))


def _mark_links(page: object, lines: list[Line], height: float) -> None:
    """Mark the lines that lie mostly inside a link's area (link annotations a browser writes)."""
    areas = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    raw_page = page.raw  # type: ignore[attr-defined]
    while len(areas) < 5000 and pdfium_c.FPDFLink_Enumerate(raw_page, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        # Only links to web addresses: a table of contents links within the document.
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            x0, x1 = sorted((rect.left, rect.right))
            y0, y1 = sorted((height - rect.top, height - rect.bottom))
            areas.append((x0, y0, x1, y1))
    if not areas:
        return
    for line in lines:
        limit = _LINK_MAX_LINES * max(line.height, 1.0)
        covered = 0.0
        for x0, y0, x1, y1 in areas:
            if y1 - y0 > limit:
                continue
            middle = (line.top + line.bottom) / 2
            if y0 - 1 <= middle <= y1 + 1:
                covered += max(0.0, min(x1, line.x1) - max(x0, line.x0))
        line.linked = covered >= 0.5 * max(line.width, 1.0)
