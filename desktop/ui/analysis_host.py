"""The analysis process: loads the spaCy pipeline and analyses texts away from the window's interpreter.

Measured on this machine, importing spaCy and loading the pipeline in a thread of the GUI process held
the GIL long enough to stall the window by 120–170 ms, and the extractors add stalls of their own. In a
separate (spawned) process neither touches the GUI's interpreter. This module must not import Qt: it is
what the child process runs. Messages are plain tuples over two one-way pipes.

Parent -> child:  ("analyze", job, text, processes or None) | ("cancel", job) | ("quit",)
Child -> parent:  ("model_loaded", name, version) | ("model_failed", message)
                  ("started", job, processes) | ("progress", job, fraction) | ("part", job, key, records)
                  | ("payload", job, piece) | ("finished", job, model_fields)
"part" records are the engine's own records (pickled as they are), in order; the parent makes the
Analysis of them and of `model_fields` (the Analysis's other fields by name), so its reader thread
builds no record from JSON: unpickling a part is one short C call per few hundred records.
The "payload" pieces, joined, are the whole analysis as the library caches it (ASCII JSON, see
Library.save_analysis), made here so the window's process never serialises megabytes while it paints;
it arrives in pieces so that no one message takes the window's interpreter long to unpickle.
                  ("failed", job, message) | ("cancelled", job)
"""

from __future__ import annotations

import json
import os
import queue
import threading
from dataclasses import fields
from multiprocessing.connection import Connection
from typing import Any

# Records travel in small parts so the parent never unpickles one huge message while holding its GIL.
PART_SIZE = 500
RECORDS = ("entities", "quotes", "numbers", "facts")  # the Analysis fields that travel in parts
PAYLOAD_PIECE = 256 * 1024  # characters of the cache payload per message
_PROGRESS_STEP = 0.01


def serve(commands: Connection, events: Connection, model_name: str, fast_gemm: bool) -> None:
    """Entry point of the child process; it ends quietly once the window's process has gone."""
    try:
        _serve(commands, events, model_name, fast_gemm)
    except (BrokenPipeError, ConnectionResetError, EOFError):
        return  # the window ended (or crashed) mid-job: nobody is left to tell, so no traceback either


def _serve(commands: Connection, events: Connection, model_name: str, fast_gemm: bool) -> None:
    jobs: queue.Queue[tuple[int, str, int | None] | None] = queue.Queue()
    cancelled: set[int] = set()
    threading.Thread(target=_read_commands, args=(commands, jobs, cancelled), daemon=True).start()

    from desktop.analysis.nlp import ModelError, load_pipeline, model_version
    from desktop.config import PROCESSES_ENV, ModelChoice, analysis_processes

    # One spaCy process for the window's analyses, unless the reader asks for more: the other core
    # stays with the window (long texts would otherwise fork a second parser, see parse_processes).
    os.environ.setdefault(PROCESSES_ENV, "1")

    model_error = ""
    try:
        nlp = load_pipeline(model_name, fast_gemm)
    except ModelError as exc:
        model_error = str(exc)
        nlp = None
    except Exception as exc:  # a broken install must reach the window as a message, not a dead process
        model_error = f"The spaCy pipeline '{model_name}' could not be loaded: {exc}"
        nlp = None
    if nlp is None:
        events.send(("model_failed", model_error))
    else:
        events.send(("model_loaded", model_name, model_version(nlp)))

    model = ModelChoice(name=model_name, fast_gemm=fast_gemm)
    while True:
        item = jobs.get()
        if item is None:
            return
        job, text, processes = item
        if processes:  # the reader's preference, read by the parser (config.analysis_processes) for this job
            os.environ[PROCESSES_ENV] = str(processes)
        if job in cancelled:
            events.send(("cancelled", job))
            continue
        if nlp is None:
            events.send(("failed", job, model_error))
            continue
        events.send(("started", job, analysis_processes()))
        _run_job(job, text, model, events, cancelled)


def _read_commands(commands: Connection, jobs: queue.Queue, cancelled: set[int]) -> None:
    while True:
        try:
            message = commands.recv()
        except (EOFError, OSError):
            message = ("quit",)
        if message[0] == "analyze":
            jobs.put((message[1], message[2], message[3] if len(message) > 3 else None))
        elif message[0] == "cancel":
            cancelled.add(message[1])
        else:
            jobs.put(None)
            return


def _run_job(job: int, text: str, model: Any, events: Connection, cancelled: set[int]) -> None:
    from desktop.analysis.engine import analyze_text
    from desktop.analysis.nlp import AnalysisCancelled

    last = [0.0]

    def progress(fraction: float) -> None:
        if fraction - last[0] >= _PROGRESS_STEP or fraction >= 1.0:
            last[0] = fraction
            events.send(("progress", job, fraction))

    try:
        analysis = analyze_text(text, model, progress, lambda: job in cancelled)
    except AnalysisCancelled:
        events.send(("cancelled", job))
        return
    except Exception as exc:
        events.send(("failed", job, f"The analysis failed: {exc}"))
        return
    from desktop.store.library import PAYLOAD_JSON

    payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    for key in RECORDS:
        records = getattr(analysis, key)
        for i in range(0, len(records), PART_SIZE):
            events.send(("part", job, key, records[i : i + PART_SIZE]))
    for i in range(0, len(payload), PAYLOAD_PIECE):
        events.send(("payload", job, payload[i : i + PAYLOAD_PIECE]))
    others = {f.name: getattr(analysis, f.name) for f in fields(analysis) if f.name not in RECORDS}
    events.send(("finished", job, others))
