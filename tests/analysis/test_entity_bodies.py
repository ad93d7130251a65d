"""Government and defence bodies named by description, places without a tagged name, and the name's
own span (sentences written for the tests)."""

from __future__ import annotations

import pytest


def named(analysis, kind: str) -> list[str]:
    return [e.text for e in analysis.entities if e.kind == kind]


def kinds_of(analysis, text: str) -> set[str]:
    return {e.kind for e in analysis.entities if e.text == text}


def test_a_nationality_before_a_state_body_is_that_body(analyze):
    analysis = analyze(
        "The Bolivian government said on Monday that Peruvian security forces had crossed the border."
    )
    assert "The Bolivian government" in named(analysis, "organization")
    assert "Peruvian security forces" in named(analysis, "organization")


def test_a_nationality_before_other_nouns_stays_a_nationality(analyze):
    analysis = analyze("Bolivian voters chose a new president, and Peruvian wine sold well abroad.")
    assert named(analysis, "organization") == []
    assert kinds_of(analysis, "Bolivian") == {"group"}


def test_a_description_joined_by_and_keeps_only_the_body(analyze):
    analysis = analyze("Fighting was heavy and Peruvian forces held the pass.")
    assert named(analysis, "organization") == ["Peruvian forces"]


def test_an_organisation_noun_with_a_capital_names_a_body(analyze):
    analysis = analyze(
        "The talks were hosted by the Alliance, and Alliance partners sent observers. "
        "Officials said the Alliance would meet again."
    )
    assert named(analysis, "organization") == ["the Alliance", "Alliance partners", "the Alliance"]


def test_an_organisation_noun_opening_a_longer_name_is_left_to_the_name(analyze):
    analysis = analyze("Talks resumed with the Army of the Andes on Monday, and the Alliance for Progress met in Lima.")
    assert "the Army" not in named(analysis, "organization")
    assert "Alliance for Progress" in named(analysis, "organization")


def test_a_groups_fighters_and_units_are_the_group(analyze):
    analysis = analyze(
        "PKDF fighters seized the bridge on Monday, and an PKDF tactical unit held the hill. "
        "The PKDF said it would hold the town."
    )
    assert named(analysis, "organization") == ["PKDF fighters", "an PKDF tactical unit", "PKDF"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Officials of the Bolivian Army and the Peruvian Navy met on Monday.", "Bolivian Army"),
        ("The Interior Ministry said the Bolivian Army would patrol the border.", "Interior Ministry"),
    ],
)
def test_a_body_the_model_names_keeps_its_name(analyze, sentence, name):
    assert kinds_of(analyze(sentence), name) == {"organization"}


def test_coordinates_are_a_place(analyze):
    analysis = analyze("The village lies in the hills. Coordinates: 12°03′S 77°02′W / 12.05°S 77.04°W")
    assert named(analysis, "place") == ["12°03′S 77°02′W", "12.05°S 77.04°W"]


def test_a_place_held_by_a_group_is_a_place(analyze):
    analysis = analyze("Strikes destroyed an PKDF-held building and two PKDF-held tanks. The PKDF said it would rebuild.")
    assert named(analysis, "place") == ["an PKDF-held building"]


def test_a_name_after_in_is_a_place_unless_it_is_a_persons(analyze):
    # The model reads "Al Hazim" as a person's name.
    assert kinds_of(analyze("Fighters regrouped throughout Al Hazim after the raid."), "Al Hazim") == {"place"}
    assert kinds_of(analyze("Anna Berg spoke first. The crowd believed in Berg."), "Berg") == {"person"}


def test_lowercase_words_after_a_name_are_not_part_of_it(analyze):
    # The model runs "news agency" into the name.
    analysis = analyze("Interfax news agency said on Monday that talks had stalled. Shares fell, Norpress news agency said.")
    assert named(analysis, "organization") == ["Interfax", "Norpress"]


def test_a_word_after_a_model_number_is_not_a_person(analyze):
    # The model calls "Howard" a person in both places; after a model number it names the product.
    analysis = analyze("Tesla sold its popular 3 Howard cars, and the embattled 3 Howard returned to showrooms.")
    assert "Howard" not in named(analysis, "person")


def test_a_person_after_a_number_that_is_no_model_stays_a_person(analyze):
    analysis = analyze("In 2019 Howard Lyle joined the firm, and in 2021 Lyle left it.")
    assert "Howard Lyle" in named(analysis, "person")


def test_an_apposition_the_parse_misses_says_what_a_name_is(analyze):
    # The parse hangs "a group" and "a firm" elsewhere; the model calls Vantor a person, Halden a place.
    analysis = analyze("The race is organised by the Cycling Board and Vantor, a group set up by a former rider.")
    assert kinds_of(analysis, "Vantor") == {"organization"}
    assert kinds_of(analyze("Sponsorship came from Halden, a firm owned by two brothers."), "Halden") == {"organization"}


def test_a_name_split_at_and_is_one_name_when_the_text_writes_its_acronym(analyze):
    # The model tags "the Popular Front of Kestria" and, apart, "Valleys".
    joined = analyze(
        "The campaign against the Popular Front of Kestria and the Valleys continued. "
        "The PFKV said on Monday it had lost ground."
    )
    assert "Popular Front of Kestria and the Valleys" in named(joined, "organization")
    apart = analyze("The Bank of Kestria and the Treasury met on Monday.")
    assert named(apart, "organization") == ["Bank of Kestria", "Treasury"]


def test_a_spaced_dash_or_a_bracket_stands_between_two_names(analyze):
    # The model reads "Norway - Anders Lund" as one organisation's name.
    analysis = analyze("Scorers: Norway - Anders Lund (12th), Sweden - Per Holm (80th)")
    assert kinds_of(analysis, "Norway") == {"place"}
    assert not [e for e in analysis.entities if " - " in e.text]


def test_in_a_headline_the_section_word_is_no_name_and_a_listed_place_is_a_place(analyze):
    # The model tags "SOCCER - MEXICO HOLD PERU", "CRICKET" and "PUT ITALY IN TO SERVE" as organisations.
    soccer = analyze("SOCCER - MEXICO HOLD PERU TO 1-1 DRAW .\nOSLO 2024-05-04\nThe match was played on Saturday.")
    assert kinds_of(soccer, "MEXICO") == {"place"}
    assert not [e for e in soccer.entities if "SOCCER" in e.text]
    cricket = analyze("CRICKET - NORWAY BEAT SWEDEN BY FOUR WICKETS .\nOSLO 2024-05-04\nThe match was played on Saturday.")
    assert not [e for e in cricket.entities if e.text == "CRICKET"]
    tennis = analyze("TENNIS - SPAIN WIN TOSS , PUT ITALY IN TO SERVE .\nOSLO 2024-05-04\nThe match was played on Saturday.")
    assert kinds_of(tennis, "ITALY") == {"place"}
