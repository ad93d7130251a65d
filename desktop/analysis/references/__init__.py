"""Who a pronoun, a short name or a description refers to: the one resolver quotes and facts share.

- resolver.py: `build_references(parsed, entities, quote_spans)` -> `References`, built once per document
  by engine.py: "he" -> the person last the subject of a clause, "Kirby" -> "John Kirby", "the
  spokesman" -> the person of that role, "a spokesperson for X" -> X; None when the text does not say.
- index.py: `DocumentIndex`, one pass over every token (quote membership, speech verbs outside quotes,
  people and organisations as subjects) with the offset lookups the extractors share.
- people.py: the people of a document: full names, clause subjects, titles, gender evidence.
- names.py: names as written: "Mr. Putin’s" -> "Putin", runs of proper nouns, titles given to a name.
"""

from __future__ import annotations

from desktop.analysis.references.index import DocumentIndex, is_speech_cue
from desktop.analysis.references.names import bare_name, person_bare_name, role_head
from desktop.analysis.references.resolver import References, build_references

__all__ = [
    "DocumentIndex",
    "References",
    "bare_name",
    "build_references",
    "is_speech_cue",
    "person_bare_name",
    "role_head",
]
