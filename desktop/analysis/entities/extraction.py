"""Named entities: spaCy's mentions mapped to the app's kinds, with canonical names and roles.

The small English model finds most names but trips in predictable ways: it keeps "the" and "’s" in
spans, splits "RFE/RL" at the slash, tags a capital as a person or a surname as a place, and gives
the same name different labels within one article. Cheap, general rules repair these after the parse:
span trimming, a short table of well-known places, titles before a name ("Chancellor Olaf Scholz" is a
person), linking short names to the fullest name in the document ("Johnson" -> "Boris Johnson"), and
a majority vote so every mention of one thing has one kind. All passes are linear in the mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from desktop.analysis.entities.mentions import Mention, bare_word
from desktop.analysis.entities.name_words import (
    COMPANY_LAST_WORDS,
    CORPORATE,
    EVENT_LAST_WORDS,
    NAME_SUFFIXES,
    ORG_LAST_WORDS,
    ORG_NOUNS,
    VENUE_WORDS,
)
from desktop.analysis.entities.organizations import is_known_organization
from desktop.analysis.entities.places import is_known_place
from desktop.analysis.entities.roles import give_roles
from desktop.analysis.entities.untagged import (
    person_full_names,
    titles_next_name,
    untagged_dateline,
    untagged_people,
)
from desktop.analysis.lexicon.people import TITLES
from desktop.analysis.nlp import Paragraph, ParsedText
from desktop.analysis.records import KIND_OF_LABEL, LABEL_OF_KIND, NAME_KINDS, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SCORE = re.compile(r"\d+(?:[-–]\d*)*")
# "(0100 GMT)": the model takes a time zone for an organisation.
_TIME_ZONES = frozenset("GMT UTC BST CET CEST EST EDT CST CDT MST MDT PST PDT ET PT IST JST".split())  # noqa: SIM905
_DASHES = frozenset({"-", "–", "—"})
_SCORELESS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})  # labels whose names never end in a number
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_JOINERS = frozenset({"/", "&"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "du", "&", "/"})


def extract_entities(parsed: ParsedText) -> list[Entity]:
    mentions: list[Mention] = []
    for para in parsed.paragraphs:
        mentions.extend(_mentions_of(para))
    surnames = {m.words[-1] for m in mentions if m.label == "PERSON" and len(m.words) >= 2}
    for m in mentions:
        _fix_kind_from_context(m, surnames)
    full_names = person_full_names(mentions)
    mentions.extend(untagged_people(parsed, mentions, full_names))
    mentions.extend(untagged_dateline(parsed, mentions))
    full_names = person_full_names(mentions)
    _link_people(mentions, full_names)
    for m in mentions:
        _fix_place(m)
    _agree_with_conjuncts(mentions)
    _link_short_names(mentions)
    _vote_kinds(mentions)
    give_roles(mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return [
        Entity(m.start, m.end, m.text, m.label, m.kind, canonical=m.canonical or m.text, role=m.role)
        for m in mentions
    ]


# --- finding and trimming mentions ------------------------------------------------------------------


def _mentions_of(para: Paragraph) -> list[Mention]:
    doc = para.doc
    found: list[Mention] = []
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KIND_OF_LABEL]
    for i, j, label in _join_acronyms(doc, ents):
        for a, b, part_label in _trimmed_parts(doc, i, j, label):
            m = Mention(para, a, b, part_label, KIND_OF_LABEL[part_label])
            m.locate()
            if _is_name_like(m):
                found.append(m)
    return found


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
    return doc[j].text in _JOINERS and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _is_joined_acronym(m: Mention) -> bool:
    return any(ch in m.text for ch in _JOINERS) and m.text.replace("/", "").replace("&", "").isupper()


def _trimmed_parts(doc: Doc, i: int, j: int, label: str) -> list[tuple[int, int, str]]:
    """The span without "the", stray punctuation and possessives, split at ", " and at an inner "’s"."""
    parts: list[tuple[int, int, str]] = []
    start = i
    for k in range(i, j + 1):
        if k == j or _splits_at_comma(doc, k, j) or (doc[k].text in _POSSESSIVE and k + 1 < j):
            a, b = _trim(doc, start, k, label)
            if a < b:
                parts.append((a, b, label))
            start = k + 1
    if len(parts) > 1 and label in ("PERSON", "ORG") and doc[parts[0][1]].text in _POSSESSIVE:
        # "Jeff Bezos’s Blue Origin": the owner keeps a person's label only if it was a person.
        owner_label = label if label == "PERSON" else "ORG"
        parts[0] = (parts[0][0], parts[0][1], owner_label)
        parts[1:] = [(a, b, "ORG") for a, b, _ in parts[1:]]
    return parts


def _splits_at_comma(doc: Doc, k: int, j: int) -> bool:
    """ "CBS All Access, Disney" is two names; "CollectiveBias, Inc." and "King, Jr." are one."""
    return doc[k].text == "," and not (k + 1 < j and bare_word(doc[k + 1]) in NAME_SUFFIXES)


def _trim(doc: Doc, i: int, j: int, label: str) -> tuple[int, int]:
    while i < j and (
        doc[i].is_punct or doc[i].pos_ == "DET" or doc[i].text in _POSSESSIVE or doc[i].is_space
    ):
        i += 1
    while j > i and (
        (doc[j - 1].is_punct and doc[j - 1].text not in (")",))
        or doc[j - 1].text in _POSSESSIVE
        or doc[j - 1].is_space
    ):
        j -= 1
    # "Nicolas Jarry 6-4", "Chile 3-0": a score after a name is not part of it.
    # The tokenizer may leave "6-" or "-" of "6-4" behind, so dashes go too.
    while j - i > 1 and label in _SCORELESS and (_SCORE.fullmatch(doc[j - 1].text) or doc[j - 1].text in _DASHES):
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


def _is_name_like(m: Mention) -> bool:
    """Names are written with a capital (in scripts that have capitals); dates and the like may not be."""
    if m.kind not in NAME_KINDS:
        return bool(m.text.strip())
    cased = [ch for ch in m.text if ch.isalpha() and ch.lower() != ch.upper()]
    if not any(ch.isalpha() for ch in m.text):
        return False
    return not cased or any(ch.isupper() for ch in cased)


# --- kinds from the mention and its neighbours ---------------------------------------------------------


def _fix_kind_from_context(m: Mention, surnames: set[str]) -> None:
    doc = m.para.doc
    if m.fixed:
        return
    last = bare_word(doc[m.j - 1])
    before = doc[m.i - 1] if m.i > 0 else None
    if _is_joined_acronym(m):
        m.set_kind("place" if is_known_place(m.text) else "organization")
    elif m.text in _TIME_ZONES:
        m.kind, m.label, m.fixed = "date", "TIME", True
    elif m.kind in NAME_KINDS and is_known_organization(m.text):
        m.set_kind("organization")
    elif m.j - m.i > 1 and last in EVENT_LAST_WORDS and m.label in ("PERSON", "ORG", "GPE", "FAC"):
        # "the Davis Cup", "the Dubai Air Show": an event, whatever the model said.
        m.kind, m.label, m.fixed = "other", "EVENT", True
    elif m.label == "PERSON" and m.j - m.i == 1 and before is not None and before.like_num and before.text[:1].isdigit():
        # "the 737 Max": a model name after a number, not a person.
        m.kind, m.label, m.fixed = "other", "PRODUCT", True
    elif m.kind in NAME_KINDS and _is_dateline(m):
        m.set_kind("place")
    elif _titled_as_person(m, before):
        m.set_kind("person")
    elif m.label == "PERSON" and m.text.isalpha() and m.text.isupper() and len(m.text) > 1:
        m.set_kind("place" if is_known_place(m.text) else "organization")
    elif _named_after_country(m, before):
        m.set_kind("person")
    elif _org_apposition(m) or (m.j - m.i > 1 and last in ORG_LAST_WORDS and m.label != "FAC"):
        m.set_kind("organization")
    elif m.label == "ORG" and last in VENUE_WORDS and m.j - m.i > 1 and _after_in_or_at(m):
        m.set_kind("place")
    elif m.label != "NORP" and m.text not in surnames and not is_known_place(m.text) and _modifies_title(m):
        # "Sabres captain Jack Eichel", "Wild coach Bruce Boudreau": the team or body a person serves.
        m.set_kind("organization")


def _named_after_country(m: Mention, before: Token | None) -> bool:
    """ "Serbia’s Novak Djokovic": two or three plain capitalised words after a country's possessive
    name a person, though the model said organisation (organisations' names end in a telling word)."""
    doc = m.para.doc
    if m.label != "ORG" or not 2 <= m.j - m.i <= 3 or before is None or before.text not in _POSSESSIVE:
        return False
    if any(not t.text[:1].isupper() or not t.text.replace("-", "").isalpha() or t.text.isupper() for t in doc[m.i : m.j]):
        return False
    if bare_word(doc[m.j - 1]) in ORG_LAST_WORDS | VENUE_WORDS or is_known_organization(m.text):
        return False
    owner = doc[before.i - 1] if before.i > 0 else None
    return owner is not None and owner.ent_type_ in ("GPE", "NORP") and is_known_place(owner.text)


def _titles_name(before: Token, m: Mention) -> bool:
    """ "Chancellor Olaf Scholz": a title word right before the name and attached to it."""
    return bare_word(before) in TITLES and m.i <= before.head.i < m.j and before.pos_ in ("NOUN", "PROPN")


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
    return any(t.pos_ == "NOUN" and bare_word(t) in TITLES for t in titles)


def _is_dateline(m: Mention) -> bool:
    """ "BUFFALO, N.Y. — …": a place in capitals opening an article's first paragraph."""
    doc = m.para.doc
    return (
        m.i == 0
        and m.text.isupper()
        and m.j < len(doc)
        and doc[m.j].text in (",", "—", "–", "-")
        and m.para.start < 200
    )


def _org_apposition(m: Mention) -> bool:
    """ "the journal Monthly Notices of …", "the public broadcaster ZDF", "the Interfax news agency"."""
    root = m.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i < m.i:
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i == m.j:
        return True
    return any(
        (c.dep_ == "compound" and c.i == m.i - 1) or (c.dep_ == "appos" and c.i >= m.j)
        for c in root.children
        if c.lemma_.lower() in ORG_NOUNS
    )


def _after_in_or_at(m: Mention) -> bool:
    doc = m.para.doc
    k = m.i - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("in", "at")


def _fix_place(m: Mention) -> None:
    """After people are linked, a well-known place is a place whatever the model said ("Kyiv")."""
    if m.fixed and m.kind == "person":
        return
    if m.kind in ("person", "organization", "group", "other") and is_known_place(m.text) and m.label != "NORP":
        m.set_kind("place")


def _modifies_title(m: Mention) -> bool:
    return titles_next_name(m.para.doc, m.root, m.j)


def _agree_with_conjuncts(mentions: list[Mention]) -> None:
    """ "Marvel Entertainment, Lucasfilm and BamTech": a one-word name listed with two or more names
    of one kind, and none of its own, takes their kind (the model called Lucasfilm a place)."""
    by_root = {(id(m.para), m.root.i): m for m in mentions}
    for m in mentions:
        if m.fixed or m.j - m.i != 1 or m.kind not in NAME_KINDS or is_known_place(m.text):
            continue
        root = m.root
        first = root.head if root.dep_ == "conj" else root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        members = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i != t.i)]
        kinds = Counter(
            other.kind
            for t in members
            if t.i != root.i and (other := by_root.get((id(m.para), t.i))) is not None
        )
        if sum(kinds.values()) >= 2 and len(kinds) == 1 and m.kind not in kinds:
            m.kind = next(iter(kinds))
            m.label = LABEL_OF_KIND[m.kind]


# --- canonical names ----------------------------------------------------------------------------


def _link_people(mentions: list[Mention], full_names: dict[tuple[str, ...], list[Mention]]) -> None:
    """Each mention that is the end ("Johnson", "Eriksson Ek") or first name of a person's full name
    becomes that person; when two people share a surname the nearest earlier full name wins."""
    by_part: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for words in full_names:
        for k in range(1, len(words)):
            by_part[words[-k:]].append(words)
        by_part[words[:1]].append(words)
    for m in mentions:
        if m.kind not in NAME_KINDS or m.kind == "group":
            continue
        if m.kind != "person" and m.fixed:
            continue
        words = m.words
        candidates = [c for c in dict.fromkeys(by_part.get(words, ())) if len(c) > len(words)]
        candidates = [c for c in candidates if not any(o != c and o[-len(c) :] == c for o in candidates)]
        if not candidates:
            if m.kind == "person":
                m.canonical = m.text
            continue
        if m.kind != "person" and m.label != "PERSON" and is_known_place(m.text):
            continue
        best = _nearest(candidates, full_names, m.start)
        m.canonical = full_names[best][0].text
        # Linked, not proven: protected from later table fixes but voting with its own weight.
        m.kind, m.label, m.fixed = "person", "PERSON", True


def _nearest(
    candidates: list[tuple[str, ...]], full_names: dict[tuple[str, ...], list[Mention]], offset: int
) -> tuple[str, ...]:
    def key(c: tuple[str, ...]) -> tuple[int, int]:
        earlier = [x.start for x in full_names[c] if x.start <= offset]
        return (max(earlier) if earlier else -offset - min(x.start for x in full_names[c]), len(c))

    return max(candidates, key=key)


def _link_short_names(mentions: list[Mention]) -> None:
    """Acronyms to their spelled-out name ("US" -> "United States", "RFE/RL" -> "Radio Free Europe /
    Radio Liberty") and short company names to the registered one ("Tyvak" -> "Tyvak … Inc")."""
    long_names: dict[str, Mention] = {}
    companies: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind not in ("organization", "place"):
            continue
        words = m.words
        if len(words) >= 2:
            initials = _initials(words)
            if len(initials) >= 2:
                long_names.setdefault(initials, m)
            last = words[-1].lower()
            if last in CORPORATE:
                # "Tyvak" for "Tyvak Nano-Satellite Systems Inc", never the bare designator-less "Tyvak Inc".
                for k in range(1, len(words) - 1):
                    companies[words[:k]].append(m)
            elif m.kind == "organization" and last in COMPANY_LAST_WORDS:
                for k in range(1, len(words)):
                    companies[words[:k]].append(m)
    for m in mentions:
        if m.kind not in ("organization", "place"):
            if not m.canonical:
                m.canonical = m.text
            continue
        acronym = m.text.replace("/", "").replace("&", "").replace(".", "")
        full = (
            long_names.get(acronym) if acronym.isupper() and acronym.isalpha() and len(acronym) >= 2 else None
        )
        if full is not None and full is not m:
            m.canonical = full.text
            if not m.fixed or full.kind == m.kind:
                m.kind, m.label = full.kind, full.label
        elif m.words in companies and len({c.text for c in companies[m.words]}) == 1 and not is_known_place(m.text):
            m.canonical = companies[m.words][0].text
            m.set_kind("organization")
        else:
            m.canonical = m.canonical or m.text


def _initials(words: tuple[str, ...]) -> str:
    letters = []
    for w in words:
        if w.lower() in _ACRONYM_SKIP:
            continue
        if not w[:1].isupper():
            return ""
        letters.append(w[0])
    return "".join(letters)


# --- one kind per name ----------------------------------------------------------------------------


def _vote_kinds(mentions: list[Mention]) -> None:
    """All mentions of one name take the kind most of them have; kinds set by a rule on the mention's
    own context count three times; a tie goes to the kind of the name's first mention."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind in NAME_KINDS:
            key = _vote_key(m)
            votes[key][m.kind] += 3 if m.strong else 1
            first.setdefault(key, m.kind)
    for m in mentions:
        if m.kind in NAME_KINDS:
            key = _vote_key(m)
            counts = votes[key]
            kind = max(counts, key=lambda k: (counts[k], k == first[key]))
            if kind != m.kind:
                m.kind = kind
                m.label = LABEL_OF_KIND[kind]


def _vote_key(m: Mention) -> str:
    return (m.canonical or m.text).replace("’", "'")

