"""Who a mention refers to: the one pronoun and alias resolver that quotes and facts share.

`References` is built once per document (engine.py) and answers, for a mention at an offset: "he" ->
the man most recently the subject of a clause, "it" -> the organisation last a subject, "Kirby" ->
"John Kirby", "the president" -> the person titled president (or the last speaker of that role), "a
spokesperson for Johnson’s office" -> Boris Johnson, "the report released by NASA" -> NASA. When the
text does not say, the answer is None rather than a guess.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from desktop.analysis.lexicon.speech import DOCUMENTS, PRONOUN_GENDER, PUBLISHING_VERBS, SPEAKS_FOR
from desktop.analysis.nlp import ParsedText
from desktop.analysis.records import NAME_KINDS, Entity, QuoteSpan
from desktop.analysis.references.index import DocumentIndex
from desktop.analysis.references.names import person_bare_name, role_head
from desktop.analysis.references.people import People

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph

PERSONAL = frozenset({"he", "she", "him", "her"})
_PRONOUN_WINDOW = 2500  # characters back to look for the person a pronoun stands for
_TITLE_WINDOW = 12000  # characters back to look for the person a title ("the coach") names
_MAX_SPOKEN = 50  # earlier speakers searched for a role ("the spokesman")


def build_references(parsed: ParsedText, entities: list[Entity], quote_spans: list[QuoteSpan]) -> References:
    """The resolver for one document; `quote_spans` are its quoted stretches (words said inside
    quotation marks name nobody who is speaking)."""
    return References(DocumentIndex(parsed, entities, quote_spans))


class References:
    """Resolves pronouns, short names and descriptions of one document to the names they stand for."""

    def __init__(self, index: DocumentIndex):
        self.index = index
        self.people = People(index)
        self._org_offsets = [s[0] for s in index.org_subjects]
        self._spoken: list[tuple[int, str, str]] = []  # (offset, role head, canonical) of earlier speakers

    # ------------------------------------------------------------------------------------ names

    def entity_name(self, entity: Entity) -> str:
        return self.people.entity_name(entity)

    def person_name(self, entity: Entity) -> str:
        return self.people.person_name(entity)

    def full_person_name(self, mention: str, offset: int | None = None) -> str | None:
        return self.people.full_person_name(mention, offset)

    # -------------------------------------------------------------------------------- mentions

    def resolve(self, head: Token, para: Paragraph, start: int, end: int) -> str | None:
        """The name the mention [start, end) with head token `head` refers to, None when unknown."""
        index = self.index
        lower = head.lower_
        offset = para.start + head.idx
        if lower in PERSONAL:
            return self.person_for_pronoun(offset, lower)
        if lower == "it":
            return self.organisation_for_it(offset)
        if head.pos_ == "PRON":
            return None
        entity = index.entity_at(offset)
        if head.pos_ == "PROPN":
            # A surname is the person of that name, even when the small model calls it a place.
            full = self.full_person_name(entity.text if entity else index.text[start:end], offset)
            if full is not None:
                return full
        if entity is not None and entity.kind in NAME_KINDS:
            return self.entity_name(entity)
        for child in head.children:
            # "The union’s leader, Sharon Graham, …": the person the description is in apposition to.
            if child.dep_ == "appos":
                named = index.entity_at(para.start + child.idx)
                if named is not None and named.kind == "person":
                    return self.person_name(named)
        role = role_head(head)
        if role in SPEAKS_FOR:
            inside = index.entities_within(start, end)
            for kinds in (("person",), ("organization", "place")):
                for e in inside:
                    if e.kind in kinds:
                        return self.entity_name(e)
        if role in DOCUMENTS:
            publisher = self.publisher(head, para)
            if publisher is not None:
                return publisher
        holder = self.holder_of_role(role, start)
        if holder is None and head.pos_ == "PROPN" and entity is None:
            return person_bare_name(index.text[start:end]) or None  # a name nobody tagged: itself
        return holder

    def person_for_pronoun(self, offset: int, pronoun: str = "") -> str | None:
        """The person most recently the subject of a clause before `offset` whom the pronoun can
        stand for (else the last such person named, else the last subject whatever the gender)."""
        gender = PRONOUN_GENDER.get(pronoun)
        people = self.people
        subjects = people.subjects
        i = bisect_right(subjects, (offset, "")) - 1
        fallback = None
        while i >= 0 and offset - subjects[i][0] <= _PRONOUN_WINDOW:
            name = people.of_gender(subjects[i][1], gender)
            fallback = fallback or name
            if people.could_be(name, gender):
                return name
            i -= 1
        entities = self.index.entities
        j = bisect_right(self.index.entity_starts, offset) - 1
        while j >= 0 and offset - entities[j].start <= _PRONOUN_WINDOW:
            entity = entities[j]
            if entity.kind == "person" and entity.end <= offset:
                name = people.of_gender(self.person_name(entity), gender)
                fallback = fallback or name
                if people.could_be(name, gender):
                    return name
            j -= 1
        return fallback

    def organisation_for_it(self, offset: int) -> str | None:
        """ "“…,” it said": the organisation last the subject of a clause."""
        subjects = self.index.org_subjects
        i = bisect_right(self._org_offsets, offset) - 1
        if i >= 0 and offset - subjects[i][0] <= _PRONOUN_WINDOW:
            return self.entity_name(subjects[i][1])
        return None

    def holder_of_role(self, role: str, offset: int) -> str | None:
        """ "the spokesman", "the president": an earlier speaker or a person with that title."""
        if not role:
            return None
        for at, head, canonical in reversed(self._spoken[-_MAX_SPOKEN:]):
            if at < offset and head == role:
                return canonical
        people = self.people
        i = bisect_right(people.titled_offsets, offset) - 1
        while i >= 0 and offset - people.titled_offsets[i] <= _TITLE_WINDOW:
            _at, name, words = people.titled[i]
            if role in words:
                return name
            i -= 1
        return None

    def note_speaker(self, offset: int, head: Token, canonical: str) -> None:
        """Remember who spoke as this role ("a spokesman"), for "the spokesman" later on."""
        self._spoken.append((offset, role_head(head), canonical))

    def publisher(self, head: Token, para: Paragraph) -> str | None:
        """ "reports (that X) released by/of NASA’s Inspector General": the one who published them."""
        verb = head.head
        if head.dep_ == "dobj" and verb.lemma_.lower() in PUBLISHING_VERBS:
            for child in verb.children:
                if child.dep_ == "nsubj":
                    return self._name_of_phrase(child, para)
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in PUBLISHING_VERBS:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return self._name_of_phrase(obj, para)
        return None

    def _name_of_phrase(self, tok: Token, para: Paragraph) -> str | None:
        first, last = tok.left_edge, tok.right_edge
        index = self.index
        for e in index.entities_within(para.start + first.idx, para.start + last.idx + len(last.text)):
            if e.kind in NAME_KINDS:
                # The whole phrase when it is a name ("NASA’s Office of the Inspector General").
                head_entity = index.entity_at(para.start + tok.idx)
                return self.entity_name(head_entity) if head_entity else self.entity_name(e)
        return None
