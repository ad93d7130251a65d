"""Mentions from spaCy's entities, with spans as a reader would highlight them.

The small model keeps "the" and "’s" in spans, splits "RFE/RL" at the slash, runs a title or a score
into a name and joins two names listed with a comma; these rules give the name alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.analysis.entities.gazetteers import is_known_place
from desktop.analysis.entities.mentions import Mention, bare_word, wire_date_at
from desktop.analysis.entities.name_words import NAME_SUFFIXES
from desktop.analysis.entities.untagged import opens_a_headline
from desktop.analysis.lexicon.people import TITLES
from desktop.analysis.records import KIND_OF_LABEL, NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from desktop.analysis.nlp import Paragraph

_SCORE = re.compile(r"\d+(?:[-–]\d*)*")
_MATCH_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")
_DASHES = frozenset({"-", "–", "—"})
_SCORELESS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})  # labels whose names never end in a number
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
JOINERS = frozenset({"/", "&"})


def mentions_of(para: Paragraph) -> list[Mention]:
    doc = para.doc
    found: list[Mention] = []
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KIND_OF_LABEL]
    for i, j, label in _join_acronyms(doc, ents):
        for a, b, part_label in _in_headline(doc, _trimmed_parts(doc, i, j, label)):
            m = Mention(para, a, b, part_label, KIND_OF_LABEL[part_label])
            m.locate()
            if a == i + 1 and part_label == "PERSON" and began_with_place_preposition(doc, a):
                m.set_kind("place")  # the model read "Near Tal Qusra" as one person's name
            if _is_name_like(m):
                found.append(m)
    return found


def _in_headline(doc: Doc, parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In a headline's capitals the model's spans have no edges: "SOCCER -" before it is the section,
    no name, and a span that holds a listed place ("CANADA BEAT", "PUT ITALY IN") is that place."""
    kept = []
    for a, b, label in parts:
        words = doc[a:b]
        if not words.text.isupper() or not _capitals_line(doc, a):
            kept.append((a, b, label))
            continue
        if _first_word(doc) == a and b < len(doc) and doc[b].text in _DASHES and opens_a_headline(doc, b):
            continue  # "TENNIS - TOP SEEDS ADVANCE"
        if not is_known_place(words.text):
            place = next(
                ((x, y) for x in range(a, b) for y in range(b, x, -1) if (x, y) != (a, b) and is_known_place(doc[x:y].text)),
                None,
            )
            if place is not None:
                a, b, label = place[0], place[1], "GPE"
        kept.append((a, b, label))
    return kept


def _capitals_line(doc: Doc, k: int) -> bool:
    words = [t for t in doc[k].sent if t.is_alpha and len(t.text) > 1]
    return len(words) >= 3 and sum(t.text.isupper() for t in words) * 4 >= len(words) * 3


def _first_word(doc: Doc) -> int:
    return next((t.i for t in doc if not (t.is_space or t.is_punct)), 0)


def _join_acronyms(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "RFE" "/" "RL" written without spaces is one name, whatever the model split it into."""
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(ents):
        i, j, label = ents[k]
        k += 1
        # Only capitals on both sides: "Israel/Gaza" stays two places.
        while (
            j + 1 < len(doc)
            and _tight_joiner(doc, j)
            and doc[j - 1].text.isupper()
            and doc[j + 1].text.isupper()
        ):
            nxt = j + 2
            if k < len(ents) and ents[k][0] == j + 1:
                nxt = ents[k][1]
                label = "ORG" if "ORG" in (label, ents[k][2]) else label
                k += 1
            label = "ORG" if label not in ("GPE", "LOC", "FAC") else label
            j = nxt
        out.append((i, j, label))
    return out


def _tight_joiner(doc: Doc, j: int) -> bool:
    return doc[j].text in JOINERS and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def is_joined_acronym(m: Mention) -> bool:
    return any(ch in m.text for ch in JOINERS) and m.text.replace("/", "").replace("&", "").isupper()


def _trimmed_parts(doc: Doc, i: int, j: int, label: str) -> list[tuple[int, int, str]]:
    """The span without "the", stray punctuation and possessives, split at ", " and at an inner "’s"."""
    parts: list[tuple[int, int, str]] = []
    start = i
    for k in range(i, j + 1):
        if k == j or _splits_at_comma(doc, k, j) or _splits_between(doc, k) or (doc[k].text in POSSESSIVE and k + 1 < j):
            a, b = _trim(doc, start, k, label)
            if a < b:
                parts.append((a, b, label))
            start = k + 1
    if len(parts) > 1 and label in ("PERSON", "ORG") and doc[parts[0][1]].text in POSSESSIVE:
        # "Jeff Bezos’s Blue Origin": the owner keeps a person's label only if it was a person.
        owner_label = label if label == "PERSON" else "ORG"
        parts[0] = (parts[0][0], parts[0][1], owner_label)
        parts[1:] = [(a, b, "ORG") for a, b, _ in parts[1:]]
    return parts


def _splits_between(doc: Doc, k: int) -> bool:
    """ "Norway - Anders Lund", "Per Holm ( Sweden )": a dash with spaces around it, or a
    bracket, stands between two names."""
    tok = doc[k]
    if tok.text in ("(", ")"):
        return True
    return tok.text in _DASHES and k > 0 and bool(doc[k - 1].whitespace_) and bool(tok.whitespace_)


def _splits_at_comma(doc: Doc, k: int, j: int) -> bool:
    """ "CBS All Access, Disney" is two names; "CollectiveBias, Inc." and "King, Jr." are one."""
    return doc[k].text == "," and not (k + 1 < j and bare_word(doc[k + 1]) in NAME_SUFFIXES)


def _trim(doc: Doc, i: int, j: int, label: str) -> tuple[int, int]:
    while i < j and (
        doc[i].is_punct or doc[i].pos_ == "DET" or doc[i].text in POSSESSIVE or doc[i].is_space or _opening_preposition(doc, i)
    ):
        i += 1
    while j > i and (
        (doc[j - 1].is_punct and doc[j - 1].text not in (")",))
        or doc[j - 1].text in POSSESSIVE
        or doc[j - 1].is_space
    ):
        j -= 1
    # "Stefan Jarek 6-4", "Chile 3-0": a score after a name is not part of it.
    # The tokenizer may leave "6-" or "-" of "6-4" behind, so dashes go too.
    while j - i > 1 and label in _SCORELESS and (_SCORE.fullmatch(doc[j - 1].text) or doc[j - 1].text in _DASHES):
        j -= 1
    # "OSLO 2024-05-04": a wire dateline's date is no part of the place.
    for k in range(i + 1, j):
        if wire_date_at(doc, k):
            # "LEEDS 2024-05-04" read as one date: the date alone is; the place before it is found
            # as the dateline's.
            i, j = (k, j) if label == "DATE" else (i, k)
            break
    # "Bristol 3-1": a match score after a side's name; an organisation's own number stays ("CTF 50").
    for size in (1, 3):  # "3-1", or tokenized "3", "-", "1"
        if j - i > size and doc[j - size - 1].whitespace_ and _MATCH_SCORE.fullmatch(doc[j - size : j].text):
            j -= size
            break
    # "Interfax news agency", "Kazakhstan wins again": lowercase words after the name describe it or
    # say what it did; the name ends with its last capitalised word.
    if label in _TRIM_LABELS:
        while j - i > 1 and _described_after(doc[j - 1]) and doc[j - 2].is_alpha:
            j -= 1
    # "Founder of Ceres Robotics Inc.": the role and "of" are not part of the name.
    if j - i > 2 and bare_word(doc[i]) in TITLES and doc[i + 1].lower_ == "of":
        i += 2
    if label == "PERSON":
        # "Prime Minister Boris Johnson", "Mr. Putin": titles are a role, not part of the name.
        k = i
        while k < j - 1 and (
            bare_word(doc[k]) in TITLES or (doc[k].text[:1].isupper() and bare_word(doc[k + 1]) in TITLES)
        ):
            k += 1
        if k > i and bare_word(doc[k - 1]) in TITLES:
            i = k
    return i, j


_TRIM_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_CONTENT_WORDS = frozenset({"NOUN", "VERB", "ADV", "ADJ"})


def _described_after(tok: Token) -> bool:
    """A lowercase content word: no part of a name ("news agency", "province", "wins again")."""
    return tok.is_alpha and tok.text.islower() and tok.pos_ in _CONTENT_WORDS


def _opening_preposition(doc: Doc, i: int) -> bool:
    """ "Near Tal Qusra, …": a sentence's capitalised first preposition the model ran into the name
    (the tagger may take "Near" for part of the name too)."""
    tok = doc[i]
    return (
        tok.is_sent_start
        and tok.text[:1].isupper()
        and (tok.pos_ == "ADP" or (tok.lower_ in LOCATIVE_PREPOSITIONS and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()))
    )


def began_with_place_preposition(doc: Doc, i: int) -> bool:
    """True when the model's span for a name at doc[i] began with "Near", "In", "At" …: a place's."""
    return i > 0 and doc[i - 1].lower_ in LOCATIVE_PREPOSITIONS and _opening_preposition(doc, i - 1)


LOCATIVE_PREPOSITIONS = frozenset({"near", "in", "at", "outside", "inside", "around", "across"})


def _is_name_like(m: Mention) -> bool:
    """Names are written with a capital (in scripts that have capitals); dates and the like may not be."""
    if m.kind not in NAME_KINDS:
        return bool(m.text.strip())
    cased = [ch for ch in m.text if ch.isalpha() and ch.lower() != ch.upper()]
    if not any(ch.isalpha() for ch in m.text):
        return False
    return not cased or any(ch.isupper() for ch in cased)
