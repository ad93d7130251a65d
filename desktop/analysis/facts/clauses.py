"""Clauses of the parse as facts read them: a verb, who or what it is about, and the text that states it.

`clause(sent, verb, references, keep)` gives the verb's clause without the clauses attached to it
(unless one holds `keep`, the number or date the fact is about), its subject as a name ("it" and "he"
resolved by the shared resolver) and a one-line summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.lexicon.speech import SPEECH_VERBS
from desktop.analysis.nlp import Paragraph, SentenceSpan
from desktop.analysis.references import References

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_TEXT = 180  # characters in a fact's one-line summary
MAX_CLAUSE_TOKENS = 40
SUBJECTS = ("nsubj", "nsubjpass")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "what", "this"})
_RELATIVES = frozenset({"who", "which", "that"})
# Children that are clauses of their own: left out of a clause's text unless they hold what the fact is about.
_OWN_CLAUSES = frozenset({"advcl", "parataxis", "ccomp"})


@dataclass
class Clause:
    """A verb, who or what it is about, and the span of text that states it."""

    sentence: SentenceSpan
    verb: Token
    subject: str | None
    start: int  # absolute offsets of the clause's text
    end: int
    summary: str  # the clause's text on one line, "it" replaced by the name it stands for


def clause(sent: SentenceSpan, verb: Token, references: References, keep: Token | None = None) -> Clause:
    para = sent.paragraph
    doc = para.doc
    subject_tok = subject_of(verb)
    subject = name_of(subject_tok, para, references) if subject_tok is not None else None
    if subject_tok is not None and subject_tok.lower_ in _RELATIVES and verb.dep_ == "relcl":
        # "users who activated their accounts": the users did.
        subject = name_of(verb.head, para, references)
    elif subject_tok is not None and subject_tok.lower_ in PRONOUNS:
        pronoun = subject_tok.lower_
        subject = _higher_subject(verb, para, references) or (
            references.person_for_pronoun(para.start + subject_tok.idx, pronoun)
            if pronoun in ("he", "she")
            else subject
        )
    lo, hi = clause_bounds(verb, keep)
    if verb.dep_ in ("relcl", "acl") and verb.head.i < lo:
        # "eastern Ukraine, where 13,000 people have been killed": the noun the clause describes.
        lo = _skip_lead(doc, verb.head.left_edge.i, verb.head.i)
        if subject is None:
            subject = doc[lo : verb.head.i + 1].text
    start = para.start + doc[lo].idx
    end = para.start + doc[hi].idx + len(doc[hi].text)
    summary = doc[lo : hi + 1].text
    if (
        subject_tok is not None
        and subject
        and subject_tok.lower_ in PRONOUNS - _RELATIVES
        and lo <= subject_tok.i <= hi
    ):
        # Show who "it" is: "the United States would send …" rather than "it would send …".
        at = subject_tok.idx - doc[lo].idx
        summary = summary[:at] + subject + summary[at + len(subject_tok.text) :]
    elif (
        subject
        and (subject_tok is None or not lo <= subject_tok.i <= hi)
        and subject.lower() not in PRONOUNS
        and subject not in summary
    ):
        summary = f"{subject}: {summary}"
    return Clause(sent, verb, subject, start, end, one_line(summary))


def clause_bounds(verb: Token, keep: Token | None) -> tuple[int, int]:
    """First and last token of the verb's clause, without attached clauses that do not hold `keep`."""
    left, right = verb.left_edge.i, verb.right_edge.i
    for child in verb.children:
        if not _is_own_clause(child):
            continue
        if keep is not None and child.left_edge.i <= keep.i <= child.right_edge.i:
            continue
        if child.i > verb.i:
            right = min(right, child.left_edge.i - 1)
        else:
            left = max(left, child.right_edge.i + 1)
    doc = verb.doc
    while left < verb.i and (doc[left].is_punct or doc[left].dep_ in ("mark", "cc") or doc[left].is_space):
        left += 1
    while right > verb.i and (
        doc[right].is_punct or doc[right].dep_ in ("cc", "mark") or doc[right].is_space
    ):
        right -= 1
    if right - left + 1 > MAX_CLAUSE_TOKENS:
        left = max(left, verb.i - MAX_CLAUSE_TOKENS // 2)
        right = min(right, left + MAX_CLAUSE_TOKENS - 1)
    return left, right


def _is_own_clause(child: Token) -> bool:
    """A clause with its own subject, or a second report ("Kirby clarified …, but said …")."""
    if child.dep_ in _OWN_CLAUSES:
        return True
    return (
        child.dep_ == "conj"
        and child.pos_ in ("VERB", "AUX")
        and (any(c.dep_ in SUBJECTS for c in child.children) or child.lemma_.lower() in SPEECH_VERBS)
    )


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the clause it hangs from ("…, saying …", "despite encircling …")."""
    tok = verb
    for _ in range(5):
        for child in tok.children:
            if child.dep_ in SUBJECTS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def _higher_subject(verb: Token, para: Paragraph, references: References) -> str | None:
    """ "the United States announced that it would send …": "it" is the announcing subject."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        subject = subject_of(tok)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return name_of(subject, para, references)
    return None


def _skip_lead(doc: Doc, left: int, limit: int) -> int:
    """First token of a phrase without leading determiners, adverbs, commas and spaces (quote marks stay)."""
    while left < limit and (
        doc[left].pos_ in ("DET", "ADV")
        or (doc[left].is_punct and not doc[left].is_quote)
        or doc[left].is_space
    ):
        left += 1
    return left


def name_of(tok: Token, para: Paragraph, references: References) -> str:
    """The name of what `tok` heads: the entity's canonical name, else the phrase up to it."""
    entity = references.index.entity_at(para.start + tok.idx)
    if entity is not None and entity.kind in ("person", "organization", "place", "group"):
        return entity.canonical or entity.text
    doc = tok.doc
    left = _skip_lead(doc, tok.left_edge.i, tok.i)
    right = tok.i + 1
    if right - left > 8:
        left = tok.i - 7
    return doc[left:right].text


def phrase(tok: Token | None) -> str | None:
    if tok is None:
        return None
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    if right - left >= MAX_CLAUSE_TOKENS // 2:
        right = tok.i
    return doc[left : right + 1].text


def verb_phrase(verb: Token) -> str:
    """The verb with its auxiliaries and negation: "will be deployed", "had not ruled out"."""
    parts = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    parts.append(verb)
    parts.extend(c for c in verb.children if c.dep_ == "prt")
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"
