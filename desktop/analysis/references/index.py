"""Where things are in one parsed document: one pass over every token, shared by the resolver, the
speaker attribution and the facts.

The pass notes which tokens lie inside quotation marks, the speech verbs outside them, the people and
organisations that are subjects of a clause and the he/she pronouns of each sentence; the lookups
(the entity at an offset, the sentences over a span, the tokens between two offsets) are bisections
over what it noted. It is the costly part of attribution, so it runs once per document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop.analysis.lexicon.speech import (
    BARE_SPEECH_VERBS,
    PHRASE_VERBS,
    PRONOUN_GENDER,
    SPEECH_PHRASES,
    SPEECH_VERBS,
)
from desktop.analysis.nlp import Paragraph, ParsedText, SentenceSpan
from desktop.analysis.records import Entity, QuoteSpan

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Token


# The token attributes _scan_tokens reads, in the order it unpacks them.
_SCANNED = ["IDX", "SENT_START", "POS", "DEP", "LOWER", "LEMMA"]
# Lemmas (lower case) of the verbs is_speech_cue may accept.
_CUE_LEMMAS = SPEECH_VERBS | BARE_SPEECH_VERBS | PHRASE_VERBS
# What a verb that reports speech only when bare ("she continued") may not have.
_OWN_OBJECTS = frozenset({"xcomp", "dobj", "prep", "acomp", "attr", "oprd", "agent", "dative"})


def is_speech_cue(tok: Token) -> bool:
    """A verb that reports speech or writing ("said", "tweeted", "continued" alone, "made the comment",
    "put it"), or the "according" of "according to"."""
    if tok.lower_ == "according":
        return any(child.lower_ == "to" for child in tok.children)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    if lemma in BARE_SPEECH_VERBS:
        return not any(child.dep_ in _OWN_OBJECTS for child in tok.children)
    if lemma in PHRASE_VERBS:
        return any(c.dep_ == "dobj" and (lemma, c.lemma_.lower()) in SPEECH_PHRASES for c in tok.children)
    return False


def _may_cue(seen: dict[int, bool], lemma: int, store: StringStore) -> bool:
    """Whether a verb with this lemma id can report speech (is_speech_cue decides), once per lemma."""
    if lemma not in seen:
        seen[lemma] = store[lemma].lower() in _CUE_LEMMAS
    return seen[lemma]


class DocumentIndex:
    """The parse of one document indexed by offset: quote membership, entities, cues, people."""

    def __init__(self, parsed: ParsedText, entities: list[Entity], quote_spans: list[QuoteSpan]):
        self.parsed = parsed
        self.text = parsed.text
        self.quote_spans = quote_spans
        order = sorted(range(len(entities)), key=lambda k: (entities[k].start, -entities[k].end))
        self._entity_refs = order  # position in the sorted list -> index in the caller's list
        self.entities = [entities[k] for k in order]
        self.entity_starts = [e.start for e in self.entities]
        self.sentences: list[SentenceSpan] = list(parsed.sentences())
        self._sentence_starts = [s.start for s in self.sentences]
        self.paragraph_starts = [p.start for p in parsed.paragraphs]
        self.token_starts: list[list[int]] = []  # per paragraph, the local offset of each token
        self._in_quote: dict[int, list[bool]] = {}
        self.cues: list[tuple[int, Token, Paragraph]] = []  # speech verbs outside quotes, by offset
        self.cue_offsets: list[int] = []
        self.run_ends: list[Token] = []  # last words of runs of proper nouns
        self.people: list[tuple[int, Token, Paragraph, Entity | None]] = []  # (sentence no., …)
        self.pronouns: dict[int, dict[str, int]] = {}  # sentence no. -> he/she counts outside quotes
        self.org_subjects: list[tuple[int, Entity]] = []  # organisations as clause subjects, by offset
        self._scan_tokens()
        self.cue_offsets = [c[0] for c in self.cues]

    def _scan_tokens(self) -> None:
        # The attributes of every token come from one Doc.to_array per paragraph: building a spaCy
        # Token for each of them cost more than the scan itself. Tokens are built where one is kept.
        from spacy.symbols import AUX, PRON, PROPN, VERB

        spans, entities = self.quote_spans, self.entities
        store = self.parsed.paragraphs[0].doc.vocab.strings if self.parsed.paragraphs else None
        compound, nsubj, according = (store[w] for w in ("compound", "nsubj", "according")) if store else (0, 0, 0)
        may_cue: dict[int, bool] = {}  # lemma id -> whether a speech verb has that lemma
        k = e = 0
        sentence = -1
        for para in self.parsed.paragraphs:
            doc = para.doc
            rows = doc.to_array(_SCANNED).tolist() if len(doc) else []
            starts: list[int] = []
            flags: list[bool] = []
            for i, (local, sent_start, pos, dep, lower, lemma) in enumerate(rows):
                starts.append(local)
                offset = para.start + local
                while k < len(spans) and spans[k].end <= offset:
                    k += 1
                quoted = k < len(spans) and spans[k].start <= offset
                flags.append(quoted)
                if sent_start == 1 or i == 0:
                    sentence += 1
                if pos == PROPN and not (dep == compound and doc[i].head.pos_ == "PROPN"):
                    self.run_ends.append(doc[i])
                if quoted:
                    continue
                if lower == according or pos in (VERB, AUX) and _may_cue(may_cue, lemma, store):
                    tok = doc[i]
                    if is_speech_cue(tok):
                        self.cues.append((offset, tok, para))
                if pos == PRON:
                    gender = PRONOUN_GENDER.get(store[lower])
                    if gender:
                        self.pronouns.setdefault(sentence, {"m": 0, "f": 0})[gender] += 1
                while e < len(entities) and entities[e].end <= offset:
                    e += 1
                entity = entities[e] if e < len(entities) and entities[e].start <= offset else None
                if entity is not None and entity.kind == "organization" and dep == nsubj:
                    self.org_subjects.append((offset, entity))
                if (entity is not None and entity.kind == "person") or (pos == PROPN and dep == nsubj):
                    self.people.append((sentence, doc[i], para, entity))
            self.token_starts.append(starts)
            self._in_quote[id(para)] = flags

    # ------------------------------------------------------------------------------------- lookups

    def quoted(self, tok: Token, para: Paragraph) -> bool:
        """True when the token lies inside quotation marks."""
        return self._in_quote[id(para)][tok.i]

    def entity_at(self, offset: int) -> Entity | None:
        i = bisect_right(self.entity_starts, offset) - 1
        if i >= 0 and self.entities[i].start <= offset < self.entities[i].end:
            return self.entities[i]
        return None

    def entities_within(self, start: int, end: int) -> list[Entity]:
        return [self.entities[i] for i in self._positions_within(start, end)]

    def entity_refs_within(self, start: int, end: int) -> tuple[int, ...]:
        """Indexes (into the caller's entity list) of the entities that lie inside [start, end)."""
        return tuple(self._entity_refs[i] for i in self._positions_within(start, end))

    def _positions_within(self, start: int, end: int) -> list[int]:
        i = bisect_right(self.entity_starts, start - 1)
        found = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end:
                found.append(i)
            i += 1
        return found

    def paragraph_number(self, offset: int) -> int:
        """Index of the paragraph holding offset, -1 when it falls between paragraphs."""
        p = bisect_right(self.paragraph_starts, offset) - 1
        if p < 0:
            return -1
        doc = self.parsed.paragraphs[p].doc
        end = self.paragraph_starts[p] + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
        return p if offset < end else -1

    def sentences_over(self, start: int, end: int) -> list[SentenceSpan]:
        """The sentences that overlap [start, end)."""
        i = max(0, bisect_right(self._sentence_starts, start) - 1)
        found = []
        while i < len(self.sentences) and self.sentences[i].start < end:
            if self.sentences[i].end > start:
                found.append(self.sentences[i])
            i += 1
        return found

    def sentence_index(self, sent: SentenceSpan) -> int:
        return bisect_right(self._sentence_starts, sent.start) - 1

    def tokens_between(self, start: int, end: int) -> Iterator[tuple[Token, Paragraph]]:
        """The tokens that start inside [start, end), paragraph by paragraph, found by bisection."""
        p = max(0, bisect_right(self.paragraph_starts, start) - 1)
        while p < len(self.parsed.paragraphs) and self.parsed.paragraphs[p].start < end:
            para = self.parsed.paragraphs[p]
            starts = self.token_starts[p]
            lo = bisect_right(starts, start - para.start - 1)
            hi = bisect_right(starts, end - para.start - 1)
            for i in range(lo, hi):
                yield para.doc[i], para
            p += 1

    def token_at(self, offset: int) -> tuple[Token, Paragraph] | None:
        """The token that starts at offset."""
        p = bisect_right(self.paragraph_starts, offset) - 1
        if p < 0:
            return None
        para = self.parsed.paragraphs[p]
        i = bisect_right(self.token_starts[p], offset - para.start) - 1
        if i < 0 or para.start + para.doc[i].idx != offset:
            return None
        return para.doc[i], para

    def cues_between(self, start: int, end: int) -> list[tuple[int, Token, Paragraph]]:
        """The speech verbs outside quotes that start inside [start, end)."""
        lo = bisect_right(self.cue_offsets, start - 1)
        hi = bisect_right(self.cue_offsets, end - 1)
        return self.cues[lo:hi]
