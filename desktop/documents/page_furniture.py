"""What a page carries besides its text: running heads and feet, page numbers, pull quotes.

A line near the top or bottom of its page that comes back on other pages at the same height, digits
aside ("Page 3 of 9", "The Times · May 2"), is a running head or foot (the same sentence in the body
of two pages is not). On a page of its own, the lines at the very top or bottom that
read as a page number, a web address, a print time stamp or the document's title are the same kind of
furniture (a browser's Print puts the date, title, address and "1/3" there). A block whose words all
come again elsewhere in the document, set in another size, is a pull quote (or a repeated caption).
English month names come from the calendar module (the C locale's).
"""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict

from desktop.documents.pdf_lines import Line

# Lines this close to the top or bottom edge (a share of the page height) can be furniture on their own.
EDGE = 0.07
# Repeated lines count as running heads or feet only among a page's outer lines.
OUTER_LINES = 3
_SAME_HEIGHT = 6.0  # points
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*(?:(?:of|/|von|de|sur)\s*\d{1,4})?\s*[-–—)\]]?$|^[ivxlcdm]{1,6}$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"^(?:https?://|www\.|file:/)\S+$", re.IGNORECASE)
_TIME_STAMP = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?$"
)
_MONTH = "|".join(m for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]))
_DATE = re.compile(
    rf"^(?:\w+,?\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")


def drop_running_lines(
    pages: list[list[Line]], heights: list[float], title: str | None, body: float
) -> list[list[Line]]:
    """Each page's lines without its running heads, feet and page numbers."""
    marginal = [_marginal(lines, heights[number]) for number, lines in enumerate(pages)]
    seen: dict[str, set[int]] = defaultdict(set)
    for number, lines in enumerate(marginal):
        for line in lines:
            seen[_shape(line)].add(number)
    # Heads recur on most pages; a body line that happens to recur among the outer lines of two pages
    # of a long document is not one (it would need to recur on four).
    needed = max(2, min(4, math.ceil(0.25 * len(pages))))
    repeated = {key for key, numbers in seen.items() if len(numbers) >= needed}
    places: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for number, lines in enumerate(marginal):
        for line in lines:
            key = _shape(line)
            if key in repeated:
                places[key].append((line.top, number))
    title_words = set(_WORDS.findall(title.lower())) if title else set()
    kept: list[list[Line]] = []
    for number, lines in enumerate(pages):
        height = heights[number]
        edge = {id(line) for line in marginal[number]}
        kept.append([
            line for line in lines
            if not (id(line) in edge and _runs_across_pages(line, places.get(_shape(line), []), number))
            and not _edge_furniture(line, height, title_words if line.size <= 1.1 * body else set())
        ])
    return kept


def _marginal(lines: list[Line], height: float) -> list[Line]:
    """The lines where running heads and feet sit: the three first and last lines of the page (a head
    can be in three parts: left, centre, right) and those at its very top or bottom edge."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    chosen = {id(ln) for ln in ordered[:OUTER_LINES] + ordered[-OUTER_LINES:]}
    outer = [ln for ln in ordered if id(ln) in chosen or ln.top < EDGE * height or ln.bottom > (1 - EDGE) * height]
    return [ln for ln in outer if _stands_apart(ln, ordered)]


def _stands_apart(line: Line, lines: list[Line]) -> bool:
    """A head or foot is set off from the text by more than the leading (the first line of a column,
    which may recur at the same height elsewhere, is not)."""
    room = 0.8 * max(line.height, 1.0)
    for other in lines:
        if other is line or (other.top < line.bottom and other.bottom > line.top):
            continue  # itself, or another part of the same head (left, centre, right)
        gap = other.top - line.bottom if other.top >= line.bottom else line.top - other.bottom
        if gap < room:
            return False
    return True


def _shape(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.lower().split()))


def _runs_across_pages(line: Line, places: list[tuple[float, int]], number: int) -> bool:
    return any(page != number and abs(top - line.top) <= _SAME_HEIGHT for top, page in places)


def _edge_furniture(line: Line, height: float, title_words: set[str]) -> bool:
    if line.top > EDGE * height and line.bottom < (1 - EDGE) * height:
        return False
    text = line.text.strip()
    if any(p.match(text) for p in (_PAGE_NUMBER, _ADDRESS, _TIME_STAMP, _DATE)):
        return True
    words = set(_WORDS.findall(text.lower()))
    # A running head repeating the title, perhaps cut short ("… investigating WeWork and…").
    return bool(title_words) and len(words) >= 3 and len(words & title_words) >= 0.6 * len(words) and len(
        title_words & words
    ) >= 0.6 * min(len(title_words), len(words))


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def is_repeated_elsewhere(text: str, elsewhere: set[tuple[str, ...]], share: float = 0.8) -> bool:
    """Whether most of `text`'s word 4-grams occur in the rest of the document (a pull quote)."""
    own = shingles(text)
    return len(own) >= 2 and len(own & elsewhere) >= share * len(own)
