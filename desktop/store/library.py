"""The reader's library: documents, cached analyses and annotations in one SQLite file (via sqlite-utils).

Open it with `open_library(path)`. Bad files are never overwritten, truncated or deleted: `open_library`
raises a `LibraryError` subclass with a message for the reader (corrupt, not SQLite, locked, missing), or
returns a read-only Library with `notice` saying why (file not writable, written by a newer Factlight, or
read-only asked for).

`Library` is composed of one class per concern, each in its own module:
connection.py (opening, migration, transactions, threads), documents.py (documents and their versions),
analyses.py (the analysis cache), annotations.py (highlights, notes, verdicts), catalogue.py (what the
Library view lists, removal), search.py (full-text search), people.py (who said what across articles).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.store.analyses import PAYLOAD_JSON
from desktop.store.connection import DEFAULT_BUSY_TIMEOUT, now, translate
from desktop.store.errors import CorruptLibraryError, LibraryError, MissingLibraryError, NotALibraryError
from desktop.store.indexing import finish_indexing
from desktop.store.people import People

__all__ = ["PAYLOAD_JSON", "Library", "fresh_library_path", "now", "open_library", "translate"]

SQLITE_HEADER = b"SQLite format 3\x00"


class Library(People):
    """Documents, cached analyses, annotations, search and people; every public method is one transaction."""

    def _after_migration(self) -> None:
        from desktop.store.analyses import analysis_from_payload, latest_payload

        with self._writing() as db:
            finish_indexing(db, latest_payload, analysis_from_payload)


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

