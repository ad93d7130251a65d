"""`factlight quotes [--speaker NAME] [--db PATH] [--json|--csv]`: who said what, across the library.

Every attributed quote and number claim, newest article first, or those of one person: NAME is matched
as the People panel merges names ("Kirby" finds John Kirby when the library has one Kirby; with two,
the command lists them and asks for the full name). Versions of one statement share a variant group.
CSV cells a spreadsheet would run as a formula are neutralised as in `factlight export`.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from desktop.commands.terminal import EXIT_BAD_INPUT, say, write_json
from desktop.config import default_db_path

CSV_HEADER = (
    "kind", "speaker", "text", "value", "unit", "date", "article", "source", "path", "start", "end", "variant_group",
)  # fmt: skip
EXIT_NOT_FOUND = 1
QUOTE_MARKS = "“”„‟«»\"'‘’"


def quotes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlight quotes",
        description="List the quotes and number claims in the library, newest first, of everyone or of one person.",
    )
    parser.add_argument("--speaker", metavar="NAME", help='only this person or organisation ("Kirby", "John Kirby")')
    parser.add_argument("--db", type=Path, help="library database (default: FACTLIGHT_DB or library.db in the data folder)")
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="print JSON")
    formats.add_argument("--csv", action="store_true", help="print CSV (UTF-8, formula cells neutralised)")
    return parser


def run_quotes(argv: list[str]) -> int:
    from desktop.store import LibraryError, open_library

    args = quotes_parser().parse_args(argv)
    db_path = args.db if args.db is not None else default_db_path()
    try:
        with open_library(db_path, read_only=True, check=False) as library:
            names = None
            if args.speaker is not None:
                people = library.find_people(args.speaker)
                if not people:
                    say(f"no one called {args.speaker!r} is quoted or named in the library {db_path}")
                    return EXIT_NOT_FOUND
                if len(people) > 1:
                    say(f"{args.speaker!r} may be any of: {'; '.join(p.name for p in people)}. Give the full name.")
                    return EXIT_BAD_INPUT
                names = people[0].names
            statements = library.statements(names)
    except LibraryError as exc:
        say(str(exc))
        return EXIT_BAD_INPUT
    if args.json:
        write_json([_record(s) for s in statements])
    elif args.csv:
        _write_csv(statements)
    else:
        for s in statements:
            print(f"{s.date}  {s.speaker}: {_said(s)}  — {s.title} ({s.source})")
        if not statements:
            print("No attributed quotes in the library yet.")
    return 0


def _said(s) -> str:
    if s.kind == "quote":
        return "“" + " ".join(s.text.strip(QUOTE_MARKS).split()) + "”"
    return f"number {s.text}" + (f" ({s.unit})" if s.unit else "")


def _record(s) -> dict:
    return {
        "kind": s.kind, "speaker": s.speaker, "text": s.text, "value": s.value, "unit": s.unit, "date": s.date,
        "article": s.title, "source": s.source, "path": s.path, "document_id": s.document_id, "start": s.start,
        "end": s.end, "variant_group": s.variant_group,
    }  # fmt: skip


def _write_csv(statements) -> None:
    from desktop.store.export import neutralise

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_HEADER)
    for s in statements:
        record = _record(s)
        writer.writerow(["" if record[k] is None else neutralise(record[k]) for k in CSV_HEADER])
    sys.stdout.flush()
    sys.stdout.buffer.write(buffer.getvalue().encode("utf-8"))
