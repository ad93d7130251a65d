"""The people of one document: the full names they go by, where each is a clause subject, the titles
that name them and what the text says of their gender.

Read by the resolver (resolver.py) to turn "Putin" into "Vladimir Putin", "he" into the man last the
subject of a clause, and "the coach" into the person titled coach.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from desktop.analysis.lexicon.people import GENDER_OF_WORD
from desktop.analysis.records import Entity
from desktop.analysis.references.index import DocumentIndex
from desktop.analysis.references.names import (
    bare_name,
    honorific_before,
    name_run,
    person_bare_name,
    title_words,
)


class People:
    """Names, subjects, titles and gender evidence of the people in one indexed document."""

    def __init__(self, index: DocumentIndex):
        self.index = index
        self._full_names: dict[str, str | None] = {}  # mention -> full person name, filled as asked
        self._ambiguous: set[str] = set()  # mentions that end two different people's names
        self._candidates: dict[str, list[str]] = {}  # for those, the full names they may stand for
        self._written_at: dict[str, list[int]] = {}  # full name -> offsets where it is written out
        for e in index.entities:
            if e.kind == "person":
                self._written_at.setdefault(person_bare_name(e.text), []).append(e.start)
        self._person_names = self._collect_person_names()
        self.subjects: list[tuple[int, str]] = []  # (offset, name) of people who are clause subjects
        self.titled: list[tuple[int, str, frozenset[str]]] = []  # (offset, name, title words)
        self._gender: dict[str, dict[str, int]] = {}  # name -> evidence {"m": n, "f": n}
        self._index_people()
        self.titled_offsets = [t[0] for t in self.titled]

    # -------------------------------------------------------------------------------------- names

    def entity_name(self, entity: Entity) -> str:
        """The name an entity goes by: a person's fullest name, else its canonical name without titles."""
        return self.person_name(entity) if entity.kind == "person" else bare_name(entity.canonical or entity.text)

    def person_name(self, entity: Entity) -> str:
        """The fullest name of this person: entities' canonical, else the longest matching name. When
        two people of the document share the name ("Clinton": Hillary or Bill), the name as written
        unless only one of them has been named in full so far."""
        own = person_bare_name(entity.text)
        full = self.full_person_name(own, entity.start)
        if own in self._ambiguous:
            return full or own
        canonical = person_bare_name(entity.canonical or "")
        if len(canonical.split()) > len(own.split()):
            return canonical
        return full or own

    def full_person_name(self, mention: str, offset: int | None = None) -> str | None:
        """The longest name of a person in the document that ends with the words of `mention`. When
        two different people's names do, the one of them written in full before `offset` if only one
        was; else None (the text does not say)."""
        # The same surnames come back sentence after sentence; the scan below is over every name.
        cache = self._full_names
        if mention not in cache:
            cache[mention] = self._scan_full_person_name(mention)
        found = cache[mention]
        if found is not None or mention not in self._ambiguous or offset is None:
            return found
        return self._only_one_before(self._candidates[mention], offset)

    def _only_one_before(self, names: list[str], offset: int) -> str | None:
        """The one of `names` written out before `offset`, None when several were (the text does not
        say which of them a bare surname means) or none was."""
        before = [name for name in names if bisect_left(self._written_at.get(name, []), offset) > 0]
        return before[0] if len(before) == 1 else None

    def _scan_full_person_name(self, mention: str) -> str | None:
        words = person_bare_name(mention).split()
        n = len(words)
        if not n:
            return None
        found: list[str] = []
        for names in self._person_names:  # names the model tagged, else runs of proper nouns
            same = [name for name in names if name.split()[-n:] == words and len(name.split()) >= n]
            longer = [name for name in same if len(name.split()) > n]
            if longer:
                found = longer
                break
            found = found or same
        if not found:
            return None
        longest = max(found, key=lambda name: len(name.split()))
        if all(_same_person(longest, name) for name in found):
            # One person written out in several ways ("Marta Lindqvist", "Marta E. Lindqvist", a headline's
            # "Slam Marta Lindqvist"): the form the text uses most, the longest of those.
            return max(found, key=lambda name: (len(self._written_at.get(name, ())), len(name.split())))
        self._ambiguous.add(mention)
        self._candidates[mention] = found
        return None

    def of_gender(self, name: str, gender: str | None) -> str:
        """For a bare surname that two people share, the one of them the text says is of `gender`
        ("Osei … she" -> Ama Osei when only she is called "she"); else the name itself."""
        candidates = self._candidates.get(name)
        if not candidates or gender is None:
            return name
        other = "f" if gender == "m" else "m"
        fitting = [c for c in candidates if (e := self._gender.get(c)) is not None and e[gender] > e[other]]
        return fitting[0] if len(fitting) == 1 else name

    def _collect_person_names(self) -> tuple[list[str], list[str]]:
        """Full names people go by: PERSON entities first, then runs of proper nouns such as "Zach
        Parise" (the small model misses or mislabels some names; a title word ends a run). Longest
        first; between equally long names, the one the article introduces first."""
        names: dict[str, None] = {}
        for e in self.index.entities:
            if e.kind == "person":
                names.setdefault(person_bare_name(e.canonical or e.text))
                names.setdefault(person_bare_name(e.text))
        runs: dict[str, None] = {}
        for tok in self.index.run_ends:
            run = name_run(tok)
            if len(run) >= 2:
                runs.setdefault(" ".join(run))

        def longest_first(found: dict[str, None]) -> list[str]:
            return sorted((n for n in found if n), key=lambda n: -len(n.split()))

        return longest_first(names), longest_first({n: None for n in runs if n not in names})

    # ------------------------------------------------------------------------- subjects and titles

    def _index_people(self) -> None:
        """Where each person is a clause subject (for he/she), which titles name them (for "the
        coach"), and what the text says of their gender: "Mrs." before the name, "actress" beside
        it, or he/his or she/her in a sentence that names nobody else."""
        text = self.index.text
        named: set[str] = set()
        current = -1
        for sentence, tok, para, entity in [*self.index.people, (-2, None, None, None)]:
            if sentence != current:
                if len(named) == 1:
                    (name,) = named
                    for gender, count in self.index.pronouns.get(current, {}).items():
                        self._add_gender(name, gender, count)
                named, current = set(), sentence
            if tok is None or para is None:
                break
            offset = para.start + tok.idx
            if entity is None or entity.kind != "person":
                # A known person's surname the small model did not tag as a person (organisations are
                # not people, however their words compare).
                if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and (entity is None or entity.kind != "organization"):
                    name = self.full_person_name(entity.text if entity else tok.text, offset)
                    if name is not None:
                        self.subjects.append((offset, name))
                        named.add(name)
                continue
            name = self.person_name(entity)
            named.add(name)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                self.subjects.append((offset, name))
            if tok.dep_ != "compound" or tok.head.idx + para.start >= entity.end:
                words = set(title_words(tok, para, entity))
                if entity.role:
                    words |= {w.lower() for w in re.findall(r"[^\W\d_]+", entity.role)}
                if words:
                    self.titled.append((offset, name, frozenset(words)))
                for word in words | {honorific_before(text, entity, para)}:
                    if word in GENDER_OF_WORD:
                        self._add_gender(name, GENDER_OF_WORD[word], 2)

    def _add_gender(self, name: str, gender: str, weight: int) -> None:
        if weight:
            evidence = self._gender.setdefault(name, {"m": 0, "f": 0})
            evidence[gender] += weight

    def could_be(self, name: str, gender: str | None) -> bool:
        """False only when the text says this person is of the other gender."""
        evidence = self._gender.get(name)
        if gender is None or evidence is None:
            return True
        other = "f" if gender == "m" else "m"
        return evidence[other] <= evidence[gender]


def _same_person(a: str, b: str) -> bool:
    """ "Hector Vane" and "Slam Hector Vane" (one ends the other), "Marta Lindqvist" and "Marta E.
    Lindqvist" (same first and last word): one person; "Ama Osei" and "Kwame Osei" are two."""
    x, y = a.split(), b.split()
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    return longer[-len(shorter) :] == shorter or (x[0] == y[0] and x[-1] == y[-1])
