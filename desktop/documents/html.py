"""Saved web pages (.html, .htm): the main article text, title, byline and date; nothing is fetched.

trafilatura finds the article in the page. It is only ever handed the page's text and no URL, so it has
nothing to download: it never calls its fetching functions, and lxml's HTML parser does not touch the
network (images are dropped, not loaded). The options were chosen on the 40 pages of the shared
extraction benchmark (see tests/bench/html_extraction.py for the figures).
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.documents.encoding import BOMS, decode_text, looks_binary, normalise_newlines
from desktop.documents.model import Document, DocumentError

# Browsers read a charset declared in the first 1024 bytes; pages saved by hand sometimes push it a
# little further down behind long comments, so look a bit deeper.
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# What the WHATWG encoding standard maps these labels to: pages labelled Latin-1 are really cp1252.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
# A title that ends (or starts) with the site's name after one of these separators loses that part.
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•]\s+|:\s+")

_MARKUP = re.compile(r"<[A-Za-z!/?]")
# A page whose longest paragraph is shorter than this holds menus and buttons, not an article.
MIN_SENTENCE_WORDS = 8
_WORD = re.compile(r"\w+")

# Article paragraphs are long and the furniture around them short: precision over recall measured best
# (mean token F1 0.969 against 0.959 for the defaults). Deduplication stays off: trafilatura keeps its
# seen-text cache for the whole process, so a page opened a few times would lose its paragraphs.
EXTRACTION_OPTIONS: dict[str, object] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
    "with_metadata": True,
}


def load_html(data: bytes, path: Path) -> Document:
    html = decode_html(data, path.name)
    return html_document(html, path)


def html_document(html: str, path: Path) -> Document:
    """The article in `html` as a Document, or DocumentError when the page holds no article text."""
    if not _MARKUP.search(html):
        # No tag at all: a text file saved under an .html name, which trafilatura would refuse as not HTML.
        return Document.from_text(html, format="txt", path=path)
    text, extracted = main_text(html, path.name)
    if not has_prose(text):
        raise DocumentError(
            f"{path.name} has no article text that Factlight can find: the page holds only navigation, "
            "links or scripts, or its text is loaded by the site when viewed online."
        )
    metadata = {
        key: str(value).strip()
        for key, value in (
            ("author", extracted.author),
            ("date", extracted.date),
            ("site", extracted.sitename),
            ("url", extracted.url),
        )
        if value and str(value).strip()
    }
    title = clean_title(extracted.title, extracted.sitename)
    return Document.from_text(without_headline(text, title), format="html", path=path, title=title, metadata=metadata)


def main_text(html: str, name: str, options: dict[str, object] | None = None) -> tuple[str, object | None]:
    """The page's main text (paragraphs separated by blank lines) and trafilatura's record of it."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, **(options or EXTRACTION_OPTIONS))
    except (ValueError, TypeError) as exc:  # lxml gives up on some malformed markup
        raise DocumentError(f"{name} is not a web page Factlight can read ({exc}).") from exc
    return article_paragraphs(extracted.text if extracted else ""), extracted


def article_paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text with paragraphs separated by blank lines, like other articles."""
    lines = (line.strip() for line in normalise_newlines(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def without_headline(text: str, title: str | None) -> str:
    """The text without a first paragraph that repeats the title.

    trafilatura leaves the headline out of most pages and keeps it on a few (when it sits inside the
    <article>); dropping it makes every page alike, and like the hand-picked article bodies.
    """
    first, _, rest = text.partition("\n\n")
    if title and rest and _squash(first) == _squash(title):
        return rest
    return text


def has_prose(text: str) -> bool:
    """Whether some paragraph reads as a sentence rather than a menu: trafilatura falls back to link text."""
    return any(len(_WORD.findall(paragraph)) >= MIN_SENTENCE_WORDS for paragraph in text.split("\n\n"))


def decode_html(data: bytes, name: str = "the page") -> str:
    """Decode a page: a BOM wins, then UTF-8, then the charset the page declares, then detection."""
    if not any(data.startswith(bom) for bom, _ in BOMS) and not looks_binary(data):
        try:
            return normalise_newlines(data.decode("utf-8"))
        except UnicodeDecodeError:
            declared = declared_charset(data)
            if declared:
                try:
                    return normalise_newlines(data.decode(declared))
                except UnicodeDecodeError:
                    pass  # the declaration is wrong; let detection have a go
    return decode_text(data, name)


def declared_charset(data: bytes) -> str | None:
    """The encoding named by the page's <meta charset>, http-equiv Content-Type or XML declaration, if known."""
    import codecs

    match = _META_CHARSET.search(data[:_CHARSET_SCAN_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore").strip().lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """The headline without the site's name that pages append or prepend ("… | MoreBikes", "IGN - …")."""
    if not title:
        return None
    title = " ".join(title.split())
    site = _squash(sitename or "")
    if not site:
        return title
    matches = list(_TITLE_SEPARATORS.finditer(title))
    # The exact site name first, so a name holding a separator is cut whole ("LinkNaija | Nigeria's …: …").
    for exact in (True, False):
        if matches and _is_site(title[matches[-1].end():], site, exact):
            return title[: matches[-1].start()].strip() or title
        for match in matches:
            if _is_site(title[: match.start()], site, exact):
                return title[match.end():].strip() or title
    return title


def _is_site(segment: str, site: str, exact: bool) -> bool:
    squashed = _squash(segment)
    if squashed == site or exact:
        return squashed == site
    # "Inexhibit" for "Inexhibit magazine", "MacRumors" for "MacRumors.com"; short words ("The") are no evidence.
    return min(len(squashed), len(site)) >= 4 and (site.startswith(squashed) or squashed.startswith(site))


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()
