"""Searching the whole library: article text, quotes with their speakers, notes and tags (SQLite FTS5).

`library.search("troops speaker:Kirby")` -> SearchResults: articles (best first), each with its hits;
a hit has a snippet with the matched words marked (`marks`, offsets into `snippet`) and the span of the
article to open at. The query language is search_query.py's; a query that cannot be searched raises
QueryError with a message for the reader, never an FTS5 syntax error.

Each index is asked for its best rows by bm25 (at most ROW_LIMIT); snippets and positions are made only
for the hits returned (at most HITS_PER_ARTICLE for each of the first `limit` articles).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from sqlite_utils import Database

from desktop.store.catalogue import Catalogue, source_name
from desktop.store.records import SearchHit, SearchResult, SearchResults
from desktop.store.search_query import Query, QueryError, parse_query

ROW_LIMIT = 400
HITS_PER_ARTICLE = 5
OPEN, CLOSE = "\x02", "\x03"
SNIPPET_WORDS = 14

# Tags are stored normalised and joined with "; ": a tag matches whole, case-insensitively (ASCII).
_TAG_FILTER = "instr(';' || lower(replace(a.tags, '; ', ';')) || ';', ';' || lower(?) || ';') > 0"


class Search(Catalogue):
    def search(self, text: str, *, limit: int = 100) -> SearchResults:
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
        found += [
            ("quote", *r)
            for r in db.execute(
                "SELECT q.document_id, f.rowid, f.rank FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
                "JOIN documents d ON d.id = q.document_id WHERE quotes_fts MATCH ? AND d.removed IS NULL "
                "AND q.verdict IS NOT 'rejected' ORDER BY f.rank LIMIT ?",
                [expression, ROW_LIMIT],
            )
        ]
    if match and not query.speakers and "text" in query.where:
        found += [
            ("text", *r)
            for r in db.execute(
                "SELECT p.document_id, f.rowid, f.rank FROM passages_fts f JOIN passages p ON p.id = f.rowid "
                "JOIN documents d ON d.id = p.document_id WHERE passages_fts MATCH ? AND d.removed IS NULL "
                "ORDER BY f.rank LIMIT ?",
                [match, ROW_LIMIT],
            )
        ]
    if match and not query.speakers and "notes" in query.where:
        found += [
            ("note", *r)
            for r in db.execute(
                "SELECT a.document_id, f.rowid, f.rank FROM notes_fts f JOIN annotations a ON a.id = f.rowid "
                "JOIN documents d ON d.id = a.document_id WHERE notes_fts MATCH ? AND d.removed IS NULL "
                "ORDER BY f.rank LIMIT ?",
                [match, ROW_LIMIT],
            )
        ]
    return found


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
    ranked = sorted(by_document, key=lambda d: sum(sorted(r[3] for r in by_document[d])[:3]))
    results = []
    for document_id in ranked[:limit]:
        hits = sorted(by_document[document_id], key=lambda r: r[3])[:HITS_PER_ARTICLE]
        made = [h for h in (_hit(db, query, kind, rowid, rank) for kind, _d, rowid, rank in hits) if h is not None]
        if not made:
            continue
        title, path, site, published, added = db.execute(
            "SELECT title, path, json_extract(metadata, '$.site'), published, first_opened FROM documents WHERE id = ?",
            [document_id],
        ).fetchone()
        made.sort(key=lambda h: h.start)
        results.append(
            SearchResult(
                document_id=document_id, title=title or source_name(None, path), source=source_name(site, path),
                date=published or added[:10], hits=tuple(made), total_hits=len(by_document[document_id]),
            )
        )  # fmt: skip
    return SearchResults(
        query=query, results=tuple(results), articles=len(by_document), truncated=len(by_document) > limit
    )


def _hit(db: Database, query: Query, kind: str, rowid: int, rank: float) -> SearchHit | None:
    match = query.match()
    if kind == "text":
        row = db.execute(
            f"SELECT p.start, p.\"end\", snippet(passages_fts, 0, '{OPEN}', '{CLOSE}', '…', {SNIPPET_WORDS}), "
            f"highlight(passages_fts, 0, '{OPEN}', '{CLOSE}') FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
            "WHERE passages_fts MATCH ? AND passages_fts.rowid = ?",
            [match, rowid],
        ).fetchone()
        if row is None:
            return None
        start, end, snippet, marked = row
        at, to = _first_mark(marked)
        return _made("text", start + at, start + to, snippet, rank)
    if kind == "quote":
        expression = " AND ".join(f"({e})" for e in (match, query.speaker_match()) if e)
        row = db.execute(
            f"SELECT q.start, q.\"end\", snippet(quotes_fts, 0, '{OPEN}', '{CLOSE}', '…', {SNIPPET_WORDS * 2}), "
            f"highlight(quotes_fts, 0, '{OPEN}', '{CLOSE}'), q.speaker FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
            "WHERE quotes_fts MATCH ? AND quotes_fts.rowid = ?",
            [expression, rowid],
        ).fetchone()
        if row is None:
            return None
        start, end, snippet, marked, speaker = row
        at, to = _first_mark(marked)
        if to == 0:
            at, to = 0, end - start
        return _made("quote", start + at, start + to, snippet, rank, speaker)
    if match is None:
        row = db.execute('SELECT start, "end", note, exact, tags FROM annotations WHERE id = ?', [rowid]).fetchone()
        start, end, note, exact, tags = row
        return _made("note", start, end, note or exact, rank, None, exact, tags)
    row = db.execute(
        f"SELECT a.start, a.\"end\", snippet(notes_fts, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_WORDS * 2}), a.exact, "
        "a.tags FROM notes_fts JOIN annotations a ON a.id = notes_fts.rowid WHERE notes_fts MATCH ? AND notes_fts.rowid = ?",
        [match, rowid],
    ).fetchone()
    if row is None:
        return None
    start, end, snippet, exact, tags = row
    return _made("note", start, end, snippet, rank, None, exact, tags)


def _first_mark(marked: str) -> tuple[int, int]:
    """Offsets, in the unmarked text, of the first marked run (0, 0 when nothing is marked)."""
    at = marked.find(OPEN)
    if at < 0:
        return 0, 0
    close = marked.find(CLOSE, at)
    return at, (close if close > 0 else len(marked)) - 1


def _made(
    kind: str, start: int, end: int, snippet: str, rank: float, speaker: str | None = None,
    passage: str | None = None, tags: str | None = None,
) -> SearchHit:  # fmt: skip
    text, marks = unmark(snippet)
    return SearchHit(kind, start, end, text, marks, rank, speaker, passage, tags or None)


def unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet without its mark characters, and the (start, end) of each marked run in it."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    opened: int | None = None
    for char in snippet:
        if char == OPEN:
            opened = len(out)
        elif char == CLOSE:
            if opened is not None and len(out) > opened:
                marks.append((opened, len(out)))
            opened = None
        else:
            out.append(char)
    if opened is not None and len(out) > opened:
        marks.append((opened, len(out)))
    return "".join(out), tuple(marks)
