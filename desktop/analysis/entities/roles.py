"""People's roles as the article gives them: a title before the name or a description in apposition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.entities.mentions import Mention, bare_word
from desktop.analysis.lexicon.people import HONORIFICS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

def give_roles(mentions: list[Mention]) -> None:
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


def _title_before(m: Mention) -> str | None:
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
    if not any(bare_word(t) in TITLES for t in words) or all(bare_word(t) in HONORIFICS for t in words):
        return None
    return doc[k : m.i].text


def _modifiers_start(m: Mention) -> int:
    """Where the run of modifiers right before the name starts, taking whole phrases so that
    "Secretary of State Antony Blinken" gives "Secretary of State"."""
    root = m.root
    start = m.i
    for child in sorted((c for c in root.lefts if c.i < m.i), key=lambda c: -c.i):
        if child.dep_ not in ("compound", "amod", "nmod", "poss") or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return start


def _apposition_role(m: Mention) -> str | None:
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
    if bare_word(noun) not in TITLES and noun.lemma_.lower() not in TITLES:
        return None
    text = doc[start:end].text
    return text or None

