"""The reading of one amount while the readers around it work: its span, value, unit, bound and kind.

extraction.py starts a Reading from a run of number tokens; currencies.py, units.py, bounds.py and
ranges.py each fill in what the words around the run say; extraction.py turns it into a Number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Reading:
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
    written_unit: str | None = None  # a currency or percent sign as written ("$", "Australian dollars", "per cent")
    unit_end: int | None = None  # the token after the unit as written, where a rate ("per gallon") may follow
    minor_unit: str | None = None  # "cents", "p": the amount is in the currency's minor unit, as written
    rate: str | None = None  # "per gallon", "a year": what the unit is counted per
    rate_end: int = 0  # the token after the rate: read, though not highlighted with the amount

    def scale(self, factor: float) -> None:
        """Multiply the amount (a value or both ends of a range) by a scale written after it."""
        if self.value is not None:
            self.value *= factor
        if self.low is not None and self.high is not None:
            self.low, self.high = self.low * factor, self.high * factor
