"""The analysis cache: one saved Analysis per text (sha256), model and engine version.

Saving an analysis also refreshes what the library knows across articles for every document whose
current text it is (quotes, names, number claims, counts; see indexing.py), in the same transaction.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from desktop.analysis.records import Analysis
from desktop.store.collector import gc_paused
from desktop.store.connection import Connection, now
from desktop.store.indexing import index_analysis
from desktop.store.payload_json import loads_giving_way

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
                "SELECT payload FROM analyses WHERE document_sha256 = ? AND model = ? AND engine_version = ?",
                [sha256, model, str(engine_version)],
            ).fetchone()
        return analysis_from_payload(row[0]) if row else None

    def latest_analysis(self, sha256: str) -> Analysis | None:
        """The most recently saved analysis of this text by any model (for export)."""
        with self._reading() as db:
            payload = latest_payload(db, sha256)
        return analysis_from_payload(payload) if payload is not None else None

    def save_analysis(self, sha256: str, analysis: Analysis, *, payload: str | None = None) -> None:
        """Cache the analysis of the text with this sha256, replacing one by the same model and engine.

        `payload`, when given, is that analysis already serialised exactly as here (PAYLOAD_JSON of
        `analysis.to_dict()`), e.g. by the process that made it, so a GUI process need not.
        """
        if payload is None:
            payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
        with self._writing() as db:
            self._save_analysis(db, sha256, analysis, payload)

    def _save_analysis(self, db: Database, sha256: str, analysis: Analysis, payload: str) -> None:
        db.execute(
            "INSERT INTO analyses (document_sha256, model, engine_version, model_version, payload, created) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_sha256, model, engine_version) DO UPDATE SET "
            "model_version = excluded.model_version, payload = excluded.payload, created = excluded.created",
            [sha256, analysis.model_name, str(analysis.engine_version), analysis.model_version, payload, now()],
        )
        for (document_id,) in db.execute(
            "SELECT id FROM documents WHERE sha256 = ? AND removed IS NULL", [sha256]
        ).fetchall():
            index_analysis(db, document_id, analysis)


def latest_payload(db: Database, sha256: str) -> str | None:
    row = db.execute(
        "SELECT payload FROM analyses WHERE document_sha256 = ? ORDER BY created DESC, id DESC LIMIT 1",
        [sha256],
    ).fetchone()
    return row[0] if row else None


def analysis_from_payload(payload: str) -> Analysis | None:
    # A cache entry that no longer parses is a miss, not an error: the article is simply analysed again.
    try:
        with gc_paused():
            # Giving way: the store worker decodes this while the window paints (payload_json.py).
            return Analysis.from_dict(loads_giving_way(payload))
    except (ValueError, TypeError, KeyError):
        return None
