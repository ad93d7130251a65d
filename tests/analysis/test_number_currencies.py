"""Currencies on the real pipeline: signs, codes and names from CLDR, news words, crowns and glued prefixes.

Sentences written for these tests; each class of case has a few of its own.
"""

from __future__ import annotations

import pytest

from desktop.analysis.lexicon import table, words
from desktop.analysis.nlp import parse
from desktop.analysis.numbers import extract_numbers


@pytest.fixture(scope="module")
def money_in(nlp):
    def find(text: str) -> list[tuple[str, float | None, str | None, str]]:
        return [(n.text, n.value, n.currency, n.kind) for n in extract_numbers(parse(text, nlp), [])]

    return find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country word before the name picks whose currency it is (CLDR's names)
        ("The fund sold 40 million Swedish crowns of bonds.", ("40 million Swedish crowns", 4e7, "SEK", "money")),
        ("Prague set aside 3 billion Czech crowns.", ("3 billion Czech crowns", 3e9, "CZK", "money")),
        ("The lender holds 900 million Danish crowns.", ("900 million Danish crowns", 9e8, "DKK", "money")),
        ("The loan is 12 million Kuwaiti dinars.", ("12 million Kuwaiti dinars", 1.2e7, "KWD", "money")),
        ("She paid 80 Swiss francs for the book.", ("80 Swiss francs", 80, "CHF", "money")),
        # a name of one currency only, and the usual meaning of a shared one
        ("The old flat cost 5,000 kuna.", ("5,000 kuna", 5000, "HRK", "money")),
        ("A meal is 300 rupees there.", ("300 rupees", 300, "INR", "money")),
        ("The chip costs 2.5 billion won.", ("2.5 billion won", 2.5e9, "KRW", "money")),
        ("They raised 70 million ringgit.", ("70 million ringgit", 7e7, "MYR", "money")),
        # codes and signs after the number
        ("Tickets cost 45 AUD each.", ("45 AUD", 45, "AUD", "money")),
        ("The ferry is 10 zł one way.", ("10 zł", 10, "PLN", "money")),
    ],
)
def test_currency_names_and_codes_after_the_amount(money_in, text, expected):
    assert expected in money_in(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares closed at RM4.15 on Friday.", ("RM4.15", 4.15, "MYR", "money")),
        ("The plan costs INR2 trillion over five years.", ("INR2 trillion", 2e12, "INR", "money")),
        ("The lodge was sold for $US4,500,000 last week.", ("$US4,500,000", 4.5e6, "USD", "money")),
        ("The farm was valued at $A12,300,000 in May.", ("$A12,300,000", 1.23e7, "AUD", "money")),
        ("A subscription is NZ$12 a month.", ("NZ$12", 12, "NZD", "money")),
    ],
)
def test_a_sign_or_code_glued_before_the_digits(money_in, text, expected):
    assert expected in money_in(text)


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("They paid 2,000 crowns for the horse.", "2,000", "crowns"),  # whose crowns the text does not say
        ("The boxer weighs 200 pounds.", "200", "pounds"),  # a weight
    ],
)
def test_a_name_of_many_currencies_or_a_weight_is_no_money(nlp, text, span, unit):
    [number] = [n for n in extract_numbers(parse(text, nlp), []) if n.text == span]
    assert (number.currency, number.unit, number.kind) == (None, unit, "quantity" if unit == "pounds" else "count")


@pytest.mark.parametrize(
    "text",
    ["The team won 3 games in a row.", "ALL 12 TEAMS WILL PLAY.", "The Model 3 sold well.", "He scored 20 TOP goals."],
)
def test_words_that_look_like_currencies_are_not(money_in, text):
    assert all(kind != "money" for _, _, _, kind in money_in(text))


def test_the_derived_lists_hold_cldr_names_and_codes():
    names = table("currency_names")
    assert names["danish kroner"] == "DKK" and names["ringgit"] == "MYR" and "dollar" not in names
    assert {"USD", "EUR", "HRK", "MYR"} <= words("currency_codes") and "ALL" not in words("currency_codes")
    assert table("currency_signs")["RM"] == "MYR" and table("currency_signs")["₹"] == "INR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares ended at 212.5p in London.", ("212.5p", 212.5, "GBP", "p")),
        ("A stamp costs 85 pence now.", ("85 pence", 85, "GBP", "pence")),
        ("Corn rose to 91.25 cents a bushel.", ("91.25 cents", 91.25, "USD", "cents a bushel")),
    ],
)
def test_an_amount_in_a_minor_unit_keeps_its_value_as_written(nlp, text, expected):
    found = [(n.text, n.value, n.currency, n.unit) for n in extract_numbers(parse(text, nlp), [])]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Airlines burn 9.4m tonnes of fuel.", ("9.4m", 9.4e6, None, "quantity")),
        ("It has sold 20m of its speakers.", ("20m", 2e7, None, "count")),
        ("The new sea wall is 4m high.", ("4", 4, None, "quantity")),  # metres before an adjective
    ],
)
def test_a_lowercase_m_before_what_it_counts_is_a_million(money_in, text, expected):
    assert expected in money_in(text)
