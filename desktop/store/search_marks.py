"""Where a query's words are in a hit's text, and the snippet shown around them.

The full-text indexes say which rows match; the words are then found again here, in Python, in the few
rows shown (a passage, a quote, a note): cheaper than FTS5's snippet() and highlight(), which run the
whole query again for every row, and exact about positions, so a click opens the article at the word.
Words are compared as the indexes' tokenizer (unicode61, remove_diacritics 2) sees them: runs of
letters and digits, case and accents set aside; a prefix term matches the start of a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop.store.search_query import Term

_TOKEN = re.compile(r"[^\W_]+")
SNIPPET_WORDS = 14


def fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in word if not unicodedata.combining(c))


def term_marks(text: str, terms: Iterable[Term]) -> list[tuple[int, int]]:
    """Spans of `text` where each (non-negated) term occurs, in text order, overlaps merged."""
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    for term in terms:
        if term.negated:
            continue
        wanted = [fold(t) for t in _TOKEN.findall(term.text)]
        if not wanted:
            continue
        n = len(wanted)
        for i in range(len(tokens) - n + 1):
            if all(
                tokens[i + k][2] == w or (term.prefix and k == n - 1 and tokens[i + k][2].startswith(w))
                for k, w in enumerate(wanted)
            ):
                spans.append((tokens[i][0], tokens[i + n - 1][1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, marks: list[tuple[int, int]], words: int = SNIPPET_WORDS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `words` words of `text` around its first mark (all of a short text), with "…" where cut,
    and the marks that fall inside, as offsets into the snippet."""
    bounds = [m.span() for m in re.finditer(r"\S+", text)]
    if len(bounds) <= words:
        return _flatten(text.strip(), [(a - (len(text) - len(text.lstrip())), b - (len(text) - len(text.lstrip()))) for a, b in marks])
    first = marks[0][0] if marks else 0
    at = next((i for i, (s, e) in enumerate(bounds) if e > first), 0)
    lo = max(0, min(at - words // 3, len(bounds) - words))
    hi = min(len(bounds), lo + words)
    start, end = bounds[lo][0], bounds[hi - 1][1]
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(bounds) else ""
    piece = text[start:end]
    inside = [(max(a, start) - start, min(b, end) - start) for a, b in marks if a < end and b > start]
    flat, shifted = _flatten(piece, inside)
    return head + flat + tail, tuple((a + len(head), b + len(head)) for a, b in shifted)


def _flatten(text: str, marks: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`text` on one line (runs of white space as one space), with the marks moved to match."""
    out: list[str] = []
    where: list[int] = []  # new offset of each old offset
    previous_space = False
    for char in text:
        where.append(len(out))
        if char.isspace():
            if not previous_space:
                out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
    where.append(len(out))
    return "".join(out), tuple((where[a], where[b]) for a, b in marks if where[b] > where[a])
