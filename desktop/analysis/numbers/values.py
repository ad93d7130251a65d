"""Reading the value of one number token, or of a run of them: "13,000", "22.6bn", "twenty-one", "1.5 million".

runs.py decides which tokens form one number; this module only knows what
each word is worth and how a run of words composes ("two hundred and six" -> 206).
"""

from __future__ import annotations

import math
import re
import unicodedata

from desktop.analysis.numbers.vocabulary import ONES, ORDINALS, SCALE_LETTERS, SCALES, TENS

_DIGITS = r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
DIGITS = re.compile(rf"^{_DIGITS}$")
# A number with a scale letter glued on, as headlines write money: "22.6bn", "10k", "$5M".
# The letters come from the one table of scales; a lowercase "t" glued on is tonnes ("5t"), not a trillion.
_SUFFIX_LETTERS = "|".join(sorted((re.escape(k) for k in SCALE_LETTERS if k != "t"), key=len, reverse=True))
SUFFIXED = re.compile(rf"^({_DIGITS})({_SUFFIX_LETTERS})$")
# A currency sign or code glued before the digits: "RM41.90", "INR3", "NZ$5", "US48,210,000" after "$".
PREFIXED = re.compile(rf"^([^\d\s]+?)=?({_DIGITS})$")
# Two numbers joined into one token: "40–50", "4-1", "2019-20".
JOINED = re.compile(rf"^({_DIGITS})[-–—]({_DIGITS})$")
# A number with a unit glued on: "200lbs", "75ml", "10kph" (runs.py checks the unit is one).
MEASURED = re.compile(rf"^({_DIGITS})([A-Za-zµμ°″′][A-Za-zµμ°/²³\-]*[23²³]?)$")
ORDINAL_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
# A fraction in digits: "1/4", "3⁄8" (with the fraction slash); a vulgar fraction, alone or after digits: "½", "1¾".
FRACTION = re.compile(r"^(\d{1,3})[/⁄](\d{1,4})$")
VULGAR = re.compile(r"^(\d{0,3})([¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])$")
# A four-digit integer that reads as a year.
YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


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
        return finite(float(m.group(1).replace(",", "").replace("−", "-")) * SCALE_LETTERS[m.group(2)])
    return None


def fraction_value(text: str) -> float | None:
    """"1/4" -> 0.25, "3⁄8" -> 0.375, "1½" -> 1.5; None unless a smaller number over a larger one ("24/7")."""
    vulgar = VULGAR.match(text)
    if vulgar:
        return int(vulgar.group(1) or 0) + unicodedata.numeric(vulgar.group(2))
    m = FRACTION.match(text)
    if m is None:
        return None
    top, bottom = int(m.group(1)), int(m.group(2))
    return top / bottom if 0 < top < bottom else None


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
