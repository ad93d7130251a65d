"""The word lists the number readers share, loaded once from the lexicon's data files.

Number words, scales, currencies, units, bound phrases and the words that make digits a date: each
list lives in desktop/analysis/lexicon/ with its source and licence; this module only gives the
readers (runs, values, currencies, units, bounds, ranges, not_amounts) typed views of them.
"""

from __future__ import annotations

from desktop.analysis.lexicon import table, words


def _numbers(name: str) -> dict[str, float]:
    return {key: float(value) for key, value in table(name).items()}


# --- number words ------------------------------------------------------------------------------------
_CARDINALS = _numbers("number_words")
ONES = {w: v for w, v in _CARDINALS.items() if v < 20}
TENS = {w: v for w, v in _CARDINALS.items() if v >= 20}
# Multipliers, the one definition of scales; "dozen" multiplies like "hundred" does ("two dozen" = 24).
SCALES = _numbers("number_scales")
# Letters glued to digits for a scale ("22.6bn", "10k"), as written, with the factor of their scale word.
SCALE_LETTERS = {letter: SCALES[word] for letter, word in table("scale_letters").items()}
DENOMINATORS = _numbers("fraction_words")
ORDINALS = _numbers("ordinal_words")
# Plural scale words on their own are vague amounts ("thousands of troops"): no value.
VAGUE = words("vague_amounts")

# --- currencies ----------------------------------------------------------------------------------------
# Symbols as written ("RM", "A$", "₹"); those with a sign in them ("HK$", "us$") match in any case.
CURRENCY_SIGNS = {**table("currency_signs"), **table("currency_sign_variants")}
_FOLDED_SIGNS = {sign.lower(): code for sign, code in CURRENCY_SIGNS.items() if not sign.isalpha()}
# ISO 4217 codes; only upper-case tokens count, so "try" stays a verb.
CURRENCY_CODES = words("currency_codes")
# Names written after an amount, lowercase: CLDR's ("swiss francs", "ringgit") and news usage ("bucks").
CURRENCY_WORDS = {**table("currency_names"), **table("currency_defaults")}
# "crowns" -> ("kroner", "kronor", ...): the English word for the name CLDR gives.
CURRENCY_ALIASES = {word: tuple(names.split("|")) for word, names in table("currency_aliases").items()}
CURRENCY_FRACTIONS = _numbers("currency_fractions")
DOLLAR_PREFIXES = table("dollar_prefixes")


def currency_of_sign(text: str) -> str | None:
    """The ISO code a currency sign stands for ("$" -> "USD", "RM" -> "MYR"), else None."""
    return CURRENCY_SIGNS.get(text) or _FOLDED_SIGNS.get(text.lower())


def currency_of_code(text: str) -> str | None:
    """The ISO code a token in capitals names ("USD", "RMB" -> "CNY"), else None."""
    if not text.isupper() or not text.isalpha():
        return None
    if text in CURRENCY_CODES:
        return text
    return CURRENCY_SIGNS.get(text) if len(text) == 3 else None  # "RMB", "BTC": codes outside ISO 4217


# --- units -----------------------------------------------------------------------------------------------
# Unit of measure -> the kind of quantity it measures: quantulum3's units (measure_units.tsv, names
# lowercase, symbols as written) and news usage (measure_units_news.tsv).
_NEWS_UNITS = table("measure_units_news")
MEASURE_UNITS = {**table("measure_units"), **_NEWS_UNITS}
_FOLDED_UNITS = {unit.lower(): kind for unit, kind in MEASURE_UNITS.items() if len(unit) > 1}
# A single letter glued to digits is a unit only for these kinds ("40C", "10W", "5m"); "3D" and "12A" name things.
_LETTER_KINDS = frozenset({"temperature", "length", "mass", "volume", "power"})
LONGEST_UNIT = 3  # tokens: "square miles", "degrees Celsius", "lb - ft"
PERCENT_SIGNS = frozenset({"%", "percent", "pct"})
# Nouns whose plural looks singular: "270 aircraft" counts aircraft.
INVARIANT_PLURALS = words("invariant_plurals")



def unit_kind(text: str, glued: bool = False) -> str | None:
    """The kind of quantity a unit written after digits measures ("km" -> "length"), else None.

    A single letter counts glued to the digits ("40C", "5m") or, spaced, when news writes it so ("5 m").
    """
    if len(text) == 1 and text.isalpha():
        kind = MEASURE_UNITS.get(text)
        return kind if (glued and kind in _LETTER_KINDS) or text in _NEWS_UNITS else None
    if text.lower() in CLOCK_WORDS:  # "7pm" is a time, not picometres
        return None
    kind = MEASURE_UNITS.get(text) or _FOLDED_UNITS.get(text.lower())
    if kind is None and text.count("/") == 1:  # "kV/cm", "A/cm2": a unit per a unit
        top, bottom = text.split("/")
        if all(MEASURE_UNITS.get(p) or _FOLDED_UNITS.get(p.lower()) for p in (top, bottom)):
            kind = MEASURE_UNITS.get(top) or _FOLDED_UNITS.get(top.lower())
    return kind


# --- bounds and changes --------------------------------------------------------------------------------
BOUND_PHRASES = {tuple(phrase.split()): bound for phrase, bound in table("bound_phrases").items()}
BOUND_AFTER = {tuple(phrase.split()): bound for phrase, bound in table("bound_phrases_after").items()}
LONGEST_BOUND = max(len(p) for p in BOUND_PHRASES)
# Verbs whose object is a lower bound ("wait times exceeded two hours").
AT_LEAST_VERBS = frozenset({"exceed", "top", "surpass"})
LIMIT_NOUNS = table("limit_nouns")
CHANGE_VERBS = words("change_verbs")

# --- dates, times and names ----------------------------------------------------------------------------
MONTHS = words("date_words")
CLOCK_WORDS = words("clock_words")
STREET_WORDS = words("street_words")
# Named-entity labels whose numbers are part of a name ("Article 5", "F-35", "Apollo 11").
NAME_LABELS = frozenset({"LAW", "PRODUCT", "WORK_OF_ART", "FAC", "ORG", "EVENT", "PERSON", "GPE", "NORP", "LOC"})
