"""Names in a headline written in Title Case, cut back to the name the article itself uses.

In "Senator Vale Defends Farm Bill" every word has a capital, so capitals no longer mark where a name
ends, and the small model runs the name on into the verb or the noun after it ("Vale Defends", "Ines
Okafor Campaign"). The body of the article, in ordinary case, shows where the name ends: when a part of
the headline's name is a name in the body ("Ines Okafor"), the headline's mention is cut to that
part and takes the label the model gave it there; a mention holding two such names becomes two. A name the body never writes is left as the model found it, since nothing then says
where it should end; and a headline in capitals ("VALE DEFENDS FARM BILL") is matched as written, so a
name in it is cut only where the body writes it in capitals too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.analysis.records import KIND_OF_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from desktop.analysis.entities.mentions import Mention
    from desktop.analysis.nlp import Paragraph

_MAX_HEADLINE_TOKENS = 40
# Words of four letters or more: short ones ("and", "of", "to", "a") stay lower case in Title Case.
_LONG_WORD = 4
_TITLE_SHARE = 0.8


def cut_headline_names(mentions: list[Mention]) -> list[Mention]:
    """Each name in a Title Case headline cut to the names the body writes inside it (one or several)."""
    paragraphs = {id(m.para): m.para for m in mentions}
    headlines = {key for key, para in paragraphs.items() if _is_title_case(para)}
    if not headlines:
        return mentions
    # The body's names with the label the model gave them there, where capitals do mark a name's edges.
    body: dict[tuple[str, ...], str] = {}
    for m in mentions:
        if id(m.para) not in headlines:
            body.setdefault(_tokens(m.para.doc, m.i, m.j), m.label)
    kept: list[Mention] = []
    for m in mentions:
        if id(m.para) not in headlines or m.j - m.i < 2 or _tokens(m.para.doc, m.i, m.j) in body:
            kept.append(m)
            continue
        parts = _named_parts(m, body)
        # Only a name that runs on past its end ("Vale Defends"): in "Radio Free Europe" the body's
        # "Europe" is the end of a longer name, not a name the headline ran on from.
        if not parts or parts[0][0] != m.i:
            kept.append(m)
            continue
        for i, j in parts:
            label = body[_tokens(m.para.doc, i, j)]
            part = replace(m, i=i, j=j, label=label, kind=KIND_OF_LABEL.get(label, m.kind))
            part.locate()
            kept.append(part)
    return kept


def _named_parts(m: Mention, body: dict[tuple[str, ...], str]) -> list[tuple[int, int]]:
    """The longest body names inside the mention, left to right ("A Ties B" -> A, B)."""
    doc, parts, i = m.para.doc, [], m.i
    while i < m.j:
        size = next((n for n in range(m.j - i, 0, -1) if _tokens(doc, i, i + n) in body), 0)
        if size:
            parts.append((i, i + size))
        i += size or 1
    return parts


def _tokens(doc: Doc, i: int, j: int) -> tuple[str, ...]:
    return tuple(doc[k].text for k in range(i, j))


def _is_title_case(para: Paragraph) -> bool:
    """A short paragraph whose long words nearly all start with a capital: a headline or a title."""
    doc = para.doc
    if len(doc) > _MAX_HEADLINE_TOKENS:
        return False
    words = [tok.text for tok in doc if tok.is_alpha and len(tok.text) >= _LONG_WORD]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)
