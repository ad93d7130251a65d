"""Telling an edit of the same article from a different article saved under the same file name.

When a file the library knows comes back with other text, either the article was edited (a correction,
an update, a paragraph added: its notes should follow it) or the file now holds another article (the
old one must keep its notes untouched). The measure is the share of the shorter text's word trigrams
(lower-cased words, three in a row) that the other text also has: an edit keeps most of them, while two
different articles, even on the same story, share a few set phrases at most.

Measured on the six fixture articles (tests/store/test_revisions.py): edits share 1.0 (a sentence
changed, a paragraph added or removed, paragraphs reordered, half the text cut) or 0.5–0.7 (every second
paragraph replaced by another article's); any two different articles share under 0.01, and one that
takes over a whole paragraph of the other stays under 0.25. Changing every fifth word throughout gives
0.44: such a rewrite counts as a different article.
So 0.5 is the line. A mistake errs on the safe side: a heavy rewrite counted as a different article
becomes a new document, and its notes stay with the earlier version, where the reader still finds them.
"""

from __future__ import annotations

import re

SAME_ARTICLE = 0.5
# A short text (a paragraph or two) has too few trigrams for the share to mean much: there, the
# character-level similarity (rapidfuzz's Indel, i.e. difflib's ratio) decides. Different paragraphs of
# the fixture articles are at most 0.48 alike; a short note whose first sentence was rewritten, 0.75.
SHORT_WORDS = 100
SAME_SHORT_TEXT = 0.6
_WORD = re.compile(r"\w+")


def shared_text(old: str, new: str) -> float:
    """Share (0..1) of the shorter text's word trigrams found in the other text."""
    ta, tb = _trigrams(_words(old)), _trigrams(_words(new))
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if not small:
        return float(old.split() == new.split())
    return len(small & large) / len(small)


def is_same_article(old: str, new: str) -> bool:
    if shared_text(old, new) >= SAME_ARTICLE:
        return True
    if min(len(old.split()), len(new.split())) < SHORT_WORDS:
        from rapidfuzz.distance import Indel

        return Indel.normalized_similarity(old, new) >= SAME_SHORT_TEXT
    return False


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return set(zip(words, words[1:], words[2:], strict=False))
