"""Numbers claimed in the text: each amount with its value, unit (what it counts), bound and kind.

One linear pass over each paragraph's tokens: number_runs finds the tokens that spell an amount,
then the words around it give the currency or percent sign, the bound ("more than", "about"), a
range's other end, and the dependency parse gives the noun it counts. Dates, clock times, codes,
scores and identifiers ("Article 5", "COVID-19") are not amounts (not_amounts.py); nor are years
and a lone "one" used as an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.nlp import ParsedText
from desktop.analysis.numbers.not_amounts import (
    code_end,
    in_score_list,
    is_clock_time,
    is_identifier,
    tokens_not_amounts,
)
from desktop.analysis.numbers.runs import Run, glued, read_run
from desktop.analysis.numbers.units import (
    AT_LEAST_VERBS,
    BOUND_AFTER,
    BOUND_PHRASES,
    CHANGE_VERBS,
    CURRENCY_CODES,
    CURRENCY_COUNTRIES,
    CURRENCY_FRACTIONS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    INVARIANT_PLURALS,
    LIMIT_NOUNS,
    LONGEST_BOUND,
    MEASURE_UNITS,
    POUND_MONEY_NEIGHBOURS,
)
from desktop.analysis.numbers.values import ONES, SCALES, TENS, VAGUE, YEAR
from desktop.analysis.records import Entity, Number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_RANGE_WORDS = {"-", "–", "—", "to", "through", "and"}
_NOUNS = {"NOUN", "PROPN"}
# Dependency labels by which a number attaches to the noun it counts.
_COUNTING_DEPS = {"nummod", "compound", "quantmod", "amod", "nmod", "appos", "npadvmod", "advmod"}


@dataclass
class _Reading:
    """What the words around a run say about it; becomes a Number."""

    first: int  # first token of the span (bound words or currency sign included)
    last: int  # one past the last token of the span
    value: float | None
    kind: str = "count"
    bound: str = "exact"
    unit: str | None = None
    currency: str | None = None
    low: float | None = None
    high: float | None = None


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


def _readings(doc: Doc) -> list[_Reading]:
    not_amounts = tokens_not_amounts(doc)
    readings: list[_Reading] = []
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
_START_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(SCALES) | frozenset(VAGUE) | {"a", "an", "half", "quarter"}


def _possible_starts(doc: Doc) -> set[int]:
    """Tokens an amount can start at (a superset of where read_run finds one): a digit, an ordinal,
    a number word. One pass over the tokens instead of read_run's look at every one of them."""
    return {
        tok.i
        for tok in doc
        if tok.lower_.split("-", 1)[0] in _START_WORDS
        or tok.ent_type_ == "ORDINAL"
        or any(c.isdigit() for c in tok.text)
    }


def _read_around(doc: Doc, run: Run, not_amounts: set[int]) -> tuple[_Reading | None, int]:
    """The Number a run makes with its neighbours, and the token after everything consumed."""
    if run.ordinal:
        return _Reading(run.start, run.end, run.value, kind="ordinal"), run.end
    end_of_code = code_end(doc, run)
    if end_of_code is not None:
        return None, end_of_code
    first = run.start
    currency = _sign_before(doc, first)
    if currency:
        first -= 1
        if doc[first].text == "$" and _dollar_prefix(doc, first):
            first -= 1
    reading = _Reading(first, run.end, run.value, currency=currency)
    if run.glued_unit:
        if run.glued_unit.upper() in CURRENCY_CODES:
            reading.currency = run.glued_unit.upper()
        else:
            reading.unit, reading.kind = run.glued_unit, "quantity"
    if in_score_list(doc, run):
        return None, run.end
    if not _read_range(doc, run, reading, not_amounts):
        return None, max(run.end, reading.last)
    if reading.kind != "range":
        if run.vague:
            reading.bound = "about"
        elif is_identifier(doc, run) or is_clock_time(doc, run):
            return None, run.end
    _read_after(doc, reading)
    _read_bound_before(doc, reading)
    noun = None
    if reading.unit is None and reading.currency is None:
        noun = _counted_noun(doc, run.start, run.end if reading.kind != "range" else reading.last)
        if noun is not None:
            reading.unit = _unit_text(doc, noun, reading.last)
            if reading.unit.lower() in MEASURE_UNITS and reading.kind != "range":
                reading.kind = "quantity"
    _read_bound_from_syntax(doc, reading, noun)
    if reading.currency:
        reading.unit = reading.currency
        if reading.kind == "count":
            reading.kind = "money"
    if reading.kind in ("count", "quantity") and not _worth_reporting(doc, run, reading, noun):
        return None, reading.last
    return reading, reading.last


def _read_range(doc: Doc, run: Run, reading: _Reading, not_amounts: set[int]) -> bool:
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
    if _is_unit_word(unit_word) and other.end - 1 > other.start:  # "44 mg to 50 mg"
        reading.unit = "%" if unit_word in _PERCENT_SIGNS else doc[other.end - 1].text
    if not reading.currency:
        reading.currency = _sign_before(doc, other.start)
    return True


def _sign_before(doc: Doc, i: int) -> str | None:
    if i == 0:
        return None
    prev = doc[i - 1].text
    if prev == "$" and _dollar_prefix(doc, i - 1):
        return _dollar_prefix(doc, i - 1)
    if prev.lower() in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[prev.lower()]
    if prev in CURRENCY_CODES:
        return "CNY" if prev == "RMB" else prev
    return None


def _dollar_prefix(doc: Doc, dollar: int) -> str | None:
    """The currency a letter before "$" names ("C$", "HK $"); a spaced "a" is the article ("a $3 billion")."""
    if dollar == 0:
        return None
    prefix = doc[dollar - 1].lower_
    if prefix not in DOLLAR_PREFIXES or (prefix == "a" and not glued(doc, dollar - 1)):
        return None
    return DOLLAR_PREFIXES[prefix]


def _range_end(doc: Doc, run: Run, not_amounts: set[int]) -> Run | None:
    """The high end of "3,000 to 5,000", "$40-50 billion", "between four and six"; None if no range."""
    j = run.end
    unit = None
    if j + 2 < len(doc) and _is_unit_word(doc[j].lower_) and doc[j + 1].lower_ in _RANGE_WORDS:
        unit, j = doc[j].lower_, j + 1  # "44 mg to 50 mg": the unit written on both ends
    if j + 1 >= len(doc) or run.vague or doc[j].lower_ not in _RANGE_WORDS:
        return None
    word = doc[j].lower_
    lead = run.start - 1
    if lead >= 0 and doc[lead].text.lower() in CURRENCY_SIGNS:
        lead -= 1  # "from $5 to $10"
    before = doc[lead].lower_ if lead >= 0 else ""
    if word == "and" and before != "between":
        return None
    if word in ("to", "through") and before == "from" and doc[lead].head.lemma_ in CHANGE_VERBS:
        return None  # "rose from 5% to 10%": a change, two numbers; "from 3 to 5 years" is a range
    if word in ("to", "through") and before == "by" and _changes(doc[lead].head):
        return None  # "down by 30 to 126", "cut by 5 to 20": by how much, then the new level
    k = j + 1
    if doc[k].text.lower() in CURRENCY_SIGNS and k + 1 < len(doc):
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


_PERCENT_SIGNS = {"%", "percent", "pct"}


def _is_unit_word(word: str) -> bool:
    return word in MEASURE_UNITS or word in _PERCENT_SIGNS


def _read_after(doc: Doc, reading: _Reading) -> None:
    """Percent signs, currency names and glued scale letters after the number."""
    j, n = reading.last, len(doc)
    if j >= n:
        return
    word, text = doc[j].lower_, doc[j].text
    letter = word.rstrip(".")  # "£5m." can come out as "5" + "m."
    if reading.currency and glued(doc, j - 1) and letter in ("m", "bn", "b", "k", "mn", "tn"):
        scale = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12}[letter]
        _scale(reading, scale)
        reading.last = j + 1
        return
    pair = word + " " + doc[j + 1].lower_ if j + 1 < n else word
    if word in ("%", "percent", "percents", "pct", "‰", "percentage") or pair in ("per cent", "percentage points", "percentage point"):
        reading.kind = "percent" if reading.kind != "range" else "range"
        reading.unit = "%" if not pair.startswith("percentage") else "percentage points"
        reading.last = j + (2 if pair in ("per cent", "percentage points", "percentage point") else 1)
        reading.currency = None
        return
    country = None
    # "10 swiss francs", "176 Hong Kong dollars": a country's name between the amount and the currency
    for k in range(j + 1, min(j + 3, n)):
        if not (doc[k - 1].is_title or doc[k - 1].pos_ in ("ADJ", "PROPN") or doc[k - 1].lower_ in ("us", "u.s.")):
            break
        key = (doc[k - 1].lower_, doc[k].lower_.rstrip("s"))
        if key in CURRENCY_COUNTRIES:
            country, j = CURRENCY_COUNTRIES[key], k
            word, text = doc[j].lower_, doc[j].text
            break
    if word in ("pound", "pounds"):
        neighbours = {doc[j + 1].lower_ if j + 1 < n else "", doc[j - 1].lower_}
        after_scale = doc[j - 1].lower_ in ("million", "billion", "trillion", "bn", "m")
        if country or reading.currency == "GBP" or neighbours & POUND_MONEY_NEIGHBOURS or after_scale:
            reading.currency = country or "GBP"
            reading.last = j + 1
        return
    if word in CURRENCY_WORDS or text in CURRENCY_CODES or word in CURRENCY_SIGNS:
        code = country or CURRENCY_WORDS.get(word) or CURRENCY_SIGNS.get(word) or ("CNY" if text == "RMB" else text)
        if word in CURRENCY_FRACTIONS and reading.value is not None and not reading.currency:
            reading.value *= CURRENCY_FRACTIONS[word]
        reading.currency = reading.currency or code
        reading.last = j + 1


def _scale(reading: _Reading, factor: float) -> None:
    if reading.value is not None:
        reading.value *= factor
    if reading.low is not None and reading.high is not None:
        reading.low, reading.high = reading.low * factor, reading.high * factor


def _read_bound_before(doc: Doc, reading: _Reading) -> None:
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


_BOUND_AFTER_FIRST = {words[0] for words in BOUND_AFTER}


def _read_bound_from_syntax(doc: Doc, reading: _Reading, noun: Token | None) -> None:
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


def _counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a number counts: "3,000 troops", "thousands of troops", "three of those companies"."""
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ in MEASURE_UNITS and (glued(doc, end - 1) or doc[end].pos_ != "VERB"):
        return doc[end]  # "5 m high", "64 km"
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


def _unit_text(doc: Doc, noun: Token, after: int) -> str:
    """The noun as a unit, with a glued hyphen prefix ("light-years"); case kept for "GHz", "MW"."""
    start = noun.i
    while start - 2 >= after and doc[start - 1].text == "-" and glued(doc, start - 2) and glued(doc, start - 1):
        start -= 2
    text = doc[start:noun.i + 1].text
    return text if any(c.isupper() for c in text[1:]) else text.lower()


def _worth_reporting(doc: Doc, run: Run, reading: _Reading, noun: Token | None) -> bool:
    """Years, model numbers, and a lone "one" that works as an article ("one of the", "one ally") are not claims."""
    if run.plain_integer and YEAR.match(doc[run.start].text):
        return noun is not None and noun.tag_ == "NNS"  # "1500 troops" counts; "in 2018", "2024 mission" do not
    if run.in_words and run.value == 1.0 and run.end - run.start == 1 and doc[run.start].lower_ == "one":
        # "one mile", "one year old" measure; "one day" is mostly the idiom ("would one day buy")
        measured = reading.kind == "quantity" and (reading.unit or "").lower() not in ("day", "time")
        return measured or reading.bound != "exact"
    # "the 737 Max jet", "the 777 program": a number over a singular noun names a model, it counts nothing
    return not (run.plain_integer and reading.kind == "count" and run.value is not None and run.value >= 100
                and noun is not None and noun.tag_ in ("NN", "NNP") and noun.lower_ not in INVARIANT_PLURALS
                and not glued(doc, run.end - 1))
