"""Names the small model left untagged: people after a title or ending in a known surname, and
organisations named as such. Also the test of a title that introduces a name ("Wild coach Bruce …")."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from desktop.analysis.entities.gazetteers import is_known_place
from desktop.analysis.entities.mentions import Mention, bare_word, covered_tokens, wire_date_at
from desktop.analysis.entities.name_words import ORG_LAST_WORDS, ORG_NOUNS
from desktop.analysis.lexicon.people import HONORIFICS, TITLES
from desktop.analysis.records import NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from desktop.analysis.nlp import ParsedText

def person_full_names(mentions: list[Mention]) -> dict[tuple[str, ...], list[Mention]]:
    names: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind == "person" and len(m.words) >= 2 and m.text[:1].isupper() and not _has_digit(m.text):
            names[m.words].append(m)
    return names


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


# What ends a wire story's dateline ("MADRID —", "BUFFALO, N.Y. —", "OSLO (Reuters) -").
_DATELINE_ENDS = frozenset({",", "—", "–", "-", "("})
_DATELINE_REACH = 200  # characters from the start of the text where a dateline can be


def untagged_dateline(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    """ "MADRID — Rafael Nadal …": the place in capitals opening a wire story, when the model missed it."""
    for para in parsed.paragraphs:
        if para.start >= _DATELINE_REACH:
            return []
        doc = para.doc
        if not len(doc) or not doc[0].text.strip():
            continue
        j = 0
        while j < len(doc) and doc[j].text.isupper() and doc[j].text.isalpha() and len(doc[j].text) > 1:
            j += 1
        if j == 0 or j >= len(doc) or not (doc[j].text in _DATELINE_ENDS or wire_date_at(doc, j)):
            return []
        if any(m.para is para and m.i < j for m in mentions):
            return []
        if opens_a_headline(doc, j) and not is_known_place(doc[:j].text):
            return []
        m = Mention(para, 0, j, "GPE", "place", fixed=True, strong=True)
        m.locate()
        return [m]
    return []


def opens_a_headline(doc: Doc, j: int) -> bool:
    """ "SOCCER - LATE GOAL SINKS …": a section word before a headline in capitals, not a dateline, which
    the story's first sentence follows in ordinary case."""
    after = [t for t in doc[j + 1 : j + 8] if t.is_alpha][:4]
    return len(after) >= 2 and all(t.text.isupper() for t in after)


def untagged_people(
    parsed: ParsedText, mentions: list[Mention], full_names: dict[tuple[str, ...], list[Mention]]
) -> list[Mention]:
    """Names the model left untagged: people after a title ("center Casey Mittelstadt") or ending in a
    known name ("Zach Parise" where "Parise" is tagged elsewhere), and organisations named as such
    ("the public broadcaster ZDF", "NASA’s Science Mission Directorate")."""
    surnames = {words[-1] for words in full_names}
    # A one-word "person" may be a model slip ("Twitter"): it completes a longer name ("Zach Parise")
    # but does not make other lone mentions of the word people.
    lone_names = {m.text for m in mentions if m.kind == "person" and len(m.words) == 1}
    names = {m.text for m in mentions if m.kind in NAME_KINDS}
    covered = covered_tokens(mentions)
    known_names = surnames | lone_names
    found: list[Mention] = []
    for para in parsed.paragraphs:
        doc = para.doc
        taken = covered[id(para)]
        k = 0
        n = len(doc)
        while k < n:
            tok = doc[k]
            if not tok.text[:1].isupper():  # every name below starts with a capital
                k += 1
                continue
            if (
                k not in taken
                and tok.text in names
                and tok.text[:1].isupper()
                and titles_next_name(doc, tok, k + 1)
            ):
                # "Wild defenseman Ryan Suter" where "Wild" is a name elsewhere in the article.
                m = Mention(para, k, k + 1, "ORG", "organization", fixed=True, strong=True)
                m.locate()
                found.append(m)
                k += 1
                continue
            if k in taken or not (_is_name_token(tok) or _is_known_name(tok, known_names)):
                k += 1
                continue
            j = k + 1
            while j < n and j not in taken and _is_name_token(doc[j]) and bare_word(doc[j]) not in TITLES:
                j += 1
            if j == k:
                k += 1
                continue
            titled = k > 0 and bare_word(doc[k - 1]) in TITLES and doc[k - 1].pos_ in ("NOUN", "PROPN")
            known = doc[j - 1].text in surnames or (j - k >= 2 and doc[j - 1].text in lone_names)
            if (titled and j - k >= 2) or known:
                m = Mention(para, k, j, "PERSON", "person", fixed=True, strong=titled)
            elif _names_organisation(doc, k, j):
                m = Mention(para, k, j, "ORG", "organization", fixed=True, strong=True)
            else:
                k = j
                continue
            m.locate()
            found.append(m)
            k = j
    return found


def _names_organisation(doc: Doc, k: int, j: int) -> bool:
    last = doc[j - 1]
    if j - k >= 2 and bare_word(last) in ORG_LAST_WORDS:
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


def titles_next_name(doc: Doc, root: Token, j: int) -> bool:
    """True when doc[j] is a title that `root` modifies, followed by a name: "Wild coach Bruce …"."""
    if j + 1 >= len(doc):
        return False
    title, after = doc[j], doc[j + 1]
    return (
        bare_word(title) in TITLES
        and bare_word(title) not in HONORIFICS
        and root.head.i == title.i
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
    )


# Prepositions that, opening a sentence before a name and a comma, say the name is a place ("Near
# Sinjar, …"); not "in" or "at", which open "In Congress, …" and "At Google, …" as often.
_PLACE_OPENERS = frozenset({"near", "outside", "around"})


def untagged_opening_places(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    """ "Near Hadrin Wells, two strikes …": the untagged name after a sentence's opening "Near"."""
    covered = covered_tokens(mentions)
    found: list[Mention] = []
    for para in parsed.paragraphs:
        doc = para.doc
        taken = covered[id(para)]
        for sent in doc.sents:
            k = sent.start
            while k < sent.end and doc[k].is_space:
                k += 1
            if k + 2 >= len(doc) or doc[k].lower_ not in _PLACE_OPENERS or not doc[k].text[:1].isupper():
                continue
            j = k + 1
            while j < len(doc) and j not in taken and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            if j > k + 1 and j < len(doc) and doc[j].text == ",":
                m = Mention(para, k + 1, j, "GPE", "place", fixed=True, strong=True)
                m.locate()
                found.append(m)
    return found
