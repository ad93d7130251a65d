"""PDFs open as clean reading text: columns in order, words mended, furniture gone, each page known."""

from __future__ import annotations

import io

import pytest

from desktop.documents import DocumentError, load
from desktop.documents.hyphenation import Vocabulary, join_broken_word
from tests.documents.pdf_maker import Page, make_pdf, typeset

HEADLINE = "Council approves the new river bridge"
PARAGRAPHS = [
    "The city council voted on Monday to approve the new river bridge, ending a debate that has divided "
    "residents for more than a decade and cost the city about 2 million dollars in studies.",
    "Mayor Ana Torres said the vote was a turning point. The old bridge carries twice the traffic it was "
    "built for, and engineers have warned that its steel supports are wearing out faster than expected.",
    "Opponents argued that the money would be better spent on buses. A group of shop owners near the "
    "eastern bank said that years of building work would drive their customers away from the district.",
    "Work is due to start next spring and should take three years. The council will publish the final "
    "design in the autumn, after a last round of public meetings in each of the four affected wards.",
] * 3
ARTICLE = "\n\n".join([HEADLINE, *PARAGRAPHS])


def write(tmp_path, data: bytes, name: str = "story.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_columns_are_read_in_order_and_running_lines_dropped(tmp_path, columns):
    pages = typeset(PARAGRAPHS, columns=columns, headline=HEADLINE, header="The River Gazette · {n}",
                    page_size=(612, 500))
    assert len(pages) >= 2
    document = load(write(tmp_path, make_pdf(pages, title=HEADLINE, page_size=(612, 500))))
    assert document.format == "pdf"
    assert document.text == ARTICLE
    assert "Gazette" not in document.text and "Page 1 of" not in document.text
    assert document.title == HEADLINE


def test_every_offset_knows_its_page(tmp_path):
    pages = typeset(PARAGRAPHS, columns=2, page_size=(612, 500))
    document = load(write(tmp_path, make_pdf(pages, page_size=(612, 500))))
    assert len(document.pages) == len(pages) >= 2 and document.pages[0] == 0
    assert list(document.pages) == sorted(document.pages)
    # Each page's text starts with the first line set on that page (its running lines aside).
    for number, page in enumerate(pages):
        first_line = page.lines[0][3]
        assert document.text[document.pages[number]:].startswith(first_line), number
    assert document.page_at(document.pages[1]) == 2
    assert document.page_at(document.pages[1] - 1) == 1
    assert document.page_at(len(document.text) - 1) == len(pages)


def test_words_broken_at_line_ends_are_mended_and_compounds_kept(tmp_path):
    paragraph = (
        "The planning committee finally accepted the proposal after a long and often bitter debate, "
        "and the well-known architect who drew the plans said that the government had been wise."
    )
    breaks = {"proposal": "pro-", "well-known": "well-", "government": "gov-"}
    endings = set()
    for width in range(150, 260, 6):
        pages = typeset([paragraph], size=10, page_size=(width, 400), margin=20, breaks=breaks, footer=None)
        ends = {line[3].rsplit(" ", 1)[-1] for line in pages[0].lines if line[3].endswith("-")}
        if not ends:
            continue
        endings |= ends
        document = load(write(tmp_path, make_pdf(pages, page_size=(width, 400))))
        assert document.text == paragraph, (width, ends)
    assert {"pro-", "well-", "gov-"} <= endings  # each kind of break was set at some width


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the pro", "posal was", "the proposal was"),
        ("a well", "known café", "a well-known café"),
        ("the gov", "ernment said", "the government said"),
        ("a higher", "end model", "a higher-end model"),
        ("a hit-or", "miss affair", "a hit-or-miss affair"),
        ("Franco", "German talks", "Franco-German talks"),
        ("COVID", "19 cases", "COVID-19 cases"),
    ],
)
def test_hyphen_decisions(left, right, joined):
    assert join_broken_word(left, right, Vocabulary([])) == joined


def test_the_document_itself_decides_first():
    # "e-tron" is no English word, but the text spells it with its hyphen, so it keeps it.
    assert join_broken_word("the e", "tron is", Vocabulary(["the new e-tron"])) == "the e-tron is"
    assert join_broken_word("the re", "port", Vocabulary(["a report"])) == "the report"


def test_title_is_the_largest_text_without_metadata(tmp_path):
    pages = typeset(PARAGRAPHS[:2], headline=HEADLINE)
    assert load(write(tmp_path, make_pdf(pages))).title == HEADLINE


def test_a_pull_quote_set_apart_is_dropped(tmp_path):
    pages = typeset(PARAGRAPHS[:4], columns=2, page_size=(612, 792))
    pages[0].add(72, 600, 16, "The old bridge carries twice the traffic")
    pages[0].add(72, 620, 16, "it was built for, and engineers have warned")
    document = load(write(tmp_path, make_pdf(pages)))
    assert document.text == "\n\n".join(PARAGRAPHS[:4])


def test_a_printed_web_page_loses_its_menus_and_links(tmp_path):
    page = Page()
    y = 40.0
    for item in ("Home", "World news", "Business and markets", "Sport", "Culture", "Weather", "Newsletters"):
        page.add(40, y, 9, item, link=f"https://news.example/{item.lower()}")
        y += 12
    y += 20
    page.add(40, y, 20, HEADLINE)
    y += 40
    for paragraph in PARAGRAPHS[:4]:
        for line in typeset([paragraph], margin=40)[0].lines[:-1]:
            page.add(40, y, 10, line[3])
            y += 13
        y += 10
    for item in ("Most read: a celebrity wedding", "Related: the best phones of the year", "Privacy policy",
                 "Terms of use", "Contact us", "Advertise with us"):
        page.add(40, y, 9, item, link="https://news.example/other")
        y += 12
    document = load(write(tmp_path, make_pdf([page], title=f"{HEADLINE} - The Example")))
    for furniture in ("World news", "Newsletters", "celebrity", "Privacy policy", "Advertise"):
        assert furniture not in document.text
    assert "\n\n".join(PARAGRAPHS[:4]) in document.text
    assert document.title == HEADLINE


def test_a_pdf_named_txt_opens_as_a_pdf(tmp_path):
    document = load(write(tmp_path, make_pdf(typeset(PARAGRAPHS[:2])), name="notes.txt"))
    assert document.format == "pdf"
    assert document.text == "\n\n".join(PARAGRAPHS[:2])


def test_an_image_only_pdf_says_no_ocr(tmp_path):
    path = write(tmp_path, make_pdf([Page(image=True), Page(image=True)]), name="scan.pdf")
    with pytest.raises(DocumentError, match=r"^scan\.pdf holds only images of pages .*no OCR\)\.$"):
        load(path)


def test_a_pdf_with_a_password(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(typeset(PARAGRAPHS[:1])))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    path = write(tmp_path, out.getvalue(), name="locked.pdf")
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert str(caught.value) == "locked.pdf is protected by a password (encrypted); Factlight cannot open it."


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_a_damaged_pdf(tmp_path, cut):
    data = make_pdf(typeset(PARAGRAPHS[:2]))
    damaged = data[: int(len(data) * cut)].replace(b"/Type /Page ", b"/Type /Bogus ")
    path = write(tmp_path, damaged + b"\x00garbage", name="report.pdf")
    with pytest.raises(DocumentError, match=r"^report\.pdf "):
        load(path)


def test_a_pdf_without_text_or_images(tmp_path):
    with pytest.raises(DocumentError, match=r"^blank\.pdf is a PDF with no text to show\.$"):
        load(write(tmp_path, make_pdf([Page()]), name="blank.pdf"))
