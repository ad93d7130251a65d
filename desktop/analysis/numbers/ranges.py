"""Reading a range: "3,000 to 5,000", "between four and six", "$40-50 billion", "44 mg to 50 mg".

Two numbers joined by "to", "and" or a dash make a range only when the second is larger and the words
say so: "rose from 5% to 10%" is a change (two numbers), "cut by 30 to 126" an amount and a level,
and "4-1" a score (no amount at all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.numbers.currencies import is_sign, sign_before
from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.runs import Run, glued, read_run
from desktop.analysis.numbers.units import is_unit_word
from desktop.analysis.numbers.vocabulary import CHANGE_VERBS, PERCENT_SIGNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_RANGE_WORDS = {"-", "–", "—", "to", "through", "and"}


def read_range(doc: Doc, run: Run, reading: Reading, not_amounts: set[int]) -> bool:
    """Make the reading a range when the run has a high end ("3,000 to 5,000"); False for a score ("4-1")."""
    if run.low is not None:  # "40–50" in one token
        if run.low >= run.high:
            return False
        reading.low, reading.high, reading.kind = run.low, run.high, "range"
        return True
    other = _range_end(doc, run, not_amounts)
    if other is None:
        return True
    if other.value is None or run.value is None or run.value >= other.value:
        # a falling pair is no range; written "4-1" it is a score, which is no amount either
        score = doc[run.end].text in ("-", "–") and glued(doc, run.end - 1) and glued(doc, run.end)
        reading.last = other.end if score else reading.last
        return not score
    low = run.value
    if run.multiplier == 1 and run.value * other.multiplier <= other.value:
        low = run.value * other.multiplier  # "$40-50 billion": the scale is written once, on the high end
    reading.low, reading.high, reading.kind, reading.value = low, other.value, "range", None
    reading.last = other.end
    unit_word = doc[other.end - 1].lower_
    if is_unit_word(unit_word) and other.end - 1 > other.start:  # "44 mg to 50 mg"
        reading.unit = "%" if unit_word in PERCENT_SIGNS else doc[other.end - 1].text
    elif other.glued_unit:  # "5-10W"
        reading.unit = other.glued_unit
    if not reading.currency:
        reading.currency = sign_before(doc, other.start)
    return True


def _range_end(doc: Doc, run: Run, not_amounts: set[int]) -> Run | None:
    """The high end of "3,000 to 5,000", "$40-50 billion", "between four and six"; None if no range."""
    j = run.end
    unit = None
    if j + 2 < len(doc) and is_unit_word(doc[j].lower_) and doc[j + 1].lower_ in _RANGE_WORDS:
        unit, j = doc[j].lower_, j + 1  # "44 mg to 50 mg": the unit written on both ends
    if j + 1 >= len(doc) or run.vague or doc[j].lower_ not in _RANGE_WORDS:
        return None
    word = doc[j].lower_
    lead = run.start - 1
    if lead >= 0 and is_sign(doc[lead].text):
        lead -= 1  # "from $5 to $10"
    before = doc[lead].lower_ if lead >= 0 else ""
    if word == "and" and before != "between":
        return None
    if word in ("to", "through") and before == "from" and doc[lead].head.lemma_ in CHANGE_VERBS:
        return None  # "rose from 5% to 10%": a change, two numbers; "from 3 to 5 years" is a range
    if word in ("to", "through") and before == "by" and _changes(doc[lead].head):
        return None  # "down by 30 to 126", "cut by 5 to 20": by how much, then the new level
    k = j + 1
    if is_sign(doc[k].text) and k + 1 < len(doc):
        k += 1
    other = None if k in not_amounts else read_run(doc, k)
    if other is None or other.ordinal or other.vague or other.low is not None:
        return None
    if unit is not None:
        if other.end >= len(doc) or doc[other.end].lower_ != unit:
            return None
        other.end += 1
    spaced_dash = word in ("-", "–", "—") and not (glued(doc, run.end - 1) and glued(doc, j))
    # "1000 - 5000" with spaces is a range only when it rises; "4 - 1" is a score
    if spaced_dash and before != "between" and (
        run.value is None or other.value is None or run.value * other.multiplier >= other.value
    ):
        return None
    return other


def _changes(tok: Token) -> bool:
    return tok.lemma_.lower() in CHANGE_VERBS or tok.lower_ in ("down", "up")
