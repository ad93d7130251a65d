"""Reading the parse: small questions about a token's place in its sentence, shared by the extractors."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def governing_verb(tok: Token | None, max_steps: int = 30) -> Token | None:
    """The verb of the clause a token sits in, climbing heads at most `max_steps` times, else None.

    A verb used as a modifier ("a “phase one” deal", "the armed forces") is no clause of its own."""
    for _ in range(max_steps):
        if tok is None:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
