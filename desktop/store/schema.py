"""The library's one schema: tables, pragmas, schema version and the migrations between versions.

The version lives in `PRAGMA user_version`; `PRAGMA application_id` marks the file as a Factlight
library so the store never adds its tables to another program's database. A fresh library runs every
migration from 0; an existing one is first copied to `<name>.bak-v<old>` (see `backup`), then migrated
in one transaction.
Migrations are history: never edit a step once released, add a new version instead.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

SCHEMA_VERSION = 2
APPLICATION_ID = 0x46414354  # "FACT"
TABLES = ("documents", "analyses", "annotations")

# version -> statements that take a library from version-1 to version.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT,
            sha256 TEXT NOT NULL,
            title TEXT,
            format TEXT,
            text TEXT NOT NULL,
            first_opened TEXT NOT NULL,
            last_opened TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX documents_path ON documents(path)",
        "CREATE INDEX documents_sha256 ON documents(sha256)",
        """CREATE TABLE analyses (
            id INTEGER PRIMARY KEY,
            document_sha256 TEXT NOT NULL,
            model TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            model_version TEXT,
            payload TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (document_sha256, model, engine_version)
        )""",
        # AUTOINCREMENT so a deleted id is never handed out again: undo restores an annotation by its id.
        # No ON DELETE CASCADE: notes must never vanish because a document row went away.
        """CREATE TABLE annotations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            document_sha256 TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',  -- "; "-joined; a tag never holds ";" (records.normalise_tags)
            color TEXT,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        "CREATE INDEX annotations_document ON annotations(document_id, start)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ),
    # Version 2: verdicts on automatic highlights (accept / reject / correct) live beside the reader's own.
    2: (
        "ALTER TABLE annotations ADD COLUMN source TEXT NOT NULL DEFAULT 'user'",
        "ALTER TABLE annotations ADD COLUMN category TEXT NOT NULL DEFAULT 'highlight'",
        "ALTER TABLE annotations ADD COLUMN label TEXT",
        "ALTER TABLE annotations ADD COLUMN speaker TEXT",
        "ALTER TABLE annotations ADD COLUMN value REAL",
        "ALTER TABLE annotations ADD COLUMN unit TEXT",
        "ALTER TABLE annotations ADD COLUMN bound TEXT",
        "ALTER TABLE annotations ADD COLUMN status TEXT NOT NULL DEFAULT 'active'",
        "ALTER TABLE annotations ADD COLUMN detached INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE annotations ADD COLUMN auto_key TEXT",
        "CREATE INDEX annotations_auto_key ON annotations(document_id, auto_key)",
    ),
}


def configure(db: Database, *, writable: bool) -> None:
    """Per-connection settings; WAL is a property of the file, so only a writable library switches it on."""
    db.execute("PRAGMA foreign_keys = ON")
    if writable:
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit that returned survives a power cut too, not only a killed process.
        db.execute("PRAGMA synchronous = FULL")


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def application_id(db: Database) -> int:
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def is_foreign(db: Database) -> bool:
    """A database with tables of its own that is not (and never was) a Factlight library."""
    if application_id(db) == APPLICATION_ID:
        return False
    names = set(db.table_names())
    return bool(names) and not set(TABLES) <= names


def backup_path(path: Path, version: int) -> Path:
    """`library.db.bak-v1`, or `.bak-v1.2`, … when an earlier copy is there: a backup is never overwritten."""
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.bak-v{version}.{n}")
    return candidate


def backup(db: Database, path: Path, version: int) -> Path:
    """Copy the library to `<name>.bak-v<version>` before it is migrated; returns the copy's path.

    A plain byte copy when the WAL holds nothing (so the backup is exactly the file the reader had),
    SQLite's online backup otherwise (so commits still in the WAL are in the copy too). The copy is made
    under a write lock, so no other process changes the file meanwhile.
    """
    destination = backup_path(path, version)
    wal = path.with_name(path.name + "-wal")
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            target = sqlite3.connect(str(destination))
            try:
                db.conn.backup(target)
            finally:
                target.close()
        else:
            shutil.copy2(path, destination)
    finally:
        db.conn.execute("ROLLBACK")
    return destination


def migrate(db: Database, target: int = SCHEMA_VERSION) -> None:
    """Bring the library up to `target` in one transaction (SQLite DDL is transactional), so a crash
    leaves either the old schema or the new one. Back the file up first (see `backup`)."""
    current = schema_version(db)
    if current >= target:
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current + 1, target + 1):
            for statement in MIGRATIONS[version]:
                db.execute(statement)
        db.conn.execute(f"PRAGMA user_version = {int(target)}")
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
