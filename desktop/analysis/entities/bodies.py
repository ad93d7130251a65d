"""Government and defence bodies that news names by description: "the Bolivian government", "Peruvian
forces", "the Alliance", "Alliance military forces", "our Alliance partners".

The model tags the nationality ("Bolivian") or nothing; the reader means the body. A nationality before a
noun of a state's armed or governing body, and an organisation noun written with a capital as a name
(alone, or before a noun of a group), make one organisation whose span is the whole description,
article and all, as a reader would highlight it. A nationality before other nouns ("Bolivian voters",
"French wine") stays a nationality.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from desktop.analysis.entities.gazetteers import is_known_place
from desktop.analysis.entities.mentions import Mention
from desktop.analysis.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from desktop.analysis.nlp import ParsedText

# Nouns of a state's armed or governing body: "the Bolivian government", "Peruvian forces".
STATE_BODY_NOUNS = words("state_body_nouns")
# Nouns of the people or units of a body: "Alliance partners", "Alliance military forces".
GROUP_NOUNS = words("group_nouns") | STATE_BODY_NOUNS
# Nouns of an armed group's people or units: "PKDF fighters", "an PKDF tactical unit".
ARMED_GROUP_NOUNS = words("armed_group_nouns")
# Organisation nouns that a text writes with a capital as the name of one body: "the Alliance".
NAME_NOUNS = words("organization_last_words") | words("organization_nouns")
_ALL_NOUNS = STATE_BODY_NOUNS | ARMED_GROUP_NOUNS | NAME_NOUNS
_DETERMINERS = frozenset({"the", "a", "an", "our", "its", "their", "his", "her", "this", "these", "those"})
# What a description of a body takes in before its noun: the article and the modifiers, not a count
# ("four PKDF tactical units": four mentions of one body's units, not part of its name).
_MODIFIERS = frozenset({"amod", "compound", "nmod", "det", "poss"})


def described_bodies(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each described body added, in place of the nationality inside it."""
    by_para: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_para[id(m.para)].append(m)
    found: list[Mention] = []
    replaced: set[int] = set()
    for para in parsed.paragraphs:
        doc = para.doc
        inside = by_para.get(id(para), [])
        groups = {k for m in inside if m.kind == "group" for k in range(m.i, m.j)}
        acronyms = {k for m in inside if _is_acronym(m) for k in range(m.i, m.j)}
        # "the Alliance" the model tagged as "Alliance": the body's name is the noun with its article.
        nouns = {m.i for m in inside if m.j - m.i == 1 and _names_a_body(doc, doc[m.i])}
        taken = {k for m in inside if m.kind != "group" for k in range(m.i, m.j)} - acronyms - nouns
        for i, j in _bodies(doc, groups, acronyms, taken):
            m = Mention(para, i, j, "ORG", "organization")
            m.locate()
            m.set_kind("organization")
            found.append(m)
            replaced.update(id(o) for o in inside if i <= o.i and o.j <= j)
    if not found:
        return mentions
    return [m for m in mentions if id(m) not in replaced] + found


def _is_acronym(m: Mention) -> bool:
    """ "PKDF", "PFKV": an acronym the model tagged (as a body, a nationality or a thing), not a place's."""
    text = m.text
    return m.j - m.i == 1 and len(text) >= 2 and text.isalpha() and text.isupper() and not is_known_place(text)


def _bodies(doc: Doc, nationality: set[int], acronyms: set[int], taken: set[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    used: set[int] = set()
    for tok in doc:
        if tok.lower_ not in _ALL_NOUNS or tok.i in used or tok.i in taken:
            continue
        span = None
        if tok.pos_ == "NOUN" and tok.lower_ in STATE_BODY_NOUNS and tok.text.islower():
            if any(c.i in nationality for c in _modifiers(tok)):
                span = _after_conjunction(doc, (_left_edge(tok), tok.i + 1), tok)  # "the Bolivian government"
                if span is not None and not nationality.intersection(range(*span)):
                    span = None  # "heavy and Peruvian forces" keeps "Peruvian forces"; "( PFKV ) forces" none
        elif tok.pos_ == "NOUN" and tok.lower_ in ARMED_GROUP_NOUNS and tok.text.islower():
            if any(c.i in acronyms for c in _modifiers(tok)):
                span = _after_conjunction(doc, (_left_edge(tok), tok.i + 1), tok)  # "an PKDF tactical unit"
                if span is not None and not acronyms.intersection(range(*span)):
                    span = None
        elif _names_a_body(doc, tok):
            head = tok.head
            if tok.dep_ in ("compound", "amod", "nmod") and head.i > tok.i and head.lower_ in GROUP_NOUNS:
                # "Alliance military forces", "our Alliance partners"; "Alliance or partner forces"
                # is the Alliance's alone
                span = _after_conjunction(doc, (_left_edge(head), head.i + 1), tok)
            else:
                span = (_article_before(doc, tok), tok.i + 1)  # "the Alliance"
        if span is not None and not any(k in taken for k in range(*span)):
            spans.append(span)
            used.update(range(*span))
    return spans


def _after_conjunction(doc: Doc, span: tuple[int, int], tok: Token) -> tuple[int, int] | None:
    """ "heavy and Peruvian forces", "Alliance or partner forces": a description that joins two
    shrinks to what follows the conjunction, or to the capitalised name alone."""
    i, j = span
    joins = [k for k in range(i, j) if doc[k].dep_ == "cc" or doc[k].text in (",", ";", "(", ")")]
    if not joins:
        return span
    if tok.i > joins[-1]:
        return (joins[-1] + 1, j)
    return (_article_before(doc, tok), tok.i + 1)


def _modifiers(tok: Token) -> list[Token]:
    found = []
    for child in tok.lefts:
        if child.dep_ in ("amod", "compound", "nmod"):
            found += [child, *(c for c in child.subtree if c.i < tok.i)]
    return found


def _left_edge(head: Token) -> int:
    """Where the description of `head` begins: its article and modifiers ("an PKDF tactical")."""
    start = head.i
    for child in sorted(head.lefts, key=lambda c: -c.i):
        if child.dep_ not in _MODIFIERS or child.right_edge.i != start - 1:
            break
        if child.dep_ in ("det", "poss") and child.lower_ not in _DETERMINERS:
            break
        start = child.left_edge.i
    return start


def _names_a_body(doc: Doc, tok: Token) -> bool:
    """ "the Alliance", "Alliance partners": an organisation noun with a capital, alone, inside a
    sentence (a sentence's first word has a capital anyway; a headline's words all do)."""
    text = tok.text
    if tok.lower_ not in NAME_NOUNS or not text[:1].isupper() or text.isupper() or tok.is_sent_start:
        return False
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if before is not None and before.text[:1].isupper() and not (before.lower_ == "the" and before.is_sent_start):
        return False  # part of a longer name ("Kestrian Democratic Alliance") or of a headline
    if after is not None and after.lower_ == "of":
        k = tok.i + 2 + (tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "the")
        if k < len(doc) and doc[k].text[:1].isupper():
            return False  # "the Army of the Andes": the first word of a longer name
    return after is None or not (after.text[:1].isupper() and after.pos_ == "PROPN")


def _article_before(doc: Doc, tok: Token) -> int:
    return tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
