"""Plain-text and Markdown articles load as their words, with a title and a stable fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.documents import FORMATS, Document, DocumentError, load, supported_suffixes

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def test_a_text_article_loads_as_written(tmp_path):
    source = ARTICLES / "twincities-wild-sabres.txt"
    document = load(source)
    expected = source.read_text(encoding="utf-8")
    assert document.text == expected
    assert document.format == "txt"
    assert document.path == str(source.resolve())
    assert document.title == expected.split("\n")[0].strip()
    assert document.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    assert document.metadata == {}


def test_the_fingerprint_is_the_same_for_the_same_text_in_another_file(tmp_path):
    (tmp_path / "a.txt").write_text("Same words.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words.\n", encoding="utf-16")
    assert load(tmp_path / "a.txt").sha256 == load(tmp_path / "b.txt").sha256


def test_a_long_first_line_is_not_taken_for_a_title(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text("word " * 100 + "\n\nSecond paragraph.\n", encoding="utf-8")
    document = load(path)
    assert document.title is None
    assert document.display_name == "wall.txt"


def test_supported_suffixes_name_every_format():
    assert supported_suffixes() == sorted(FORMATS)
    assert {".txt", ".md", ".html", ".htm"} <= set(supported_suffixes())


def test_suffixes_are_matched_whatever_their_case(tmp_path):
    path = tmp_path / "NOTES.MD"
    path.write_text("# Loud\n\nA **quiet** word.\n", encoding="utf-8")
    document = load(path)
    assert document.format == "md"
    assert document.text == "Loud\n\nA quiet word.\n"


def test_an_unknown_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "article.log"
    path.write_text("Police said 3 people were hurt.\n", encoding="utf-8")
    assert load(path).text == "Police said 3 people were hurt.\n"
    assert load(path).format == "txt"


MARKDOWN = """---
layout: post
---
# Kirby: *troops* will [deploy](https://example.com/kirby) soon #

By **Jane Doe** and __John Roe__, ***staff***

![Soldiers boarding a plane](https://example.com/photo.jpg)

Pentagon spokesman John Kirby said about [3,000 troops][ref] would go. See <https://example.org/report>.

> "This is not a permanent move," Kirby said.

Subhead under a line
--------------------

It costs 5 * 3 dollars; `code` and \\*stars\\* and snake_case_names stay.

- first point
- second point

***

<!-- editor's note: check figures -->
[ref]: https://example.com/numbers "The numbers"
"""


def test_markdown_is_shown_as_its_words(tmp_path):
    text = _load_markdown(tmp_path, MARKDOWN)
    assert text == (
        "Kirby: troops will deploy soon\n\n"
        "By Jane Doe and John Roe, staff\n\n"
        "Pentagon spokesman John Kirby said about 3,000 troops would go. See https://example.org/report.\n\n"
        "\"This is not a permanent move,\" Kirby said.\n\n"
        "Subhead under a line\n\n"
        "It costs 5 * 3 dollars; code and *stars* and snake_case_names stay.\n\n"
        "- first point\n"
        "- second point\n\n"
    )


def test_markdown_drops_images_and_link_addresses(tmp_path):
    text = _load_markdown(tmp_path, MARKDOWN)
    assert "photo.jpg" not in text and "Soldiers boarding" not in text
    assert "example.com" not in text
    assert "editor's note" not in text


def test_markdown_title_is_its_first_heading_without_markup(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    assert load(path).title == "Kirby: troops will deploy soon"


def test_an_underlined_heading_is_a_title(tmp_path):
    path = tmp_path / "story.markdown"
    path.write_text("Talks Resume\n============\n\nThe talks resumed on Monday.\n", encoding="utf-8")
    document = load(path)
    assert document.title == "Talks Resume"
    assert document.text == "Talks Resume\n\nThe talks resumed on Monday.\n"


def test_markdown_without_a_heading_takes_its_first_line(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Just a _short_ note.\n\nMore.\n", encoding="utf-8")
    document = load(path)
    assert document.text == "Just a short note.\n\nMore.\n"
    assert document.title == "Just a short note."


def test_markdown_of_only_an_image_has_no_text(tmp_path):
    path = tmp_path / "picture.md"
    path.write_text("![only a picture](https://example.com/a.png)\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="picture.md has no text to show"):
        load(path)


def _load_markdown(directory: Path, source: str) -> str:
    path = directory / "article.md"
    path.write_text(source, encoding="utf-8")
    document: Document = load(path)
    assert document.format == "md"
    return document.text


def test_a_paged_document_knows_the_page_of_each_offset():
    from desktop.documents import Document

    doc = Document.from_text("first page\n\nsecond page\n\nthird", format="pdf", pages=(0, 12, 25))
    assert [doc.page_at(k) for k in (0, 11, 12, 24, 25, 29)] == [1, 1, 2, 2, 3, 3]
    assert Document.from_text("no pages", format="txt").page_at(3) is None
