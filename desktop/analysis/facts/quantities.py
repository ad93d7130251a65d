"""Quantity claims: a number with the clause it sits in ("the United States would send about 3,000
troops to Poland"), or the whole sentence when it has no verb (a headline, a caption)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.facts.clauses import Clause, one_line, phrase, subject_of, verb_phrase
from desktop.analysis.lexicon.speech import SPEECH_VERBS
from desktop.analysis.nlp import ParsedText, SentenceSpan
from desktop.analysis.records import Fact, Number
from desktop.analysis.references import References

if TYPE_CHECKING:
    from spacy.tokens import Token


def numbers_by_sentence(parsed: ParsedText, numbers: list[Number]) -> dict[int, list[int]]:
    """Sentence number -> indices of the numbers that start in it (one sweep over both, in order)."""
    order = sorted(range(len(numbers)), key=lambda k: numbers[k].start)
    result: dict[int, list[int]] = {}
    i = 0
    for sent_no, sent in enumerate(parsed.sentences()):
        if i >= len(order):
            break
        while i < len(order) and numbers[order[i]].start < sent.start:
            i += 1
        while i < len(order) and numbers[order[i]].start < sent.end:
            if numbers[order[i]].kind != "ordinal":
                result.setdefault(sent_no, []).append(order[i])
            i += 1
    return result


def describes_the_speaker(verb: Token, tok: Token) -> bool:
    """ "Two people briefed on the talks said …": the number counts who speaks, it is no claim."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    subject = subject_of(verb)
    return subject is not None and subject.left_edge.i <= tok.i <= subject.right_edge.i


def quantity(clause: Clause, refs: list[int], references: References) -> Fact:
    verb = clause.verb
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass", "dative")), None)
    return Fact(
        kind="quantity",
        text=clause.summary,
        start=clause.start,
        end=clause.end,
        subject=clause.subject,
        predicate=verb_phrase(verb),
        object=phrase(obj),
        number_refs=tuple(sorted(refs)),
        entity_refs=references.index.entity_refs_within(clause.start, clause.end),
    )


def quantity_of_sentence(sent: SentenceSpan, refs: list[int], references: References) -> Fact:
    """A number in a verbless sentence (a headline, a caption): the sentence is the claim."""
    return Fact(
        kind="quantity",
        text=one_line(sent.span.text),
        start=sent.start,
        end=sent.end,
        number_refs=tuple(sorted(refs)),
        entity_refs=references.index.entity_refs_within(sent.start, sent.end),
    )
