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
CURRENCY_SIGNS = table("currency_signs")
# Only upper-case tokens count as codes, so "try" stays a verb.
CURRENCY_CODES = words("currency_codes")
CURRENCY_WORDS = table("currency_names")
CURRENCY_FRACTIONS = _numbers("currency_fractions")
# ("swiss", "franc") -> "CHF": a country word before a currency name picks whose it is.
CURRENCY_COUNTRIES = {tuple(pair.split(" ", 1)): code for pair, code in table("currency_countries").items()}
DOLLAR_PREFIXES = table("dollar_prefixes")

# --- units -----------------------------------------------------------------------------------------------
MEASURE_UNITS = words("measure_units")
# Single letters that are units only when written against the digits: "40C", "104F".
GLUED_ONLY_UNITS = frozenset({"c", "f"})
PERCENT_SIGNS = frozenset({"%", "percent", "pct"})
# Nouns whose plural looks singular: "270 aircraft" counts aircraft.
INVARIANT_PLURALS = words("invariant_plurals")

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
# Named-entity labels whose numbers are part of a name ("Article 5", "F-35", "Apollo 11").
NAME_LABELS = frozenset({"LAW", "PRODUCT", "WORK_OF_ART", "FAC", "ORG", "EVENT", "PERSON", "GPE", "NORP", "LOC"})
