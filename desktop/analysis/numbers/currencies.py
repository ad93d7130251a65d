"""Reading the currency of an amount: a sign or code before it ("$", "C$", "USD"), a name after it
("323 million euros", "176 Hong Kong dollars"), and a scale letter glued after a sign ("£5m").

The signs, codes and names are lexicon data (currency_signs, currency_codes, currency_names,
currency_countries, dollar_prefixes, currency_fractions); this module reads them in context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.numbers.reading import Reading
from desktop.analysis.numbers.runs import glued
from desktop.analysis.numbers.vocabulary import (
    CURRENCY_CODES,
    CURRENCY_COUNTRIES,
    CURRENCY_FRACTIONS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    SCALE_LETTERS,
    SCALES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

# "pounds" is money only next to a sign of it; otherwise it is a weight.
_POUND_MONEY_NEIGHBOURS = frozenset({"sterling", "british"})


def sign_before(doc: Doc, i: int) -> str | None:
    """The currency code of a sign or code right before token i ("$", "€", "C$", "USD"), else None."""
    if i == 0:
        return None
    prev = doc[i - 1].text
    if prev == "$" and dollar_prefix(doc, i - 1):
        return dollar_prefix(doc, i - 1)
    if prev.lower() in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[prev.lower()]
    if prev in CURRENCY_CODES:
        return "CNY" if prev == "RMB" else prev
    return None


def is_sign(word: str) -> bool:
    return word.lower() in CURRENCY_SIGNS


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


def read_currency_after(doc: Doc, reading: Reading) -> None:
    """A currency name after the amount, with the country word that picks whose it is."""
    j, n = reading.last, len(doc)
    if j >= n:
        return
    word, text = doc[j].lower_, doc[j].text
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
        # "361 million pounds" is money; "200 pounds" a weight
        after_scale = max(SCALES.get(doc[j - 1].lower_, 0), SCALE_LETTERS.get(doc[j - 1].text, 0)) >= 1e6
        if country or reading.currency == "GBP" or neighbours & _POUND_MONEY_NEIGHBOURS or after_scale:
            reading.currency = country or "GBP"
            reading.last = j + 1
        return
    if word in CURRENCY_WORDS or text in CURRENCY_CODES or word in CURRENCY_SIGNS:
        code = country or CURRENCY_WORDS.get(word) or CURRENCY_SIGNS.get(word) or ("CNY" if text == "RMB" else text)
        if word in CURRENCY_FRACTIONS and reading.value is not None and not reading.currency:
            reading.value *= CURRENCY_FRACTIONS[word]
        reading.currency = reading.currency or code
        reading.last = j + 1
