"""Reading a cached analysis back: in pieces, any text, a bad payload a miss, the decoded JSON let go gradually."""

from __future__ import annotations

import json

from desktop import pacing
from desktop.analysis.records import Analysis, Entity, Quote, Speaker
from desktop.store import analyses
from desktop.store.analyses import PAYLOAD_JSON, release_decoded

TEXT = "„Straße gesperrt“, sagte Zoë Müller in Kraków. Señor Ñúñez 😀 stimmte zu."


def _analysis() -> Analysis:
    zoe, krakow, nunez = TEXT.index("Zoë Müller"), TEXT.index("Kraków"), TEXT.index("Señor Ñúñez")
    quote_end = TEXT.index("“") + 1
    return Analysis(
        model_name="test",
        model_version="0",
        engine_version="7",
        entities=(
            Entity(zoe, zoe + 10, "Zoë Müller", "PERSON", "person", "Zoë Müller"),
            Entity(krakow, krakow + 6, "Kraków", "GPE", "place"),
            Entity(nunez, nunez + 11, "Señor Ñúñez", "PERSON", "person", "Ñúñez"),
        ),
        quotes=(Quote(0, quote_end, TEXT[:quote_end], Speaker(zoe, zoe + 10, "Zoë Müller", "Zoë Müller"), "sagte"),),
    )


def test_a_payload_read_a_few_bytes_at_a_time_comes_back_whole(library, document, monkeypatch):
    # Pieces of 5 bytes end inside the two- to four-byte characters above (UTF-8 in the file).
    monkeypatch.setattr(analyses, "PAYLOAD_PIECE", 5)
    analysis = _analysis()
    payload = json.dumps(analysis.to_dict(), ensure_ascii=False)  # a payload as older versions wrote it
    library.save_analysis(document.sha256, analysis, payload=payload)
    pauses = []
    monkeypatch.setattr(analyses, "give_way", lambda: pauses.append(1))
    assert library.cached_analysis(document.sha256, "test", "7") == analysis
    assert len(pauses) == -(-len(payload.encode("utf-8")) // 5)  # one pause per piece read


def test_the_default_ascii_payload_reads_back_too(library, document):
    analysis = _analysis()
    library.save_analysis(document.sha256, analysis)
    assert library.cached_analysis(document.sha256, "test", "7") == analysis
    assert library.cached_analysis(document.sha256, "test", "8") is None


def test_a_payload_that_is_not_an_analysis_is_a_miss(library, document):
    for payload in ("[]", '"text"', "{", '{"entities": [{"start": 1}]}'):
        library.save_analysis(document.sha256, _analysis(), payload=payload)
        assert library.cached_analysis(document.sha256, "test", "7") is None, payload


def test_the_decoded_json_is_let_go_a_piece_at_a_time(monkeypatch):
    pauses = []
    monkeypatch.setattr(pacing, "give_way", lambda: pauses.append(1))
    records = [{"start": i, "end": i + 1} for i in range(3 * pacing.EVERY + 1)]
    data = {"model": {"name": "m"}, "entities": records, "quotes": [], "numbers": list(range(pacing.EVERY))}
    release_decoded(data)
    assert records == [] and data["numbers"] == [] and data["model"] == {"name": "m"}
    assert len(pauses) == 4 + 1  # four pieces of the entities, one of the numbers


def test_a_payload_in_pieces_is_stored_as_the_text_they_make(library, document):
    analysis = _analysis()
    payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    pieces = [payload[i : i + 7] for i in range(0, len(payload), 7)]
    library.save_analysis(document.sha256, analysis, payload=pieces)
    with library.rows("SELECT payload, typeof(payload) FROM analyses") as cursor:
        assert cursor.fetchall() == [(payload, "text")]
    assert library.cached_analysis(document.sha256, "test", "7") == analysis
    # Saved again (the same text, model and engine): replaced, with a shorter payload as written.
    library.save_analysis(document.sha256, analysis, payload=["{}"])
    with library.rows("SELECT payload FROM analyses") as cursor:
        assert cursor.fetchall() == [("{}",)]
