"""Facts for the side panel: statements, quantity claims and dated events, pointing to their spans."""

from __future__ import annotations

from desktop.analysis.pipeline import ParsedText
from desktop.analysis.records import Entity, Fact, Number, Quote


def build_facts(
    parsed: ParsedText, entities: list[Entity], quotes: list[Quote], numbers: list[Number]
) -> list[Fact]:
    return []
