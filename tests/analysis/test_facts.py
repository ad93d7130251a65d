"""Facts for the side panel: statements, quantity claims and dated events, on the real pipeline.

Most tests run the whole engine; one builds facts from hand-made quotes and numbers, so facts do not
depend on how the other extractors behave today.
"""

from __future__ import annotations

from desktop.analysis.entities.extraction import extract_entities
from desktop.analysis.facts.extraction import build_facts
from desktop.analysis.nlp import parse
from desktop.analysis.records import Fact, Number, Quote, Speaker

SEED = "rferl-johnson-putin"


def facts_of(analysis, kind: str) -> list[Fact]:
    return [f for f in analysis.facts if f.kind == kind]


def one_fact(analysis, kind: str, fragment: str) -> Fact:
    found = [f for f in facts_of(analysis, kind) if fragment in f.text]
    assert len(found) == 1, (fragment, [f.text for f in facts_of(analysis, kind)])
    return found[0]


def test_fact_spans_and_refs_are_well_formed(analyze, article):
    text = article(SEED)
    analysis = analyze(text)
    assert {f.kind for f in analysis.facts} == {"statement", "quantity", "event"}
    for fact in analysis.facts:
        assert 0 <= fact.start < fact.end <= len(text)
        assert "\n" not in fact.text and len(fact.text) <= 180
        for k in fact.entity_refs:
            e = analysis.entities[k]
            assert fact.start <= e.start and e.end <= fact.end
        for k in fact.number_refs:
            n = analysis.numbers[k]
            assert fact.start <= n.start and n.end <= fact.end
        for k in fact.quote_refs:
            q = analysis.quotes[k]
            assert fact.start <= q.start and q.end <= fact.end
    assert [f.start for f in analysis.facts] == sorted(f.start for f in analysis.facts)


def test_every_quote_is_in_exactly_one_statement(analyze, article):
    analysis = analyze(article(SEED))
    refs = [k for f in facts_of(analysis, "statement") for k in f.quote_refs]
    assert sorted(refs) == list(range(len(analysis.quotes)))


def test_quotes_split_by_an_attribution_are_one_statement(analyze, article):
    analysis = analyze(article(SEED))
    fact = one_fact(analysis, "statement", "expressed deep concern")
    assert len(fact.quote_refs) == 2
    assert fact.source == "Boris Johnson"
    assert fact.predicate == "said"


def test_reported_speech_is_a_statement(analyze, article):
    analysis = analyze(article(SEED))
    fact = one_fact(analysis, "statement", "the moves were temporary")
    assert fact.subject == fact.source == "John Kirby"
    assert fact.predicate == "clarify"
    assert fact.object == "the moves were temporary"
    assert fact.quote_refs == ()


def test_quantity_claim_says_who_and_what(analyze, article):
    text = article(SEED)
    analysis = analyze(text)
    fact = one_fact(analysis, "quantity", "about 3,000 troops")
    assert fact.subject == "United States"
    assert fact.predicate == "would send"
    assert fact.object == "about 3,000 troops"
    assert "Poland, Romania and Germany" in fact.text
    assert fact.text.startswith("United States would send")  # "it" replaced by who it is
    assert [analysis.numbers[k].text for k in fact.number_refs] == ["about 3,000"]
    places = {analysis.entities[k].text for k in fact.entity_refs}
    assert {"Poland", "Romania", "Germany"} <= places


def test_two_clauses_with_numbers_are_two_claims(analyze, article):
    analysis = analyze(article(SEED))
    first = one_fact(analysis, "quantity", "About 2,000 combat troops")
    second = one_fact(analysis, "quantity", "about 1,000 troops")
    assert "1,000" not in first.text
    assert first.end <= second.start


def test_dated_event(analyze, article):
    analysis = analyze(article(SEED))
    fact = one_fact(analysis, "event", "spoke by phone")
    assert fact.subject == "Boris Johnson"
    assert fact.predicate == "spoke"
    assert any(analysis.entities[k].text == "Feb. 2" for k in fact.entity_refs)


def test_no_events_from_inside_quotes(analyze, article):
    analysis = analyze(article("twincities-wild-sabres"))
    for fact in facts_of(analysis, "event"):
        assert not any(q.start <= fact.start < q.end for q in analysis.quotes), fact.text


def test_facts_from_hand_made_records(nlp):
    text = "Kirby said the moves were temporary. “We are ready,” he said. NATO sent 300 jets to Poland on Monday."
    parsed = parse(text, nlp)
    entities = extract_entities(parsed)
    q_start = text.index("“")
    q_end = text.index("”") + 1
    he = text.index("he said")
    quotes = [Quote(q_start, q_end, text[q_start:q_end], Speaker(he, he + 2, "he", "John Kirby"), "said")]
    n_start = text.index("300")
    numbers = [Number(n_start, n_start + 3, "300", 300.0, "jets", "exact", "count")]
    facts = build_facts(parsed, entities, quotes, numbers)
    by_kind = {f.kind: [x for x in facts if x.kind == f.kind] for f in facts}
    statements = by_kind["statement"]
    assert [s.quote_refs for s in statements if s.quote_refs] == [(0,)]
    assert any(s.object == "the moves were temporary" for s in statements)
    (quantity,) = by_kind["quantity"]
    assert quantity.number_refs == (0,)
    assert quantity.subject == "NATO" and quantity.predicate == "sent"
    assert "event" not in by_kind  # the dated clause already is the quantity claim


def test_nothing_to_say_gives_no_facts(analyze):
    assert analyze("Weather.").facts == ()
    assert analyze("").facts == ()
