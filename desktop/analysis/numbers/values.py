"""Reading the value of one number token, or of a run of them: "13,000", "22.6bn", "twenty-one", "1.5 million".

The extractor in numbers.py decides which tokens form one number; this module only knows what
each word is worth and how a run of words composes ("two hundred and six" -> 206).
"""

from __future__ import annotations

import math
import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
# Multipliers; "dozen" multiplies like "hundred" does ("two dozen" = 24).
SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "lakhs": 1e5,
    "crore": 1e7, "crores": 1e7,
}
# Fractions written as words: "two thirds", "three quarters", "one and a half".
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
# Plural scale words on their own are vague amounts ("thousands of troops"): no value.
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores", "tens"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1e6,
}

_DIGITS = r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
DIGITS = re.compile(rf"^{_DIGITS}$")
# A number with a scale letter glued on, as headlines write money: "22.6bn", "10k", "$5M".
SUFFIXED = re.compile(rf"^({_DIGITS})(bn|bln|b|mn|mln|m|k|tn|trn|K|M|B|T)$")
# Two numbers joined into one token: "40–50", "4-1", "2019-20".
JOINED = re.compile(rf"^({_DIGITS})[-–—]({_DIGITS})$")
# A number with a unit glued on: "200lbs", "75ml", "10kph" (numbers.py checks the unit is one).
MEASURED = re.compile(rf"^({_DIGITS})([A-Za-zµ°][A-Za-zµ°/²³]*[23²³]?)$")
ORDINAL_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
# A four-digit integer that reads as a year.
YEAR = re.compile(r"^(1[5-9]|20)\d\d$")

_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
                 "t": 1e12, "tn": 1e12, "trn": 1e12}


def finite(value: float | None) -> float | None:
    """The value, or None when it overflowed (a 10,000-digit token is not a quantity)."""
    return value if value is not None and math.isfinite(value) else None


def digits_value(text: str) -> float | None:
    """The value of a written-in-digits token: "13,000" -> 13000.0, "22.6bn" -> 2.26e10, else None."""
    if len(text) > 40:  # longer than any real quantity; float() of it would be inf or slow
        return None
    if DIGITS.match(text) and any(c.isdigit() for c in text):
        return finite(float(text.replace(",", "").replace("−", "-")))
    m = SUFFIXED.match(text)
    if m and any(c.isdigit() for c in m.group(1)):
        return finite(float(m.group(1).replace(",", "").replace("−", "-")) * _SUFFIX_SCALE[m.group(2).lower()])
    return None


def word_value(word: str) -> float | None:
    """The worth of a single number word ("seven", "forty", "million"); None for other words."""
    w = word.lower()
    if w in ONES:
        return float(ONES[w])
    if w in TENS:
        return float(TENS[w])
    if w in SCALES:
        return float(SCALES[w])
    return None


def ordinal_value(word: str) -> float | None:
    """"third" -> 3.0, "10th" -> 10.0, "twenty-first" -> 21.0; None when the word is no ordinal."""
    w = word.lower()
    if w in ORDINALS:
        return float(ORDINALS[w])
    m = ORDINAL_DIGITS.match(w)
    if m:
        return float(m.group(1).replace(",", ""))
    head, _, tail = w.rpartition("-")
    if head in TENS and tail in ORDINALS and ORDINALS[tail] < 10:
        return float(TENS[head] + ORDINALS[tail])
    return None


def is_scale(word: str) -> bool:
    return word.lower() in SCALES


def can_follow(previous: list[tuple[float, bool]], worth: float, scale: bool) -> bool:
    """Whether a number word may extend the run so far: "twenty" + "one", "two" + "hundred", not "three four"."""
    if not previous:
        return True
    last, last_is_scale = previous[-1]
    if scale:
        # A scale must grow the run: "hundred thousand", "1.5 million"; not "million hundred".
        return worth > last
    if last_is_scale:
        # After a scale, a smaller number adds on: "hundred and six", "million two thousand".
        return worth < last
    # "twenty" + "one": a tens word takes one unit word.
    return last in _TENS_WORTHS and 1 <= worth <= 9


_TENS_WORTHS = {float(v) for v in TENS.values()}


def compose(worths: list[tuple[float, bool]]) -> float | None:
    """The value of a run of (worth, is_scale) parts: [(2, F), (100, T), (6, F)] -> 206."""
    total, current = 0.0, 0.0
    for worth, scale in worths:
        if scale and worth >= 1000:
            total += (current or 1.0) * worth
            current = 0.0
        elif scale:
            current = (current or 1.0) * worth
        else:
            current += worth
    return finite(total + current)
