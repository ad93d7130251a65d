"""What the library keeps beside each document so it can be searched and compared across articles.

- passages: the current text cut into paragraphs, each a row of the full-text index `passages_fts`;
- quotes: the quotes of the document's latest analysis with their speaker (the reader's correction
  wins; a rejected quote is marked so), indexed in `quotes_fts` by triggers;
- names: the people and organisations named, one row per name with its mentions;
- claims: numbers a speaker claims, inside one of their quotes or in their reported speech;
- counts for the Library view (words, quotes, numbers).

Notes and tags need nothing here: triggers index them straight from the annotations table. All
functions take the open transaction's Database and are called by the store's own writes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.pacing import give_way, paced
from desktop.store.corrections import match_record
from desktop.store.records import parse_auto_key

if TYPE_CHECKING:
    from desktop.analysis.records import Analysis

# A paragraph longer than this is cut (at a line break or a space) so snippets and hits stay local.
MAX_PASSAGE = 2000
NAME_KINDS = ("person", "organization")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def split_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated), long ones cut near MAX_PASSAGE."""
    spans: list[tuple[int, int]] = []
    at = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        _add_paragraph(text, at, end, spans)
        if m is not None:
            at = m.end()
    return spans


def _add_paragraph(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_PASSAGE:
        cut = text.rfind("\n", start + MAX_PASSAGE // 2, start + MAX_PASSAGE)
        if cut < 0:
            cut = text.rfind(" ", start + MAX_PASSAGE // 2, start + MAX_PASSAGE)
        if cut < 0:
            cut = start + MAX_PASSAGE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def drop_text_index(db: Database, document_id: int) -> None:
    db.execute(
        "DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)", [document_id]
    )
    db.execute("DELETE FROM passages WHERE document_id = ?", [document_id])


def index_text(db: Database, document_id: int, text: str) -> None:
    """The document's passages in the full-text index, and its word count."""
    drop_text_index(db, document_id)
    conn = db.conn
    for start, end in paced(split_passages(text)):
        rowid = conn.execute(
            'INSERT INTO passages (document_id, start, "end") VALUES (?, ?, ?)', [document_id, start, end]
        ).lastrowid
        conn.execute("INSERT INTO passages_fts (rowid, body) VALUES (?, ?)", [rowid, text[start:end]])
    db.execute(
        "UPDATE documents SET words = ?, indexed = 1 WHERE id = ?", [word_count(text), document_id]
    )


_SPACE = re.compile(r"\s")
WORD_PIECE = 65536  # characters counted at a time


def word_count(text: str, piece: int = WORD_PIECE) -> int:
    """len(text.split()), a piece at a time: one split of a 3 MB text made half a million strings in a
    single call that held the GIL for 100 ms while a window was showing the article."""
    count = at = 0
    while at < len(text):
        space = _SPACE.search(text, min(at + piece, len(text)))
        end = space.start() if space else len(text)
        count += len(text[at:end].split())  # each piece ends at a space, so no word is cut in two
        at = end + 1
        give_way()
    return count


def drop_analysis_index(db: Database, document_id: int) -> None:
    """Forget the quotes, names and claims of a document (its text changed; a new analysis will come)."""
    db.execute("DELETE FROM claims WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM quotes WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM names WHERE document_id = ?", [document_id])
    db.execute("UPDATE documents SET quote_count = NULL, number_count = NULL WHERE id = ?", [document_id])


def index_analysis(db: Database, document_id: int, analysis: Analysis) -> None:
    """Quotes, names, claims and counts of the document from this analysis of its current text."""
    drop_analysis_index(db, document_id)
    conn = db.conn
    quote_ids: list[int] = []
    for q in paced(analysis.quotes):
        canonical = q.speaker.canonical if q.speaker is not None else None
        written = q.speaker.text if q.speaker is not None else None
        quote_ids.append(
            conn.execute(
                'INSERT INTO quotes (document_id, start, "end", text, speaker, engine_speaker, speaker_as_written, cue) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [document_id, q.start, q.end, q.text, canonical, canonical, written, q.cue],
            ).lastrowid
        )
    names = Counter(
        (e.kind, " ".join((e.canonical or e.text).split())) for e in analysis.entities if e.kind in NAME_KINDS
    )
    conn.executemany(
        "INSERT INTO names (document_id, kind, name, mentions) VALUES (?, ?, ?, ?)",
        [(document_id, kind, name, n) for (kind, name), n in names.items() if len(name) > 1],
    )
    conn.executemany(
        'INSERT INTO claims (document_id, start, "end", text, value, unit, bound, kind, quote_id, source) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(document_id, *claim) for claim in _claims(analysis, quote_ids)],
    )
    db.execute(
        "UPDATE documents SET quote_count = ?, number_count = ? WHERE id = ?",
        [len(analysis.quotes), len(analysis.numbers), document_id],
    )
    sync_quote_verdicts(db, document_id)


def _claims(analysis: Analysis, quote_ids: list[int]) -> list[tuple]:
    """Numbers with who claims them: the quote they sit in, else the reported statement's source."""
    # Found by bisection, not by going over every quote for every number: that was quadratic, 1.3 s
    # of the store worker's Python for a 1 MB article and about 24 s for 3 MB, all while the window ran.
    quotes = sorted(zip(analysis.quotes, quote_ids, strict=True), key=lambda pair: pair[0].start)
    in_quote = _Containers([q for q, _i in quotes])
    statements = [f for f in analysis.facts if f.kind == "statement" and f.source and not f.quote_refs]
    statements.sort(key=lambda f: f.start)  # stable: the engine's facts already come in this order
    in_statement = _Containers(statements)
    found = []
    for n in paced(analysis.numbers):
        if n.kind == "ordinal":
            continue
        index = in_quote.first(n.start, n.end)
        quote_id = quotes[index][1] if index is not None else None
        source = None
        if quote_id is None:
            index = in_statement.first(n.start, n.end)
            source = statements[index].source if index is not None else None
            if source is None:
                continue
        found.append((n.start, n.end, n.text, n.value, n.unit, n.bound, n.kind, quote_id, source))
    return found


class _Containers:
    """Spans sorted by start; `first` finds the first of them that contains a range, in log time."""

    def __init__(self, spans: list[Any]) -> None:
        self.starts = [span.start for span in spans]
        # The largest end so far: it first reaches a range's end at a span that itself ends there or
        # later, and no earlier span does, so the first such index is the first container.
        self.reach = list(accumulate((span.end for span in spans), max))

    def first(self, start: int, end: int) -> int | None:
        began = bisect_right(self.starts, start)  # the spans that start at or before `start`
        index = bisect_left(self.reach, end, 0, began)
        return index if index < began else None


def sync_quote_verdicts(db: Database, document_id: int) -> None:
    """The reader's verdicts on quotes, onto the document's quote rows: a corrected speaker, a rejection."""
    db.execute(
        "UPDATE quotes SET speaker = engine_speaker, verdict = NULL WHERE document_id = ? "
        "AND (speaker IS NOT engine_speaker OR verdict IS NOT NULL)",
        [document_id],
    )
    verdicts = db.execute(
        'SELECT auto_key, status, speaker FROM annotations WHERE document_id = ? AND auto_key LIKE \'quote:%\' '
        "AND detached = 0 AND status != 'active'",
        [document_id],
    ).fetchall()
    if not verdicts:
        return
    rows = db.execute('SELECT id, start, "end" FROM quotes WHERE document_id = ?', [document_id]).fetchall()
    spans = [_Span(start, end) for _id, start, end in rows]
    for key, status, speaker in verdicts:
        _kind, start, end = parse_auto_key(key)
        index = match_record(spans, start, end)
        if index is None or status == "accepted":
            continue
        quote_id = rows[index][0]
        if status == "rejected":
            db.execute("UPDATE quotes SET verdict = 'rejected' WHERE id = ?", [quote_id])
        elif speaker:
            db.execute("UPDATE quotes SET speaker = ?, verdict = 'corrected' WHERE id = ?", [speaker, quote_id])


class _Span:
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def finish_indexing(db: Database, payload_of, decode) -> int:
    """Index the documents not indexed yet (those a migration brought in); returns how many.

    payload_of(db, sha256) -> the latest cached payload or None; decode(payload) -> Analysis or None.
    """
    pending = db.execute(
        "SELECT d.id, d.sha256, t.text FROM documents d JOIN texts t ON t.sha256 = d.sha256 WHERE d.indexed = 0"
    ).fetchall()
    for document_id, sha256, text in pending:
        index_text(db, document_id, text)
        payload = payload_of(db, sha256)
        analysis = decode(payload) if payload is not None else None
        if analysis is not None:
            index_analysis(db, document_id, analysis)
    return len(pending)
