"""The plain records an analysis produces; the UI, the store and the JSON output all speak these.

Every span is a pair of Python str offsets into Document.text, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

from desktop.pacing import paced

_R = TypeVar("_R")

# The one label vocabulary: spaCy labels -> the coarse kinds the app shows.
ENTITY_KINDS = ("person", "organization", "place", "group", "date", "other")
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "TIME": "date",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "LANGUAGE": "other",
}
# The label a mention gets when a rule changes its kind, so label and kind never disagree.
LABEL_OF_KIND = {"person": "PERSON", "organization": "ORG", "place": "GPE", "group": "NORP"}
# The kinds that are names of someone or something (not dates and other mentions).
NAME_KINDS = frozenset({"person", "organization", "place", "group"})
NUMBER_BOUNDS = ("about", "at_least", "at_most", "exact")
NUMBER_KINDS = ("count", "money", "percent", "quantity", "ordinal", "range")
FACT_KINDS = ("statement", "quantity", "event")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch of text before it is judged a quotation: [start, end) covers the marks."""

    start: int
    end: int


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
    # The pieces of one statement interrupted by its attribution ("“A,” he said. “B.”") share the
    # index (in Analysis.quotes) of its first piece; None in analyses made before this field.
    group: int | None = None


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
        values = {k: v for k, v in data.items() if k != "refs"}
        values["quote_refs"] = tuple(refs.get("quotes", ()))
        values["number_refs"] = tuple(refs.get("numbers", ()))
        values["entity_refs"] = tuple(refs.get("entities", ()))
        return _record(cls, values)


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
            entities=tuple(_record(Entity, e) for e in paced(data.get("entities", ()))),
            quotes=tuple(
                _record(Quote, {**q, "speaker": _record(Speaker, q["speaker"]) if q.get("speaker") else None})
                for q in paced(data.get("quotes", ()))
            ),
            numbers=tuple(_record(Number, n) for n in paced(data.get("numbers", ()))),
            facts=tuple(Fact.from_dict(f) for f in paced(data.get("facts", ()))),
        )


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _record(cls: type[_R], values: dict[str, Any]) -> _R:
    """cls(**values), several times faster for a complete set of fields: reopening a cached 1 MB
    article builds some 25,000 records, and a frozen dataclass's __init__ sets each field through
    object.__setattr__. Anything else (an older payload missing a field, an unknown key) goes through
    __init__, which fills defaults or raises as usual."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
    if values.keys() != names:
        return cls(**values)
    record = object.__new__(cls)
    record.__dict__.update(values)
    return record
