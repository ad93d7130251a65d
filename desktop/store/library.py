"""The reader's library: documents, cached analyses and annotations in one SQLite file (via sqlite-utils).

Open it with `open_library(path)`. Every write is its own `BEGIN IMMEDIATE … COMMIT` transaction, so a
change is on disk (WAL, synchronous=FULL) the moment the method returns; nothing waits for a save.

Bad files are never overwritten, truncated or deleted. `open_library` raises a `LibraryError` subclass
with a message for the reader (corrupt, not SQLite, locked, missing), or returns a read-only Library with
`notice` saying why (file not writable, written by a newer Factlight, or read-only asked for).

Threads: one Library may be shared by the GUI thread and workers. It holds one connection opened with
check_same_thread=False and serialises every call with a lock, so each call is atomic and calls never
interleave on the connection. For long reads off the GUI thread, a worker may open its own Library on
the same path instead; WAL lets readers and the writer proceed side by side.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlite_utils import Database

from desktop.analysis.records import NUMBER_BOUNDS, Analysis
from desktop.store import schema
from desktop.store.anchoring import quote_selector, reanchor
from desktop.store.errors import (
    AnnotationNotFoundError,
    CorruptLibraryError,
    LibraryError,
    LibraryLockedError,
    MissingLibraryError,
    NewerLibraryError,
    NotALibraryError,
    ReadOnlyLibraryError,
)
from desktop.store.records import (
    SOURCES,
    STATUSES,
    Annotation,
    StoredDocument,
    auto_key,
    join_tags,
    normalise_tags,
    parse_auto_key,
)

if TYPE_CHECKING:
    # Only for annotations: importing the documents package would pull in every format loader.
    from desktop.documents.model import Document

SQLITE_HEADER = b"SQLite format 3\x00"
# How a cached analysis is serialised (json.dumps keywords).
PAYLOAD_JSON: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
DEFAULT_BUSY_TIMEOUT = 5.0

# Fields a caller may change on an existing annotation; position and selector change only by re-anchoring.
EDITABLE = ("category", "label", "note", "tags", "color", "speaker", "value", "unit", "bound", "status")

_ANNOTATION_COLUMNS = (
    'id, document_id, document_sha256, start, "end", exact, prefix, suffix, source, category, label, note, '
    "tags, color, speaker, value, unit, bound, status, detached, auto_key, created, modified"
)


def now() -> str:
    """UTC, ISO 8601 with milliseconds: sorts as text and reads in any spreadsheet."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def open_library(
    path: str | Path,
    *,
    read_only: bool = False,
    create: bool = True,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    check: bool = True,
) -> Library:
    """Open (or create) the library at path; see the module docstring for what can go wrong.

    `check` runs PRAGMA quick_check, so a damaged file is refused before anything is written into it.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise NotALibraryError(f"{path} is a folder, not a library file.", path)
    exists = path.exists()
    if not exists and (read_only or not create):
        raise MissingLibraryError(f"There is no library at {path}.", path)
    if exists:
        _check_header(path)
    notice = None
    writable = not read_only
    if read_only:
        notice = f"The library {path} was opened read-only, as asked; changes cannot be saved."
    elif exists and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        writable = False
        notice = (
            f"The library {path} (or its folder) is read-only, so it was opened read-only: "
            "you can read your notes, but changes cannot be saved."
        )
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    library = Library._connect(path, writable=writable, busy_timeout=busy_timeout, notice=notice)
    try:
        library._prepare(check=check)
    except BaseException:
        library.close()
        raise
    return library


def fresh_library_path(path: str | Path) -> Path:
    """A free name beside an unusable library (`library-2.db`, …) for the UI to offer a new one there."""
    path = Path(path).expanduser()
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise LibraryError(f"Cannot read the library {path}: {exc.strerror or exc}.", path) from exc
    # An empty file is what `touch` leaves; SQLite treats it as a new database, so do we.
    if head and not head.startswith(SQLITE_HEADER):
        raise NotALibraryError(
            f"{path} is not a Factlight library (not a SQLite database). It was left unchanged; "
            "choose another file or start a new library.",
            path,
        )
    if head and len(head) < 100:
        raise CorruptLibraryError(
            f"The library {path} is truncated (only {len(head)} bytes). It was left unchanged.", path
        )


def translate(exc: sqlite3.Error, path: Path | None) -> LibraryError:
    """A sqlite3 error as a LibraryError with a message for the reader."""
    message = str(exc).lower()
    name = str(path) if path is not None else "the library"
    if "locked" in message or "busy" in message:
        return LibraryLockedError(
            f"The library {name} is in use by another program, which kept it locked too long. "
            "Close the other program (or the other Factlight window) and try again.",
            path,
        )
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return CorruptLibraryError(
            f"The library {name} is damaged (SQLite says: {exc}). It was left unchanged; keep a copy, "
            "and start a new library (a tool such as `sqlite3 {name} .recover` may save its contents).",
            path,
        )
    if "readonly" in message or "read-only" in message:
        return ReadOnlyLibraryError(f"The library {name} cannot be written (SQLite says: {exc}).", path)
    if "full" in message:
        return LibraryError(f"The disk holding {name} is full; the last change was not saved.", path)
    return LibraryError(f"The library {name} cannot be used (SQLite says: {exc}).", path)


class Library:
    """Documents, cached analyses and annotations; every public method is one committed transaction."""

    def __init__(self, db: Database, path: Path | None, *, read_only: bool, notice: str | None) -> None:
        self._db = db
        self.path = path
        self.read_only = read_only
        self.notice = notice
        # The copy made before a migration at this opening, if one was made.
        self.backup_made: Path | None = None
        self._lock = threading.RLock()
        self._newer = False
        self._write_depth = 0
        self._busy_timeout = DEFAULT_BUSY_TIMEOUT

    # ---- opening ---------------------------------------------------------------------------------

    @classmethod
    def _connect(cls, path: Path, *, writable: bool, busy_timeout: float, notice: str | None) -> Library:
        try:
            if writable:
                conn = sqlite3.connect(
                    str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False
                )
            else:
                uri = f"file:{quote(str(path.resolve()))}?mode=ro"
                conn = sqlite3.connect(
                    uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
                )
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        db = Database(conn, recursive_triggers=False, execute_plugins=False)
        library = cls(db, path, read_only=not writable, notice=notice)
        library._busy_timeout = busy_timeout
        return library

    def _prepare(self, *, check: bool) -> None:
        db = self._db
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if check:
                problems = [row[0] for row in db.execute("PRAGMA quick_check(5)").fetchall()]
                if problems != ["ok"]:
                    raise CorruptLibraryError(
                        f"The library {self.path} is damaged ({'; '.join(problems)}). It was left unchanged; "
                        "keep a copy and start a new library.",
                        self.path,
                    )
            if schema.is_foreign(db):
                raise NotALibraryError(
                    f"{self.path} is a SQLite database of another program, not a Factlight library. "
                    "It was left unchanged; choose another file.",
                    self.path,
                )
            version = schema.schema_version(db)
            if version > schema.SCHEMA_VERSION:
                self._become_read_only(
                    f"The library {self.path} was written by a newer Factlight (schema {version}; this version "
                    f"knows {schema.SCHEMA_VERSION}). It was opened read-only and left unchanged."
                )
                self._newer = True
                schema.configure(self._db, writable=False)
                return
            if self.read_only:
                schema.configure(db, writable=False)
                if version < schema.SCHEMA_VERSION:
                    self._upgrade_in_memory()
                return
            try:
                if 0 < version < schema.SCHEMA_VERSION:
                    # Before anything is written, even the switch to WAL.
                    self.backup_made = schema.backup(db, self.path, version)
                schema.configure(db, writable=True)
                # Take the write lock once now, so a library held by another process is reported at
                # open rather than at the reader's first highlight.
                db.conn.execute("BEGIN IMMEDIATE")
                db.conn.execute("ROLLBACK")
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc).lower():
                    raise
                self._become_read_only(
                    f"The library {self.path} cannot be written here ({exc}); it was opened read-only."
                )
                if version < schema.SCHEMA_VERSION:
                    self._upgrade_in_memory()
                return
            schema.migrate(db)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def _become_read_only(self, notice: str) -> None:
        self._db.close()
        reopened = Library._connect(self.path, writable=False, busy_timeout=self._busy_timeout, notice=notice)
        self._db, self.read_only, self.notice = reopened._db, True, notice

    def _upgrade_in_memory(self) -> None:
        """An older library that may not be written is read through a migrated copy held in memory."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._db.conn.backup(memory)
        self._db.close()
        self._db = Database(memory, recursive_triggers=False, execute_plugins=False)
        schema.migrate(self._db)

    # ---- plumbing ----------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[Database]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        with self._lock:
            if self.read_only:
                error = NewerLibraryError if self._newer else ReadOnlyLibraryError
                raise error(self.notice or f"The library {self.path} is read-only.", self.path)
            conn = self._db.conn
            if self._write_depth:
                # A write made inside another (set_verdict -> add_annotation) joins its transaction.
                yield self._db
                return
            self._write_depth += 1
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise translate(exc, self.path) from exc
            finally:
                self._write_depth -= 1

    def interrupt(self) -> None:
        """Stop the read another thread is running on this library (a long export); it raises LibraryError.

        Safe from any thread, and deliberately without the lock, which the running read holds.
        """
        self._db.conn.interrupt()

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of the damage."""
        with self._reading() as db:
            return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check").fetchall())

    def schema_version(self) -> int:
        with self._reading() as db:
            return schema.schema_version(db)

    # ---- documents ---------------------------------------------------------------------------------

    def remember_document(self, document: Document) -> StoredDocument:
        """Record that the document was opened; if its file changed, move its annotations to the new text.

        Annotations that cannot be placed in the new text are kept, flagged detached; the counts are in
        the returned record (`reanchored`, `detached`).
        """
        with self._writing() as db:
            return self._remember(db, document)

    def _remember(self, db: Database, document: Document) -> StoredDocument:
        stamp = now()
        row = self._document_row(db, document)
        if row is None:
            cursor = db.execute(
                "INSERT INTO documents (path, sha256, title, format, text, first_opened, last_opened) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    document.path,
                    document.sha256,
                    document.title,
                    document.format,
                    document.text,
                    stamp,
                    stamp,
                ],
            )
            return StoredDocument(
                cursor.lastrowid,
                document.path,
                document.sha256,
                document.title,
                document.format,
                stamp,
                stamp,
            )
        moved = detached = 0
        if row["sha256"] != document.sha256:
            moved, detached = self._reanchor_all(db, row["id"], document)
            db.execute(
                "UPDATE documents SET sha256 = ?, text = ?, title = ?, format = ?, last_opened = ? WHERE id = ?",
                [document.sha256, document.text, document.title, document.format, stamp, row["id"]],
            )
        else:
            db.execute(
                "UPDATE documents SET title = ?, format = ?, last_opened = ? WHERE id = ?",
                [document.title, document.format, stamp, row["id"]],
            )
        return StoredDocument(
            row["id"], document.path, document.sha256, document.title, document.format,
            row["first_opened"], stamp, reanchored=moved, detached=detached,
        )  # fmt: skip

    def _reanchor_all(self, db: Database, document_id: int, document: Document) -> tuple[int, int]:
        moved = detached = 0
        rows = db.execute(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE document_id = ?", [document_id]
        )
        for annotation in [_annotation(r) for r in rows.fetchall()]:
            placed = reanchor(annotation, document.text)
            if placed is None:
                detached += 1
                # The selector is left as it was: it may still match if the text comes back.
                db.execute("UPDATE annotations SET detached = 1 WHERE id = ?", [annotation.id])
                continue
            moved += 1
            start, end = placed
            exact, prefix, suffix = quote_selector(document.text, start, end)
            key = annotation.auto_key
            if key is not None:
                key = auto_key(parse_auto_key(key)[0], start, end)
            db.execute(
                'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, detached = 0, '
                "document_sha256 = ?, auto_key = ? WHERE id = ?",
                [start, end, exact, prefix, suffix, document.sha256, key, annotation.id],
            )
        return moved, detached

    @staticmethod
    def _document_row(db: Database, document: Document) -> dict[str, Any] | None:
        if document.path is not None:
            sql, args = "SELECT id, sha256, first_opened FROM documents WHERE path = ?", [document.path]
        else:
            sql, args = (
                "SELECT id, sha256, first_opened FROM documents WHERE path IS NULL AND sha256 = ?",
                [document.sha256],
            )
        return next(db.query(sql, args), None)

    def _ensure_document(self, db: Database, document: Document) -> int:
        row = self._document_row(db, document)
        if row is not None and row["sha256"] == document.sha256:
            return row["id"]
        return self._remember(db, document).id

    def documents(self) -> list[StoredDocument]:
        with self._reading() as db:
            return [
                StoredDocument(
                    r["id"],
                    r["path"],
                    r["sha256"],
                    r["title"],
                    r["format"],
                    r["first_opened"],
                    r["last_opened"],
                )
                for r in db.query(
                    "SELECT id, path, sha256, title, format, first_opened, last_opened FROM documents ORDER BY id"
                )
            ]

    def find_documents(self, key: Document | Path | str) -> list[int]:
        """Ids of the documents a key names: a Document, a path (Path or str), or a 64-hex sha256."""
        with self._reading() as db:
            if not isinstance(key, str | Path):
                row = self._document_row(db, key)
                return [row["id"]] if row else []
            if isinstance(key, str) and len(key) == 64 and all(c in "0123456789abcdef" for c in key):
                rows = db.execute("SELECT id FROM documents WHERE sha256 = ? ORDER BY id", [key])
            else:
                rows = db.execute("SELECT id FROM documents WHERE path = ? ORDER BY id", [str(key)])
            return [r[0] for r in rows.fetchall()]

    def document_text(self, document_id: int) -> tuple[str, str]:
        """(sha256, text) of the text the library last saw for this document."""
        with self._reading() as db:
            row = db.execute("SELECT sha256, text FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise LibraryError(f"No document {document_id} in the library {self.path}.", self.path)
        return row[0], row[1]

    # ---- analyses ----------------------------------------------------------------------------------

    def cached_analysis(self, sha256: str, model: str, engine_version: str) -> Analysis | None:
        """The analysis saved for this exact text, model and engine version; None if there is none."""
        with self._reading() as db:
            row = db.execute(
                "SELECT payload FROM analyses WHERE document_sha256 = ? AND model = ? AND engine_version = ?",
                [sha256, model, str(engine_version)],
            ).fetchone()
        return _analysis_from_payload(row[0]) if row else None

    def latest_analysis(self, sha256: str) -> Analysis | None:
        """The most recently saved analysis of this text by any model (for export)."""
        with self._reading() as db:
            row = db.execute(
                "SELECT payload FROM analyses WHERE document_sha256 = ? ORDER BY created DESC, id DESC LIMIT 1",
                [sha256],
            ).fetchone()
        return _analysis_from_payload(row[0]) if row else None

    def save_analysis(self, sha256: str, analysis: Analysis, *, payload: str | None = None) -> None:
        """Cache the analysis of the text with this sha256, replacing one by the same model and engine.

        `payload`, when given, is that analysis already serialised exactly as here (PAYLOAD_JSON of
        `analysis.to_dict()`), e.g. by the process that made it, so a GUI process need not.
        """
        if payload is None:
            payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
        with self._writing() as db:
            db.execute(
                "INSERT INTO analyses (document_sha256, model, engine_version, model_version, payload, created) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_sha256, model, engine_version) DO UPDATE SET "
                "model_version = excluded.model_version, payload = excluded.payload, created = excluded.created",
                [
                    sha256,
                    analysis.model_name,
                    str(analysis.engine_version),
                    analysis.model_version,
                    payload,
                    now(),
                ],
            )

    # ---- annotations -------------------------------------------------------------------------------

    def add_annotation(
        self,
        document: Document,
        start: int,
        end: int,
        *,
        source: str = "user",
        category: str = "highlight",
        label: str | None = None,
        note: str = "",
        tags: tuple[str, ...] | list[str] | str = (),
        color: str | None = None,
        speaker: str | None = None,
        value: float | None = None,
        unit: str | None = None,
        bound: str | None = None,
        status: str = "active",
        auto_key: str | None = None,
    ) -> Annotation:
        """Save a highlight of document.text[start:end] and return it, committed, with its new id.

        The document is remembered first if the library does not know this text yet.
        """
        if not 0 <= start < end <= len(document.text):
            raise ValueError(
                f"annotation span {start}..{end} is not inside the text (length {len(document.text)})"
            )
        _check_fields(source=source, status=status, bound=bound, value=value)
        exact, prefix, suffix = quote_selector(document.text, start, end)
        stamp = now()
        with self._writing() as db:
            document_id = self._ensure_document(db, document)
            cursor = db.execute(
                'INSERT INTO annotations (document_id, document_sha256, start, "end", exact, prefix, suffix, '
                "source, category, label, note, tags, color, speaker, value, unit, bound, status, detached, "
                "auto_key, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                [
                    document_id, document.sha256, start, end, exact, prefix, suffix, source, category, label,
                    note, join_tags(tags), color, speaker,
                    value, unit, bound, status, auto_key, stamp, stamp,
                ],
            )  # fmt: skip
            return self._get(db, cursor.lastrowid)

    def set_verdict(
        self, document: Document, kind: str, start: int, end: int, status: str, **corrections: Any
    ) -> Annotation:
        """Accept, reject or correct the automatic record of `kind` at start..end (one verdict per record).

        corrections: speaker (a quote's right speaker), value / unit / bound (a number), label (an
        entity's canonical name), category (an entity's kind), note, tags.
        """
        key = auto_key(kind, start, end)
        with self._writing():
            existing = self._verdict_id(document, key)
            if existing is not None:
                return self.update_annotation(existing, status=status, **corrections)
            fields = {"category": kind, **corrections}
            return self.add_annotation(
                document, start, end, source="auto", status=status, auto_key=key, **fields
            )

    def _verdict_id(self, document: Document, key: str) -> int | None:
        row = self._db.execute(
            "SELECT a.id FROM annotations a JOIN documents d ON d.id = a.document_id "
            "WHERE a.auto_key = ? AND d.sha256 = ? AND (d.path IS ? OR d.path = ?)",
            [key, document.sha256, document.path, document.path],
        ).fetchone()
        return row[0] if row else None

    def update_annotation(self, annotation_id: int, **changes: Any) -> Annotation:
        """Change any of EDITABLE on one annotation; `modified` is stamped. Returns the new record."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
        _check_fields(status=changes.get("status"), bound=changes.get("bound"), value=changes.get("value"))
        if "tags" in changes:
            changes["tags"] = join_tags(changes["tags"])
        with self._writing() as db:
            self._get(db, annotation_id)
            if changes:
                sets = ", ".join(f"{name} = ?" for name in changes)
                db.execute(
                    f"UPDATE annotations SET {sets}, modified = ? WHERE id = ?",
                    [*changes.values(), now(), annotation_id],
                )
            return self._get(db, annotation_id)

    def update_note(self, annotation_id: int, note: str) -> Annotation:
        return self.update_annotation(annotation_id, note=note)

    def update_tags(self, annotation_id: int, tags: tuple[str, ...] | list[str] | str) -> Annotation:
        return self.update_annotation(annotation_id, tags=tags)

    def update_category(self, annotation_id: int, category: str, color: str | None = None) -> Annotation:
        return self.update_annotation(annotation_id, category=category, color=color)

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete one annotation; returns it so Undo can hand it back to restore_annotation."""
        with self._writing() as db:
            gone = self._get(db, annotation_id)
            db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            return gone

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Put a record back exactly as it was, same id (Undo of a delete or of an edit, Redo of an add)."""
        _check_fields(
            source=annotation.source, status=annotation.status, bound=annotation.bound, value=annotation.value
        )
        row = _row(annotation)
        columns = ", ".join(f'"{c}"' for c in row)
        with self._writing() as db:
            db.execute(
                f"INSERT OR REPLACE INTO annotations ({columns}) VALUES ({', '.join('?' for _ in row)})",
                list(row.values()),
            )
            return self._get(db, annotation.id)

    def annotation(self, annotation_id: int) -> Annotation:
        with self._reading() as db:
            return self._get(db, annotation_id)

    def annotations_for(self, key: Document | Path | str) -> list[Annotation]:
        """A document's annotations in reading order, detached ones last (they are kept, never dropped).

        key: a Document, its path (Path or str) or its sha256 (64 hex characters).
        """
        ids = self.find_documents(key)
        if not ids:
            return []
        with self._reading() as db:
            marks = ", ".join("?" for _ in ids)
            rows = db.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE document_id IN ({marks}) "
                'ORDER BY detached, start, "end", id',
                ids,
            )
            return [_annotation(r) for r in rows.fetchall()]

    def count_annotations(self) -> int:
        with self._reading() as db:
            return db.execute("SELECT count(*) FROM annotations").fetchone()[0]

    def _get(self, db: Database, annotation_id: int) -> Annotation:
        row = db.execute(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", [annotation_id]
        ).fetchone()
        if row is None:
            raise AnnotationNotFoundError(
                f"There is no annotation {annotation_id} in the library.", self.path
            )
        return _annotation(row)

    # ---- export ------------------------------------------------------------------------------------

    def register_function(self, fn: Any, name: str) -> None:
        """Make a deterministic Python function callable from the store's SQL (idempotent)."""
        with self._lock:
            self._db.register_function(fn, deterministic=True, name=name)

    @contextmanager
    def rows(self, sql: str, args: list[Any] | None = None) -> Iterator[sqlite3.Cursor]:
        """A cursor over one SELECT, streamed while the lock is held (for the store's export module)."""
        with self._reading() as db:
            yield db.execute(sql, args or [])


def _check_fields(
    *, source: str | None = None, status: str | None = None, bound: str | None = None, value: Any = None
) -> None:
    # These columns are exported without formula neutralising, so only known words and numbers go in.
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ValueError(f"value must be a number or None, not {value!r}")
    if source is not None and source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if bound is not None and bound not in NUMBER_BOUNDS:
        raise ValueError(f"bound must be one of {', '.join(NUMBER_BOUNDS)}, not {bound!r}")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk of acyclic objects is made.

    Decoding a 1 MB article's analysis makes about 100,000 dicts, tuples and records and no cycles; the
    collector's passes over everything else alive added up to 40 % to it (measured with a few analyses
    in memory). The collector is global, so it is switched back on only if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analysis_from_payload(payload: str) -> Analysis | None:
    # A cache entry that no longer parses is a miss, not an error: the article is simply analysed again.
    try:
        with gc_paused():
            return Analysis.from_dict(json.loads(payload))
    except (ValueError, TypeError, KeyError):
        return None


def _annotation(row: tuple) -> Annotation:
    (id_, document_id, sha, start, end, exact, prefix, suffix, source, category, label, note, tags, color,
     speaker, value, unit, bound, status, detached, key, created, modified) = row  # fmt: skip
    return Annotation(
        id=id_, document_id=document_id, document_sha256=sha, start=start, end=end, exact=exact,
        prefix=prefix, suffix=suffix, source=source, category=category, label=label, note=note,
        tags=normalise_tags(tags), color=color, speaker=speaker, value=value, unit=unit, bound=bound,
        status=status, detached=bool(detached), auto_key=key, created=created, modified=modified,
    )  # fmt: skip


def _row(annotation: Annotation) -> dict[str, Any]:
    row = {name: getattr(annotation, name) for name in _ANNOTATION_COLUMNS.replace('"', "").split(", ")}
    row["tags"] = join_tags(annotation.tags)
    row["detached"] = int(annotation.detached)
    return row
