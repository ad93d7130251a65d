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

from desktop.analysis.lexicon.speech import DOCUMENTS, NAMING_VERBS, SPEAKS_FOR, SPEECH_NOUNS
from desktop.analysis.nlp.syntax import governing_verb
from desktop.analysis.records import NAME_KINDS
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
# Links by which a clause is the content of the verb above it ("said [that] she wanted …").
_REPORTED_CLAUSE = frozenset({"ccomp", "advcl", "xcomp", "conj"})
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
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
        or cue_before_colon(span, index)
    )


def cue_in_clause(span: QuoteSpan, index: DocumentIndex) -> Cue | None:
    """The nearest speech verb above the quote in the parse tree ("Kirby said … “…”"), or a noun of
    speech with its owner ("Trump’s claim that there were “thousands”"). A report nested in another
    ("Kirby said Biden called it “…”") is the outer reporter's: the source is who tells it."""
    best: tuple[int, Token, Paragraph] | None = None
    for tok, para in index.tokens_between(span.start, span.end):
        if tok.is_punct or (tok.head.i != tok.i and _inside(tok.head, para, span)):
            continue
        cur, steps = tok, 0
        while cur.head.i != cur.i and steps < _MAX_CLIMB:
            via, cur, steps = cur, cur.head, steps + 1
            if index.quoted(cur, para):
                continue
            if is_speech_cue(cur):
                if best is None or steps < best[0]:
                    best = (steps, _outer_report(cur, index, para), para)
                break
            if cur.pos_ == "NOUN" and cur.lemma_.lower() in SPEECH_NOUNS and _owner(cur) is not None:
                if best is None or steps < best[0]:
                    best = (steps, _outer_report(_judged_by(cur, via, index, para), index, para), para)
                break
            if characterising(cur) and not index.quoted(cur.head, para):
                # "rated the claims as “false”", "branding the mayor as a “fair-weather friend”": whoever
                # characterises the object in these words says them.
                if best is None or steps + 1 < best[0]:
                    best = (steps + 1, _outer_report(cur.head, index, para), para)
                break
    return (best[1], best[2]) if best else None


def _outer_report(verb: Token, index: DocumentIndex, para: Paragraph) -> Token:
    """The speech verb whose reported clause holds `verb` (or a noun of speech), if any ("said" in
    "Kirby said Biden called it …", "ruled" in "ruled that the mayor’s claim was …"), else `verb` itself."""
    cur = verb
    if verb.pos_ == "NOUN" and verb.head.pos_ in ("VERB", "AUX"):
        cur = verb.head  # the clause the noun of speech is part of
    for _ in range(4):
        if cur.dep_ not in _REPORTED_CLAUSE or cur.head.i == cur.i:
            break
        cur = cur.head
        if not index.quoted(cur, para) and is_speech_cue(cur) and cur.lower_ != "according":
            verb = cur
    return verb


def characterising(tok: Token) -> bool:
    """True for the "as" of "VERB someone or something as …" ("described the plan as …"): a verb
    with an object of its own that the words after "as" characterise."""
    if tok.lower_ != "as" or tok.dep_ != "prep" or tok.head.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)


def _judged_by(noun: Token, via: Token, index: DocumentIndex, para: Paragraph) -> Token:
    """The verb whose object is the noun of speech, when the quote (reached through `via`) says what
    the verb's subject makes of it: in "Ms. Ode called Mr. Vale's remarks “cynical”" the words are the
    caller's. Words that are the noun's content stay its owner's ("mocked his promise of “…”")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or index.quoted(verb, para):
        return noun
    if verb.lemma_.lower() in NAMING_VERBS:
        return noun if via.dep_ in ("prep", "acl", "relcl") else verb
    return verb if via.dep_ == "amod" and is_speech_cue(verb) else noun


def _owner(noun: Token) -> Token | None:
    """Who a noun of speech belongs to: "Trump’s claim", "his remark"."""
    return next((c for c in noun.children if c.dep_ == "poss"), None)


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


def cue_before_colon(span: QuoteSpan, index: DocumentIndex) -> Cue | None:
    """ "He said:¶“…”", "Reyes made the following comment: “…”": a clause ending in a colon right
    before the quote (in its paragraph, or closing the paragraph before) introduces it. Its main verb
    is the cue when it reports speech, or when its subject is someone who can speak (a name, a
    pronoun for a person, a spokesperson or a document); "The rules are simple: “…”" has none."""
    text = index.text
    window = text[max(0, span.start - 400) : span.start]
    before = window.rstrip()
    if not before.endswith(":"):
        return None
    colon = span.start - (len(window) - len(before)) - 1
    found = index.sentences_over(colon, colon + 1)
    if not found:
        return None
    sent = found[0]
    para = sent.paragraph
    verb = _clause_verb(sent, colon - para.start)
    if verb is None or span.start <= para.start + verb.idx < span.end:
        return None
    if is_speech_cue(verb):
        return verb, para
    subject = _subject(verb)
    return (verb, para) if subject is not None and can_speak(subject, para, index) else None


def can_speak(subject: Token, para: Paragraph, index: DocumentIndex) -> bool:
    """True for a subject who can say something: a person or an organisation by name, a pronoun
    for people, a spokesperson or a document (not a place, a thing or words in quotation marks)."""
    if index.quoted(subject, para):
        return False
    entity = index.entity_at(para.start + subject.idx)
    return (
        (entity is not None and entity.kind in NAME_KINDS and entity.kind != "place")
        or subject.lower_ in _SPEAKING_PRONOUNS
        or subject.lemma_.lower() in SPEAKS_FOR
        or subject.lemma_.lower() in DOCUMENTS
    )


def _clause_verb(sent: SentenceSpan, local: int) -> Token | None:
    """The verb of the clause that the token before paragraph offset `local` belongs to."""
    tok = None
    for t in sent.span:
        if t.idx >= local:
            break
        tok = t
    return governing_verb(tok, max_steps=12)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the clause it shares one with ("had to change …")."""
    cur = verb
    for _ in range(5):
        for child in cur.children:
            if child.dep_ == "nsubj":
                return child
        if cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


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
