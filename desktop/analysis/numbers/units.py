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
_TIME_AFTER = {"ago", "earlier", "later", "before", "after"}
# Modifiers that do not narrow what is counted: "100 more people", "five other countries".
_NOT_NARROWING = {"more", "other", "additional", "extra", "such", "fewer", "less", "own", "many", "few"}


def is_unit_word(word: str) -> bool:
    """A unit of measure or a percent sign, lowercase: a unit written on both ends of "44 mg to 50 mg"."""
    return word in PERCENT_SIGNS or unit_kind(word) is not None


def measure_after(doc: Doc, j: int) -> tuple[str, Token] | None:
    """The unit of measure written right after an amount that ends before token j: "64 km", "270 square
    miles", "240-hp", "380 sq ft"; its text (lowercase unless case tells it apart) and its last token."""
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
        if text.endswith(".") and len(text) > 2:  # "km/h." at the end of a sentence
            text = text[:-1]
        if unit_kind(text, glued=size == 1 and glued(doc, j - 1)) is None:
            dotless = text.replace(".", "")  # "m.p.h."
            if size > 1 or "." not in text or unit_kind(dotless) is None:
                continue
            text = dotless
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
    reading.last = reading.unit_end = j + (2 if pair in _PERCENT_PAIRS else 1)
    reading.written_unit = doc[j:reading.last].text
    reading.currency = None
    return True


def read_rate(doc: Doc, reading: Reading, counted: bool) -> None:
    """"$3.45 per gallon", "5 percent a year", "300 metres per second", "300 flights a day": what the unit
    is counted per, written after it. After a counted noun only a span of time makes a rate ("25 points a
    game" is a tally); after money, percent or a unit of measure any unit or noun does ("$5 a share")."""
    j, n = reading.unit_end, len(doc)
    if j is not None and j + 3 < n and doc[j].text == "-" and doc[j + 1].lower_ in ("a", "per") \
            and doc[j + 2].text == "-" and all(glued(doc, k) for k in range(j - 1, j + 3)) \
            and unit_kind(doc[j + 3].text) == "time" and not reading.currency:
        # "a 90,000 barrel-a-day refinery"; a price so written ("a $6.99-a-month plan") stays money
        reading.rate, reading.rate_end = doc[j:j + 4].text, j + 4
        return
    if j is None or j + 1 >= n or doc[j].lower_ not in ("per", "a", "an"):
        return
    k = j + 1
    measure = measure_after(doc, k)
    end = measure[1].i + 1 if measure is not None else None
    if end is None and not counted and doc[k].tag_ in ("NN", "NNP", "FW") and not doc[k].is_stop:
        end = k + 1  # "per capita", "$5 a share"
    if end is None or (counted and (measure is None or unit_kind(measure[0]) != "time")):
        return
    if end < n and (doc[end].pos_ in _NOUNS or doc[end].text == "-" and glued(doc, end - 1)
                    or doc[end].lower_ in _TIME_AFTER):
        return  # "a year-end bonus" goes on; "5% a month ago" is a time
    reading.rate, reading.rate_end = doc[j:end].text, end


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
    """The noun as a unit with the words before it that narrow it ("seven European countries" ->
    "European countries", "11 first-team players"), and a bare "of" phrase that does ("65 cases of
    cholera"); case kept for names and symbols ("GHz"), lowercase otherwise."""
    first = doc[after] if after < noun.i else None
    if first is not None and first.tag_ == "NN" and noun.tag_ == "NN" and first.dep_ == "compound" \
            and first.head.i == noun.i and after + 1 == noun.i:
        return first.lower_  # "a 12 page document", "a 4 cylinder engine": what is counted is the first noun
    start = noun.i
    between = doc[after:noun.i]
    measure = unit_kind(noun.text) is not None  # "Three US fluid ounces" measure in ounces
    while start - 1 >= after and not any(t.pos_ == "NUM" or any(c.isdigit() for c in t.text) for t in between):
        prev = doc[start - 1]  # no narrowing across a number: "400 737 Max jets" names a model
        if prev.text == "-" and start - 2 >= after and glued(doc, start - 2) and glued(doc, start - 1):
            start -= 2  # "first-team", "light-years"
        elif (not measure and prev.pos_ in ("ADJ", "NOUN", "PROPN") and prev.dep_ in ("amod", "compound", "nmod")
              and prev.tag_ not in ("JJR", "JJS") and prev.lower_ not in _NOT_NARROWING
              and noun.i >= prev.head.i > prev.i):
            start -= 1
        else:
            break
    end = noun.i + 1
    if unit_kind(noun.text) is None and end + 1 < len(doc) and doc[end].lower_ == "of":
        owned = doc[end + 1]
        for token in doc[end + 1:end + 4]:  # "of man coverage": modifiers, then the noun
            if token.head.i == end and token.dep_ == "pobj":
                owned = token
                break
        bare = not any(c.dep_ in ("det", "poss", "nummod") for c in owned.children)
        if owned.pos_ == "NOUN" and owned.head.i == end and bare and all(
                t.pos_ in ("ADJ", "NOUN") for t in doc[end + 1:owned.i]):
            end = owned.i + 1
    # names keep their case ("European countries", "GHz"); common nouns are lowercase
    words = [t.text if t.pos_ == "PROPN" or t.ent_type_ or any(c.isupper() for c in t.text[1:]) else t.lower_
             for t in doc[start:end]]
    return "".join(w + doc[start + i].whitespace_ for i, w in enumerate(words)).strip()


def reads_as_age(doc: Doc, run_start: int, run_end: int) -> bool:
    """"Jane Webb, 51, said", "aged 51", "over the age of 21": a bare number that is a person's age."""
    prev = doc[run_start - 1] if run_start > 0 else None
    if prev is None or run_end - run_start != 1:
        return False
    if prev.lower_ in ("aged", "age", "ages") or (prev.lower_ == "of" and run_start > 1 and doc[run_start - 2].lower_ == "age"):
        return True
    name = doc[run_start - 2] if run_start > 1 else None
    after = doc[run_end].text if run_end < len(doc) else ""
    return (prev.text == "," and after in (",", ")") and name is not None
            and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN" and name.ent_type_ == ""))
