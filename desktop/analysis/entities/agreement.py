"""One kind per name: names listed together share a kind, and every mention of a name takes the kind
most of its mentions have."""

from __future__ import annotations

from collections import Counter, defaultdict

from desktop.analysis.entities.gazetteers import is_known_place
from desktop.analysis.entities.mentions import Mention
from desktop.analysis.records import LABEL_OF_KIND, NAME_KINDS


def agree_with_conjuncts(mentions: list[Mention]) -> None:
    """ "Marvel Entertainment, Lucasfilm and BamTech": a one-word name listed with two or more names
    of one kind, and none of its own, takes their kind (the model called Lucasfilm a place)."""
    by_root = {(id(m.para), m.root.i): m for m in mentions}
    for m in mentions:
        if m.fixed or m.j - m.i != 1 or m.kind not in NAME_KINDS or is_known_place(m.text):
            continue
        root = m.root
        first = root.head if root.dep_ == "conj" else root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        members = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i != t.i)]
        kinds = Counter(
            other.kind
            for t in members
            if t.i != root.i and (other := by_root.get((id(m.para), t.i))) is not None
        )
        if sum(kinds.values()) >= 2 and len(kinds) == 1 and m.kind not in kinds:
            m.kind = next(iter(kinds))
            m.label = LABEL_OF_KIND[m.kind]


def vote_kinds(mentions: list[Mention]) -> None:
    """All mentions of one name take the kind most of them have; kinds set by a rule on the mention's
    own context count three times, and such a mention keeps its kind ("In Leeds, …" stays a place in
    a story where Leeds also plays); a tie goes to the kind of the name's first mention."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind in NAME_KINDS:
            key = _vote_key(m)
            votes[key][m.kind] += 3 if m.strong else 1
            first.setdefault(key, m.kind)
    for m in mentions:
        if m.kind in NAME_KINDS and not m.strong:
            key = _vote_key(m)
            counts = votes[key]
            kind = max(counts, key=lambda k: (counts[k], k == first[key]))
            if kind != m.kind:
                m.kind = kind
                m.label = LABEL_OF_KIND[kind]


def _vote_key(m: Mention) -> str:
    return (m.canonical or m.text).replace("’", "'")
