"""The one pronoun and alias resolver (desktop/analysis/references), shared by quotes and facts."""

from __future__ import annotations

from desktop.analysis.entities import extract_entities
from desktop.analysis.nlp import parse
from desktop.analysis.quotes import find_quote_spans
from desktop.analysis.references import bare_name, build_references, person_bare_name


def statement(analysis, fragment):
    found = [f for f in analysis.facts if f.kind == "statement" and fragment in f.text]
    assert len(found) == 1, (fragment, [f.text for f in analysis.facts])
    return found[0]


def test_quotes_and_facts_resolve_he_to_the_same_person(analyze):
    text = (
        "Maria Santos met Peter Obi in Lagos on Monday. Obi said the talks went well. "
        "“We agreed on a plan,” he said. He said the plan would start in May."
    )
    analysis = analyze(text)
    (quote,) = analysis.quotes
    assert (quote.speaker.text, quote.speaker.canonical) == ("he", "Peter Obi")
    assert statement(analysis, "would start in May").source == "Peter Obi"
    assert statement(analysis, "agreed on a plan").source == "Peter Obi"


def test_she_in_reported_speech_skips_the_man_named_last(analyze):
    text = (
        "Mrs. Karen Holt chaired the meeting. Daniel Reyes arrived late and he apologised to everyone. "
        "She said the budget would be cut by a tenth."
    )
    assert statement(analyze(text), "budget would be cut").source == "Karen Holt"


def test_it_said_is_the_organisation_and_no_person(analyze):
    text = "The Harlow Policy Center published a study on Monday. “Rents rose faster than wages in every city,” it said."
    speaker = analyze(text).quotes[0].speaker
    assert (speaker.text, speaker.canonical) == ("it", "Harlow Policy Center")


def test_an_organisation_as_subject_is_never_a_person_for_he(analyze):
    text = (
        "The mayor, Tom Berger, spoke first. The Brightwater Research Institute then published its figures. "
        "He said the city would hire more teachers."
    )
    assert statement(analyze(text), "hire more teachers").source == "Tom Berger"


def test_a_pronoun_with_nobody_to_stand_for_stays_unresolved(analyze):
    speaker = analyze("“We are ready for anything that comes,” he said.").quotes[0].speaker
    assert (speaker.text, speaker.canonical) == ("he", None)


def test_a_role_names_the_person_who_holds_it(analyze):
    text = (
        "The city’s police chief, Angela Moreno, met the council on Friday. "
        "“We need forty more officers this year,” the police chief said."
    )
    speaker = analyze(text).quotes[0].speaker
    assert speaker.canonical == "Angela Moreno"


def test_the_resolver_is_built_once_from_the_parse(nlp):
    text = "Senator Ruth Baker visited the plant. “It is a fine place,” Baker said. She left at noon."
    parsed = parse(text, nlp)
    entities = extract_entities(parsed)
    references = build_references(parsed, entities, find_quote_spans(text))
    assert references.full_person_name("Baker") == "Ruth Baker"
    assert references.person_for_pronoun(text.index("She"), "she") == "Ruth Baker"
    assert references.person_for_pronoun(text.index("Senator"), "he") is None


def test_names_without_titles_and_possessives():
    assert bare_name("Mr. Putin’s") == "Putin"
    assert person_bare_name("U.S. Attorney Dana Whitfield") == "Dana Whitfield"
