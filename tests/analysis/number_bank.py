"""The third-party number test bank (tests/fixtures/numbers): loading the cases and judging a finding.

Measurement: for every expected result that has a value, a case passes when some Number that
extract_numbers finds overlaps the expected span and carries the expected meaning:
- numbers, ages, dimensions, temperatures, quantulum3 quantities: the value;
- percentages: the value with unit "%";
- currency: the value and a currency (the ISO code when the spec gives one); an amount in cents or
  pence keeps its value as written with the minor unit as its unit ("61.40 cents"), factlight's convention;
- number ranges: two-sided intervals as kind "range" with low/high; one-sided ones as value and
  bound (at_least / at_most); "[20,20]" as an exact value; quantulum3 ranges by their midpoint;
- ordinals: the value with kind "ordinal" (relative ones such as "next" or "last" are not judged).
Expected results without a value (a bare "dollar") are not judged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.analysis.nlp import Paragraph, ParsedText
from desktop.analysis.numbers.extraction import extract_numbers
from desktop.analysis.records import Number

BANK = Path(__file__).parent.parent / "fixtures" / "numbers"

MODELS = {
    "number": "Number_English_NumberModel",
    "percent": "Number_English_PercentModel",
    "range": "Number_English_NumberRangeModel",
    "ordinal": "Number_English_OrdinalModel",
    "currency": "NumberWithUnit_English_CurrencyModel",
    "age": "NumberWithUnit_English_AgeModel",
    "dimension": "NumberWithUnit_English_DimensionModel",
    "temperature": "NumberWithUnit_English_TemperatureModel",
}


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    text: str
    resolution: dict[str, Any]


@dataclass(frozen=True)
class Case:
    model: str
    text: str
    expected: tuple[Expected, ...]


def load(model: str) -> list[Case]:
    """The cases of one model: a recognizers-text spec or "quantulum3"."""
    if model == "quantulum3":
        return list(_quantulum_cases())
    path = BANK / "recognizers-text" / f"{MODELS[model]}.json"
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        expected = tuple(
            Expected(r["Start"], r["End"] + 1, r["Text"], r.get("Resolution") or {}) for r in case["Results"]
        )
        cases.append(Case(model, case["Input"], expected))
    return cases


def _quantulum_cases() -> Iterator[Case]:
    for case in json.loads((BANK / "quantulum3" / "quantities.json").read_text(encoding="utf-8")):
        expected, pos = [], 0
        for r in case["res"]:
            start = case["req"].find(r["surface"], pos)
            if start < 0:
                start = case["req"].find(r["surface"])
            pos = start + 1
            expected.append(Expected(start, start + len(r["surface"]), r["surface"], r))
        yield Case("quantulum3", case["req"], tuple(expected))


def judged(case: Case, expected: Expected) -> bool:
    resolution = expected.resolution
    if resolution.get("value") is None:
        return False
    return case.model != "ordinal" or resolution.get("relativeTo") == "start"


def find_all(cases: list[Case], nlp) -> list[list[Number]]:
    """extract_numbers over each case's text, parsed in one nlp.pipe stream."""
    found = []
    for case, doc in zip(cases, nlp.pipe(c.text for c in cases), strict=True):
        found.append(extract_numbers(ParsedText(case.text, [Paragraph(0, doc)]), []))
    return found


def passes(case: Case, expected: Expected, numbers: list[Number]) -> bool:
    touching = [n for n in numbers if n.start < expected.end and expected.start < n.end]
    return any(_means(case.model, expected.resolution, n) for n in touching)


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _means(model: str, res: dict[str, Any], n: Number) -> bool:
    value = res["value"]
    if model == "quantulum3":
        if n.kind == "range" and n.low is not None and n.high is not None:
            return _close((n.low + n.high) / 2, float(value))
        return _close(n.value, float(value))
    if model == "range":
        low, high = (float(x) if x else None for x in value[1:-1].split(","))
        if low is not None and low == high:
            return _close(n.value, low) and n.bound == "exact"
        if low is not None and high is not None:
            return n.kind == "range" and _close(n.low, low) and _close(n.high, high)
        if low is not None:
            return _close(n.value, low) and n.bound == "at_least"
        return high is not None and _close(n.value, high) and n.bound == "at_most"
    if model == "percent":
        return n.unit == "%" and _close(n.value, float(value.rstrip("%")))
    if model == "currency":
        minor = res.get("unit") in ("Cent", "Pence", "Penny")
        iso = res.get("isoCurrency")
        return (_close(n.value, float(value)) and n.currency is not None and iso in (None, n.currency)
                and (not minor or (n.unit or "").lower().split(" ")[0] in ("cent", "cents", "penny", "pence", "p")))
    if model == "ordinal":
        return n.kind == "ordinal" and _close(n.value, float(value))
    return _close(n.value, float(value))


def pass_rate(model: str, nlp) -> tuple[int, int]:
    """(passed, judged) over the whole model."""
    cases = load(model)
    passed = total = 0
    for case, numbers in zip(cases, find_all(cases, nlp), strict=True):
        for expected in case.expected:
            if judged(case, expected):
                total += 1
                passed += passes(case, expected, numbers)
    return passed, total
