"""The plain records an analysis produces; the UI, the store and the JSON output all speak these.

Every span is a pair of Python str offsets into Document.text, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The one label vocabulary: spaCy labels -> the coarse kinds the app shows.
ENTITY_KINDS = ("person", "organization", "place", "group", "date", "other")
NUMBER_BOUNDS = ("about", "at_least", "at_most", "exact")
NUMBER_KINDS = ("count", "money", "percent", "quantity", "ordinal", "range")
FACT_KINDS = ("statement", "quantity", "event")


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    kind: str
    canonical: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    text: str
    canonical: str | None = None


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: Speaker | None = None
    cue: str | None = None


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    bound: str
    kind: str
    currency: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Fact:
    kind: str
    text: str
    start: int
    end: int
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    source: str | None = None
    quote_refs: tuple[int, ...] = ()
    number_refs: tuple[int, ...] = ()
    entity_refs: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if not k.endswith("_refs")}
        data["refs"] = {
            "quotes": list(self.quote_refs),
            "numbers": list(self.number_refs),
            "entities": list(self.entity_refs),
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        refs = data.get("refs") or {}
        fields = {k: v for k, v in data.items() if k != "refs"}
        return cls(
            **fields,
            quote_refs=tuple(refs.get("quotes", ())),
            number_refs=tuple(refs.get("numbers", ())),
            entity_refs=tuple(refs.get("entities", ())),
        )


@dataclass(frozen=True)
class Analysis:
    """Everything found in one document by one model."""

    model_name: str
    model_version: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[Number, ...] = ()
    facts: tuple[Fact, ...] = ()
    engine_version: str = field(default="1")

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": {"name": self.model_name, "version": self.model_version, "engine": self.engine_version},
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "numbers": [asdict(n) for n in self.numbers],
            "facts": [f.to_dict() for f in self.facts],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        model = data.get("model") or {}
        return cls(
            model_name=model.get("name", ""),
            model_version=model.get("version", ""),
            engine_version=str(model.get("engine", "1")),
            entities=tuple(Entity(**e) for e in data.get("entities", ())),
            quotes=tuple(
                Quote(**{**q, "speaker": Speaker(**q["speaker"]) if q.get("speaker") else None})
                for q in data.get("quotes", ())
            ),
            numbers=tuple(Number(**n) for n in data.get("numbers", ())),
            facts=tuple(Fact.from_dict(f) for f in data.get("facts", ())),
        )
