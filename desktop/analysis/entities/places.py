"""Places the model does not tag: geographic coordinates ("12°03′S 77°02′W") and a place described
by who holds it ("an PKDF-held building", "rebel-controlled territory" with a named holder)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from desktop.analysis.entities.mentions import Mention
from desktop.analysis.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from desktop.analysis.nlp import Paragraph, ParsedText

_DEGREES = r"\d{1,3}(?:\.\d+)?°(?:\s?\d{1,2}(?:\.\d+)?['′])?(?:\s?\d{1,2}(?:\.\d+)?(?:″|''))?"
COORDINATES = re.compile(rf"(?<![\w.]){_DEGREES}\s?[NS][,;]?\s+{_DEGREES}\s?[EW](?!\w)")
# Nouns of places a group can hold: "an PKDF-held building", "PKDF-held territory".
HELD_PLACE_NOUNS = words("held_place_nouns")
_HOLDING = frozenset({"held", "controlled", "occupied"})
_HOLDING_WORD = re.compile(r"\w-(?:held|controlled|occupied)\b", re.IGNORECASE)


def untagged_places(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    """The mentions with these places added; a holder's name inside one gives way to it."""
    by_para: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_para[id(m.para)].append(m)
    found: list[Mention] = []
    inside: set[int] = set()
    for para in parsed.paragraphs:
        doc = para.doc
        own = by_para.get(id(para), [])
        taken = {k for m in own for k in range(m.i, m.j)}
        for i, j in _coordinates(parsed.text, para) + _held_places(parsed.text, para):
            if any(k in taken for k in range(i, j) if not _is_holder(doc, k)):
                continue
            m = Mention(para, i, j, "LOC", "place", fixed=True, strong=True)
            m.locate()
            found.append(m)
            inside.update(id(o) for o in own if i <= o.i and o.j <= j)
    return [m for m in mentions if id(m) not in inside] + found if found else mentions


def _coordinates(text: str, para: Paragraph) -> list[tuple[int, int]]:
    doc = para.doc
    if not len(doc) or "°" not in text[para.start : para.start + doc[-1].idx + len(doc[-1].text)]:
        return []
    end = para.start + doc[-1].idx + len(doc[-1].text)
    spans = []
    for match in COORDINATES.finditer(text, para.start, end):
        span = doc.char_span(match.start() - para.start, match.end() - para.start, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    return spans


def _held_places(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """ "an PKDF-held building": article, holder, "-held" and a noun of a place, one place."""
    doc = para.doc
    if not len(doc) or _HOLDING_WORD.search(text, para.start, para.start + doc[-1].idx + len(doc[-1].text)) is None:
        return []
    spans = []
    for tok in doc:
        if tok.lower_ not in _HOLDING or tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        holder = doc[tok.i - 2]
        if not (holder.text[:1].isupper() and holder.is_alpha) or tok.i + 1 >= len(doc):
            continue
        noun = doc[tok.i + 1]
        if noun.lower_ not in HELD_PLACE_NOUNS:
            continue
        start = holder.i
        if start > 0 and doc[start - 1].lower_ in ("a", "an", "the"):
            start -= 1
        spans.append((start, noun.i + 1))
    return spans


def _is_holder(doc: Doc, k: int) -> bool:
    """The holder's own name inside the place ("PKDF" in "an PKDF-held building") may be tagged."""
    return k + 2 < len(doc) and doc[k + 1].text == "-" and doc[k + 2].lower_ in _HOLDING
