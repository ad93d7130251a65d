"""The reader's verdicts win over the engine: apply stored corrections to a fresh or cached Analysis.

Pure functions over records, no SQL. A verdict (an Annotation with source "auto") names the record it
judges by kind and span; it matches the record of that kind with the same span, or, after the text was
edited and the analysis re-run, the one that overlaps it most. Then:

- rejected: the record is dropped (facts' references are renumbered, references to it removed, and a
  fact that rested only on rejected quotes goes too);
- corrected: a quote's speaker gets the reader's name as its canonical speaker (the mention as written
  is kept; a quote that had no speaker gets one with an empty written span at the quote's start); a
  number takes the reader's value / unit / bound; an entity takes the reader's kind (category, when it
  is an entity kind) and canonical name (label);
- accepted: the record stays as it is.

Detached verdicts are ignored: their passage is not in this text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from desktop.analysis.records import ENTITY_KINDS, Analysis, Entity, Fact, Number, Quote, Speaker
from desktop.pacing import paced
from desktop.store.records import Annotation, parse_auto_key


def apply_corrections(analysis: Analysis, annotations: Iterable[Annotation]) -> Analysis:
    """The analysis as the reader corrected it; the input is not changed."""
    verdicts = [a for a in annotations if a.source == "auto" and a.auto_key and not a.detached]
    if not verdicts:
        return analysis
    groups = {
        "entity": list(analysis.entities),
        "quote": list(analysis.quotes),
        "number": list(analysis.numbers),
    }
    dropped: dict[str, set[int]] = {kind: set() for kind in groups}
    for verdict in verdicts:
        kind = parse_auto_key(verdict.auto_key)[0]
        records = groups.get(kind)
        if not records:
            continue
        index = match_record(records, verdict.start, verdict.end)
        if index is None:
            continue
        if verdict.status == "rejected":
            dropped[kind].add(index)
        elif verdict.status == "corrected":
            records[index] = _corrected(records[index], verdict)
    kept = {
        kind: [i for i in range(len(records)) if i not in dropped[kind]] for kind, records in groups.items()
    }
    renumber = {kind: {old: new for new, old in enumerate(indexes)} for kind, indexes in kept.items()}
    quotes = [groups["quote"][i] for i in kept["quote"]]
    # The quotes as they were, looked up by index: one tuple for every fact, not a copy per fact (which
    # was quadratic: 180 ms for a 3 MB article's verdict).
    facts = tuple(_refit(f, renumber, quotes, analysis.quotes) for f in paced(analysis.facts))
    return replace(
        analysis,
        entities=tuple(groups["entity"][i] for i in kept["entity"]),
        quotes=tuple(quotes),
        numbers=tuple(groups["number"][i] for i in kept["number"]),
        facts=tuple(f for f in facts if f is not None),
    )


def match_record(records: Sequence[Any], start: int, end: int) -> int | None:
    """The record with this span, else the one overlapping it most (at least half the shorter span)."""
    best, best_overlap = None, 0
    for i, record in enumerate(records):
        if record.start == start and record.end == end:
            return i
        overlap = min(end, record.end) - max(start, record.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    # Overlap must cover half of the shorter span, so a verdict never lands on a neighbour.
    if best is not None:
        shorter = min(end - start, records[best].end - records[best].start)
        if best_overlap * 2 >= shorter:
            return best
    return None


def _corrected(record: Entity | Quote | Number, verdict: Annotation) -> Entity | Quote | Number:
    if isinstance(record, Quote) and verdict.speaker:
        speaker = record.speaker or Speaker(start=record.start, end=record.start, text="")
        return replace(record, speaker=replace(speaker, canonical=verdict.speaker))
    if isinstance(record, Number):
        changes = {
            name: getattr(verdict, name)
            for name in ("value", "unit", "bound")
            if getattr(verdict, name) is not None
        }
        return replace(record, **changes)
    if isinstance(record, Entity):
        changes = {}
        if verdict.category in ENTITY_KINDS:
            changes["kind"] = verdict.category
        if verdict.label:
            changes["canonical"] = verdict.label
        return replace(record, **changes)
    return record


def _refit(
    fact: Fact, renumber: dict[str, dict[int, int]], quotes: list[Quote], old_quotes: Sequence[Quote]
) -> Fact | None:
    """The fact with references to dropped records removed and the rest renumbered; None if it stood
    only on rejected quotes."""
    quote_refs = tuple(renumber["quote"][i] for i in fact.quote_refs if i in renumber["quote"])
    if fact.quote_refs and not quote_refs:
        return None
    changes = {
        "quote_refs": quote_refs,
        "number_refs": tuple(renumber["number"][i] for i in fact.number_refs if i in renumber["number"]),
        "entity_refs": tuple(renumber["entity"][i] for i in fact.entity_refs if i in renumber["entity"]),
    }
    # A statement's source follows its quote's corrected speaker.
    if fact.quote_refs and quote_refs:
        speaker = quotes[quote_refs[0]].speaker
        before = old_quotes[fact.quote_refs[0]].speaker if fact.quote_refs[0] < len(old_quotes) else None
        if speaker and speaker.canonical and (before is None or before.canonical != speaker.canonical):
            changes["source"] = speaker.canonical
    if all(getattr(fact, name) == value for name, value in changes.items()):
        return fact  # most facts: nothing they cite moved, and a new record would cost for nothing
    return replace(fact, **changes)
