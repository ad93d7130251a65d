"""Bad library files: each gets a clear message and its bytes are left exactly as they were."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.store.errors import (
    CorruptLibraryError,
    LibraryLockedError,
    MissingLibraryError,
    NewerLibraryError,
    NotALibraryError,
    ReadOnlyLibraryError,
)
from desktop.store.library import open_library
from desktop.store.schema import SCHEMA_VERSION

from .conftest import file_digest


def filled_library(path: Path, document, count: int = 300) -> None:
    """A real library with enough rows to span many pages."""
    with open_library(path) as library:
        for i in range(count):
            library.add_annotation(document, i, i + 20, note=f"note {i} " * 10)


def test_a_text_file_is_not_a_library(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("These are my notes, not a database.\n" * 20, encoding="utf-8")
    before = file_digest(path)
    with pytest.raises(NotALibraryError, match="not a SQLite database") as caught:
        open_library(path)
    assert str(path) in str(caught.value)
    assert file_digest(path) == before


def test_another_programs_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = file_digest(path)
    with pytest.raises(NotALibraryError, match="another program"):
        open_library(path)
    assert file_digest(path) == before


@pytest.mark.parametrize("offset", [4096 * 2, 4096 * 5, 100])
def test_garbage_over_the_pages_is_reported_as_damage(db_path, document, offset):
    filled_library(db_path, document)
    data = bytearray(db_path.read_bytes())
    assert len(data) > 4096 * 6
    data[offset : offset + 2000] = os.urandom(2000)
    db_path.write_bytes(bytes(data))
    before = file_digest(db_path)
    with pytest.raises(CorruptLibraryError, match="damaged") as caught:
        open_library(db_path)
    assert "left unchanged" in str(caught.value)
    assert file_digest(db_path) == before


def test_a_truncated_file_is_reported_as_damage(db_path, document):
    filled_library(db_path, document)
    db_path.write_bytes(db_path.read_bytes()[:60])
    with pytest.raises(CorruptLibraryError, match="truncated"):
        open_library(db_path)
    assert len(db_path.read_bytes()) == 60


def test_read_only_when_asked_reads_everything_and_writes_nothing(db_path, document):
    filled_library(db_path, document, count=5)
    before = file_digest(db_path)
    with open_library(db_path, read_only=True) as library:
        assert library.read_only and "read-only" in library.notice
        assert len(library.annotations_for(document)) == 5
        with pytest.raises(ReadOnlyLibraryError, match="read-only"):
            library.add_annotation(document, 0, 5)
        with pytest.raises(ReadOnlyLibraryError):
            library.delete_annotation(1)
    assert file_digest(db_path) == before


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root can write a chmod 444 file, so the mode cannot make it read-only"
)
def test_a_file_without_write_permission_opens_read_only(db_path, document):
    filled_library(db_path, document, count=5)
    db_path.chmod(0o444)
    before = file_digest(db_path)
    with open_library(db_path) as library:
        assert library.read_only and "read-only" in library.notice
        assert len(library.annotations_for(document)) == 5
    assert file_digest(db_path) == before


def test_a_newer_library_opens_read_only_and_is_never_migrated_down(db_path, document):
    filled_library(db_path, document, count=5)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = file_digest(db_path)
    with open_library(db_path) as library:
        assert library.read_only
        assert "newer Factlight" in library.notice and f"schema {SCHEMA_VERSION + 1}" in library.notice
        assert len(library.annotations_for(document)) == 5
        with pytest.raises(NewerLibraryError, match="newer Factlight"):
            library.update_note(1, "x")
        assert library.schema_version() == SCHEMA_VERSION + 1
    assert file_digest(db_path) == before


HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "delete":
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE documents SET title = title")
    print("locked", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_library_locked_by_another_process_gives_a_clear_error(db_path, document, journal):
    filled_library(db_path, document, count=5)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path), journal], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = file_digest(db_path)
        with pytest.raises(LibraryLockedError, match="in use by another program"):
            open_library(db_path, busy_timeout=0.3)
        assert file_digest(db_path) == before
    finally:
        holder.kill()
        holder.wait()
    # Once the other process is gone the library opens and still holds everything.
    with open_library(db_path) as library:
        assert len(library.annotations_for(document)) == 5
        assert library.integrity_check() == "ok"


def test_a_write_while_another_process_holds_the_lock_is_refused_clearly(db_path, document):
    filled_library(db_path, document, count=1)
    with open_library(db_path, busy_timeout=0.3) as library:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(db_path), "wal"], stdout=subprocess.PIPE, text=True
        )
        try:
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(LibraryLockedError):
                library.add_annotation(document, 0, 5)
            assert len(library.annotations_for(document)) == 1
        finally:
            holder.kill()
            holder.wait()
        assert library.add_annotation(document, 0, 5).id == 2


def test_export_never_creates_a_library(tmp_path):
    with pytest.raises(MissingLibraryError, match="no library"):
        open_library(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_a_folder_is_not_a_library(tmp_path):
    with pytest.raises(NotALibraryError, match="folder"):
        open_library(tmp_path)


def test_an_empty_file_becomes_a_new_library(db_path, document):
    db_path.write_bytes(b"")
    with open_library(db_path) as library:
        assert library.add_annotation(document, 0, 5).id == 1
        assert library.integrity_check() == "ok"


def test_a_new_library_can_be_started_beside_a_bad_one(tmp_path):
    from desktop.store.library import fresh_library_path

    bad = tmp_path / "library.db"
    bad.write_text("garbage " * 100, encoding="utf-8")
    (tmp_path / "library-2.db").write_bytes(b"")
    fresh = fresh_library_path(bad)
    assert fresh == tmp_path / "library-3.db"
    with open_library(fresh) as library:
        assert library.integrity_check() == "ok"
    assert bad.read_text(encoding="utf-8") == "garbage " * 100
