"""Numbers claimed in the text: value, unit, bound."""

from __future__ import annotations

from desktop.analysis.pipeline import ParsedText
from desktop.analysis.records import Entity, Number


def extract_numbers(parsed: ParsedText, entities: list[Entity]) -> list[Number]:
    return []
