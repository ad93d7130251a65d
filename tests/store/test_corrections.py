"""The reader's verdicts win over the engine's records, and facts follow."""

from __future__ import annotations

from desktop.analysis.records import Analysis, Entity, Fact, Number, Quote, Speaker
from desktop.store.corrections import apply_corrections
from desktop.store.records import Annotation, auto_key


def analysis() -> Analysis:
    return Analysis(
        model_name="m",
        model_version="1",
        entities=(
            Entity(0, 13, "Boris Johnson", "PERSON", "person", "Boris Johnson"),
            Entity(30, 36, "Kremlin", "ORG", "organization"),
            Entity(50, 56, "Ukraine", "GPE", "place"),
        ),
        quotes=(
            Quote(100, 140, '"It is planned and it will take place"', Speaker(80, 82, "he", None), "said"),
            Quote(200, 230, '"We will see what happens"', None, None),
        ),
        numbers=(Number(300, 305, "3,000", 3000.0, "troops", "about", "count"),),
        facts=(
            Fact("statement", "he said …", 80, 140, source=None, quote_refs=(0,), entity_refs=(0,)),
            Fact("statement", "… what happens", 200, 230, quote_refs=(1,)),
            Fact("quantity", "3,000 troops to Ukraine", 290, 320, number_refs=(0,), entity_refs=(2,)),
        ),
    )


def verdict(kind: str, start: int, end: int, status: str, **fields) -> Annotation:
    return Annotation(
        id=1, document_id=1, document_sha256="x", start=start, end=end, exact="", prefix="", suffix="",
        source="auto", category=fields.pop("category", kind), status=status,
        auto_key=auto_key(kind, start, end), **fields,
    )  # fmt: skip


def test_no_verdicts_leave_the_analysis_as_it_is():
    assert apply_corrections(analysis(), []) == analysis()


def test_a_corrected_speaker_wins_and_the_fact_follows():
    fixed = apply_corrections(analysis(), [verdict("quote", 100, 140, "corrected", speaker="Olaf Scholz")])
    quote = fixed.quotes[0]
    assert quote.speaker == Speaker(80, 82, "he", "Olaf Scholz")
    assert fixed.facts[0].source == "Olaf Scholz"
    # A quote without a speaker gets the reader's one.
    fixed = apply_corrections(analysis(), [verdict("quote", 200, 230, "corrected", speaker="Dmitry Peskov")])
    assert fixed.quotes[1].speaker == Speaker(200, 200, "", "Dmitry Peskov")


def test_a_corrected_number_takes_the_readers_value_unit_and_bound():
    fixed = apply_corrections(
        analysis(),
        [verdict("number", 300, 305, "corrected", value=3500.0, unit="soldiers", bound="at_least")],
    )
    assert fixed.numbers[0] == Number(300, 305, "3,000", 3500.0, "soldiers", "at_least", "count")


def test_a_corrected_entity_takes_the_readers_kind_and_name():
    fixed = apply_corrections(
        analysis(), [verdict("entity", 30, 36, "corrected", category="place", label="Moscow Kremlin")]
    )
    assert (fixed.entities[1].kind, fixed.entities[1].canonical) == ("place", "Moscow Kremlin")


def test_a_rejected_record_goes_and_references_are_renumbered():
    fixed = apply_corrections(
        analysis(), [verdict("entity", 0, 13, "rejected"), verdict("quote", 100, 140, "rejected")]
    )
    assert [e.text for e in fixed.entities] == ["Kremlin", "Ukraine"]
    assert [q.start for q in fixed.quotes] == [200]
    # The fact resting only on the rejected quote is gone; the others point at the renumbered records.
    assert [f.text for f in fixed.facts] == ["… what happens", "3,000 troops to Ukraine"]
    assert fixed.facts[0].quote_refs == (0,)
    assert fixed.facts[1].entity_refs == (1,) and fixed.entities[1].text == "Ukraine"


def test_after_a_reanalysis_a_verdict_finds_the_overlapping_record():
    shifted = analysis()
    fixed = apply_corrections(shifted, [verdict("quote", 101, 139, "corrected", speaker="Olaf Scholz")])
    assert fixed.quotes[0].speaker.canonical == "Olaf Scholz"
    # No overlap, no effect: a verdict never lands on a neighbour.
    assert apply_corrections(shifted, [verdict("quote", 150, 190, "rejected")]) == shifted


def test_accepted_detached_and_user_annotations_change_nothing():
    base = analysis()
    detached = Annotation(**{**verdict("entity", 0, 13, "rejected").__dict__, "detached": True})
    user = Annotation(
        id=2, document_id=1, document_sha256="x", start=0, end=13, exact="", prefix="", suffix="", note="hi"
    )
    assert apply_corrections(base, [verdict("entity", 0, 13, "accepted"), detached, user]) == base
