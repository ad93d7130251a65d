"""Quote variants: versions of one statement grouped, other statements kept apart, differing words marked.

The examples (tests/fixtures/quote_variants.json) were written for these tests; see variants.py for the
figures of the other methods tried on them.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from desktop.store.people import same_person
from desktop.store.variants import differing_spans, group_variants, is_variant, words_of

from .test_people import add_article

EXAMPLES = json.loads((Path(__file__).parents[1] / "fixtures" / "quote_variants.json").read_text(encoding="utf-8"))


def example_quotes() -> list[tuple[str, str, int]]:
    items = [(q, g["speaker"], n) for n, g in enumerate(EXAMPLES["groups"]) for q in g["quotes"]]
    return items + [(d["quote"], d["speaker"], 1000 + n) for n, d in enumerate(EXAMPLES["distractors"])]


def test_versions_of_one_statement_are_grouped_and_no_other_quote_joins_them():
    items = example_quotes()
    groups = group_variants([(text, speaker) for text, speaker, _truth in items], same_person)
    wrong = [(a[0], b[0]) for (a, ga), (b, gb) in itertools.combinations(zip(items, groups, strict=True), 2) if a[2] != b[2] and ga == gb]
    split = [(a[0], b[0]) for (a, ga), (b, gb) in itertools.combinations(zip(items, groups, strict=True), 2) if a[2] == b[2] and ga != gb]
    assert wrong == [] and split == []
    assert len(set(groups)) == len(EXAMPLES["groups"]) + len(EXAMPLES["distractors"])


def test_short_quotes_need_the_same_words_in_a_row_and_a_compatible_speaker():
    ready = words_of("“we are ready”")
    assert not is_variant(ready, words_of("“we are ready”"))  # fewer than four words: never grouped
    step = words_of("“This is a first step,”")
    assert not is_variant(step, words_of("“This agreement is a first step, not the last one,”"))
    assert is_variant(words_of("“was stopped because two volunteers fell ill”"), words_of("“The trial was stopped because two volunteers fell ill, not because the results were poor,”"))
    assert not is_variant(words_of("“sum total of our readiness”"), words_of("“sum total of our readiness”"), same_speaker=False)


def test_the_differing_words_of_another_version_are_marked():
    this = words_of("“We will not reopen the northern bridge until every pillar has been inspected,”")
    text = "“we won't reopen the northern bridge until every single pillar has been checked”"
    marked = [text[a:b] for a, b in differing_spans(this, words_of(text))]
    assert marked == ["won't", "single", "checked"]


def test_the_other_versions_of_a_quote_come_from_the_library(library, tmp_path):
    said = "We will not reopen the northern bridge until every pillar has been inspected by independent engineers"
    _a, _doc, (start, end) = add_article(library, tmp_path, "first", "Maria Lindqvist", said, "2024-05-01")
    add_article(library, tmp_path, "second", "Lindqvist", "we won't reopen the northern bridge until every pillar has been checked", "2024-05-03")
    add_article(library, tmp_path, "third", "Ann Lee", "We will not raise the bridge tolls until the report has been published", "2024-05-04")
    first = library.catalogue()[0].id
    [variant] = library.variants_of(first, start, end)
    assert variant.statement.source == "second.example" and variant.statement.speaker == "Lindqvist"
    text = variant.statement.text
    assert [text[a:b] for a, b in variant.marks] == ["won't", "checked"]
    assert 0.75 <= variant.shared <= 1.0
