"""What an amount claims, by class of case, on the real pipeline: amounts the model tags as names, fractions,
vague amounts, multipliers, containers, bounds carried into a conversion.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from desktop.analysis.nlp import parse
from desktop.analysis.numbers import extract_numbers


@pytest.fixture(scope="module")
def read(nlp):
    def find(text: str) -> list[tuple]:
        return [(n.text, n.value, n.unit, n.bound) for n in extract_numbers(parse(text, nlp), [])]

    return find


# --- an amount is no name, even where the model tags it as one -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The FTSE 100 slipped 0.4 per cent to 7,412.35 by the close.", ("7,412.35", 7412.35, None, "exact")),
        ("Shares in the brewer closed at 412p on Friday.", ("412p", 412, "p", "exact")),
        ("Markets at noon: Oslo +0.7% Helsinki -1.2% Riga +0.3%.", ("+0.3%", 0.3, "%", "exact")),
        ("The charity handed out 500ml bottles of water at the finish.", ("500ml", 500, "ml", "exact")),
        ("Brent crude settled at 83.41 after the inventory report.", ("83.41", 83.41, None, "exact")),
    ],
)
def test_an_amount_the_model_tags_as_a_name_is_an_amount(read, text, expected):
    assert expected in read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Boeing delivered its last 747 in January.",
        "The crew of Apollo 11 landed in the Sea of Tranquility.",
        "Lawmakers cited Article 5 of the treaty.",
    ],
)
def test_a_name_with_a_number_stays_a_name(read, text):
    assert read(text) == []


# --- shares of a whole ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A third of the respondents said they had skipped a meal.", ("A third", 1 / 3, "respondents", "exact")),
        ("Almost half of the branches will close by spring.", ("Almost half", 0.5, "branches", "about")),
        ("A fifth of the workforce is on leave.", ("A fifth", 0.2, "workforce", "exact")),
        ("Only one in five voters backed the measure.", ("one in five", 0.2, "voters", "exact")),
        ("Two out of three nurses reported unpaid overtime.", ("Two out of three", 2 / 3, "nurses", "exact")),
        ("Nearly 1 in 10 adults in the region has diabetes.", ("Nearly 1 in 10", 0.1, "adults", "about")),
        ("More than half of the nation's hospitals reported shortages.", ("More than half", 0.5, "hospitals", "at_least")),
    ],
)
def test_a_share_of_a_whole_is_one_amount(read, text, expected):
    found = read(text)
    assert [f for f in found if f[0] == expected[0]] == [pytest.approx(expected)]
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The recipe calls for 1/4 of a cup of honey.", ("1/4", 0.25, "cup", "exact")),
        ("Fit a 3/4-inch pipe to the outlet.", ("3/4", 0.75, "inch", "exact")),
        ("Stir in 1 1/2 cups of milk.", ("1 1/2", 1.5, "cups", "exact")),
        ("Add ½ teaspoon of salt and 1¾ cups of flour.", ("1¾", 1.75, "cups", "exact")),
        ("The lot covers 2 1/4 acres near the river.", ("2 1/4", 2.25, "acres", "exact")),
    ],
)
def test_fractions_in_digits(read, text, expected):
    assert pytest.approx(expected) in read(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal, a period, an owner's half, two amounts, a date, a name: no share
        ("She won a third term in office.", [("third", 3, None, "exact")]),
        ("The side played the second half of the match without its captain.", []),
        ("He kept his half of the bargain.", []),
        ("The striker scored 2 in 10 minutes.", [("2", 2, None, "exact"), ("10", 10, "minutes", "exact")]),
        ("The memo is dated 3/4 and the 9/11 memorial opens 24/7.", []),
    ],
)
def test_what_is_no_share(read, text, expected):
    assert read(text) == expected
