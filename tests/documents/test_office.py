"""Word, OpenDocument and EPUB files round-trip to their text: paragraphs, headings, lists, tables, notes."""

from __future__ import annotations

import io
import zipfile

import pytest

from desktop.documents import DocumentError, load
from desktop.documents.zipped import MAX_PART_BYTES
from tests.documents.office_files import make_docx, make_epub, make_odt

TITLE = "Harbour strike ends after nine days"
HEADING = "Dockers return to work"
PARAGRAPHS = [
    "Dock workers in the port of Antwerp returned to work on Thursday after a nine-day strike over pay.",
    "The union said its members had won a rise of 4.5 percent, well short of the 8 percent they had asked for.",
    "“We are not happy, but we are realistic,” said union leader Marc Peeters, adding that talks would resume.",
]
BULLETS = ["Ships waiting: about 120", "Containers delayed: 45,000"]
NUMBERED = ["Talks resume in May", "A vote follows in June"]
TABLE = [["Port", "Days lost"], ["Antwerp", "9"], ["Rotterdam", "2"]]
NOTE = "Figures from the port authority, 14 March."

EXPECTED = "\n\n".join([
    HEADING,
    PARAGRAPHS[0],
    PARAGRAPHS[1] + "[1]",
    PARAGRAPHS[2],
    "• Ships waiting: about 120",
    "• Containers delayed: 45,000",
    "1. Talks resume in May",
    "2. A vote follows in June",
    "Port | Days lost\nAntwerp | 9\nRotterdam | 2",
    "Notes",
    f"[1] {NOTE}",
])  # fmt: skip


@pytest.mark.parametrize(("suffix", "make"), [(".docx", make_docx), (".odt", make_odt)])
def test_an_office_document_round_trips(tmp_path, suffix, make):
    path = tmp_path / f"strike{suffix}"
    path.write_bytes(make(TITLE, PARAGRAPHS, heading=HEADING, bullets=BULLETS, numbered=NUMBERED, table=TABLE,
                          footnote=(1, NOTE)))
    document = load(path)
    assert document.format == suffix[1:]
    assert document.text == EXPECTED
    assert document.title == TITLE
    assert document.pages == ()


@pytest.mark.parametrize("make", [make_docx, make_odt])
def test_paragraph_breaks_survive(tmp_path, make):
    path = tmp_path / "plain.bin"  # the bytes, not the name, say what it is
    path.write_bytes(make(TITLE, PARAGRAPHS))
    assert load(path).text.split("\n\n") == PARAGRAPHS


def test_a_title_from_the_first_heading_when_the_properties_have_none(tmp_path):
    path = tmp_path / "untitled.odt"
    path.write_bytes(make_odt("", PARAGRAPHS, heading=HEADING))
    assert load(path).title == HEADING


def test_an_odt_keeps_runs_of_spaces(tmp_path):
    path = tmp_path / "spaces.odt"
    path.write_bytes(make_odt(TITLE, ["Name:    Marc Peeters"]))
    assert load(path).text == "Name:    Marc Peeters"


CHAPTERS = [
    ("Chapter One: The Strike", ["The port fell silent on a Monday morning in March, when the first pickets arrived.",
                                 "By noon no crane was moving, and ships began to queue in the estuary."]),
    ("Chapter Two: The Talks", ["Negotiators met in a hotel near the station and talked through the night.",
                                "Neither side would say what had been offered, but both sounded tired."]),
    ("Chapter Three: The Deal", ["On the ninth day the union accepted a rise of 4.5 percent.",
                                 "The cranes started again on Thursday, and the queue of ships began to shrink."]),
]


def test_an_epub_reads_its_chapters_in_spine_order_with_their_titles(tmp_path):
    path = tmp_path / "strike.epub"
    path.write_bytes(make_epub("Nine Days", CHAPTERS, order=[0, 1, 2]))
    document = load(path)
    assert document.format == "epub"
    assert document.title == "Nine Days"
    assert document.metadata["author"] == "A. Writer"
    assert document.text == "\n\n".join(f"{h}\n\n" + "\n\n".join(ps) for h, ps in CHAPTERS)


def test_the_spine_not_the_zip_decides_the_order(tmp_path):
    path = tmp_path / "reordered.epub"
    path.write_bytes(make_epub("Nine Days", CHAPTERS, order=[2, 0, 1]))
    text = load(path).text
    assert text.index("Chapter Three") < text.index("Chapter One") < text.index("Chapter Two")


def _zip(files: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_fills_memory(tmp_path):
    # 100 MB of zeros deflate to about 100 KB: the part's declared size is over the limit.
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (MAX_PART_BYTES + 1)}))
    with pytest.raises(DocumentError, match=r"^bomb\.docx unpacks to more than Factlight reads .*ZIP bomb\.$"):
        load(path)


def test_a_part_whose_declared_size_lies_is_stopped_while_it_inflates(tmp_path):
    data = bytearray(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>" * 10}))
    # zipfile stops reading at the declared size and then fails the CRC: the file is called damaged.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (5).to_bytes(4, "little")
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentError, match=r"^liar\.docx "):
        load(path)


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>").encode()
    path = tmp_path / "xxe.docx"
    path.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml}))
    with pytest.raises(DocumentError, match=r"^xxe\.docx declares XML entities in word/document\.xml"):
        load(path)


def test_a_billion_laughs_is_refused(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{lol}]>'
           '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&l9;'
           "</office:document-content>").encode()
    path = tmp_path / "laughs.odt"
    path.write_bytes(_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": xml}))
    with pytest.raises(DocumentError, match="declares XML entities"):
        load(path)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"xl/workbook.xml": b"<w/>"}, "book.docx is an Excel spreadsheet, not a document Factlight can open."),
        ({"ppt/presentation.xml": b"<p/>"}, "book.docx is a PowerPoint presentation, not a document Factlight can open."),
        ({"photos/a.jpg": b"\xff\xd8\xff"}, "book.docx is a ZIP archive, not a document Factlight can open."),
        ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
         "book.docx is an OpenDocument spreadsheet, not a text document; Factlight opens OpenDocument text (.odt)."),
    ],
)
def test_other_zip_packages_are_named(tmp_path, files, message):
    path = tmp_path / "book.docx"
    path.write_bytes(_zip(files))
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert str(caught.value) == message


def test_an_encrypted_word_file_is_named(tmp_path):
    # Word saves a password-protected .docx as an OLE2 compound file holding an EncryptedPackage stream.
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500)
    with pytest.raises(DocumentError, match=r"^locked\.docx is protected by a password"):
        load(path)


def test_an_old_word_file_is_named(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le") + b"\0" * 500)
    with pytest.raises(DocumentError, match=r"^old\.doc is an old Word document \(\.doc\); save it as \.docx"):
        load(path)


def test_a_truncated_package_is_damaged(tmp_path):
    data = make_docx(TITLE, PARAGRAPHS)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError, match=r"^cut\.docx is a damaged ZIP package"):
        load(path)
