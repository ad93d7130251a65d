"""The library's connection: opening, migrating, and the transactions every other store module runs in.

Every write is its own `BEGIN IMMEDIATE … COMMIT` transaction (`_writing`), so a change is on disk (WAL,
synchronous=FULL) the moment the method returns; nothing waits for a save. A write made inside another
joins its transaction.

Threads: one connection opened with check_same_thread=False, every call serialised by a lock, so a
Library may be shared by threads and calls never interleave. The window's store worker opens a Library
of its own on the same path; WAL lets readers and the writer proceed side by side.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from desktop.store import schema
from desktop.store.errors import (
    CorruptLibraryError,
    LibraryError,
    LibraryLockedError,
    NewerLibraryError,
    NotALibraryError,
    ReadOnlyLibraryError,
)

DEFAULT_BUSY_TIMEOUT = 5.0


def now() -> str:
    """UTC, ISO 8601 with milliseconds: sorts as text and reads in any spreadsheet."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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


class Connection:
    """One SQLite connection to a library file, its lock and its transactions."""

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
    def _connect(cls, path: Path, *, writable: bool, busy_timeout: float, notice: str | None) -> Any:
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
            self._after_migration()
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def _after_migration(self) -> None:
        """What Python adds to a migration (indexing.finish_indexing); the composed Library fills it in."""

    def _become_read_only(self, notice: str) -> None:
        self._db.close()
        reopened = type(self)._connect(self.path, writable=False, busy_timeout=self._busy_timeout, notice=notice)
        self._db, self.read_only, self.notice = reopened._db, True, notice

    def _upgrade_in_memory(self) -> None:
        """An older library that may not be written is read through a migrated copy held in memory."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._db.conn.backup(memory)
        self._db.close()
        self._db = Database(memory, recursive_triggers=False, execute_plugins=False)
        schema.migrate(self._db)
        # The copy is writable, so the Python part of the migration can run on it too.
        read_only, self.read_only = self.read_only, False
        try:
            self._after_migration()
        finally:
            self.read_only = read_only

    # ---- plumbing ----------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Any:
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
        """'ok', or SQLite's description of the damage (the full-text indexes are checked too)."""
        with self._reading() as db:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
            # FTS5 checks its indexes through an INSERT, which a read-only connection may not run.
            if problems == ["ok"] and not self.read_only and schema.schema_version(db) >= 3:
                for table in ("passages_fts", "quotes_fts", "notes_fts"):
                    try:
                        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
                    except sqlite3.DatabaseError as exc:
                        problems = [f"{table}: {exc}"]
                        break
            return "; ".join(problems)

    def schema_version(self) -> int:
        with self._reading() as db:
            return schema.schema_version(db)

    def register_function(self, fn: Any, name: str) -> None:
        """Make a deterministic Python function callable from the store's SQL (idempotent)."""
        with self._lock:
            self._db.register_function(fn, deterministic=True, name=name)

    @contextmanager
    def rows(self, sql: str, args: list[Any] | None = None) -> Iterator[sqlite3.Cursor]:
        """A cursor over one SELECT, streamed while the lock is held (for the store's export module)."""
        with self._reading() as db:
            yield db.execute(sql, args or [])
