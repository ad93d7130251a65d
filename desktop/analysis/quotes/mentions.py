"""From a cue verb to the speaker as written: the token naming who speaks and the mention around it.

`speaker_token(verb)` reads the parse: the verb's subject (or that of the clause it shares a subject
with), the agent of a passive, the object of "according to", the noun a speech participle describes
("protesters chanting “…”"), or a name left unattached right after the verb ("…,” said Kirby").
`mention_bounds(head)` is the noun phrase around it without appositions, relative clauses or quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.lexicon.speech import DOCUMENTS, PARTITIVES, SPEAKS_FOR
from desktop.analysis.references import DocumentIndex, role_head

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph

_SUBJECTS = ("nsubj",)
# Clauses that share the subject of the clause they hang from ("…, telling them to …").
_SUBJECT_SHARING = ("conj", "xcomp", "advcl", "pcomp")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_WHEN = frozenset({"DATE", "TIME"})  # "said Thursday": a day, not a speaker
_CUT_RIGHT = frozenset({"appos", "relcl", "punct", "cc", "conj", "acl", "prep"})


def speaker_token(verb: Token, para: Paragraph, index: DocumentIndex) -> Token | None:
    """The token naming who speaks through `verb`."""
    if verb.pos_ == "NOUN":
        # A noun of speech ("Trump’s claim"): its owner.
        return next((c for c in verb.children if c.dep_ == "poss" and not index.quoted(c, para)), None)
    if verb.lower_ == "according":
        for to in verb.children:
            for obj in to.children:
                if obj.dep_ == "pobj" and not index.quoted(obj, para):
                    return obj
        return None
    cur = verb
    for _ in range(5):
        subjects = [c for c in cur.children if c.dep_ in _SUBJECTS and not index.quoted(c, para)]
        # A parse that gives the verb two subjects ("whose chief, Ana Reyes, called"): the name.
        subjects.sort(key=lambda c: c.tag_ in ("WP", "WDT"))
        for child in subjects[:1]:
            if child.lower_ in _RELATIVE and cur.dep_ == "relcl":
                return cur.head
            if _is_dateline(child):
                # "WASHINGTON -- President Obama … said": the dateline is where, the apposition who.
                return next((c for c in child.children if c.dep_ == "appos"), None)
            if child.tag_ in ("WP", "WDT"):
                return None  # "who had written it" with nothing it stands for
            return child
        for child in cur.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj" and not index.quoted(obj, para):
                        return obj
        if cur.dep_ in _SUBJECT_SHARING and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "ADP" and cur.dep_ == "prep" and cur.head.i != cur.i:
                cur = cur.head  # "began by saying …", "responded after hearing …": the verb above
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN"):
            # A speech participle describing a noun ("protesters chanting “…”", "a man shouting"):
            # the noun is who speaks.
            return cur.head
        break
    # "…,” said Kirby" with the name left unattached: the name right after the verb.
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and not index.quoted(nxt, para) and nxt.pos_ == "PROPN" and nxt.ent_type_ not in _WHEN:
        return nxt
    return None


def mention_bounds(head: Token, para: Paragraph, index: DocumentIndex) -> tuple[int, int]:
    """Token range of the mention: the noun phrase, without appositions, relative clauses or quotes."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in _CUT_RIGHT and child.i > head.i:
            if child.dep_ == "prep" and role_head(head) in SPEAKS_FOR | DOCUMENTS:
                continue  # "a spokesperson for Johnson’s office" keeps its "for …"
            if child.dep_ == "prep" and child.lower_ == "of" and head.lemma_.lower() in PARTITIVES:
                continue  # "a group of protesters": who they are is in the "of …"
            end = min(end, child.left_edge.i)
    for child in head.lefts:
        if child.dep_ in ("punct", "cc", "conj", "appos"):
            start = max(start, child.right_edge.i + 1)
    start = min(start, head.i)
    end = max(end, head.i + 1)
    doc = head.doc
    for i in range(head.i, end):  # never run into a quote
        if index.quoted(doc[i], para) or doc[i].is_punct and doc[i].text in ",;:—–(":
            end = max(head.i + 1, i) if i > head.i else head.i + 1
            break
    for i in range(head.i - 1, start - 1, -1):
        if index.quoted(doc[i], para) or doc[i].is_punct and doc[i].text in ",;:—–()":
            start = i + 1
            break
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _is_dateline(tok: Token) -> bool:
    """A place in capitals opening the story, set off by a dash ("WASHINGTON --", "LAGOS —")."""
    doc = tok.doc
    return (
        tok.text.isupper()
        and len(tok.text) > 2
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in ("--", "—", "–", "-")
    )
