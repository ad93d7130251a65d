"""Small PDFs built from known text for the tests and the benchmark: pages of Helvetica lines set where
asked, columns set ragged-right by a simple typesetter, web links, an image-only page.

The font's widths are written into the PDF, so the typesetter's measure and the reader's agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_WIDTHS = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191, "(": 333, ")": 333,
    "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 278, ";": 278, "<": 584, "=": 584,
    ">": 584, "?": 556, "@": 1015, "[": 278, "\\": 278, "]": 278, "^": 469, "_": 556, "`": 333, "{": 334,
    "|": 260, "}": 334, "~": 584,
    **dict.fromkeys("0123456789", 556),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
                611, 722, 667, 944, 667, 667, 611), strict=True)),
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
                278, 556, 500, 722, 500, 500, 500), strict=True)),
}  # fmt: skip


def text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(c, 556) for c in text) * size / 1000


@dataclass
class Page:
    lines: list[tuple[float, float, float, str]] = field(default_factory=list)  # x, top, size, text
    links: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # x0, top, x1, bottom, uri
    image: bool = False

    def add(self, x: float, top: float, size: float, text: str, link: str | None = None) -> None:
        self.lines.append((x, top, size, text))
        if link:
            self.links.append((x, top - 1, x + text_width(text, size), top + size * 1.2, link))


def wrap(paragraph: str, width: float, size: float, breaks: dict[str, str] | None = None) -> list[str]:
    """Ragged-right lines no wider than `width`; a word in `breaks` ("proposal": "pro-") is hyphenated
    there when its first part still fits on the line."""
    lines, current = [], ""
    for word in paragraph.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size) > width:
            head = (breaks or {}).get(word)
            if head and text_width(f"{current} {head}", size) <= width:
                lines.append(f"{current} {head}")
                current = word[len(head) - (0 if word.startswith(head) else 1):]
                continue
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def typeset(
    paragraphs: list[str],
    *,
    columns: int = 1,
    size: float = 10,
    page_size: tuple[float, float] = (612, 792),
    margin: float = 72,
    gutter: float = 24,
    top: float = 72,
    header: str | None = None,
    footer: str | None = "Page {n} of {total}",
    headline: str | None = None,
    breaks: dict[str, str] | None = None,
) -> list[Page]:
    """Paragraphs flowed down one to three columns and over as many pages as they need."""
    width, height = page_size
    column_width = (width - 2 * margin - (columns - 1) * gutter) / columns
    leading = size * 1.3
    pages: list[Page] = []
    page, column, y = None, 0, 0.0

    def new_page() -> None:
        nonlocal page, column, y
        page = Page()
        pages.append(page)
        column, y = 0, top
        if headline and len(pages) == 1:
            for line in wrap(headline, width - 2 * margin, 2.2 * size):
                page.add(margin, y, 2.2 * size, line)
                y += 2.2 * size * 1.25
            y += size

    new_page()
    body_top = y
    for paragraph in paragraphs:
        for line in wrap(paragraph, column_width, size, breaks):
            if y + leading > height - margin:
                column += 1
                if column >= columns:
                    new_page()
                    body_top = y
                y = body_top
            page.add(margin + column * (column_width + gutter), y, size, line)
            y += leading
        y += leading * 0.8  # space between paragraphs
    for n, p in enumerate(pages, 1):
        if header:
            p.add(margin, 30, 8, header.format(n=n, total=len(pages)))
        if footer:
            p.add(width / 2 - 30, height - 40, 8, footer.format(n=n, total=len(pages)))
    return pages


def make_pdf(pages: list[Page], *, title: str | None = None, page_size: tuple[float, float] = (612, 792)) -> bytes:
    width, height = page_size
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    widths = " ".join(str(_WIDTHS.get(chr(c), 556)) for c in range(32, 256))
    font = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/FirstChar 32 /LastChar 255 /Widths [" + widths.encode() + b"] >>"
    )
    image = add(b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
    pages_id = len(objects) + 1
    objects.append(b"")  # the page tree, filled in below
    kids = []
    for page in pages:
        ops = []
        if page.image:
            ops.append(f"q {width - 144} 0 0 {height - 144} 72 72 cm /Im1 Do Q")
        for x, top, size, text in page.lines:
            ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x:.2f} {height - top - size:.2f} Tm ({_escape(text)}) Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        annots = []
        for x0, top, x1, bottom, uri in page.links:
            annots.append(add(
                f"<< /Type /Annot /Subtype /Link /Rect [{x0:.2f} {height - bottom:.2f} {x1:.2f} {height - top:.2f}] "
                f"/Border [0 0 0] /A << /S /URI /URI ({_escape(uri)}) >> >>".encode("latin-1")
            ))
        annot_list = f"/Annots [{' '.join(f'{a} 0 R' for a in annots)}]" if annots else ""
        kids.append(add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {height}] /Contents {content} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> {annot_list} >>".encode()
        ))
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    info = add(b"<< /Title (" + _escape(title).encode("latin-1") + b") /Producer (Factlight tests) >>") if title else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R" + (f" /Info {info} 0 R" if info else "") + " >>"
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _escape(text: str) -> str:
    raw = text.encode("cp1252", "replace").decode("latin-1")
    return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
