"""Words broken at a line end with a hyphen: join "pro-" + "posal", keep "well-" + "known".

Typesetters break long words at syllables and compounds at their own hyphen, and both look the same
on the page. The document itself is the first evidence, as a proof-reader would use it: a compound it
spells with its hyphen elsewhere ("well-known") keeps it, a word it spells whole elsewhere ("proposal")
is joined. Then an English word list (SCOWL, resources/words/): a whole that is a word is joined
("govern-" + "ment"); two parts that are each words keep the hyphen ("higher-" + "end"). A break before
a capital or a digit ("Franco-" + "German", "COVID-" + "19") or after a part that already holds a
hyphen ("hit-or-" + "miss") keeps it. Otherwise the hyphen is taken for a syllable break.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from desktop.resources import resource_path

_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*", re.UNICODE)
_LAST_WORD = re.compile(r"([^\W\d_]+(?:[-\u2010][^\W\d_]+)*)[-\u2010]?$")
_FIRST_WORD = re.compile(r"^([^\W_]+)")
# A part needs a few letters to count as a word of its own ("e", "re" and "co" are prefixes).
_MIN_PART = 3


@cache
def english_words() -> frozenset[str]:
    """The SCOWL word list (about 73,000 lowercase words), read once."""
    with gzip.open(resource_path("words", "english.txt.gz"), "rt", encoding="utf-8") as handle:
        return frozenset(handle.read().split())


class Vocabulary:
    """The words of a document, whole and hyphenated, lowercased."""

    def __init__(self, texts: Iterable[str]):
        self.words: Counter[str] = Counter()
        for text in texts:
            self.words.update(w.lower() for w in _WORD.findall(text))

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


def join_broken_word(left: str, right: str, vocabulary: Vocabulary) -> str:
    """`left` ends where a line ended on a hyphen (the hyphen itself not included), `right` is the next line.

    Returns the two joined, with the hyphen or without it.
    """
    before = _LAST_WORD.search(left)
    after = _FIRST_WORD.search(right)
    if not before or not after:
        return f"{left}-{right}"
    head, tail = before.group(1), after.group(1)
    if keeps_hyphen(head, tail, vocabulary):
        return f"{left}-{right}"
    return left + right


def keeps_hyphen(head: str, tail: str, vocabulary: Vocabulary) -> bool:
    """Whether "head-" at a line end followed by "tail" is a compound rather than a broken word."""
    if not tail[:1].isalpha() or tail[:1].isupper():
        return True
    parts = re.split(r"[-\u2010]", head)
    if len(parts) > 1:
        return True
    first_part = parts[-1]
    whole, compound = first_part + tail, f"{first_part}-{tail}"
    if compound in vocabulary:
        return True
    if whole in vocabulary:
        return False
    words = english_words()
    if whole.lower() in words:
        return False

    def is_word(part: str) -> bool:
        return len(part) >= _MIN_PART and (part.lower() in words or part in vocabulary)

    return is_word(first_part) and is_word(tail)
