"""The stored word count of a document, counted a piece at a time, is what str.split counts."""

from __future__ import annotations

import pytest

from desktop.store.indexing import word_count

TEXTS = [
    "",
    "   ",
    "one",
    "two words",
    "  leading and trailing  ",
    "lines\nand\n\nparagraphs\tand tabs",
    "a\u00a0non-breaking space and an em\u2003space",
    "Words " * 50 + "\n\n" + "more words here " * 30,
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("piece", [1, 3, 7, 64, 65536])
def test_counted_in_pieces_as_split_counts(text, piece):
    assert word_count(text, piece) == len(text.split())


def test_a_long_article():
    text = ("The committee met on Tuesday, and 3,000 people came.\n\n" * 4000).strip()
    assert word_count(text, 1000) == len(text.split()) == 36000
