"""Pasted text becomes a Document: a browser's HTML through the article extraction, plain text as it is."""

from __future__ import annotations

import pytest

from desktop.documents import DocumentError, pasted_document

LINES = [
    "Council approves the river bridge",
    "The city council voted on Monday to approve the new river bridge, ending a debate of ten years.",
    "Mayor Ana Torres said the vote was a turning point for the eastern districts of the city.",
]


def test_plain_text_is_kept_and_titled_from_its_first_line():
    document = pasted_document("\n\n" + "\n\n".join(LINES) + "\n\n\n")
    assert document.text == "\n\n".join(LINES) + "\n"
    assert (document.title, document.format, document.path, document.pages) == (LINES[0], "txt", None, ())


def test_windows_newlines_become_line_feeds():
    assert pasted_document("\r\n\r\n".join(LINES)).text == "\n\n".join(LINES) + "\n"


def test_a_browser_copy_goes_through_the_article_extraction():
    html = ("<nav><a href='/'>Home</a> <a href='/a'>All the sections of the site</a></nav>"
            + "".join(f"<p>{line}</p>" for line in LINES[1:]) * 2 + "<footer>Cookie settings and privacy</footer>")
    document = pasted_document("Home All the sections " + " ".join(LINES), html)
    assert document.format == "html"
    assert LINES[1] in document.text and "sections of the site" not in document.text and "Cookie" not in document.text


def test_a_short_selection_of_html_falls_back_to_the_plain_text():
    document = pasted_document("Talks resume.", "<b>Talks</b> resume.")
    assert (document.text, document.format) == ("Talks resume.\n", "txt")


def test_html_without_plain_text_gives_its_own_text():
    assert pasted_document("", "<div><b>Talks</b> resume.</div>").text == "Talks resume."


@pytest.mark.parametrize(("text", "html"), [("", ""), ("  \n ", None), ("", "<script>x()</script>")])
def test_nothing_to_show(text, html):
    with pytest.raises(DocumentError, match=r"^The pasted text has no text to show\.$"):
        pasted_document(text, html)
