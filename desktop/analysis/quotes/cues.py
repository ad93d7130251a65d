"""The cue of a quote: the speech verb that reports it ("said", "tweeted", "according to").

`reporting_cue` finds the speech verb whose clause holds the quote ("Kirby said …“…”", "“…,” he
said") or one attached to it; failing those (and a dash or colon attribution, speakers.py),
`nearby_cue` tries a speech verb of the main clause elsewhere in the
quote's sentences, an attribution cut off as a sentence of its own just before or after ("Parise
said:" / "…,” he said."), and a sentence of reported speech right before the quote ("Kirby said
the moves were temporary. “We …”"). Who the cue's subject is, is mentions.py's business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.references import DocumentIndex, is_speech_cue

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph, SentenceSpan
    from desktop.analysis.records import QuoteSpan

Cue = tuple["Token", "Paragraph"]

_MAX_CLIMB = 12  # dependency steps from a quote up to its reporting verb
_NEAR = 300  # characters around a quote where a verb attached to it may sit
FAR = 600  # characters around a quote searched for a speech verb of its sentence
_MAX_CANDIDATES = 50
_OWN_CONTENT = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "attr", "dative", "oprd"})
_MAIN_CLAUSE_LINKS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl"})


def reporting_cue(span: QuoteSpan, index: DocumentIndex, sentences: list[SentenceSpan]) -> Cue | None:
    """A speech verb the parse ties to the quote: above it, or hanging from it."""
    return cue_in_clause(span, index) or cue_attached(span, index, sentences)


def nearby_cue(span: QuoteSpan, index: DocumentIndex, sentences: list[SentenceSpan]) -> Cue | None:
    """A speech verb the parse does not tie to the quote: in its sentences, or the sentence next to it."""
    return (
        cue_in_sentences(span, index, sentences)
        or cue_next_door(span, index, sentences)
        or cue_said_before(span, index, sentences)
    )


def cue_in_clause(span: QuoteSpan, index: DocumentIndex) -> Cue | None:
    """The nearest speech verb above the quote in the parse tree ("Kirby said … “…”")."""
    best: tuple[int, Token, Paragraph] | None = None
    for tok, para in index.tokens_between(span.start, span.end):
        if tok.is_punct or (tok.head.i != tok.i and _inside(tok.head, para, span)):
            continue
        cur, steps = tok, 0
        while cur.head.i != cur.i and steps < _MAX_CLIMB:
            cur, steps = cur.head, steps + 1
            if not index.quoted(cur, para) and is_speech_cue(cur):
                if best is None or steps < best[0]:
                    best = (steps, cur, para)
                break
    return (best[1], best[2]) if best else None


def cue_attached(span: QuoteSpan, index: DocumentIndex, sentences: list[SentenceSpan]) -> Cue | None:
    """A speech verb hanging from the quote ("“…,” he said" parsed as parataxis)."""
    if not sentences:
        return None
    start = max(sentences[0].start, span.start - _NEAR)
    end = min(sentences[-1].end, span.end + _NEAR)
    for _, tok, para in index.cues_between(start, end):
        if _inside(tok.head, para, span):
            return tok, para
    return None


def cue_in_sentences(span: QuoteSpan, index: DocumentIndex, sentences: list[SentenceSpan]) -> Cue | None:
    """The nearest speech verb of the main clause outside quotes in the quote's sentences."""
    if not sentences:
        return None
    best: tuple[int, Token, Paragraph] | None = None
    before = index.cues_between(max(sentences[0].start, span.start - FAR), span.start)
    after = index.cues_between(span.end, min(sentences[-1].end, span.end + FAR))
    for offset, tok, para in before[-_MAX_CANDIDATES:] + after[:_MAX_CANDIDATES]:
        if tok.lower_ == "according" or _in_main_clause(tok):
            distance = span.start - offset if offset < span.start else offset - span.end
            if best is None or distance < best[0]:
                best = (distance, tok, para)
    return (best[1], best[2]) if best else None


def cue_next_door(span: QuoteSpan, index: DocumentIndex, sentences: list[SentenceSpan]) -> Cue | None:
    """An attribution cut off as its own sentence: "Parise said:" before, ", he said." after."""
    if not sentences:
        return None
    text = index.text
    first, last = sentences[0], sentences[-1]
    k = index.sentence_index(first)
    before = index.sentences[k - 1] if k > 0 else None
    if before is not None and before.paragraph is first.paragraph:
        gap = text[before.end : span.start]
        if not gap.strip() and text[before.start : before.end].rstrip().endswith((":", ",")):
            cue = first_cue(before, index)
            if cue is not None:
                return cue
    k = index.sentence_index(last)
    after = index.sentences[k + 1] if k + 1 < len(index.sentences) else None
    closing = text[max(span.start, span.end - 3) : span.end]
    if after is not None and after.paragraph is last.paragraph and not text[span.end : after.start].strip():
        opener = text[after.start : after.start + 1]
        cue = first_cue(after, index)
        if cue is not None and ("," in closing or opener.islower() or _bare_attribution(cue[0], after)):
            return cue
    return None


def cue_said_before(span: QuoteSpan, index: DocumentIndex, sentences: list[SentenceSpan]) -> Cue | None:
    """ "Kirby said the moves were temporary. “We …”": a quote opening the sentence after one
    whose main verb is a speech verb, in the same paragraph, is that speaker's."""
    if not sentences or index.text[sentences[0].start : span.start].strip():
        return None
    k = index.sentence_index(sentences[0])
    before = index.sentences[k - 1] if k > 0 else None
    if before is None or before.paragraph is not sentences[0].paragraph:
        return None
    cues = [c for c in index.cues_between(before.start, before.end) if c[1].dep_ == "ROOT"]
    return (cues[-1][1], cues[-1][2]) if cues else None


def first_cue(sent: SentenceSpan, index: DocumentIndex) -> Cue | None:
    cues = index.cues_between(sent.start, sent.end)
    return (cues[0][1], cues[0][2]) if cues else None


def _inside(tok: Token, para: Paragraph, span: QuoteSpan) -> bool:
    offset = para.start + tok.idx
    return span.start <= offset < span.end


def _bare_attribution(verb: Token, sent: SentenceSpan) -> bool:
    """ "Trump tweeted before Election Day." after a quote: a short clause whose speech verb says
    nothing of its own (no object or complement clause), so it reports the quote before it."""
    if verb.dep_ != "ROOT" or verb.i - sent.span.start > 6:
        return False
    return not any(child.dep_ in _OWN_CONTENT for child in verb.children)


def _in_main_clause(tok: Token) -> bool:
    """True for a verb that reports the sentence itself, not one buried in a subordinate clause
    ("… would allow leaders to claim an easy victory")."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return True
        if cur.dep_ not in _MAIN_CLAUSE_LINKS:
            return False
        cur = cur.head
    return False
