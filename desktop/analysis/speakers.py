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

from desktop.analysis.pipeline import Paragraph, ParsedText, SentenceSpan
from desktop.analysis.records import Entity, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.quotes import QuoteSpan

# Lemmas of verbs that report speech or writing.
SPEECH_VERBS = frozenset(
    """say tell add state note read sing chant scream explain claim insist argue stress warn declare announce write ask reply
    respond answer acknowledge admit confirm deny suggest recall remark comment observe conclude concede
    complain joke quip shout yell whisper tweet post report describe call denounce accuse charge contend
    maintain assert predict promise vow pledge urge demand emphasise emphasize reiterate clarify express
    hint mention testify recount counter retort boast lament caution proclaim depict characterize
    characterise term label dub condemn criticize criticise praise blast slam hail agree disagree speak
    tout question wonder muse sigh scoff cry exclaim plead estimate project forecast""".split()  # noqa: SIM905
)
_SUBJECTS = ("nsubj",)
# Clauses that share the subject of the clause they hang from ("…, telling them to …").
_SUBJECT_SHARING = ("conj", "xcomp", "advcl", "pcomp")
_MAX_CLIMB = 12  # dependency steps from a quote up to its reporting verb
_NEAR = 300  # characters around a quote where a verb attached to it may sit
_FAR = 600  # characters around a quote searched for a speech verb of its sentence
_MAX_CANDIDATES = 50
_OWN_CONTENT = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "attr", "dative", "oprd"})
_MAIN_CLAUSE_LINKS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
_ROLE_GENDER = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f", "lord": "m",
    "actress": "f", "actor": "m", "mother": "f", "father": "m", "son": "m", "daughter": "f",
    "wife": "f", "husband": "m", "brother": "m", "sister": "f", "king": "m", "queen": "f",
    "prince": "m", "princess": "f", "chairwoman": "f", "chairman": "m", "spokeswoman": "f",
    "spokesman": "m", "businesswoman": "f", "businessman": "m", "congresswoman": "f", "congressman": "m",
    "grandmother": "f", "grandfather": "m", "widow": "f", "widower": "m", "girl": "f", "boy": "m",
    "woman": "f", "man": "m", "aunt": "f", "uncle": "m", "niece": "f", "nephew": "m",
}  # fmt: skip
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord"})
_PRONOUN_RESOLVE_WINDOW = 2500  # characters back to look for the person a pronoun stands for
# Nouns for someone or something that speaks for another ("a Kremlin statement", "a spokesperson for X").
_SPEAKS_FOR = frozenset(
    """spokesperson spokesman spokeswoman spokespeople representative statement office aide release
    communique communiqué announcement readout ministry embassy official""".split()  # noqa: SIM905
)
# Nouns that only count or group the speakers named after "of" ("a group of protesters").
_PARTITIVES = frozenset(
    "series group number couple pair handful dozen dozens hundreds thousands majority minority crowd band".split()  # noqa: SIM905
)
_SAME_ROLE = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson"}
# Documents whose words are their publisher's ("reports released by the Inspector General").
_DOCUMENTS = frozenset(
    """report statement study letter document paper release memo filing audit review""".split()  # noqa: SIM905
)
_PUBLISHING = frozenset(["release", "publish", "issue", "send", "file", "produce", "post"])
_NAME_KINDS = ("person", "organization", "place", "group")
_DASH_ATTRIBUTION = re.compile(r"\s*(?:[,.]\s*)?(?:—|–|--|-)[ \t]*")
_TITLES = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|gen|col|sen|rep|gov)\.?\s+", re.IGNORECASE
)
# Capitalised titles that precede a name without being part of it.
_TITLE_WORDS = frozenset(
    """president chancellor minister prime secretary senator sen governor gov mayor general gen colonel col
    captain capt coach director chairman chairwoman chair judge justice ambassador pope king queen
    prince princess sheikh premier deputy vice foreign defense defence state chief officer ceo mr mrs ms
    dr prof sir lord lady dame rep representative attorney commissioner spokesman spokeswoman spokesperson""".split()  # noqa: SIM905
)
_POSSESSIVE = re.compile(r"['’]s?$")


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


class SpeakerResolver:
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
                    gender = _PRONOUN_GENDER.get(tok.lower_)
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
                names.setdefault(_person_bare_name(e.canonical or e.text))
                names.setdefault(_person_bare_name(e.text))
        runs: dict[str, None] = {}
        for tok in self._run_ends:
            run = _name_run(tok)
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
                words = set(_title_words(tok, para, entity))
                if entity.role:
                    words |= {w.lower() for w in re.findall(r"[^\W\d_]+", entity.role)}
                if words:
                    self._titled.append((offset, name, frozenset(words)))
                for word in words | {_honorific_before(tok.doc, entity, para)}:
                    if word in _ROLE_GENDER:
                        self._add_gender(name, _ROLE_GENDER[word], 2)

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
        before = self._cues_between(max(sentences[0].start, span.start - _FAR), span.start)
        after = self._cues_between(span.end, min(sentences[-1].end, span.end + _FAR))
        for offset, tok, para in before[-_MAX_CANDIDATES:] + after[:_MAX_CANDIDATES]:
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
            if entity is not None and entity.kind in _NAME_KINDS and entity.end == colon:
                return Attribution(
                    Speaker(entity.start, entity.end, entity.text, self.entity_name(entity)), None, True
                )
        return None

    def _name_at(self, offset: int) -> Speaker | None:
        """The name that starts at offset: an entity, else a run of proper nouns ("— Kirby")."""
        entity = self.entity_at(offset)
        if entity is not None and entity.start == offset and entity.kind in _NAME_KINDS:
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
        return Speaker(offset, end, mention, self._full_person_name(mention) or _person_bare_name(mention))

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

    # ----------------------------------------------------------------------------------- speakers

    def _speaker_of(self, verb: Token, para: Paragraph) -> Token | None:
        """The token naming who speaks through `verb`."""
        if verb.lower_ == "according":
            for to in verb.children:
                for obj in to.children:
                    if obj.dep_ == "pobj" and not self.quoted(obj, para):
                        return obj
            return None
        cur = verb
        for _ in range(5):
            for child in cur.children:
                if child.dep_ in _SUBJECTS and not self.quoted(child, para):
                    if child.lower_ in _RELATIVE and cur.dep_ == "relcl":
                        return cur.head
                    if child.tag_ in ("WP", "WDT"):
                        return None  # "who had written it" with nothing it stands for
                    return child
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj" and not self.quoted(obj, para):
                            return obj
            if cur.dep_ in _SUBJECT_SHARING and cur.head.i != cur.i:
                cur = cur.head
                continue
            if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN"):
                # "a series of South Dakotans … declaring, “…”": the noun the participle describes.
                return cur.head
            break
        # "…,” said Kirby" with the name left unattached: the name right after the verb.
        nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and not self.quoted(nxt, para) and nxt.pos_ == "PROPN":
            return nxt
        return None

    def _speaker(self, head: Token, para: Paragraph) -> Speaker:
        start_i, end_i = self._mention_bounds(head, para)
        doc = head.doc
        start = para.start + doc[start_i].idx
        last = doc[end_i - 1]
        end = para.start + last.idx + len(last.text)
        entity = self.entity_at(para.start + head.idx)
        if entity is not None:
            start, end = min(start, entity.start), max(end, entity.end)
        canonical = self._canonical(head, para, start, end)
        speaker = Speaker(start, end, self.text[start:end], canonical)
        if canonical:
            self._spoken.append((start, _role_head(head), canonical))
        return speaker

    def _mention_bounds(self, head: Token, para: Paragraph) -> tuple[int, int]:
        """Token range of the mention: the noun phrase, without appositions, relative clauses or quotes."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        for child in head.rights:
            if child.dep_ in ("appos", "relcl", "punct", "cc", "conj", "acl", "prep") and child.i > head.i:
                if child.dep_ == "prep" and _role_head(head) in _SPEAKS_FOR | _DOCUMENTS:
                    continue  # "a spokesperson for Johnson’s office" keeps its "for …"
                if child.dep_ == "prep" and child.lower_ == "of" and head.lemma_.lower() in _PARTITIVES:
                    continue  # "a series of South Dakotans": who they are is in the "of …"
                end = min(end, child.left_edge.i)
        for child in head.lefts:
            if child.dep_ in ("punct", "cc", "conj", "appos"):
                start = max(start, child.right_edge.i + 1)
        start = min(start, head.i)
        end = max(end, head.i + 1)
        doc = head.doc
        for i in range(head.i, end):  # never run into a quote
            if self.quoted(doc[i], para) or doc[i].is_punct and doc[i].text in ",;:—–(":
                end = max(head.i + 1, i) if i > head.i else head.i + 1
                break
        for i in range(head.i - 1, start - 1, -1):
            if self.quoted(doc[i], para) or doc[i].is_punct and doc[i].text in ",;:—–()":
                start = i + 1
                break
        while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < head.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return start, end

    def _canonical(self, head: Token, para: Paragraph, start: int, end: int) -> str | None:
        lower = head.lower_
        if lower in _PERSONAL:
            return self._recent_person(para.start + head.idx, lower)
        if lower == "it":
            # "“…,” it said": the organisation last the subject of a clause.
            offset = para.start + head.idx
            i = bisect_right(self._org_subjects, (offset, "")) - 1
            if i >= 0 and offset - self._org_subjects[i][0] <= _PRONOUN_RESOLVE_WINDOW:
                return self._org_subjects[i][1]
            return None
        if head.pos_ == "PRON":
            return None
        entity = self.entity_at(para.start + head.idx)
        if head.pos_ == "PROPN":
            # A surname speaking is the person of that name, even when the small model calls it a place.
            full = self._full_person_name(entity.text if entity else self.text[start:end])
            if full is not None:
                return full
        if entity is not None and entity.kind in _NAME_KINDS:
            return self.entity_name(entity)
        for child in head.children:
            # "The union’s leader, Sharon Graham, …": the person the description is in apposition to.
            if child.dep_ == "appos":
                named = self.entity_at(para.start + child.idx)
                if named is not None and named.kind == "person":
                    return self.person_name(named)
        role = _role_head(head)
        if role in _SPEAKS_FOR:
            inside = self._entities_within(start, end)
            for kinds in (("person",), ("organization", "place")):
                for e in inside:
                    if e.kind in kinds:
                        return self.entity_name(e)
        if role in _DOCUMENTS:
            publisher = self._publisher(head, para)
            if publisher is not None:
                return publisher
        holder = self._earlier_holder(role, start)
        if holder is None and head.pos_ == "PROPN" and entity is None:
            return _person_bare_name(self.text[start:end]) or None  # a name nobody tagged: itself
        return holder

    def _entities_within(self, start: int, end: int) -> list[Entity]:
        i = bisect_right(self._entity_starts, start - 1)
        found = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end:
                found.append(self.entities[i])
            i += 1
        return found

    def _publisher(self, head: Token, para: Paragraph) -> str | None:
        """ "reports (that X) released by/of NASA’s Inspector General": the one who published them."""
        verb = head.head
        if head.dep_ in ("dobj",) and verb.lemma_.lower() in _PUBLISHING:
            for child in verb.children:
                if child.dep_ == "nsubj":
                    return self._name_of_phrase(child, para)
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in _PUBLISHING:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return self._name_of_phrase(obj, para)
        return None

    def _name_of_phrase(self, tok: Token, para: Paragraph) -> str | None:
        first, last = tok.left_edge, tok.right_edge
        inside = self._entities_within(para.start + first.idx, para.start + last.idx + len(last.text))
        for e in inside:
            if e.kind in _NAME_KINDS:
                # The whole phrase when it is a name ("NASA’s Office of the Inspector General").
                head_entity = self.entity_at(para.start + tok.idx)
                return self.entity_name(head_entity) if head_entity else self.entity_name(e)
        return None

    def _earlier_holder(self, role: str, offset: int) -> str | None:
        """ "the spokesman", "the president": an earlier speaker or a person with that title."""
        if not role:
            return None
        for at, head, canonical in reversed(self._spoken[-_MAX_CANDIDATES:]):
            if at < offset and head == role:
                return canonical
        i = bisect_right(self._titled_offsets, offset) - 1
        while i >= 0 and offset - self._titled_offsets[i] <= _FAR * 20:
            at, name, words = self._titled[i]
            if role in words:
                return name
            i -= 1
        return None

    def _recent_person(self, offset: int, pronoun: str = "") -> str | None:
        """The person most recently the subject of a clause before `offset` whom the pronoun can
        stand for (else the last such person named, else the last subject whatever the gender)."""
        gender = _PRONOUN_GENDER.get(pronoun)
        i = bisect_right(self._subjects, (offset, "")) - 1
        fallback = None
        while i >= 0 and offset - self._subjects[i][0] <= _PRONOUN_RESOLVE_WINDOW:
            name = self._subjects[i][1]
            fallback = fallback or name
            if self._could_be(name, gender):
                return name
            i -= 1
        j = bisect_right(self._entity_starts, offset) - 1
        while j >= 0 and offset - self.entities[j].start <= _PRONOUN_RESOLVE_WINDOW:
            entity = self.entities[j]
            if entity.kind == "person" and entity.end <= offset:
                name = self.person_name(entity)
                fallback = fallback or name
                if self._could_be(name, gender):
                    return name
            j -= 1
        return fallback

    # -------------------------------------------------------------------------------------- names

    def entity_name(self, entity: Entity) -> str:
        return (
            self.person_name(entity)
            if entity.kind == "person"
            else _bare_name(entity.canonical or entity.text)
        )

    def person_name(self, entity: Entity) -> str:
        """The fullest name of this person: entities.py's canonical, else the longest matching name."""
        own = _person_bare_name(entity.text)
        canonical = _person_bare_name(entity.canonical or "")
        if len(canonical.split()) > len(own.split()):
            return canonical
        return self._full_person_name(own) or own

    def _full_person_name(self, mention: str) -> str | None:
        words = _person_bare_name(mention).split()
        if not words:
            return None
        best: str | None = None
        for names in self._person_names:  # entity names win ties with proper-noun runs
            for name in names:
                parts = name.split()
                if len(parts) >= len(words) and parts[-len(words) :] == words:
                    if best is None or len(parts) > len(best.split()):
                        best = name
                    break
        return best


def is_speech_cue(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(child.lower_ == "to" for child in tok.children)
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _name_run(tok: Token) -> list[str]:
    """ "US President Joe Biden" at "Biden" -> ["Joe", "Biden"]: capitalised proper nouns compounded into tok."""
    words = [_bare_name(tok.text)]
    i = tok.i - 1
    while i >= 0:
        left = tok.doc[i]
        if left.pos_ != "PROPN" or left.dep_ != "compound" or not left.text[:1].isupper():
            break
        if left.lower_.rstrip(".") in _TITLE_WORDS or (len(left.text) > 1 and left.text.isupper()):
            break
        right = tok.doc[i + 1]
        if left.ent_iob_ != "O" and not (left.ent_type_ == right.ent_type_ and right.ent_iob_ == "I"):
            break  # a name of something else ("Browns" in "Browns DL Sheldon Richardson")
        words.insert(0, left.text)
        i -= 1
    return words if all(w[:1].isupper() for w in words) else []


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


def _bare_name(name: str) -> str:
    """ "Mr. Putin’s" -> "Putin"."""
    name = " ".join(name.split())
    name = _POSSESSIVE.sub("", name)
    return _TITLES.sub("", name).strip(" .,;:")


def _honorific_before(doc, entity: Entity, para: Paragraph) -> str:
    """ "mrs" for "Mrs. Smith": the word just before the entity, if it is one of the honorifics."""
    local = entity.start - para.start
    words = doc.text[max(0, local - 6) : local].split()[-1:] + entity.text.split()[:1]
    for word in words:
        word = word.lower().rstrip(".")
        if word in _HONORIFICS:
            return word
    return ""


def _person_bare_name(name: str) -> str:
    """ "U.S. Attorney Nealy Cox" -> "Nealy Cox": a person's name without leading titles or initialisms."""
    words = _bare_name(name).split()
    while len(words) > 2 and (words[0].lower().rstrip(".") in _TITLE_WORDS or words[0].isupper()):
        words.pop(0)
    return " ".join(words)


def _role_head(tok: Token) -> str:
    word = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
    return _SAME_ROLE.get(word, word)


def _title_words(tok: Token, para: Paragraph, entity: Entity) -> Iterable[str]:
    """Titles given to a person's name: "US President Donald Trump", "Derek Scissors, a China scholar"."""
    for child in tok.children:
        offset = para.start + child.idx
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and offset < entity.start
            and child.pos_ in ("NOUN", "PROPN")
        ):
            yield _role_head(child)
            for grand in child.children:
                if grand.dep_ in ("compound", "amod") and grand.pos_ in ("NOUN", "PROPN"):
                    yield _role_head(grand)
        elif child.dep_ == "appos":
            yield _role_head(child)
            for grand in child.children:
                if grand.dep_ in ("compound", "amod") and grand.pos_ == "NOUN":
                    yield _role_head(grand)
