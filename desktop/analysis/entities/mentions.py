"""A name mention being repaired by the entity rules: its tokens, label, kind and canonical name."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.nlp import Paragraph
from desktop.analysis.records import LABEL_OF_KIND

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_GLUED_MARK = re.compile(r"[.,;:]?[\[(]")
_WIRE_DATE = re.compile(r"\d{4}-\d\d-\d\d(?!\d)")


@dataclass
class Mention:
    """A mention being repaired; becomes an Entity at the end."""

    para: Paragraph
    i: int  # first token (paragraph-local index)
    j: int  # one past the last token
    label: str
    kind: str
    text: str = ""
    start: int = 0
    end: int = 0
    fixed: bool = False  # kind set by a rule the model's label must not overrule
    strong: bool = False  # kind set by a rule on this mention's own context: counts more in the vote
    described: bool = False  # an apposition says what it is ("X, the record label,"): no gazetteer overrules it
    canonical: str = ""
    role: str | None = None

    def locate(self) -> None:
        doc = self.para.doc
        self.start = self.para.start + doc[self.i].idx
        last = doc[self.j - 1]
        self.end = self.para.start + last.idx + len(last.text)
        self.text = doc[self.i : self.j].text  # Doc.text would rebuild the whole paragraph each time
        # "al-Assad,[1", "University.[1][2", "Haddad(Arabic": a note mark or bracket the tokenizer left
        # glued to the last word is not part of the name.
        cut = _GLUED_MARK.search(last.text)
        if cut is not None and cut.start() > 0:
            drop = len(last.text) - cut.start()
            self.end -= drop
            self.text = self.text[:-drop]

    def set_kind(self, kind: str) -> None:
        self.fixed = self.strong = True
        if kind != self.kind:
            self.kind = kind
            self.label = LABEL_OF_KIND.get(kind, self.label)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.replace("’", "'").split())

    @property
    def root(self) -> Token:
        doc = self.para.doc
        for k in range(self.i, self.j):
            head = doc[k].head.i
            if head < self.i or head >= self.j or head == k:
                return doc[k]
        return doc[self.j - 1]


def covered_tokens(mentions: list[Mention]) -> defaultdict[int, set[int]]:
    """The token indices each paragraph's mentions already cover, by id() of the paragraph."""
    covered: defaultdict[int, set[int]] = defaultdict(set)
    for m in mentions:
        covered[id(m.para)].update(range(m.i, m.j))
    return covered


def bare_word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def wire_date_at(doc: Doc, k: int) -> bool:
    """ "OSLO 2024-05-04": a wire dateline's date starts at doc[k] (the tokenizer may split it)."""
    if k >= len(doc) or not doc[k].text[:4].isdigit():
        return False
    return _WIRE_DATE.match(doc[k : k + 5].text) is not None  # Doc.text would join the whole paragraph
