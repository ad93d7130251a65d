"""Digits that are not amounts: dates, clock times, phone numbers and other codes, set scores, identifiers,
years and model numbers, and a lone "one" that works as an article.

The numbers extractor asks these before it reports a run of digits as a quantity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.runs import Run, glued
from desktop.analysis.numbers.shares import written_as_fraction
from desktop.analysis.numbers.units import measure_after
from desktop.analysis.numbers.values import DIGITS, JOINED, MEASURED, PREFIXED, YEAR, fraction_value
from desktop.analysis.numbers.vocabulary import (
    CLOCK_WORDS,
    CURRENCY_FRACTIONS,
    INVARIANT_PLURALS,
    MONTHS,
    NAME_LABELS,
    STREET_WORDS,
    currency_of_code,
    currency_of_sign,
    unit_kind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NOUNS = {"NOUN", "PROPN"}
_DECADE = re.compile(r"^\d*0'?s$")  # "1990s", "90s"


def tokens_not_amounts(doc: Doc) -> set[int]:
    """Tokens inside dates, clock times and names. Durations ("15,000 years") and a bare age stay amounts."""
    skip: set[int] = set()
    for ent in doc.ents:
        if _measured(ent):  # "the 860 sq m centre", "ZenSlate Pro 14 inch": a number with a unit is an amount
            continue
        if ent.label_ in ("DATE", "TIME"):
            is_point = _is_calendar_or_clock(ent)
        else:  # "Article 5", "F-35"; but the small model also tags "USD 200" and "$A25,000" as names
            is_point = ent.label_ in NAME_LABELS and not _only_an_amount(ent) and not any(
                _is_money_token(t) or t.i > 0 and currency_of_sign(doc[t.i - 1].text) for t in ent)
        if is_point:
            skip.update(range(ent.start, ent.end))
    return skip


def _measured(ent: Span) -> bool:
    """Whether a digit token of the entity is followed by a unit of measure."""
    doc = ent.doc
    for t in ent:
        if t.text[:1].isdigit() and t.text.replace(",", "").replace(".", "").isdigit():
            measure = measure_after(doc, t.i + 1)
            # a date's span of time ("10 years ago") is read by _is_calendar_or_clock
            if measure is not None and not (ent.label_ in ("DATE", "TIME") and unit_kind(measure[0]) == "time"):
                return True
    return False


def _only_an_amount(ent: Span) -> bool:
    """Whether a "name" is nothing but an amount: the small model tags an index level ("7,412.35"), a
    change ("+0.4") or a price in pence ("412p") as a product or an organisation. A name has a word in it;
    a lone plain integer ("747", "1984") may still name a model or a book."""
    if len(ent) == 1 and ent[0].text.isdigit():
        return False
    for token in ent:
        text = token.text
        measured = MEASURED.match(text)
        if measured and any(c.isdigit() for c in measured.group(1)):
            unit = measured.group(2)
            if unit not in CURRENCY_FRACTIONS and unit_kind(unit, glued=True) is None:
                return False
        elif not (DIGITS.match(text) and any(c.isdigit() for c in text) or fraction_value(text) is not None) \
                and text not in ("%", "+", "-", "−"):
            return False
    return True


def _is_money_token(token: Token) -> bool:
    """A currency code or sign, alone or glued before digits ("USD", "NZ$5", "RM41.90")."""
    text = token.text
    prefixed = PREFIXED.match(text)
    if prefixed and any(c.isdigit() for c in prefixed.group(2)):
        text = prefixed.group(1)
    return currency_of_code(text) is not None or currency_of_sign(text) is not None


def _is_calendar_or_clock(ent: Span) -> bool:
    """A point in time ("Feb. 2", "2018", "7:14", "10 years ago", "the 20th"), not a span of time or an age.

    The small model also tags durations ("15,000 years"), ages ("Parise, 35,") and some plain
    amounts ("between 20 and 30") as DATE; their numbers are amounts.
    """
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    if after == "ago":
        return True
    for token in ent:
        word = token.lower_
        if (word in MONTHS or word in CLOCK_WORDS or word == "ago" or ":" in word
                or "/" in word and not (fraction_value(word) and written_as_fraction(ent.doc, token.i))
                or YEAR.match(word[:4]) and not word[4:5].isdigit()
                or word[:1].isdigit() and (word[-2:] in ("st", "nd", "rd", "th") or _DECADE.match(word) is not None)):
            return True
    return False


def is_identifier(doc: Doc, run: Run) -> bool:
    """"Article 5", "Section 230", "No. 1", "COVID - 19", "49 Elm Road": a plain integer naming something."""
    first = doc[run.start].text
    if measure_after(doc, run.end) is not None:
        return False  # "the Pro 16 inch": a size
    if run.plain_integer and _house_number(doc, run.end):
        return True
    if run.plain_integer and len(first) > 1 and first[0] == "0":
        return True  # "007", "0123": a code, not an amount
    if not run.plain_integer or run.start == 0:
        return False
    prev = doc[run.start - 1]
    numero = prev.text == "." and run.start > 1 and doc[run.start - 2].lower_ in ("no", "nos", "nr", "nrs")
    if numero or prev.text in ("#", "No.", "no.", "Nos.") or (prev.text in ("-", "/") and glued(doc, run.start - 1)
                                                      and run.start > 1 and doc[run.start - 2].is_alpha
                                                      and glued(doc, run.start - 2)):
        return True
    named = prev.text[:1].isalpha() and not any(c.isdigit() for c in prev.text)  # "Article", "S&P"
    if not glued(doc, run.start - 1) and named and prev.pos_ in _NOUNS and (prev.is_title or prev.is_upper):
        return prev.lower_ not in MONTHS
    return False


def _house_number(doc: Doc, end: int) -> bool:
    """Whether capitalised words ending in a street word follow ("49 Elm Road", "12 W 43rd St"), and no
    noun after them makes the street a modifier of what is counted ("40 Main Street shops")."""
    for j in range(end, min(end + 4, len(doc))):
        token = doc[j]
        if not (token.is_title or token.is_upper or token.text[:1].isdigit()):
            return False
        if j > end and token.lower_.rstrip(".") in STREET_WORDS:
            after = doc[j + 1] if j + 1 < len(doc) else None
            return after is None or after.pos_ not in _NOUNS
    return False


def code_end(doc: Doc, run: Run) -> int | None:
    """The end of a phone number, IP address or date written as digit groups ("202-555-0123"), else None."""
    groups, j = 1, run.end
    while j + 1 < len(doc) and doc[j].text in ("-", "/", ".") and glued(doc, j - 1) and glued(doc, j):
        if not doc[j + 1].text[:1].isdigit():
            break
        groups, j = groups + 1, j + 2
    glued_before = run.start > 1 and doc[run.start - 1].text in ("-", "/", ".") and glued(doc, run.start - 1) \
        and glued(doc, run.start - 2) and doc[run.start - 2].text[-1:].isdigit()
    return j if groups >= 3 or glued_before or (groups >= 2 and doc[run.start].text[:1] == "+") else None


def in_score_list(doc: Doc, run: Run) -> bool:
    """Set scores and tie-breaks ("6-4, 3-6, 7-6 (5)"): pairs of digits listed together are results, not ranges."""
    start = run.start
    end = run.end if run.low is not None else (run.end + 2 if _pair_starts_at(doc, run.start) else run.end)
    if end == run.end and run.low is None:  # a lone number: a tie-break "(5)" right after a score
        return (start > 1 and doc[start - 1].text == "(" and _pair_ends_at(doc, start - 2)
                and end < len(doc) and doc[end].text == ")")
    before = start > 1 and doc[start - 1].text == "," and _pair_ends_at(doc, start - 2)
    after = end + 1 < len(doc) and (doc[end].text == "," and _pair_starts_at(doc, end + 1)
                                    or doc[end].text == "(" and doc[end + 1].text.isdigit())
    return before or after


def _pair_starts_at(doc: Doc, i: int) -> bool:
    """Whether "6-4" (one token or three glued ones) starts at token i."""
    if JOINED.match(doc[i].text):
        return True
    return (i + 2 < len(doc) and doc[i].text.isdigit() and doc[i + 1].text in ("-", "–")
            and glued(doc, i) and glued(doc, i + 1) and doc[i + 2].text.isdigit())


def _pair_ends_at(doc: Doc, i: int) -> bool:
    if i < 0:
        return False
    if JOINED.match(doc[i].text):
        return True
    return i >= 2 and _pair_starts_at(doc, i - 2)


def is_clock_time(doc: Doc, run: Run) -> bool:
    return run.end < len(doc) and doc[run.end].lower_ in CLOCK_WORDS


_CALLING_VERBS = frozenset({"call", "dial", "phone", "ring", "text"})


def worth_reporting(doc: Doc, run: Run, reading: Reading, noun: Token | None) -> bool:
    """Years, model numbers, a number called or dialled ("call 911"), and a lone "one" that works as an
    article ("one of the", "one ally") are not claims."""
    if (run.plain_integer and noun is None and reading.unit is None and run.start > 0
            and doc[run.start - 1].lemma_.lower() in _CALLING_VERBS):
        return False
    if run.plain_integer and YEAR.match(doc[run.start].text):
        # "1500 troops" and "860 sq m" count; "in 2018", "2024 mission" do not
        return noun is not None and (noun.tag_ == "NNS" or reading.kind == "quantity")
    if run.in_words and run.value == 1.0 and run.end - run.start == 1 and doc[run.start].lower_ == "one":
        # "one mile", "one year old" measure; "one day" is mostly the idiom ("would one day buy")
        measured = reading.kind == "quantity" and (reading.unit or "").lower() not in ("day", "time")
        return measured or reading.bound != "exact"
    # "the 737 Max jet", "the 777 program": a number over a singular noun names a model, it counts nothing
    return not (run.plain_integer and reading.kind == "count" and run.value is not None and run.value >= 100
                and noun is not None and noun.tag_ in ("NN", "NNP") and noun.lower_ not in INVARIANT_PLURALS
                and not glued(doc, run.end - 1))
