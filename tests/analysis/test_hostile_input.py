"""Hostile input through the whole engine: every record's span lies inside the text and is well formed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.analysis.records import Analysis

QUOTE_MARKS = "\"'“”‘’„‟«»‹›「」『』‚"
SCRIPTS = "Привет мир Київ 北京 你好世界 مرحبا بالعالم שלום עולם नमस्ते Ωμέγα"


def assert_well_formed(text: str, analysis: Analysis) -> None:
    n = len(text)
    for record in (*analysis.entities, *analysis.quotes, *analysis.numbers):
        assert 0 <= record.start < record.end <= n, record
        assert text[record.start : record.end] == record.text, record
    for quote in analysis.quotes:
        if quote.speaker is not None:
            s = quote.speaker
            assert 0 <= s.start < s.end <= n, quote
            assert text[s.start : s.end] == s.text, quote
    for fact in analysis.facts:
        assert 0 <= fact.start <= fact.end <= n, fact
        assert fact.kind in ("statement", "quantity", "event"), fact
        assert "\n" not in fact.text, fact
        assert all(0 <= k < len(analysis.quotes) for k in fact.quote_refs), fact
        assert all(0 <= k < len(analysis.numbers) for k in fact.number_refs), fact
        assert all(0 <= k < len(analysis.entities) for k in fact.entity_refs), fact
    for entity in analysis.entities:
        assert entity.kind in ("person", "organization", "place", "group", "date", "other"), entity


# Text that looks like news where it matters: names, numbers, quotation marks, line breaks, other scripts.
_PIECES = st.sampled_from(
    [
        "Boris Johnson", "Kirby", "said", "the", "Pentagon spokesman", "about 3,000 troops", "on Feb. 2",
        "RFE/RL", "Kyiv", "’s", "he", "”", "“", '"', "'", "‘", "’", "«", "»", "„", ",", ".", " — ", "\n",
        "\n\n", "  ", "5", "$4.5bn", "10%", "Москва", "北京", "القاهرة", "US President Joe Biden", "told",
    ]
)  # fmt: skip
_NEWSY = st.lists(_PIECES | st.text(max_size=12), max_size=40).map(" ".join)
_RANDOM = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(QUOTE_MARKS + "\n0123456789"),
    max_size=300,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_NEWSY | _RANDOM)
def test_random_text_gives_well_formed_records(analyze, text):
    assert_well_formed(text, analyze(text))


HOSTILE = {
    "empty": "",
    "whitespace": " \n\n\t \n",
    "only punctuation": "?!.,;:—–-()[]{}…" * 50,
    "unmatched quotes": "“He said it. ‘And then. «Never” she » wrote '" * 20,
    "ten thousand quotation marks": "“”\"'‘’" * 1667,
    "one enormous line": ("Kirby said about 3,000 troops would go to Poland on Feb. 2, “soon”. " * 3100)[
        :200_000
    ],
    "cyrillic": "Президент Владимир Путин сказал: «Это трагическая ошибка». 3 000 солдат.\n" * 20,
    "chinese": "国务院总理李强说：“我们将继续开放。”美国派遣约3000名士兵。\n" * 20,
    "arabic": "قال المتحدث باسم البنتاغون جون كيربي إن ٣٠٠٠ جندي سيرسلون. «هذا مهم»\n" * 20,
    "digits and newlines": "1\n22\n333\n4,444\n$5\n6%\n" * 100,
    "mixed scripts": "Johnson told Путин “Київ is 北京” — 3 km, '" * 40,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_never_crashes(analyze, name):
    text = HOSTILE[name]
    assert_well_formed(text, analyze(text))


def test_empty_text_gives_nothing(analyze):
    analysis = analyze("")
    assert (analysis.entities, analysis.quotes, analysis.numbers, analysis.facts) == ((), (), (), ())
