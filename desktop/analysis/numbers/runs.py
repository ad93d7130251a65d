"""Finding where a number is written in a spaCy Doc: the run of tokens that spell one amount.

"13,000", "1.5 million", "twenty - one", "13.8-billion", "a dozen", "tens of thousands", "third".
Only the amount itself; the words around it (sign, unit, bound) are read by the other modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.numbers.shares import counts_a_whole, ratio_start, share_of, written_as_fraction
from desktop.analysis.numbers.values import (
    JOINED,
    MEASURED,
    PREFIXED,
    SUFFIXED,
    YEAR,
    can_follow,
    compose,
    digits_value,
    fraction_value,
    is_scale,
    ordinal_value,
    word_value,
)
from desktop.analysis.numbers.vocabulary import (
    CURRENCY_CODES,
    CURRENCY_FRACTIONS,
    DENOMINATORS,
    DOLLAR_PREFIXES,
    ONES,
    ORDINALS,
    SCALE_LETTERS,
    VAGUE,
    currency_of_code,
    currency_of_sign,
    unit_kind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HYPHENS = {"-", "–", "—"}
# Scale letters split off the digits by the tokenizer ("10M", "2.33 k"); a lone "m", "b" or "t" stays
# metres, bits or tonnes unless money is meant (currencies.py reads those after a sign).
_GLUED_SCALES = {letter: factor for letter, factor in SCALE_LETTERS.items() if letter not in ("m", "b", "t")}


@dataclass
class Run:
    """Tokens [start, end) of a Doc that spell one amount."""

    start: int
    end: int
    value: float | None
    multiplier: float = 1.0  # the scale words at the end ("50 billion" -> 1e9), shared by a range's low end
    vague: bool = False
    ordinal: bool = False
    in_words: bool = False
    plain_integer: bool = False  # digits only, no comma, decimal or scale: "5", "2018"
    low: float | None = None  # for one token holding two numbers, "40–50"
    high: float | None = None
    glued_unit: str | None = None  # "200lbs" -> "lbs"
    glued_currency: str | None = None  # "RM41.90" -> "MYR"


def glued(doc: Doc, i: int) -> bool:
    """Whether token i is written against token i+1 with no space between."""
    return not doc[i].whitespace_


def read_run(doc: Doc, i: int) -> Run | None:
    """The amount that starts at token i, or None when none does."""
    token = doc[i]
    text = token.text
    if token.ent_type_ == "ORDINAL" or (text[:1].isdigit() and text[-2:].lower() in ("st", "nd", "rd", "th")):
        value = ordinal_value(text)
        if value is not None:
            return Run(i, i + 1, value, ordinal=True)
    value = digits_value(text)
    if value is not None:
        plain = text.isdigit()
        run = Run(i, i + 1, value, plain_integer=plain)
        if plain and len(text) <= 3 and _spaced_group(doc, i + 1, first=True):
            _join_spaced_groups(doc, run)
        suffixed = SUFFIXED.match(text)
        if suffixed:
            run.multiplier = value / float(suffixed.group(1).replace(",", "") or 1) if value else 1.0
            run.plain_integer = False
        _extend_with_scales(doc, run, [(value, False)])
        if run.plain_integer and run.end < len(doc) and token.whitespace_:
            share = fraction_value(doc[run.end].text)  # "1 1/2 cups": a whole number and a fraction
            if share is not None and share < 1 and written_as_fraction(doc, run.end):
                run.value, run.end, run.plain_integer = value + share, run.end + 1, False
        if run.plain_integer:
            _extend_with_ratio(doc, run)  # "3 in 4 households", "8 out of 10"
        return run
    fraction = fraction_value(text)
    if fraction is not None and written_as_fraction(doc, i):
        return Run(i, i + 1, fraction)  # "1/4 of a cup", "3⁄8 inch"
    prefixed = PREFIXED.match(text)
    if prefixed and any(c.isdigit() for c in prefixed.group(2)):
        code = _currency_prefix(doc, i, prefixed.group(1))
        value = digits_value(prefixed.group(2))
        if code is None or value is None:
            return None
        run = Run(i, i + 1, value, glued_currency=code)
        _extend_with_scales(doc, run, [(value, False)])  # "INR3 trillion"
        return run
    measured = MEASURED.match(text)
    if measured and any(c.isdigit() for c in measured.group(1)):
        unit = measured.group(2)
        if unit in CURRENCY_FRACTIONS or unit_kind(unit, glued=True) or unit.upper() in CURRENCY_CODES:
            return Run(i, i + 1, digits_value(measured.group(1)), glued_unit=unit)
        return None
    joined = JOINED.match(text)
    if joined and any(c.isdigit() for c in text):
        low, high = digits_value(joined.group(1)), digits_value(joined.group(2))
        if low is not None and high is not None:
            return Run(i, i + 1, None, low=low, high=high)
        return None
    lower = text.lower()
    if lower in VAGUE:
        if token.pos_ == "VERB":  # "he scores"
            return None
        end = i + 1
        # "tens of thousands", "hundreds of millions"
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in VAGUE:
            end += 2
        if lower == "tens" and end == i + 1:
            return None
        return Run(i, end, None, vague=True, in_words=True)
    if lower in ("a", "an") and i + 1 < len(doc) and is_scale(doc[i + 1].text):
        run = Run(i, i + 1, 1.0, in_words=True)
        _extend_with_words(doc, run, [(1.0, False)])
        return run
    if lower in ("a", "an", "half") and i + 2 < len(doc):
        share = share_of(doc, i)  # "a third of the vote", "half of the stores"
        if share is not None:
            return Run(i, share[0], share[1], in_words=True)
    if lower in ("half", "quarter") and i + 1 < len(doc):
        return _fraction_of_scale(doc, i, 0.5 if lower == "half" else 0.25)
    parts = _word_parts(text)
    if parts:
        run = Run(i, i + 1, compose(parts), in_words=True)
        if parts[-1][1]:
            run.multiplier = parts[-1][0]
        _extend_with_words(doc, run, parts)
        _extend_with_fraction(doc, run)
        if not run.ordinal:
            _extend_with_ratio(doc, run)  # "one in five voters", "two out of three"
        return run
    return None


def _extend_with_ratio(doc: Doc, run: Run) -> None:
    """"one in five voters", "8 out of 10": a share of a whole, the smaller number over the larger."""
    start = ratio_start(doc, run.end)
    if start is None or run.value is None or not run.value.is_integer():
        return
    whole = read_run(doc, start)
    if whole is None or whole.value is None or whole.ordinal or whole.glued_unit or not whole.value > run.value:
        return
    if (whole.plain_integer and YEAR.match(doc[start].text)) or not counts_a_whole(doc, whole.end):
        return  # "one in 2019", "2 in 10 minutes"
    run.value, run.end, run.multiplier, run.plain_integer = run.value / whole.value, whole.end, 1.0, False


def _currency_prefix(doc: Doc, i: int, prefix: str) -> str | None:
    """The currency of a sign or code glued before digits; after a "$" token, the country letters of
    "$US55,931,000" and "$A82,615,680"."""
    if i > 0 and doc[i - 1].text == "$" and glued(doc, i - 1):
        return DOLLAR_PREFIXES.get(prefix.lower())
    return currency_of_sign(prefix) or currency_of_code(prefix)


def _fraction_of_scale(doc: Doc, i: int, share: float) -> Run | None:
    """"half a million", "quarter million": a share of a scale word."""
    j = i + 1
    if doc[j].lower_ in ("a", "an") and j + 1 < len(doc):
        j += 1
    worth = word_value(doc[j].text)
    if worth is None or not is_scale(doc[j].text) or worth < 100:
        return None
    return Run(i, j + 1, share * worth, multiplier=worth, in_words=True)


def _extend_with_fraction(doc: Doc, run: Run) -> None:
    """"two thirds" (2/3), "one and a half" (1.5), "five and a half million" (5.5e6)."""
    j, n = run.end, len(doc)
    if run.value is None or j >= n or run.multiplier != 1.0:
        return
    word = doc[j].lower_
    if word == "-" and glued(doc, j - 1) and glued(doc, j) and j + 1 < n and doc[j + 1].lower_ in DENOMINATORS:
        j, word = j + 1, doc[j + 1].lower_  # "one - third" as the tokenizer splits "one-third"
    if word in DENOMINATORS and (word.endswith("s") or run.value == 1) and run.value < DENOMINATORS[word]:
        # "two quarters" and "two halves" are usually periods of time or play unless "of" follows
        if word not in ("quarters", "halves", "quarter", "half") or (j + 1 < n and doc[j + 1].lower_ == "of"):
            run.value, run.end = run.value / DENOMINATORS[word], j + 1
        return
    if word == "and" and j + 2 < n and doc[j + 1].lower_ in ("a", "an", "one") and doc[j + 2].lower_ in DENOMINATORS:
        run.value += 1.0 / DENOMINATORS[doc[j + 2].lower_]
        run.end = j + 3
        if run.end < n and is_scale(doc[run.end].text) and (worth := word_value(doc[run.end].text)):
            run.value, run.multiplier, run.end = run.value * worth, worth, run.end + 1


def _spaced_group(doc: Doc, i: int, first: bool = False) -> bool:
    """Whether token i is a group of three digits after a space: "3 000", "1 234 567" (SI style)."""
    if i >= len(doc) or len(doc[i].text) != 3 or not doc[i].text.isdigit() or doc[i - 1].whitespace_ not in (" ", ""):
        return False
    # a lone second group must look like one ("000", "050"), so "10 100 runners" stays two numbers
    return not first or doc[i].text[0] == "0" or _spaced_group(doc, i + 1)


def _join_spaced_groups(doc: Doc, run: Run) -> None:
    digits = doc[run.start].text
    while _spaced_group(doc, run.end) and doc[run.end - 1].whitespace_:
        digits += doc[run.end].text
        run.end += 1
    run.value = digits_value(digits)
    run.plain_integer = False


def _word_parts(text: str) -> list[tuple[float, bool]] | None:
    """(worth, is_scale) parts of one token of number words: "seven", "twenty-one", "two-thirds" (2/3)."""
    parts: list[tuple[float, bool]] = []
    pieces = text.lower().split("-")
    if len(pieces) == 2 and pieces[1] in DENOMINATORS and pieces[0] in ONES:
        return [(ONES[pieces[0]] / DENOMINATORS[pieces[1]], False)]
    for piece in pieces:
        worth = word_value(piece)
        if worth is None or not can_follow(parts, worth, is_scale(piece)):
            return None
        parts.append((worth, is_scale(piece)))
    return parts


def _extend_with_scales(doc: Doc, run: Run, parts: list[tuple[float, bool]]) -> None:
    """After digits only scale words may follow: "1.5 million", "13.8-billion", "3 dozen"."""
    j = run.end
    while j < len(doc):
        nxt = doc[j]
        step = 1
        if nxt.text == "-" and glued(doc, j - 1) and glued(doc, j) and j + 1 < len(doc):
            nxt, step = doc[j + 1], 2
        word = "dozen" if nxt.lower_ == "dozens" else nxt.lower_  # "3 dozens"
        worth = word_value(word) if is_scale(word) else None
        if step == 1 and j == run.end and glued(doc, j - 1) and nxt.text in _GLUED_SCALES:
            worth = _GLUED_SCALES[nxt.text]  # "10M", "2.33 k" split off by the tokenizer
        elif step == 1 and j == run.end and glued(doc, j - 1) and nxt.text in ("m", "bn") and _counts_after(doc, j):
            worth = SCALE_LETTERS[nxt.text]  # "8.6m tonnes", "35m of its devices": millions, not metres
        elif step == 1 and j == run.end and nxt.lower_ == "k" and len(parts) == 1:
            worth = _GLUED_SCALES["k"]
        # digits take any scale after them ("322 hundred"); words must grow ("two hundred thousand")
        if worth is None or not (j == run.end or can_follow(parts, worth, True)):
            break
        parts.append((worth, True))
        j += step
    if j > run.end:
        run.end = j
        run.value = compose(parts)
        run.multiplier = parts[-1][0]
        run.plain_integer = False


def _counts_after(doc: Doc, j: int) -> bool:
    """Whether a plural noun or "of" follows token j: what a scale letter before them counts."""
    return j + 1 < len(doc) and (doc[j + 1].tag_ == "NNS" or doc[j + 1].lower_ == "of")


def _extend_with_words(doc: Doc, run: Run, parts: list[tuple[float, bool]]) -> None:
    """Number words join up: "two hundred and six", "twenty - one", "a dozen"."""
    j = run.end
    while j < len(doc):
        step = 0
        nxt: Token = doc[j]
        if nxt.text in _HYPHENS and glued(doc, j - 1) and glued(doc, j) and j + 1 < len(doc):
            step, nxt = 1, doc[j + 1]
        elif nxt.lower_ == "and" and parts[-1][1] and j + 1 < len(doc):
            step, nxt = 1, doc[j + 1]  # "hundred and six": only after a scale word
        pieces = _word_parts("dozen" if nxt.lower_ == "dozens" else nxt.text)  # "three dozens"
        if not pieces:
            ordinal = ordinal_value(nxt.text) if nxt.lower_ in ORDINALS else None
            scale = nxt.lower_ in ("hundredth", "thousandth", "millionth")
            if ordinal is not None and can_follow(parts, ordinal, scale):  # "twenty - first", "two hundredth"
                run.value, run.ordinal, run.end = compose([*parts, (ordinal, scale)]), True, j + step + 1
                return
            break
        if not all(_fits(parts, pieces)):
            break
        parts.extend(pieces)
        j += step + 1
    if j > run.end:
        run.end = j
        run.value = compose(parts)
        run.multiplier = parts[-1][0] if parts[-1][1] else 1.0


def _fits(parts: list[tuple[float, bool]], pieces: list[tuple[float, bool]]):
    trial = list(parts)
    for worth, scale in pieces:
        ok = can_follow(trial, worth, scale)
        trial.append((worth, scale))
        yield ok
