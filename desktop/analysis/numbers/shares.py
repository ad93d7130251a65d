"""Shares of a whole: "a third of the vote", "half of the stores", "one in five voters", "two out of three",
"1/4 of a cup", "3⁄8 inch".

runs.py reads the numbers; this module says where the words around them make a share of a whole
rather than an ordinal ("a third term"), a period ("the second half of the year"), a date ("on 3/4")
or two amounts ("2 in 10 minutes").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.numbers.values import VULGAR
from desktop.analysis.numbers.vocabulary import DENOMINATORS, MONTHS, unit_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Before "half" these make it a part of something ("the first half of the season", "his half of the deal").
_HALF_OWNERS = {"DET", "ADJ", "PRON", "NUM"}


def share_of(doc: Doc, i: int) -> tuple[int, float] | None:
    """(end, value) of "a third of", "a quarter of", "half of" starting at token i, else None."""
    word, after = doc[i].lower_, doc[i + 1]
    if word in ("a", "an"):
        name = after.lower_
        if name not in DENOMINATORS or name.endswith("s") or name == "half" or i + 2 >= len(doc):
            return None
        if doc[i + 2].lower_ != "of" or (i + 3 < len(doc) and doc[i + 3].lower_ in MONTHS):
            return None  # "a third term", "a fourth of July parade"
        return i + 2, 1.0 / DENOMINATORS[name]
    if after.lower_ != "of" or (i > 0 and (doc[i - 1].pos_ in _HALF_OWNERS or doc[i - 1].ent_type_ == "ORDINAL")):
        return None
    return i + 1, 0.5


def ratio_start(doc: Doc, end: int) -> int | None:
    """Where the whole starts in "one in five", "8 out of 10" after a number ending before token end."""
    if end + 1 >= len(doc):
        return None
    word = doc[end].lower_
    if word == "in":
        return end + 1
    if word == "out" and doc[end + 1].lower_ == "of" and end + 2 < len(doc):
        return end + 2
    return None


def counts_a_whole(doc: Doc, end: int) -> bool:
    """Whether the number before token end is a whole of people or things, not a span or a measure:
    "one in five voters", but "2 in 10 minutes", "3 in 4 km"."""
    return end >= len(doc) or (unit_kind(doc[end].text) is None and doc[end].text != "%")


def written_as_fraction(doc: Doc, i: int) -> bool:
    """Whether the token "1/4" at i is a fraction: with a fraction slash ("3⁄8"), before "of" ("1/4 of a
    cup") or before a unit of measure ("1/2 mile"); "on 3/4" is a date and "9/11" a name. "½" always is."""
    if "⁄" in doc[i].text or VULGAR.match(doc[i].text):
        return True
    j = i + 1
    if j < len(doc) and doc[j].text == "-" and not doc[i].whitespace_:
        j += 1  # "a 3/4-inch pipe"
    if j < len(doc) and doc[j].lower_ == "of":
        return j + 1 >= len(doc) or doc[j + 1].lower_ not in MONTHS
    return j < len(doc) and unit_kind(doc[j].text) is not None
