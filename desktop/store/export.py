"""Annotations out of the library as CSV (for spreadsheets) or JSON Lines (for programs).

CSV: UTF-8 with a byte-order mark in a file (Excel then reads curly quotes and accented names right;
LibreOffice and csv readers skip it), without one on standard output, one row per annotation, the
header in HEADER. A text cell that starts with
=, +, -, @, tab or carriage return gets a leading single quote, as OWASP recommends against formula
injection, and every text cell is quoted. The one SELECT returns finished CSV lines (SQLite quotes
and neutralises in C), so 100,000 rows stream to the file in about half a second. Numbers
(annotation_id, start, end, value) are written as numbers, unquoted and never prefixed: a
negative value such as -3.5 is data a spreadsheet parses as a number, not a formula, and prefixing it
would turn it into text. `status` reads `detached` for an annotation whose passage is gone.
`tags` are joined with "; ". `page`, the last column, is the page the annotation starts on for a
paged document (a PDF's stored page map), empty for other formats.

JSONL: one object per line with the same keys, tags as a list, text exactly as stored (not
neutralised: JSON is read by programs, not evaluated by spreadsheets).

With include_auto, the automatic highlights of each document's latest cached analysis (entities,
quotes, numbers) follow as rows with source "auto", status "active" and their record key
(`quote:120:250`) as annotation_id; records the reader has already judged appear once, as the verdict.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from desktop.analysis.records import Analysis
from desktop.store.anchoring import quote_selector
from desktop.store.library import Library
from desktop.store.records import auto_key, normalise_tags

HEADER = (
    "document", "document_sha256", "annotation_id", "source", "category", "label", "start", "end", "exact",
    "prefix", "suffix", "note", "tags", "color", "speaker", "value", "unit", "bound", "status", "created",
    "modified", "page",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "jsonl")

_COLUMNS = {
    "document": "coalesce(d.path, d.title, d.sha256)",
    "document_sha256": "a.document_sha256",
    "annotation_id": "a.id",
    "source": "a.source",
    "category": "a.category",
    "label": "a.label",
    "start": "a.start",
    "end": 'a."end"',
    "exact": "a.exact",
    "prefix": "a.prefix",
    "suffix": "a.suffix",
    "note": "a.note",
    "tags": "a.tags",
    "color": "a.color",
    "speaker": "a.speaker",
    "value": "a.value",
    "unit": "a.unit",
    "bound": "a.bound",
    "status": "CASE WHEN a.detached THEN 'detached' ELSE a.status END",
    "created": "a.created",
    "modified": "a.modified",
    # documents.pages is the JSON list of where each page starts: the pages starting at or before the
    # annotation's start are its page number; none (an empty list) is NULL.
    "page": "nullif((SELECT count(*) FROM json_each(d.pages) WHERE json_each.value <= a.start), 0)",
}
# The first character's code point, for =, +, -, @, tab and carriage return.
_STARTS_CODES = "(61, 43, 45, 64, 9, 13)"
# Columns that can hold text from a reader or a document; the others hold numbers, hex digests,
# timestamps or the store's own vocabulary (source, status and bound are checked on the way in).
_INTEGER_COLUMNS = frozenset(("annotation_id", "start", "end", "page"))
_TEXT_COLUMNS = frozenset(
    ("document", "category", "label", "exact", "prefix", "suffix", "note", "tags", "color", "speaker", "unit")
)


def neutralise(cell: Any) -> Any:
    """OWASP: a text cell a spreadsheet would read as a formula gets a leading single quote."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _neutralised_sql(expression: str) -> str:
    return (
        f"CASE WHEN unicode({expression}) IN {_STARTS_CODES} THEN '''' || {expression} ELSE {expression} END"
    )


def _quoted_sql(expression: str, *, neutralised: bool = False) -> str:
    """RFC 4180 by hand, for the one cell not rendered by printf's %w (a text value)."""
    text = _neutralised_sql(expression) if neutralised else expression
    return f"""'"' || replace({text}, '"', '""') || '"'"""


def _csv_cell_sql(name: str, expression: str) -> tuple[str, str]:
    """(printf format, argument) for one cell. %w doubles double quotes: inside "…" that is RFC 4180
    quoting, done in C. NULL becomes an empty cell."""
    if name in _INTEGER_COLUMNS:
        return "%s", f"coalesce({expression}, '')"
    if name == "value":
        # Python's repr: the shortest text that reads back as the same double, as csv.writer writes it.
        return "%s", (
            f"CASE WHEN {expression} IS NULL THEN '' "
            f"WHEN typeof({expression}) = 'text' THEN {_quoted_sql(expression, neutralised=True)} "
            f"ELSE float_text({expression}) END"
        )
    if name in _TEXT_COLUMNS:
        expression = _neutralised_sql(expression)
    return '"%w"', f"coalesce({expression}, '')"


def _float_text(value: float) -> str:
    return repr(float(value))


def _csv_select(document_ids: list[int] | None) -> tuple[str, list[Any]]:
    """One SELECT whose rows are finished CSV lines, built by one printf per row: about half the CPU
    of handing 21 cells per row to csv.writer (measured with tests/bench/store_bench.py)."""
    formats, arguments = zip(*(_csv_cell_sql(name, sql) for name, sql in _COLUMNS.items()), strict=True)
    line = f"printf('{','.join(formats)}' || char(13, 10), {', '.join(arguments)})"
    return _select_sql(line, document_ids)


def _select(document_ids: list[int] | None) -> tuple[str, list[Any]]:
    return _select_sql(", ".join(_COLUMNS.values()), document_ids)


def _select_sql(columns: str, document_ids: list[int] | None) -> tuple[str, list[Any]]:
    where, args = "", []
    if document_ids is not None:
        where = f"WHERE a.document_id IN ({', '.join('?' for _ in document_ids)})"
        args = list(document_ids)
    # The order of the annotations_document index (document_id, start, rowid): no sort step.
    sql = (
        f"SELECT {columns} FROM annotations a JOIN documents d ON d.id = a.document_id "
        f"{where} ORDER BY a.document_id, a.start, a.id"
    )
    return sql, args


def export_csv(
    library: Library, out: TextIO, document_ids: list[int] | None = None, *, include_auto: bool = False
) -> int:
    """Write the header and one row per annotation to out (opened with newline=''); returns the row count.

    Text cells are always quoted (OWASP's advice, and what RFC 4180 allows); numbers never are.
    """
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    out.write(",".join(HEADER) + "\r\n")
    sql, args = _csv_select(document_ids)
    library.register_function(_float_text, "float_text")
    count = 0
    with library.rows(sql, args) as cursor:
        while batch := cursor.fetchmany(5000):
            out.write("".join([row[0] for row in batch]))
            count += len(batch)
    if include_auto:
        for row in automatic_rows(library, document_ids):
            writer.writerow(["" if row[name] is None else neutralise(row[name]) for name in HEADER])
            count += 1
    return count


def export_jsonl(
    library: Library, out: TextIO, document_ids: list[int] | None = None, *, include_auto: bool = False
) -> int:
    """Write one JSON object per annotation, one per line; returns the count."""
    sql, args = _select(document_ids)
    count = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with library.rows(sql, args) as cursor:
        while batch := cursor.fetchmany(5000):
            for row in batch:
                record = dict(zip(HEADER, row, strict=True))
                record["tags"] = list(normalise_tags(record["tags"]))
                out.write(dumps(record) + "\n")
            count += len(batch)
    if include_auto:
        for record in automatic_rows(library, document_ids):
            record["tags"] = []
            out.write(dumps(record) + "\n")
            count += 1
    return count


def write_export(
    library: Library,
    target: str | Path,
    fmt: str = "csv",
    document_ids: list[int] | None = None,
    *,
    include_auto: bool = False,
) -> int:
    """Export into a file (File > Export annotations…); returns the row count.

    Written to a temporary file beside the target and renamed into place, so a failed export never
    leaves half a file, nor destroys an earlier export of the same name. OSError names the target.
    The library's lock is held while rows stream (about 1 s per 100,000 annotations): from a worker
    thread, give it a Library of its own, e.g. open_library(path, read_only=True).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    write = export_jsonl if fmt == "jsonl" else export_csv
    target = Path(target).expanduser()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    try:
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"  # the byte-order mark Excel needs
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            count = write(library, out, document_ids, include_auto=include_auto)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def automatic_rows(library: Library, document_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """The engine's highlights from each document's latest cached analysis, minus the judged ones."""
    documents = library.documents()
    if document_ids is not None:
        documents = [d for d in documents if d.id in set(document_ids)]
    for document in documents:
        sha256, text = library.document_text(document.id)
        analysis = library.latest_analysis(sha256)
        if analysis is None:
            continue
        judged = {a.auto_key for a in library.annotations_for(document.sha256) if a.auto_key}
        name = document.path or document.title or sha256
        for row in _records(analysis):
            if row["annotation_id"] in judged:
                continue
            exact, prefix, suffix = quote_selector(text, row["start"], row["end"])
            row.update(document=name, document_sha256=sha256, exact=exact, prefix=prefix, suffix=suffix,
                       page=page_of(document.pages, row["start"]))
            yield row


def page_of(pages: tuple[int, ...], offset: int) -> int | None:
    """The 1-based page holding `offset` by a page map (Document.pages), None without one."""
    return max(1, bisect_right(pages, offset)) if pages else None


def _records(analysis: Analysis) -> Iterator[dict[str, Any]]:
    blank = dict.fromkeys(HEADER)
    blank.update(source="auto", status="active", note="", tags="", created="", modified="")
    for e in analysis.entities:
        yield {**blank, "annotation_id": auto_key("entity", e.start, e.end), "category": e.kind,
               "label": e.canonical or e.text, "start": e.start, "end": e.end}  # fmt: skip
    for q in analysis.quotes:
        speaker = (q.speaker.canonical or q.speaker.text) if q.speaker else None
        yield {**blank, "annotation_id": auto_key("quote", q.start, q.end), "category": "quote",
               "label": q.cue, "speaker": speaker, "start": q.start, "end": q.end}  # fmt: skip
    for n in analysis.numbers:
        yield {**blank, "annotation_id": auto_key("number", n.start, n.end), "category": "number",
               "label": n.kind, "value": n.value, "unit": n.unit, "bound": n.bound,
               "start": n.start, "end": n.end}  # fmt: skip
