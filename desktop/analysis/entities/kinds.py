"""Kinds repaired from a mention's own context: titles, appositions, datelines and telling words.

Each repair needs evidence that holds for a class of cases (a title before the name, an organisation
noun in apposition, a wire dateline, a name's last word), never a particular name; a kind set here is
`fixed` (the model's label does not overrule it) and `strong` (it counts more in the vote).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.entities.gazetteers import is_known_place
from desktop.analysis.entities.mentions import Mention, bare_word, wire_date_at
from desktop.analysis.entities.name_words import (
    EVENT_LAST_WORDS,
    OPERATION_WORDS,
    ORG_LAST_WORDS,
    ORG_NOUNS,
    PERSON_TITLES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    PLACE_NOUNS,
    TIME_ZONES,
    VENUE_WORDS,
)
from desktop.analysis.entities.spans import POSSESSIVE, is_joined_acronym
from desktop.analysis.entities.teams import acts_as_side
from desktop.analysis.entities.untagged import opens_a_headline, titles_next_name
from desktop.analysis.records import NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLOCK_WORDS = frozenset({"a.m", "p.m", "am", "pm"})


def fix_kind_from_context(m: Mention, surnames: set[str]) -> None:
    if m.fixed:
        return
    doc = m.para.doc
    last = bare_word(doc[m.j - 1])
    before = doc[m.i - 1] if m.i > 0 else None
    # "Mercury, the record label,": what the apposition says it is, no gazetteer overrules.
    m.described = any(bare_word(t) not in PLACE_NOUNS for t in _apposition_nouns(m))
    if _is_counted_thing(m) or _is_model_name(m):
        # "a KVTR", "two UAVs": a thing counted with an article or a number is not a name; nor is
        # "Max" in "the 737 Max".
        m.kind, m.label, m.fixed = "other", "PRODUCT", True
    elif is_joined_acronym(m):
        m.set_kind("place" if is_known_place(m.text) else "organization")
    elif _is_time_zone(m, before):
        m.kind, m.label, m.fixed = "date", "TIME", True
    elif _names_an_event(m, last, before):
        # "the Dubai Air Show", "the World Cup": an event, whatever the model said.
        m.kind, m.label, m.fixed = "other", "EVENT", True
    elif (m.kind in NAME_KINDS and (_is_dateline(m) or _named_as_place(m) or _feature_name(m, last))) or (
        m.kind == "place" and _is_where(m)
    ) or (m.label == "PERSON" and m.text not in surnames and _lies_within(m)):
        m.set_kind("place")
    elif acts_as_side(m, surnames):
        m.set_kind("organization")
    elif _titled_as_person(m, before):
        m.set_kind("person")
    elif m.label in ("PERSON", "NORP") and _is_acronym(m):
        # "PKDF" read as a person's name or a nationality: an acronym names a body, or a place.
        m.set_kind("place" if is_known_place(m.text) else "organization")
    elif _org_apposition(m) or (
        m.j - m.i > 1 and last in ORG_LAST_WORDS and m.label != "FAC" and not is_known_place(m.text)
    ):
        m.set_kind("organization")
    elif m.label == "ORG" and last in VENUE_WORDS and m.j - m.i > 1 and _after_in_or_at(m):
        m.set_kind("place")
    elif m.label != "NORP" and m.text not in surnames and not is_known_place(m.text) and _modifies_title(m):
        # "Sabres captain Jack Eichel", "Wild coach Bruce Boudreau": the team or body a person serves.
        m.set_kind("organization")


def _is_acronym(m: Mention) -> bool:
    """A word in capitals amid ordinary case: not a headline's "GERMAN" or "SMITH"."""
    if not (m.text.isalpha() and m.text.isupper() and len(m.text) > 1):
        return False
    doc = m.para.doc
    sent = doc[m.i].sent
    words = [t for t in sent if t.is_alpha and len(t.text) > 1 and not (m.i <= t.i < m.j)]
    return bool(words) and sum(t.text.isupper() for t in words) * 2 < len(words)


def _is_counted_thing(m: Mention) -> bool:
    """An acronym with its own "a", "an" or number: "destroyed a KVTR", "an IED", "three UAVs"."""
    root = m.root
    if m.j - m.i != 1 or not m.text.rstrip("s").isupper():
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in root.children if c.i < m.i
    )


def _is_model_name(m: Mention) -> bool:
    """ "its popular 737 Max jet", "the 737 Max": a word after a model number (not a year) names the
    model, not a person."""
    doc = m.para.doc
    if m.label != "PERSON" or m.j - m.i != 1 or m.i < 2:
        return False
    number, before = doc[m.i - 1], doc[m.i - 2]
    if not number.text.isdigit() or (len(number.text) == 4 and number.text[:2] in ("19", "20")):
        return False
    return before.pos_ in ("DET", "ADJ", "PROPN") or before.tag_ in ("PRP$", "VBN")  # "the embattled 737 Max"


def _is_time_zone(m: Mention, before: Token | None) -> bool:
    """ "(0100 GMT)", "at 9 a.m. EST": a time zone after a clock time, which the model takes for a name."""
    return (
        m.text in TIME_ZONES
        and before is not None
        and (before.like_num or bare_word(before) in _CLOCK_WORDS)
    )


def _apposition_nouns(m: Mention) -> list[Token]:
    """The common nouns in apposition with the name: "Zarandor, the Kestrian city," and "the broadcaster ZDF"."""
    root = m.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= m.j and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.i < m.i and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    if not nouns:
        written = _written_apposition(m)
        nouns += [written] if written is not None else []
    return nouns


def _written_apposition(m: Mention) -> Token | None:
    """ "Kosmos, a group co-founded by …": the noun of an apposition as written (a comma, an article
    and the noun within a few words), where the parse hung it elsewhere."""
    doc = m.para.doc
    k = m.j
    if m.kind not in NAME_KINDS or k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an", "the"):
        return None
    noun = None
    for tok in doc[k + 2 : min(k + 7, len(doc))]:
        if tok.pos_ == "NOUN":
            noun = tok  # "a group", "a small rival group": the last noun of the phrase
        elif tok.pos_ not in ("ADJ", "ADV") and tok.text != "-":
            break
    # ", the company said": the subject of a report, not an apposition
    return noun if noun is not None and noun.dep_ not in ("nsubj", "nsubjpass") else None


def _named_as_place(m: Mention) -> bool:
    """ "Zarandor, the Kestrian city," and "the city of Zarandor", "the province of Vesk": a place noun says so."""
    if any(t.lemma_.lower() in PLACE_NOUNS for t in _apposition_nouns(m)):
        return True
    doc = m.para.doc
    if m.i < 2 or doc[m.i - 1].lower_ != "of":
        return False
    noun = doc[m.i - 2]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PLACE_NOUNS and doc[m.i - 1].head.i == noun.i


def _names_an_event(m: Mention, last: str, before: Token | None) -> bool:
    """ "the Dubai Air Show", "Operation Granite Dawn" (the model may leave "Operation" out)."""
    if m.label not in ("PERSON", "ORG", "GPE", "FAC"):
        return False
    opened = m.para.doc[m.i].text in OPERATION_WORDS and m.j - m.i > 1
    return opened or (m.j - m.i > 1 and last in EVENT_LAST_WORDS) or (before is not None and before.text in OPERATION_WORDS)


def _feature_name(m: Mention, last: str) -> bool:
    """ "Orrin River", "Hallam Mountains", "Lake Veldmoor", "Gulf of Serrin": a natural feature's name."""
    return m.j - m.i > 1 and (last in PLACE_LAST_WORDS or bare_word(m.para.doc[m.i]) in PLACE_FIRST_WORDS)


def _titles_name(before: Token, m: Mention) -> bool:
    """ "Chancellor Olaf Scholz": a title word right before the name and attached to it."""
    return bare_word(before) in PERSON_TITLES and m.i <= before.head.i < m.j and before.pos_ in ("NOUN", "PROPN")


def _titled_as_person(m: Mention, before: Token | None) -> bool:
    if m.kind not in NAME_KINDS or m.text.isupper():
        return False
    if before is not None and _titles_name(before, m):
        return True
    return m.kind in ("organization", "place") and not is_known_place(m.text) and _described_as_person(m)


def _described_as_person(m: Mention) -> bool:
    """ "Olaf Scholz, the German chancellor," or "the chancellor, Olaf Scholz": a title in apposition."""
    root = m.root
    if len(m.words) < 2 or m.text.isupper():
        return False
    titles = [c for c in root.children if c.dep_ == "appos" and c.i >= m.j]
    if root.dep_ == "appos" and root.head.i < m.i:
        titles.append(root.head)
    return any(t.pos_ == "NOUN" and bare_word(t) in PERSON_TITLES for t in titles)


def _is_dateline(m: Mention) -> bool:
    """ "BUFFALO, N.Y. — …": a place in capitals opening an article's first paragraph."""
    doc = m.para.doc
    return (
        m.i == 0
        and m.text.isupper()
        and m.j < len(doc)
        and (doc[m.j].text in (",", "—", "–", "-") or (wire_date_at(doc, m.j) and is_known_place(m.text)))
        and m.para.start < 200
        and not opens_a_headline(doc, m.j)  # "TENNIS - TOP SEEDS ADVANCE": a section word
    )


def _org_apposition(m: Mention) -> bool:
    """ "the journal Monthly Notices of …", "the public broadcaster ZDF", "the Interfax news agency"."""
    root = m.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i < m.i:
        return True
    # "the Lisbon club", "Ohio banks": a place before an organisation noun is where it is.
    place = is_known_place(m.text)
    if root.dep_ == "compound" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i == m.j and not place:
        return True
    written = _written_apposition(m)
    if written is not None and written.lemma_.lower() in ORG_NOUNS:
        return True
    return any(
        (c.dep_ == "compound" and c.i == m.i - 1 and not place) or (c.dep_ == "appos" and c.i >= m.j)
        for c in root.children
        if c.lemma_.lower() in ORG_NOUNS
    )


def _lies_within(m: Mention) -> bool:
    """ "an PKDF leader in Zarandor", "throughout Al Hazim": people are not where things happen, so a name
    the model took for a person's, right after "in" or "throughout", is a place's."""
    doc = m.para.doc
    if m.i == 0 or (m.j < len(doc) and doc[m.j].text in POSSESSIVE):
        return False
    before = doc[m.i - 1]
    return before.lower_ in ("in", "throughout") and m.root.dep_ == "pobj" and m.root.head.i == before.i


def _is_where(m: Mention) -> bool:
    """ "In Denver, …", "Cleveland at Texas": a place's name after "in" or "at" says where, whatever
    other mentions of the name say (a city's side elsewhere in a sports story)."""
    doc = m.para.doc
    if m.i == 0 or (m.j < len(doc) and doc[m.j].text in POSSESSIVE):
        return False  # "in Leeds's win": the side's
    before = doc[m.i - 1].lower_
    # "yelled at Rowan": after "at" only a name known as a place's says where.
    return (before == "in" and m.root.dep_ == "pobj") or (before == "at" and is_known_place(m.text.title()))


def _after_in_or_at(m: Mention) -> bool:
    doc = m.para.doc
    k = m.i - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("in", "at")


def _modifies_title(m: Mention) -> bool:
    return titles_next_name(m.para.doc, m.root, m.j)


def fix_place(m: Mention) -> None:
    """After people are linked, a known place is a place whatever the model said ("Kyiv"), unless a
    rule on the mention's own context said otherwise ("Jordan, the fashion company,")."""
    if m.described or (m.fixed and (m.kind == "person" or m.strong)):
        return
    if m.kind in ("person", "organization", "group", "other") and is_known_place(m.text) and m.label != "NORP":
        # The gazetteer's word, not the mention's own context: fixed, but it votes as one mention.
        strong = m.strong
        m.set_kind("place")
        m.strong = strong
