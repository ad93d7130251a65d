"""Quote variants: the same statement quoted in several articles with different words.

Two quotes are versions of one statement when, compared word by word (case, accents, punctuation and
quotation marks set aside), the words they share in order (the longest common subsequence, computed
by rapidfuzz's Indel distance in C++) make up most of the shorter one:
- a quote of SHORT_QUOTE words or more: at least MIN_SHARED_WORDS shared and CONTAINED of the shorter
  one's words; attributed to another speaker it must be nearly word for word (CONTAINED_OTHER_SPEAKER):
  a misattributed statement is just what a fact-checker hunts, a reworded one by someone else is not;
- a shorter quote: all of its words, in one run, inside the other, and the speakers compatible (the
  same person, or one of them unknown): "we are ready" said by two people is not one statement.
A quote of fewer than MIN_WORDS words is never grouped.

Measured on examples written for this while designing it (so they are not held out:
tests/fixtures/quote_variants.json, 24 quotes in 8 statements and 14 distractors that share set phrases
with them, 26 true pairs among 703; tests/store/test_variants.py): grouped, no statement split and no
false grouping; pair by pair, 2 pairs are not matched (two fragments of one long quote that share no
word, grouped through the whole quote). Word-trigram Jaccard >= 0.3 (what MinHash estimates) left 5
true pairs apart and grouped 6 wrong ones; rapidfuzz's token_set_ratio >= 80 grouped 8 wrong pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

MIN_WORDS = 4
SHORT_QUOTE = 8
MIN_SHARED_WORDS = 6
CONTAINED = 0.75
# Attributed to someone else, a version must be nearly word for word ("The budget for schools will
# double" is not what another speaker said about road repairs).
CONTAINED_OTHER_SPEAKER = 0.9
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Words:
    """A quote's words, normalised for comparing, with their spans in the quote's text."""

    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def words_of(text: str) -> Words:
    tokens, spans = [], []
    for m in _WORD.finditer(text):
        tokens.append(_fold(m.group()))
        spans.append(m.span())
    return Words(tuple(tokens), tuple(spans))


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in word if not unicodedata.combining(c))


def shared_words(a: Words, b: Words) -> int:
    """How many words the two quotes share in order (their longest common subsequence)."""
    if not a.tokens or not b.tokens:
        return 0
    return (len(a.tokens) + len(b.tokens) - Indel.distance(a.tokens, b.tokens)) // 2


def is_variant(a: Words, b: Words, same_speaker: bool = True) -> bool:
    """Whether two quotes are versions of one statement (see the module docstring)."""
    shorter, longer = sorted((a, b), key=lambda w: len(w.tokens))
    if len(shorter.tokens) < MIN_WORDS:
        return False
    if len(shorter.tokens) < SHORT_QUOTE:
        return same_speaker and _contains_run(longer.tokens, shorter.tokens)
    shared = shared_words(a, b)
    needed = CONTAINED if same_speaker else CONTAINED_OTHER_SPEAKER
    return shared >= MIN_SHARED_WORDS and shared >= needed * len(shorter.tokens)


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return any(tuple(haystack[i : i + n]) == tuple(needle) for i in range(len(haystack) - n + 1))


def differing_spans(this: Words, other: Words) -> tuple[tuple[int, int], ...]:
    """Spans, in the other quote's text, of the words that are not in this one (in the same order)."""
    spans = []
    for tag, _s1, _e1, s2, e2 in Indel.opcodes(this.tokens, other.tokens):
        if tag in ("insert", "replace"):
            spans.extend(other.spans[s2:e2])
    return tuple(sorted(spans))


def group_variants(quotes: Sequence[tuple[str, str | None]], same_person) -> list[int]:
    """A group number for each (text, speaker) quote: versions of one statement share theirs.

    same_person(a, b) says whether two speakers (either may be None) can be the same person.
    """
    words = [words_of(text) for text, _speaker in quotes]
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if find(i) == find(j):
                continue
            if is_variant(words[i], words[j], same_person(quotes[i][1], quotes[j][1])):
                parent[find(j)] = find(i)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(quotes))]
