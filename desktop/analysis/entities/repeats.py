"""Names the model tagged in one place of a document and left untagged in another ("PKDF" found in one
sentence and missed in the next five): every other occurrence of the same words is a mention too, and
the vote gives all of them one kind."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from desktop.analysis.entities.mentions import Mention, covered_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from desktop.analysis.nlp import ParsedText

_KINDS = frozenset({"person", "organization", "place"})
_HYPHENS = frozenset({"-", "–"})


def repeated_names(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    names: dict[str, dict[tuple[str, ...], Mention]] = defaultdict(dict)
    for m in mentions:
        words = tuple(m.para.doc[k].text for k in range(m.i, m.j))
        if m.kind in _KINDS and _repeatable(words):
            names[words[0]].setdefault(words, m)
    if not names:
        return []
    covered = covered_tokens(mentions)
    found: list[Mention] = []
    for para in parsed.paragraphs:
        doc = para.doc
        taken = covered[id(para)]
        k = 0
        while k < len(doc):
            candidates = names.get(doc[k].text)
            match = _longest_match(doc, k, candidates, taken) if candidates and k not in taken else None
            if match is None:
                k += 1
                continue
            words, model = match
            m = Mention(para, k, k + len(words), model.label, model.kind)
            m.locate()
            found.append(m)
            k += len(words)
    return found


def _repeatable(words: tuple[str, ...]) -> bool:
    """Acronyms and names of two words or more: a single capitalised word may be any sentence's first."""
    if len(words) == 1:
        word = words[0].replace(".", "")
        return len(word) >= 2 and word.isalpha() and word.isupper()
    return all(w[:1].isupper() or not w.isalpha() for w in (words[0], words[-1]))


def _longest_match(
    doc: Doc, k: int, candidates: dict[tuple[str, ...], Mention], taken: set[int]
) -> tuple[tuple[str, ...], Mention] | None:
    best = None
    for words, model in candidates.items():
        j = k + len(words)
        if j > len(doc) or any(x in taken for x in range(k, j)):
            continue
        if tuple(t.text for t in doc[k:j]) != words or not _stands_alone(doc, k, j):
            continue
        if best is None or len(words) > len(best[0]):
            best = (words, model)
    return best


def _stands_alone(doc: Doc, k: int, j: int) -> bool:
    """Not a piece of a longer name or of a hyphened word ("PKDF-held", "counter-PKDF")."""
    before = doc[k - 1] if k > 0 else None
    after = doc[j] if j < len(doc) else None
    if before is not None and (_glued(before, doc[k]) or _capitalised_name(before)):
        return False
    return after is None or not (_glued(doc[j - 1], after) or _capitalised_name(after))


def _glued(left: Token, right: Token) -> bool:
    return not left.whitespace_ and (left.text in _HYPHENS or right.text in _HYPHENS)


def _capitalised_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()
