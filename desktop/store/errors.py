"""The errors the library raises; each message is written for the reader and names the file.

Every one of them means Factlight has not changed the file: the store never overwrites, truncates or
deletes a library it cannot use, so the UI can offer to open it read-only or to start a new one.
"""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """A library that cannot be opened or written; `str(error)` is meant for a person."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class CorruptLibraryError(LibraryError):
    """SQLite says the file is damaged ("database disk image is malformed")."""


class NotALibraryError(LibraryError):
    """The file is not a SQLite database, or is the database of another program."""


class ReadOnlyLibraryError(LibraryError):
    """A write was attempted on a library opened read-only (file not writable, newer schema, or asked)."""


class NewerLibraryError(ReadOnlyLibraryError):
    """The library was written by a newer Factlight; it is opened read-only and never migrated down."""


class LibraryLockedError(LibraryError):
    """Another process holds the database lock longer than the busy timeout."""


class MissingLibraryError(LibraryError):
    """No library exists at the path and the caller asked not to create one."""


class AnnotationNotFoundError(LibraryError, LookupError):
    """No annotation with that id (deleted meanwhile, or never there)."""
