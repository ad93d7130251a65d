"""The analysis process's messages: its records in parts, the cache payload in pieces that join to it whole."""

from __future__ import annotations

import json
import multiprocessing
import pickle

from desktop.analysis.records import Analysis, Quote
from desktop.config import PROCESSES_ENV, ModelChoice
from desktop.documents import load
from desktop.resources import sample_article
from desktop.store.analyses import PAYLOAD_JSON
from desktop.ui import analysis_host


class Events:
    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.sent.append(message)


def test_the_payload_travels_in_pieces_and_the_records_in_parts(monkeypatch):
    monkeypatch.setattr(analysis_host, "PAYLOAD_PIECE", 1000)
    monkeypatch.setattr(analysis_host, "PART_SIZE", 7)
    events = Events()
    analysis_host._run_job(3, load(sample_article()).text, ModelChoice.from_environment(), events, set())
    kinds = [m[0] for m in events.sent]
    assert kinds[-1] == "finished" and "failed" not in kinds
    pieces = [m[2] for m in events.sent if m[0] == "payload"]
    assert len(pieces) > 3 and all(len(p) <= 1000 for p in pieces)
    parts: dict[str, list] = {key: [] for key in analysis_host.RECORDS}
    for m in events.sent:
        if m[0] == "part":
            assert m[1] == 3 and len(m[3]) <= 7
            parts[m[2]].extend(m[3])
    # The records themselves travel; with the other fields they make the analysis the payload holds.
    analysis = Analysis(**events.sent[-1][2], **{key: tuple(records) for key, records in parts.items()})
    assert "".join(pieces) == json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    assert analysis == Analysis.from_dict(json.loads("".join(pieces)))
    assert analysis.quotes and analysis.entities and isinstance(analysis.quotes[0], Quote)
    assert all(pickle.loads(pickle.dumps(part)) == part for part in (analysis.quotes, analysis.numbers))


def test_the_child_ends_quietly_when_the_window_has_gone(monkeypatch, capsys):
    monkeypatch.delenv(PROCESSES_ENV, raising=False)  # serve() sets it for its own process
    commands, to_child = multiprocessing.Pipe(duplex=False)
    from_child, events = multiprocessing.Pipe(duplex=False)
    from_child.close()  # the window's end: gone
    to_child.send(("analyze", 1, "Some text.", None))
    analysis_host.serve(commands, events, "no-such-pipeline", False)  # returns: nothing raised
    assert "Traceback" not in capsys.readouterr().err
