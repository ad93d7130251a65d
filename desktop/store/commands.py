"""The library's command-line side: `factlight export …` and the `--db` of `factlight analyze`.

Errors go to stderr as one line for the reader, exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.analysis.records import Analysis
from desktop.config import default_db_path
from desktop.store.errors import LibraryError
from desktop.store.export import FORMATS, export_csv, export_jsonl, write_export
from desktop.store.library import Library, open_library

if TYPE_CHECKING:
    from desktop.documents.model import Document

EXIT_BAD_INPUT = 2


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlight export",
        description="Export the annotations kept in the library as CSV or JSON Lines.",
    )
    parser.add_argument(
        "--db", type=Path, help="library database (default: FACTLIGHT_DB or library.db in the data folder)"
    )
    parser.add_argument("--document", metavar="FILE", help="only the annotations of this article")
    parser.add_argument(
        "--format", choices=FORMATS, help="csv (default) or jsonl; guessed from -o when it ends in .jsonl"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="file to write (default: standard output)"
    )
    parser.add_argument(
        "--include-auto",
        action="store_true",
        help="also export the automatic highlights of the cached analyses",
    )
    return parser


def run_export(argv: list[str]) -> int:
    args = export_parser().parse_args(argv)
    db_path = args.db if args.db is not None else default_db_path()
    fmt = args.format or (
        "jsonl" if args.output is not None and args.output.suffix.lower() == ".jsonl" else "csv"
    )
    try:
        with open_library(db_path, read_only=True) as library:
            document_ids = None if args.document is None else _document_ids(library, args.document)
            write = export_jsonl if fmt == "jsonl" else export_csv
            if args.output is None:
                _write_stdout(lambda out: write(library, out, document_ids, include_auto=args.include_auto))
            else:
                write_export(library, args.output, fmt, document_ids, include_auto=args.include_auto)
    except BrokenPipeError:
        raise  # the reader stopped reading: desktop.commands.terminal ends quietly
    except (LibraryError, OSError) as exc:
        print(f"factlight: {_message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _message(exc: Exception) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, LibraryError):
        return f"cannot write {exc.filename or 'the output'}: {exc.strerror or exc}"
    return str(exc)


def _document_ids(library: Library, name: str) -> list[int]:
    """The library's documents for FILE: by its resolved path, else by the sha256 of its text."""
    path = Path(name).expanduser()
    ids = library.find_documents(str(path.resolve())) or library.find_documents(str(path))
    if not ids and path.is_file():
        from desktop.documents import DocumentError, load

        try:
            ids = library.find_documents(load(path).sha256)
        except DocumentError:
            ids = []
    if not ids:
        raise LibraryError(f"the library {library.path} has no document {name}")
    return ids


def _write_stdout(write) -> None:
    """UTF-8 whatever the terminal's encoding, with the CSV's own line ends."""
    sys.stdout.flush()
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        write(out)
        out.flush()
    finally:
        out.detach()


def store_analysis(db_path: str | Path, document: Document, analysis: Analysis) -> bool:
    """Remember the document and cache its analysis (`factlight analyze FILE --db PATH`).

    Returns False after printing the reason on stderr when the library cannot take it.
    """
    try:
        with open_library(db_path) as library:
            if library.read_only:
                print(f"factlight: {library.notice} The analysis was not stored.", file=sys.stderr)
                return False
            library.remember_document(document)
            library.save_analysis(document.sha256, analysis)
    except LibraryError as exc:
        print(f"factlight: {exc} The analysis was not stored.", file=sys.stderr)
        return False
    except OSError as exc:  # its folder cannot be made: a file in the way, read-only, no permission
        print(f"factlight: cannot create the library {db_path} ({_os_reason(exc)}). The analysis was not stored.",
              file=sys.stderr)
        return False
    return True


def _os_reason(exc: OSError) -> str:
    name = exc.filename or "the folder"
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return f"{name} is a file, not a folder"
    return f"{name}: {exc.strerror or exc}"
