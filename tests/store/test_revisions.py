"""An edit of the same article is told from a different article (revisions.py), on the fixture articles."""

from __future__ import annotations

import itertools

import pytest

from desktop.store.revisions import SAME_ARTICLE, is_same_article, shared_text

from .conftest import ARTICLES

TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}


def edits(text: str) -> dict[str, str]:
    paragraphs = text.split("\n\n")
    other = TEXTS["twincities-wild-sabres"].split("\n\n")
    return {
        "a sentence changed": text.replace(".", ", officials said.", 1),
        "a paragraph added": text + "\n\nThis story was updated on Tuesday with new figures.",
        "the last paragraph removed": "\n\n".join(paragraphs[:-1]),
        "paragraphs reordered": "\n\n".join(paragraphs[1:] + paragraphs[:1]),
        "half of it cut": text[: len(text) // 2],
        "every second paragraph replaced": "\n\n".join(
            p if i % 2 == 0 else other[i % len(other)] for i, p in enumerate(paragraphs)
        ),
    }


@pytest.mark.parametrize("name", [n for n in TEXTS if n != "twincities-wild-sabres"])
def test_edits_of_an_article_are_the_same_article(name):
    text = TEXTS[name]
    for kind, edited in edits(text).items():
        assert is_same_article(text, edited), f"{kind}: {shared_text(text, edited):.2f}"


def test_different_articles_are_not_the_same_article():
    for a, b in itertools.combinations(TEXTS.values(), 2):
        assert shared_text(a, b) < 0.01


def test_an_article_that_takes_over_a_paragraph_of_another_is_still_another():
    first, second = TEXTS["rferl-johnson-putin"], TEXTS["aljazeera-nasa-moon-landers"]
    paragraph = max(first.split("\n\n"), key=len)
    for borrowed in (second + "\n\n" + paragraph, paragraph + "\n\n" + second[: len(second) // 3]):
        assert shared_text(first, borrowed) < 0.25 < SAME_ARTICLE


def test_short_texts_are_compared_word_by_word():
    assert is_same_article("The bridge opens in May.", "The bridge opens in May, the council said.")
    assert not is_same_article("The bridge opens in May.", "Rain is expected all week in the north.")
