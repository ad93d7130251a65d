"""Printed web pages (a browser's Print ▸ Save as PDF): the article without the site around it.

A printed page keeps the site's menus, related links, share buttons and footers, and it keeps their
links: a browser writes each link as a link annotation. A PDF in which at least one line in ten is the
text of a web link is taken for a printed web page, and its paragraphs are judged as a saved page's
would be. trafilatura (the saved pages' extractor) leans on the page's tags (nav, footer, aside), which
a PDF no longer has; jusText judges paragraphs by what survives printing: length, link density and the
share of function words, then by their neighbours. The paragraphs go to jusText as a plain page (linked
lines as links, bulleted ones as list items, larger ones as headings) with its default settings; those
it keeps are kept. Typeset PDFs (reports, papers, press releases) have few links and pass untouched.
Measured on the shared PDF set: see tests/bench/pdf_extraction.py.
"""

from __future__ import annotations

from html import escape

from desktop.documents.pdf_lines import Line

WEB_LINK_SHARE = 0.1
_BULLETS = "•◦▪‣●○■□➢►-–*"


def is_printed_web_page(paragraphs: list[list[Line]]) -> bool:
    lines = [line for paragraph in paragraphs for line in paragraph]
    return bool(lines) and sum(line.linked for line in lines) >= WEB_LINK_SHARE * len(lines)


def main_paragraphs(paragraphs: list[list[Line]], body: float) -> list[list[Line]]:
    """The article's paragraphs of a printed web page; any other PDF's paragraphs as they are."""
    if not is_printed_web_page(paragraphs):
        return paragraphs
    import justext

    judged = justext.justext(as_html(paragraphs, body).encode("utf-8"), justext.get_stoplist("English"))
    good = {_squash(p.text) for p in judged if not p.is_boilerplate}
    if not good:
        # An article of short paragraphs only: jusText found none long enough to anchor the rest, so
        # keep those that read as prose on their own (its context-free "good" and "near-good").
        good = {_squash(p.text) for p in judged if p.cf_class in ("good", "neargood")}
    kept = [p for p in paragraphs if _squash(" ".join(line.text for line in p)) in good]
    return kept or paragraphs


def as_html(paragraphs: list[list[Line]], body: float) -> str:
    parts = []
    for number, paragraph in enumerate(paragraphs):
        inner = " ".join(
            f'<a href="#{number}">{escape(line.text)}</a>' if line.linked else escape(line.text)
            for line in paragraph
        )
        if paragraph[0].text[:1] in _BULLETS:
            parts.append(f"<ul><li>{inner}</li></ul>")
        elif max(line.size for line in paragraph) > 1.15 * body:
            parts.append(f"<h2>{inner}</h2>")
        else:
            parts.append(f"<p>{inner}</p>")
    return "<html><body>\n" + "\n".join(parts) + "\n</body></html>"


def _squash(text: str) -> str:
    # jusText drops the space between two links, so paragraphs are compared without any spaces.
    return "".join(text.split())
