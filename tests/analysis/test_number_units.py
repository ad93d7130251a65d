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
        ("The storm moved at 40 nautical miles a day.", ("40", 40, "nautical miles", "quantity")),
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
