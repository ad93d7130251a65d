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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.pipeline import Paragraph, ParsedText
from desktop.analysis.place_names import is_known_place
from desktop.analysis.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "TIME": "date",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "LANGUAGE": "other",
}
# The label a mention gets when a rule changes its kind, so label and kind never disagree.
_LABEL_OF_KIND = {"person": "PERSON", "organization": "ORG", "place": "GPE", "group": "NORP"}
_NAME_KINDS = frozenset({"person", "organization", "place", "group"})

# Words that title a person when written before the name ("Pentagon spokesman John Kirby") or that
# describe them in apposition. Lowercase, without a trailing full stop.
ROLE_WORDS = frozenset(
    """president vice prime minister chancellor secretary spokesman spokeswoman spokesperson senator sen
    governor gov mayor representative rep ambassador envoy general gen colonel col admiral lieutenant lt
    sergeant sgt captain capt commander chief ceo cfo coo cto chairman chairwoman chair director founder
    co-founder cofounder administrator head leader king queen prince princess pope judge justice attorney
    lawyer analyst economist professor prof dr researcher scientist astronomer astrophysicist physicist
    author writer reporter correspondent editor officer official commissioner coach manager player
    defenseman defender forward winger center centre goaltender goalie quarterback striker midfielder
    pitcher driver owner executive premier emperor sheikh cardinal bishop rabbi imam mr mrs ms miss sir
    dame lord lady deputy assistant candidate nominee lawmaker legislator congressman congresswoman
    diplomat negotiator adviser advisor aide strategist investor actor actress singer producer host
    presenter anchor superintendent inspector detective sheriff chairperson treasurer speaker
    councillor councilman councilwoman scholar expert fellow""".split()  # noqa: SIM905
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "dr", "prof"})
# Nouns for organisations: a name in apposition with one is an organisation ("the broadcaster ZDF").
ORG_NOUNS = frozenset(
    """newspaper paper daily journal magazine broadcaster network channel station agency company firm
    bank airline carrier maker manufacturer startup start-up outlet publisher studio party university
    institute organization organisation charity ministry website tabloid weekly automaker retailer
    conglomerate insurer lender club team""".split()  # noqa: SIM905
)
# Last words that make a name an organisation whatever the model said ("… Royal Astronomical Society").
_ORG_LAST_WORDS = frozenset(
    """inc inc. corp corp. corporation co co. company ltd ltd. llc plc group institute university college
    ministry department agency association society council committee commission party foundation
    directorate project studios entertainment federation league fund systems technologies airlines
    laboratory laboratories labs""".split()  # noqa: SIM905
)
# Corporate designators: "Tyvak" is short for "Tyvak Nano-Satellite Systems Inc".
_CORPORATE = frozenset("inc inc. corp corp. corporation co co. company ltd ltd. llc plc ag sa gmbh".split())  # noqa: SIM905
# Last words of venues; an organisation-labelled venue after "in"/"at" is a place ("in KeyBank Center").
_VENUE_WORDS = frozenset(
    "arena stadium center centre airport square street avenue bridge palace park field".split()  # noqa: SIM905
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"}) | _CORPORATE
_SCORE = re.compile(r"\d+(?:[-–]\d+)*")
_SCORELESS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})  # labels whose names never end in a number
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_JOINERS = frozenset({"/", "&"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "du", "&", "/"})


@dataclass
class _Mention:
    """A mention being repaired; becomes an Entity at the end."""

    para: Paragraph
    i: int  # first token (paragraph-local index)
    j: int  # one past the last token
    label: str
    kind: str
    text: str = ""
    start: int = 0
    end: int = 0
    fixed: bool = False  # kind set by a rule the model's label must not overrule
    strong: bool = False  # kind set by a rule on this mention's own context: counts more in the vote
    canonical: str = ""
    role: str | None = None

    def locate(self) -> None:
        doc = self.para.doc
        self.start = self.para.start + doc[self.i].idx
        last = doc[self.j - 1]
        self.end = self.para.start + last.idx + len(last.text)
        self.text = doc[self.i : self.j].text  # Doc.text would rebuild the whole paragraph each time

    def set_kind(self, kind: str) -> None:
        self.fixed = self.strong = True
        if kind != self.kind:
            self.kind = kind
            self.label = _LABEL_OF_KIND.get(kind, self.label)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.replace("’", "'").split())

    @property
    def root(self) -> Token:
        doc = self.para.doc
        for k in range(self.i, self.j):
            head = doc[k].head.i
            if head < self.i or head >= self.j or head == k:
                return doc[k]
        return doc[self.j - 1]


def extract_entities(parsed: ParsedText) -> list[Entity]:
    mentions: list[_Mention] = []
    for para in parsed.paragraphs:
        mentions.extend(_mentions_of(para))
    surnames = {m.words[-1] for m in mentions if m.label == "PERSON" and len(m.words) >= 2}
    for m in mentions:
        _fix_kind_from_context(m, surnames)
    full_names = _person_full_names(mentions)
    mentions.extend(_untagged_people(parsed, mentions, full_names))
    full_names = _person_full_names(mentions)
    _link_people(mentions, full_names)
    for m in mentions:
        _fix_place(m)
    _agree_with_conjuncts(mentions)
    _link_short_names(mentions)
    _vote_kinds(mentions)
    _give_roles(mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return [
        Entity(m.start, m.end, m.text, m.label, m.kind, canonical=m.canonical or m.text, role=m.role)
        for m in mentions
    ]


# --- finding and trimming mentions ------------------------------------------------------------------


def _mentions_of(para: Paragraph) -> list[_Mention]:
    doc = para.doc
    found: list[_Mention] = []
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KIND_OF_LABEL]
    for i, j, label in _join_acronyms(doc, ents):
        for a, b, part_label in _trimmed_parts(doc, i, j, label):
            m = _Mention(para, a, b, part_label, KIND_OF_LABEL[part_label])
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


def _is_joined_acronym(m: _Mention) -> bool:
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
    return doc[k].text == "," and not (k + 1 < j and _word(doc[k + 1]) in _NAME_SUFFIXES)


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
    while j - i > 1 and _SCORE.fullmatch(doc[j - 1].text) and label in _SCORELESS:
        j -= 1
    # "Founder of Ceres Robotics Inc.": the role and "of" are not part of the name.
    if j - i > 2 and _word(doc[i]) in ROLE_WORDS and doc[i + 1].lower_ == "of":
        i += 2
    if label == "PERSON":
        # "Prime Minister Boris Johnson", "Mr. Putin": titles are a role, not part of the name.
        k = i
        while k < j - 1 and (
            _word(doc[k]) in ROLE_WORDS or (doc[k].text[:1].isupper() and _word(doc[k + 1]) in ROLE_WORDS)
        ):
            k += 1
        if k > i and _word(doc[k - 1]) in ROLE_WORDS:
            i = k
    return i, j


def _word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def _is_name_like(m: _Mention) -> bool:
    """Names are written with a capital (in scripts that have capitals); dates and the like may not be."""
    if m.kind not in _NAME_KINDS:
        return bool(m.text.strip())
    cased = [ch for ch in m.text if ch.isalpha() and ch.lower() != ch.upper()]
    if not any(ch.isalpha() for ch in m.text):
        return False
    return not cased or any(ch.isupper() for ch in cased)


# --- kinds from the mention and its neighbours ---------------------------------------------------------


def _fix_kind_from_context(m: _Mention, surnames: set[str]) -> None:
    doc = m.para.doc
    if m.fixed:
        return
    last = _word(doc[m.j - 1])
    before = doc[m.i - 1] if m.i > 0 else None
    if _is_joined_acronym(m):
        m.set_kind("place" if is_known_place(m.text) else "organization")
    elif m.kind in _NAME_KINDS and _is_dateline(m):
        m.set_kind("place")
    elif _titled_as_person(m, before):
        m.set_kind("person")
    elif m.label == "PERSON" and m.text.isalpha() and m.text.isupper() and len(m.text) > 1:
        m.set_kind("place" if is_known_place(m.text) else "organization")
    elif _org_apposition(m) or (m.j - m.i > 1 and last in _ORG_LAST_WORDS and m.label != "FAC"):
        m.set_kind("organization")
    elif m.label == "ORG" and last in _VENUE_WORDS and m.j - m.i > 1 and _after_in_or_at(m):
        m.set_kind("place")
    elif m.label != "NORP" and m.text not in surnames and not is_known_place(m.text) and _modifies_title(m):
        # "Sabres captain Jack Eichel", "Wild coach Bruce Boudreau": the team or body a person serves.
        m.set_kind("organization")


def _titles_name(before: Token, m: _Mention) -> bool:
    """ "Chancellor Olaf Scholz": a title word right before the name and attached to it."""
    return _word(before) in ROLE_WORDS and m.i <= before.head.i < m.j and before.pos_ in ("NOUN", "PROPN")


def _titled_as_person(m: _Mention, before: Token | None) -> bool:
    if m.kind not in _NAME_KINDS or m.text.isupper():
        return False
    if before is not None and _titles_name(before, m):
        return True
    return m.kind in ("organization", "place") and not is_known_place(m.text) and _described_as_person(m)


def _described_as_person(m: _Mention) -> bool:
    """ "Olaf Scholz, the German chancellor," or "the chancellor, Olaf Scholz": a title in apposition."""
    root = m.root
    if len(m.words) < 2 or m.text.isupper():
        return False
    titles = [c for c in root.children if c.dep_ == "appos" and c.i >= m.j]
    if root.dep_ == "appos" and root.head.i < m.i:
        titles.append(root.head)
    return any(t.pos_ == "NOUN" and _word(t) in ROLE_WORDS for t in titles)


def _is_dateline(m: _Mention) -> bool:
    """ "BUFFALO, N.Y. — …": a place in capitals opening an article's first paragraph."""
    doc = m.para.doc
    return (
        m.i == 0
        and m.text.isupper()
        and m.j < len(doc)
        and doc[m.j].text in (",", "—", "–", "-")
        and m.para.start < 200
    )


def _org_apposition(m: _Mention) -> bool:
    """ "the journal Monthly Notices of …", "the public broadcaster ZDF", "the Interfax news agency"."""
    root = m.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i < m.i:
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in ORG_NOUNS and root.head.i == m.j:
        return True
    return any(
        c.dep_ == "compound" and c.i == m.i - 1 and c.lemma_.lower() in ORG_NOUNS for c in root.children
    )


def _after_in_or_at(m: _Mention) -> bool:
    doc = m.para.doc
    k = m.i - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("in", "at")


def _fix_place(m: _Mention) -> None:
    """After people are linked, a well-known place is a place whatever the model said ("Kyiv")."""
    if m.fixed and m.kind == "person":
        return
    if m.kind in ("person", "organization", "group") and is_known_place(m.text) and m.label != "NORP":
        m.set_kind("place")


def _modifies_title(m: _Mention) -> bool:
    return _titles_next_name(m.para.doc, m.root, m.j)


def _titles_next_name(doc: Doc, root: Token, j: int) -> bool:
    """True when doc[j] is a title that `root` modifies, followed by a name: "Wild coach Bruce …"."""
    if j + 1 >= len(doc):
        return False
    title, after = doc[j], doc[j + 1]
    return (
        _word(title) in ROLE_WORDS
        and _word(title) not in _HONORIFICS
        and root.head.i == title.i
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
    )


def _agree_with_conjuncts(mentions: list[_Mention]) -> None:
    """ "Marvel Entertainment, Lucasfilm and BamTech": a one-word name listed with two or more names
    of one kind, and none of its own, takes their kind (the model called Lucasfilm a place)."""
    by_root = {(id(m.para), m.root.i): m for m in mentions}
    for m in mentions:
        if m.fixed or m.j - m.i != 1 or m.kind not in _NAME_KINDS or is_known_place(m.text):
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
            m.label = _LABEL_OF_KIND[m.kind]


# --- people the model missed -----------------------------------------------------------------------


def _person_full_names(mentions: list[_Mention]) -> dict[tuple[str, ...], list[_Mention]]:
    names: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind == "person" and len(m.words) >= 2 and m.text[:1].isupper() and not _has_digit(m.text):
            names[m.words].append(m)
    return names


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _untagged_people(
    parsed: ParsedText, mentions: list[_Mention], full_names: dict[tuple[str, ...], list[_Mention]]
) -> list[_Mention]:
    """Names the model left untagged: people after a title ("center Casey Mittelstadt") or ending in a
    known name ("Zach Parise" where "Parise" is tagged elsewhere), and organisations named as such
    ("the public broadcaster ZDF", "NASA’s Science Mission Directorate")."""
    surnames = {words[-1] for words in full_names}
    # A one-word "person" may be a model slip ("Twitter"): it completes a longer name ("Zach Parise")
    # but does not make other lone mentions of the word people.
    lone_names = {m.text for m in mentions if m.kind == "person" and len(m.words) == 1}
    names = {m.text for m in mentions if m.kind in _NAME_KINDS}
    covered: dict[int, set[int]] = defaultdict(set)
    for m in mentions:
        covered[id(m.para)].update(range(m.i, m.j))
    found: list[_Mention] = []
    for para in parsed.paragraphs:
        doc = para.doc
        taken = covered[id(para)]
        k = 0
        n = len(doc)
        while k < n:
            tok = doc[k]
            if (
                k not in taken
                and tok.text in names
                and tok.text[:1].isupper()
                and _titles_next_name(doc, tok, k + 1)
            ):
                # "Wild defenseman Ryan Suter" where "Wild" is a name elsewhere in the article.
                m = _Mention(para, k, k + 1, "ORG", "organization", fixed=True, strong=True)
                m.locate()
                found.append(m)
                k += 1
                continue
            if k in taken or not (_is_name_token(tok) or _is_known_name(tok, surnames | lone_names)):
                k += 1
                continue
            j = k + 1
            while j < n and j not in taken and _is_name_token(doc[j]) and _word(doc[j]) not in ROLE_WORDS:
                j += 1
            if j == k:
                k += 1
                continue
            titled = k > 0 and _word(doc[k - 1]) in ROLE_WORDS and doc[k - 1].pos_ in ("NOUN", "PROPN")
            known = doc[j - 1].text in surnames or (j - k >= 2 and doc[j - 1].text in lone_names)
            if (titled and j - k >= 2) or known:
                m = _Mention(para, k, j, "PERSON", "person", fixed=True, strong=titled)
            elif _names_organisation(doc, k, j):
                m = _Mention(para, k, j, "ORG", "organization", fixed=True, strong=True)
            else:
                k = j
                continue
            m.locate()
            found.append(m)
            k = j
    return found


def _names_organisation(doc: Doc, k: int, j: int) -> bool:
    last = doc[j - 1]
    if j - k >= 2 and _word(last) in _ORG_LAST_WORDS:
        return True
    before = doc[k - 1] if k > 0 else None
    return (
        before is not None
        and before.lemma_.lower() in ORG_NOUNS
        and (before.head.i == j - 1 or (last.dep_ == "appos" and last.head.i == before.i))
    )


def _is_known_name(tok: Token, surnames: set[str]) -> bool:
    """ "Scissors, who consults …": a name already known, even where the model took it for a noun."""
    return tok.text in surnames and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB")


def _is_name_token(tok: Token) -> bool:
    """A capitalised proper noun; at a sentence start only as a subject, where names usually sit."""
    text = tok.text
    if tok.pos_ != "PROPN" or not text[:1].isupper() or not text.replace("-", "").replace(".", "").isalpha():
        return False
    return not tok.is_sent_start or tok.dep_ in ("nsubj", "compound")


# --- canonical names ----------------------------------------------------------------------------


def _link_people(mentions: list[_Mention], full_names: dict[tuple[str, ...], list[_Mention]]) -> None:
    """Each mention that is the end ("Johnson", "Eriksson Ek") or first name of a person's full name
    becomes that person; when two people share a surname the nearest earlier full name wins."""
    by_part: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for words in full_names:
        for k in range(1, len(words)):
            by_part[words[-k:]].append(words)
        by_part[words[:1]].append(words)
    for m in mentions:
        if m.kind not in _NAME_KINDS or m.kind == "group":
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
    candidates: list[tuple[str, ...]], full_names: dict[tuple[str, ...], list[_Mention]], offset: int
) -> tuple[str, ...]:
    def key(c: tuple[str, ...]) -> tuple[int, int]:
        earlier = [x.start for x in full_names[c] if x.start <= offset]
        return (max(earlier) if earlier else -offset - min(x.start for x in full_names[c]), len(c))

    return max(candidates, key=key)


def _link_short_names(mentions: list[_Mention]) -> None:
    """Acronyms to their spelled-out name ("US" -> "United States", "RFE/RL" -> "Radio Free Europe /
    Radio Liberty") and short company names to the registered one ("Tyvak" -> "Tyvak … Inc")."""
    long_names: dict[str, _Mention] = {}
    companies: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind not in ("organization", "place"):
            continue
        words = m.words
        if len(words) >= 2:
            initials = _initials(words)
            if len(initials) >= 2:
                long_names.setdefault(initials, m)
            if words[-1].lower() in _CORPORATE:
                for k in range(1, len(words) - 1):
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
        elif m.words in companies and len({c.text for c in companies[m.words]}) == 1:
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


def _vote_kinds(mentions: list[_Mention]) -> None:
    """All mentions of one name take the kind most of them have; kinds set by a rule on the mention's
    own context count three times; a tie goes to the kind of the name's first mention."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind in _NAME_KINDS:
            key = _vote_key(m)
            votes[key][m.kind] += 3 if m.strong else 1
            first.setdefault(key, m.kind)
    for m in mentions:
        if m.kind in _NAME_KINDS:
            key = _vote_key(m)
            counts = votes[key]
            kind = max(counts, key=lambda k: (counts[k], k == first[key]))
            if kind != m.kind:
                m.kind = kind
                m.label = _LABEL_OF_KIND[kind]


def _vote_key(m: _Mention) -> str:
    return (m.canonical or m.text).replace("’", "'")


# --- roles --------------------------------------------------------------------------------------


def _give_roles(mentions: list[_Mention]) -> None:
    """A person's title as the article gives it, shared by every mention of that person."""
    roles: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        role = _title_before(m) or _apposition_role(m)
        if role:
            roles.setdefault(m.canonical or m.text, role)
    for m in mentions:
        if m.kind == "person":
            m.role = roles.get(m.canonical or m.text)


def _title_before(m: _Mention) -> str | None:
    """ "Pentagon spokesman John Kirby" -> "Pentagon spokesman"; also titles the model put in the span."""
    doc = m.para.doc
    k = m.i
    while k > 0:
        tok = doc[k - 1]
        if tok.is_punct or tok.pos_ in ("DET", "ADP", "CCONJ", "VERB", "AUX", "PRON", "PART", "NUM", "SCONJ"):
            break
        if not (k <= tok.head.i < m.j) or tok.is_sent_end:
            break
        k -= 1
    k = min(k, _modifiers_start(m))
    while k < m.i and (doc[k].pos_ in ("DET", "ADP", "CCONJ") or doc[k].is_punct):
        k += 1
    if k == m.i:
        return None
    words = [doc[x] for x in range(k, m.i)]
    if not any(_word(t) in ROLE_WORDS for t in words) or all(_word(t) in _HONORIFICS for t in words):
        return None
    return doc[k : m.i].text


def _modifiers_start(m: _Mention) -> int:
    """Where the run of modifiers right before the name starts, taking whole phrases so that
    "Secretary of State Antony Blinken" gives "Secretary of State"."""
    root = m.root
    start = m.i
    for child in sorted((c for c in root.lefts if c.i < m.i), key=lambda c: -c.i):
        if child.dep_ not in ("compound", "amod", "nmod", "poss") or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return start


def _apposition_role(m: _Mention) -> str | None:
    """ "Olaf Scholz, the German chancellor," and "the German chancellor, Olaf Scholz,"."""
    root = m.root
    doc = m.para.doc
    for child in root.children:
        if (
            child.dep_ == "appos"
            and child.i >= m.j
            and child.pos_ == "NOUN"
            and child.ent_type_ not in ("PERSON",)
        ):
            return _describe(doc, child)
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < m.i and head.ent_type_ == "":
        return _describe(doc, head, up_to_head=True)
    return None


_MAX_ROLE_TOKENS = 12


def _describe(doc: Doc, noun: Token, up_to_head: bool = False) -> str | None:
    start = noun.left_edge.i
    # "whether WeWork’s founder", "their nominee": the role starts after such words.
    while start < noun.i and (
        doc[start].pos_ in ("DET", "PUNCT", "SCONJ", "CCONJ", "ADP") or doc[start].tag_ == "PRP$"
    ):
        start += 1
    end = noun.i + 1 if up_to_head else noun.right_edge.i + 1
    if end - start > _MAX_ROLE_TOKENS:
        end = noun.i + 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    if _word(noun) not in ROLE_WORDS and noun.lemma_.lower() not in ROLE_WORDS:
        return None
    text = doc[start:end].text
    return text or None
