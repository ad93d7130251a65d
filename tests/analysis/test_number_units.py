"""Units of measure on the real pipeline: quantulum3's units, several words long, glued, hyphenated.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from desktop.analysis.lexicon import table
from desktop.analysis.nlp import parse
from desktop.analysis.numbers import extract_numbers


@pytest.fixture(scope="module")
def units_in(nlp):
    def find(text: str) -> list[tuple[str, float | None, str | None, str]]:
        return [(n.text, n.value, n.unit, n.kind) for n in extract_numbers(parse(text, nlp), [])]

    return find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The reserve covers 420 square miles of marsh.", ("420", 420, "square miles", "quantity")),
        ("Each flat has 650 sq ft of floor.", ("650", 650, "sq ft", "quantity")),
        ("The clinic rents 1250 sq m downtown.", ("1250", 1250, "sq m", "quantity")),
        ("Water boils at 100 degrees Celsius at sea level.", ("100", 100, "degrees Celsius", "quantity")),
        ("The wreck lies 40 nautical miles offshore.", ("40", 40, "nautical miles", "quantity")),
    ],
)
def test_units_of_several_words(units_in, text, expected):
    assert expected in units_in(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new plant makes 450 MW at full power.", ("450", 450, "MW", "quantity")),
        ("A 310-hp engine sits under the hood.", ("310", 310, "hp", "quantity")),
        ("The sensor's pixels are 12 μm wide.", ("12", 12, "μm", "quantity")),
        ("Pour in 330ml of stock.", ("330ml", 330, "ml", "quantity")),
        ("The panel gives 7W in full sun.", ("7W", 7, "W", "quantity")),
        ("Her board is 31.5″ long.", ("31.5″", 31.5, "″", "quantity")),
    ],
)
def test_symbols_spaced_glued_and_hyphenated(units_in, text, expected):
    assert expected in units_in(text)


def test_a_range_with_a_glued_unit(nlp):
    [number] = extract_numbers(parse("Use a 20-40W bulb there.", nlp), [])
    assert (number.kind, number.low, number.high, number.unit) == ("range", 20, 40, "W")


@pytest.mark.parametrize(
    "text",
    ["The vote is at 7pm tonight.", "The film was shot in 3D.", "Take exit 12A toward the city."],
)
def test_letters_and_clock_words_glued_to_digits_are_no_units(units_in, text):
    assert all(kind != "quantity" for _, _, _, kind in units_in(text))


def test_the_unit_list_comes_from_quantulum3_with_news_words_beside_it():
    units = table("measure_units")
    assert units["km"] == "length" and units["kilometres"] == "length" and units["MW"] == "power"
    assert "bar" not in units and "drop" not in units  # everyday words left out
    assert table("measure_units_news")["miles"] == "length"


# --- what is counted, narrowed ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Seven European countries signed the pact.", "Seven", "European countries"),
        ("The firm sold 2.4 million headsets last year.", "2.4 million", "headsets"),
        ("He owns 12 classic cars.", "12", "classic cars"),
        ("As many as 9 first-team players are injured.", "As many as 9", "first-team players"),
        ("The lab found 40 cases of cholera.", "40", "cases of cholera"),
        ("About 3,000 combat troops will stay.", "About 3,000", "combat troops"),
        ("She read a 40 page report.", "40", "page"),  # a report of 40 pages
        ("They added 100 more seats.", "100", "seats"),  # "more" does not narrow
        ("Roughly 300 737 Max jets stayed grounded.", "Roughly 300", "jets"),  # a model name is no narrowing
    ],
)
def test_the_unit_keeps_the_words_that_narrow_it(nlp, text, span, unit):
    [number] = [n for n in extract_numbers(parse(text, nlp), []) if n.text == span]
    assert number.unit == unit


# --- rates and compound units ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("The plant pays $18 an hour.", "$18", "$ an hour"),
        ("Diesel cost 1.50 euros per litre.", "1.50 euros", "euros per litre"),
        ("Inflation ran at 3% a year.", "3%", "% a year"),
        ("Rents grew five percent a year.", "five percent", "percent a year"),
        ("Output fell to 9,000 barrels a day.", "9,000", "barrels a day"),
        ("Income was $40,000 per capita.", "$40,000", "$ per capita"),
        ("The plane flew at 900 km/h.", "900", "km/h"),
        ("The engine makes 400 lb-ft of torque.", "400", "lb-ft"),
        ("The gas left at 300 metres per second.", "300", "metres per second"),
        ("Staff work 35 hours a week.", "35", "hours a week"),
    ],
)
def test_a_rate_or_compound_unit_reads_whole(nlp, text, span, unit):
    [number] = [n for n in extract_numbers(parse(text, nlp), []) if n.text == span]
    assert number.unit == unit


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Prices rose 5% a month ago.", "5%", "%"),  # a time, not a rate
        ("The team scored 25 points a game.", "25", "points"),  # a tally per game is no unit of measure
    ],
)
def test_no_rate_where_the_words_after_are_no_rate(nlp, text, span, unit):
    [number] = [n for n in extract_numbers(parse(text, nlp), []) if n.text == span]
    assert number.unit == unit


# --- ages and numbers that are names -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Maria Lopez, 44, runs the bakery.", "44"),
        ("The winner, Tom Hale, 63, thanked the crowd.", "63"),
        ("Players aged 17 may join.", "17"),
        ("The law covers people over the age of 65.", "65"),
    ],
)
def test_an_age_is_a_number_of_years(nlp, text, span):
    [number] = [n for n in extract_numbers(parse(text, nlp), []) if n.text == span]
    assert (number.value, number.unit, number.kind) == (float(span), "years", "quantity")


@pytest.mark.parametrize(
    "text",
    ["Neighbours called 911 at once.", "Dial 999 if you see smoke.", "The Model 3 sold well.",
     "Article 5 binds every member."],
)
def test_a_number_that_is_a_name_or_a_phone_number_is_not_reported(units_in, text):
    assert units_in(text) == []


def test_a_call_to_people_is_still_counted(units_in):
    assert ("30", 30, "friends", "count") in units_in("She called 30 friends.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bus did 60 m.p.h. on the bridge.", ("60", 60, "mph", "quantity")),
        ("The 1840 sq m hall was sold.", ("1840", 1840, "sq m", "quantity")),  # no year before a unit
        ("The Air 13 inch model is thin.", ("13", 13, "inch", "quantity")),  # a size, not a model number
        ("Add 2 US fluid ounces of syrup.", ("2", 2, "ounces", "quantity")),  # a unit is not narrowed
        ("They run a 90,000 barrel-a-day plant.", ("90,000", 90000, "barrel-a-day", "quantity")),
    ],
)
def test_units_in_abbreviations_names_and_compounds(units_in, text, expected):
    assert expected in units_in(text)


@pytest.mark.parametrize("text", ["The shop at 221 Baker St. closed.", "Police searched 49 Zebra Farm Road, Leeds."])
def test_a_house_number_is_an_address(units_in, text):
    assert units_in(text) == []


def test_a_street_name_that_narrows_what_is_counted_leaves_the_count(units_in):
    assert ("Some 40", 40, "Main Street shops", "count") in units_in("Some 40 Main Street shops shut.")
