"""Facts for the side panel: statements, quantity claims and dated events, pointing to their spans.

A fact is one claim a reader may want to check, read off the parse the extractors already made:
- statement: who said what. Direct quotes are grouped with their speaker (a quote split by "he said"
  is one statement); reported speech is a speech verb with a subject and a clause ("Kirby said the
  moves were temporary").
- quantity: a number with the clause it sits in: who or what it is about, the verb, what it counts
  ("the United States would send about 3,000 troops to Poland, Romania and Germany").
- event: a clause with a date and an action verb ("Johnson and Putin spoke by phone Feb. 2").
Every pass is linear in the tokens; no extra parsing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.nlp import Paragraph, ParsedText, SentenceSpan
from desktop.analysis.quotes.speech_words import SPEECH_VERBS
from desktop.analysis.records import Entity, Fact, Number, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MAX_TEXT = 180  # characters in a fact's one-line summary
_MAX_CLAUSE_TOKENS = 40
_SUBJECTS = ("nsubj", "nsubjpass")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "what", "this"})
_RELATIVES = frozenset({"who", "which", "that"})
# Verbs that are no event: being, having, seeming. Speech verbs are events only without a report.
_NOT_EVENTS = frozenset({"be", "have", "seem", "appear", "become", "remain", "get"})
# Date mentions too vague to date an event ("weeks", "the day").
_VAGUE_DATES = frozenset({"weeks", "days", "months", "years", "the day", "the year", "decades", "hours"})


def build_facts(
    parsed: ParsedText, entities: list[Entity], quotes: list[Quote], numbers: list[Number]
) -> list[Fact]:
    index = _EntityIndex(entities)
    facts = list(_quote_statements(parsed, quotes, index))
    quote_spans = sorted((q.start, q.end) for q in quotes)
    facts.extend(_clause_facts(parsed, index, numbers, quote_spans))
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return facts


class _EntityIndex:
    """Entities by position: which lie inside a span, which covers a token, who was last a subject."""

    def __init__(self, entities: list[Entity]):
        self.order = sorted(range(len(entities)), key=lambda k: (entities[k].start, entities[k].end))
        self.entities = entities
        self.starts = [entities[k].start for k in self.order]

    def within(self, start: int, end: int) -> tuple[int, ...]:
        found = []
        i = bisect_left(self.starts, start)
        while i < len(self.order) and self.starts[i] < end:
            k = self.order[i]
            if self.entities[k].end <= end:
                found.append(k)
            i += 1
        return tuple(found)

    def at(self, offset: int) -> Entity | None:
        i = bisect_left(self.starts, offset + 1) - 1
        while i >= 0:
            e = self.entities[self.order[i]]
            if e.start <= offset < e.end:
                return e
            if offset - e.start > 200:
                return None
            i -= 1
        return None


# --- statements from direct quotes ---------------------------------------------------------------


class _ParagraphBounds:
    """Where each paragraph starts and ends (Paragraph.end rebuilds the Doc's text on every call)."""

    def __init__(self, parsed: ParsedText):
        self.starts = [p.start for p in parsed.paragraphs]
        self.ends = [
            p.start + (p.doc[-1].idx + len(p.doc[-1].text) if len(p.doc) else 0) for p in parsed.paragraphs
        ]

    def of(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, offset) - 1
        return (self.starts[i], self.ends[i]) if i >= 0 and offset < self.ends[i] else None


def _quote_statements(parsed: ParsedText, quotes: list[Quote], index: _EntityIndex) -> Iterable[Fact]:
    """One statement per run of quotes by the same speaker in one paragraph ("“…,” he said. “…”")."""
    bounds = _ParagraphBounds(parsed)
    group: list[int] = []
    for k, quote in enumerate(quotes):
        if group and not _continues(bounds, quotes[group[-1]], quote):
            yield _statement_of(bounds, quotes, group, index)
            group = []
        group.append(k)
    if group:
        yield _statement_of(bounds, quotes, group, index)


def _continues(bounds: _ParagraphBounds, previous: Quote, quote: Quote) -> bool:
    if _source(previous) != _source(quote):
        return False
    para = bounds.of(previous.start)
    return para is not None and quote.start < para[1]


def _source(quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    return quote.speaker.canonical or quote.speaker.text


def _statement_of(
    bounds: _ParagraphBounds, quotes: list[Quote], group: list[int], index: _EntityIndex
) -> Fact:
    first, last = quotes[group[0]], quotes[group[-1]]
    start, end = first.start, last.end
    speaker = first.speaker
    para = bounds.of(start)
    if speaker is not None and para is not None and para[0] <= speaker.start < para[1]:
        start, end = min(start, speaker.start), max(end, speaker.end)
    said = " … ".join(_unquoted(quotes[k].text) for k in group)
    source = _source(first)
    cue = first.cue or next((quotes[k].cue for k in group if quotes[k].cue), None)
    text = f"{source}: “{said}”" if source else f"Unattributed: “{said}”"
    return Fact(
        kind="statement",
        text=_one_line(text),
        start=start,
        end=end,
        subject=source,
        predicate=cue,
        object=said,
        source=source,
        quote_refs=tuple(group),
        entity_refs=index.within(start, end),
    )


def _unquoted(text: str) -> str:
    return text.strip().strip("“”„‟«»「」『』\"'‘’‚").strip()


# --- reported speech, quantities and events, clause by clause ------------------------------------------


@dataclass
class _Clause:
    """A verb, who or what it is about, and the span of text that states it."""

    sentence: SentenceSpan
    verb: Token
    subject: str | None
    start: int  # absolute offsets of the clause's text
    end: int
    summary: str  # the clause's text on one line, "it" replaced by the name it stands for


class _Sentences:
    """Per sentence: the clauses built so far, so a verb's clause is read once."""

    def __init__(self, parsed: ParsedText, index: _EntityIndex):
        self.parsed = parsed
        self.index = index
        self.last_subject: str | None = None  # the last person named as a subject, for "he said …"

    def clause(self, sent: SentenceSpan, verb: Token, keep: Token | None = None) -> _Clause:
        return _clause(sent, verb, self.index, self.last_subject, keep)

    def note_subjects(self, sent: SentenceSpan, subjects: list[Token]) -> None:
        """Remember the sentence's last person named as a subject, for a "he" in the sentences after it."""
        para = sent.paragraph
        for tok in subjects:
            entity = self.index.at(para.start + tok.idx)
            if entity is not None and entity.kind == "person":
                self.last_subject = entity.canonical or entity.text


def _clause_facts(
    parsed: ParsedText, index: _EntityIndex, numbers: list[Number], quote_spans: list[tuple[int, int]]
) -> Iterable[Fact]:
    numbers_by_sentence = _numbers_by_sentence(parsed, numbers)
    quote_starts = [s for s, _ in quote_spans]
    reader = _Sentences(parsed, index)
    dates = _DatesByParagraph()
    for sent_no, sent in enumerate(parsed.sentences()):
        para = sent.paragraph
        claimed: set[int] = set()  # verbs that already gave a fact
        subjects: list[Token] = []
        for tok in sent.span:
            pos = tok.pos_
            if pos == "PROPN" and tok.dep_ in _SUBJECTS:
                subjects.append(tok)
            elif pos == "VERB" and tok.lemma_.lower() in SPEECH_VERBS:
                fact = _reported_speech(reader, sent, tok, quote_starts, quote_spans)
                if fact is not None:
                    claimed.add(tok.i)
                    yield fact
        by_verb: dict[int, list[int]] = {}
        for k in numbers_by_sentence.get(sent_no, ()):
            verb = _governing_verb(_token_at(para, numbers[k].start, sent))
            by_verb.setdefault(verb.i if verb is not None else -1, []).append(k)
        for verb_i, refs in by_verb.items():
            if verb_i < 0:
                yield _quantity_of_sentence(sent, refs, index)
                continue
            keep = _token_at(para, numbers[refs[0]].start, sent)
            verb = para.doc[verb_i]
            if keep is not None and _describes_the_speaker(verb, keep):
                continue  # "Two people briefed on the talks said …": who speaks, not a claim
            claimed.add(verb_i)
            yield _quantity(reader.clause(sent, verb, keep), refs, index)
        for ent in dates.within(sent):
            if ent.label_ not in ("DATE", "TIME") or ent.text.lower() in _VAGUE_DATES:
                continue
            at = para.start + ent.start_char
            if _overlaps_quote(at, at + len(ent.text), quote_starts, quote_spans):
                continue  # told inside a quote: part of that statement
            verb = _governing_verb(ent.root)
            if verb is None or verb.i in claimed or not _is_event_verb(verb, quote_starts, quote_spans, sent):
                continue
            claimed.add(verb.i)
            yield _event(reader.clause(sent, verb, ent.root), ent.text, index)
        reader.note_subjects(sent, subjects)


class _DatesByParagraph:
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


def _is_event_verb(
    verb: Token, quote_starts: list[int], quote_spans: list[tuple[int, int]], sent: SentenceSpan
) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _NOT_EVENTS:
        return False
    if lemma in SPEECH_VERBS:
        # "spoke by phone Feb. 2" is an event; "said on Feb. 2 that …" or "… ,” he said" is a statement.
        if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            return False
        return not _overlaps_quote(sent.start, sent.end, quote_starts, quote_spans)
    return True


def _numbers_by_sentence(parsed: ParsedText, numbers: list[Number]) -> dict[int, list[int]]:
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


def _token_at(para: Paragraph, offset: int, sent: SentenceSpan) -> Token | None:
    """The token of the sentence that covers `offset` (or the next one); a bisect over token offsets."""
    local = offset - para.start
    span = sent.span
    starts = [t.idx for t in span]
    k = bisect_right(starts, local) - 1
    return span[max(k, 0)] if len(span) else None


def _governing_verb(tok: Token | None) -> Token | None:
    """The verb of the clause a token sits in (climbing heads), else None."""
    for _ in range(30):
        if tok is None:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# Children that are clauses of their own: left out of a clause's text unless they hold what the fact is about.
_OWN_CLAUSES = frozenset({"advcl", "parataxis", "ccomp"})


def _clause(
    sent: SentenceSpan, verb: Token, index: _EntityIndex, last_subject: str | None, keep: Token | None
) -> _Clause:
    para = sent.paragraph
    doc = para.doc
    subject_tok = _subject_of(verb)
    subject = _name_of(subject_tok, para, index) if subject_tok is not None else None
    if subject_tok is not None and subject_tok.lower_ in _RELATIVES and verb.dep_ == "relcl":
        # "users who activated their accounts": the users did.
        subject = _name_of(verb.head, para, index)
    elif subject_tok is not None and subject_tok.lower_ in _PRONOUNS:
        subject = _higher_subject(verb, para, index) or (
            last_subject if subject_tok.lower_ in ("he", "she") else subject
        )
    lo, hi = _clause_bounds(verb, keep)
    if verb.dep_ in ("relcl", "acl") and verb.head.i < lo:
        # "eastern Ukraine, where 13,000 people have been killed": the noun the clause describes.
        lo = _skip_lead(doc, verb.head.left_edge.i, verb.head.i)
        if subject is None:
            subject = doc[lo : verb.head.i + 1].text
    start = para.start + doc[lo].idx
    end = para.start + doc[hi].idx + len(doc[hi].text)
    summary = doc[lo : hi + 1].text
    if (
        subject_tok is not None
        and subject
        and subject_tok.lower_ in _PRONOUNS - _RELATIVES
        and lo <= subject_tok.i <= hi
    ):
        # Show who "it" is: "the United States would send …" rather than "it would send …".
        at = subject_tok.idx - doc[lo].idx
        summary = summary[:at] + subject + summary[at + len(subject_tok.text) :]
    elif (
        subject
        and (subject_tok is None or not lo <= subject_tok.i <= hi)
        and subject.lower() not in _PRONOUNS
        and subject not in summary
    ):
        summary = f"{subject}: {summary}"
    return _Clause(sent, verb, subject, start, end, _one_line(summary))


def _clause_bounds(verb: Token, keep: Token | None) -> tuple[int, int]:
    """First and last token of the verb's clause, without attached clauses that do not hold `keep`."""
    left, right = verb.left_edge.i, verb.right_edge.i
    for child in verb.children:
        if not _is_own_clause(child):
            continue
        if keep is not None and child.left_edge.i <= keep.i <= child.right_edge.i:
            continue
        if child.i > verb.i:
            right = min(right, child.left_edge.i - 1)
        else:
            left = max(left, child.right_edge.i + 1)
    doc = verb.doc
    while left < verb.i and (doc[left].is_punct or doc[left].dep_ in ("mark", "cc") or doc[left].is_space):
        left += 1
    while right > verb.i and (
        doc[right].is_punct or doc[right].dep_ in ("cc", "mark") or doc[right].is_space
    ):
        right -= 1
    if right - left + 1 > _MAX_CLAUSE_TOKENS:
        left = max(left, verb.i - _MAX_CLAUSE_TOKENS // 2)
        right = min(right, left + _MAX_CLAUSE_TOKENS - 1)
    return left, right


def _is_own_clause(child: Token) -> bool:
    """A clause with its own subject, or a second report ("Kirby clarified …, but said …")."""
    if child.dep_ in _OWN_CLAUSES:
        return True
    return (
        child.dep_ == "conj"
        and child.pos_ in ("VERB", "AUX")
        and (any(c.dep_ in _SUBJECTS for c in child.children) or child.lemma_.lower() in SPEECH_VERBS)
    )


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the clause it hangs from ("…, saying …", "despite encircling …")."""
    tok = verb
    for _ in range(5):
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def _higher_subject(verb: Token, para: Paragraph, index: _EntityIndex) -> str | None:
    """ "the United States announced that it would send …": "it" is the announcing subject."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        subject = _subject_of(tok)
        if subject is not None and subject.lower_ not in _PRONOUNS:
            return _name_of(subject, para, index)
    return None


def _skip_lead(doc: Doc, left: int, limit: int) -> int:
    """First token of a phrase without leading determiners, adverbs, commas and spaces (quote marks stay)."""
    while left < limit and (
        doc[left].pos_ in ("DET", "ADV")
        or (doc[left].is_punct and not doc[left].is_quote)
        or doc[left].is_space
    ):
        left += 1
    return left


def _describes_the_speaker(verb: Token, tok: Token) -> bool:
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    subject = _subject_of(verb)
    return subject is not None and subject.left_edge.i <= tok.i <= subject.right_edge.i


def _name_of(tok: Token, para: Paragraph, index: _EntityIndex) -> str:
    entity = index.at(para.start + tok.idx)
    if entity is not None and entity.kind in ("person", "organization", "place", "group"):
        return entity.canonical or entity.text
    doc = tok.doc
    left = tok.left_edge.i
    left = _skip_lead(doc, left, tok.i)
    right = tok.i + 1
    if right - left > 8:
        left = tok.i - 7
    return doc[left:right].text


def _reported_speech(
    reader: _Sentences,
    sent: SentenceSpan,
    verb: Token,
    quote_starts: list[int],
    quote_spans: list[tuple[int, int]],
) -> Fact | None:
    """ "Kirby said the moves were temporary": a speech verb with a named subject and a clause it reports."""
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subject_tok = _subject_of(verb)
    if content is None or subject_tok is None or subject_tok.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if subject_tok.head.i != verb.i and verb.dep_ != "conj":
        return None  # "…, saying …" hangs from a clause whose subject need not be the speaker
    para = sent.paragraph
    doc = para.doc
    lo, hi = _clause_bounds(content, None)
    if hi - lo < 2:
        return None
    start = para.start + doc[lo].idx
    end = para.start + doc[hi].idx + len(doc[hi].text)
    if _overlaps_quote(start, end, quote_starts, quote_spans):
        return None  # a direct quote: already a statement of its own
    clause = reader.clause(sent, verb, content)
    if clause.subject is None or clause.subject.lower() in _PRONOUNS:
        return None
    said = doc[lo : hi + 1].text
    span_start, span_end = min(clause.start, start), max(clause.end, end)
    return Fact(
        kind="statement",
        text=clause.summary,
        start=span_start,
        end=span_end,
        subject=clause.subject,
        predicate=verb.lemma_.lower(),
        object=said,
        source=clause.subject,
        entity_refs=reader.index.within(span_start, span_end),
    )


def _overlaps_quote(
    start: int, end: int, quote_starts: list[int], quote_spans: list[tuple[int, int]]
) -> bool:
    i = bisect_left(quote_starts, end)
    return i > 0 and max(e for _, e in quote_spans[max(0, i - 8) : i]) > start


def _quantity(clause: _Clause, refs: list[int], index: _EntityIndex) -> Fact:
    verb = clause.verb
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass", "dative")), None)
    return Fact(
        kind="quantity",
        text=clause.summary,
        start=clause.start,
        end=clause.end,
        subject=clause.subject,
        predicate=_verb_phrase(verb),
        object=_phrase(obj),
        number_refs=tuple(sorted(refs)),
        entity_refs=index.within(clause.start, clause.end),
    )


def _quantity_of_sentence(sent: SentenceSpan, refs: list[int], index: _EntityIndex) -> Fact:
    """A number in a verbless sentence (a headline, a caption): the sentence is the claim."""
    return Fact(
        kind="quantity",
        text=_one_line(sent.span.text),
        start=sent.start,
        end=sent.end,
        number_refs=tuple(sorted(refs)),
        entity_refs=index.within(sent.start, sent.end),
    )


def _event(clause: _Clause, date: str, index: _EntityIndex) -> Fact:
    verb = clause.verb
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    return Fact(
        kind="event",
        text=clause.summary,
        start=clause.start,
        end=clause.end,
        subject=clause.subject,
        predicate=_verb_phrase(verb),
        object=_phrase(obj) if obj is not None else date,
        entity_refs=index.within(clause.start, clause.end),
    )


def _phrase(tok: Token | None) -> str | None:
    if tok is None:
        return None
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    if right - left >= _MAX_CLAUSE_TOKENS // 2:
        right = tok.i
    return doc[left : right + 1].text


def _verb_phrase(verb: Token) -> str:
    """The verb with its auxiliaries and negation: "will be deployed", "had not ruled out"."""
    parts = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    parts.append(verb)
    parts.extend(c for c in verb.children if c.dep_ == "prt")
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1].rstrip() + "…"
