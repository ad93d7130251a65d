"""Word, OpenDocument and EPUB files built from known text, for the round-trip and fuzz tests.

DOCX comes from python-docx (another program's writer, so the reader is not tested against itself);
footnotes, which python-docx cannot write, are added to its package by hand. ODT and EPUB are zipped
by hand from the smallest XML their specifications allow, as LibreOffice and e-book tools write it.
"""

from __future__ import annotations

import io
import re
import zipfile
from html import escape


def make_docx(
    title: str,
    paragraphs: list[str],
    *,
    heading: str | None = None,
    bullets: list[str] = (),
    numbered: list[str] = (),
    table: list[list[str]] = (),
    footnote: tuple[int, str] | None = None,
) -> bytes:
    """A .docx: optional heading, paragraphs, a bulleted and a numbered list, a table; `footnote` is
    (index of the paragraph that cites it, its text)."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    for item in bullets:
        document.add_paragraph(item, style="List Bullet")
    for item in numbered:
        document.add_paragraph(item, style="List Number")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    return _with_footnote(data, paragraphs[footnote[0]], footnote[1]) if footnote else data


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_footnote(data: bytes, cited: str, note: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                text = body.decode("utf-8")
                marker = f"<w:t>{escape(cited, quote=False)}</w:t></w:r>"
                assert marker in text
                text = text.replace(
                    marker, marker + '<w:r><w:footnoteReference w:id="1"/></w:r>', 1
                )
                body = text.encode("utf-8")
            target.writestr(info, body)
        target.writestr(
            "word/footnotes.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(note)}'
            "</w:t></w:r></w:p></w:footnote></w:footnotes>",
        )
    return out.getvalue()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def make_odt(
    title: str,
    paragraphs: list[str],
    *,
    heading: str | None = None,
    bullets: list[str] = (),
    numbered: list[str] = (),
    table: list[list[str]] = (),
    footnote: tuple[int, str] | None = None,
) -> bytes:
    body = []
    if heading:
        body.append(f'<text:h text:outline-level="1">{escape(heading)}</text:h>')
    for k, paragraph in enumerate(paragraphs):
        note = ""
        if footnote and footnote[0] == k:
            note = (f'<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                    f"<text:note-body><text:p>{escape(footnote[1])}</text:p></text:note-body></text:note>")
        # Runs of spaces are written as <text:s/>, as LibreOffice does.
        body.append(f"<text:p>{_odf_spaces(escape(paragraph))}{note}</text:p>")
    if bullets:
        body.append('<text:list text:style-name="L1">'
                    + "".join(f"<text:list-item><text:p>{escape(i)}</text:p></text:list-item>" for i in bullets)
                    + "</text:list>")
    if numbered:
        body.append('<text:list text:style-name="L2">'
                    + "".join(f"<text:list-item><text:p>{escape(i)}</text:p></text:list-item>" for i in numbered)
                    + "</text:list>")
    if table:
        rows = "".join(
            "<table:table-row>" + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
            + "</table:table-row>"
            for row in table
        )
        body.append(f'<table:table table:name="T1">{rows}</table:table>')
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS} office:version="1.3">'
        '<office:automatic-styles>'
        '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>'
        '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>'
        "</office:automatic-styles>"
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>"
    )
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODF_NS}><office:meta>'
            f"<dc:title>{escape(title)}</dc:title></office:meta></office:document-meta>")
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content, "meta.xml": meta,
                 "META-INF/manifest.xml": '<?xml version="1.0"?><manifest:manifest '
                 'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'})


def _odf_spaces(text: str) -> str:
    return re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group(0)) - 1}"/>', text)


def make_epub(title: str, chapters: list[tuple[str, list[str]]], *, order: list[int] | None = None) -> bytes:
    """An EPUB 3 whose spine lists the chapters in `order` (default: as given); files are named so
    that their order in the ZIP differs from the spine's."""
    order = order if order is not None else list(range(len(chapters)))
    files = {"mimetype": "application/epub+zip"}
    files["META-INF/container.xml"] = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    manifest, spine = [], []
    for k, (heading, paragraphs) in enumerate(chapters):
        name = f"chapter-{len(chapters) - k:02d}.xhtml"
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        files[f"OEBPS/text/{name}"] = (
            '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{escape(heading)}</title></head><body><section><h1>{escape(heading)}</h1>{body}"
            "</section></body></html>"
        )
        manifest.append(f'<item id="c{k}" href="text/{name}" media-type="application/xhtml+xml"/>')
    for k in order:
        spine.append(f'<itemref idref="c{k}"/>')
    files["OEBPS/content.opf"] = (
        '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:factlight-test</dc:identifier><dc:title>{escape(title)}</dc:title>'
        "<dc:creator>A. Writer</dc:creator><dc:language>en</dc:language></metadata>"
        f"<manifest>{''.join(manifest)}</manifest><spine>{''.join(spine)}</spine></package>"
    )
    return _zip(files)


def _zip(files: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in files.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), body, compress_type=method)
    return out.getvalue()
