"""Words for what a highlight shows: tooltips, and the lookups the Details and Facts panels share.

Plain Python over the analysis records; nothing here analyses text, it only relates records that the
engine already produced (mentions of one name, quotes of one speaker, the fact that cites a number).
"""

from __future__ import annotations

import re
from fractions import Fraction

from desktop.analysis.records import Analysis, Entity, Fact, Number, Quote
from desktop.pacing import paced
from desktop.ui.highlights import Highlight, entity_category
from desktop.ui.palette import SINGULAR

BOUND_WORDS = {"about": "about", "at_least": "at least", "at_most": "at most", "exact": "exactly"}


def entity_key(entity: Entity) -> tuple[str, str]:
    return entity_category(entity), (entity.canonical or entity.text).casefold()


def entity_name(entity: Entity) -> str:
    return entity.canonical or entity.text


class RecordLinks:
    """Which records belong together in one analysis, built once so each lookup is a dict access."""

    def __init__(self, analysis: Analysis):
        self.names: dict[tuple[str, str], list[int]] = {}
        for i, entity in enumerate(paced(analysis.entities)):
            self.names.setdefault(entity_key(entity), []).append(i)
        self.speakers: dict[str, list[int]] = {}
        self.pieces: dict[int, list[int]] = {}  # first piece of a statement -> all its pieces
        for i, quote in enumerate(paced(analysis.quotes)):
            self.speakers.setdefault(speaker_name(quote).casefold(), []).append(i)
            self.pieces.setdefault(statement_start(quote, i), []).append(i)
        self.facts: dict[tuple[str, int], int] = {}
        for i, fact in enumerate(paced(analysis.facts)):
            for record, refs in (("number", fact.number_refs), ("quote", fact.quote_refs), ("entity", fact.entity_refs)):
                for ref in refs:
                    self.facts.setdefault((record, ref), i)


_links: tuple[Analysis, RecordLinks] | None = None


def links(analysis: Analysis) -> RecordLinks:
    # One analysis is on screen at a time; identity (not equality) keeps the check free.
    global _links
    if _links is None or _links[0] is not analysis:
        _links = (analysis, RecordLinks(analysis))
    return _links[1]


def mentions_of(analysis: Analysis, entity: Entity) -> list[int]:
    """Indexes of every entity record naming the same thing, in reading order."""
    return links(analysis).names.get(entity_key(entity), [])


def role_of(analysis: Analysis, indexes: list[int]) -> str | None:
    for i in indexes:
        if analysis.entities[i].role:
            return analysis.entities[i].role
    return None


def speaker_name(quote: Quote) -> str:
    if quote.speaker is None:
        return "Unattributed"
    return quote.speaker.canonical or quote.speaker.text


def statement_start(quote: Quote, index: int) -> int:
    """Index of the first piece of the statement the quote at `index` belongs to."""
    return index if quote.group is None else quote.group


def statement_pieces(analysis: Analysis, index: int) -> list[int]:
    """The quotes that are pieces of one statement with the quote at `index` ("“A,” he said. “B.”")."""
    return links(analysis).pieces.get(statement_start(analysis.quotes[index], index), [index])


def statement_text(analysis: Analysis, index: int) -> str:
    """The statement's words, its pieces joined: “A, … B.”"""
    pieces = [analysis.quotes[i].text.strip() for i in statement_pieces(analysis, index)]
    return " … ".join(pieces)


def quotes_by_same_speaker(analysis: Analysis, index: int) -> list[int]:
    """The other statements of this quote's speaker, by their first piece."""
    name = speaker_name(analysis.quotes[index]).casefold()
    own = statement_start(analysis.quotes[index], index)
    return [
        i for i in links(analysis).speakers.get(name, [])
        if statement_start(analysis.quotes[i], i) == i and i != own
    ]


def fact_citing(analysis: Analysis, record: str, index: int) -> tuple[int, Fact] | None:
    i = links(analysis).facts.get((record, index))
    return None if i is None else (i, analysis.facts[i])


def format_value(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def value_text(number: Number) -> str:
    """The value as it reads best: a share written in words or as a fraction stays a fraction ("a third"
    -> "1/3", "1 in 5" -> "1/5"), decimals and whole numbers as format_value writes them."""
    value = number.value
    if value is not None and 0 < value < 1 and not _DECIMALS.search(number.text):
        share = Fraction(value).limit_denominator(1000)
        if abs(float(share) - value) < 1e-9:
            return f"{share.numerator}/{share.denominator}"
    return format_value(value)


# Decimals as written ("0.4", ".25", "0,5"): such a value reads as a decimal, not as a fraction.
_DECIMALS = re.compile(r"\d?[.,]\d")


def number_summary(number: Number) -> str:
    """One line for a number: "about 3,000 troops", "thousands of troops", "2.11 USD per gallon",
    "84.75 cents (USD)"."""
    unit = number.unit or ""
    if number.kind != "range" and number.value is None:
        # a vague amount has no value to bound: the words themselves read best ("thousands of troops")
        return f"{number.text} of {unit}" if unit else number.text
    if number.kind == "range" and number.low is not None and number.high is not None:
        amount = f"{format_value(number.low)}–{format_value(number.high)}"
    else:
        amount = value_text(number)
        if "/" in amount and number.kind == "count" and unit:
            amount += " of"  # "1/3 of respondents"; a measure reads "1/4 cup"
    bound = BOUND_WORDS.get(number.bound, "")
    parts = [bound if bound != "exactly" else "", amount]
    if number.currency and unit and unit != number.currency:
        rate = _RATE.search(unit)
        # a rate names the currency as written ("$ per gallon"): show the code with the rate
        parts += [number.currency, unit[rate.start():].strip(" -")] if rate else [unit, f"({number.currency})"]
    else:
        parts += [number.currency or unit]
    return " ".join(p for p in parts if p)


# Where the rate of a unit starts: "$ per gallon", "shekels a year", "$-a-month".
_RATE = re.compile(r"(?:^|[\s-])(?:per|a|an)(?=[\s-])")


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tooltip_text(analysis: Analysis, highlight: Highlight) -> str:
    kind = SINGULAR[highlight.category]
    if highlight.record == "entity":
        entity = analysis.entities[highlight.index]
        count = len(mentions_of(analysis, entity))
        role = role_of(analysis, mentions_of(analysis, entity))
        extra = f" — {role}" if role else ""
        return f"{kind}: {entity_name(entity)}{extra} ({count} mention{'s' if count != 1 else ''})"
    if highlight.record == "quote":
        quote = analysis.quotes[highlight.index]
        cue = f" ({quote.cue})" if quote.cue else ""
        return f"Quote by {speaker_name(quote)}{cue}"
    number = analysis.numbers[highlight.index]
    return f"Number: {number_summary(number)}"
