"""The cached analysis's JSON decoded from pieces, giving way: what json.loads gives, its errors, and pauses."""

from __future__ import annotations

import json

import pytest

from desktop import pacing
from desktop.analysis.records import Analysis
from desktop.store.analyses import PAYLOAD_JSON, analysis_from_payload
from desktop.store.payload_json import loads_in_pieces

SAMPLES = [
    '{"model": {"name": "m", "version": "1"}, "entities": [{"start": 0, "end": 4, "text": "Ann \\"A\\""}, '
    '{"start": 9, "end": 12, "role": null}], "quotes": [], "numbers": [[1, 2.5, -3e2], true, false, null]}',
    ' { "a" : [ 1 , [ 2 , { "b" : [ ] } ] , "x,y]" ] , "c" : { } } ',
    "[]",
    '[{"k": "\\u00e9t\\u00e9"}, "über", 0]',
    '"just a string"',
    "42",
    '{"a": 125, "b": -1.5e-3, "c": [12, 3.25, true, null, "q\\"\\\\"], "d": {"e": [1, [2]]}, "a": 7}',
    '  {\n "entities" :\t[ ] , "x" : "\\ud83d\\ude00 \u201cok\u201d" }  ',
    "{}",
]


def cuts(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_same_value_as_json_loads_however_the_text_is_cut(text):
    for size in (1, 2, 3, 5, 8, 1000):
        assert loads_in_pieces(cuts(text, size)) == json.loads(text), size


def test_pieces_are_read_as_the_decoding_needs_them():
    read = []

    def pieces():
        for piece in cuts('{"a": [1, 2, 3], "b": "' + "x" * 50 + '"}', 4):
            read.append(piece)
            yield piece

    assert loads_in_pieces(pieces()) == {"a": [1, 2, 3], "b": "x" * 50}
    assert "".join(read).endswith('"}')


BAD = ['{"a": [1, 2}', '{"a" 1}', "[1 2]", '{"a": 1,}', "[1] [2]", "", '{1: 2}', "[1,", '{"a": [1,]}',
       '{"a": 1} x', '{"a": 1', '{"a": [1, 2', '{"a": "unterminated}', '{"a": tru}', '{"a": 1 "b": 2}', "{,}"]


@pytest.mark.parametrize("text", BAD)
def test_bad_json_raises_what_json_loads_raises(text):
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    for size in (1, 3, 1000):
        with pytest.raises(json.JSONDecodeError):
            loads_in_pieces(cuts(text, size))


def test_a_real_analysis_round_trips_through_the_cache_payload():
    from desktop.analysis.engine import analyze_text

    text = 'Mayor Ana Ruiz said on Monday: "We will build 3,000 homes." About 40 people came.'
    analysis = analyze_text(text)
    payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    assert loads_in_pieces(cuts(payload, 100)) == json.loads(payload)
    assert analysis_from_payload(payload) == Analysis.from_dict(json.loads(payload))
    assert analysis_from_payload(payload).quotes and analysis_from_payload(payload[:-1]) is None


def test_decoding_gives_way_every_few_hundred_records(monkeypatch):
    calls = []
    monkeypatch.setattr(pacing, "give_way", lambda: calls.append(1))
    records = [{"start": i, "end": i + 1, "label": "X"} for i in range(10 * pacing.EVERY)]
    assert loads_in_pieces([json.dumps({"entities": records})]) == {"entities": records}
    assert len(calls) == 10 + 1  # one per EVERY records, and one after reading the only piece


def test_long_lists_cut_anywhere_and_laid_out_any_way_decode_as_json_loads_does():
    import random

    rng = random.Random(5)
    records = [
        {"start": rng.randrange(10**6), "value": rng.choice([1, -2.5, 1.5e-7, 123456789, None, True]),
         "text": rng.choice(["a", "\u201cb\u201d", "x\\\\y", "", "1,2]", "}},{", "a},{b"]), "refs": {"quotes": [rng.randrange(9)]}}
        for _ in range(400)
    ]
    data = {"model": {"name": "m"}, "entities": records, "numbers": [r["value"] for r in records]}
    for text in (json.dumps(data, **PAYLOAD_JSON), json.dumps(data, indent=2), json.dumps(data, separators=(" ,", ": "))):
        for size in (61, 97, 300, 4096, len(text)):
            assert loads_in_pieces(cuts(text, size)) == json.loads(text), size
