"""Importing files into the library: folders walked, every article analysed once and stored as it is done.

`import_files(db_path, paths, processes=…)` walks the paths (folders recursively) for every format
`desktop.documents` reads (`supported_suffixes()`, so a format added there is imported with no change
here), and for each file:
- skips it when its bytes (source_sha256) or its text (sha256) are already in the library;
- else loads and analyses it in one of `processes` worker processes (forked once the pipeline is
  loaded, so they start at once), and stores the document and its analysis in one transaction;
- a file that cannot be read is reported with the reason and the import goes on.

Every file is committed on its own, so an import stopped in any way (Cancel, Ctrl+C, SIGKILL, a power
cut) leaves whole files only, and the next run skips those and goes on where it stopped. Progress is
reported as plain ImportEvents through `report`; `cancelled()` is asked between files.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.config import PROCESSES_ENV, ModelChoice

ALREADY = "already in the library"


@dataclass(frozen=True)
class ImportEvent:
    """One step: kind is "started" (total known), "imported", "skipped", "failed" or "finished"."""

    kind: str
    path: str = ""
    message: str = ""
    done: int = 0
    total: int = 0
    document_id: int | None = None


@dataclass
class ImportSummary:
    imported: list[int] = field(default_factory=list)  # document ids, in the order stored
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False
    seconds: float = 0.0
    total: int = 0


class ImportFailed(Exception):
    """The import cannot run at all (no spaCy pipeline, a library that cannot be written)."""


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The supported files under `paths` (folders walked, hidden entries skipped), sorted, each once;
    and (path, reason) for each path that is missing or not of a supported format."""
    from desktop.documents import supported_suffixes

    suffixes = set(supported_suffixes())
    found: dict[Path, None] = {}
    problems: list[tuple[str, str]] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            for folder, names, files in os.walk(path):
                names[:] = sorted(n for n in names if not n.startswith("."))
                for name in sorted(files):
                    candidate = Path(folder) / name
                    if not name.startswith(".") and candidate.suffix.lower() in suffixes:
                        found.setdefault(candidate.resolve(), None)
        elif path.is_file():
            if path.suffix.lower() in suffixes:
                found.setdefault(path.resolve(), None)
            else:
                problems.append((str(path), f"not a format Factlight reads ({', '.join(sorted(suffixes))})"))
        else:
            problems.append((str(path), "no such file or folder"))
    return list(found), problems


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def import_files(
    db_path: str | Path,
    paths: Iterable[str | Path],
    *,
    processes: int = 1,
    model: ModelChoice | None = None,
    report: Callable[[ImportEvent], None] = lambda _event: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportSummary:
    """Import the files under `paths` into the library at db_path (see the module docstring)."""
    from desktop.store.library import open_library

    started = time.perf_counter()
    model = model or ModelChoice.from_environment()
    files, problems = collect_files(paths)
    summary = ImportSummary(total=len(files) + len(problems))
    report(ImportEvent("started", total=summary.total))
    done = 0
    for path, reason in problems:
        done += 1
        summary.failed.append((path, reason))
        report(ImportEvent("failed", path, reason, done, summary.total))
    with open_library(db_path) as library:
        if library.read_only:
            raise ImportFailed(library.notice or f"The library {db_path} cannot be written.")
        pending: list[tuple[Path, str]] = []
        for path in files:
            try:
                digest = file_digest(path)
            except OSError as exc:
                done += 1
                summary.failed.append((str(path), exc.strerror or str(exc)))
                report(ImportEvent("failed", str(path), summary.failed[-1][1], done, summary.total))
                continue
            if library.has_content(source_sha256=digest):
                done += 1
                summary.skipped += 1
                report(ImportEvent("skipped", str(path), ALREADY, done, summary.total))
            else:
                pending.append((path, digest))
        if pending and not cancelled():
            _warm_up(model)
            with closing(_analysed(pending, processes, model, str(library.path), cancelled)) as results:
                for kind, path, payload in results:
                    done += 1
                    if kind == "analysed" and library.has_content(sha256=payload[0].sha256):
                        kind, payload = "skipped", ALREADY  # the same text in two files of this import
                    if kind == "analysed":
                        document, analysis, serialised, digest = payload
                        stored = library.add_analysed(document, analysis, serialised, source_sha256=digest)
                        summary.imported.append(stored.id)
                        report(ImportEvent("imported", path, _counts(analysis), done, summary.total, stored.id))
                    elif kind == "skipped":
                        summary.skipped += 1
                        report(ImportEvent("skipped", path, payload, done, summary.total))
                    else:
                        summary.failed.append((path, payload))
                        report(ImportEvent("failed", path, payload, done, summary.total))
                    if cancelled():
                        break
    summary.cancelled = cancelled() and done < summary.total
    summary.seconds = time.perf_counter() - started
    report(ImportEvent("finished", done=done, total=summary.total))
    return summary


def _counts(analysis: Any) -> str:
    return f"{len(analysis.quotes)} quotes, {len(analysis.numbers)} numbers"


def _warm_up(model: ModelChoice) -> None:
    """Load the pipeline here before any worker is forked; a missing one stops the import at once."""
    from desktop.analysis.engine import analyze_text

    try:
        analyze_text("Warm-up sentence, the importer said.", model)
    except Exception as exc:  # ModelError and any broken install: one message, not one per file
        raise ImportFailed(str(exc)) from exc


# ---- workers -------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _analysed(
    pending: list[tuple[Path, str]], processes: int, model: ModelChoice, db_path: str, cancelled: Callable[[], bool]
) -> Iterator[tuple[str, str, Any]]:
    """("analysed" | "skipped" | "failed", path, details) for each pending file, as they finish."""
    jobs = [(str(path), digest) for path, digest in pending]
    if processes <= 1 or len(jobs) == 1 or not _can_fork():
        _start_worker(model, db_path, watch_parent=False)
        try:
            for job in jobs:
                yield _analyse_file(job)
                if cancelled():
                    return
        finally:
            _stop_worker()
        return
    context = multiprocessing.get_context("fork")
    pool = context.Pool(
        min(processes, len(jobs)), initializer=_start_worker, initargs=(model, db_path, True)
    )
    finished = False
    try:
        yield from pool.imap_unordered(_analyse_file, jobs, chunksize=1)
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def _can_fork() -> bool:
    return multiprocessing.get_all_start_methods()[0] == "fork"


def _start_worker(model: ModelChoice, db_path: str, watch_parent: bool) -> None:
    import signal

    from desktop.store.library import open_library

    if watch_parent:
        # Ctrl+C and Cancel are the parent's to handle; and a parent that is killed takes its workers along.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _watch_parent(os.getppid())
        # One process per file: a long text must not fork helpers of its own as well.
        os.environ[PROCESSES_ENV] = "1"
    _WORKER["model"] = model
    _WORKER["library"] = open_library(db_path, read_only=True, check=False)


def _stop_worker() -> None:
    library = _WORKER.pop("library", None)
    if library is not None:
        library.close()


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="factlight-import-parent", daemon=True).start()


def _analyse_file(job: tuple[str, str]) -> tuple[str, str, Any]:
    import json

    from desktop.analysis.engine import analyze_text
    from desktop.documents import DocumentError, load
    from desktop.store.analyses import PAYLOAD_JSON

    name, digest = job
    try:
        document = load(name)
    except DocumentError as exc:
        return "failed", name, str(exc)
    except Exception as exc:  # a loader bug must not stop the import
        return "failed", name, f"could not be read: {exc}"
    if _WORKER["library"].has_content(sha256=document.sha256):
        return "skipped", name, ALREADY
    try:
        analysis = analyze_text(document.text, _WORKER["model"])
    except Exception as exc:
        return "failed", name, f"the analysis failed: {exc}"
    payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    return "analysed", name, (document, analysis, payload, digest)


def serve_import(connection: Any, db_path: str, paths: list[str], processes: int, model: ModelChoice) -> None:
    """Entry point of the window's import process: events out, "cancel" in, over one duplex pipe.

    Sends ("event", ImportEvent) for each step, then ("done", ImportSummary) or ("error", message).
    """
    from desktop.store.errors import LibraryError

    stop = [False]

    def cancelled() -> bool:
        try:
            while connection.poll():
                if connection.recv() == "cancel":
                    stop[0] = True
        except (EOFError, OSError):  # the window is gone: stop too
            stop[0] = True
        return stop[0]

    def report(event: ImportEvent) -> None:
        try:
            connection.send(("event", event))
        except (BrokenPipeError, OSError):
            stop[0] = True

    try:
        summary = import_files(db_path, paths, processes=processes, model=model, report=report, cancelled=cancelled)
    except (ImportFailed, LibraryError) as exc:
        _send(connection, ("error", str(exc)))
    except Exception as exc:  # reach the window as a message, not as a silent dead process
        _send(connection, ("error", f"The import failed: {exc}"))
    else:
        _send(connection, ("done", summary))


def _send(connection: Any, message: tuple) -> None:
    with suppress(OSError):  # the window has gone
        connection.send(message)
