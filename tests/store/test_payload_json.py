"""The cached analysis's JSON decoded giving way: exactly what json.loads gives, the same errors, and pauses."""

from __future__ import annotations

import json

import pytest

from desktop import pacing
from desktop.analysis.records import Analysis
from desktop.store.analyses import PAYLOAD_JSON, analysis_from_payload
from desktop.store.payload_json import loads_giving_way

SAMPLES = [
    '{"model": {"name": "m", "version": "1"}, "entities": [{"start": 0, "end": 4, "text": "Ann \\"A\\""}, '
    '{"start": 9, "end": 12, "role": null}], "quotes": [], "numbers": [[1, 2.5, -3e2], true, false, null]}',
    ' { "a" : [ 1 , [ 2 , { "b" : [ ] } ] , "x,y]" ] , "c" : { } } ',
    "[]",
    '[{"k": "\\u00e9t\\u00e9"}, "über", 0]',
    '"just a string"',
    "42",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_same_value_as_json_loads(text):
    assert loads_giving_way(text) == json.loads(text)


@pytest.mark.parametrize("text", ['{"a": [1, 2}', '{"a" 1}', "[1 2]", '{"a": 1,}', "[1] [2]", "", '{1: 2}', "[1,"])
def test_bad_json_raises_what_json_loads_raises(text):
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    with pytest.raises(json.JSONDecodeError):
        loads_giving_way(text)


def test_a_real_analysis_round_trips_through_the_cache_payload():
    from desktop.analysis.engine import analyze_text

    text = 'Mayor Ana Ruiz said on Monday: "We will build 3,000 homes." About 40 people came.'
    analysis = analyze_text(text)
    payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    assert loads_giving_way(payload) == json.loads(payload)
    assert analysis_from_payload(payload) == Analysis.from_dict(json.loads(payload))
    assert analysis_from_payload(payload).quotes and analysis_from_payload(payload[:-1]) is None


def test_decoding_gives_way_every_few_hundred_records(monkeypatch):
    calls = []
    monkeypatch.setattr(pacing, "give_way", lambda: calls.append(1))
    records = [{"start": i, "end": i + 1, "label": "X"} for i in range(10 * pacing.EVERY)]
    assert loads_giving_way(json.dumps({"entities": records})) == {"entities": records}
    assert len(calls) == 10  # one per EVERY objects (the outer one makes 10 * EVERY + 1)
