"""Reading the currency of an amount: a sign or code before it ("$", "C$", "RM", "USD"), a name after
it ("323 million euros", "176 Hong Kong dollars", "4.2 million Danish crowns"), and a scale letter
glued after a sign ("£5m").

The signs, codes and names are lexicon data derived from CLDR (currency_signs, currency_codes,
currency_names) with news usage beside them (currency_sign_variants, currency_defaults,
currency_aliases, dollar_prefixes, currency_fractions); this module reads them in context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.runs import glued
from desktop.analysis.numbers.vocabulary import (
    CURRENCY_ALIASES,
    CURRENCY_FRACTIONS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    SCALE_LETTERS,
    SCALES,
    currency_of_code,
    currency_of_sign,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LONGEST_NAME = 4  # "new taiwan dollars", "central african cfa franc"


def sign_before(doc: Doc, i: int) -> str | None:
    """The currency code of a sign or code right before token i ("$", "€", "C$", "USD"), else None."""
    if i == 0:
        return None
    prev = doc[i - 1].text
    if prev == "$" and dollar_prefix(doc, i - 1):
        return dollar_prefix(doc, i - 1)
    return currency_of_sign(prev) or currency_of_code(prev)


def is_sign(word: str) -> bool:
    return currency_of_sign(word) is not None


def dollar_prefix(doc: Doc, dollar: int) -> str | None:
    """The currency a letter before "$" names ("C$", "HK $"); a spaced "a" is the article ("a $3 billion")."""
    if dollar == 0:
        return None
    prefix = doc[dollar - 1].lower_
    if prefix not in DOLLAR_PREFIXES or (prefix == "a" and not glued(doc, dollar - 1)):
        return None
    return DOLLAR_PREFIXES[prefix]


def read_scale_letter(doc: Doc, reading: Reading) -> bool:
    """"£5m", "$2bn": after a currency sign a glued letter is a scale, even the "m" that is metres elsewhere."""
    j = reading.last
    if j >= len(doc) or not reading.currency or not glued(doc, j - 1):
        return False
    letter = doc[j].text.rstrip(".")  # "£5m." can come out as "5" + "m."
    factor = SCALE_LETTERS.get(letter, SCALE_LETTERS.get(letter.lower()))
    if factor is None:
        return False
    reading.scale(factor)
    reading.last = j + 1
    return True


def _name_code(words: list[str]) -> str | None:
    """The code of a currency name of one or more words; "danish crowns" through its alias "danish kroner"."""
    code = CURRENCY_WORDS.get(" ".join(words))
    if code is None and len(words) > 1:  # a bare "crowns" names no one currency
        for name in CURRENCY_ALIASES.get(words[-1], ()):
            code = code or CURRENCY_WORDS.get(" ".join([*words[:-1], name]))
    return code


def _pounds_are_money(doc: Doc, j: int, reading: Reading) -> bool:
    """A bare "pounds" is money after a sign or a large scale ("361 million pounds"), else a weight."""
    before = doc[j - 1]
    return reading.currency == "GBP" or max(SCALES.get(before.lower_, 0), SCALE_LETTERS.get(before.text, 0)) >= 1e6


def read_currency_after(doc: Doc, reading: Reading) -> None:
    """A currency name or code after the amount: "euros", "Hong Kong dollars", "200 EUR", "5 €"."""
    j, n = reading.last, len(doc)
    if j >= n:
        return
    for size in range(min(_LONGEST_NAME, n - j), 0, -1):
        words = [t.lower_ for t in doc[j:j + size]]
        code = _name_code(words)
        if code is None or (size == 1 and doc[j].pos_ == "VERB"):  # "as the team won"
            continue
        if size == 1 and words[0] in ("pound", "pounds") and not _pounds_are_money(doc, j, reading):
            return
        if words[-1] in CURRENCY_FRACTIONS and not reading.currency:
            reading.minor_unit = doc[j + size - 1].text  # "61.40 cents": the value stays as written
        if reading.currency is None:
            reading.currency, reading.written_unit = code, doc[j:j + size].text
        reading.last = reading.unit_end = j + size
        return
    text = doc[j].text
    # a code ("200 EUR") or a sign that is no word ("5 €", "20 zł"); a lettered sign after digits ("20 kn")
    # is more often a unit of measure
    code = currency_of_code(text) or (currency_of_sign(text) if not (text.isascii() and text.isalpha()) else None)
    if code:
        if reading.currency is None:
            reading.currency, reading.written_unit = code, text
        reading.last = reading.unit_end = j + 1
