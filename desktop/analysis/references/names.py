"""People's names as written: bare names without titles, runs of proper nouns, the titles given to a name.

The resolver (resolver.py) and the speaker attribution (quotes/) read names through these helpers, so
"Mr. Putin’s", "Putin" and "Vladimir Putin" compare the same way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.analysis.lexicon.people import (
    GENDERED_HONORIFICS,
    HONORIFICS,
    TITLE_ABBREVIATIONS,
    TITLE_RUN_WORDS,
)
from desktop.analysis.lexicon.speech import SAME_ROLE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph
    from desktop.analysis.records import Entity

# A leading honorific or abbreviated title ("Mr.", "Sen.") is not part of the name.
_TITLES = re.compile(
    r"^(?:" + "|".join(sorted(HONORIFICS | set(TITLE_ABBREVIATIONS), key=len, reverse=True)) + r")\.?\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")


def name_run(tok: Token) -> list[str]:
    """ "US President Joe Biden" at "Biden" -> ["Joe", "Biden"]: capitalised proper nouns compounded into tok."""
    words = [bare_name(tok.text)]
    i = tok.i - 1
    while i >= 0:
        left = tok.doc[i]
        if left.pos_ != "PROPN" or left.dep_ != "compound" or not left.text[:1].isupper():
            break
        if left.lower_.rstrip(".") in TITLE_RUN_WORDS or (len(left.text) > 1 and left.text.isupper()):
            break
        right = tok.doc[i + 1]
        if left.ent_iob_ != "O" and not (left.ent_type_ == right.ent_type_ and right.ent_iob_ == "I"):
            break  # a name of something else ("Browns" in "Browns DL Sheldon Richardson")
        words.insert(0, left.text)
        i -= 1
    return words if all(w[:1].isupper() for w in words) else []


def bare_name(name: str) -> str:
    """ "Mr. Putin’s" -> "Putin"."""
    name = " ".join(name.split())
    name = _POSSESSIVE.sub("", name)
    return _TITLES.sub("", name).strip(" .,;:")


def honorific_before(text: str, entity: Entity, para: Paragraph) -> str:
    """ "mrs" for "Mrs. Smith": the word just before the entity in its paragraph, if it is one of the
    honorifics. `text` is the whole text (Doc.text would rebuild the paragraph at every call)."""
    words = text[max(para.start, entity.start - 6) : entity.start].split()[-1:] + entity.text.split()[:1]
    for word in words:
        word = word.lower().rstrip(".")
        if word in GENDERED_HONORIFICS:
            return word
    return ""


def person_bare_name(name: str) -> str:
    """ "U.S. Attorney Nealy Cox" -> "Nealy Cox": a person's name without leading titles or initialisms."""
    words = bare_name(name).split()
    while len(words) > 2 and (words[0].lower().rstrip(".") in TITLE_RUN_WORDS or words[0].isupper()):
        words.pop(0)
    return " ".join(words)


def role_head(tok: Token) -> str:
    word = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
    return SAME_ROLE.get(word, word)


def title_words(tok: Token, para: Paragraph, entity: Entity) -> Iterable[str]:
    """Titles given to a person's name: "US President Donald Trump", "Derek Scissors, a China scholar"."""
    for child in tok.children:
        offset = para.start + child.idx
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and offset < entity.start
            and child.pos_ in ("NOUN", "PROPN")
        ):
            yield role_head(child)
            for grand in child.children:
                if grand.dep_ in ("compound", "amod") and grand.pos_ in ("NOUN", "PROPN"):
                    yield role_head(grand)
        elif child.dep_ == "appos":
            yield role_head(child)
            for grand in child.children:
                if grand.dep_ in ("compound", "amod") and grand.pos_ == "NOUN":
                    yield role_head(grand)
