"""Names the model splits at "and": "Popular Front of Kestria" and "the Valleys" are one name when the
article writes the acronym of the whole ("PFKV"), in brackets after it or anywhere else.

Without the acronym, "the Bank of England and the Treasury" stays two names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.entities.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from desktop.analysis.nlp import ParsedText

_SKIPPED = frozenset({"of", "and", "the", "for", "on", "in", "&"})


def join_split_names(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    candidates = [
        (m, end)
        for m in mentions
        if m.label == "ORG" and _has_of(m) and (end := _second_part_end(m.para.doc, m.j)) is not None
    ]
    if not candidates:
        return mentions
    acronyms = {
        tok.text
        for para in parsed.paragraphs
        for tok in para.doc
        if len(tok.text) >= 3 and tok.text.isupper() and tok.text.isalpha()
    }
    by_start = {(id(m.para), m.i): m for m in mentions}
    gone: set[int] = set()
    joined: list[Mention] = []
    for m, end in candidates:
        doc = m.para.doc
        if id(m) in gone or _initials(doc, m.i, end) not in acronyms:
            continue
        new = Mention(m.para, m.i, end, "ORG", "organization")
        new.locate()
        new.set_kind("organization")
        joined.append(new)
        gone.add(id(m))
        gone.update(
            id(o) for k in range(m.j, end) if (o := by_start.get((id(m.para), k))) is not None and o.j <= end
        )
    if not joined:
        return mentions
    return [m for m in mentions if id(m) not in gone] + joined


def _has_of(m: Mention) -> bool:
    """ "Popular Front of Kestria": a name of the form "… of X", which a second part can continue."""
    return any(m.para.doc[k].lower_ == "of" for k in range(m.i + 1, m.j - 1))


def _second_part_end(doc: Doc, j: int) -> int | None:
    """Where "and the Valleys" after the name ends, or None when no capitalised name follows "and"."""
    k = j
    if k >= len(doc) or doc[k].lower_ != "and":
        return None
    k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    start = k
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    return k if k > start else None


def _initials(doc: Doc, i: int, j: int) -> str:
    return "".join(tok.text[0] for tok in doc[i:j] if tok.lower_ not in _SKIPPED and tok.is_alpha)
