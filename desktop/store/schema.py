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

from desktop.store.migrations import APPLICATION_ID, MIGRATIONS

SCHEMA_VERSION = max(MIGRATIONS)
TABLES = ("documents", "analyses", "annotations")


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
