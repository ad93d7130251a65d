"""Fuzzing load(): 10,000 mutated and generated files of every format each end as a Document or a
DocumentError, never another exception, a hang or a crash.

Mutations start from real files of each format built from known text (tests/documents/pdf_maker.py,
office_files.py) and from the fixture web pages: bytes flipped, cut, duplicated, zeroed and spliced;
inside ZIP packages the XML is mutated and zipped again (so the CRC is right and the parser, not the
unzipper, meets the damage). Every input is seeded, so a failure names an input that can be rebuilt.
The 5 s per input is a guard against hangs, not a speed test.
"""

from __future__ import annotations

import gzip
import io
import random
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.documents import Document, DocumentError, load
from tests.documents.office_files import make_docx, make_epub, make_odt
from tests.documents.pdf_maker import Page, make_pdf, typeset

GUARD_SECONDS = 5.0
PARAGRAPHS = [
    "The minister said on Tuesday that about 3,000 troops would leave the region by the end of the year.",
    "“This is not a retreat,” she told reporters in Brussels, where allies met to discuss the plan.",
    "Critics said the timetable was too short, and a well-known analyst called it a gamble.",
]
HTML_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def _seeds() -> dict[str, list[bytes]]:
    pdfs = [
        make_pdf(typeset(PARAGRAPHS * 4, columns=c, headline="Troops to leave", header="Daily · {n}",
                         page_size=(612, 400)), title="Troops to leave", page_size=(612, 400))
        for c in (1, 2, 3)
    ]
    web = Page()
    web.add(40, 40, 9, "Home", link="https://example.org/")
    web.add(40, 60, 10, PARAGRAPHS[0])
    pdfs += [make_pdf([web]), make_pdf([Page(image=True)])]
    page = next(iter(sorted(HTML_PAGES.glob("*.html.gz"))))
    return {
        "pdf": pdfs,
        "docx": [slim_docx(make_docx("Troops", PARAGRAPHS, heading="Plan", bullets=["a point"], numbered=["one"],
                                     table=[["a", "b"]], footnote=(0, "A note.")))],
        "odt": [make_odt("Troops", PARAGRAPHS, heading="Plan", bullets=["a point"], numbered=["one"],
                         table=[["a", "b"]], footnote=(1, "A note."))],
        "epub": [make_epub("Troops", [("One", PARAGRAPHS[:2]), ("Two", PARAGRAPHS[2:])])],
        "html": [gzip.decompress(page.read_bytes())[:60_000]],
        "txt": ["\n\n".join(PARAGRAPHS).encode("utf-8"), "\n\n".join(PARAGRAPHS).encode("utf-16")],
        "md": [("# Troops\n\n" + "\n\n".join(f"*{p}*" for p in PARAGRAPHS)).encode("utf-8")],
    }


_DOCX_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
               "word/numbering.xml", "word/footnotes.xml", "word/styles.xml", "docProps/core.xml")


def slim_docx(data: bytes) -> bytes:
    """python-docx's package without its theme, fonts and the styles the text does not use, so that a
    mutation more often lands in the text (and each input costs less)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    document = source.read("word/document.xml").decode("utf-8")
    used = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', document))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in _DOCX_PARTS:
            if name not in source.namelist():
                continue
            body = source.read(name)
            if name == "word/styles.xml":
                text = body.decode("utf-8")
                text = re.sub(r"<w:latentStyles.*?</w:latentStyles>", "", text, flags=re.S)
                text = re.sub(r'<w:style [^>]*w:styleId="([^"]+)".*?</w:style>',
                              lambda m: m.group(0) if m.group(1) in used else "", text, flags=re.S)
                body = text.encode("utf-8")
            archive.writestr(name, body)
    return out.getvalue()


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        kind = rng.randrange(7)
        at = rng.randrange(len(out))
        if kind == 0:  # flip a few bytes
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif kind == 1:  # cut
            out = out[: max(1, at)]
        elif kind == 2:  # duplicate a run
            run = out[at : at + rng.randint(1, 4096)]
            out[at:at] = run * rng.randint(1, 8)
        elif kind == 3:  # zero a run
            end = min(len(out), at + rng.randint(1, 512))
            out[at:end] = bytes(end - at)
        elif kind == 4:  # insert random bytes
            out[at:at] = rng.randbytes(rng.randint(1, 64))
        elif kind == 5:  # splice in a structural token of the format
            out[at:at] = rng.choice(TOKENS)
        else:  # swap two runs
            other = rng.randrange(len(out))
            a, b = sorted((at, other))
            n = min(rng.randint(1, 256), b - a)
            out[a : a + n], out[b : b + n] = out[b : b + n], out[a : a + n]
    return bytes(out)


TOKENS = [
    b"obj", b"endobj", b"stream\n", b"endstream", b"/Length 999999999", b"/Type /Pages", b"<<", b">>", b"[",
    b"xref", b"trailer", b"/Kids [1 0 R 1 0 R]", b"/Count -1", b"%%EOF", b"/Encrypt 1 0 R", b"(((((((", b"\\",
    b"<w:p>", b"</w:p>", b"<w:tbl><w:tr><w:tc>", b"<text:list>", b"<text:note>", b"<!DOCTYPE x [", b"&amp;",
    b"<![CDATA[", b"<p>", b"<script>", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"\r", b"\xc3", b"PK\x03\x04",
]


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    """Re-zip a package with one XML part mutated (or a part dropped, or many parts added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = source.infolist()
    target_name = rng.choice([i.filename for i in infos])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:
            body = source.read(info)
            if info.filename == target_name:
                roll = rng.random()
                if roll < 0.1:
                    continue  # the part is missing
                body = mutate_bytes(body, rng)
            archive.writestr(info.filename, body)
        if rng.random() < 0.05:
            for k in range(rng.randint(1, 50)):
                archive.writestr(f"extra/{k}.xml", b"<x/>")
    return out.getvalue()


def generated(rng: random.Random) -> bytes:
    """Bytes that start like a format and go on as noise."""
    head = rng.choice([b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html>", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                       b"{\\rtf1", b"\xef\xbb\xbf", b"\xff\xfe", b"# ", b""])
    return head + rng.randbytes(rng.randint(0, 3000))


# (format, suffix, how many inputs, mutator): 10,000 in all.
PLAN: list[tuple[str, str, int, Callable[[bytes, random.Random], bytes]]] = [
    ("pdf", ".pdf", 3000, mutate_bytes),
    ("docx", ".docx", 600, mutate_bytes),
    ("docx", ".docx", 1000, mutate_package),
    ("odt", ".odt", 500, mutate_bytes),
    ("odt", ".odt", 900, mutate_package),
    ("epub", ".epub", 150, mutate_bytes),
    ("epub", ".epub", 150, mutate_package),
    ("html", ".html", 100, mutate_bytes),
    ("txt", ".txt", 1300, mutate_bytes),
    ("md", ".md", 800, mutate_bytes),
    ("generated", ".bin", 1500, lambda _seed, rng: generated(rng)),
]
_ZIPPED = {"docx", "odt", "epub"}


def test_the_plan_has_ten_thousand_inputs():
    assert sum(count for _, _, count, _ in PLAN) == 10_000


@pytest.mark.parametrize(("fmt", "suffix", "count", "mutator"), PLAN, ids=[f"{p[0]}-{p[3].__name__}" for p in PLAN])
def test_every_mutated_file_ends_as_a_document_or_a_document_error(tmp_path, fmt, suffix, count, mutator):
    seeds = _seeds().get(fmt, [b""])
    rng = random.Random(f"{fmt}-{mutator.__name__}")
    outcomes = {"document": 0, "error": 0}
    path = tmp_path / f"input{suffix}"
    for number in range(count):
        data = mutator(rng.choice(seeds), rng)
        path.write_bytes(data)
        started = time.monotonic()
        try:
            document = load(path)
        except DocumentError as exc:
            message = str(exc)
            assert message and "\n" not in message and message.startswith(path.name), (number, message)
            outcomes["error"] += 1
        else:
            assert isinstance(document, Document) and document.text.strip(), number
            assert not document.pages or (document.pages[0] == 0 and list(document.pages) == sorted(document.pages)
                                          and document.pages[-1] <= len(document.text)), number
            outcomes["document"] += 1
        took = time.monotonic() - started
        assert took < GUARD_SECONDS, f"input {number} of {fmt} took {took:.1f} s"
    # Both ends are reached: the fuzzing is not all refused at the door, nor all harmless. (Flipped bytes
    # in a ZIP package almost always break its checksums, so only its re-zipped mutations must open.)
    assert outcomes["error"] > 0, outcomes
    if fmt != "generated" and not (fmt in _ZIPPED and mutator is mutate_bytes):
        assert outcomes["document"] > 0, outcomes
