"""Direct quotations and who said them."""

from __future__ import annotations

from desktop.analysis.pipeline import ParsedText
from desktop.analysis.records import Entity, Quote


def extract_quotes(parsed: ParsedText, entities: list[Entity]) -> list[Quote]:
    return []
