"""Reading the bound of an amount: "more than", "about", "up to" before it, "or more" after it, and the
bounds syntax gives ("wait times exceeded two hours", "a maximum value of $2.6bn").

The phrases are lexicon data (bound_phrases, bound_phrases_after, limit_nouns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.vocabulary import (
    AT_LEAST_VERBS,
    BOUND_AFTER,
    BOUND_PHRASES,
    LIMIT_NOUNS,
    LONGEST_BOUND,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_BOUND_AFTER_FIRST = {words[0] for words in BOUND_AFTER}


def read_bound_around(doc: Doc, reading: Reading) -> None:
    """"more than", "about", "up to" right before the number (or its currency sign); "or more" after it."""
    first = reading.first
    if reading.kind != "range":
        before = [t.lower_ for t in doc[max(0, first - LONGEST_BOUND):first]]
        for size in range(len(before), 0, -1):
            words = tuple(before[-size:])
            if words in BOUND_PHRASES:
                reading.bound = BOUND_PHRASES[words]
                reading.first = first - size
                break
    if reading.first > 0 and doc[reading.first - 1].lower_ in ("between", "from") and reading.kind == "range":
        reading.first -= 1
    j = reading.last
    if reading.kind == "range" or j >= len(doc) or doc[j].lower_ not in _BOUND_AFTER_FIRST:
        return
    after = tuple(t.lower_ for t in doc[j:j + 2])
    for words in (after[:2], after[:1]):
        if words in BOUND_AFTER:
            reading.bound = BOUND_AFTER[words]
            reading.last = j + len(words)
            return


def read_bound_from_syntax(doc: Doc, reading: Reading, noun: Token | None) -> None:
    """"wait times exceeded two hours" (at least); "a maximum value of $2.6bn" (at most)."""
    if reading.bound != "exact" or reading.kind == "range":
        return
    anchor = noun if noun is not None else doc[reading.last - 1]
    head = anchor.head
    if anchor.dep_ == "dobj" and head.lemma_ in AT_LEAST_VERBS:
        reading.bound = "at_least"
    elif anchor.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head
        for word in [owner, *owner.children]:
            if word.lower_ in LIMIT_NOUNS and (word is owner or word.dep_ == "amod"):
                reading.bound = LIMIT_NOUNS[word.lower_]
