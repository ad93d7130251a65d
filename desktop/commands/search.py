"""`factlight search QUERY [--db PATH] [--json]`: the library's articles that match, best first.

Words, "phrases", prefix*, -word, OR, and the filters speaker:, tag:, in:quotes|notes|text (see
desktop/store/search_query.py). Each article is listed with its best hits; the matched words are
shown in bold on a terminal, [in brackets] otherwise, and as `marks` offsets in the JSON.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.terminal import EXIT_BAD_INPUT, say, write_json
from desktop.config import default_db_path

BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlight search",
        description='Search every article in the library: words, "phrases", prefix*, -word, OR, and '
        "speaker:NAME, tag:TAG, in:quotes|notes|text.",
    )
    parser.add_argument("query", nargs="+", help="what to look for (several words are all needed)")
    parser.add_argument("--db", type=Path, help="library database (default: FACTLIGHT_DB or library.db in the data folder)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--limit", type=int, default=50, help="articles to list (default 50)")
    return parser


def run_search(argv: list[str]) -> int:
    from desktop.store import LibraryError, open_library
    from desktop.store.search_query import QueryError

    args = search_parser().parse_args(argv)
    text = " ".join(args.query)
    db_path = args.db if args.db is not None else default_db_path()
    try:
        with open_library(db_path, read_only=True, check=False) as library:
            found = library.search(text, limit=max(1, args.limit))
            paths = {e.id: e.path for e in library.catalogue_entries([r.document_id for r in found.results])}
    except (LibraryError, QueryError) as exc:
        say(str(exc))
        return EXIT_BAD_INPUT
    if args.json:
        write_json(_as_json(text, found, paths))
        return 0
    if not found.results:
        print(f"Nothing in the library matches {text!r}.")
        return 0
    bold = sys.stdout.isatty()
    for result in found.results:
        print(f"{result.title}  — {result.source} · {result.date}  ({result.total_hits} hit{'s' if result.total_hits != 1 else ''})")
        for hit in result.hits:
            who = f"{hit.speaker}: " if hit.speaker else ""
            print(f"  {hit.kind:<5} {who}{_marked(hit.snippet, hit.marks, bold)}")
    more = f" (the first {len(found.results)} shown)" if found.truncated else ""
    print(f"\n{found.articles} article{'s' if found.articles != 1 else ''} match{'' if found.articles != 1 else 'es'}{more}.")
    return 0


def _marked(snippet: str, marks: tuple[tuple[int, int], ...], bold: bool) -> str:
    opening, closing = (BOLD, PLAIN) if bold else ("[", "]")
    out, at = [], 0
    for start, end in marks:
        out += [snippet[at:start], opening, snippet[start:end], closing]
        at = end
    out.append(snippet[at:])
    return " ".join("".join(out).split())


def _as_json(text: str, found, paths: dict[int, str | None]) -> dict:
    return {
        "query": text,
        "articles": found.articles,
        "results": [
            {
                "document_id": r.document_id, "title": r.title, "source": r.source, "date": r.date,
                "path": paths.get(r.document_id), "hits_total": r.total_hits,
                "hits": [
                    {"kind": h.kind, "start": h.start, "end": h.end, "snippet": h.snippet,
                     "marks": [list(m) for m in h.marks], "speaker": h.speaker, "passage": h.passage,
                     "tags": h.tags}
                    for h in r.hits
                ],
            }
            for r in found.results
        ],
    }  # fmt: skip
