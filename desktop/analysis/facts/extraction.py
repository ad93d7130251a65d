"""Facts for the side panel: statements, quantity claims and dated events, pointing to their spans.

A fact is one claim a reader may want to check, read off the parse the extractors already made:
- statement (statements.py): who said what. Direct quotes are grouped with their speaker (a quote split
  by "he said" is one statement); reported speech is a speech verb with a subject and a clause.
- quantity (quantities.py): a number with the clause it sits in: who or what it is about, the verb,
  what it counts ("the United States would send about 3,000 troops to Poland, Romania and Germany").
- event (events.py): a clause with a date and an action verb ("Johnson and Putin spoke by phone Feb. 2").
Every pass is linear in the tokens; no extra parsing. "he", "it" and short names are resolved by the
document's shared resolver (references/), the same one the quotes use.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.analysis.facts.clauses import clause
from desktop.analysis.facts.events import VAGUE_DATES, DatesByParagraph, event, is_event_verb
from desktop.analysis.facts.quantities import (
    describes_the_speaker,
    numbers_by_sentence,
    quantity,
    quantity_of_sentence,
)
from desktop.analysis.facts.statements import QuoteSpans, quote_statements, reported_speech
from desktop.analysis.lexicon.speech import SPEECH_VERBS
from desktop.analysis.nlp import Paragraph, ParsedText, SentenceSpan
from desktop.analysis.nlp.syntax import governing_verb
from desktop.analysis.records import Entity, Fact, Number, Quote, QuoteSpan
from desktop.analysis.references import References, build_references

if TYPE_CHECKING:
    from spacy.tokens import Token


def build_facts(
    parsed: ParsedText,
    entities: list[Entity],
    quotes: list[Quote],
    numbers: list[Number],
    references: References | None = None,
) -> list[Fact]:
    """Every fact of the document. `references` is the document's resolver (engine.py builds it once
    for quotes and facts); without it one is built from the quotes given."""
    if references is None:
        references = build_references(parsed, entities, [QuoteSpan(q.start, q.end) for q in quotes])
    facts = list(quote_statements(parsed, quotes, references))
    facts.extend(_clause_facts(parsed, references, numbers, QuoteSpans(quotes)))
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return facts


def _clause_facts(
    parsed: ParsedText, references: References, numbers: list[Number], quoted: QuoteSpans
) -> Iterable[Fact]:
    index = references.index
    by_sentence = numbers_by_sentence(parsed, numbers)
    dates = DatesByParagraph()
    for sent_no, sent in enumerate(index.sentences):
        para = sent.paragraph
        claimed: set[int] = set()  # verbs that already gave a fact
        for _, tok, _para in index.cues_between(sent.start, sent.end):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS:
                fact = reported_speech(sent, tok, references, quoted)
                if fact is not None:
                    claimed.add(tok.i)
                    yield fact
        by_verb: dict[int, list[int]] = {}
        for k in by_sentence.get(sent_no, ()):
            verb = governing_verb(_token_at(para, numbers[k].start, sent))
            by_verb.setdefault(verb.i if verb is not None else -1, []).append(k)
        for verb_i, refs in by_verb.items():
            if verb_i < 0:
                yield quantity_of_sentence(sent, refs, references)
                continue
            keep = _token_at(para, numbers[refs[0]].start, sent)
            verb = para.doc[verb_i]
            if keep is not None and describes_the_speaker(verb, keep):
                continue  # "Two people briefed on the talks said …": who speaks, not a claim
            claimed.add(verb_i)
            yield quantity(clause(sent, verb, references, keep), refs, references)
        for ent in dates.within(sent):
            if ent.label_ not in ("DATE", "TIME") or ent.text.lower() in VAGUE_DATES:
                continue
            at = para.start + ent.start_char
            if quoted.overlaps(at, at + len(ent.text)):
                continue  # told inside a quote: part of that statement
            verb = governing_verb(ent.root)
            if verb is None or verb.i in claimed or not is_event_verb(verb, quoted, sent):
                continue
            claimed.add(verb.i)
            yield event(clause(sent, verb, references, ent.root), ent.text, references)


def _token_at(para: Paragraph, offset: int, sent: SentenceSpan) -> Token | None:
    """The token of the sentence that covers `offset` (or the next one); a bisect over token offsets."""
    local = offset - para.start
    span = sent.span
    starts = [t.idx for t in span]
    k = bisect_right(starts, local) - 1
    return span[max(k, 0)] if len(span) else None

