"""Dated events: a clause with a date and an action verb ("Johnson and Putin spoke by phone Feb. 2")."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from desktop.analysis.facts.clauses import Clause, phrase, verb_phrase
from desktop.analysis.facts.statements import QuoteSpans
from desktop.analysis.lexicon import words
from desktop.analysis.lexicon.speech import SPEECH_VERBS
from desktop.analysis.nlp import SentenceSpan
from desktop.analysis.records import Fact
from desktop.analysis.references import References

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs that are no event: being, having, seeming. Speech verbs are events only without a report.
_NOT_EVENTS = words("not_event_verbs")
# Date mentions too vague to date an event ("weeks", "the day").
VAGUE_DATES = words("vague_dates")


class DatesByParagraph:
    """Date mentions of a paragraph by token position (Span.ents rescans the whole Doc each time)."""

    def __init__(self) -> None:
        self._doc: object = None
        self._ents: list[Span] = []
        self._starts: list[int] = []

    def within(self, sent: SentenceSpan) -> list[Span]:
        doc = sent.paragraph.doc
        if doc is not self._doc:
            self._doc = doc
            self._ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
            self._starts = [e.start for e in self._ents]
        span = sent.span
        i = bisect_left(self._starts, span.start)
        found = []
        while i < len(self._ents) and self._ents[i].end <= span.end:
            found.append(self._ents[i])
            i += 1
        return found


def is_event_verb(verb: Token, quoted: QuoteSpans, sent: SentenceSpan) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _NOT_EVENTS:
        return False
    if lemma in SPEECH_VERBS:
        # "spoke by phone Feb. 2" is an event; "said on Feb. 2 that …" or "… ,” he said" is a statement.
        if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            return False
        return not quoted.overlaps(sent.start, sent.end)
    return True


def event(clause: Clause, date: str, references: References) -> Fact:
    verb = clause.verb
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    return Fact(
        kind="event",
        text=clause.summary,
        start=clause.start,
        end=clause.end,
        subject=clause.subject,
        predicate=verb_phrase(verb),
        object=phrase(obj) if obj is not None else date,
        entity_refs=references.index.entity_refs_within(clause.start, clause.end),
    )
