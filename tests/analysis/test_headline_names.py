"""Names in a Title Case headline cut back to the name the body writes, with sentences written for these tests."""

from __future__ import annotations

BODY = "\n\nIn a poll on Monday, Ines Okafor led Marcus Vale by four points. Vale said the poll was wrong in Norway.\n"


def headline_names(analysis, headline):
    return [(e.text, e.kind) for e in analysis.entities if e.end <= len(headline)]


def names_in(analyze, headline, body=BODY):
    return headline_names(analyze(headline + body), headline)


def test_a_name_run_on_into_the_headline_verb_is_cut_to_the_bodys_name(analyze):
    headline = "Marcus Vale Refuses to Back the Budget"
    assert ("Marcus Vale", "person") in names_in(analyze, headline)
    assert all(not e.canonical.endswith("Refuses") for e in analyze(headline + BODY).entities)


def test_two_names_run_together_become_two(analyze):
    names = names_in(analyze, "Poll: Ines Okafor Ties Marcus Vale With Late Surge")
    assert [text for text, _ in names] == ["Ines Okafor", "Marcus Vale"]


def test_a_longer_name_that_ends_in_a_body_name_is_kept(analyze):
    # The body names Norway, but the headline's name begins before it: it is not cut down to "Norway".
    names = names_in(analyze, "Central Bank of Norway Raises Rates Again")
    assert any(text.startswith("Central Bank of Norway") for text, _ in names) and ("Norway", "place") not in names


def test_a_name_the_body_never_writes_is_left_as_the_model_found_it(analyze):
    before = names_in(analyze, "Teodor Brandvik Wins Mayoral Race", "\n\nThe count ended late on Sunday.\n")
    assert [text for text, _ in before] and all("Brandvik" in text for text, _ in before)


def test_an_ordinary_sentence_is_no_headline(analyze):
    assert ("Marcus Vale", "person") in names_in(analyze, "Marcus Vale refuses to back the budget, aides said.")
