"""The analysis cache: one saved Analysis per text (sha256), model and engine version.

Saving an analysis also refreshes what the library knows across articles for every document whose
current text it is (quotes, names, number claims, counts; see indexing.py), in the same transaction.
"""

from __future__ import annotations

import codecs
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from desktop.analysis.records import Analysis
from desktop.pacing import give_way, let_go
from desktop.store.collector import gc_paused
from desktop.store.connection import Connection, now
from desktop.store.indexing import index_analysis
from desktop.store.payload_json import loads_in_pieces

# How a cached analysis is serialised (json.dumps keywords).
# ASCII (non-ASCII characters as \u escapes): an ASCII string goes to SQLite and back, and between
# processes, without a character decoded or encoded; a payload with curly quotes in it took tens of
# milliseconds of the GIL each way for a 3 MB article, which the window felt.
PAYLOAD_JSON: dict[str, Any] = {"ensure_ascii": True, "separators": (",", ":")}


class Analyses(Connection):
    def cached_analysis(self, sha256: str, model: str, engine_version: str) -> Analysis | None:
        """The analysis saved for this exact text, model and engine version; None if there is none."""
        with self._reading() as db:
            row = db.execute(
                "SELECT id FROM analyses WHERE document_sha256 = ? AND model = ? AND engine_version = ?",
                [sha256, model, str(engine_version)],
            ).fetchone()
            return analysis_from_payload(payload_pieces(db, row[0])) if row else None

    def latest_analysis(self, sha256: str) -> Analysis | None:
        """The most recently saved analysis of this text by any model (for export)."""
        with self._reading() as db:
            return latest_analysis_in(db, sha256)

    def save_analysis(self, sha256: str, analysis: Analysis, *, payload: str | Sequence[str] | None = None) -> None:
        """Cache the analysis of the text with this sha256, replacing one by the same model and engine.

        `payload`, when given, is that analysis already serialised exactly as here (PAYLOAD_JSON of
        `analysis.to_dict()`), whole or in pieces, e.g. by the process that made it, so a GUI process
        need not.
        """
        if payload is None:
            payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
        with self._writing() as db:
            self._save_analysis(db, sha256, analysis, payload)

    def _save_analysis(self, db: Database, sha256: str, analysis: Analysis, payload: str | Sequence[str]) -> None:
        # The payload goes in a piece at a time: SQLite makes room for it (without the GIL), then it is
        # written through a blob handle. Bound as one value, it was copied (15 MB for a 3 MB article)
        # into memory faulted in fresh, inside one call holding the GIL: 30–40 ms of a stalled window.
        encoded = [piece.encode("utf-8") for piece in ([payload] if isinstance(payload, str) else payload)]
        key = [sha256, analysis.model_name, str(analysis.engine_version)]
        db.execute(
            "INSERT INTO analyses (document_sha256, model, engine_version, model_version, payload, created) "
            "VALUES (?, ?, ?, ?, CAST(zeroblob(?) AS TEXT), ?) ON CONFLICT (document_sha256, model, engine_version) "
            "DO UPDATE SET model_version = excluded.model_version, payload = excluded.payload, created = excluded.created",
            [*key, analysis.model_version, sum(map(len, encoded)), now()],
        )
        (analysis_id,) = db.execute(
            "SELECT id FROM analyses WHERE document_sha256 = ? AND model = ? AND engine_version = ?", key
        ).fetchone()
        with db.conn.blobopen("analyses", "payload", analysis_id) as blob:
            for piece in encoded:
                blob.write(piece)
                give_way()
        del encoded
        for (document_id,) in db.execute(
            "SELECT id FROM documents WHERE sha256 = ? AND removed IS NULL", [sha256]
        ).fetchall():
            index_analysis(db, document_id, analysis)


PAYLOAD_PIECE = 1 << 18  # bytes of a cached payload read at a time


def payload_pieces(db: Database, analysis_id: int) -> Iterator[str]:
    """The payload of one cached analysis, read and decoded a piece at a time (nothing if the row went).

    Fetching it as a column value reads all its pages and makes one string of it (15 MB for a 3 MB
    article), all inside one call that holds the GIL. SQLite's incremental blob reads run without it.
    """
    try:
        blob = db.conn.blobopen("analyses", "payload", analysis_id, readonly=True)
    except sqlite3.OperationalError:  # the row went between the lookup and here
        return
    decoder = codecs.getincrementaldecoder("utf-8")()  # a piece may end inside a character
    with blob:
        while piece := blob.read(PAYLOAD_PIECE):
            yield decoder.decode(piece)
            give_way()
    yield decoder.decode(b"", final=True)


def latest_analysis_in(db: Database, sha256: str) -> Analysis | None:
    """The most recently saved analysis of this text by any model, read in pieces; None if none decodes."""
    row = db.execute(
        "SELECT id FROM analyses WHERE document_sha256 = ? ORDER BY created DESC, id DESC LIMIT 1", [sha256]
    ).fetchone()
    return analysis_from_payload(payload_pieces(db, row[0])) if row else None


def latest_payload(db: Database, sha256: str) -> str | None:
    row = db.execute(
        "SELECT payload FROM analyses WHERE document_sha256 = ? ORDER BY created DESC, id DESC LIMIT 1",
        [sha256],
    ).fetchone()
    return row[0] if row else None


def analysis_from_payload(payload: str | Iterable[str]) -> Analysis | None:
    """The analysis in a payload, whole or in pieces; None for one that is not an analysis."""
    # A cache entry that no longer parses is a miss, not an error: the article is simply analysed again.
    try:
        with gc_paused():
            # In pieces, giving way: the store worker decodes this while the window paints (payload_json.py).
            data = loads_in_pieces([payload] if isinstance(payload, str) else payload)
            analysis = Analysis.from_dict(data)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    release_decoded(data)
    return analysis


def release_decoded(data: dict[str, Any]) -> None:
    """Free the decoded JSON of an analysis a piece at a time (pacing.let_go), now its records are made."""
    for value in data.values():
        if isinstance(value, list):
            let_go(value)
