"""Quoted words in a clause that reports no speech: the words of the one the clause is about.

News quotes a few words of someone inside a sentence about what they did, thought or stood for
("Ortiz bemoaned a climate in which rivals “cannot even shake hands”", "the union blamed the delay
on “a careless board”"). No speech verb ties the words to anyone, but the quotation marks say they
are somebody's, and the style is that they are the words of the subject of the clause that holds
them. `stance_cue` finds that clause: the nearest verb above the quote, outside it, whose subject
can speak (a person, an organisation, a personal pronoun, a spokesperson or a document); a verb
whose subject is a thing ("the plan would “cut red tape”") passes the question to the verb above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.quotes.cues import Cue, can_speak
from desktop.analysis.quotes.mentions import speaker_token

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph
    from desktop.analysis.records import QuoteSpan
    from desktop.analysis.references import DocumentIndex

_MAX_CLIMB = 12  # dependency steps from a quote up to the clause it belongs to
_MAX_VERBS = 3  # clauses tried on the way up


def stance_cue(span: QuoteSpan, index: DocumentIndex) -> Cue | None:
    """The verb of the clause that holds the quote, when its subject is someone who can speak."""
    tops = [
        (tok, para)
        for tok, para in index.tokens_between(span.start, span.end)
        if not tok.is_punct and not _inside(tok.head, para, span)
    ]
    for tok, para in tops[:1]:
        if _names_a_noun(tok, para, span):
            return None
        return _climb(tok, para, index)
    return None


def _names_a_noun(top: Token, para: Paragraph, span: QuoteSpan) -> bool:
    """Whether the quoted words name or label a noun rather than say something in a clause: a whole
    sentence hung on a noun (the slogan “We are here”, the headline “Time to act”) or a name in a
    phrase of a noun (a host on “Morning Talk”). Such words are a title or a label, nobody's words."""
    head = top.head
    if top.pos_ in ("VERB", "AUX"):
        # A relative clause ("a budget in which schools “cannot pay”") is said of the noun, not its name.
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and _inside(c, para, span) for c in top.children)
        return head.pos_ in ("NOUN", "PROPN") and (own_subject or top.dep_ in ("acl", "appos"))
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    # A name: in a phrase of a noun, lower-case words ("the blame on “a careless board”") are still said.
    return head.pos_ in ("NOUN", "PROPN") and top.pos_ == "PROPN"


def _climb(tok: Token, para: Paragraph, index: DocumentIndex) -> Cue | None:
    cur, verbs = tok, 0
    for _ in range(_MAX_CLIMB):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if index.quoted(cur, para) or cur.pos_ not in ("VERB", "AUX") or cur.dep_ in ("amod", "compound"):
            continue
        subject = speaker_token(cur, para, index)
        if subject is not None and can_speak(subject, para, index):
            return cur, para
        verbs += 1
        if verbs >= _MAX_VERBS:
            return None
    return None


def _inside(tok: Token, para: Paragraph, span: QuoteSpan) -> bool:
    return span.start <= para.start + tok.idx < span.end
