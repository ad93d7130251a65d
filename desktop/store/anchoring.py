"""Finding an annotation's passage again after the article's text has changed.

An annotation carries a W3C TextQuoteSelector (exact text plus 32 characters of context on each side)
and its old offsets. `reanchor` tries, in order:

1. the old offsets, if the text there is still the exact passage;
2. every exact occurrence of the passage, best context first, then nearest the old position (a short
   passage must keep a little of its context, or it would jump to another mention of the same words);
3. a fuzzy search: chunks of prefix+exact+suffix are looked up with str.find (fast, in C) and vote for
   where the whole selector now starts; difflib then aligns the selector with a window at the best
   vote, and the passage is accepted when most of it is still there.

When none of these holds, the passage is gone and the caller keeps the annotation as detached.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from typing import Protocol

from desktop.store.records import CONTEXT_CHARS

# Share of the passage's characters that must survive an edit for the annotation to follow it.
MIN_SURVIVING = 0.6
# A chunk found more often than this is too common ("the ") to say where the passage went.
_MAX_HITS_PER_CHUNK = 40
_MAX_EXACT_HITS = 5000
# Passages shorter than this must keep a few characters of their context to be found by exact match.
_DISTINCTIVE_LENGTH = 32
_MIN_CONTEXT = 4


class Selector(Protocol):
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def quote_selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of text[start:end], with CONTEXT_CHARS of context each side."""
    return text[start:end], text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def reanchor(annotation: Selector, new_text: str) -> tuple[int, int] | None:
    """Where the annotation's passage is in new_text, or None when it cannot be placed (detached)."""
    exact = annotation.exact
    if not exact:
        return None
    start, end = annotation.start, annotation.end
    if new_text[start:end] == exact:
        return start, end
    found = _best_exact(annotation, new_text)
    if found is not None:
        return found, found + len(exact)
    return _fuzzy(annotation, new_text)


def _context_score(annotation: Selector, text: str, at: int) -> int:
    """How many characters of prefix and suffix still sit next to the passage at `at`."""
    prefix, suffix = annotation.prefix, annotation.suffix
    before = text[max(0, at - len(prefix)) : at]
    after = text[at + len(annotation.exact) : at + len(annotation.exact) + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _best_exact(annotation: Selector, text: str) -> int | None:
    exact = annotation.exact
    hits: list[int] = []
    at = text.find(exact)
    while at != -1 and len(hits) < _MAX_EXACT_HITS:
        hits.append(at)
        at = text.find(exact, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: (-_context_score(annotation, text, h), abs(h - annotation.start)))
    # A short passage ("Ukraine") found among strangers is another mention, not the one annotated:
    # better detached and shown than silently moved to the wrong place.
    if len(exact) < _DISTINCTIVE_LENGTH and _context_score(annotation, text, best) < _MIN_CONTEXT:
        return None
    return best


def _chunks(pattern: str) -> list[tuple[int, str]]:
    size = max(4, min(12, len(pattern) // 8))
    return [(i, pattern[i : i + size]) for i in range(0, len(pattern) - size + 1, size)]


def _fuzzy(annotation: Selector, text: str) -> tuple[int, int] | None:
    prefix, exact, suffix = annotation.prefix, annotation.exact, annotation.suffix
    pattern = prefix + exact + suffix
    votes: Counter[int] = Counter()
    bucket = max(8, len(pattern) // 4)
    for offset, chunk in _chunks(pattern):
        hits = []
        at = text.find(chunk)
        while at != -1 and len(hits) <= _MAX_HITS_PER_CHUNK:
            hits.append(at)
            at = text.find(chunk, at + 1)
        if len(hits) > _MAX_HITS_PER_CHUNK:
            continue
        for hit in hits:
            votes[(hit - offset) // bucket] += 1
    if not votes:
        return None
    old_pattern_start = annotation.start - len(prefix)
    best_bucket = max(
        votes,
        key=lambda b: (
            votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0),
            -abs(b * bucket - old_pattern_start),
        ),
    )
    slack = len(pattern) // 2 + CONTEXT_CHARS
    window_start = max(0, best_bucket * bucket - slack)
    window = text[window_start : best_bucket * bucket + len(pattern) + slack]
    return _align(window, window_start, prefix, exact, suffix, text)


def _align(
    window: str, window_start: int, prefix: str, exact: str, suffix: str, text: str
) -> tuple[int, int] | None:
    pattern = prefix + exact + suffix
    lo, hi = len(prefix), len(prefix) + len(exact)
    matcher = SequenceMatcher(None, window, pattern, autojunk=False)
    first = last = None
    surviving = 0
    for a, b, size in matcher.get_matching_blocks():
        # The part of this block that falls inside the passage.
        b0, b1 = max(b, lo), min(b + size, hi)
        if b0 >= b1:
            continue
        surviving += b1 - b0
        if first is None:
            first = a + (b0 - b)
        last = a + (b1 - b)
    if first is None or last is None or surviving < MIN_SURVIVING * len(exact):
        return None
    start, end = window_start + first, window_start + last
    candidate = text[start:end]
    if SequenceMatcher(None, candidate, exact, autojunk=False).ratio() < MIN_SURVIVING:
        return None
    return start, end
