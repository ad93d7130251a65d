"""Who said each quote: the attribution as written, the name it resolves to, and the cue verb.

Attribution reads the dependency parse: the speech verb whose clause holds the quote ("Kirby said
…“…”", "“…,” he said"), else one attached to the quote, a dash or colon attribution ("— John Kirby"),
a speech verb elsewhere in the quote's sentence, or the sentence next to it. A quote with none of
these that follows another quote in the same paragraph, or opens the paragraph after it, continues
the previous speaker (news style). Names resolve to the fullest name in the document, he/she to the
person most recently the subject of a clause, and descriptions to the entity they speak for ("a
spokesperson for Johnson’s office" -> Boris Johnson, "the president" -> the person titled President).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.lexicon.people import GENDER_OF_WORD
from desktop.analysis.nlp import Paragraph, ParsedText, SentenceSpan
from desktop.analysis.quotes.naming import FAR, MAX_CANDIDATES, SpeakerNaming
from desktop.analysis.quotes.person_names import (
    honorific_before,
    name_run,
    person_bare_name,
    title_words,
)
from desktop.analysis.quotes.speech_words import (
    PRONOUN_GENDER,
    is_speech_cue,
)
from desktop.analysis.records import NAME_KINDS, Entity, QuoteSpan, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token


_MAX_CLIMB = 12  # dependency steps from a quote up to its reporting verb
_NEAR = 300  # characters around a quote where a verb attached to it may sit
_OWN_CONTENT = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "attr", "dative", "oprd"})
_MAIN_CLAUSE_LINKS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl"})
_DASH_ATTRIBUTION = re.compile(r"\s*(?:[,.]\s*)?(?:—|–|--|-)[ \t]*")


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None = None
    cue: str | None = None
    # The attribution touches the quote ("“Yes,” he said"): a capitalised fragment is then still a quote.
    adjacent: bool = False


NO_ATTRIBUTION = Attribution()


def attribute_speakers(
    parsed: ParsedText, entities: list[Entity], spans: list[QuoteSpan]
) -> list[Attribution]:
    """One Attribution per quote span, in order."""
    resolver = SpeakerResolver(parsed, entities, spans)
    results: list[Attribution] = []
    previous: tuple[QuoteSpan, Attribution] | None = None
    for span in spans:
        attribution = resolver.attribute(span)
        if attribution.speaker is None and previous is not None and resolver.continues(previous[0], span):
            attribution = Attribution(previous[1].speaker, previous[1].cue, adjacent=False)
        results.append(attribution)
        if attribution.speaker is not None:
            previous = (span, attribution)
        elif previous is not None and not resolver.continues(previous[0], span):
            previous = None
    return results


class SpeakerResolver(SpeakerNaming):
    """The parse of one document indexed for attribution: quote membership, entities, salient people."""

    def __init__(self, parsed: ParsedText, entities: list[Entity], spans: list[QuoteSpan]):
        self.parsed = parsed
        self.text = parsed.text
        self.spans = spans
        self.entities = sorted(entities, key=lambda e: (e.start, -e.end))
        self._entity_starts = [e.start for e in self.entities]
        self.sentences: list[SentenceSpan] = list(parsed.sentences())
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in parsed.paragraphs]
        self._token_starts: list[list[int]] = []
        self._in_quote: dict[int, list[bool]] = {}
        self._cues: list[tuple[int, Token, Paragraph]] = []  # speech verbs outside quotes, by offset
        self._run_ends: list[Token] = []  # last words of runs of proper nouns
        self._people: list[tuple[int, Token, Paragraph, Entity | None]] = []  # (sentence no., …)
        self._pronouns: dict[int, dict[str, int]] = {}  # sentence no. -> he/she counts outside quotes
        self._org_subjects: list[tuple[int, str]] = []  # (offset, name) of organisations as subjects
        self._scan_tokens()
        self._cue_offsets = [c[0] for c in self._cues]
        self._person_names = self._collect_person_names()
        self._full_names = {}
        self._subjects: list[tuple[int, str]] = []  # (offset, name) of people who are clause subjects
        self._titled: list[tuple[int, str, frozenset[str]]] = []  # (offset, name, title words)
        self._gender: dict[str, dict[str, int]] = {}  # name -> evidence {"m": n, "f": n}
        self._index_people()
        self._titled_offsets = [t[0] for t in self._titled]
        self._spoken: list[tuple[int, str, str]] = []  # (offset, role head, canonical) of earlier speakers

    # ------------------------------------------------------------------------------------ indexing

    def _scan_tokens(self) -> None:
        """One pass over every token (the costly part of attribution) to note what the rest needs."""
        spans, entities = self.spans, self.entities
        k = e = 0
        sentence = -1
        for para in self.parsed.paragraphs:
            starts: list[int] = []
            flags: list[bool] = []
            for tok in para.doc:
                local = tok.idx
                starts.append(local)
                offset = para.start + local
                while k < len(spans) and spans[k].end <= offset:
                    k += 1
                quoted = k < len(spans) and spans[k].start <= offset
                flags.append(quoted)
                if tok.is_sent_start or tok.i == 0:
                    sentence += 1
                pos = tok.pos_
                if pos == "PROPN" and not (tok.dep_ == "compound" and tok.head.pos_ == "PROPN"):
                    self._run_ends.append(tok)
                if quoted:
                    continue
                if is_speech_cue(tok):
                    self._cues.append((offset, tok, para))
                if pos == "PRON":
                    gender = PRONOUN_GENDER.get(tok.lower_)
                    if gender:
                        self._pronouns.setdefault(sentence, {"m": 0, "f": 0})[gender] += 1
                while e < len(entities) and entities[e].end <= offset:
                    e += 1
                entity = entities[e] if e < len(entities) and entities[e].start <= offset else None
                if entity is not None and entity.kind == "organization" and tok.dep_ == "nsubj":
                    self._org_subjects.append((offset, self.entity_name(entity)))
                if (entity is not None and entity.kind == "person") or (
                    pos == "PROPN" and tok.dep_ == "nsubj"
                ):
                    self._people.append((sentence, tok, para, entity))
            self._token_starts.append(starts)
            self._in_quote[id(para)] = flags

    def quoted(self, tok: Token, para: Paragraph) -> bool:
        return self._in_quote[id(para)][tok.i]

    def entity_at(self, offset: int) -> Entity | None:
        i = bisect_right(self._entity_starts, offset) - 1
        if i >= 0 and self.entities[i].start <= offset < self.entities[i].end:
            return self.entities[i]
        return None

    def _collect_person_names(self) -> tuple[list[str], list[str]]:
        """Full names people go by: PERSON entities first, then runs of proper nouns such as "Zach
        Parise" (the small model misses or mislabels some names; a title word ends a run). Longest
        first; between equally long names, the one the article introduces first."""
        names: dict[str, None] = {}
        for e in self.entities:
            if e.kind == "person":
                names.setdefault(person_bare_name(e.canonical or e.text))
                names.setdefault(person_bare_name(e.text))
        runs: dict[str, None] = {}
        for tok in self._run_ends:
            run = name_run(tok)
            if len(run) >= 2:
                runs.setdefault(" ".join(run))

        def longest_first(found: dict[str, None]) -> list[str]:
            return sorted((n for n in found if n), key=lambda n: -len(n.split()))

        return longest_first(names), longest_first({n: None for n in runs if n not in names})

    def _index_people(self) -> None:
        """Where each person is a clause subject (for he/she), which titles name them (for "the
        coach"), and what the text says of their gender: "Mrs." before the name, "actress" beside
        it, or he/his or she/her in a sentence that names nobody else."""
        named: set[str] = set()
        current = -1
        for sentence, tok, para, entity in [*self._people, (-2, None, None, None)]:
            if sentence != current:
                if len(named) == 1:
                    (name,) = named
                    for gender, count in self._pronouns.get(current, {}).items():
                        self._add_gender(name, gender, count)
                named, current = set(), sentence
            if tok is None or para is None:
                break
            offset = para.start + tok.idx
            if entity is None or entity.kind != "person":
                # A known person's surname the small model did not tag as a person.
                if tok.dep_ == "nsubj" and tok.pos_ == "PROPN":
                    name = self._full_person_name(entity.text if entity else tok.text)
                    if name is not None:
                        self._subjects.append((offset, name))
                        named.add(name)
                continue
            name = self.person_name(entity)
            named.add(name)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                self._subjects.append((offset, name))
            if tok.dep_ != "compound" or tok.head.idx + para.start >= entity.end:
                words = set(title_words(tok, para, entity))
                if entity.role:
                    words |= {w.lower() for w in re.findall(r"[^\W\d_]+", entity.role)}
                if words:
                    self._titled.append((offset, name, frozenset(words)))
                for word in words | {honorific_before(self.text, entity, para)}:
                    if word in GENDER_OF_WORD:
                        self._add_gender(name, GENDER_OF_WORD[word], 2)

    def _add_gender(self, name: str, gender: str, weight: int) -> None:
        if weight:
            evidence = self._gender.setdefault(name, {"m": 0, "f": 0})
            evidence[gender] += weight

    def _could_be(self, name: str, gender: str | None) -> bool:
        """False only when the text says this person is of the other gender."""
        evidence = self._gender.get(name)
        if gender is None or evidence is None:
            return True
        other = "f" if gender == "m" else "m"
        return evidence[other] <= evidence[gender]

    # -------------------------------------------------------------------------------- attribution

    def attribute(self, span: QuoteSpan) -> Attribution:
        sentences = self._sentences_over(span)
        cue = self._cue_in_clause(span) or self._cue_attached(span, sentences)
        if cue is None:
            dashed = self._dash_or_colon(span)
            if dashed is not None:
                return dashed
            cue = (
                self._cue_in_sentences(span, sentences)
                or self._cue_next_door(span, sentences)
                or self._cue_said_before(span, sentences)
            )
        if cue is None:
            return NO_ATTRIBUTION
        verb, para = cue
        subject = self._speaker_of(verb, para)
        if subject is None or subject.is_space or subject.is_punct:
            return NO_ATTRIBUTION
        speaker = self._speaker(subject, para)
        if speaker.start >= speaker.end or not speaker.text.strip():
            return NO_ATTRIBUTION
        adjacent = self._touches(span, verb, speaker, para)
        cue_text = "according to" if verb.lower_ == "according" else verb.lower_
        return Attribution(speaker, cue_text, adjacent)

    def continues(self, earlier: QuoteSpan, later: QuoteSpan) -> bool:
        """True when `later` can carry on `earlier`'s speaker: same paragraph, or it opens the next one."""
        i = self._paragraph_number(earlier.end - 1)
        j = self._paragraph_number(later.start)
        if i < 0 or j < 0:
            return False
        second = self.parsed.paragraphs[j]
        return i == j or (j == i + 1 and not self.text[second.start : later.start].strip())

    def _paragraph_number(self, offset: int) -> int:
        """Index of the paragraph holding offset, -1 when it falls between paragraphs."""
        p = bisect_right(self._paragraph_starts, offset) - 1
        if p < 0:
            return -1
        doc = self.parsed.paragraphs[p].doc
        end = self._paragraph_starts[p] + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
        return p if offset < end else -1

    def _sentences_over(self, span: QuoteSpan) -> list[SentenceSpan]:
        i = max(0, bisect_right(self._sentence_starts, span.start) - 1)
        found = []
        while i < len(self.sentences) and self.sentences[i].start < span.end:
            if self.sentences[i].end > span.start:
                found.append(self.sentences[i])
            i += 1
        return found

    def _sentence_index(self, sent: SentenceSpan) -> int:
        return bisect_right(self._sentence_starts, sent.start) - 1

    def _inside(self, tok: Token, para: Paragraph, span: QuoteSpan) -> bool:
        offset = para.start + tok.idx
        return span.start <= offset < span.end

    def _quote_tokens(self, span: QuoteSpan) -> Iterable[tuple[Token, Paragraph]]:
        """The tokens inside the quote, paragraph by paragraph, found by bisection."""
        p = max(0, bisect_right(self._paragraph_starts, span.start) - 1)
        while p < len(self.parsed.paragraphs) and self.parsed.paragraphs[p].start < span.end:
            para = self.parsed.paragraphs[p]
            starts = self._token_starts[p]
            lo = bisect_right(starts, span.start - para.start - 1)
            hi = bisect_right(starts, span.end - para.start - 1)
            for i in range(lo, hi):
                yield para.doc[i], para
            p += 1

    def _cues_between(self, start: int, end: int) -> list[tuple[int, Token, Paragraph]]:
        lo = bisect_right(self._cue_offsets, start - 1)
        hi = bisect_right(self._cue_offsets, end - 1)
        return self._cues[lo:hi]

    def _cue_in_clause(self, span: QuoteSpan) -> tuple[Token, Paragraph] | None:
        """The nearest speech verb above the quote in the parse tree ("Kirby said … “…”")."""
        best: tuple[int, Token, Paragraph] | None = None
        for tok, para in self._quote_tokens(span):
            if tok.is_punct or (tok.head.i != tok.i and self._inside(tok.head, para, span)):
                continue
            cur, steps = tok, 0
            while cur.head.i != cur.i and steps < _MAX_CLIMB:
                cur, steps = cur.head, steps + 1
                if not self.quoted(cur, para) and is_speech_cue(cur):
                    if best is None or steps < best[0]:
                        best = (steps, cur, para)
                    break
        return (best[1], best[2]) if best else None

    def _cue_attached(self, span: QuoteSpan, sentences: list[SentenceSpan]) -> tuple[Token, Paragraph] | None:
        """A speech verb hanging from the quote ("“…,” he said" parsed as parataxis)."""
        if not sentences:
            return None
        start = max(sentences[0].start, span.start - _NEAR)
        end = min(sentences[-1].end, span.end + _NEAR)
        for _, tok, para in self._cues_between(start, end):
            if self._inside(tok.head, para, span):
                return tok, para
        return None

    def _cue_in_sentences(
        self, span: QuoteSpan, sentences: list[SentenceSpan]
    ) -> tuple[Token, Paragraph] | None:
        """The nearest speech verb of the main clause outside quotes in the quote's sentences."""
        if not sentences:
            return None
        best: tuple[int, Token, Paragraph] | None = None
        before = self._cues_between(max(sentences[0].start, span.start - FAR), span.start)
        after = self._cues_between(span.end, min(sentences[-1].end, span.end + FAR))
        for offset, tok, para in before[-MAX_CANDIDATES:] + after[:MAX_CANDIDATES]:
            if tok.lower_ == "according" or _in_main_clause(tok):
                distance = span.start - offset if offset < span.start else offset - span.end
                if best is None or distance < best[0]:
                    best = (distance, tok, para)
        return (best[1], best[2]) if best else None

    def _cue_next_door(
        self, span: QuoteSpan, sentences: list[SentenceSpan]
    ) -> tuple[Token, Paragraph] | None:
        """An attribution cut off as its own sentence: "Parise said:" before, ", he said." after."""
        if not sentences:
            return None
        first, last = sentences[0], sentences[-1]
        k = self._sentence_index(first)
        before = self.sentences[k - 1] if k > 0 else None
        if before is not None and before.paragraph is first.paragraph:
            gap = self.text[before.end : span.start]
            if not gap.strip() and self.text[before.start : before.end].rstrip().endswith((":", ",")):
                cue = self._first_cue(before)
                if cue is not None:
                    return cue
        k = self._sentence_index(last)
        after = self.sentences[k + 1] if k + 1 < len(self.sentences) else None
        closing = self.text[max(span.start, span.end - 3) : span.end]
        if (
            after is not None
            and after.paragraph is last.paragraph
            and not self.text[span.end : after.start].strip()
        ):
            opener = self.text[after.start : after.start + 1]
            cue = self._first_cue(after)
            if cue is not None and ("," in closing or opener.islower() or _bare_attribution(cue[0], after)):
                return cue
        return None

    def _cue_said_before(
        self, span: QuoteSpan, sentences: list[SentenceSpan]
    ) -> tuple[Token, Paragraph] | None:
        """ "Kirby said the moves were temporary. “We …”": a quote opening the sentence after one
        whose main verb is a speech verb, in the same paragraph, is that speaker's."""
        if not sentences or self.text[sentences[0].start : span.start].strip():
            return None
        k = self._sentence_index(sentences[0])
        before = self.sentences[k - 1] if k > 0 else None
        if before is None or before.paragraph is not sentences[0].paragraph:
            return None
        cues = [c for c in self._cues_between(before.start, before.end) if c[1].dep_ == "ROOT"]
        return (cues[-1][1], cues[-1][2]) if cues else None

    def _first_cue(self, sent: SentenceSpan) -> tuple[Token, Paragraph] | None:
        cues = self._cues_between(sent.start, sent.end)
        return (cues[0][1], cues[0][2]) if cues else None

    def _dash_or_colon(self, span: QuoteSpan) -> Attribution | None:
        """ "“…” — John Kirby" (no verb), or "Kirby: “…”"."""
        match = _DASH_ATTRIBUTION.match(self.text, span.end)
        if match and match.end() > span.end:
            speaker = self._name_at(match.end())
            if speaker is not None and "\n" in self.text[span.end : match.end()]:
                # A signature line under the quote: the name and perhaps a title, nothing more.
                line_end = self.text.find("\n", speaker.end)
                rest = self.text[speaker.end : len(self.text) if line_end < 0 else line_end].strip()
                if rest and not rest.startswith(",") or len(rest) > 80:
                    speaker = None
            if speaker is not None:
                return Attribution(speaker, None, adjacent=True)
        before = self.text[max(0, span.start - 3) : span.start].rstrip()
        if before.endswith(":"):
            colon = span.start - (len(self.text[max(0, span.start - 3) : span.start]) - len(before)) - 1
            entity = self.entity_at(colon - 1)
            if entity is not None and entity.kind in NAME_KINDS and entity.end == colon:
                return Attribution(
                    Speaker(entity.start, entity.end, entity.text, self.entity_name(entity)), None, True
                )
        return None

    def _name_at(self, offset: int) -> Speaker | None:
        """The name that starts at offset: an entity, else a run of proper nouns ("— Kirby")."""
        entity = self.entity_at(offset)
        if entity is not None and entity.start == offset and entity.kind in NAME_KINDS:
            return Speaker(entity.start, entity.end, entity.text, self.entity_name(entity))
        p = bisect_right(self._paragraph_starts, offset) - 1
        if p < 0 or entity is not None:
            return None
        para = self.parsed.paragraphs[p]
        i = bisect_right(self._token_starts[p], offset - para.start) - 1
        doc = para.doc
        if i < 0 or para.start + doc[i].idx != offset or doc[i].pos_ != "PROPN":
            return None
        j = i
        while (
            j + 1 < len(doc)
            and doc[j + 1].pos_ == "PROPN"
            and doc[j + 1].idx == doc[j].idx + len(doc[j].text_with_ws)
        ):
            j += 1
        end = para.start + doc[j].idx + len(doc[j].text)
        mention = self.text[offset:end]
        return Speaker(offset, end, mention, self._full_person_name(mention) or person_bare_name(mention))

    def _touches(self, span: QuoteSpan, verb: Token, speaker: Speaker, para: Paragraph) -> bool:
        """True for "“…,” he said", "“…,” said Kirby" and "Kirby said: “…”": nothing but punctuation
        between quote and attribution (a colon or comma when the attribution comes first, so that
        "he wrote “Tom Sawyer”" does not count)."""
        verb_start = para.start + verb.idx
        verb_end = verb_start + len(verb.text)
        first, last = min(verb_start, speaker.start), max(verb_end, speaker.end)
        if first >= span.end:
            return not re.search(r"[^\W_]", self.text[span.end : first])
        if last <= span.start:
            gap = self.text[last : span.start]
            return not re.search(r"[^\W_]", gap) and re.search(r"[:,]", gap) is not None
        return False



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


