"""Searching the whole library: article text, quotes with their speakers, notes and tags (SQLite FTS5).

`library.search("troops speaker:Kirby")` -> SearchResults: articles (best first), each with its hits;
a hit has a snippet with the matched words marked (`marks`, offsets into `snippet`) and the span of the
article to open at. The query language is search_query.py's; a query that cannot be searched raises
QueryError with a message for the reader, never an FTS5 syntax error.

Each index is asked for its best rows by bm25 (at most ROW_LIMIT); snippets and positions are made only
for the hits returned (at most HITS_PER_ARTICLE for each of the first `limit` articles).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import replace

from sqlite_utils import Database

from desktop.store.catalogue import Catalogue, source_name
from desktop.store.records import SearchHit, SearchResult, SearchResults
from desktop.store.search_marks import SNIPPET_WORDS, snippet, term_marks
from desktop.store.search_query import Query, QueryError, parse_query

ROW_LIMIT = 400
RANK_WINDOW = 4000
HITS_PER_ARTICLE = 3

# Tags are stored normalised and joined with "; ": a tag matches whole, case-insensitively (ASCII).
_TAG_FILTER = "instr(';' || lower(replace(a.tags, '; ', ';')) || ';', ';' || lower(?) || ';') > 0"


class Search(Catalogue):
    def search(self, text: str, *, limit: int = 60) -> SearchResults:
        """The articles that match `text`, best first (see the module docstring)."""
        query = parse_query(text)
        with self._reading() as db:
            try:
                rows = _rows(db, query)
                excluded = _excluded_documents(db, query)
                if excluded:
                    rows = [r for r in rows if r[1] not in excluded]
                tagged = _tagged_documents(db, query.tags) if query.tags else None
                if tagged is not None:
                    rows = [r for r in rows if r[1] in tagged]
                    if not query.has_terms and not query.speakers:
                        rows = _tagged_notes(db, query.tags)
                return _grouped(db, query, rows, limit)
            except sqlite3.OperationalError as exc:
                if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
                    raise QueryError(f"The search could not be run ({exc}); try fewer special characters.") from exc
                raise


def _rows(db: Database, query: Query) -> list[tuple]:
    """(kind, document_id, rowid, rank) of the best matching rows of each index the query looks in."""
    match, speakers = query.match(), query.speaker_match()
    found: list[tuple] = []
    if "quotes" in query.where and (match or speakers):
        expression = " AND ".join(f"({e})" for e in (match, speakers) if e)
        found += _ranked(db, "quote", "quotes_fts", "quotes x ON x.id = r.rowid", expression, "AND x.verdict IS NOT 'rejected'")
    if match and not query.speakers and "text" in query.where:
        found += _ranked(db, "text", "passages_fts", "passages x ON x.id = r.rowid", match)
    if match and not query.speakers and "notes" in query.where:
        found += _ranked(db, "note", "notes_fts", "annotations x ON x.id = r.rowid", match)
    return found


def _ranked(db: Database, kind: str, table: str, join: str, expression: str, where: str = "") -> list[tuple]:
    """The best ROW_LIMIT rows of one index by bm25, ranked alone before any join. A word in most of
    the library ("said") matches tens of thousands of rows, and bm25 costs a few microseconds each:
    there, only the newest RANK_WINDOW matching rows are ranked (rowids grow as articles come in)."""
    floor = db.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [expression, RANK_WINDOW - 1],
    ).fetchone()
    rows = db.execute(
        f"SELECT x.document_id, r.rowid, r.rank FROM (SELECT rowid, rank FROM {table} WHERE {table} MATCH ? "
        f"AND rowid >= ? ORDER BY rank LIMIT ?) r JOIN {join} JOIN documents d ON d.id = x.document_id "
        f"WHERE d.removed IS NULL {where}",
        [expression, floor[0] if floor else 0, ROW_LIMIT],
    )
    return [(kind, *r) for r in rows]


def _excluded_documents(db: Database, query: Query) -> set[int]:
    """Articles with a -word in their text or their notes."""
    expression = query.exclusion()
    if expression is None:
        return set()
    text = db.execute(
        "SELECT DISTINCT p.document_id FROM passages_fts f JOIN passages p ON p.id = f.rowid WHERE passages_fts MATCH ?",
        [expression],
    )
    notes = db.execute(
        "SELECT DISTINCT a.document_id FROM notes_fts f JOIN annotations a ON a.id = f.rowid WHERE notes_fts MATCH ?",
        [expression],
    )
    return {r[0] for r in text} | {r[0] for r in notes}


def _tagged_documents(db: Database, tags: tuple[str, ...]) -> set[int]:
    """Documents that have a note with every one of the tags (tags compare case-insensitively, whole)."""
    sets = []
    for tag in tags:
        sets.append({r[0] for r in db.execute(f"SELECT DISTINCT a.document_id FROM annotations a WHERE {_TAG_FILTER}", [tag])})
    return set.intersection(*sets)


def _tagged_notes(db: Database, tags: tuple[str, ...]) -> list[tuple]:
    where = " AND ".join(_TAG_FILTER for _ in tags)
    rows = db.execute(
        f"SELECT a.document_id, a.id FROM annotations a JOIN documents d ON d.id = a.document_id "
        f"WHERE {where} AND d.removed IS NULL ORDER BY a.modified DESC LIMIT ?",
        [*tags, ROW_LIMIT],
    )
    return [("note", document_id, rowid, 0.0) for document_id, rowid in rows]


def _grouped(db: Database, query: Query, rows: list[tuple], limit: int) -> SearchResults:
    by_document: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        by_document[row[1]].append(row)
    # bm25 is negative, lower is better: an article ranks by its best hits, more hits a little higher.
    ranked = sorted(by_document, key=lambda d: sum(sorted(r[3] for r in by_document[d])[:3]))[:limit]
    chosen = {d: sorted(by_document[d], key=lambda r: r[3])[:HITS_PER_ARTICLE] for d in ranked}
    wanted: dict[str, list[int]] = defaultdict(list)
    for hits in chosen.values():
        for kind, _document, rowid, _rank in hits:
            wanted[kind].append(rowid)
    made = _hits(db, query, wanted)
    marks = ", ".join("?" for _ in ranked)
    about = {
        r[0]: r[1:]
        for r in db.execute(
            f"SELECT id, title, path, json_extract(metadata, '$.site'), published, first_opened FROM documents WHERE id IN ({marks})",
            ranked,
        )
    }
    results = []
    for document_id in ranked:
        hits = [made[(kind, rowid)] for kind, _d, rowid, rank in chosen[document_id] if (kind, rowid) in made]
        if not hits or document_id not in about:
            continue
        title, path, site, published, added = about[document_id]
        hits.sort(key=lambda h: h.start)
        results.append(
            SearchResult(
                document_id=document_id, title=title or source_name(None, path), source=source_name(site, path),
                date=published or added[:10], hits=tuple(hits), total_hits=len(by_document[document_id]),
            )
        )  # fmt: skip
    return SearchResults(
        query=query, results=tuple(results), articles=len(by_document), truncated=len(by_document) > limit
    )


def _hits(db: Database, query: Query, wanted: dict[str, list[int]]) -> dict[tuple[str, int], SearchHit]:
    """The hits to show: their texts read by rowid, the query's words found in them (search_marks.py)."""
    made: dict[tuple[str, int], SearchHit] = {}
    if wanted.get("text"):
        for rowid, start, body in db.execute(
            "SELECT f.rowid, p.start, f.body FROM json_each(?) j JOIN passages_fts f ON f.rowid = j.value "
            "JOIN passages p ON p.id = f.rowid",
            [json.dumps(wanted["text"])],
        ):
            made[("text", rowid)] = _made("text", start, body, query, SNIPPET_WORDS)
    if wanted.get("quote"):
        for rowid, start, text, speaker in db.execute(
            "SELECT id, start, text, speaker FROM quotes WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(wanted["quote"])],
        ):
            made[("quote", rowid)] = _made("quote", start, text, query, SNIPPET_WORDS * 2, speaker=speaker, whole=True)
    if wanted.get("note"):
        for rowid, start, end, note, exact, tags in db.execute(
            'SELECT id, start, "end", note, exact, tags FROM annotations WHERE id IN (SELECT value FROM json_each(?))',
            [json.dumps(wanted["note"])],
        ):
            hit = _made("note", start, note or exact, query, SNIPPET_WORDS * 2, passage=exact, tags=tags)
            made[("note", rowid)] = replace(hit, start=start, end=end)  # a note opens at its passage
    return made


def _made(
    kind: str, start: int, text: str, query: Query, words: int, *, speaker: str | None = None,
    passage: str | None = None, tags: str | None = None, whole: bool = False,
) -> SearchHit:  # fmt: skip
    marks = term_marks(text, query.terms)
    at, to = marks[0] if marks else (0, len(text) if whole else min(len(text), 60))
    shown, shown_marks = snippet(text, marks, words)
    return SearchHit(kind, start + at, start + to, shown, shown_marks, 0.0, speaker, passage, tags or None)
