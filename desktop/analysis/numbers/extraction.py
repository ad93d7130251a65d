"""Numbers claimed in the text: each amount with its value, unit (what it counts), bound and kind.

One linear pass over each paragraph's tokens: runs.py finds the tokens that spell an amount, then
the readers around it fill in a Reading: currencies.py the currency sign or name, units.py the
percent sign, unit of measure or counted noun, bounds.py "more than" and "about", ranges.py a
range's other end. not_amounts.py says which digits are dates, codes, scores or names instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.nlp import ParsedText
from desktop.analysis.numbers.bounds import read_bound_around, read_bound_from_syntax
from desktop.analysis.numbers.currencies import (
    dollar_prefix,
    read_currency_after,
    read_scale_letter,
    sign_before,
)
from desktop.analysis.numbers.not_amounts import (
    code_end,
    in_score_list,
    is_clock_time,
    is_identifier,
    tokens_not_amounts,
    worth_reporting,
)
from desktop.analysis.numbers.ranges import read_range
from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.runs import Run, read_run
from desktop.analysis.numbers.units import (
    counted_noun,
    measure_after,
    read_percent,
    read_rate,
    reads_as_age,
    unit_text,
)
from desktop.analysis.numbers.values import PREFIXED
from desktop.analysis.numbers.vocabulary import (
    CURRENCY_CODES,
    CURRENCY_FRACTIONS,
    CURRENCY_WORDS,
    ONES,
    SCALES,
    TENS,
    VAGUE,
    unit_kind,
)
from desktop.analysis.records import Entity, Number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def extract_numbers(parsed: ParsedText, entities: list[Entity]) -> list[Number]:
    """Every amount in the text, in text order."""
    numbers: list[Number] = []
    for para in parsed.paragraphs:
        doc = para.doc
        for reading in _readings(doc):
            start = para.start + doc[reading.first].idx
            last = doc[reading.last - 1]
            end = para.start + last.idx + len(last.text)
            numbers.append(
                Number(start, end, parsed.text[start:end], reading.value, reading.unit, reading.bound,
                       reading.kind, reading.currency, reading.low, reading.high)
            )
    return numbers


def _readings(doc: Doc) -> list[Reading]:
    not_amounts = tokens_not_amounts(doc)
    readings: list[Reading] = []
    starts = _possible_starts(doc)
    i, n = 0, len(doc)
    while i < n:
        run = None if i in not_amounts or i not in starts else read_run(doc, i)
        if run is None:
            i += 1
            continue
        reading, end = _read_around(doc, run, not_amounts)
        if reading is not None:
            readings.append(reading)
        i = max(end, i + 1)
    return readings


# Words an amount can start with: number words, vague plurals, "a million", "half a million".
_START_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(SCALES) | VAGUE | {"a", "an", "half", "quarter"}


def _possible_starts(doc: Doc) -> set[int]:
    """Tokens an amount can start at (a superset of where read_run finds one): a digit, an ordinal,
    a number word. One pass over the tokens instead of read_run's look at every one of them.

    The pass reads the words' ids with one Doc.to_array and tests each distinct word once (building
    a spaCy Token per token and testing its text cost more than reading the amounts)."""
    if not len(doc):
        return set()
    strings = doc.vocab.strings
    ordinal = strings["ORDINAL"]
    starts = set()
    for i, (lower, orth, ent_type) in enumerate(doc.to_array(_START_ATTRS).tolist()):
        word = _STARTS_WITH_WORD.get(lower)
        if word is None:
            word = _STARTS_WITH_WORD[lower] = strings[lower].split("-", 1)[0] in _START_WORDS
        digit = _HAS_NUMERAL.get(orth)
        if digit is None:
            digit = _HAS_NUMERAL[orth] = any(c.isnumeric() for c in strings[orth])
        if word or digit or ent_type == ordinal:
            starts.add(i)
    return starts


_START_ATTRS = ["LOWER", "ORTH", "ENT_TYPE"]
# By string id (a hash of the string, the same in every document): whether a token's lower case
# begins with a start word, and whether its text has a numeral.
_STARTS_WITH_WORD: dict[int, bool] = {}
_HAS_NUMERAL: dict[int, bool] = {}


def _read_around(doc: Doc, run: Run, not_amounts: set[int]) -> tuple[Reading | None, int]:
    """The Number a run makes with its neighbours, and the token after everything consumed."""
    if run.ordinal:
        return Reading(run.start, run.end, run.value, kind="ordinal"), run.end
    end_of_code = code_end(doc, run)
    if end_of_code is not None:
        return None, end_of_code
    first = run.start
    currency = sign_before(doc, first)
    if currency:
        first -= 1
        if doc[first].text == "$" and dollar_prefix(doc, first):
            first -= 1  # "C$ 300", "HK $5": the prefix is part of the sign
    written = doc[first:run.start].text if currency else None
    if run.glued_currency:
        currency = run.glued_currency
        first -= 1 if first > 0 and doc[first - 1].text == "$" else 0  # "$US55,931,000"
        written = (doc[first].text if first < run.start else "") + PREFIXED.match(doc[run.start].text).group(1)
    reading = Reading(first, run.end, run.value, currency=currency, written_unit=written)
    if run.glued_unit:
        if run.glued_unit.upper() in CURRENCY_CODES:
            reading.currency = reading.written_unit = run.glued_unit.upper()
        elif run.glued_unit in CURRENCY_FRACTIONS:  # "118.5p": pence
            reading.currency, reading.minor_unit = CURRENCY_WORDS[run.glued_unit], run.glued_unit
        else:
            reading.unit, reading.kind = run.glued_unit, "quantity"
    if in_score_list(doc, run):
        return None, run.end
    if not read_range(doc, run, reading, not_amounts):
        return None, max(run.end, reading.last)
    if reading.kind != "range":
        if run.vague:
            reading.bound = "about"
        elif is_identifier(doc, run) or is_clock_time(doc, run):
            return None, run.end
    if not read_scale_letter(doc, reading) and not read_percent(doc, reading):
        read_currency_after(doc, reading)
    if reading.unit_end is None and (reading.currency or reading.unit):
        reading.unit_end = reading.last
    read_bound_around(doc, reading)
    noun = _read_unit(doc, run, reading) if reading.unit is None and reading.currency is None else None
    read_rate(doc, reading, counted=noun is not None and unit_kind(noun.text) is None)
    read_bound_from_syntax(doc, reading, noun)
    if reading.currency:
        reading.unit = reading.minor_unit or reading.currency
        if reading.kind == "count":
            reading.kind = "money"
    if reading.rate:  # a rate's unit reads whole, as written: "$ per gallon", "percent a year", "km per hour"
        glue = "" if reading.rate.startswith("-") else " "
        reading.unit = f"{reading.written_unit or reading.unit}{glue}{reading.rate}"
    if reading.kind in ("count", "quantity") and not worth_reporting(doc, run, reading, noun):
        return None, reading.last
    skipped = doc[reading.last:reading.rate_end]
    read_to = reading.rate_end if not any(t.pos_ == "NUM" or t.like_num for t in skipped) else reading.last
    return reading, max(reading.last, read_to)


def _read_unit(doc: Doc, run: Run, reading: Reading) -> Token | None:
    """A unit of measure or the noun the amount counts, or an age; the unit's last token (None for an age)."""
    end = run.end if reading.kind != "range" else reading.last
    measure = measure_after(doc, end)
    if measure is not None:
        reading.unit, noun = measure
        reading.unit_end = noun.i + 1
    else:
        noun = counted_noun(doc, run.start, end)
        if noun is not None:
            reading.unit = unit_text(doc, noun, reading.last)
            reading.unit_end = noun.i + 1 if noun.i >= end else None
        elif run.plain_integer and reading.kind == "count" and reads_as_age(doc, run.start, run.end):
            reading.unit = "years"  # "Jane Webb, 51, said"
    if reading.unit is not None and unit_kind(reading.unit.split()[-1]) and reading.kind != "range":
        reading.kind = "quantity"
    return noun
