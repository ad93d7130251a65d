"""Every encoding a saved article comes in decodes to the same text, with newlines as \\n."""

from __future__ import annotations

import codecs

import pytest

from desktop.documents import DocumentError, load

ARTICLE = (
    "Zürich café owners said the “new rules” cost them €3,000 — a blow.\n"
    "\n"
    "Le président a déclaré que la réunion à Genève était très importante.\n"
)


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        ("utf-32 LE with BOM", codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le")),
        ("cp1252 detected", ARTICLE.encode("cp1252")),
    ],
)
def test_each_encoding_gives_the_same_text(tmp_path, label, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    document = load(path)
    assert document.text == ARTICLE, label
    assert not document.text.startswith("\ufeff")


@pytest.mark.parametrize(
    "text",
    [
        "Señor Núñez said the año was good.\n",  # short texts fit cp1250 as well: the tie goes to cp1252
        "naïve café\n",
        "Die Straße in München ist für Fußgänger gesperrt, sagte der Bürgermeister.\n",
    ],
)
def test_latin_1_text_is_detected(tmp_path, text):
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load(path).text == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, как дела? Это тестовый текст на русском языке для проверки.\n", "cp1251"),
        ("Zażółć gęślą jaźń. Polski tekst w kodowaniu Windows dla sprawdzenia wykrywania.\n", "cp1250"),
    ],
)
def test_other_single_byte_code_pages_are_still_detected(tmp_path, text, encoding):
    path = tmp_path / "other.txt"
    path.write_bytes(text.encode(encoding))
    assert load(path).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_become_line_feeds(tmp_path, newline):
    path = tmp_path / "lines.txt"
    path.write_bytes(newline.join(["Headline", "", "First paragraph.", "Second."]).encode("utf-8"))
    assert load(path).text == "Headline\n\nFirst paragraph.\nSecond."


def test_mixed_newlines_in_utf_16_become_line_feeds(tmp_path):
    path = tmp_path / "mixed.md"
    path.write_bytes("# Title\r\n\r\nOne.\rTwo.\nThree.\r\n".encode("utf-16"))
    document = load(path)
    assert document.text == "Title\n\nOne.\nTwo.\nThree.\n"
    assert "\r" not in document.text


def test_a_bom_that_lies_about_the_encoding_is_reported(tmp_path):
    path = tmp_path / "liar.txt"
    path.write_bytes(codecs.BOM_UTF8 + "café".encode("cp1252"))
    with pytest.raises(DocumentError, match=r"^liar\.txt says it is UTF-8 but is not valid UTF-8\.$"):
        load(path)


def test_a_utf_16_file_cut_in_half_a_character_is_reported(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Story".encode("utf-16-le") + b"\x41")
    with pytest.raises(DocumentError, match=r"cut\.txt says it is UTF-16-LE but is not valid UTF-16-LE"):
        load(path)
