"""From the token a cue verb points at to a Speaker: the mention as written and the name it resolves to.

`SpeakerNaming` is the naming half of `speakers.SpeakerResolver` (which finds the cue verbs): it reads
the indexes the resolver builds over the document (entities, people as clause subjects, titled people,
earlier speakers) to resolve "he", "the spokesman" or "a spokesperson for Johnson’s office".
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from desktop.analysis.quotes.person_names import bare_name, person_bare_name, role_head
from desktop.analysis.quotes.speech_words import DOCUMENTS, PARTITIVES, PRONOUN_GENDER, PUBLISHING, SPEAKS_FOR
from desktop.analysis.records import NAME_KINDS, Entity, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph

_SUBJECTS = ("nsubj",)
# Clauses that share the subject of the clause they hang from ("…, telling them to …").
_SUBJECT_SHARING = ("conj", "xcomp", "advcl", "pcomp")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PRONOUN_RESOLVE_WINDOW = 2500  # characters back to look for the person a pronoun stands for
FAR = 600  # characters around a quote searched for a speech verb of its sentence
MAX_CANDIDATES = 50


class SpeakerNaming:
    """Mixed into SpeakerResolver, whose __init__ builds every index used here."""

    _full_names: dict[str, str | None]  # mention -> full person name, filled as asked

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
            self._spoken.append((start, role_head(head), canonical))
        return speaker

    def _mention_bounds(self, head: Token, para: Paragraph) -> tuple[int, int]:
        """Token range of the mention: the noun phrase, without appositions, relative clauses or quotes."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        for child in head.rights:
            if child.dep_ in ("appos", "relcl", "punct", "cc", "conj", "acl", "prep") and child.i > head.i:
                if child.dep_ == "prep" and role_head(head) in SPEAKS_FOR | DOCUMENTS:
                    continue  # "a spokesperson for Johnson’s office" keeps its "for …"
                if child.dep_ == "prep" and child.lower_ == "of" and head.lemma_.lower() in PARTITIVES:
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
        if entity is not None and entity.kind in NAME_KINDS:
            return self.entity_name(entity)
        for child in head.children:
            # "The union’s leader, Sharon Graham, …": the person the description is in apposition to.
            if child.dep_ == "appos":
                named = self.entity_at(para.start + child.idx)
                if named is not None and named.kind == "person":
                    return self.person_name(named)
        role = role_head(head)
        if role in SPEAKS_FOR:
            inside = self._entities_within(start, end)
            for kinds in (("person",), ("organization", "place")):
                for e in inside:
                    if e.kind in kinds:
                        return self.entity_name(e)
        if role in DOCUMENTS:
            publisher = self._publisher(head, para)
            if publisher is not None:
                return publisher
        holder = self._earlier_holder(role, start)
        if holder is None and head.pos_ == "PROPN" and entity is None:
            return person_bare_name(self.text[start:end]) or None  # a name nobody tagged: itself
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
        if head.dep_ in ("dobj",) and verb.lemma_.lower() in PUBLISHING:
            for child in verb.children:
                if child.dep_ == "nsubj":
                    return self._name_of_phrase(child, para)
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in PUBLISHING:
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
            if e.kind in NAME_KINDS:
                # The whole phrase when it is a name ("NASA’s Office of the Inspector General").
                head_entity = self.entity_at(para.start + tok.idx)
                return self.entity_name(head_entity) if head_entity else self.entity_name(e)
        return None

    def _earlier_holder(self, role: str, offset: int) -> str | None:
        """ "the spokesman", "the president": an earlier speaker or a person with that title."""
        if not role:
            return None
        for at, head, canonical in reversed(self._spoken[-MAX_CANDIDATES:]):
            if at < offset and head == role:
                return canonical
        i = bisect_right(self._titled_offsets, offset) - 1
        while i >= 0 and offset - self._titled_offsets[i] <= FAR * 20:
            at, name, words = self._titled[i]
            if role in words:
                return name
            i -= 1
        return None

    def _recent_person(self, offset: int, pronoun: str = "") -> str | None:
        """The person most recently the subject of a clause before `offset` whom the pronoun can
        stand for (else the last such person named, else the last subject whatever the gender)."""
        gender = PRONOUN_GENDER.get(pronoun)
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
            else bare_name(entity.canonical or entity.text)
        )

    def person_name(self, entity: Entity) -> str:
        """The fullest name of this person: entities.py's canonical, else the longest matching name."""
        own = person_bare_name(entity.text)
        canonical = person_bare_name(entity.canonical or "")
        if len(canonical.split()) > len(own.split()):
            return canonical
        return self._full_person_name(own) or own

    def _full_person_name(self, mention: str) -> str | None:
        # The same surnames come back sentence after sentence; the scan below is over every name.
        cache = self._full_names
        if mention not in cache:
            cache[mention] = self._scan_full_person_name(mention)
        return cache[mention]

    def _scan_full_person_name(self, mention: str) -> str | None:
        words = person_bare_name(mention).split()
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
