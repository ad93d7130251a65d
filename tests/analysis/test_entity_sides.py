"""Sports sides named after places, and the places they stay elsewhere (sentences written for the tests)."""

from __future__ import annotations

import pytest


def kinds_of(analysis, text: str) -> set[str]:
    return {e.kind for e in analysis.entities if e.text == text}


def test_sides_in_a_line_of_results_are_organisations(analyze):
    analysis = analyze("Results on Saturday:\nLeeds 3 Bristol 1\nSheffield 0 Hull 0")
    for side in ("Leeds", "Bristol", "Sheffield", "Hull"):
        assert kinds_of(analysis, side) == {"organization"}, side
    assert not [e for e in analysis.entities if any(ch.isdigit() for ch in e.text) and e.kind == "organization"]


def test_sides_in_a_standings_table_are_organisations(analyze):
    analysis = analyze("Standings after Saturday's games:\nLeeds 5 4 1 0 11 3 13\nBristol 5 2 2 1 7 6 8")
    assert kinds_of(analysis, "Leeds") == {"organization"}
    assert kinds_of(analysis, "Bristol") == {"organization"}


def test_a_golfers_scores_keep_him_a_person(analyze):
    analysis = analyze("Leading scores after the third round:\nTom Varley 70 71 69\nMark Deane 72 70 70")
    assert kinds_of(analysis, "Tom Varley") == {"person"}
    assert kinds_of(analysis, "Mark Deane") == {"person"}


def test_a_table_of_rates_is_not_a_table_of_sides(analyze):
    analysis = analyze("Gold fixes on Friday:\nTokyo 105.45 105.60\nLondon 387.10 388.20")
    assert "organization" not in kinds_of(analysis, "Tokyo") | kinds_of(analysis, "London")


def test_a_place_that_plays_is_a_side_and_stays_a_place_where_it_does_not(analyze):
    played = analyze("Oxford beat Cambridge by five wickets at Canterbury on Tuesday.")
    assert kinds_of(played, "Oxford") == {"organization"}
    assert kinds_of(played, "Cambridge") == {"organization"}
    assert kinds_of(played, "Canterbury") == {"place"}
    flooded = analyze("Floods hit Oxford and Cambridge on Monday, and roads into Leeds were closed.")
    assert "organization" not in kinds_of(flooded, "Oxford") | kinds_of(flooded, "Cambridge")
    assert kinds_of(flooded, "Leeds") == {"place"}


def test_a_match_score_is_not_part_of_the_side(analyze):
    analysis = analyze("Leeds beat Bristol 3-1 on Saturday, and Sheffield drew with Hull.")
    assert kinds_of(analysis, "Bristol") == {"organization"}
    assert kinds_of(analysis, "Sheffield") == {"organization"}


def test_a_nations_side_stays_its_country(analyze):
    analysis = analyze("France beat Japan 2-0 in Paris on Friday.\nResults:\nSpain 1 Italy 1")
    for nation in ("France", "Japan", "Spain", "Italy"):
        assert kinds_of(analysis, nation) == {"place"}, nation


def test_a_place_before_a_players_position_is_his_side(analyze):
    analysis = analyze("Leeds captain Tom Walsh scored twice, and Bristol striker Dan Reyes missed a penalty.")
    assert kinds_of(analysis, "Leeds") == {"organization"}
    assert kinds_of(analysis, "Bristol") == {"organization"}
    assert kinds_of(analysis, "Tom Walsh") == {"person"}
    office = analyze("The Leeds mayor John Dunn opened the school on Monday.")
    assert kinds_of(office, "Leeds") == {"place"}


def test_in_a_fixture_list_the_host_is_where(analyze):
    analysis = analyze("Fixtures on Sunday:\nLeeds at Bristol\nSheffield at Hull")
    assert kinds_of(analysis, "Leeds") == {"organization"}
    assert kinds_of(analysis, "Sheffield") == {"organization"}
    assert "organization" not in kinds_of(analysis, "Bristol") | kinds_of(analysis, "Hull")


def test_in_a_story_about_a_side_its_city_after_in_stays_a_place(analyze):
    analysis = analyze("LEEDS 2024-05-04\nLeeds beat Bristol 2-0 on Saturday. In Leeds, fans celebrated until dawn.")
    leeds = [e for e in analysis.entities if e.text in ("LEEDS", "Leeds")]
    assert leeds[0].kind == "place"  # the dateline
    assert leeds[-1].kind == "place"  # "In Leeds, …"
    assert kinds_of(analysis, "Bristol") == {"organization"}


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Juventus beat Napoli 2-1 at home, and the club said the win mattered.", "Juventus", "organization"),
        ("Liverpool beat Everton on Sunday, and Liverpool's manager praised the defence.", "Liverpool", "organization"),
        ("Roger Federer beat Andy Murray in four sets on Sunday.", "Roger Federer", "person"),
        ("Maria Lenz (Austria) beat Ana Ortiz (Spain) 6-4 6-2", "Maria Lenz", "person"),
        ("Police beat the protesters in Leeds on Monday.", "Leeds", "place"),
    ],
)
def test_a_correct_model_label_in_a_contest_is_kept(analyze, sentence, name, kind):
    assert kinds_of(analyze(sentence), name) == {kind}
