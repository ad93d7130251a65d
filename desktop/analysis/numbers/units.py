"""Reading the unit of an amount: what it counts or measures.

A percent sign or word after the number ("15%", "12.5 per cent"), a unit of measure ("64 km",
"5 m high"), or the noun the dependency parse says the number counts ("3,000 troops",
"thousands of troops", "three of those companies"). Units of measure are lexicon data
(measure_units, time_units).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.runs import glued
from desktop.analysis.numbers.vocabulary import LONGEST_UNIT, PERCENT_SIGNS, unit_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NOUNS = {"NOUN", "PROPN"}
# Dependency labels by which a number attaches to the noun it counts.
_COUNTING_DEPS = {"nummod", "compound", "quantmod", "amod", "nmod", "appos", "npadvmod", "advmod"}
_PERCENT_WORDS = PERCENT_SIGNS | {"percents", "‰", "percentage"}
_PERCENT_PAIRS = {"per cent", "percentage points", "percentage point"}


def is_unit_word(word: str) -> bool:
    """A unit of measure or a percent sign, lowercase: a unit written on both ends of "44 mg to 50 mg"."""
    return word in PERCENT_SIGNS or unit_kind(word) is not None


def measure_after(doc: Doc, j: int) -> tuple[str, Token] | None:
    """The unit of measure written right after an amount that ends before token j: "64 km", "311 square
    miles", "185-hp", "450 sq ft"; its text (lowercase unless case tells it apart) and its last token."""
    n = len(doc)
    if j >= n:
        return None
    if doc[j].text in ("-", "–") and glued(doc, j - 1) and glued(doc, j) and j + 1 < n:
        j += 1  # "a 185-hp engine"
    for size in range(min(LONGEST_UNIT, n - j), 0, -1):
        span = doc[j:j + size]
        if size > 1 and any(t.is_punct and t.text not in ("-", "/") for t in span):
            continue
        text = " ".join(span.text.split())
        if unit_kind(text, glued=size == 1 and glued(doc, j - 1)) is None:
            continue
        if size == 1 and doc[j].pos_ == "VERB" and not glued(doc, j - 1):
            continue  # "5 m" but not "they 5 m..." read as a verb
        return (text if any(c.isupper() for c in text[1:]) else text.lower()), span[-1]
    return None


def read_percent(doc: Doc, reading: Reading) -> bool:
    """"15%", "12.5 per cent", "3 percentage points" right after the number."""
    j, n = reading.last, len(doc)
    if j >= n:
        return False
    word = doc[j].lower_
    pair = word + " " + doc[j + 1].lower_ if j + 1 < n else word
    if word not in _PERCENT_WORDS and pair not in _PERCENT_PAIRS:
        return False
    reading.kind = "percent" if reading.kind != "range" else "range"
    reading.unit = "%" if not pair.startswith("percentage") else "percentage points"
    reading.last = j + (2 if pair in _PERCENT_PAIRS else 1)
    reading.currency = None
    return True


def counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a number counts: "3,000 troops", "thousands of troops", "three of those companies"."""
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ == "of":
        for child in doc[end].children:
            if child.dep_ == "pobj" and child.pos_ in _NOUNS:
                return child
        # "of evolving galaxies" parses as a clause: take the first noun before any punctuation
        for token in doc[end + 1:end + 5]:
            if token.is_punct or token.pos_ in ("ADP", "PRON", "NUM"):
                break
            if token.pos_ == "NOUN":
                return token
        return None
    head = last
    for _ in range(3):  # "nine 10 games": hop over numbers to the noun
        if head.dep_ not in _COUNTING_DEPS or head.head.i <= head.i:
            break
        head = head.head
        if head.pos_ != "NUM":
            break
    if (head is not last and head.pos_ in _NOUNS and head.i - end <= 4
            and not any(t.is_punct and t.text not in ("-", "–") for t in doc[end:head.i])):
        return head
    if end < len(doc) and doc[end].tag_ == "NNS" and doc[end].pos_ == "NOUN":
        return doc[end]
    return None


def unit_text(doc: Doc, noun: Token, after: int) -> str:
    """The noun as a unit, with a glued hyphen prefix ("light-years"); case kept for "GHz", "MW"."""
    start = noun.i
    while start - 2 >= after and doc[start - 1].text == "-" and glued(doc, start - 2) and glued(doc, start - 1):
        start -= 2
    text = doc[start:noun.i + 1].text
    return text if any(c.isupper() for c in text[1:]) else text.lower()
